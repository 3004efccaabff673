"""Who may confirm time given, the day it was given, and what a meet-up suggests."""

from datetime import date, timedelta

import pytest

from bot.domain.contributions import (
    DayProblem,
    DayReading,
    Role,
    fits_in_day,
    may_confirm,
    read_day,
    read_period,
    suggested_quarters,
)

TODAY = date(2026, 11, 21)  # a Saturday


def test_nobody_confirms_their_own_time_not_even_a_coordinator():
    assert not may_confirm(is_self=True, is_coordinator=True, is_member=True, is_chosen=True, attended=True)


def test_a_coordinator_of_the_group_may_always_confirm_someone_elses_time():
    assert may_confirm(is_self=False, is_coordinator=True, is_member=True, is_chosen=False, attended=False)


def test_a_member_may_confirm_only_if_chosen_and_there():
    assert may_confirm(is_self=False, is_coordinator=False, is_member=True, is_chosen=True, attended=None)
    assert may_confirm(is_self=False, is_coordinator=False, is_member=True, is_chosen=True, attended=True)
    assert not may_confirm(is_self=False, is_coordinator=False, is_member=True, is_chosen=True, attended=False)
    assert not may_confirm(is_self=False, is_coordinator=False, is_member=True, is_chosen=False, attended=True)
    assert not may_confirm(is_self=False, is_coordinator=False, is_member=False, is_chosen=True, attended=True)


@pytest.mark.parametrize(("typed", "day"), [
    ("heddiw", TODAY), ("today", TODAY), ("ddoe", date(2026, 11, 20)), ("yesterday", date(2026, 11, 20)),
    ("echdoe", date(2026, 11, 19)), ("3 days ago", date(2026, 11, 18)), ("3 diwrnod yn ôl", date(2026, 11, 18)),
    ("dydd Sadwrn", date(2026, 11, 14)), ("last Friday", date(2026, 11, 20)), ("nos Wener", date(2026, 11, 20)),
    ("5 Tachwedd", date(2026, 11, 5)), ("5 Dachwedd", date(2026, 11, 5)), ("November 5", date(2026, 11, 5)),
    ("5 Rhagfyr", date(2025, 12, 5)), ("20/11", date(2026, 11, 20)), ("2026-11-20", date(2026, 11, 20)),
])
def test_a_day_is_read_looking_back_in_welsh_or_english(typed, day):
    assert read_day(typed, TODAY) == DayReading(day)


@pytest.mark.parametrize(("typed", "problem"), [
    ("5 December 2027", DayProblem.FUTURE), ("5 Rhagfyr 2026", DayProblem.FUTURE),
    ("1 Ionawr 2025", DayProblem.TOO_LONG_AGO), ("31 Chwefror", DayProblem.IMPOSSIBLE_DATE),
    ("banana", DayProblem.UNREADABLE), ("", DayProblem.EMPTY),
])
def test_days_in_the_future_too_long_ago_or_impossible_are_refused(typed, problem):
    assert read_day(typed, TODAY).problem is problem


def test_a_typed_period_ends_after_it_starts():
    assert read_period("1 Medi - 30 Tachwedd", TODAY) == (date(2026, 9, 1), date(2026, 11, 30))
    assert read_period("1/9/2026 to 20/11/2026", TODAY) == (date(2026, 9, 1), date(2026, 11, 20))
    assert read_period("1 Medi", TODAY) is None and read_period("banana - afal", TODAY) is None


def test_a_day_holds_at_most_twenty_four_hours():
    assert fits_in_day(80, 16) and not fits_in_day(80, 17)


def test_a_meetup_suggests_its_length_and_an_hour_more_for_organisers_and_drivers():
    assert suggested_quarters(timedelta(hours=2), Role.ATTENDED) == 8
    assert suggested_quarters(timedelta(hours=2), Role.ORGANISER) == 12
    assert suggested_quarters(timedelta(hours=2), Role.DRIVER) == 12
    assert suggested_quarters(timedelta(minutes=50), Role.LEADER) == 3  # to the nearest quarter
    assert suggested_quarters(timedelta(hours=30), Role.DRIVER) == 96
