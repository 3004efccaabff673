"""The evidence report: what members did, decided and used, for one group or the whole organisation.

Only numbers leave here: who came is a set of ids used for counting and then dropped. Words are the
handlers' (handlers/evidence_text.py); small-number hiding happens where figures are worded for the whole
organisation (bot/domain/evidence.hidden).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import TYPE_CHECKING

from bot.domain import evidence as rules
from bot.domain.credits import EntryKind, months_between
from bot.domain.proposals import FINISHED, ProposalState
from bot.domain.roles import Role
from bot.services import stories
from bot.services.credits import group_member
from bot.services.errors import InvalidContribution, NotACoordinator, NotFound
from bot.services.stories import ReportStory
from bot.store.models import Group

if TYPE_CHECKING:
    from bot.store.uow import UnitOfWork

LONGEST = 3 * 366  # days in one report, as for the contributions report
DECIDED = FINISHED - {ProposalState.WITHDRAWN}


@dataclass
class Figures:
    """One group's figures for a period, or the organisation's sums. Money in pence, time in quarter-hours."""

    meetups: int = 0
    came: int = 0  # different people ticked as came
    new: int = 0  # … whose first meet-up ever was in the period
    returning: int = 0  # … who had come before
    attendances: int = 0  # ticks: one person at one meet-up
    by_month: Counter[tuple[int, int]] = field(default_factory=Counter)  # ticks per (year, month)
    proposals: int = 0
    passed: int = 0
    decided: int = 0  # closed with a result (not withdrawn, not still open)
    by_members: int = 0
    by_coordinators: int = 0
    votes_cast: int = 0  # different voters, summed over decided proposals
    could_vote: int = 0  # members, summed over decided proposals
    room_minutes: int = 0
    rooms: int = 0
    journeys: int = 0
    seats: int = 0
    wheelchair_places: int = 0
    money_approved: int = 0
    budget: int = 0
    quarters_confirmed: int = 0
    givers: int = 0  # different people whose time was confirmed
    earned: int = 0
    gifted: int = 0
    spent: int = 0

    def add(self, other: Figures) -> None:
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class GroupEvidence:
    group: Group
    figures: Figures


@dataclass(frozen=True)
class Evidence:
    start: date
    end: date
    months: list[tuple[int, int]]
    groups: list[GroupEvidence]
    total: Figures
    organisation: bool  # the whole organisation: small counts are hidden when worded
    stories: list[ReportStory]  # only those their tellers agreed a report may use


async def for_coordinator(uow: UnitOfWork, telegram_id: int, chat_id: int, start: date, end: date, now: datetime,
                          *, organisation: bool = False) -> Evidence:
    """One group the person coordinates, or (organisation=True) every group of its organisation."""
    group, _, role = await group_member(uow, telegram_id, chat_id)
    if role != Role.COORDINATOR:
        raise NotACoordinator(chat_id)
    if organisation:
        return await build(uow, await uow.evidence.groups_of(group.organisation_id), start, end, now, True)
    return await build(uow, [group], start, end, now, False)


async def for_operator(uow: UnitOfWork, group_reference: str | None, start: date, end: date,
                       now: datetime) -> Evidence:
    """`criw report --organisation`: every group of the organisation (of --group's, when given)."""
    if group_reference:
        group = await uow.credits.group_by_reference(group_reference)
        if group is None:
            raise NotFound(group_reference)
        organisation_id = group.organisation_id
    else:
        first = await uow.organisations.first()
        if first is None or first.id is None:
            raise NotFound("organisation")
        organisation_id = first.id
    return await build(uow, await uow.evidence.groups_of(organisation_id), start, end, now, True)


async def build(uow: UnitOfWork, groups: list[Group], start: date, end: date, now: datetime,
                organisation: bool) -> Evidence:
    if start > end or (end - start).days > LONGEST:
        raise InvalidContribution("period")
    found, everyone, total = [], [], Figures()
    for group in groups:
        figures, attendance = await _group_figures(uow, group, start, end, now)
        found.append(GroupEvidence(group, figures))
        everyone.extend(attendance)
        total.add(figures)
    if groups:  # someone at two groups' meet-ups is one person, new only if new to them all
        zone = groups[0].timezone
        begins, ends = rules.window(start, end, zone)
        visits = rules.visits(everyone, begins, min(ends, now))
        total.came, total.new, total.returning = len(visits.came), len(visits.new), len(visits.returning)
    told = await stories.for_report(uow, groups, start, end)
    return Evidence(start, end, months_between(start, end), found, total, organisation, told)


async def _group_figures(uow: UnitOfWork, group: Group, first: date, last: date,
                         now: datetime) -> tuple[Figures, list[tuple[int, datetime]]]:
    assert group.id is not None
    start, end = rules.window(first, last, group.timezone)
    held_until = min(end, now)  # a meet-up still to come has not been held
    figures = Figures()
    figures.meetups = len(await uow.evidence.meetups_held(group.id, start, held_until))
    attendance = await uow.evidence.attendance_until(group.id, held_until)
    visits = rules.visits(attendance, start, held_until)
    figures.came, figures.new, figures.returning = len(visits.came), len(visits.new), len(visits.returning)
    for _, starts in attendance:
        if starts >= start:
            figures.attendances += 1
            figures.by_month[rules.local_month(starts, group.timezone)] += 1

    roles = await uow.evidence.roles(group.id)
    proposals = await uow.evidence.proposals_opened(group.id, start, end)
    decided = [pid for pid, _, state in proposals if state in DECIDED]
    voters = await uow.evidence.voters(decided)
    figures.proposals = len(proposals)
    figures.passed = sum(state == ProposalState.PASSED for _, _, state in proposals)
    figures.decided = len(decided)
    figures.by_coordinators = sum(roles.get(proposer) == Role.COORDINATOR for _, proposer, _ in proposals)
    figures.by_members = figures.proposals - figures.by_coordinators  # including people who have since left
    figures.votes_cast = sum(voters.values())
    figures.could_vote = len(decided) * len(roles)

    for request in await uow.evidence.approved_requests(group.id, start, end):
        if request.kind == "room" and request.starts_at and request.ends_at:
            figures.rooms += 1
            figures.room_minutes += int((request.ends_at - request.starts_at).total_seconds() // 60)
        elif request.kind == "vehicle":
            figures.journeys += 1
            figures.seats += request.seats
            figures.wheelchair_places += request.wheelchair_spaces
        elif request.kind == "money":
            figures.money_approved += request.amount
    figures.budget = await uow.evidence.budgets(group.id, first, last)

    figures.quarters_confirmed, figures.givers = await uow.evidence.confirmed_quarters(group.id, first, last)
    ledger = await uow.evidence.ledger_by_kind(group.id, start, end)
    figures.earned = ledger.get(EntryKind.EARN, 0)
    figures.gifted = -ledger.get(EntryKind.GIFT_OUT, 0)
    figures.spent = -ledger.get(EntryKind.SPEND, 0)
    return figures, attendance
