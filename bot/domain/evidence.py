"""The rules of the evidence report: which instants a period of days covers, who counts as new or coming
back, and how small numbers are hidden before figures leave a group."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

SMALL = 5  # organisation-wide output shows counts of 1 to 4 as "fewer than 5"


def window(first: date, last: date, zone: str) -> tuple[datetime, datetime]:
    """The UTC instants [start, end) of the local days first..last: local midnights, so a period's edges
    stay at midnight on either side of a clock change."""
    tz = ZoneInfo(zone)
    start = datetime.combine(first, time(), tz).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(), tz).astimezone(UTC)
    return start, end


def local_month(instant: datetime, zone: str) -> tuple[int, int]:
    local = instant.astimezone(ZoneInfo(zone))
    return local.year, local.month


def local_day(instant: datetime, zone: str) -> date:
    return instant.astimezone(ZoneInfo(zone)).date()


@dataclass(frozen=True)
class Visits:
    """Who came in the period: everyone, those who came for the first time, and those who came back."""

    came: frozenset[int]
    new: frozenset[int]
    returning: frozenset[int]


def visits(attendance: Iterable[tuple[int, datetime]], start: datetime, end: datetime) -> Visits:
    """From (person, meet-up start) ticks up to `end`: new means their first meet-up ever was in the period;
    coming back means they came in the period and had come at least once before (then or earlier)."""
    first: dict[int, datetime] = {}
    times: dict[int, int] = {}
    came: set[int] = set()
    for person, starts in attendance:
        if starts >= end:
            continue
        first[person] = min(first.get(person, starts), starts)
        times[person] = times.get(person, 0) + 1
        if starts >= start:
            came.add(person)
    new = {person for person in came if first[person] >= start}
    returning = {person for person in came if times[person] > 1}
    return Visits(frozenset(came), frozenset(new), frozenset(returning))


def hidden(count: int) -> bool:
    """Whether an organisation-wide count is too small to show: 1 to 4 could point at a person. Nought
    points at nobody and is shown."""
    return 0 < count < SMALL


def share(part: int, whole: int) -> int | None:
    """A whole-number percentage, or None when there is nothing to share out."""
    return round(100 * part / whole) if whole else None
