"""When meet-up reminders and the weekly list are due: a day and two hours before, Monday 09:00 local time
across the clock changes, quiet hours, and nothing planned for a moment that has passed."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.reminders import (
    GROUP_LEAD,
    PRIVATE_LEAD,
    QuietHours,
    before,
    digest_due,
    digest_week,
    send_time,
    too_late,
)

LONDON = ZoneInfo("Europe/London")


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def test_the_group_reminder_is_a_day_before_and_the_private_one_two_hours_before():
    starts = utc(2026, 12, 1, 18, 0)
    now = utc(2026, 11, 21, 10, 0)
    assert before(starts, GROUP_LEAD, now) == utc(2026, 11, 30, 18, 0)
    assert before(starts, PRIVATE_LEAD, now) == utc(2026, 12, 1, 16, 0)


def test_a_reminder_whose_moment_has_passed_is_not_planned():
    starts = utc(2026, 11, 21, 20, 0)  # tonight: made (or answered) with less than a day to go
    assert before(starts, GROUP_LEAD, utc(2026, 11, 21, 10, 0)) is None
    assert before(starts, PRIVATE_LEAD, utc(2026, 11, 21, 18, 30)) is None
    assert before(starts, PRIVATE_LEAD, utc(2026, 11, 21, 17, 59)) == utc(2026, 11, 21, 18, 0)


def test_the_weekly_list_is_monday_0900_london_time_on_both_sides_of_the_march_change():
    first = digest_due(utc(2027, 3, 20, 12, 0), 0, 9, LONDON)  # a Saturday in GMT
    assert first == utc(2027, 3, 22, 9, 0)  # Monday 09:00 GMT
    after = digest_due(first, 0, 9, LONDON)  # the clocks went forward on Sunday 28 March
    assert after == utc(2027, 3, 29, 8, 0)  # Monday 09:00 BST
    assert after.astimezone(LONDON).hour == 9


def test_the_weekly_list_stays_at_0900_when_the_clocks_go_back_in_october():
    first = digest_due(utc(2026, 10, 20, 12, 0), 0, 9, LONDON)
    assert first == utc(2026, 10, 26, 9, 0)  # the Monday after the change (25 October): 09:00 GMT
    before_change = digest_due(utc(2026, 10, 12, 12, 0), 0, 9, LONDON)
    assert before_change == utc(2026, 10, 19, 8, 0)  # 09:00 BST
    assert digest_due(before_change, 0, 9, LONDON) == first


def test_a_group_chooses_its_own_day_and_hour():
    assert digest_due(utc(2026, 11, 21, 10, 0), 4, 18, LONDON) == utc(2026, 11, 27, 18, 0)  # Friday 18:00
    assert digest_due(utc(2026, 11, 27, 18, 0), 4, 18, LONDON) == utc(2026, 12, 4, 18, 0)  # strictly after


def test_the_weekly_list_is_keyed_by_the_local_iso_week():
    assert digest_week(utc(2026, 11, 23, 9, 0), LONDON) == "2026-W48"
    assert digest_week(utc(2026, 11, 29, 23, 30), LONDON) == "2026-W48"  # Sunday night: still the same week
    assert digest_week(utc(2027, 1, 4, 9, 0), LONDON) == "2027-W01"


def test_a_private_reminder_in_quiet_hours_waits_for_the_morning_unless_the_meetup_is_before_then():
    morning_walk = utc(2026, 11, 24, 9, 0)  # 09:00: its reminder is due 07:00, in quiet hours
    due = before(morning_walk, PRIVATE_LEAD, utc(2026, 11, 21, 10, 0))
    assert due is not None and send_time(due, LONDON, QuietHours(), morning_walk) == utc(2026, 11, 24, 8, 0)
    early_walk = utc(2026, 11, 24, 7, 30)  # 07:30: waiting for 08:00 would be too late: it goes at 05:30
    due = before(early_walk, PRIVATE_LEAD, utc(2026, 11, 21, 10, 0))
    assert due is not None and send_time(due, LONDON, QuietHours(), early_walk) == due


def test_a_reminder_still_waiting_when_the_meetup_starts_is_skipped():
    starts = utc(2026, 12, 1, 18, 0)
    assert not too_late(starts - timedelta(minutes=1), starts)
    assert too_late(starts, starts) and too_late(starts + timedelta(hours=1), starts)
