"""Meet-up reminders and the weekly list of meet-ups, planned inside the transaction of the change that
calls for them: a meet-up made, moved or cancelled; an answer of Going, Maybe or Not going.

Keys carry the meet-up's start time, so a moved meet-up's reminders are new rows (the old ones are
cancelled in the same commit) and a reminder already sent for the old time does not stop one for the new
time. The weekly list has one key per group and ISO week, so it exists once however often it is planned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain import reminders as rules
from bot.domain.meetups import ON, Answer
from bot.domain.reminders import ReminderState
from bot.services import groups, reminders
from bot.services.errors import NotFound
from bot.store.models import AuditEntry

if TYPE_CHECKING:
    from datetime import datetime

    from bot.domain.clock import Clock
    from bot.store.meetups import Meetup
    from bot.store.models import Group, Person
    from bot.store.reminders import Reminder
    from bot.store.uow import UnitOfWork, UnitOfWorkFactory

GROUP, PRIVATE, DIGEST = "meetup_group", "meetup_private", "weekly_digest"


def _stamp(starts_at: datetime) -> str:
    return starts_at.strftime("%Y%m%dT%H%MZ")


async def plan_group(uow: UnitOfWork, clock: Clock, meetup: Meetup, group: Group) -> Reminder | None:
    """The reminder in the group chat a day before (none if that moment has passed)."""
    assert meetup.id is not None
    due = rules.before(meetup.starts_at, rules.GROUP_LEAD, clock.now())
    if due is None or meetup.status not in ON:
        return None
    return await reminders.plan(uow, kind=GROUP, key=f"{GROUP}:{meetup.id}:{_stamp(meetup.starts_at)}", due_at=due,
                                group=group, useful_until=meetup.starts_at, subject_id=meetup.id, revive=True)


async def plan_person(uow: UnitOfWork, clock: Clock, meetup: Meetup, group: Group, person: Person
                      ) -> Reminder | None:
    """One Going person's private reminder two hours before (outside their quiet hours, never late)."""
    assert meetup.id is not None and person.id is not None
    due = rules.before(meetup.starts_at, rules.PRIVATE_LEAD, clock.now())
    if due is None or meetup.status not in ON:
        return None
    key = f"{PRIVATE}:{meetup.id}:{person.id}:{_stamp(meetup.starts_at)}"
    return await reminders.plan(uow, kind=PRIVATE, key=key, due_at=due, group=group, person=person,
                                useful_until=meetup.starts_at, subject_id=meetup.id, revive=True)


async def cancel_person(uow: UnitOfWork, meetup_id: int, person_id: int) -> int:
    pending = [r for r in await uow.reminders.pending_about(PRIVATE, meetup_id) if r.person_id == person_id]
    return await reminders.cancel_pending(uow, pending)


async def follow_answer(uow: UnitOfWork, clock: Clock, meetup: Meetup, person: Person, answer: str,
                        promoted: list[Person]) -> None:
    """After an answer: Going plans the person's reminder, anything else cancels it; whoever moved up from
    the waiting list gets theirs. The caller commits."""
    group = await uow.groups.get(meetup.group_id)
    assert group is not None and person.id is not None
    if answer == Answer.GOING:
        await plan_person(uow, clock, meetup, group, person)
    else:
        await cancel_person(uow, meetup.id or 0, person.id)
    for moved_up in promoted:
        await plan_person(uow, clock, meetup, group, moved_up)


async def follow_reminder_choice(uow: UnitOfWork, clock: Clock, person: Person) -> int:
    """The person turned reminders on: theirs are planned for the meet-ups they already said Going to; off:
    their waiting ones are cancelled. Returns how many were planned or cancelled; the caller commits."""
    assert person.id is not None
    if not person.reminders:
        pending = [reminder for reminder in await uow.reminders.pending_for(person.id) if reminder.kind == PRIVATE]
        return await reminders.cancel_pending(uow, pending)
    their_groups: dict[int, Group] = {group.id: group for group in await uow.memberships.groups_of(person.id)
                                      if group.id is not None}
    planned = 0
    for meetup in await uow.meetups.upcoming(list(their_groups), clock.now(), 50):
        rsvp = await uow.meetups.rsvp_of(meetup.id or 0, person.id)
        if rsvp is not None and rsvp.answer == Answer.GOING:
            planned += await plan_person(uow, clock, meetup, their_groups[meetup.group_id], person) is not None
    return planned


async def plan_new(uow: UnitOfWork, clock: Clock, meetup: Meetup, group: Group) -> None:
    """A meet-up was just put on the calendar: its group reminder, the reminders of anyone already Going
    (a series that counts members in by default), and the group's weekly list if it has none yet."""
    await plan_group(uow, clock, meetup, group)
    for rsvp, person in await uow.meetups.rsvps(meetup.id or 0):
        if rsvp.answer == Answer.GOING:
            await plan_person(uow, clock, meetup, group, person)
    await ensure_digest(uow, clock, group)


async def follow_change(uow: UnitOfWork, clock: Clock, meetup: Meetup) -> None:
    """A meet-up moved or was cancelled: its pending reminders are cancelled and, if it is still on,
    planned again for the new time. The caller commits."""
    assert meetup.id is not None
    for kind in (GROUP, PRIVATE):
        await reminders.cancel_pending(uow, await uow.reminders.pending_about(kind, meetup.id))
    if meetup.status not in ON:
        return
    group = await uow.groups.get(meetup.group_id)
    assert group is not None
    await plan_group(uow, clock, meetup, group)
    for rsvp, person in await uow.meetups.rsvps(meetup.id):
        if rsvp.answer == Answer.GOING:
            await plan_person(uow, clock, meetup, group, person)


# -- The weekly list ---------------------------------------------------------------------------------


async def plan_next_digest(uow: UnitOfWork, group: Group, after: datetime) -> Reminder | None:
    """Plan the group's weekly list for its next day and hour after `after` (a week on, if this week's
    went already). The caller commits."""
    assert group.id is not None
    zone = ZoneInfo(group.timezone)
    due = rules.digest_due(after, group.digest_weekday, group.digest_hour, zone)
    for _ in range(2):
        key = f"{DIGEST}:{group.id}:{rules.digest_week(due, zone)}"
        existing = await uow.reminders.by_key(key)
        if existing is None or existing.state in (ReminderState.PENDING, ReminderState.CANCELLED):
            # No useful_until: a late list is skipped by its kind handler, which plans the next one first, so
            # the weekly chain never breaks (the sender would skip it without asking the handler).
            return await reminders.plan(uow, kind=DIGEST, key=key, due_at=due, group=group, subject_id=group.id,
                                        revive=True)
        due = rules.digest_due(due, group.digest_weekday, group.digest_hour, zone)
    return None


async def ensure_digest(uow: UnitOfWork, clock: Clock, group: Group) -> Reminder | None:
    """Make sure the group's next weekly list is planned; one already waiting is left as it is."""
    if group.id is None or not group.bot_present:
        return None
    pending = await uow.reminders.pending_about(DIGEST, group.id)
    if pending:
        return pending[0]
    return await plan_next_digest(uow, group, clock.now())


async def resume_digest(uow: UnitOfWork, clock: Clock, group: Group) -> None:
    """The bot is in the group again: with meet-ups on its calendar, its weekly list is planned at once (the
    chain stopped while the bot was away). In the caller's transaction."""
    if group.id is not None and await uow.meetups.upcoming([group.id], clock.now(), 1):
        await ensure_digest(uow, clock, group)


async def ensure_every_digest(uows: UnitOfWorkFactory, clock: Clock) -> int:
    """At the scheduler's start-up: every active group (the bot is in it, a meet-up is on its calendar) has
    its next weekly list planned. A group with nothing planned needs none yet: its first meet-up plans one,
    and from then on each list plans the next."""
    async with uows() as uow:
        ids = [group.id for group in await uow.groups.with_bot() if group.id is not None]
    planned = 0
    for group_id in ids:
        async with uows() as uow:
            group = await uow.groups.get(group_id)
            if group is None or not await uow.meetups.upcoming([group_id], clock.now(), 1):
                continue
            if await ensure_digest(uow, clock, group) is not None:
                planned += 1
            await uow.commit()
    return planned


async def set_digest_time(uow: UnitOfWork, clock: Clock, chat_id: int, actor_telegram_id: int, weekday: int,
                          hour: int) -> Group:
    """A coordinator chooses the day and hour of the group's weekly list; the waiting one moves with it."""
    if not 0 <= weekday <= 6 or hour not in rules.DIGEST_HOURS:
        raise NotFound(weekday)
    group, actor = await groups.as_coordinator(uow, chat_id, actor_telegram_id)
    assert group.id is not None  # as_coordinator found it in the database
    group.digest_weekday, group.digest_hour = weekday, hour
    await reminders.cancel_pending(uow, await uow.reminders.pending_about(DIGEST, group.id))
    await uow.flush()
    await plan_next_digest(uow, group, clock.now())
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id, group_id=group.id, action="reminders.digest",
                             detail={"weekday": weekday, "hour": hour}))
    await uow.commit()
    return group


async def digest_sent(uows: UnitOfWorkFactory, group_id: int, due_at: datetime) -> None:
    """A weekly list went (or had nothing to list): plan the next one, a week on."""
    async with uows() as uow:
        group = await uow.groups.get(group_id)
        if group is not None and group.bot_present:
            await plan_next_digest(uow, group, due_at)
            await uow.commit()


async def week_ahead(uow: UnitOfWork, group: Group, since: datetime, until: datetime) -> list[Meetup]:
    """The group's meet-ups still going ahead that start between `since` and `until`, soonest first."""
    assert group.id is not None
    return [meetup for meetup in await uow.meetups.upcoming([group.id], since, 50) if meetup.starts_at < until]
