"""When plans change, requests follow: a cancelled meet-up closes its open requests and releases its approved
bookings; a member withdraws their own request, approved or not, until it starts; a coordinator revokes an
approval with a reason. Each is audited, and its reminders (the card, the daily nudge) go with it.

A released room or vehicle is free again at once: overlapping approvals and budgets count approved requests
only (bot/store/resource_repository), so money not yet spent goes back to the budget by the same change.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.domain.bookings import RELEASABLE, DeclineReason, Kind, RequestState, closed_because
from bot.domain.proposals import clean_text
from bot.domain.resources import NOTE_MAX
from bot.services import reminders, resources
from bot.services.errors import InvalidRequest, NotFound, RequestDecided
from bot.services.request_decisions import Decided, _finish, _move, _request
from bot.services.requests import plan_nudge, view
from bot.store.models import AuditEntry, Person
from bot.store.resources import ResourceRequest

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork


async def close_for_meetup(uow: UnitOfWork, clock: Clock, meetup_id: int, actor: Person) -> tuple[int, ...]:
    """Inside the transaction that cancels the meet-up: close what is open, release what is booked. The caller
    commits; the ids returned are read back with `read_back` to tell people."""
    closed: list[int] = []
    for request in await uow.resources.of_meetup(meetup_id):
        was = request.state
        if was not in RELEASABLE or request.id is None:
            continue
        because = closed_because(was, meetup_cancelled=True)
        if not await uow.resources.transition(request, (was,), state=RequestState.CANCELLED, reason_code=because,
                                              decided_at=clock.now()):
            continue
        await reminders.cancel_about(uow, "request_", request.id)
        uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id, group_id=request.group_id,
                                 action="request.meetup_cancelled", detail={"request_id": request.id, "was": was}))
        closed.append(request.id)
    return tuple(closed)


async def read_back(uow: UnitOfWork, clock: Clock, request_ids: tuple[int, ...], actor: Person | None
                    ) -> list[Decided]:
    """The requests a meet-up's cancellation closed, as decisions to tell the requester and the cards about."""
    found: list[Decided] = []
    if actor is None:
        return found
    for request_id in request_ids:
        request = await _request(uow, request_id)
        found.append(Decided(await view(uow, clock, request), actor, await uow.resources.cards(request_id)))
    return found


def _started(request: ResourceRequest, meetup_starts: datetime | None, now: datetime) -> bool:
    """A booking can be released until it starts; money asked for a meet-up until the meet-up starts."""
    starts = meetup_starts if request.kind == Kind.MONEY else request.starts_at
    return starts is not None and starts <= now


async def _not_started(uow: UnitOfWork, clock: Clock, request: ResourceRequest) -> None:
    if request.state != RequestState.APPROVED:
        return
    meetup = await uow.meetups.get(request.meetup_id) if request.meetup_id else None
    if _started(request, meetup.starts_at if meetup else None, clock.now()):
        raise InvalidRequest("started")


async def withdraw(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int) -> Decided:
    """The member takes back their own request: undecided, or approved and not yet started (then released)."""
    request = await _request(uow, request_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id != request.requester_id:
        raise NotFound(request_id)
    was = request.state
    if was not in RELEASABLE:
        raise RequestDecided(was)
    await _not_started(uow, clock, request)
    because = closed_because(was, meetup_cancelled=False)
    await _move(uow, request, (was,), state=RequestState.CANCELLED, reason_code=because, decided_at=clock.now())
    return await _finish(uow, clock, request, person, "request.withdraw", {"was": was})


async def revoke(uow: UnitOfWork, clock: Clock, telegram_id: int, request_id: int, code: str,
                 reason: str = "") -> Decided:
    """A coordinator takes an approval back before it starts, with a reason chosen or typed (as for a decline)."""
    if code not in set(DeclineReason):
        raise NotFound(code)
    reason = clean_text(reason) if code == DeclineReason.TYPED else ""
    if code == DeclineReason.TYPED and not 0 < len(reason) <= NOTE_MAX:
        raise InvalidRequest("reason")
    request = await _request(uow, request_id)
    me = await resources.coordinator(uow, telegram_id, request.organisation_id)
    if request.state != RequestState.APPROVED:
        raise RequestDecided(request.state)
    await _not_started(uow, clock, request)
    await _move(uow, request, (RequestState.APPROVED,), state=RequestState.REVOKED, reason_code=code, reason=reason,
                decided_by_id=me.person.id, decided_at=clock.now())
    return await _finish(uow, clock, request, me.person, "request.revoke", {"reason_code": code, "reason": reason})


async def follow_move(uow: UnitOfWork, clock: Clock, meetup_id: int, moved_by: timedelta, actor: Person
                      ) -> tuple[tuple[int, str], ...]:
    """Inside the transaction that moves the meet-up: its requests move with it. Undecided ones just move (their
    checks run again when shown); an approved booking still free at the new time is kept, one that clashes
    there goes back to the coordinators, so nothing stays booked at the old time. Returns (id, "moved" | "kept"
    | "clash") for telling people; the caller commits."""
    moved: list[tuple[int, str]] = []
    for request in await uow.resources.of_meetup(meetup_id):
        if request.state not in RELEASABLE or request.id is None:
            continue
        shifted = {name: value + moved_by for name in ("starts_at", "ends_at", "offer_starts_at", "offer_ends_at")
                   if (value := getattr(request, name)) is not None}
        outcome = "moved"
        if request.state == RequestState.APPROVED:
            outcome = "kept" if await _still_free(uow, request, moved_by) else "clash"
        if outcome == "clash":
            shifted.update(state=RequestState.PENDING, decided_at=None)  # its approver is asked again
        await _move(uow, request, (request.state,), **shifted)
        if outcome == "clash":
            group = await uow.groups.get(request.group_id)
            assert group is not None
            await plan_nudge(uow, clock, request, group)
        uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id, group_id=request.group_id,
                                 action="request.meetup_moved", detail={"request_id": request.id, "outcome": outcome}))
        moved.append((request.id, outcome))
    return tuple(moved)


async def _still_free(uow: UnitOfWork, request: ResourceRequest, moved_by: timedelta) -> bool:
    """Whether an approved room or vehicle is free at the moved time (taken first, as for an approval)."""
    if request.kind == Kind.MONEY or request.resource_id is None or request.starts_at is None \
            or request.ends_at is None:
        return True
    resource = await uow.resources.get(request.resource_id)
    if resource is None or not resource.active:
        return False
    await uow.resources.lock(request.resource_id)
    gap = timedelta(minutes=resource.buffer_minutes)
    return not await uow.resources.bookings(request.resource_id, request.starts_at + moved_by,
                                            request.ends_at + moved_by, gap, excluding=request.id)


async def read_moved(uow: UnitOfWork, clock: Clock, moved: tuple[tuple[int, str], ...], actor: Person | None
                     ) -> list[tuple[Decided, str]]:
    """The requests a move carried along, with what happened to each, to update cards and tell people."""
    found = await read_back(uow, clock, tuple(request_id for request_id, _ in moved), actor)
    return list(zip(found, (outcome for _, outcome in moved), strict=True))
