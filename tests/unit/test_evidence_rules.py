"""The evidence report's rules: a period's edges at local midnight across the clock changes, who is new
or coming back, and which counts are too small to show organisation-wide."""

from datetime import UTC, date, datetime

from bot.domain.evidence import hidden, local_month, share, visits, window

LONDON = "Europe/London"


def test_a_summer_month_starts_an_hour_before_utc_midnight():
    start, end = window(date(2026, 4, 1), date(2026, 4, 30), LONDON)
    assert start == datetime(2026, 3, 31, 23, tzinfo=UTC)
    assert end == datetime(2026, 4, 30, 23, tzinfo=UTC)


def test_a_period_across_a_clock_change_keeps_both_edges_at_local_midnight():
    start, end = window(date(2026, 3, 1), date(2026, 3, 31), LONDON)  # summer time from 29 March
    assert (start, end) == (datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 31, 23, tzinfo=UTC))
    start, end = window(date(2026, 10, 1), date(2026, 10, 31), LONDON)  # back to GMT on 25 October
    assert (start, end) == (datetime(2026, 9, 30, 23, tzinfo=UTC), datetime(2026, 11, 1, tzinfo=UTC))


def test_a_meetup_belongs_to_its_local_month():
    assert local_month(datetime(2026, 9, 30, 23, 30, tzinfo=UTC), LONDON) == (2026, 10)
    assert local_month(datetime(2026, 10, 31, 23, 30, tzinfo=UTC), LONDON) == (2026, 10)
    assert local_month(datetime(2027, 1, 31, 23, 30, tzinfo=UTC), LONDON) == (2027, 1)


def test_new_and_coming_back():
    start, end = window(date(2026, 4, 1), date(2026, 4, 30), LONDON)
    march, april, may = (datetime(2026, m, 10, tzinfo=UTC) for m in (3, 4, 5))
    found = visits([(1, march), (1, april), (2, april), (3, april), (3, april), (4, march), (5, may)], start, end)
    assert found.came == {1, 2, 3}
    assert found.new == {2, 3}
    assert found.returning == {1, 3}


def test_only_one_to_four_are_hidden():
    assert [n for n in range(8) if hidden(n)] == [1, 2, 3, 4]


def test_shares():
    assert share(1, 3) == 33 and share(5, 16) == 31 and share(0, 0) is None
