"""Contributions: logging the time a member gave, and confirming or rejecting it.

A member logs for themself (pending until someone else confirms); a coordinator can log for everyone
at a meet-up at once (see meetup_log.py). Confirming earns the credits in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain import contributions as rules
from bot.domain.contributions import Category, ContributionState
from bot.domain.hours import checked
from bot.domain.roles import Role
from bot.services import credits, reminders, supporters
from bot.services.credits import group_member
from bot.services.errors import AlreadyDone, InvalidContribution, MayNotConfirm, NotFound
from bot.store.credits import Contribution
from bot.store.meetups import Meetup
from bot.store.models import Group, Person
from bot.store.uow import Conflict

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

CANDIDATES_SHOWN = 10
REMIND = "contribution_remind"  # reminder kinds: the first fans out to "contribution_remind_person"


@dataclass(frozen=True)
class LogRequest:
    """What a member says they gave (gathered step by step in a private chat)."""

    group_chat_id: int
    category: str
    day: date
    quarters: int
    note: str = ""
    meetup_id: int | None = None
    confirmer_id: int | None = None  # a person of the group; None asks the coordinators


@dataclass(frozen=True)
class ContributionView:
    """A contribution with the people and places needed to show it."""

    contribution: Contribution
    person: Person
    group: Group
    meetup: Meetup | None
    confirmer: Person | None
    decided_by: Person | None

    @property
    def id(self) -> int:
        assert self.contribution.id is not None
        return self.contribution.id

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.group.timezone)


async def view(uow: UnitOfWork, contribution: Contribution) -> ContributionView:
    async def person(person_id: int | None) -> Person | None:
        return await uow.session.get(Person, person_id) if person_id else None

    member, group = await person(contribution.person_id), await uow.groups.get(contribution.group_id)
    assert member is not None and group is not None
    meetup = await uow.meetups.get(contribution.meetup_id) if contribution.meetup_id else None
    return ContributionView(contribution, member, group, meetup, await person(contribution.confirmer_id),
                            await person(contribution.decided_by_id))


def local_day(group: Group, moment: datetime) -> date:
    """The day a moment falls on in the group's time zone."""
    return moment.astimezone(ZoneInfo(group.timezone)).date()


def check_entry(category: str, note: str, quarters: int, day: date, today: date) -> None:
    """The rules every contribution keeps, however it was gathered."""
    if category not in set(Category):
        raise InvalidContribution("category")
    if len(note) > rules.NOTE_MAX or (category == Category.OTHER and not note):
        raise InvalidContribution("note")
    reading = checked(quarters)
    if reading.problem:
        raise InvalidContribution(reading.problem)
    if day > today:
        raise InvalidContribution(rules.DayProblem.FUTURE)
    if (today - day).days > rules.LOOKBACK_DAYS:
        raise InvalidContribution(rules.DayProblem.TOO_LONG_AGO)


async def log(uow: UnitOfWork, clock: Clock, telegram_id: int, request: LogRequest, *,
              entered_by: int | None = None) -> ContributionView:
    """Record time a member gave, pending confirmation; checked again here, whatever the chat let through.
    `entered_by` (a Telegram id): a coordinator or named supporter logs it for the member, audited as such."""
    group, person, _ = await group_member(uow, telegram_id, request.group_chat_id)
    assert group.id is not None and person.id is not None
    logger = person if entered_by is None else await supporters.authorise(uow, entered_by, person, group.id)
    assert logger.id is not None
    check_entry(request.category, request.note, request.quarters, request.day, local_day(group, clock.now()))
    if request.meetup_id is not None:
        meetup = await uow.meetups.get(request.meetup_id)
        if meetup is None or meetup.group_id != group.id or meetup.status == "cancelled" or \
                meetup.starts_at > clock.now():
            raise InvalidContribution("meetup")
    if not rules.fits_in_day(await uow.credits.quarters_on(person.id, request.day), request.quarters):
        raise InvalidContribution("day_full")
    if request.confirmer_id is not None and (
        request.confirmer_id == person.id or await uow.memberships.find(request.confirmer_id, group.id) is None
        or await attended(uow, request.meetup_id, request.confirmer_id) is False
    ):
        raise InvalidContribution("confirmer")
    contribution = Contribution(
        group_id=group.id, person_id=person.id, meetup_id=request.meetup_id, category=request.category,
        note=request.note, day=request.day, quarters=request.quarters, confirmer_id=request.confirmer_id,
        logged_by_id=logger.id, logged_at=clock.now(),
    )
    uow.credits.add(contribution)
    await uow.flush()
    if logger.id != person.id:
        supporters.record(uow, clock, logger, person, group.id, "time",
                          {"contribution_id": contribution.id, "quarters": request.quarters})
    await reminders.plan(uow, kind=REMIND, key=f"{REMIND}:{contribution.id}", due_at=clock.now() + rules.REMIND_AFTER,
                         group=group, subject_id=contribution.id)
    await uow.commit()
    return await view(uow, contribution)


async def attended(uow: UnitOfWork, meetup_id: int | None, person_id: int) -> bool | None:
    """Whether the person came to the meet-up; None when there is no meet-up or nobody has ticked who came."""
    if meetup_id is None:
        return None
    ticked = {row.person_id for row in await uow.meetups.attendance(meetup_id)}
    return (person_id in ticked) if ticked else None


async def _decider(uow: UnitOfWork, contribution_id: int, telegram_id: int) -> tuple[Contribution, Person]:
    """The pending contribution and the person deciding on it, if they may: someone outside its group
    can't tell it from one that doesn't exist."""
    contribution = await uow.credits.contribution(contribution_id)
    person = await uow.people.by_telegram_id(telegram_id)
    membership = contribution and person and person.id and \
        await uow.memberships.find(person.id, contribution.group_id)
    if contribution is None or person is None or person.id is None or not membership:
        raise NotFound(contribution_id)
    if contribution.state != ContributionState.PENDING:
        raise AlreadyDone(contribution_id)
    allowed = rules.may_confirm(
        is_self=person.id == contribution.person_id, is_coordinator=membership.role == Role.COORDINATOR,
        is_member=True, is_chosen=person.id == contribution.confirmer_id,
        attended=await attended(uow, contribution.meetup_id, person.id),
    )
    if not allowed:
        raise MayNotConfirm(contribution_id)
    return contribution, person


async def may_decide(uow: UnitOfWork, contribution_id: int, telegram_id: int) -> ContributionView:
    """Check, before asking for a reason, that this person may reject this contribution."""
    contribution, _ = await _decider(uow, contribution_id, telegram_id)
    return await view(uow, contribution)


async def confirm(uow: UnitOfWork, clock: Clock, contribution_id: int, telegram_id: int) -> ContributionView:
    """Confirm a contribution and earn its credits, once, however many times (or places) it is pressed."""
    contribution, decider = await _decider(uow, contribution_id, telegram_id)
    now = clock.now()
    if not await uow.credits.decide(contribution, state=ContributionState.CONFIRMED, decided_by_id=decider.id,
                                    decided_at=now):
        raise AlreadyDone(contribution_id)
    await credits.earn(uow, clock, contribution, decider)
    await reminders.cancel_about(uow, REMIND, contribution_id)
    try:
        await uow.commit()
    except Conflict as conflict:  # the earn entry already exists: another press won
        raise AlreadyDone(contribution_id) from conflict
    return await view(uow, contribution)


async def reject(uow: UnitOfWork, clock: Clock, contribution_id: int, telegram_id: int,
                 reason: str) -> ContributionView:
    """Say a contribution isn't right, with a reason the member is told kindly. Nothing is earned."""
    if not reason or len(reason) > rules.REASON_MAX:
        raise InvalidContribution("reason")
    contribution, decider = await _decider(uow, contribution_id, telegram_id)
    if not await uow.credits.decide(contribution, state=ContributionState.REJECTED, decided_by_id=decider.id,
                                    decided_at=clock.now(), reason=reason):
        raise AlreadyDone(contribution_id)
    await reminders.cancel_about(uow, REMIND, contribution_id)
    await uow.commit()
    return await view(uow, contribution)


async def withdraw(uow: UnitOfWork, clock: Clock, contribution_id: int,
                   telegram_id: int) -> tuple[ContributionView, list[Person]]:
    """The member (or whoever logged it for them) takes a pending entry back; returns it and whoever had been
    asked to confirm it, who are told. The row stays, marked withdrawn: nothing is earned or counted."""
    contribution = await uow.credits.contribution(contribution_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if contribution is None or person is None or person.id not in (contribution.person_id, contribution.logged_by_id):
        raise NotFound(contribution_id)
    asked = await confirmers_for(uow, await view(uow, contribution))
    if not await uow.credits.decide(contribution, state=ContributionState.WITHDRAWN, decided_by_id=person.id,
                                    decided_at=clock.now()):
        raise AlreadyDone(contribution_id)
    await reminders.cancel_about(uow, REMIND, contribution_id)
    await uow.commit()
    return await view(uow, contribution), asked


async def recent_meetups(uow: UnitOfWork, clock: Clock, chat_id: int) -> list[Meetup]:
    """Meet-ups of the group in the last two months that have started (what time can be logged for)."""
    group = await uow.groups.by_chat(chat_id)
    if group is None or group.id is None:
        return []
    now = clock.now()
    return await uow.credits.meetups_between(group.id, now - rules.MEETUP_LOOKBACK, now)


async def candidates(uow: UnitOfWork, chat_id: int, telegram_id: int, meetup_id: int | None) -> list[Person]:
    """Who the member may ask to confirm: others in the group the bot can write to; once attendance is
    ticked for the meet-up, only those who were there."""
    group, person, _ = await group_member(uow, telegram_id, chat_id)
    assert group.id is not None
    found = []
    for other, _role in await uow.credits.members(group.id):
        if other.id == person.id or not other.can_dm or other.id is None:
            continue
        if await attended(uow, meetup_id, other.id) is not False:
            found.append(other)
    return found[:CANDIDATES_SHOWN]


async def confirmers_for(uow: UnitOfWork, contribution: ContributionView) -> list[Person]:
    """Who is asked to confirm: the chosen member, or else every coordinator of the group but the member."""
    if contribution.confirmer is not None:
        return [contribution.confirmer] if contribution.confirmer.can_dm else []
    assert contribution.group.id is not None
    return [person for person, role in await uow.credits.members(contribution.group.id)
            if role == Role.COORDINATOR and person.id != contribution.person.id and person.can_dm]


async def ask_coordinators_instead(uow: UnitOfWork, contribution_id: int) -> None:
    """The chosen member can't be reached privately: let any coordinator confirm instead."""
    contribution = await uow.credits.contribution(contribution_id)
    if contribution is not None and contribution.state == ContributionState.PENDING:
        contribution.confirmer_id = None
        await uow.commit()


async def still_pending(uow: UnitOfWork, contribution_id: int) -> ContributionView | None:
    """The contribution, if nobody has confirmed or rejected it yet (a reminder checks before it goes)."""
    contribution = await uow.credits.contribution(contribution_id)
    if contribution is None or contribution.state != ContributionState.PENDING:
        return None
    return await view(uow, contribution)


async def plan_reminders(uow: UnitOfWork, clock: Clock, contribution_id: int) -> int:
    """The contribution has waited a while: plan one private reminder for each person who may confirm
    it (its unique key keeps it to one each, however often this runs); the caller's reminder is done."""
    pending = await still_pending(uow, contribution_id)
    if pending is None:
        return 0
    people = await confirmers_for(uow, pending)
    for person in people:
        await reminders.plan(uow, kind=f"{REMIND}_person", key=f"{REMIND}:{contribution_id}:{person.id}",
                             due_at=clock.now(), group=pending.group, person=person, subject_id=contribution_id)
    await uow.commit()
    return len(people)
