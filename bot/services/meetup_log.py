"""A coordinator logs the time everyone gave at a meet-up, at once.

Everyone who was there is suggested (as ticked by the organiser; those who said they were going when
nobody ticked), with hours from the meet-up's length and a role each (the organiser and drivers get an
hour more for preparing and travelling). The coordinator confirms each entry as it is made, so it earns
at once; their own time they log the usual way, for someone else to confirm. People already logged for
the meet-up are left out, so pressing twice never logs twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.domain import contributions as rules
from bot.domain import meetups
from bot.domain.contributions import ContributionState, Role
from bot.domain.hours import checked
from bot.domain.roles import Role as GroupRole
from bot.services import credits
from bot.services.contributions import ContributionView, local_day, view
from bot.services.errors import InvalidContribution, NotACoordinator, NotAMember, NotFound
from bot.store.credits import Contribution
from bot.store.meetups import Meetup
from bot.store.models import Group, Person

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork


@dataclass(frozen=True)
class RosterLine:
    person: Person
    role: Role
    quarters: int
    ticked: bool  # suggested: they were there


@dataclass(frozen=True)
class Roster:
    meetup: Meetup
    group: Group
    length: timedelta
    lines: list[RosterLine]


@dataclass(frozen=True)
class BulkEntry:
    person_id: int
    role: Role
    quarters: int


async def _coordinated(uow: UnitOfWork, clock: Clock, telegram_id: int, meetup_id: int) -> tuple[Meetup, Group,
                                                                                                  Person]:
    """The meet-up, if it has happened and the person coordinates its group."""
    meetup = await uow.meetups.get(meetup_id)
    group = await uow.groups.get(meetup.group_id) if meetup else None
    coordinator = await uow.people.by_telegram_id(telegram_id)
    membership = group and coordinator and coordinator.id and group.id and \
        await uow.memberships.find(coordinator.id, group.id)
    if meetup is None or group is None or coordinator is None:
        raise NotFound(meetup_id)
    if not membership or membership.role != GroupRole.COORDINATOR:
        raise NotACoordinator(meetup_id)
    if meetup.status == meetups.MeetupStatus.CANCELLED or meetup.starts_at > clock.now():
        raise InvalidContribution("meetup")
    return meetup, group, coordinator


def length_of(meetup: Meetup) -> timedelta:
    return meetups.ends(meetup.starts_at, meetup.ends_at) - meetup.starts_at


async def roster(uow: UnitOfWork, clock: Clock, telegram_id: int, meetup_id: int) -> Roster:
    """The members to log for, with suggestions: who was there, their role and hours."""
    meetup, group, coordinator = await _coordinated(uow, clock, telegram_id, meetup_id)
    assert group.id is not None
    there = {row.person_id for row in await uow.meetups.attendance(meetup_id)}
    if not there:
        there = {rsvp.person_id for rsvp, _ in await uow.meetups.rsvps(meetup_id) if rsvp.answer == "going"}
    done = await uow.credits.logged_for_meetup(meetup_id)
    length = length_of(meetup)
    lines = []
    for person, _ in await uow.credits.members(group.id):
        if person.id == coordinator.id or person.id in done:
            continue
        role = Role.ORGANISER if person.id == meetup.organiser_id else Role.ATTENDED
        lines.append(RosterLine(person, role, rules.suggested_quarters(length, role), person.id in there))
    return Roster(meetup, group, length, lines)


async def log_for_meetup(uow: UnitOfWork, clock: Clock, telegram_id: int, meetup_id: int,
                         entries: list[BulkEntry]) -> list[ContributionView]:
    """Log and confirm each entry; anyone already logged for the meet-up is skipped."""
    meetup, group, coordinator = await _coordinated(uow, clock, telegram_id, meetup_id)
    assert group.id is not None and coordinator.id is not None
    done = await uow.credits.logged_for_meetup(meetup_id)
    day = local_day(group, meetup.starts_at)
    now = clock.now()
    made = []
    for entry in entries:
        if entry.person_id in done:
            continue
        if entry.person_id == coordinator.id or await uow.memberships.find(entry.person_id, group.id) is None:
            raise NotAMember(entry.person_id)
        reading = checked(entry.quarters)
        if reading.problem:
            raise InvalidContribution(reading.problem)
        if not rules.fits_in_day(await uow.credits.quarters_on(entry.person_id, day), entry.quarters):
            raise InvalidContribution("day_full")
        contribution = Contribution(
            group_id=group.id, person_id=entry.person_id, meetup_id=meetup_id,
            category=rules.ROLE_CATEGORY[Role(entry.role)], day=day, quarters=entry.quarters,
            state=ContributionState.CONFIRMED, confirmer_id=coordinator.id, logged_by_id=coordinator.id,
            logged_at=now, decided_by_id=coordinator.id, decided_at=now,
        )
        uow.credits.add(contribution)
        await uow.flush()
        await credits.earn(uow, clock, contribution, coordinator)
        made.append(contribution)
        done.add(entry.person_id)
    if not made:
        raise InvalidContribution("nobody")
    await uow.commit()
    return [await view(uow, contribution) for contribution in made]
