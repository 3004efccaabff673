"""When reminders really go: quiet hours, late reminders, weekly digests across the clock changes."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.reminders import QuietHours, next_weekly, retry_delay, send_time, too_late

LONDON = ZoneInfo("Europe/London")


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_quiet_hours_wrap_past_midnight():
    quiet = QuietHours()
    assert quiet.contains(time(22, 0)) and quiet.contains(time(7, 59)) and quiet.contains(time(21, 0))
    assert not quiet.contains(time(8, 0)) and not quiet.contains(time(12, 0))


def test_a_reminder_due_in_quiet_hours_waits_for_the_morning():
    due = utc(2026, 11, 23, 22, 30)  # 22:30 in London (GMT)
    assert send_time(due, LONDON, QuietHours(), useful_until=utc(2026, 11, 24, 18, 0)) == utc(2026, 11, 24, 8, 0)


def test_a_reminder_goes_at_once_if_waiting_would_be_too_late():
    due = utc(2026, 11, 23, 22, 30)
    meetup = utc(2026, 11, 24, 7, 30)  # an early walk, before the quiet hours end
    assert send_time(due, LONDON, QuietHours(), useful_until=meetup) == due


def test_quiet_hours_are_local_time_in_summer_too():
    due = utc(2026, 7, 1, 19, 30)  # 20:30 BST: not quiet yet
    assert send_time(due, LONDON, QuietHours(), None) == due
    due = utc(2026, 7, 1, 20, 30)  # 21:30 BST: quiet until 08:00 BST = 07:00 UTC
    assert send_time(due, LONDON, QuietHours(), None) == utc(2026, 7, 2, 7, 0)


def test_the_morning_after_the_clocks_go_back_is_found_in_local_time():
    due = utc(2026, 10, 24, 21, 0)  # Saturday 22:00 BST; the clocks go back that night
    assert send_time(due, LONDON, QuietHours(), None) == utc(2026, 10, 25, 8, 0)  # 08:00 GMT


def test_no_quiet_hours_when_start_equals_end():
    assert not QuietHours(time(9), time(9)).contains(time(23))


def test_a_reminder_about_something_already_started_is_too_late():
    assert too_late(utc(2026, 12, 5, 14, 31), utc(2026, 12, 5, 14, 30))
    assert not too_late(utc(2026, 12, 5, 14, 0), utc(2026, 12, 5, 14, 30))
    assert not too_late(utc(2026, 12, 5, 14, 0), None)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (utc(2026, 3, 23, 12, 0), utc(2026, 3, 30, 8, 0)),  # Monday 30 March, the day after the change: 09:00 BST
        (utc(2026, 3, 20, 12, 0), utc(2026, 3, 23, 9, 0)),  # Monday 23 March: 09:00 GMT
        (utc(2026, 10, 20, 12, 0), utc(2026, 10, 26, 9, 0)),  # Monday 26 October, after the change: 09:00 GMT
        (utc(2026, 10, 13, 12, 0), utc(2026, 10, 19, 8, 0)),  # Monday 19 October: 09:00 BST
    ],
)
def test_a_weekly_monday_0900_digest_stays_at_0900_local_time(after, expected):
    moment = next_weekly(after, 0, time(9, 0), LONDON)
    assert moment == expected
    assert moment.astimezone(LONDON).time() == time(9, 0)


def test_the_next_weekly_time_is_strictly_after_the_given_moment():
    monday_nine = utc(2026, 11, 23, 9, 0)
    assert next_weekly(monday_nine, 0, time(9, 0), LONDON) == monday_nine + timedelta(days=7)


def test_retries_back_off_and_are_capped():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert retry_delay(20) == timedelta(minutes=30)
