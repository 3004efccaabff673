"""Proposals, options, votes and meet-ups, as the services need them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, update
from sqlmodel import col, select

from bot.store.meetups import Meetup
from bot.store.models import Membership, Person
from bot.store.proposals import GroupRule, Proposal, ProposalOption, Vote
from bot.store.repositories import _Repository


class Proposals(_Repository):
    async def get(self, proposal_id: int) -> Proposal | None:
        return await self.session.get(Proposal, proposal_id)

    async def lock(self, proposal_id: int) -> Proposal | None:
        """The proposal, locked for this transaction on PostgreSQL (SQLite locks the whole file)."""
        query = select(Proposal).where(Proposal.id == proposal_id).with_for_update()
        return (await self.session.exec(query)).first()

    async def transition(self, proposal: Proposal, **changes: object) -> bool:
        """Change an open proposal only if nobody else has changed its state or deadline since we read
        it (compare-and-set, so two workers closing the same vote cannot both win, on any engine)."""
        statement = (
            update(Proposal)
            .where(col(Proposal.id) == proposal.id, col(Proposal.state) == proposal.state,
                   col(Proposal.closes_at) == proposal.closes_at, col(Proposal.nudged) == proposal.nudged)
            .values(**changes)
        )
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        if result.rowcount != 1:
            return False
        await self.session.refresh(proposal)
        return True

    async def options(self, proposal_id: int) -> list[ProposalOption]:
        query = select(ProposalOption).where(ProposalOption.proposal_id == proposal_id).order_by(
            col(ProposalOption.index)
        )
        return list(await self.session.exec(query))

    async def votes(self, proposal_id: int) -> list[Vote]:
        query = select(Vote).where(Vote.proposal_id == proposal_id).order_by(col(Vote.cast_at), col(Vote.id))
        return list(await self.session.exec(query))

    async def ballots(self, proposal_id: int) -> list[tuple[int, int, str]]:
        """(person, option, choice) of every vote in the order cast: plain rows, cheap enough to re-count a
        tally of hundreds on every press (loading them as Vote objects cost ten times as much)."""
        query = (
            select(Vote.person_id, Vote.option_index, Vote.choice)
            .where(Vote.proposal_id == proposal_id)
            .order_by(col(Vote.cast_at), col(Vote.id))
        )
        return [(person, index, choice) for person, index, choice in await self.session.exec(query)]

    async def voter_names(self, proposal_id: int) -> list[tuple[int, str, str]]:
        """(option, choice, display name) for every vote, for groups that chose open votes."""
        query = (
            select(Vote.option_index, Vote.choice, Person.display_name)
            .join(Person, col(Person.id) == col(Vote.person_id))
            .where(Vote.proposal_id == proposal_id)
            .order_by(col(Vote.cast_at), col(Vote.id))
        )
        return [(index, choice, name) for index, choice, name in await self.session.exec(query)]

    async def vote_of(self, proposal_id: int, person_id: int, option_index: int) -> Vote | None:
        query = select(Vote).where(
            Vote.proposal_id == proposal_id, Vote.person_id == person_id, Vote.option_index == option_index
        )
        return (await self.session.exec(query)).first()

    async def votes_of(self, proposal_id: int, person_id: int) -> list[Vote]:
        query = select(Vote).where(Vote.proposal_id == proposal_id, Vote.person_id == person_id)
        return list(await self.session.exec(query))

    async def clear_votes_of(self, proposal_id: int, person_id: int) -> None:
        await self.session.exec(  # type: ignore[call-overload]
            delete(Vote).where(col(Vote.proposal_id) == proposal_id, col(Vote.person_id) == person_id)
        )

    async def open_in_group(self, group_id: int) -> list[Proposal]:
        query = select(Proposal).where(Proposal.group_id == group_id, col(Proposal.state).in_(("open", "tie")))
        return list(await self.session.exec(query.order_by(col(Proposal.closes_at))))

    async def open_ids_due(self, now: datetime) -> list[int]:
        query = select(Proposal.id).where(Proposal.state == "open", col(Proposal.closes_at) <= now)
        return [value for value in await self.session.exec(query) if value is not None]

    async def open_ids_to_nudge(self) -> list[tuple[int, datetime, datetime]]:
        query = select(Proposal.id, Proposal.opened_at, Proposal.closes_at).where(
            Proposal.state == "open", col(Proposal.nudged).is_(False)
        )
        return [(pid, opened, closes) for pid, opened, closes in await self.session.exec(query) if pid]

    async def rule(self, group_id: int) -> GroupRule | None:
        return await self.session.get(GroupRule, group_id)

    async def member_count(self, group_id: int) -> int:
        query = select(func.count()).where(Membership.group_id == group_id)
        return (await self.session.exec(query)).one()

    async def members_not_voted(self, proposal_id: int, group_id: int) -> list[Person]:
        voted = select(Vote.person_id).where(Vote.proposal_id == proposal_id)
        query = (
            select(Person)
            .join(Membership, col(Membership.person_id) == col(Person.id))
            .where(Membership.group_id == group_id, col(Person.id).not_in(voted))
        )
        return list(await self.session.exec(query))

    async def meetup_for(self, proposal_id: int) -> Meetup | None:
        return (await self.session.exec(select(Meetup).where(Meetup.proposal_id == proposal_id))).first()
