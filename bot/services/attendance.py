"""Attendance: after a meet-up its organiser or a coordinator ticks who came. What it records feeds the
contributions feature (suggested time credits) and reports: see `attendees`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain import meetups as rules
from bot.domain.meetups import Answer, MeetupStatus
from bot.services import meetups, stories
from bot.services.errors import MeetupNotOpen, NotFound
from bot.services.meetups import MeetupView
from bot.store.meetups import Attendance
from bot.store.models import AuditEntry, Person

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork, UnitOfWorkFactory

LISTED = (Answer.GOING, Answer.MAYBE, Answer.WAITING)


@dataclass(frozen=True)
class Sheet:
    """Who could have come (everyone who answered Going, Maybe or waiting, and anyone ticked) and who did."""

    view: MeetupView
    people: list[Person]
    came: frozenset[int]  # person ids


async def sheet(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int) -> Sheet:
    meetup = await meetups.find(uow, meetup_id)
    await meetups.manager(uow, telegram_id, meetup)
    if not rules.may_take_attendance(meetup.status, meetup.starts_at, clock.now()):
        cancelled = meetup.status == MeetupStatus.CANCELLED
        raise MeetupNotOpen(rules.Refusal.CANCELLED if cancelled else rules.Refusal.NOT_YET)
    return await sheet_for(uow, meetup_id)


async def toggle(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int, person_id: int) -> Sheet:
    """Tick (or untick) one person on the sheet; only people on the sheet can be ticked."""
    current = await sheet(uow, clock, meetup_id, telegram_id)
    if person_id not in {person.id for person in current.people}:
        raise NotFound(person_id)
    actor = await uow.people.by_telegram_id(telegram_id)
    if await uow.meetups.attended(meetup_id, person_id) is not None:
        await uow.meetups.unmark(meetup_id, person_id)
    else:
        uow.meetups.add(Attendance(meetup_id=meetup_id, person_id=person_id, marked_by_id=actor.id if actor else None,
                                   marked_at=clock.now()))
        came = await uow.session.get(Person, person_id)
        if came is not None:  # "what mattered to you?", asked once the meet-up is over
            await stories.plan_question(uow, clock, await meetups.find(uow, meetup_id), came)
    meetup = await meetups.find(uow, meetup_id)
    meetup.status = MeetupStatus.DONE
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id if actor else None, group_id=meetup.group_id,
                             action="meetup.attendance", detail={"meetup_id": meetup_id, "person_id": person_id}))
    await uow.commit()
    return await sheet_for(uow, meetup_id)


async def sheet_for(uow: UnitOfWork, meetup_id: int) -> Sheet:
    """The sheet as it stands (no permission check: for callers that checked, and the scheduled ask)."""
    meetup = await meetups.find(uow, meetup_id)
    came = frozenset(row.person_id for row in await uow.meetups.attendance(meetup_id))
    listed = [person for rsvp, person in await uow.meetups.rsvps(meetup_id)
              if rsvp.answer in LISTED or person.id in came]
    return Sheet(await meetups.view(uow, meetup), listed, came)


async def attendees(uow: UnitOfWork, meetup_id: int) -> list[Person]:
    """Everyone ticked as having come (for suggested time credits and funders' reports)."""
    came = {row.person_id for row in await uow.meetups.attendance(meetup_id)}
    return [person for _, person in await uow.meetups.rsvps(meetup_id) if person.id in came]


async def wrap_up_due(uows: UnitOfWorkFactory, clock: Clock) -> list[tuple[MeetupView, list[Person]]]:
    """Meet-ups that have ended, once each: marked done, with who to ask to tick who came (the
    organiser, or the group's coordinators when the organiser can't be messaged)."""
    now = clock.now()
    async with uows() as uow:
        ids = [m.id for m in await uow.meetups.started_not_wrapped_up(now)
               if m.id is not None and rules.ends(m.starts_at, m.ends_at) <= now]
    found = []
    for meetup_id in ids:
        async with uows() as uow:
            meetup = await uow.meetups.lock(meetup_id)
            if meetup is None or meetup.attendance_asked or meetup.status not in rules.ON:
                continue  # another worker got there first
            meetup.attendance_asked, meetup.status = True, MeetupStatus.DONE
            await uow.commit()
            current = await meetups.view(uow, meetup)
            ask = [current.organiser] if current.organiser and current.organiser.can_dm else [
                person for person in await uow.meetups.coordinators(meetup.group_id) if person.can_dm]
            found.append((current, ask))
    return found
