"""Recurring meet-ups keep their wall-clock time in the group's zone, across the clock changes."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.recurrence import Every, Recurrence, nth_weekday

LONDON = ZoneInfo("Europe/London")


def _local(moments):
    return [moment.astimezone(LONDON).strftime("%a %d %b %Y %H:%M") for moment in moments]


def test_every_second_tuesday_at_18_00_in_london_crosses_the_march_change_at_18_00_local():
    series = Recurrence(Every.FORTNIGHTLY, datetime(2027, 2, 2, 18, 0, tzinfo=LONDON), LONDON)
    starts = series.occurrences(datetime(2027, 1, 1, tzinfo=UTC), 10)
    assert _local(starts) == [
        "Tue 02 Feb 2027 18:00", "Tue 16 Feb 2027 18:00", "Tue 02 Mar 2027 18:00", "Tue 16 Mar 2027 18:00",
        "Tue 30 Mar 2027 18:00", "Tue 13 Apr 2027 18:00", "Tue 27 Apr 2027 18:00", "Tue 11 May 2027 18:00",
        "Tue 25 May 2027 18:00", "Tue 08 Jun 2027 18:00",
    ]
    # GMT until the last Sunday of March (28 March 2027), then BST: the UTC instant moves, not the wall clock.
    assert starts[3] == datetime(2027, 3, 16, 18, 0, tzinfo=UTC)
    assert starts[4] == datetime(2027, 3, 30, 17, 0, tzinfo=UTC)


def test_every_second_tuesday_at_18_00_in_london_crosses_the_october_change_at_18_00_local():
    series = Recurrence(Every.FORTNIGHTLY, datetime(2026, 9, 1, 18, 0, tzinfo=LONDON), LONDON)
    starts = series.occurrences(datetime(2026, 8, 1, tzinfo=UTC), 10)
    assert _local(starts) == [
        "Tue 01 Sep 2026 18:00", "Tue 15 Sep 2026 18:00", "Tue 29 Sep 2026 18:00", "Tue 13 Oct 2026 18:00",
        "Tue 27 Oct 2026 18:00", "Tue 10 Nov 2026 18:00", "Tue 24 Nov 2026 18:00", "Tue 08 Dec 2026 18:00",
        "Tue 22 Dec 2026 18:00", "Tue 05 Jan 2027 18:00",
    ]
    # BST until the last Sunday of October (25 October 2026), then GMT.
    assert starts[3] == datetime(2026, 10, 13, 17, 0, tzinfo=UTC)
    assert starts[4] == datetime(2026, 10, 27, 18, 0, tzinfo=UTC)


def test_the_next_dates_are_counted_from_now_not_from_the_first_meetup():
    series = Recurrence(Every.FORTNIGHTLY, datetime(2026, 9, 1, 18, 0, tzinfo=LONDON), LONDON)
    starts = series.occurrences(datetime(2026, 10, 20, 12, 0, tzinfo=UTC), 12)
    assert len(starts) == 12
    assert _local(starts)[0] == "Tue 27 Oct 2026 18:00"
    assert _local(starts)[-1] == "Tue 30 Mar 2027 18:00"  # both changes crossed in one run


def test_a_weekly_series_skips_nothing_and_keeps_its_weekday():
    series = Recurrence(Every.WEEKLY, datetime(2027, 3, 23, 19, 30, tzinfo=LONDON), LONDON)
    starts = series.occurrences(datetime(2027, 3, 1, tzinfo=UTC), 3)
    assert _local(starts) == ["Tue 23 Mar 2027 19:30", "Tue 30 Mar 2027 19:30", "Tue 06 Apr 2027 19:30"]


def test_a_monthly_series_keeps_the_same_week_of_the_month():
    series = Recurrence(Every.MONTHLY, datetime(2026, 11, 10, 18, 0, tzinfo=LONDON), LONDON)  # 2nd Tuesday
    assert series.week_of_month == 2
    starts = series.occurrences(datetime(2026, 11, 1, tzinfo=UTC), 5)
    assert _local(starts) == ["Tue 10 Nov 2026 18:00", "Tue 08 Dec 2026 18:00", "Tue 12 Jan 2027 18:00",
                              "Tue 09 Feb 2027 18:00", "Tue 09 Mar 2027 18:00"]


def test_a_monthly_series_that_starts_on_a_fifth_weekday_keeps_to_the_last_one():
    series = Recurrence(Every.MONTHLY, datetime(2026, 12, 29, 18, 0, tzinfo=LONDON), LONDON)  # 5th Tuesday
    assert series.week_of_month == -1
    starts = series.occurrences(datetime(2026, 12, 1, tzinfo=UTC), 3)
    assert _local(starts) == ["Tue 29 Dec 2026 18:00", "Tue 26 Jan 2027 18:00", "Tue 23 Feb 2027 18:00"]


def test_between_gives_every_start_in_the_window_and_nothing_outside_it():
    series = Recurrence(Every.WEEKLY, datetime(2026, 11, 24, 18, 0, tzinfo=LONDON), LONDON)
    starts = series.between(datetime(2026, 11, 24, 18, 0, tzinfo=UTC), datetime(2026, 12, 8, 18, 0, tzinfo=UTC))
    assert _local(starts) == ["Tue 24 Nov 2026 18:00", "Tue 01 Dec 2026 18:00"]


@pytest.mark.parametrize(("year", "month", "weekday", "ordinal", "expected"), [
    (2026, 12, 1, 1, date(2026, 12, 1)),
    (2026, 12, 1, 2, date(2026, 12, 8)),
    (2026, 12, 1, -1, date(2026, 12, 29)),
    (2027, 2, 0, -1, date(2027, 2, 22)),
    (2027, 12, 4, -1, date(2027, 12, 31)),
])
def test_nth_weekday_of_a_month(year, month, weekday, ordinal, expected):
    assert nth_weekday(year, month, weekday, ordinal) == expected
