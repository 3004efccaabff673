"""Repositories: the only place services reach rows. They never commit; the unit of work does."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, update
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store.models import (
    AuditEntry,
    ConversationState,
    Group,
    Membership,
    Organisation,
    Person,
    ProcessedUpdate,
)


class _Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, row: Any) -> None:
        self.session.add(row)


class Organisations(_Repository):
    async def first(self) -> Organisation | None:
        return (await self.session.exec(select(Organisation).order_by(Organisation.id))).first()  # type: ignore[arg-type]


class Groups(_Repository):
    async def by_chat(self, chat_id: int) -> Group | None:
        return (await self.session.exec(select(Group).where(Group.chat_id == chat_id))).first()

    async def get(self, group_id: int) -> Group | None:
        return await self.session.get(Group, group_id)

    async def with_bot(self) -> list[Group]:
        """Every group the bot is still in (each gets the weekly list of meet-ups)."""
        return list(await self.session.exec(select(Group).where(Group.bot_present == True)))  # noqa: E712


class People(_Repository):
    async def by_telegram_id(self, telegram_id: int) -> Person | None:
        return (await self.session.exec(select(Person).where(Person.telegram_id == telegram_id))).first()


class Memberships(_Repository):
    async def find(self, person_id: int, group_id: int) -> Membership | None:
        query = select(Membership).where(Membership.person_id == person_id, Membership.group_id == group_id)
        return (await self.session.exec(query)).first()

    async def member(self, telegram_id: int, group_id: int) -> Person | None:
        """The person behind a Telegram account, if they are a member of the group (one query)."""
        query = (
            select(Person)
            .join(Membership, Membership.person_id == Person.id)  # type: ignore[arg-type]
            .where(Person.telegram_id == telegram_id, Membership.group_id == group_id)
        )
        return (await self.session.exec(query)).first()

    async def count_coordinators(self, group_id: int) -> int:
        query = select(func.count()).where(Membership.group_id == group_id, Membership.role == "coordinator")
        return (await self.session.exec(query)).one()

    async def groups_of(self, person_id: int) -> list[Group]:
        query = select(Group).join(Membership).where(Membership.person_id == person_id).order_by(Group.id)  # type: ignore[arg-type]
        return list(await self.session.exec(query))


class Conversations(_Repository):
    async def get(self, person_id: int) -> ConversationState | None:
        return await self.session.get(ConversationState, person_id)

    async def clear(self, person_id: int) -> None:
        await self.session.exec(delete(ConversationState).where(ConversationState.person_id == person_id))  # type: ignore[call-overload,arg-type]


class ProcessedUpdates(_Repository):
    async def seen(self, update_id: int) -> bool:
        return await self.session.get(ProcessedUpdate, update_id) is not None

    async def get(self, update_id: int) -> ProcessedUpdate | None:
        return await self.session.get(ProcessedUpdate, update_id)

    async def take_over(self, update_id: int, from_handler: str, to_handler: str, now: datetime) -> bool:
        """Move an unfinished claim to another handler, if nobody else moved or finished it meanwhile."""
        row = ProcessedUpdate.__table__  # type: ignore[attr-defined]
        moved = await self.session.exec(
            update(row).where(row.c.update_id == update_id, row.c.handler == from_handler, row.c.finished.is_(False))
            .values(handler=to_handler, handled_at=now)
        )
        return bool(moved.rowcount)  # type: ignore[attr-defined]

    async def finish(self, update_id: int) -> None:
        row = ProcessedUpdate.__table__  # type: ignore[attr-defined]
        await self.session.exec(update(row).where(row.c.update_id == update_id).values(finished=True, handler=""))

    async def note_change(self, update_id: int) -> None:
        row = ProcessedUpdate.__table__  # type: ignore[attr-defined]
        await self.session.exec(
            update(row).where(row.c.update_id == update_id, row.c.wrote.is_(False)).values(wrote=True)
        )

    async def forget(self, update_id: int) -> None:
        await self.session.exec(delete(ProcessedUpdate).where(ProcessedUpdate.update_id == update_id))  # type: ignore[call-overload,arg-type]

    async def forget_older_than(self, moment: datetime) -> None:
        await self.session.exec(delete(ProcessedUpdate).where(ProcessedUpdate.handled_at < moment))  # type: ignore[call-overload,arg-type]


class Audit(_Repository):
    async def for_group(self, group_id: int) -> list[AuditEntry]:
        query = select(AuditEntry).where(AuditEntry.group_id == group_id).order_by(AuditEntry.id)  # type: ignore[arg-type]
        return list(await self.session.exec(query))
