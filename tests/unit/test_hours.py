"""Reading how long someone gave, typed in Welsh or English, as whole quarters of an hour."""

import pytest

from bot.domain.hours import DAY_LIMIT, HoursProblem, read_hours


@pytest.mark.parametrize(("typed", "quarters"), [
    ("1.5", 6), ("1,5", 6), ("1½", 6), ("1:30", 6), ("1h30", 6), ("2h", 8), ("2.5h", 10), ("45 mins", 3),
    ("90 munud", 6), ("90 minutes", 6), ("1 awr 30 munud", 6), ("2 hours 15 minutes", 9),
    ("awr", 4), ("an hour", 4), ("hanner awr", 2), ("half an hour", 2), ("chwarter awr", 1),
    ("tri chwarter awr", 3), ("three quarters of an hour", 3),
    ("awr a hanner", 6), ("1 awr a hanner", 6), ("dwy awr", 8), ("dwy awr a hanner", 10), ("am ddwy awr", 8),
    ("tair awr a chwarter", 13), ("awr a thri chwarter", 7), ("one and a half hours", 6), ("two hours", 8),
    ("an hour and a half", 6), ("un ar ddeg awr", 44),
    ("half day", 16), ("half a day", 16), ("hanner diwrnod", 16), ("24", DAY_LIMIT),
])
def test_welsh_and_english_durations_are_read_in_quarters(typed, quarters):
    assert read_hours(typed).quarters == quarters


@pytest.mark.parametrize(("typed", "problem"), [
    ("", HoursProblem.EMPTY), ("   ", HoursProblem.EMPTY),
    ("0", HoursProblem.ZERO), ("0 awr", HoursProblem.ZERO),
    ("-1", HoursProblem.NEGATIVE), ("−2 awr", HoursProblem.NEGATIVE), ("minus 3", HoursProblem.NEGATIVE),
    ("25", HoursProblem.TOO_LONG), ("25 awr", HoursProblem.TOO_LONG), ("3 days and 1 hour", HoursProblem.TOO_LONG),
    ("1.3", HoursProblem.NOT_QUARTER), ("20 munud", HoursProblem.NOT_QUARTER),
    ("banana", HoursProblem.UNREADABLE), ("1 2", HoursProblem.UNREADABLE), ("dwy awr a hanner y dydd",
                                                                           HoursProblem.UNREADABLE),
    ("x" * 100, HoursProblem.UNREADABLE),
])
def test_nothing_negative_more_than_a_day_or_not_in_quarters_is_accepted(typed, problem):
    reading = read_hours(typed)
    assert reading.quarters is None and reading.problem is problem


def test_a_larger_limit_allows_bigger_amounts_for_gifts_and_corrections():
    assert read_hours("30", limit=240 * 4).quarters == 120
    assert read_hours("300", limit=240 * 4).problem is HoursProblem.TOO_LONG
