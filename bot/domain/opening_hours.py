"""A room's opening hours, read from what a coordinator types or a file holds, and whether a booking fits.

"Mon-Fri 09:00-21:00; Sat 10:00-16:00" (Welsh day names work too: "Llun-Gwe 09:00-21:00"). A span that
closes at or before it opens runs past midnight ("Fri 18:00-02:00"). No spans at all means always open.
Hours are local wall-clock times in the group's time zone, so they hold across the clock changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.dates import local_to_utc

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_WORDS = {
    **{name: index for index, name in enumerate(DAYS)},
    **{name: index for index, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{name: index for index, name in enumerate(("llun", "maw", "mer", "iau", "gwe", "sad", "sul"))},
    "mawrth": 1, "mercher": 2, "gwener": 4, "sadwrn": 5, "tues": 1, "weds": 2, "thur": 3, "thurs": 3,
}
_EVERY_DAY = {"daily", "every day", "bob dydd", "pob dydd"}
_ALWAYS = {"", "always", "always open", "24/7", "bob amser", "ar agor bob amser"}
_SPAN = re.compile(r"^(?P<days>.+?)\s+(?P<open>\d{1,2}[:.]\d{2})\s*[-–]\s*(?P<close>\d{1,2}[:.]\d{2})$")
TEXT_MAX = 300


class OpeningHoursError(ValueError):
    """The text is not a list of "days HH:MM-HH:MM" spans."""


@dataclass(frozen=True)
class OpeningHours:
    """(weekday, opens, closes) spans, Monday = 0; none at all means always open."""

    spans: tuple[tuple[int, time, time], ...] = ()

    @property
    def always(self) -> bool:
        return not self.spans

    def text(self) -> str:
        """The canonical form that is stored, e.g. "Mon-Fri 09:00-21:00; Sat 10:00-16:00"."""
        return "; ".join(f"{days} {opens}-{closes}" for days, opens, closes in self.grouped(DAYS))

    def grouped(self, day_names: tuple[str, ...]) -> list[tuple[str, str, str]]:
        """Runs of days with the same hours, named with `day_names` (Monday first): ("Mon-Fri", "09:00", "21:00")."""
        runs: list[tuple[int, int, time, time]] = []
        for day, opens, closes in sorted(self.spans, key=lambda span: (span[1], span[2], span[0])):
            last = runs[-1] if runs else None
            if last is not None and last[2:] == (opens, closes) and last[1] == day - 1:
                runs[-1] = (last[0], day, opens, closes)
            else:
                runs.append((day, day, opens, closes))
        runs.sort(key=lambda run: (run[0], run[2]))
        return [(day_names[first] if first == last else f"{day_names[first]}-{day_names[last]}",
                 f"{opens:%H:%M}", f"{closes:%H:%M}") for first, last, opens, closes in runs]


def read_opening_hours(text: str) -> OpeningHours:
    """Read typed or imported opening hours; OpeningHoursError if any part can't be read."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in _ALWAYS:
        return OpeningHours()
    if len(cleaned) > TEXT_MAX:
        raise OpeningHoursError(text)
    spans: set[tuple[int, time, time]] = set()
    for part in filter(None, (piece.strip() for piece in re.split(r"[;\n]", cleaned))):
        match = _SPAN.match(part)
        if match is None:
            raise OpeningHoursError(part)
        opens, closes = _clock(match["open"]), _clock(match["close"])
        spans |= {(day, opens, closes) for day in _days(match["days"])}
    return OpeningHours(tuple(sorted(spans)))


def _clock(text: str) -> time:
    hour, minute = (int(piece) for piece in re.split(r"[:.]", text))
    if hour == 24 and minute == 0:
        return time(0, 0)
    if not (0 <= hour < 24 and 0 <= minute < 60):
        raise OpeningHoursError(text)
    return time(hour, minute)


def _days(text: str) -> list[int]:
    if text in _EVERY_DAY:
        return list(range(7))
    found: list[int] = []
    for piece in filter(None, (piece.strip() for piece in text.split(","))):
        first, _, last = (word.strip() for word in piece.partition("-"))
        if first not in _DAY_WORDS or (last and last not in _DAY_WORDS):
            raise OpeningHoursError(piece)
        start, end = _DAY_WORDS[first], _DAY_WORDS[last or first]
        found.extend((start + step) % 7 for step in range((end - start) % 7 + 1))
    return found


def open_intervals(hours: OpeningHours, first: date, last: date, zone: ZoneInfo) -> list[tuple[datetime, datetime]]:
    """The open times (UTC) of the local days first..last, touching spans joined into one."""
    intervals: list[tuple[datetime, datetime]] = []
    day = first
    while day <= last:
        for weekday, opens, closes in hours.spans:
            if weekday == day.weekday():
                end_day = day if closes > opens else day + timedelta(days=1)
                intervals.append((local_to_utc(day, opens, zone), local_to_utc(end_day, closes, zone)))
        day += timedelta(days=1)
    joined: list[tuple[datetime, datetime]] = []
    for start, end in sorted(intervals):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def open_during(hours: OpeningHours, starts_at: datetime, ends_at: datetime, zone: ZoneInfo) -> bool:
    """Whether the place is open for the whole of [starts_at, ends_at)."""
    if hours.always:
        return True
    first = starts_at.astimezone(zone).date() - timedelta(days=1)  # a span from the evening before may cover it
    last = ends_at.astimezone(zone).date()
    return any(start <= starts_at and ends_at <= end for start, end in open_intervals(hours, first, last, zone))
