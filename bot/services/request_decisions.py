"""Deciding requests: approve, decline with a reason, ask the member a question (they answer), offer another
room or time (they accept or not), and the member taking a request back. Every decision is audited.

Two approvals that would overlap can never both succeed: a booking decision's first write takes the room
or vehicle (bot/store/resource_repository.Resources.lock: a row lock on PostgreSQL, the database's write
lock on SQLite), and only then looks for overlapping approved bookings, inside the same transaction.
A money approval takes the group's budget the same way. Each state change is a compare-and-set, so two
coordinators pressing at once cannot both decide the same request.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain import meetups as meetup_rules
from bot.domain.bookings import OPEN, OVER_LIMIT, DeclineReason, Kind, RequestState, over_limits
from bot.domain.proposals import clean_text
from bot.domain.resources import NOTE_MAX, check_times
from bot.services import reminders, resources
from bot.services.errors import CannotApprove, InvalidRequest, NotFound, RequestDecided
from bot.services.requests import RequestView, plan_nudge, view
from bot.store.models import AuditEntry, Person
from bot.store.resources import RequestCard, ResourceRequest

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class Decided:
    """What a decision did, for telling people: the request now, who acted, the cards to update, and whether
    its meet-up's place or transport was filled in (its group post needs an edit)."""

    view: RequestView
    actor: Person
    cards: list[RequestCard]
    meetup_changed: bool = False


async def _request(uow: UnitOfWork, request_id: int) -> ResourceRequest:
    request = await uow.resources.request(request_id)
    if request is None:
        raise NotFound(request_id)
    return request


async def _finish(uow: UnitOfWork, clock: Clock, request: ResourceRequest, actor: Person, action: str,
                  detail: dict[str, object], meetup_changed: bool = False) -> Decided:
    """Audit the decision and commit it with the reminders it makes useless cancelled; the caller reads back."""
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id, group_id=request.group_id, action=action,
                             detail={"request_id": request.id, **detail}))
    if request.state not in OPEN:
        await reminders.cancel_about(uow, "request_", request.id or 0)
    await uow.commit()
    return Decided(await view(uow, clock, request), actor, await uow.resources.cards(request.id or 0), meetup_changed)


async def _move(uow: UnitOfWork, request: ResourceRequest, from_states: frozenset[str] | tuple[str, ...],
                **changes: object) -> None:
    if not await uow.resources.transition(request, tuple(from_states), **changes):
        current = await uow.resources.request(request.id or 0)
        raise RequestDecided(current.state if current else RequestState.CANCELLED)


async def _book(uow: UnitOfWork, clock: Clock, request: ResourceRequest, resource_id: int | None,
                starts_at: datetime | None, ends_at: datetime | None, override: str = "", limits: bool = True) -> None:
    """Take the room, vehicle or budget for this transaction, then check it is free and big enough (see the
    module doc); a limit is passed only with a coordinator's typed reason (`override`)."""
    if request.kind == Kind.MONEY:
        await _take_money(uow, request)
        return
    if resource_id is None:
        raise CannotApprove("choose")
    resource = await uow.resources.get(resource_id)
    if resource is None or not resource.active:
        raise CannotApprove("gone")
    if starts_at is None or ends_at is None or starts_at <= clock.now():
        raise CannotApprove("past")
    await uow.resources.lock(resource_id)
    gap = timedelta(minutes=resource.buffer_minutes)
    if await uow.resources.bookings(resource_id, starts_at, ends_at, gap, excluding=request.id):
        raise CannotApprove("clash")
    over = over_limits((await view(uow, clock, request)).assessment) if limits else []  # counted under the lock
    if over and not override:
        raise CannotApprove(over[0].code)


async def _take_money(uow: UnitOfWork, request: ResourceRequest) -> None:
    group = await uow.groups.get(request.group_id)
    assert group is not None and request.starts_at is not None
    day = request.starts_at.astimezone(ZoneInfo(group.timezone)).date()
    budget = await uow.resources.budget_covering(request.group_id, day)
    if budget is None or budget.id is None:
        return  # the group has no budget for that period: nothing to overspend (the card said so)
    await uow.resources.lock_budget(budget.id)
    if request.amount > await resources.left_in(uow, budget, group, excluding=request.id):
        raise CannotApprove("budget")


async def approve(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int, override: str = "") -> Decided:
    """A coordinator approves the request as asked (a room or vehicle must have been chosen); past a room's
    capacity or a vehicle's seats or wheelchair spaces only with a typed reason, `override` (audited, shown)."""
    override = clean_text(override)
    if len(override) > NOTE_MAX:
        raise InvalidRequest("reason")
    request = await _request(uow, request_id)
    me = await resources.coordinator(uow, telegram_id, request.organisation_id)
    if request.state not in OPEN:
        raise RequestDecided(request.state)
    await _book(uow, clock, request, request.resource_id, request.starts_at, request.ends_at, override)
    noted = {"reason_code": OVER_LIMIT, "reason": override} if override else {}
    await _move(uow, request, OPEN, state=RequestState.APPROVED, decided_by_id=me.person.id,
                decided_at=clock.now(), offer_resource_id=None, offer_starts_at=None, offer_ends_at=None, **noted)
    changed = await _fill_in_meetup(uow, clock, request)
    return await _finish(uow, clock, request, me.person, "request.approve",
                         {**_booking_detail(request), **({"override": override} if override else {})}, changed)


async def approve_over_limit(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int, reason: str
                             ) -> Decided:
    """A coordinator approves past a room's capacity or a vehicle's seats or wheelchair spaces, saying why."""
    if not 0 < len(clean_text(reason)) <= NOTE_MAX:
        raise InvalidRequest("reason")
    return await approve(uow, clock, telegram_id, request_id, override=reason)


def _booking_detail(request: ResourceRequest) -> dict[str, object]:
    return {"resource_id": request.resource_id, "amount": request.amount,
            "starts_at": request.starts_at.isoformat() if request.starts_at else None,
            "ends_at": request.ends_at.isoformat() if request.ends_at else None}


async def _fill_in_meetup(uow: UnitOfWork, clock: Clock, request: ResourceRequest) -> bool:
    """An approved room becomes the meet-up's place, an approved vehicle its transport, where not yet set."""
    if request.meetup_id is None or request.resource_id is None:
        return False
    meetup = await uow.meetups.get(request.meetup_id)
    resource = await uow.resources.get(request.resource_id)
    if meetup is None or resource is None or meetup.status not in meetup_rules.ON:
        return False
    if request.kind == Kind.ROOM and not meetup.place:
        meetup.place = ", ".join(part for part in (resource.name, resource.address) if part)[:meetup_rules.PLACE_MAX]
    elif request.kind == Kind.VEHICLE and not meetup.transport:
        meetup.transport = resource.name[:meetup_rules.TRANSPORT_MAX]
    else:
        return False
    meetup.version += 1
    meetup.updated_at = clock.now()
    return True


async def decline(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int, code: str,
                  reason: str = "") -> Decided:
    """A coordinator declines, with a reason chosen from a list or typed (the member is told it)."""
    if code not in set(DeclineReason):
        raise NotFound(code)
    reason = clean_text(reason) if code == DeclineReason.TYPED else ""
    if code == DeclineReason.TYPED and not 0 < len(reason) <= NOTE_MAX:
        raise InvalidRequest("reason")
    request = await _request(uow, request_id)
    me = await resources.coordinator(uow, telegram_id, request.organisation_id)
    await _move(uow, request, OPEN, state=RequestState.DECLINED, reason_code=code, reason=reason,
                decided_by_id=me.person.id, decided_at=clock.now())
    return await _finish(uow, clock, request, me.person, "request.decline", {"reason_code": code, "reason": reason})


async def ask(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int, question: str) -> Decided:
    """A coordinator asks the member something; the request waits for their answer (no nudges meanwhile)."""
    question = clean_text(question)
    if not 0 < len(question) <= NOTE_MAX:
        raise InvalidRequest("question")
    request = await _request(uow, request_id)
    me = await resources.coordinator(uow, telegram_id, request.organisation_id)
    await _move(uow, request, OPEN, state=RequestState.NEEDS_INFO, question=question, answer="",
                decided_by_id=me.person.id)
    await reminders.cancel_about(uow, "request_nudge", request_id)
    return await _finish(uow, clock, request, me.person, "request.ask", {"question": question})


async def answer(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int, text: str) -> Decided:
    """The member answers a coordinator's question; the request goes back to the coordinators."""
    text = clean_text(text)
    if not 0 < len(text) <= NOTE_MAX:
        raise InvalidRequest("answer")
    request = await _request(uow, request_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id != request.requester_id:
        raise NotFound(request_id)
    await _move(uow, request, (RequestState.NEEDS_INFO,), state=RequestState.PENDING, answer=text)
    group = await uow.groups.get(request.group_id)
    assert group is not None
    await plan_nudge(uow, clock, request, group)
    return await _finish(uow, clock, request, person, "request.answer", {"answer": text})


async def offer(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int, resource_id: int | None = None,
                starts_at: datetime | None = None) -> Decided:
    """A coordinator offers another room or vehicle, or another time (same length). When the member asked
    for no particular one and the time stays, choosing one needs no offer: it is simply filled in."""
    request = await _request(uow, request_id)
    me = await resources.coordinator(uow, telegram_id, request.organisation_id)
    if request.state not in OPEN or request.kind == Kind.MONEY:
        raise RequestDecided(request.state)
    chosen = resource_id or request.resource_id
    group = await uow.groups.get(request.group_id)
    assert group is not None and request.starts_at is not None and request.ends_at is not None
    if chosen is not None:
        await _usable(uow, group.organisation_id, request.kind, chosen)
    start = starts_at or request.starts_at
    end = start + (request.ends_at - request.starts_at)
    if check_times(start, end) or start <= clock.now():
        raise InvalidRequest("past")
    if chosen is not None and await _clashes(uow, request, chosen, start, end):
        raise CannotApprove("clash")
    if request.resource_id is None and start == request.starts_at and request.state != RequestState.OFFERED:
        await _move(uow, request, OPEN, resource_id=chosen)
        return await _finish(uow, clock, request, me.person, "request.choose", {"resource_id": chosen})
    await _move(uow, request, OPEN, state=RequestState.OFFERED, offer_resource_id=chosen, offer_starts_at=start,
                offer_ends_at=end, decided_by_id=me.person.id)
    if over := over_limits((await view(uow, clock, request)).assessment):  # refused here: the member can't override
        raise CannotApprove(over[0].code)  # (nothing is committed)
    await reminders.cancel_about(uow, "request_nudge", request_id)
    return await _finish(uow, clock, request, me.person, "request.offer", {
        "resource_id": chosen, "starts_at": start.isoformat(), "ends_at": end.isoformat()})


async def _usable(uow: UnitOfWork, organisation_id: int, kind: str, resource_id: int) -> None:
    resource = await uow.resources.get(resource_id)
    if resource is None or resource.organisation_id != organisation_id or resource.kind != kind:
        raise NotFound(resource_id)
    if not resource.active:
        raise InvalidRequest("gone")


async def _clashes(uow: UnitOfWork, request: ResourceRequest, resource_id: int, start: datetime,
                   end: datetime) -> bool:
    resource = await uow.resources.get(resource_id)
    assert resource is not None
    gap = timedelta(minutes=resource.buffer_minutes)
    return bool(await uow.resources.bookings(resource_id, start, end, gap, excluding=request.id))


async def accept_offer(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int) -> Decided:
    """The member accepts what a coordinator offered: booked now, if it is still free."""
    request, person = await _own(uow, telegram_id, request_id, (RequestState.OFFERED,))
    await _book(uow, clock, request, request.offer_resource_id, request.offer_starts_at, request.offer_ends_at,
                limits=False)  # its limits were checked when the coordinator offered it
    await _move(uow, request, (RequestState.OFFERED,), state=RequestState.APPROVED,
                resource_id=request.offer_resource_id, starts_at=request.offer_starts_at,
                ends_at=request.offer_ends_at, offer_resource_id=None, offer_starts_at=None, offer_ends_at=None,
                decided_at=clock.now())
    changed = await _fill_in_meetup(uow, clock, request)
    return await _finish(uow, clock, request, person, "request.offer_accept", _booking_detail(request), changed)


async def refuse_offer(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int) -> Decided:
    """The member says no to the offer: the request is closed (they can ask again)."""
    request, person = await _own(uow, telegram_id, request_id, (RequestState.OFFERED,))
    await _move(uow, request, (RequestState.OFFERED,), state=RequestState.CANCELLED, decided_at=clock.now())
    return await _finish(uow, clock, request, person, "request.offer_refuse", {})


async def _own(uow: UnitOfWork, telegram_id: int, request_id: int, states: tuple[str, ...]
               ) -> tuple[ResourceRequest, Person]:
    request = await _request(uow, request_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id != request.requester_id:
        raise NotFound(request_id)
    if request.state not in states:
        raise RequestDecided(request.state)
    return request, person


# -- showing requests to coordinators ---------------------------------------------------------------


async def claim_cards(uows: UnitOfWorkFactory, clock: Clock, request_id: int
                      ) -> tuple[RequestView, list[Person]] | None:
    """Once per request: the request and the coordinators to show it to (those who can be written to
    privately). None if it was claimed already, is decided, or no coordinator can be reached yet (they will
    find it in /requests, and the daily nudge shows it to whoever can be reached by then)."""
    async with uows() as uow:
        request = await uow.resources.request(request_id)
        if request is None or request.state not in OPEN:
            return None
        people = [person for person in await uow.resources.coordinators(request.organisation_id) if person.can_dm]
        if not people or not await uow.resources.claim_cards(request_id):
            return None
        await uow.commit()
        return await view(uow, clock, request), people


async def record_card(uow: UnitOfWork, request_id: int, chat_id: int, message_id: int) -> None:
    """Remember the latest card shown in a chat, so a decision can update it."""
    card = await uow.resources.card(request_id, chat_id)
    if card is None:
        uow.resources.add(RequestCard(request_id=request_id, chat_id=chat_id, message_id=message_id))
    else:
        card.message_id = message_id
    await uow.commit()


async def nudge(uows: UnitOfWorkFactory, clock: Clock, request_id: int) -> tuple[RequestView, list[Person]] | None:
    """A request still waiting for coordinators after a day: who to nudge (and the next nudge is planned)."""
    async with uows() as uow:
        request = await uow.resources.request(request_id)
        if request is None or request.state != RequestState.PENDING:
            return None
        group = await uow.groups.get(request.group_id)
        assert group is not None
        await plan_nudge(uow, clock, request, group)
        await uow.commit()
        people = await uow.resources.coordinators(request.organisation_id)
        return await view(uow, clock, request), [person for person in people if person.can_dm]
