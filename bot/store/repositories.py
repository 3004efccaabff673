"""Repositories: the only place services reach rows. They never commit; the unit of work does."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.domain.roles import Admission
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
    """Groups of the organisation: `by_chat`, `get` and `with_bot` see admitted groups only, so a group that
    is waiting or was refused reaches no service; the `any_` lookups are for admission itself."""

    async def by_chat(self, chat_id: int) -> Group | None:
        group = await self.any_by_chat(chat_id)
        return group if group is not None and group.admission == Admission.ADMITTED else None

    async def any_by_chat(self, chat_id: int) -> Group | None:
        return (await self.session.exec(select(Group).where(Group.chat_id == chat_id))).first()

    async def get(self, group_id: int) -> Group | None:
        group = await self.any_get(group_id)
        return group if group is not None and group.admission == Admission.ADMITTED else None

    async def any_get(self, group_id: int) -> Group | None:
        return await self.session.get(Group, group_id)

    async def with_bot(self) -> list[Group]:
        """Every admitted group the bot is still in (each gets the weekly list of meet-ups)."""
        query = select(Group).where(Group.bot_present == True, Group.admission == Admission.ADMITTED)  # noqa: E712
        return list(await self.session.exec(query))

    async def count_admitted(self, organisation_id: int) -> int:
        query = select(func.count()).where(Group.organisation_id == organisation_id,
                                           Group.admission == Admission.ADMITTED)
        return (await self.session.exec(query)).one()

    async def decide_admission(self, group: Group, state: str) -> bool:
        """Admit or refuse a group only while it is waiting (compare-and-set: two coordinators pressing at
        once cannot both decide it)."""
        statement = (update(Group).where(Group.id == group.id, Group.admission == Admission.PENDING)  # type: ignore[arg-type]
                     .values(admission=state))
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        if result.rowcount != 1:
            return False
        await self.session.refresh(group)
        return True

    async def of_organisation(self, organisation_id: int) -> list[Group]:
        """The organisation's admitted groups, oldest first."""
        query = select(Group).where(Group.organisation_id == organisation_id,
                                    Group.admission == Admission.ADMITTED).order_by(Group.id)  # type: ignore[arg-type]
        return list(await self.session.exec(query))


class People(_Repository):
    async def get(self, person_id: int) -> Person | None:
        return await self.session.get(Person, person_id)

    async def by_telegram_id(self, telegram_id: int) -> Person | None:
        return (await self.session.exec(select(Person).where(Person.telegram_id == telegram_id))).first()

    async def organisation_coordinators(self, organisation_id: int) -> list[Person]:
        query = select(Person).where(Person.coordinates_organisation == organisation_id).order_by(Person.id)  # type: ignore[arg-type]
        return list(await self.session.exec(query))


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
        """The admitted groups the person is in."""
        query = (select(Group).join(Membership)  # type: ignore[arg-type]
                 .where(Membership.person_id == person_id, Group.admission == Admission.ADMITTED)
                 .order_by(col(Group.id)))
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
