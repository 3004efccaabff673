"""When a reminder should really go: quiet hours, reminders that are no use any more, weekly digests.

All datetimes are aware UTC; local rules (quiet hours, "Monday 09:00") are read in the recipient's or
the group's time zone, so they hold across the clock changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.dates import local_to_utc


class ReminderState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # claimed by the sender; back to pending if the process died mid-send
    SENT = "sent"
    CANCELLED = "cancelled"
    SKIPPED = "skipped"  # too late to be useful (the meet-up has started)
    FAILED = "failed"
    # Handed to Telegram, which never said whether it took it (a timeout, a connection lost after sending):
    # perhaps delivered, so never sent again (at most once; see bot/schedule/delivery.py).
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class QuietHours:
    """No private messages between start and end, local time (the default is 21:00-08:00)."""

    start: time = time(21, 0)
    end: time = time(8, 0)

    def contains(self, local: time) -> bool:
        if self.start == self.end:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end

    def next_end(self, moment: datetime, zone: ZoneInfo) -> datetime:
        """The first moment after `moment` when quiet hours are over."""
        local = moment.astimezone(zone)
        day = local.date() if local.time() < self.end else local.date() + timedelta(days=1)
        return local_to_utc(day, self.end, zone)


def send_time(due: datetime, zone: ZoneInfo, quiet: QuietHours | None, useful_until: datetime | None) -> datetime:
    """When a private reminder due at `due` should go: after quiet hours, unless waiting would make it
    arrive after the thing it is about (then it goes at once, quiet hours or not)."""
    if quiet is None or not quiet.contains(due.astimezone(zone).time()):
        return due
    morning = quiet.next_end(due, zone)
    if useful_until is not None and morning >= useful_until:
        return due
    return morning


def too_late(now: datetime, useful_until: datetime | None) -> bool:
    """A reminder about something that has already started is skipped, never sent late."""
    return useful_until is not None and now >= useful_until


def next_weekly(after: datetime, weekday: int, at: time, zone: ZoneInfo) -> datetime:
    """The next `weekday` (0 = Monday) at local time `at` strictly after `after`, in UTC."""
    local = after.astimezone(zone)
    days = (weekday - local.weekday()) % 7
    candidate = local_to_utc(local.date() + timedelta(days=days), at, zone)
    if candidate <= after:
        candidate = local_to_utc(local.date() + timedelta(days=days + 7), at, zone)
    return candidate


GROUP_LEAD = timedelta(hours=24)  # a meet-up's reminder in its group chat, a day before
PRIVATE_LEAD = timedelta(hours=2)  # the private reminder to each person going
DIGEST_WEEKDAY, DIGEST_HOUR = 0, 9  # the weekly list of meet-ups: Monday 09:00 group time, unless changed
DIGEST_SPAN = timedelta(days=7)  # the list covers the week from when it is sent
DIGEST_HOURS = tuple(range(7, 21))  # hours a group may choose for it (07:00 to 20:00)
DIGEST_USEFUL = timedelta(hours=12)  # a list that could not go by the evening is skipped; the next week's still goes


def before(starts_at: datetime, lead: timedelta, now: datetime) -> datetime | None:
    """When a reminder `lead` before a start is due; None when that moment has passed already (someone
    who answers Going an hour before needs no "in two hours" note, and a meet-up made for tonight was
    just posted)."""
    due = starts_at - lead
    return due if due > now else None


def digest_due(after: datetime, weekday: int, hour: int, zone: ZoneInfo) -> datetime:
    """The group's next weekly list strictly after `after`: its weekday at its hour, local time."""
    return next_weekly(after, weekday, time(hour, 0), zone)


def digest_week(due: datetime, zone: ZoneInfo) -> str:
    """The ISO week a digest belongs to ("2026-W48"): one digest per group and week."""
    year, week, _ = due.astimezone(zone).isocalendar()
    return f"{year}-W{week:02d}"


def retry_delay(attempts: int) -> timedelta:
    """Back off after a failed send: 30 s, 1 min, 2 min, 4 min … capped at 30 minutes."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 1800))


MAX_ATTEMPTS = 6
