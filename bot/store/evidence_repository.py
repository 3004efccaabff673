"""The raw facts behind the evidence report (bot/services/evidence_report.py): a few narrow queries per group,
each returning plain tuples, so a year of a large organisation is read in well under a second."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import and_, func, or_
from sqlmodel import col, select

from bot.store.credits import Contribution, CreditEntry
from bot.store.meetups import Attendance, Meetup
from bot.store.models import Group, Membership
from bot.store.proposals import Proposal, Vote
from bot.store.repositories import _Repository
from bot.store.resources import Budget, ResourceRequest


class EvidenceFacts(_Repository):
    async def groups_of(self, organisation_id: int) -> list[Group]:
        """Every group of the organisation the bot is still in, in a steady order."""
        query = select(Group).where(Group.organisation_id == organisation_id, Group.bot_present == True)  # noqa: E712
        return list(await self.session.exec(query.order_by(col(Group.title), col(Group.id))))

    async def meetups_held(self, group_id: int, start: datetime, end: datetime) -> list[tuple[int, datetime]]:
        """(id, start) of the group's meet-ups that started in [start, end) and weren't cancelled."""
        query = select(Meetup.id, Meetup.starts_at).where(
            Meetup.group_id == group_id, Meetup.status != "cancelled",
            col(Meetup.starts_at) >= start, col(Meetup.starts_at) < end)
        return [(meetup_id, starts) for meetup_id, starts in await self.session.exec(query)]  # type: ignore[misc]

    async def attendance_until(self, group_id: int, end: datetime) -> list[tuple[int, datetime]]:
        """(person, the meet-up's start) for everyone ticked as came at the group's meet-ups before `end`."""
        query = (
            select(Attendance.person_id, Meetup.starts_at)
            .join(Meetup, col(Meetup.id) == col(Attendance.meetup_id))
            .where(Meetup.group_id == group_id, Meetup.status != "cancelled", col(Meetup.starts_at) < end)
        )
        return [(person, starts) for person, starts in await self.session.exec(query)]  # type: ignore[misc]

    async def proposals_opened(self, group_id: int, start: datetime, end: datetime) -> list[tuple[int, int, str]]:
        """(id, proposer, state) of the proposals opened in [start, end)."""
        query = select(Proposal.id, Proposal.proposer_id, Proposal.state).where(
            Proposal.group_id == group_id, col(Proposal.opened_at) >= start, col(Proposal.opened_at) < end)
        return [(pid, proposer, state) for pid, proposer, state in await self.session.exec(query)]  # type: ignore[misc]

    async def voters(self, proposal_ids: list[int]) -> dict[int, int]:
        """How many different people voted on each proposal."""
        if not proposal_ids:
            return {}
        query = (
            select(Vote.proposal_id, func.count(func.distinct(Vote.person_id)))
            .where(col(Vote.proposal_id).in_(proposal_ids))
            .group_by(col(Vote.proposal_id))
        )
        return {pid: count for pid, count in await self.session.exec(query)}  # type: ignore[misc]

    async def roles(self, group_id: int) -> dict[int, str]:
        """Each member's role in the group today."""
        query = select(Membership.person_id, Membership.role).where(Membership.group_id == group_id)
        return {person: role for person, role in await self.session.exec(query)}  # type: ignore[misc]

    async def approved_requests(self, group_id: int, start: datetime, end: datetime) -> list[ResourceRequest]:
        """Approved rooms and transport starting in [start, end), and money approved (decided) in it."""
        starts_in = (col(ResourceRequest.starts_at) >= start) & (col(ResourceRequest.starts_at) < end)
        decided_in = (col(ResourceRequest.decided_at) >= start) & (col(ResourceRequest.decided_at) < end)
        query = select(ResourceRequest).where(
            ResourceRequest.group_id == group_id, ResourceRequest.state == "approved",
            or_(and_(col(ResourceRequest.kind) != "money", starts_in),
                and_(col(ResourceRequest.kind) == "money", decided_in)))
        return list(await self.session.exec(query))

    async def budgets(self, group_id: int, first: date, last: date) -> int:
        """Pence in the group's budgets that overlap the days [first, last]."""
        query = select(func.coalesce(func.sum(Budget.amount), 0)).where(
            Budget.group_id == group_id, col(Budget.starts_on) <= last, col(Budget.ends_on) >= first)
        return int((await self.session.exec(query)).one())

    async def confirmed_quarters(self, group_id: int, first: date, last: date) -> tuple[int, int]:
        """Quarter-hours confirmed for the days [first, last], and how many people gave them."""
        query = select(func.coalesce(func.sum(Contribution.quarters), 0),
                       func.count(func.distinct(Contribution.person_id))).where(
            Contribution.group_id == group_id, Contribution.state == "confirmed",
            col(Contribution.day) >= first, col(Contribution.day) <= last)
        quarters, people = (await self.session.exec(query)).one()
        return int(quarters), int(people)

    async def ledger_by_kind(self, group_id: int, start: datetime, end: datetime) -> dict[str, int]:
        """Quarter-hours moved in [start, end) per kind of ledger entry (signed as stored)."""
        query = (
            select(CreditEntry.kind, func.sum(CreditEntry.quarters))
            .where(CreditEntry.group_id == group_id, col(CreditEntry.at) >= start, col(CreditEntry.at) < end)
            .group_by(col(CreditEntry.kind))
        )
        return {kind: int(total) for kind, total in await self.session.exec(query)}  # type: ignore[misc]
