"""Contributions, credit accounts and the ledger, as the services need them.

Balances change only through `change_balance`, a conditional UPDATE: the database itself refuses a debit
that would go below the floor, and on PostgreSQL the row lock it takes makes concurrent debits of the
same account wait for each other, then re-check.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import col, select

from bot.store.credits import Contribution, CreditAccount, CreditEntry, CreditPolicy
from bot.store.meetups import Meetup
from bot.store.models import Group, Membership, Person
from bot.store.repositories import _Repository

COUNTED = ("pending", "confirmed")  # what counts towards the 24 hours of a day


class Credits(_Repository):
    # -- contributions -------------------------------------------------------------------------------

    async def contribution(self, contribution_id: int) -> Contribution | None:
        return await self.session.get(Contribution, contribution_id)

    async def decide(self, contribution: Contribution, **changes: object) -> bool:
        """Move a pending contribution on, only if it is still pending (two presses can't both win)."""
        statement = (
            update(Contribution)
            .where(col(Contribution.id) == contribution.id, col(Contribution.state) == "pending")
            .values(**changes)
        )
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        if result.rowcount != 1:
            return False
        await self.session.refresh(contribution)
        return True

    async def quarters_on(self, person_id: int, day: date) -> int:
        query = select(func.coalesce(func.sum(Contribution.quarters), 0)).where(
            Contribution.person_id == person_id, Contribution.day == day, col(Contribution.state).in_(COUNTED)
        )
        return int((await self.session.exec(query)).one())

    async def confirmed_in(self, group_id: int, start: date, end: date) -> list[tuple[Contribution, Person]]:
        query = (
            select(Contribution, Person)
            .join(Person, col(Person.id) == col(Contribution.person_id))
            .where(Contribution.group_id == group_id, Contribution.state == "confirmed",
                   col(Contribution.day) >= start, col(Contribution.day) <= end)
            .order_by(col(Contribution.day), col(Contribution.id))
        )
        return [(contribution, person) for contribution, person in await self.session.exec(query)]

    async def contributions_of(self, person_id: int) -> list[Contribution]:
        query = select(Contribution).where(Contribution.person_id == person_id)
        return list(await self.session.exec(query.order_by(col(Contribution.day), col(Contribution.id))))

    async def logged_for_meetup(self, meetup_id: int) -> set[int]:
        """Who already has time logged (pending or confirmed) for this meet-up."""
        query = select(Contribution.person_id).where(
            Contribution.meetup_id == meetup_id, col(Contribution.state).in_(COUNTED))
        return set(await self.session.exec(query))

    async def pending_count(self, person_id: int) -> int:
        query = select(func.count()).where(Contribution.person_id == person_id, Contribution.state == "pending")
        return int((await self.session.exec(query)).one())

    # -- accounts and the ledger ---------------------------------------------------------------------

    async def account(self, person_id: int) -> CreditAccount:
        """The person's account, created (once, whoever asks at the same moment) if it is missing."""
        table = CreditAccount.__table__  # type: ignore[attr-defined]
        insert = pg_insert if self.session.get_bind().dialect.name == "postgresql" else sqlite_insert
        statement = insert(table).values(person_id=person_id, balance_quarters=0, public_thanks=False)
        await self.session.exec(statement.on_conflict_do_nothing(index_elements=["person_id"]))  # type: ignore[call-overload]
        account = await self.session.get(CreditAccount, person_id)
        assert account is not None
        return account

    async def change_balance(self, person_id: int, delta: int, floor: int | None) -> bool:
        """Add `delta` to the balance; with a floor, only if the result stays at or above it."""
        condition = [col(CreditAccount.person_id) == person_id]
        if floor is not None:
            condition.append(col(CreditAccount.balance_quarters) + delta >= floor)
        statement = (
            update(CreditAccount).where(*condition)
            .values(balance_quarters=col(CreditAccount.balance_quarters) + delta)
        )
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        return bool(result.rowcount == 1)

    async def entries_of(self, person_id: int, limit: int | None = None) -> list[CreditEntry]:
        """The person's ledger, newest first."""
        query = select(CreditEntry).where(CreditEntry.person_id == person_id)
        query = query.order_by(col(CreditEntry.at).desc(), col(CreditEntry.id).desc())
        return list(await self.session.exec(query.limit(limit) if limit else query))

    async def sum_of(self, person_id: int) -> int:
        query = select(func.coalesce(func.sum(CreditEntry.quarters), 0)).where(CreditEntry.person_id == person_id)
        return int((await self.session.exec(query)).one())

    async def earned_for(self, contribution_ids: list[int]) -> int:
        query = select(func.coalesce(func.sum(CreditEntry.quarters), 0)).where(
            col(CreditEntry.contribution_id).in_(contribution_ids), CreditEntry.kind == "earn")
        return int((await self.session.exec(query)).one())

    async def overdraft(self, organisation_id: int) -> int:
        policy = await self.session.get(CreditPolicy, organisation_id)
        return policy.overdraft_quarters if policy else 0

    # -- who and where -------------------------------------------------------------------------------

    async def members(self, group_id: int) -> list[tuple[Person, str]]:
        """The group's members the bot knows, with their role, by name."""
        query = (
            select(Person, Membership.role)
            .join(Membership, col(Membership.person_id) == col(Person.id))
            .where(Membership.group_id == group_id)
            .order_by(func.lower(Person.display_name), col(Person.id))
        )
        return [(person, role) for person, role in await self.session.exec(query)]

    async def thankable(self, person_ids: list[int]) -> set[int]:
        """Which of these people agreed to be thanked by name."""
        query = select(CreditAccount.person_id).where(
            col(CreditAccount.person_id).in_(person_ids), col(CreditAccount.public_thanks).is_(True))
        return set(await self.session.exec(query))

    async def meetups_between(self, group_id: int, since: datetime, until: datetime) -> list[Meetup]:
        """The group's meet-ups that started in this window and were not cancelled, latest first."""
        query = (
            select(Meetup)
            .where(Meetup.group_id == group_id, Meetup.status != "cancelled",
                   col(Meetup.starts_at) >= since, col(Meetup.starts_at) <= until)
            .order_by(col(Meetup.starts_at).desc(), col(Meetup.id).desc())
        )
        return list(await self.session.exec(query))

    async def group_by_reference(self, reference: str) -> Group | None:
        """A group by its Telegram chat id or its exact title (the `criw report` command line)."""
        if reference.lstrip("-").isdigit():
            found = (await self.session.exec(select(Group).where(Group.chat_id == int(reference)))).first()
            return found or await self.session.get(Group, int(reference))
        return (await self.session.exec(select(Group).where(Group.title == reference))).first()
