"""Rooms, vehicles and budgets as the organisation describes them, and reading the numbers, amounts and
times people type for them ("£-5" and "lots" are refused with a reason, never guessed at)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.bookings import Access, Kind
from bot.domain.dates import local_to_utc
from bot.domain.opening_hours import OpeningHours

NAME_MAX = 100
ADDRESS_MAX = 200
NOTES_MAX = 500
NOTE_MAX = 300  # what a request is for; a question, an answer or a reason
PICKUPS_MAX = 300
CAPACITY_MAX = 500
SEATS_MAX = 100
WHEELCHAIR_MAX = 10
BUFFER_MAX = 240  # minutes
MONEY_MAX = 1_000_000  # pence (£10,000) in one request
BUDGET_MAX = 100_000_000  # pence
LONGEST = timedelta(days=3)  # a booking longer than this is a typing mistake


class NumberProblem(StrEnum):
    UNREADABLE = "unreadable"
    TOO_SMALL = "too_small"
    TOO_BIG = "too_big"
    NEGATIVE = "negative"


@dataclass(frozen=True)
class Reading:
    """A number read from text (a count, or pence), or why it couldn't be."""

    value: int | None = None
    problem: NumberProblem | None = None


_COUNT = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+$|^[+-]?\d+$")


def read_count(text: str, low: int, high: int) -> Reading:
    """A whole number of people, seats or places between low and high ("12", "1,000")."""
    cleaned = text.strip()
    if not _COUNT.match(cleaned):
        return Reading(problem=NumberProblem.UNREADABLE)
    value = int(cleaned.replace(",", ""))
    if value < low:
        return Reading(problem=NumberProblem.TOO_SMALL)
    if value > high:
        return Reading(problem=NumberProblem.TOO_BIG)
    return Reading(value)


_MONEY = re.compile(r"^(?P<sign>-)?\s*£?\s*(?P<sign2>-)?\s*(?P<pounds>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<pence>\d{1,2}))?"
                    r"\s*(?:pounds?|punt|bunt|gbp)?$")


def read_money(text: str, limit: int) -> Reading:
    """An amount of money in pence, from "£20", "20", "12.50", "£1,200"; "£-5" is negative, "lots" unreadable."""
    match = _MONEY.match(text.strip().lower())
    if match is None:
        return Reading(problem=NumberProblem.UNREADABLE)
    pence = int(match["pounds"].replace(",", "")) * 100 + int((match["pence"] or "0").ljust(2, "0"))
    if match["sign"] or match["sign2"]:
        return Reading(problem=NumberProblem.NEGATIVE)
    if pence == 0:
        return Reading(problem=NumberProblem.TOO_SMALL)
    if pence > limit:
        return Reading(problem=NumberProblem.TOO_BIG)
    return Reading(pence)


class TimeProblem(StrEnum):
    END_BEFORE_START = "end_before_start"
    TOO_LONG = "too_long"


def ends_at(starts_at: datetime, end: datetime | tuple[int, int], zone: ZoneInfo) -> datetime:
    """When a booking ends: a full moment, or a time on the day it starts (never silently the next day)."""
    if isinstance(end, datetime):
        return end
    return local_to_utc(starts_at.astimezone(zone).date(), time(*end), zone)


def check_times(starts_at: datetime, ends_at: datetime) -> TimeProblem | None:
    if ends_at <= starts_at:
        return TimeProblem.END_BEFORE_START
    if ends_at - starts_at > LONGEST:
        return TimeProblem.TOO_LONG
    return None


class Period(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


def period_of(kind: Period, today: date) -> tuple[date, date]:
    """The calendar month, quarter or year containing `today`: (first day, last day)."""
    if kind is Period.YEAR:
        return date(today.year, 1, 1), date(today.year, 12, 31)
    months = 3 if kind is Period.QUARTER else 1
    first_month = (today.month - 1) // months * months + 1
    start = date(today.year, first_month, 1)
    after = date(start.year + (first_month + months - 1) // 12, (first_month + months - 1) % 12 + 1, 1)
    return start, after - timedelta(days=1)


@dataclass
class RoomSpec:
    """A room as a coordinator types it or a file lists it (checked by `problems`)."""

    name: str
    address: str = ""
    capacity: int | None = None
    features: set[Access] = field(default_factory=set)
    notes: str = ""
    hours: OpeningHours = field(default_factory=OpeningHours)
    buffer_minutes: int = 0

    def problems(self) -> list[str]:
        found = _text_problems(self.name, self.address, self.notes)
        if self.capacity is not None and not 1 <= self.capacity <= CAPACITY_MAX:
            found.append("capacity")
        if not 0 <= self.buffer_minutes <= BUFFER_MAX:
            found.append("buffer")
        return found


@dataclass
class VehicleSpec:
    name: str
    seats: int = 8
    wheelchair_spaces: int = 0
    driver_needed: bool = True
    notes: str = ""
    buffer_minutes: int = 0

    def problems(self) -> list[str]:
        found = _text_problems(self.name, "", self.notes)
        if not 1 <= self.seats <= SEATS_MAX:
            found.append("seats")
        if not 0 <= self.wheelchair_spaces <= WHEELCHAIR_MAX:
            found.append("wheelchair_spaces")
        if not 0 <= self.buffer_minutes <= BUFFER_MAX:
            found.append("buffer")
        return found


@dataclass
class BudgetSpec:
    group: str  # the group's title or chat id
    amount: int  # pence
    starts_on: date
    ends_on: date

    def problems(self) -> list[str]:
        found = [] if 0 <= self.amount <= BUDGET_MAX else ["amount"]
        return found if self.starts_on <= self.ends_on else [*found, "period"]


def _text_problems(name: str, address: str, notes: str) -> list[str]:
    found = [] if name.strip() else ["name"]
    if len(name) > NAME_MAX:
        found.append("name")
    if len(address) > ADDRESS_MAX:
        found.append("address")
    if len(notes) > NOTES_MAX:
        found.append("notes")
    return found


@dataclass
class RequestDraft:
    """A request as a member fills it in (kept in ConversationState while they do)."""

    group_chat_id: int
    kind: str
    meetup_id: int | None = None
    resource_id: int | None = None  # a particular room or vehicle; None: any
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    people: int = 0
    seats: int = 0
    wheelchair_spaces: int = 0
    amount: int = 0  # pence
    access: list[str] = field(default_factory=list)
    pickups: str = ""
    note: str = ""

    def problem(self, now: datetime) -> str | None:
        """What is wrong with it (a code), checked again by the service whatever the conversation allowed."""
        if self.kind not in set(Kind):
            return "kind"
        if len(self.note) > NOTE_MAX or len(self.pickups) > PICKUPS_MAX:
            return "too_long_text"
        if self.kind == Kind.MONEY:
            return None if 1 <= self.amount <= MONEY_MAX else "amount"
        if self.starts_at is None or self.ends_at is None:
            return "when"
        if (timing := check_times(self.starts_at, self.ends_at)) is not None:
            return timing.value
        if self.starts_at <= now:
            return "past"
        if self.kind == Kind.ROOM:
            return None if 1 <= self.people <= CAPACITY_MAX and set(self.access) <= set(Access) else "people"
        if not 1 <= self.seats <= SEATS_MAX:
            return "seats"
        return None if 0 <= self.wheelchair_spaces <= WHEELCHAIR_MAX else "wheelchair"
