"""Reminders as the planner and the sender need them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlmodel import col, select

from bot.store.reminders import Reminder
from bot.store.repositories import _Repository


class Reminders(_Repository):
    async def by_key(self, key: str) -> Reminder | None:
        return (await self.session.exec(select(Reminder).where(Reminder.key == key))).first()

    async def get(self, reminder_id: int) -> Reminder | None:
        return await self.session.get(Reminder, reminder_id)

    async def next_due(self, now: datetime, skip: set[int]) -> Reminder | None:
        """The earliest pending reminder that is due (SKIP LOCKED so two senders never take the same)."""
        query = (
            select(Reminder)
            .where(Reminder.state == "pending", col(Reminder.send_at) <= now, col(Reminder.id).not_in(skip))
            .order_by(col(Reminder.send_at), col(Reminder.id))
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        return (await self.session.exec(query)).first()

    async def next_send_at(self) -> datetime | None:
        query = select(Reminder.send_at).where(Reminder.state == "pending").order_by(col(Reminder.send_at)).limit(1)
        return (await self.session.exec(query)).first()

    async def move_state(self, reminder_id: int, from_state: str, **changes: object) -> bool:
        """Change a reminder only if it is still in `from_state` (compare-and-set on every engine)."""
        statement = update(Reminder).where(col(Reminder.id) == reminder_id, col(Reminder.state) == from_state)
        result = await self.session.exec(statement.values(**changes))  # type: ignore[call-overload]
        return bool(result.rowcount == 1)

    async def pending_about(self, kind_prefix: str, subject_id: int) -> list[Reminder]:
        query = select(Reminder).where(
            col(Reminder.kind).startswith(kind_prefix), Reminder.subject_id == subject_id, Reminder.state == "pending"
        )
        return list(await self.session.exec(query))

    async def pending_for(self, person_id: int) -> list[Reminder]:
        """A person's private reminders still to be sent."""
        query = select(Reminder).where(Reminder.person_id == person_id, Reminder.state == "pending")
        return list(await self.session.exec(query))

    async def in_state(self, *states: str, limit: int = 500) -> list[Reminder]:
        query = select(Reminder).where(col(Reminder.state).in_(states)).order_by(col(Reminder.send_at)).limit(limit)
        return list(await self.session.exec(query))

    async def release_stale(self, claimed_before: datetime) -> int:
        """Put back claims older than the lease: their sender died (a worker killed while posting)."""
        statement = update(Reminder).where(
            col(Reminder.state) == "sending", col(Reminder.claimed_at) < claimed_before
        ).values(state="pending")
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        return int(result.rowcount or 0)

    async def release_stuck(self) -> int:
        """Put reminders left mid-send by a crash back in the queue (at most the one in flight is resent)."""
        statement = update(Reminder).where(col(Reminder.state) == "sending").values(state="pending")
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        return int(result.rowcount or 0)
