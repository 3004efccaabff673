"""RSVPs: Going / Maybe / Not going, "I need a lift" with a pickup point, and the waiting list.

Every press is checked again here: the meet-up exists (in this group, when pressed in a group), the
person is a member, and the meet-up is still on and has not started.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain import meetups as rules
from bot.domain.meetups import Answer
from bot.domain.proposals import clean_text
from bot.services import meetup_reminders, meetups, supporters
from bot.services.errors import AlreadyDone, InvalidMeetup, MeetupNotOpen
from bot.services.meetups import MeetupView
from bot.store.meetups import Meetup, Rsvp
from bot.store.models import Person
from bot.store.uow import Conflict

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork


@dataclass(frozen=True)
class Answered:
    """What a press did: the answer stored (WAITING when it was full), and who moved up the list."""

    view: MeetupView
    person: Person
    answer: Answer
    needs_lift: bool
    pickup: str
    waiting_place: int | None  # 1 for the first on the waiting list
    promoted: list[Person]  # moved from the waiting list to Going: tell them privately


async def respond(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int, wanted: Answer,
                  chat_id: int | None = None, *, entered_by: int | None = None) -> Answered:
    """Record Going, Maybe or Not going; a second press replaces the first. `entered_by` (a Telegram id):
    a coordinator or named supporter answers for the member, audited as such."""
    if wanted not in (Answer.GOING, Answer.MAYBE, Answer.NO):
        raise InvalidMeetup("answer")
    meetup, person, rsvp = await _open(uow, clock, meetup_id, telegram_id, chat_id)
    if entered_by is not None:
        actor = await supporters.authorise(uow, entered_by, person, meetup.group_id)
        supporters.record(uow, clock, actor, person, meetup.group_id, "rsvp",
                          {"meetup_id": meetup_id, "answer": str(wanted)})
    keeps_place = rsvp is not None and rsvp.answer == Answer.WAITING and wanted is Answer.GOING
    if rsvp is None or (rsvp.answer != wanted and not keeps_place):
        rsvp = await _answer(uow, clock, meetup, person, rsvp, wanted)
    if rsvp.answer == Answer.NO:
        rsvp.needs_lift, rsvp.pickup = False, ""
    rsvp.by_default = False
    return await _finish(uow, clock, meetup, person, rsvp)


async def toggle_lift(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int,
                      chat_id: int | None = None) -> Answered:
    """Ask for a lift (which means going, or waiting for a place), or take the request back."""
    meetup, person, rsvp = await _open(uow, clock, meetup_id, telegram_id, chat_id)
    if rsvp is not None and rsvp.needs_lift:
        rsvp.needs_lift, rsvp.pickup = False, ""
    else:
        if rsvp is None or rsvp.answer == Answer.NO:
            rsvp = await _answer(uow, clock, meetup, person, rsvp, Answer.GOING)
        rsvp.needs_lift = True
    return await _finish(uow, clock, meetup, person, rsvp)


async def set_pickup(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int, pickup: str) -> Answered:
    """Where the driver should pick the person up (only with a lift asked for)."""
    pickup = clean_text(pickup)
    if not pickup or len(pickup) > rules.PICKUP_MAX:
        raise InvalidMeetup("too_long" if pickup else "empty")
    meetup, person, rsvp = await _open(uow, clock, meetup_id, telegram_id, None)
    if rsvp is None or not rsvp.needs_lift:
        raise InvalidMeetup("no_lift")
    rsvp.pickup = pickup
    return await _finish(uow, clock, meetup, person, rsvp)


async def _open(uow: UnitOfWork, clock: Clock, meetup_id: int, telegram_id: int, chat_id: int | None
                ) -> tuple[Meetup, Person, Rsvp | None]:
    meetup = await meetups.find(uow, meetup_id, chat_id)
    person, _ = await meetups.member(uow, telegram_id, meetup.group_id)
    refused = rules.answer_refused(meetup.status, meetup.starts_at, clock.now())
    if refused is not None:
        raise MeetupNotOpen(refused)
    assert person.id is not None
    return meetup, person, await uow.meetups.rsvp_of(meetup_id, person.id)


async def _answer(uow: UnitOfWork, clock: Clock, meetup: Meetup, person: Person, rsvp: Rsvp | None,
                  wanted: Answer) -> Rsvp:
    """Store a new answer; Going takes a place if one is free, else joins the waiting list."""
    assert meetup.id is not None and person.id is not None
    others = [r for r, p in await uow.meetups.rsvps(meetup.id) if p.id != person.id]
    going = sum(1 for r in others if r.answer == Answer.GOING)
    answer = rules.seat(wanted, meetup.capacity, going)
    if rsvp is None:
        rsvp = Rsvp(meetup_id=meetup.id, person_id=person.id, answer=answer, answered_at=clock.now())
        uow.meetups.add(rsvp)
    else:
        rsvp.answer, rsvp.answered_at = answer, clock.now()
    return rsvp


async def _finish(uow: UnitOfWork, clock: Clock, meetup: Meetup, person: Person, rsvp: Rsvp) -> Answered:
    await uow.flush()
    promoted = await promote(uow, meetup)
    await meetup_reminders.follow_answer(uow, clock, meetup, person, rsvp.answer, promoted)
    try:
        await uow.commit()
    except Conflict:  # the same person pressed twice at the same instant; the other press won
        raise AlreadyDone(meetup.id) from None
    current = await meetups.view(uow, meetup)
    assert meetup.id is not None
    waiting = [p.id for r, p in await uow.meetups.rsvps(meetup.id) if r.answer == Answer.WAITING]
    place = waiting.index(person.id) + 1 if person.id in waiting else None
    return Answered(current, person, Answer(rsvp.answer), rsvp.needs_lift, rsvp.pickup, place, promoted)


async def promote(uow: UnitOfWork, meetup: Meetup) -> list[Person]:
    """Give freed places to the waiting list, first come first served; returns who moved up."""
    assert meetup.id is not None
    answers = await uow.meetups.rsvps(meetup.id)
    going = sum(1 for rsvp, _ in answers if rsvp.answer == Answer.GOING)
    waiting = [(rsvp, person) for rsvp, person in answers if rsvp.answer == Answer.WAITING]
    moving = set(rules.promotions(meetup.capacity, going, [rsvp.id or 0 for rsvp, _ in waiting]))
    promoted = []
    for rsvp, person in waiting:
        if rsvp.id in moving:
            rsvp.answer = Answer.GOING
            promoted.append(person)
    return promoted
