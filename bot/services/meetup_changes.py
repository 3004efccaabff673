"""Changing or cancelling a meet-up (its organiser or a coordinator), and stopping a series.

Each change bumps the meet-up's `version` (calendars' SEQUENCE); a new time moves its pending reminders and
a cancellation cancels them, closes its open requests and releases its bookings, in the same commit.
Returns a MeetupChanged saying who must be told.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from bot.domain import meetups as rules
from bot.domain.meetups import MeetupStatus
from bot.domain.proposals import clean_text
from bot.services import meetup_reminders, meetups, request_releases
from bot.services.errors import InvalidMeetup, MeetupNotOpen, NotFound
from bot.services.meetups import MeetupView
from bot.store.meetups import Meetup
from bot.store.models import AuditEntry, Person

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

LIMITS = {"place": rules.PLACE_MAX, "notes": rules.NOTES_MAX, "transport": rules.TRANSPORT_MAX}


@dataclass(frozen=True)
class MeetupChanged:
    """A meet-up moved, changed its place, notes or transport, or was cancelled."""

    view: MeetupView
    cancelled: bool
    changed: tuple[str, ...]  # which of "time", "place", "notes", "transport" changed
    before_start: datetime
    before_place: str
    tell: list[Person] = field(default_factory=list)  # Going and Maybe people who can be messaged privately
    actor: Person | None = None
    closed_requests: tuple[int, ...] = ()  # requests for it that a cancellation closed or released
    moved_requests: tuple[tuple[int, str], ...] = ()  # requests a new time carried along, and what happened


async def change(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int, *,
                 starts_at: datetime | None = None, text: dict[str, str] | None = None) -> MeetupChanged:
    """Move the meet-up (keeping its length) and/or change its place, notes or transport."""
    meetup = await meetups.find(uow, meetup_id)
    actor = await meetups.manager(uow, telegram_id, meetup)
    refused = rules.answer_refused(meetup.status, meetup.starts_at, clock.now())
    if refused is not None:
        raise MeetupNotOpen(refused)
    before_start, before_place = meetup.starts_at, meetup.place
    changed: list[str] = []
    if starts_at is not None and starts_at != meetup.starts_at:
        if starts_at <= clock.now():
            raise InvalidMeetup("past")
        length = rules.ends(meetup.starts_at, meetup.ends_at) - meetup.starts_at
        meetup.starts_at, meetup.ends_at = starts_at, starts_at + length
        changed.append("time")
    for name, value in (text or {}).items():
        if name not in LIMITS:
            raise NotFound(name)
        value = clean_text(value)
        if len(value) > LIMITS[name]:
            raise InvalidMeetup("too_long")
        if value != getattr(meetup, name):
            setattr(meetup, name, value)
            changed.append(name)
    if not changed:
        raise InvalidMeetup("unchanged")
    if "time" in changed or "place" in changed:
        meetup.status = MeetupStatus.CHANGED
    return await _save(uow, clock, meetup_id, actor, "meetup.change", tuple(changed), before_start, before_place)


async def cancel(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int) -> MeetupChanged:
    """Call the meet-up off; everyone Going or Maybe is told."""
    meetup = await meetups.find(uow, meetup_id)
    actor = await meetups.manager(uow, telegram_id, meetup)
    refused = rules.answer_refused(meetup.status, meetup.starts_at, clock.now())
    if refused is not None:
        raise MeetupNotOpen(refused)
    meetup.status = MeetupStatus.CANCELLED
    return await _save(uow, clock, meetup_id, actor, "meetup.cancel", (), meetup.starts_at, meetup.place)


async def _save(uow: UnitOfWork, clock: Clock, meetup_id: int, actor: Person, action: str,
                changed: tuple[str, ...], before_start: datetime, before_place: str) -> MeetupChanged:
    meetup = await meetups.find(uow, meetup_id)
    closed = await _apply(uow, clock, meetup, actor, action, changed)
    moved: tuple[tuple[int, str], ...] = ()
    if "time" in changed:  # its requests move with it, in this commit
        moved = await request_releases.follow_move(uow, clock, meetup_id, meetup.starts_at - before_start, actor)
    await uow.commit()
    return replace(await _result(uow, meetup, actor, changed, before_start, before_place, closed),
                   moved_requests=moved)


async def _apply(uow: UnitOfWork, clock: Clock, meetup: Meetup, actor: Person, action: str,
                 changed: tuple[str, ...]) -> tuple[int, ...]:
    """What every change or cancellation brings with it, before the commit: the new version, its reminders,
    and (cancelled) its requests closed and bookings freed; returns the ids of the requests closed."""
    meetup.version += 1
    meetup.updated_at = clock.now()
    if "time" in changed or meetup.status == MeetupStatus.CANCELLED:  # its reminders move or go with it
        await meetup_reminders.follow_change(uow, clock, meetup)
    closed: tuple[int, ...] = ()
    if meetup.status == MeetupStatus.CANCELLED:  # its requests close and its bookings are freed, in this commit
        assert meetup.id is not None
        closed = await request_releases.close_for_meetup(uow, clock, meetup.id, actor)
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id, group_id=meetup.group_id, action=action,
                             detail={"meetup_id": meetup.id, "changed": list(changed)}))
    return closed


async def _result(uow: UnitOfWork, meetup: Meetup, actor: Person, changed: tuple[str, ...], before_start: datetime,
                  before_place: str, closed: tuple[int, ...]) -> MeetupChanged:
    assert meetup.id is not None
    tell = [person for person in await meetups.going_or_maybe_reachable(uow, meetup.id) if person.id != actor.id]
    return MeetupChanged(await meetups.view(uow, meetup), meetup.status == MeetupStatus.CANCELLED, changed,
                         before_start, before_place, tell, actor, closed)


async def cancel_series(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int) -> list[MeetupChanged]:
    """Call off this date and every later one of its series, and stop it repeating, all in one commit."""
    meetup = await meetups.find(uow, meetup_id)
    actor = await meetups.manager(uow, telegram_id, meetup)
    refused = rules.answer_refused(meetup.status, meetup.starts_at, clock.now())
    if refused is not None:
        raise MeetupNotOpen(refused)
    series = await uow.meetups.series(meetup.series_id) if meetup.series_id else None
    if series is None:
        raise NotFound(meetup_id)
    series.active = False
    dates = [date for date in await uow.meetups.of_series(series.id or 0)
             if date.starts_at >= meetup.starts_at and date.status in rules.ON]
    closed: dict[int | None, tuple[int, ...]] = {}
    for date in dates:
        date.status = MeetupStatus.CANCELLED
        closed[date.id] = await _apply(uow, clock, date, actor, "meetup.cancel", ())
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id, group_id=meetup.group_id,
                             action="meetup.stop_series", detail={"series_id": series.id}))
    await uow.commit()
    return [await _result(uow, date, actor, (), date.starts_at, date.place, closed[date.id]) for date in dates]


async def stop_series(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int) -> MeetupView:
    """No more meet-ups are made for this one's series (those already on the calendar stay)."""
    meetup = await meetups.find(uow, meetup_id)
    actor = await meetups.manager(uow, telegram_id, meetup)
    series = await uow.meetups.series(meetup.series_id) if meetup.series_id else None
    if series is None:
        raise NotFound(meetup_id)
    series.active = False
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id, group_id=meetup.group_id,
                             action="meetup.stop_series", detail={"series_id": series.id}))
    await uow.commit()
    return await meetups.view(uow, meetup)
