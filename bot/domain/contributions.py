"""Contributions: the time a member gave, who may confirm it, and reading the day it happened.

A contribution is logged (pending), then confirmed by someone else who was there or by a coordinator
(it then earns time credits), or rejected with a kind reason. Nobody confirms their own.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bot.domain.dates import DAY_MONTH, MONTH_DAY, MONTHS, NUMERIC, WEEKDAYS
from bot.domain.hours import DAY_LIMIT, QUARTERS_PER_HOUR

NOTE_MAX = 200
REASON_MAX = 300
LOOKBACK_DAYS = 366  # a contribution is logged within a year of giving it
REMIND_AFTER = timedelta(days=2)  # the chosen confirmer is reminded once after this
MEETUP_LOOKBACK = timedelta(days=60)  # meet-ups offered when logging


class Category(StrEnum):
    ORGANISING = "organising"
    DRIVING = "driving"
    COOKING = "cooking"  # cooking, making tea
    LEADING = "leading"  # leading an activity
    PEER_SUPPORT = "peer_support"
    ADMIN = "admin"
    OTHER = "other"  # needs a few words


class ContributionState(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"  # taken back by the member before anyone decided (nothing earned, nothing counted)


def may_confirm(*, is_self: bool, is_coordinator: bool, is_member: bool, is_chosen: bool,
                attended: bool | None) -> bool:
    """Never the person themself; a coordinator of the group always; otherwise only the member they
    chose, and only if that member was there (attended is None while attendance is not recorded)."""
    if is_self:
        return False
    if is_coordinator:
        return True
    return is_member and is_chosen and attended is not False


def fits_in_day(already: int, more: int) -> bool:
    """Nobody gives more than 24 hours on one day, however many entries they log for it."""
    return already + more <= DAY_LIMIT


class Role(StrEnum):
    """What someone did at a meet-up, when a coordinator logs for everyone who was there."""

    ATTENDED = "attended"  # took part: peer support
    ORGANISER = "organiser"
    DRIVER = "driver"
    LEADER = "leader"


ROLE_CATEGORY = {Role.ATTENDED: Category.PEER_SUPPORT, Role.ORGANISER: Category.ORGANISING,
                 Role.DRIVER: Category.DRIVING, Role.LEADER: Category.LEADING}
ROLE_EXTRA = {Role.ORGANISER: QUARTERS_PER_HOUR, Role.DRIVER: QUARTERS_PER_HOUR}  # preparing, travelling


def suggested_quarters(length: timedelta, role: Role) -> int:
    """The meet-up's length to the nearest quarter of an hour (at least one), plus an hour for organising
    or driving; never more than a day."""
    quarters = max(1, round(length.total_seconds() / 900))
    return min(DAY_LIMIT, quarters + ROLE_EXTRA.get(role, 0))


class DayProblem(StrEnum):
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    FUTURE = "future"
    IMPOSSIBLE_DATE = "impossible_date"
    TOO_LONG_AGO = "too_long_ago"


@dataclass(frozen=True)
class DayReading:
    day: date | None = None
    problem: DayProblem | None = None


DAYS_BACK = {"heddiw": 0, "today": 0, "ddoe": 1, "doe": 1, "yesterday": 1, "echdoe": 2}
_FILLER = {"on", "ar", "last", "diwethaf", "dwetha", "dydd", "ddydd", "y", "yr", "the", "this", "past", "of", "o",
           "nos", "bore", "afternoon", "morning", "evening", "prynhawn", "pnawn"}
_AGO = re.compile(r"^(\d{1,3}) (?:days? ago|diwrnod yn ôl|niwrnod yn ôl|ddiwrnod yn ôl)$")


def read_day(text: str, today: date) -> DayReading:
    """The day something happened, in Welsh or English, looking back from today (a date without a year is
    its latest occurrence up to today); never raises."""
    clean = " ".join(re.sub(r"[^\w\s/.-]", " ", unicodedata.normalize("NFC", text or "").lower()).split())
    if not clean:
        return DayReading(problem=DayProblem.EMPTY)
    try:
        day = _explicit(clean, today) or _relative(clean, today)
    except ValueError:
        return DayReading(problem=DayProblem.IMPOSSIBLE_DATE)
    if day is None:
        return DayReading(problem=DayProblem.UNREADABLE)
    if day > today:
        return DayReading(day, DayProblem.FUTURE)
    if (today - day).days > LOOKBACK_DAYS:
        return DayReading(day, DayProblem.TOO_LONG_AGO)
    return DayReading(day)


def _explicit(clean: str, today: date) -> date | None:
    for pattern in (DAY_MONTH, MONTH_DAY, *NUMERIC):
        found = pattern.search(clean)
        if found is None:
            continue
        rest = (clean[: found.start()] + " " + clean[found.end():]).split()
        if any(word not in _FILLER and word not in WEEKDAYS for word in rest):
            return None
        month = MONTHS[found["mon"]] if "mon" in found.groupdict() else int(found["m"])
        year = int(found["y"]) if found["y"] else None
        return _calendar_day(int(found["d"]), month, year, today)
    return None


def _calendar_day(day: int, month: int, year: int | None, today: date) -> date:
    if year is not None and year < 100:
        year += 2000
    if not 1 <= month <= 12 or day < 1:
        raise ValueError("not a calendar date")
    if year is None:  # the latest such day up to today
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
        if month == 2 and day == 29 and not calendar.isleap(year):
            year -= 1 if calendar.isleap(year - 1) else 4
    if day > calendar.monthrange(year, month)[1]:
        raise ValueError("no such day in that month")
    return date(year, month, day)


def _relative(clean: str, today: date) -> date | None:
    ago = _AGO.match(clean)
    if ago:
        return today - timedelta(days=int(ago[1]))
    words = [word for word in clean.split() if word not in _FILLER]
    if len(words) != 1:
        return None
    word = words[0]
    if word in DAYS_BACK:
        return today - timedelta(days=DAYS_BACK[word])
    if word in WEEKDAYS:  # the latest one before today ("dydd Sadwrn" on a Saturday is last week's)
        return today - timedelta(days=(today.weekday() - WEEKDAYS[word] - 1) % 7 + 1)
    return None


_RANGE = re.compile(r"\s+(?:-|–|—|to|until|i|tan|hyd)\s+|\s*[–—]\s*")


def read_period(text: str, today: date) -> tuple[date, date] | None:
    """Two days typed as a range ("1 Medi - 30 Tachwedd", "1/9/2026 to 30/11/2026"); the start is looked
    for up to today and the end within a year after the start. None if it isn't one."""
    parts = _RANGE.split(unicodedata.normalize("NFC", text or "").strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    start = read_day(parts[0], today)
    if start.problem or start.day is None:
        return None
    end = read_day(parts[1], start.day + timedelta(days=LOOKBACK_DAYS - 1))
    if end.problem or end.day is None or end.day < start.day:
        return None
    return start.day, end.day
