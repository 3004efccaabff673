"""Meet-ups: making them (from a passed proposal, or by a coordinator), reading what's on, and who may
manage them. RSVPs live in rsvp.py, changes in meetup_changes.py, series in series.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain import meetups as rules
from bot.domain.meetups import Answer, Counts, MeetupDraft
from bot.domain.proposals import clean_text
from bot.domain.roles import Role
from bot.services import meetup_reminders, outbox
from bot.services.errors import InvalidMeetup, NotACoordinator, NotAMember, NotFound
from bot.store.meetups import Meetup, MeetupSeries, MeetupSettings
from bot.store.models import AuditEntry, Group, Person
from bot.store.proposals import Proposal

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

UPCOMING_SHOWN = 5


@dataclass(frozen=True)
class MeetupView:
    """A meet-up with everything needed to show it: its group, answers so far, organiser and series."""

    meetup: Meetup
    group: Group
    counts: Counts
    going: list[Person]  # in the order they answered
    maybe: list[Person]
    show_names: bool  # the group chose to show who's going (recovery groups usually don't)
    organiser: Person | None
    series: MeetupSeries | None

    @property
    def id(self) -> int:
        assert self.meetup.id is not None
        return self.meetup.id

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.group.timezone)

    @property
    def ends_at(self) -> datetime:
        return rules.ends(self.meetup.starts_at, self.meetup.ends_at)

    @property
    def is_on(self) -> bool:
        return self.meetup.status in rules.ON

    @property
    def is_full(self) -> bool:
        return self.meetup.capacity is not None and self.counts.going >= self.meetup.capacity


async def view(uow: UnitOfWork, meetup: Meetup) -> MeetupView:
    assert meetup.id is not None
    answers = await uow.meetups.rsvps(meetup.id)
    group = await uow.groups.get(meetup.group_id)
    assert group is not None
    settings = await uow.meetups.settings(meetup.group_id)
    organiser = await uow.session.get(Person, meetup.organiser_id) if meetup.organiser_id else None
    series = await uow.meetups.series(meetup.series_id) if meetup.series_id else None
    return MeetupView(
        meetup, group, Counts.of([(rsvp.answer, rsvp.needs_lift) for rsvp, _ in answers]),
        [person for rsvp, person in answers if rsvp.answer == Answer.GOING],
        [person for rsvp, person in answers if rsvp.answer == Answer.MAYBE],
        settings is not None and settings.show_names, organiser, series,
    )


async def find(uow: UnitOfWork, meetup_id: int, chat_id: int | None = None) -> Meetup:
    """The meet-up; when pressed in a group chat, only if it belongs to that group (a forged id from
    another group is indistinguishable from one that doesn't exist)."""
    meetup = await uow.meetups.lock(meetup_id)
    if meetup is None:
        raise NotFound(meetup_id)
    if chat_id is not None:
        group = await uow.groups.get(meetup.group_id)
        if group is None or group.chat_id != chat_id:
            raise NotFound(meetup_id)
    return meetup


async def member(uow: UnitOfWork, telegram_id: int, group_id: int) -> tuple[Person, str]:
    """The person and their role in the group; NotAMember if they are not in it."""
    person = await uow.people.by_telegram_id(telegram_id)
    membership = person and person.id and await uow.memberships.find(person.id, group_id)
    if person is None or not membership:
        raise NotAMember(group_id)
    return person, membership.role


async def manager(uow: UnitOfWork, telegram_id: int, meetup: Meetup) -> Person:
    """The person, if they may change, cancel or take attendance: the organiser or a coordinator."""
    person, role = await member(uow, telegram_id, meetup.group_id)
    if role != Role.COORDINATOR and meetup.organiser_id != person.id:
        raise NotACoordinator(meetup.id)
    return person


def add_from_proposal(uow: UnitOfWork, proposal: Proposal, starts_at: datetime) -> Meetup:
    """A passed proposal becomes a meet-up on the chosen date, organised by the proposer."""
    meetup = Meetup(group_id=proposal.group_id, proposal_id=proposal.id, organiser_id=proposal.proposer_id,
                    title=proposal.title, starts_at=starts_at, place=proposal.place, notes=proposal.description,
                    needs=proposal.needs)
    uow.meetups.add(meetup)
    return meetup


def check_draft(draft: MeetupDraft, now: datetime) -> None:
    """Everything a coordinator typed, checked again whatever the conversation let through."""
    for text, limit in ((draft.title, rules.TITLE_MAX), (draft.place, rules.PLACE_MAX), (draft.notes, rules.NOTES_MAX)):
        if len(clean_text(text)) > limit:
            raise InvalidMeetup("too_long")
    if not clean_text(draft.title):
        raise InvalidMeetup("no_title")
    if draft.starts_at is None or draft.starts_at <= now:
        raise InvalidMeetup("past")
    if draft.capacity is not None and not 0 < draft.capacity <= rules.CAPACITY_MAX:
        raise InvalidMeetup("capacity")


async def create(uow: UnitOfWork, clock: Clock, telegram_id: int, draft: MeetupDraft) -> MeetupView:
    """A coordinator puts a one-off meet-up on the group's calendar."""
    group = await uow.groups.by_chat(draft.group_chat_id)
    if group is None or group.id is None:
        raise NotFound(draft.group_chat_id)
    person, role = await member(uow, telegram_id, group.id)
    if role != Role.COORDINATOR:
        raise NotACoordinator(group.id)
    check_draft(draft, clock.now())
    assert draft.starts_at is not None
    meetup = Meetup(group_id=group.id, organiser_id=person.id, title=clean_text(draft.title),
                    starts_at=draft.starts_at, place=clean_text(draft.place), notes=clean_text(draft.notes),
                    capacity=draft.capacity, updated_at=clock.now())
    uow.meetups.add(meetup)
    await uow.flush()
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=person.id, group_id=group.id, action="meetup.create",
                             detail={"meetup_id": meetup.id}))
    await meetup_reminders.plan_new(uow, clock, meetup, group)
    assert meetup.id is not None
    await outbox.post_meetup(uow, clock, group, meetup.id)  # its group post, with it or not at all
    await uow.commit()
    return await view(uow, meetup)


async def record_post(uow: UnitOfWork, meetup_id: int, message_id: int) -> None:
    meetup = await uow.meetups.get(meetup_id)
    if meetup is not None:
        meetup.post_message_id = message_id
        await uow.commit()


async def for_proposal(uow: UnitOfWork, proposal_id: int) -> MeetupView | None:
    meetup = await uow.proposals.meetup_for(proposal_id)
    return await view(uow, meetup) if meetup is not None else None


async def get_view(uow: UnitOfWork, meetup_id: int) -> MeetupView | None:
    meetup = await uow.meetups.get(meetup_id)
    return await view(uow, meetup) if meetup is not None else None


async def upcoming_in_group(uow: UnitOfWork, clock: Clock, chat_id: int, limit: int = UPCOMING_SHOWN
                            ) -> list[MeetupView]:
    group = await uow.groups.by_chat(chat_id)
    if group is None or group.id is None:
        return []
    return [await view(uow, meetup) for meetup in await uow.meetups.upcoming([group.id], clock.now(), limit)]


@dataclass(frozen=True)
class MyMeetup:
    """An upcoming meet-up as one member sees it: their own answer, and whether they may manage it."""

    view: MeetupView
    answer: str | None
    needs_lift: bool
    pickup: str
    manages: bool


async def upcoming_for_person(uow: UnitOfWork, clock: Clock, telegram_id: int, limit: int = UPCOMING_SHOWN
                              ) -> list[MyMeetup]:
    """The next meet-ups of every group the person belongs to, soonest first, with their answers."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        return []
    groups = await uow.memberships.groups_of(person.id)
    roles = {group.id: await uow.memberships.find(person.id, group.id or 0) for group in groups}
    found = []
    for meetup in await uow.meetups.upcoming([g.id for g in groups if g.id], clock.now(), limit):
        assert meetup.id is not None
        rsvp = await uow.meetups.rsvp_of(meetup.id, person.id)
        membership = roles.get(meetup.group_id)
        manages = meetup.organiser_id == person.id or (membership is not None and membership.role == Role.COORDINATOR)
        found.append(MyMeetup(await view(uow, meetup), rsvp.answer if rsvp else None,
                              bool(rsvp and rsvp.needs_lift), rsvp.pickup if rsvp else "", manages))
    return found


async def going_people(uow: UnitOfWork, meetup_id: int) -> list[Person]:
    """Everyone who said Going (reminders are sent to them privately, if they want reminders)."""
    return [person for rsvp, person in await uow.meetups.rsvps(meetup_id) if rsvp.answer == Answer.GOING]


async def going_or_maybe_reachable(uow: UnitOfWork, meetup_id: int) -> list[Person]:
    """Going and Maybe people the bot may write to privately: who hears about a change or cancellation."""
    return [person for rsvp, person in await uow.meetups.rsvps(meetup_id)
            if rsvp.answer in (Answer.GOING, Answer.MAYBE) and person.can_dm]


async def shows_names(uow: UnitOfWork, chat_id: int) -> bool:
    """Whether the group chose to show who is going."""
    group = await uow.groups.by_chat(chat_id)
    settings = await uow.meetups.settings(group.id) if group is not None and group.id is not None else None
    return settings is not None and settings.show_names


async def set_show_names(uow: UnitOfWork, clock: Clock, chat_id: int, telegram_id: int, show: bool) -> bool:
    """A coordinator chooses whether the group sees who is going (hidden unless the group opts in)."""
    group = await uow.groups.by_chat(chat_id)
    if group is None or group.id is None:
        raise NotFound(chat_id)
    person, role = await member(uow, telegram_id, group.id)
    if role != Role.COORDINATOR:
        raise NotACoordinator(group.id)
    settings = await uow.meetups.settings(group.id)
    if settings is None:
        settings = MeetupSettings(group_id=group.id)
        uow.meetups.add(settings)
    settings.show_names = show
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=person.id, group_id=group.id,
                             action="meetup.show_names", detail={"show": show}))
    await uow.commit()
    return show


async def groups_coordinated(uow: UnitOfWork, telegram_id: int) -> list[Group]:
    """The groups in which the person is a coordinator (who may put meet-ups on the calendar directly)."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        return []
    found = []
    for group in await uow.memberships.groups_of(person.id):
        membership = await uow.memberships.find(person.id, group.id or 0)
        if membership is not None and membership.role == Role.COORDINATOR:
            found.append(group)
    return found


async def mine(uow: UnitOfWork, meetup_id: int, telegram_id: int, chat_id: int | None = None) -> MyMeetup:
    """One meet-up as a member of its group sees it (NotAMember for anyone else; pressed in a group chat,
    only that group's meet-ups)."""
    meetup = await find(uow, meetup_id, chat_id)
    person, role = await member(uow, telegram_id, meetup.group_id)
    assert person.id is not None
    rsvp = await uow.meetups.rsvp_of(meetup_id, person.id)
    return MyMeetup(await view(uow, meetup), rsvp.answer if rsvp else None, bool(rsvp and rsvp.needs_lift),
                    rsvp.pickup if rsvp else "", meetup.organiser_id == person.id or role == Role.COORDINATOR)


async def answers(uow: UnitOfWork, meetup_id: int, telegram_id: int) -> list[tuple[str, bool, str, Person]]:
    """Who answered what, with lifts and pickup points: for the organiser and coordinators only."""
    meetup = await find(uow, meetup_id)
    await manager(uow, telegram_id, meetup)
    return [(rsvp.answer, rsvp.needs_lift, rsvp.pickup, person) for rsvp, person in await uow.meetups.rsvps(meetup_id)]
