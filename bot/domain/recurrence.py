"""Recurring meet-ups: "every Tuesday 18:00", "every second Tuesday", "the first Tuesday of the month".

A series keeps its wall-clock time in the group's time zone, so 18:00 stays 18:00 across the March and
October clock changes (the UTC instant moves by an hour instead). The first meet-up fixes the weekday,
the time and, for monthly series, which week of the month (the 5th becomes "the last").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.dates import local_to_utc

MAX_OCCURRENCES = 520  # ten years of weekly meet-ups: a guard against asking for "all of them"


class Every(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"  # "every second Tuesday"
    MONTHLY = "monthly"  # the same week of each month: "the second Tuesday of the month"


@dataclass(frozen=True)
class Recurrence:
    every: Every
    first: datetime  # aware; the first meet-up of the series
    zone: ZoneInfo

    @property
    def week_of_month(self) -> int:
        """1-4 for the first to fourth weekday of its kind in the month; -1 for the last (a 5th)."""
        ordinal = (self._local_first.day - 1) // 7 + 1
        return -1 if ordinal == 5 else ordinal

    @property
    def _local_first(self) -> datetime:
        return self.first.astimezone(self.zone)

    def occurrences(self, after: datetime, count: int) -> list[datetime]:
        """The next `count` starts (aware UTC) strictly after `after`, from the first one on."""
        found: list[datetime] = []
        for day in self._days():
            moment = local_to_utc(day, self._local_first.time().replace(tzinfo=None), self.zone)
            if moment > after:
                found.append(moment)
            if len(found) >= min(count, MAX_OCCURRENCES):
                break
        return found

    def between(self, start: datetime, end: datetime) -> list[datetime]:
        """Every start in [start, end), at most MAX_OCCURRENCES."""
        return [moment for moment in self.occurrences(start - timedelta(microseconds=1), MAX_OCCURRENCES)
                if moment < end]

    def _days(self) -> Iterator[date]:
        first_day = self._local_first.date()
        if self.every is Every.MONTHLY:
            year, month = first_day.year, first_day.month
            for _ in range(MAX_OCCURRENCES * 2):
                day = nth_weekday(year, month, first_day.weekday(), self.week_of_month)
                if day >= first_day:
                    yield day
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
            return
        step = timedelta(days=7 if self.every is Every.WEEKLY else 14)
        for index in range(MAX_OCCURRENCES * 2):
            yield first_day + step * index


def nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date:
    """The `ordinal`th `weekday` (Monday 0) of the month; ordinal -1 is the last one."""
    if ordinal == -1:
        following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
        last = following - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (ordinal - 1))

