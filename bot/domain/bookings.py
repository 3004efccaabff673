"""Booking rules for rooms, vehicles and money: overlaps with set-up buffers, capacity and seats, access
needs against a room, opening hours, and the budget. Pure functions; times are aware UTC, passed in.

What a coordinator sees before deciding is an Assessment: a list of Problems. A double booking, a
removed room, a booking in the past and an amount over the budget block approval; the others are
warnings the coordinator weighs (a room a little small may still do).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.opening_hours import OpeningHours, open_during


class Kind(StrEnum):
    ROOM = "room"
    VEHICLE = "vehicle"
    MONEY = "money"


class RequestState(StrEnum):
    PENDING = "pending"  # waiting for a coordinator
    NEEDS_INFO = "needs_info"  # a coordinator asked the member a question
    OFFERED = "offered"  # a coordinator offered another room or time; the member accepts or not
    APPROVED = "approved"
    DECLINED = "declined"
    CANCELLED = "cancelled"  # the member took it back, or its meet-up was cancelled (see ClosedBecause)
    REVOKED = "revoked"  # a coordinator took an approval back, with a reason (reason_code, reason)


OPEN = frozenset({RequestState.PENDING, RequestState.NEEDS_INFO, RequestState.OFFERED})
RELEASABLE = OPEN | {RequestState.APPROVED}  # what a member can still withdraw, or a cancelled meet-up closes


class ClosedBecause(StrEnum):
    """Why a request was closed without a coordinator's decline, kept in its reason_code: each says whether
    something booked was released, so the card and the member's message can say it is free again."""

    MEETUP_CANCELLED = "meetup_off"  # undecided when its meet-up was cancelled
    MEETUP_RELEASED = "meetup_freed"  # approved when its meet-up was cancelled: the booking is released
    WITHDRAWN = "withdrawn"  # the member took it back before a decision
    RELEASED = "released"  # the member gave back an approved booking or money


def closed_because(was: str, *, meetup_cancelled: bool) -> ClosedBecause:
    """The reason code for a request closed from state `was`."""
    if meetup_cancelled:
        return ClosedBecause.MEETUP_RELEASED if was == RequestState.APPROVED else ClosedBecause.MEETUP_CANCELLED
    return ClosedBecause.RELEASED if was == RequestState.APPROVED else ClosedBecause.WITHDRAWN


class Access(StrEnum):
    """What a person may need from a room (kept per person, private; coordinators see only counts)."""

    STEP_FREE = "step_free"
    WHEELCHAIR = "wheelchair"  # a wheelchair user: step-free in a room, a wheelchair space in a vehicle
    HEARING_LOOP = "hearing_loop"
    ACCESSIBLE_TOILET = "accessible_toilet"
    QUIET_SPACE = "quiet_space"


ROOM_FEATURES = (Access.STEP_FREE, Access.HEARING_LOOP, Access.ACCESSIBLE_TOILET, Access.QUIET_SPACE)


class DeclineReason(StrEnum):
    BOOKED = "booked"
    BUDGET = "budget"
    NOTICE = "notice"
    UNSUITABLE = "unsuitable"
    TYPED = "typed"  # the coordinator wrote the reason


OVER_LIMIT = "over_limit"  # reason_code of a request approved past a limit; its reason says why
LIMITS = ("capacity", "seats", "wheelchair")  # Problems that refuse an approval unless a reason is typed


def over_limits(assessment: Assessment) -> list[Problem]:
    """The limits an approval would break (room capacity, vehicle seats, wheelchair spaces): each refuses it,
    unless a coordinator overrides with a typed reason."""
    return [problem for problem in assessment.problems if problem.code in LIMITS]


def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime,
             gap: timedelta = timedelta(0)) -> bool:
    """Whether two bookings of one resource clash, keeping `gap` free between them for setting up and
    clearing away. Touching bookings (one ends as the next starts) do not clash when there is no gap."""
    return a_start < b_end + gap and b_start < a_end + gap


@dataclass(frozen=True)
class Booking:
    starts_at: datetime
    ends_at: datetime
    request_id: int = 0


def clashes(starts_at: datetime, ends_at: datetime, bookings: Iterable[Booking], gap: timedelta) -> list[Booking]:
    """The approved bookings this one would overlap, soonest first."""
    found = [b for b in bookings if overlaps(starts_at, ends_at, b.starts_at, b.ends_at, gap)]
    return sorted(found, key=lambda booking: booking.starts_at)


def shortfall(needed: int, available: int | None) -> int:
    """How many more places (or seats) are needed than there are; 0 when it fits or is unlimited."""
    return 0 if available is None else max(needed - available, 0)


def room_needs(needs: Mapping[Access, int]) -> dict[Access, int]:
    """People's needs as a room meets them: a wheelchair user needs step-free access too."""
    merged: dict[Access, int] = {
        need: count for need, count in needs.items() if need is not Access.WHEELCHAIR and count > 0}
    if needs.get(Access.WHEELCHAIR, 0) > 0:
        merged[Access.STEP_FREE] = max(merged.get(Access.STEP_FREE, 0), needs[Access.WHEELCHAIR])
    return merged


def unmet_access(needs: Mapping[Access, int], room: frozenset[Access]) -> list[tuple[Access, int]]:
    """The needs (with how many people have each) that this room does not meet, in a fixed order."""
    merged = room_needs(needs)
    return [(need, merged[need]) for need in ROOM_FEATURES if merged.get(need, 0) > 0 and need not in room]


def budget_left(total: int, approved: Iterable[int]) -> int:
    """What is left of a budget (pence) after the approved requests; negative if it was overspent."""
    return total - sum(approved)


@dataclass(frozen=True)
class ResourceFacts:
    """What the rules need to know about the room or vehicle a request would book."""

    active: bool = True
    capacity: int | None = None
    seats: int | None = None
    wheelchair_spaces: int = 0
    driver_needed: bool = False
    features: frozenset[Access] = frozenset()
    hours: OpeningHours = field(default_factory=OpeningHours)


@dataclass(frozen=True)
class Facts:
    """Everything known about one request at the moment a coordinator looks at it."""

    kind: Kind
    now: datetime
    zone: ZoneInfo
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    resource: ResourceFacts | None = None  # None: no particular room or vehicle chosen yet
    clashes: int = 0  # approved bookings of that resource it would overlap (buffers included)
    people: int = 0  # how many it is for: asked for, or going, whichever is more
    riders: int = 0  # seats needed
    wheelchairs: int = 0  # wheelchair spaces needed
    access: Mapping[Access, int] = field(default_factory=dict)  # needs of the people going
    asked_access: frozenset[Access] = frozenset()  # needs the request itself names
    amount: int = 0  # pence
    budget_left: int | None = None  # None: the group has no budget for that period


@dataclass(frozen=True)
class Problem:
    code: str  # clash, gone, choose, past, capacity, seats, wheelchair, access, closed, driver, budget, no_budget
    blocking: bool = False
    n: int = 0
    need: Access | None = None
    asked: bool = False  # access: the request itself asks for it


@dataclass(frozen=True)
class Assessment:
    problems: tuple[Problem, ...] = ()

    @property
    def blocked(self) -> bool:
        return any(problem.blocking for problem in self.problems)


def assess(facts: Facts) -> Assessment:
    """The checks shown on a request before a coordinator decides."""
    problems: list[Problem] = []
    if facts.kind is not Kind.MONEY and facts.starts_at is not None and facts.starts_at <= facts.now:
        problems.append(Problem("past", blocking=True))
    if facts.kind is Kind.MONEY:
        problems.extend(_money(facts))
    elif facts.resource is None:
        problems.append(Problem("choose", blocking=True))
    elif not facts.resource.active:
        problems.append(Problem("gone", blocking=True))
    else:
        problems.extend(_booking(facts, facts.resource))
    return Assessment(tuple(problems))


def _money(facts: Facts) -> list[Problem]:
    if facts.budget_left is None:
        return [Problem("no_budget")]
    if facts.amount > facts.budget_left:
        return [Problem("budget", blocking=True, n=facts.budget_left)]
    return []


def _booking(facts: Facts, resource: ResourceFacts) -> list[Problem]:
    problems: list[Problem] = []
    if facts.clashes:
        problems.append(Problem("clash", blocking=True, n=facts.clashes))
    if facts.starts_at is not None and facts.ends_at is not None and not open_during(
            resource.hours, facts.starts_at, facts.ends_at, facts.zone):
        problems.append(Problem("closed"))
    if facts.kind is Kind.ROOM:
        if over := shortfall(facts.people, resource.capacity):
            problems.append(Problem("capacity", n=over))
        merged = room_needs(facts.access)
        asked = room_needs({need: 1 for need in facts.asked_access})
        for need, _ in unmet_access({**asked, **merged}, resource.features):
            problems.append(Problem("access", n=merged.get(need, 0), need=need, asked=need in asked))
        return problems
    if over := shortfall(facts.riders, resource.seats):
        problems.append(Problem("seats", n=over))
    if over := shortfall(facts.wheelchairs, resource.wheelchair_spaces):
        problems.append(Problem("wheelchair", n=over))
    if resource.driver_needed:
        problems.append(Problem("driver"))
    return problems
