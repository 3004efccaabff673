"""Reading what people type for resources and requests: counts, amounts, end times, budget periods."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.resources import (
    MONEY_MAX,
    SEATS_MAX,
    NumberProblem,
    Period,
    Reading,
    RoomSpec,
    TimeProblem,
    check_times,
    ends_at,
    period_of,
    read_count,
    read_money,
)

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(("text", "pence"), [("£20", 2000), ("20", 2000), ("12.50", 1250), ("£1,200", 120000),
                                             ("7.5", 750), ("30 pounds", 3000)])
def test_amounts_of_money_are_read_in_pence(text, pence):
    assert read_money(text, MONEY_MAX).value == pence


@pytest.mark.parametrize(("text", "problem"), [("£-5", NumberProblem.NEGATIVE), ("-£5", NumberProblem.NEGATIVE),
                                               ("lots", NumberProblem.UNREADABLE), ("£0", NumberProblem.TOO_SMALL),
                                               ("£20,000", NumberProblem.TOO_BIG), ("", NumberProblem.UNREADABLE)])
def test_amounts_that_are_not_money_say_why(text, problem):
    reading = read_money(text, MONEY_MAX)
    assert reading.value is None and reading.problem is problem


@pytest.mark.parametrize(("text", "problem"), [("0", NumberProblem.TOO_SMALL), ("10,000", NumberProblem.TOO_BIG),
                                               ("10000", NumberProblem.TOO_BIG), ("lots", NumberProblem.UNREADABLE),
                                               ("-3", NumberProblem.TOO_SMALL)])
def test_zero_or_ten_thousand_seats_are_refused(text, problem):
    assert read_count(text, 1, SEATS_MAX) == Reading(problem=problem)


def test_a_count_in_range_is_read():
    assert read_count(" 12 ", 1, SEATS_MAX).value == 12


def test_an_end_time_on_its_own_is_on_the_starting_day_and_must_come_after_the_start():
    start = datetime(2026, 12, 4, 18, 0, tzinfo=UTC)
    assert ends_at(start, (20, 30), LONDON) == datetime(2026, 12, 4, 20, 30, tzinfo=UTC)
    assert check_times(start, ends_at(start, (17, 0), LONDON)) is TimeProblem.END_BEFORE_START
    assert check_times(start, start) is TimeProblem.END_BEFORE_START
    assert check_times(start, datetime(2026, 12, 9, 18, 0, tzinfo=UTC)) is TimeProblem.TOO_LONG
    assert check_times(start, datetime(2026, 12, 5, 1, 0, tzinfo=UTC)) is None


def test_budget_periods_are_calendar_months_quarters_and_years():
    today = date(2026, 11, 21)
    assert period_of(Period.MONTH, today) == (date(2026, 11, 1), date(2026, 11, 30))
    assert period_of(Period.QUARTER, today) == (date(2026, 10, 1), date(2026, 12, 31))
    assert period_of(Period.YEAR, today) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period_of(Period.MONTH, date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))


def test_a_room_spec_names_its_problems():
    assert RoomSpec("Hall", capacity=30).problems() == []
    assert RoomSpec("", capacity=0, buffer_minutes=-5).problems() == ["name", "capacity", "buffer"]
