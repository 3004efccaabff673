"""Recurring meet-ups: a coordinator starts a series; its meet-ups are put on the calendar a few weeks
ahead by a periodic job, once each (the database refuses a second meet-up for the same date)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain.meetups import Answer, MeetupDraft, seat
from bot.domain.proposals import clean_text
from bot.domain.recurrence import Every, Recurrence
from bot.domain.roles import Role
from bot.services import meetup_reminders, meetups, outbox
from bot.services.errors import InvalidMeetup, NotACoordinator, NotFound
from bot.services.meetups import MeetupView
from bot.store.meetups import Meetup, MeetupSeries, Rsvp
from bot.store.models import AuditEntry
from bot.store.uow import Conflict

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.models import Group
    from bot.store.uow import UnitOfWork, UnitOfWorkFactory

AHEAD = timedelta(days=21)  # how far ahead a series' meet-ups are on the calendar (and open for RSVPs)


def recurrence(series: MeetupSeries, zone: ZoneInfo) -> Recurrence:
    return Recurrence(Every(series.every), series.first_start, zone)


async def start(uow: UnitOfWork, clock: Clock, telegram_id: int, draft: MeetupDraft) -> list[MeetupView]:
    """A coordinator starts a recurring meet-up; returns the meet-ups made straight away."""
    group = await uow.groups.by_chat(draft.group_chat_id)
    if group is None or group.id is None:
        raise NotFound(draft.group_chat_id)
    person, role = await meetups.member(uow, telegram_id, group.id)
    if role != Role.COORDINATOR:
        raise NotACoordinator(group.id)
    meetups.check_draft(draft, clock.now())
    if draft.every not in set(Every):
        raise InvalidMeetup("every")
    assert draft.starts_at is not None
    series = MeetupSeries(group_id=group.id, organiser_id=person.id, title=clean_text(draft.title),
                          place=clean_text(draft.place), notes=clean_text(draft.notes), capacity=draft.capacity,
                          every=draft.every, first_start=draft.starts_at, going_by_default=draft.going_by_default,
                          created_at=clock.now())
    uow.meetups.add(series)
    await uow.flush()
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=person.id, group_id=group.id,
                             action="meetup.start_series", detail={"series_id": series.id, "every": draft.every}))
    made = await _fill(uow, clock, series)
    await uow.commit()
    return [await meetups.view(uow, meetup) for meetup in made]


async def extend(uows: UnitOfWorkFactory, clock: Clock) -> list[MeetupView]:
    """Put every active series' next meet-ups on the calendar; returns the new ones (to post)."""
    async with uows() as uow:
        ids = [series.id for series in await uow.meetups.active_series() if series.id is not None]
    made: list[MeetupView] = []
    for series_id in ids:
        async with uows() as uow:
            series = await uow.meetups.series(series_id)
            if series is None or not series.active:
                continue
            new = await _fill(uow, clock, series)
            try:
                await uow.commit()
            except Conflict:  # another worker made them first
                continue
            made.extend([await meetups.view(uow, meetup) for meetup in new])
    return made


async def _fill(uow: UnitOfWork, clock: Clock, series: MeetupSeries) -> list[Meetup]:
    """Make the series' missing meet-ups up to AHEAD from now (always at least the next one)."""
    assert series.id is not None
    group = await uow.groups.get(series.group_id)
    assert group is not None
    now = clock.now()
    rule = recurrence(series, ZoneInfo(group.timezone))
    wanted = rule.between(now, now + AHEAD) or rule.occurrences(now, 1)
    existing = {meetup.slot for meetup in await uow.meetups.of_series(series.id)}
    latest = max((slot for slot in existing if slot is not None), default=None)
    made = []
    for slot in wanted:
        if slot in existing or (latest is not None and slot <= latest):
            continue
        meetup = await _make(uow, clock, series, group, slot)
        assert meetup.id is not None
        await outbox.post_meetup(uow, clock, group, meetup.id)  # its group post, in the same transaction
        made.append(meetup)
    return made


async def _make(uow: UnitOfWork, clock: Clock, series: MeetupSeries, group: Group, slot: datetime) -> Meetup:
    """One meet-up of the series, with its reminders planned in the same transaction."""
    now = clock.now()
    meetup = Meetup(group_id=series.group_id, series_id=series.id, slot=slot, organiser_id=series.organiser_id,
                    title=series.title, starts_at=slot, ends_at=slot + timedelta(minutes=series.minutes),
                    place=series.place, notes=series.notes, capacity=series.capacity, updated_at=now)
    uow.meetups.add(meetup)
    await uow.flush()
    if series.going_by_default:
        assert meetup.id is not None
        going = 0
        for person in await uow.meetups.members(series.group_id):
            assert person.id is not None
            answer = seat(Answer.GOING, series.capacity, going)
            going += answer is Answer.GOING
            uow.meetups.add(Rsvp(meetup_id=meetup.id, person_id=person.id, answer=answer, by_default=True,
                                 answered_at=now))
        await uow.flush()
    await meetup_reminders.plan_new(uow, clock, meetup, group)
    return meetup
