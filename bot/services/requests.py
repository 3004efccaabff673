"""Requests for a room, a vehicle or money: made by a member (directly, or for a meet-up), or from a passed
proposal's needs; and read back with the checks a coordinator sees before deciding.

Deciding them lives in request_decisions.py.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain import meetups as meetup_rules
from bot.domain.bookings import OPEN, Access, Assessment, Facts, Kind, RequestState, ResourceFacts, assess
from bot.domain.meetups import Answer
from bot.domain.opening_hours import OpeningHours, OpeningHoursError, read_opening_hours
from bot.domain.proposals import Needs, clean_text
from bot.domain.resources import RequestDraft
from bot.domain.roles import Role
from bot.services import meetups, reminders, resources
from bot.services.errors import InvalidRequest, NotACoordinator, NotFound
from bot.store.meetups import Meetup
from bot.store.models import AuditEntry, Group, Person
from bot.store.resources import Resource, ResourceRequest

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

TRANSPORT_LEAD = timedelta(minutes=45)  # a vehicle for a meet-up is needed this long before and after it
NUDGE_AFTER = timedelta(days=1)
SHOWN = 10


@dataclass(frozen=True)
class RequestView:
    """A request with everything needed to show it, and the checks for what it would book."""

    request: ResourceRequest
    group: Group
    requester: Person
    resource: Resource | None  # the room or vehicle asked for (or booked)
    offer: Resource | None  # another one a coordinator offered
    meetup: Meetup | None
    riders: list[tuple[Person, str]]  # people going (or maybe) who need a lift, with their pickup points
    going: int
    assessment: Assessment
    budget_left: int | None  # pence, for money requests; None without a budget
    decided_by: Person | None

    @property
    def id(self) -> int:
        assert self.request.id is not None
        return self.request.id

    @property
    def kind(self) -> Kind:
        return Kind(self.request.kind)

    @property
    def state(self) -> RequestState:
        return RequestState(self.request.state)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.group.timezone)

    @property
    def is_open(self) -> bool:
        return self.state in OPEN

    @property
    def title(self) -> str:
        return self.meetup.title if self.meetup is not None else self.request.note


def hours_of(resource: Resource) -> OpeningHours:
    try:
        return read_opening_hours(resource.opening_hours)
    except OpeningHoursError:
        return OpeningHours()


def features_of(resource: Resource) -> frozenset[Access]:
    return frozenset(need for need in (Access.STEP_FREE, Access.HEARING_LOOP, Access.ACCESSIBLE_TOILET,
                                       Access.QUIET_SPACE) if getattr(resource, need.value))


def facts_of(resource: Resource) -> ResourceFacts:
    return ResourceFacts(resource.active, resource.capacity, resource.seats, resource.wheelchair_spaces,
                         resource.driver_needed, features_of(resource), hours_of(resource))


def target(request: ResourceRequest) -> tuple[int | None, datetime | None, datetime | None]:
    """What the request would book now: an offer while one is open, else what was asked for."""
    if request.state == RequestState.OFFERED:
        return request.offer_resource_id, request.offer_starts_at, request.offer_ends_at
    return request.resource_id, request.starts_at, request.ends_at


async def view(uow: UnitOfWork, clock: Clock, request: ResourceRequest) -> RequestView:
    assert request.id is not None
    group = await uow.groups.get(request.group_id)
    requester = await uow.session.get(Person, request.requester_id)
    assert group is not None and requester is not None
    resource = await uow.resources.get(request.resource_id) if request.resource_id else None
    offer = await uow.resources.get(request.offer_resource_id) if request.offer_resource_id else None
    meetup = await uow.meetups.get(request.meetup_id) if request.meetup_id else None
    answers = await uow.meetups.rsvps(meetup.id) if meetup is not None and meetup.id else []
    going = [person for rsvp, person in answers if rsvp.answer == Answer.GOING]
    riders = [(person, rsvp.pickup) for rsvp, person in answers
              if rsvp.needs_lift and rsvp.answer in (Answer.GOING, Answer.MAYBE)]
    needs = await uow.resources.access_needs([p.id for p in going + [r for r, _ in riders] if p.id is not None])
    access = Counter(Access(need) for person in going for need in needs.get(person.id or 0, []) if need in set(Access))
    wheelchairs = sum(Access.WHEELCHAIR in needs.get(person.id or 0, []) for person, _ in riders)
    resource_id, starts_at, ends_at = target(request)
    booked = offer if request.state == RequestState.OFFERED else resource
    clashes = 0
    if booked is not None and resource_id is not None and starts_at is not None and ends_at is not None:
        clashes = len(await uow.resources.bookings(resource_id, starts_at, ends_at,
                                                   timedelta(minutes=booked.buffer_minutes), excluding=request.id))
    left = await _budget_left(uow, request, group)
    facts = Facts(Kind(request.kind), clock.now(), ZoneInfo(group.timezone), starts_at, ends_at,
                  facts_of(booked) if booked is not None else None, clashes, max(request.people, len(going)),
                  max(request.seats, len(riders)), max(request.wheelchair_spaces, wheelchairs), access,
                  frozenset(Access(need) for need in request.access if need in set(Access)), request.amount, left)
    checks = assess(facts) if request.state in OPEN else Assessment()
    decider = await uow.session.get(Person, request.decided_by_id) if request.decided_by_id else None
    return RequestView(request, group, requester, resource, offer, meetup, riders, len(going), checks, left, decider)


async def _budget_left(uow: UnitOfWork, request: ResourceRequest, group: Group) -> int | None:
    if request.kind != Kind.MONEY or request.starts_at is None:
        return None
    budget = await uow.resources.budget_covering(group.id or 0, request.starts_at.astimezone(ZoneInfo(group.timezone))
                                                 .date())
    if budget is None:
        return None
    approved = request.id if request.state == RequestState.APPROVED else None
    return await resources.left_in(uow, budget, group, excluding=approved)


def _meetup_times(kind: str, meetup: Meetup) -> tuple[datetime, datetime | None]:
    ends = meetup_rules.ends(meetup.starts_at, meetup.ends_at)
    if kind == Kind.VEHICLE:
        return meetup.starts_at - TRANSPORT_LEAD, ends + TRANSPORT_LEAD
    if kind == Kind.MONEY:
        return meetup.starts_at, None
    return meetup.starts_at, ends


async def create(uow: UnitOfWork, clock: Clock, telegram_id: int, draft: RequestDraft) -> RequestView:
    """A member asks for a room, a vehicle or money, checked again here whatever the conversation allowed."""
    group = await uow.groups.by_chat(draft.group_chat_id)
    if group is None or group.id is None:
        raise NotFound(draft.group_chat_id)
    person, _ = await meetups.member(uow, telegram_id, group.id)
    draft = replace(draft, note=clean_text(draft.note), pickups=clean_text(draft.pickups))
    if draft.meetup_id is not None:
        meetup = await uow.meetups.get(draft.meetup_id)
        if meetup is None or meetup.group_id != group.id or meetup.status not in meetup_rules.ON:
            raise InvalidRequest("meetup")
        starts_at, ends_at = _meetup_times(draft.kind, meetup)
        draft = replace(draft, starts_at=draft.starts_at or starts_at, ends_at=draft.ends_at or ends_at)
    if draft.kind == Kind.MONEY:
        draft = replace(draft, starts_at=draft.starts_at or clock.now(), ends_at=None, resource_id=None)
    elif draft.resource_id is not None:
        await _available(uow, group, draft.kind, draft.resource_id)
    if problem := draft.problem(clock.now()):
        raise InvalidRequest(problem)
    assert person.id is not None
    request = ResourceRequest(
        organisation_id=group.organisation_id, group_id=group.id, requester_id=person.id, meetup_id=draft.meetup_id,
        kind=draft.kind, resource_id=draft.resource_id, starts_at=draft.starts_at, ends_at=draft.ends_at,
        people=draft.people, seats=draft.seats, wheelchair_spaces=draft.wheelchair_spaces, amount=draft.amount,
        access=sorted(set(draft.access)), pickups=draft.pickups, note=draft.note, created_at=clock.now())
    await _open(uow, clock, request, group)
    await uow.commit()
    return await view(uow, clock, request)


async def _available(uow: UnitOfWork, group: Group, kind: str, resource_id: int) -> Resource:
    resource = await uow.resources.get(resource_id)
    if resource is None or resource.organisation_id != group.organisation_id or resource.kind != kind:
        raise NotFound(resource_id)
    if not resource.active:
        raise InvalidRequest("gone")
    return resource


async def _open(uow: UnitOfWork, clock: Clock, request: ResourceRequest, group: Group) -> None:
    """Store a new request, with the reminders that show it to coordinators and nudge them after a day."""
    uow.resources.add(request)
    await uow.flush()
    assert request.id is not None
    await reminders.plan(uow, kind="request_new", key=f"request_new:{request.id}", group=group, due_at=clock.now(),
                         subject_id=request.id)
    await plan_nudge(uow, clock, request, group)
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=request.requester_id, group_id=group.id,
                             action="request.create", detail={"request_id": request.id, "kind": request.kind}))


async def plan_nudge(uow: UnitOfWork, clock: Clock, request: ResourceRequest, group: Group) -> None:
    """Nudge the coordinators if nobody has decided a day from now (a new one each time it waits again)."""
    due = clock.now() + NUDGE_AFTER
    await reminders.plan(uow, kind="request_nudge", key=f"request_nudge:{request.id}:{due.isoformat()}",
                         group=group, due_at=due, subject_id=request.id)


async def plan_from_needs(uow: UnitOfWork, clock: Clock, meetup: Meetup, group: Group) -> list[ResourceRequest]:
    """A passed proposal's needs (a room, transport, money) become requests from its proposer, in the same
    transaction that puts the meet-up on the calendar."""
    needs = Needs.from_dict(meetup.needs)
    if not needs.any or meetup.organiser_id is None:
        return []
    await uow.flush()
    assert meetup.id is not None
    made = []
    for kind, wanted in ((Kind.ROOM, needs.room), (Kind.VEHICLE, needs.transport_seats > 0),
                         (Kind.MONEY, needs.money > 0)):
        if not wanted:
            continue
        starts_at, ends_at = _meetup_times(kind, meetup)
        request = ResourceRequest(
            organisation_id=group.organisation_id, group_id=meetup.group_id, requester_id=meetup.organiser_id,
            meetup_id=meetup.id, kind=kind, starts_at=starts_at, ends_at=ends_at, seats=needs.transport_seats
            if kind == Kind.VEHICLE else 0, amount=needs.money * 100 if kind == Kind.MONEY else 0,
            created_at=clock.now())
        await _open(uow, clock, request, group)
        made.append(request)
    return made


async def of_meetup(uow: UnitOfWork, meetup_id: int) -> list[int]:
    """The ids of the requests made for a meet-up."""
    return [request.id for request in await uow.resources.of_meetup(meetup_id) if request.id is not None]


async def mine(uow: UnitOfWork, clock: Clock, telegram_id: int) -> list[RequestView]:
    """The person's own requests, newest first."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        return []
    return [await view(uow, clock, request) for request in await uow.resources.of_requester(person.id, SHOWN)]


async def queue(uow: UnitOfWork, clock: Clock, telegram_id: int) -> list[RequestView]:
    """For a coordinator: the organisation's requests still open, oldest first."""
    me = await resources.coordinator(uow, telegram_id)
    return [await view(uow, clock, request) for request in await uow.resources.queue(me.organisation_id, SHOWN)]


async def of_my_groups(uow: UnitOfWork, clock: Clock, telegram_id: int) -> list[RequestView]:
    """For a group's coordinator: the open requests the groups they coordinate made, to follow (the
    organisation's coordinators decide them). Anyone else coordinates no group: an empty list."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        return []
    mine = []
    for group in await uow.memberships.groups_of(person.id):
        membership = await uow.memberships.find(person.id, group.id or 0)
        if membership is not None and membership.role == Role.COORDINATOR and group.id is not None:
            mine.append(group.id)
    return [await view(uow, clock, request) for request in await uow.resources.of_groups(mine, SHOWN)]


async def is_coordinator(uow: UnitOfWork, telegram_id: int) -> bool:
    try:
        await resources.coordinator(uow, telegram_id)
    except NotACoordinator:
        return False
    return True


async def for_coordinator(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int) -> RequestView:
    """A request, for a coordinator of its organisation (NotACoordinator for anyone else)."""
    request = await uow.resources.request(request_id)
    if request is None:
        raise NotFound(request_id)
    await resources.coordinator(uow, telegram_id, request.organisation_id)
    return await view(uow, clock, request)


async def of_requester(uow: UnitOfWork, telegram_id: int, request_id: int) -> ResourceRequest:
    """The request, only for the member who made it (anyone else: as if it didn't exist)."""
    request = await uow.resources.request(request_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if request is None or person is None or request.requester_id != person.id:
        raise NotFound(request_id)
    return request


async def upcoming_meetups(uow: UnitOfWork, clock: Clock, chat_id: int) -> list[Meetup]:
    """The group's next meet-ups a request can be for."""
    return [view.meetup for view in await meetups.upcoming_in_group(uow, clock, chat_id, limit=6)]


async def choices(uow: UnitOfWork, chat_id: int, kind: str) -> list[Resource]:
    """The organisation's rooms (or vehicles) a member of this group can ask for."""
    group = await uow.groups.by_chat(chat_id)
    if group is None:
        return []
    return await uow.resources.of_organisation(group.organisation_id, kind)
