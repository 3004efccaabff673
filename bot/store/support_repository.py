"""Rows for Easy Read and ways in: supporters, the coordinators to tell, and the words behind 🔊 buttons."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlmodel import col, select

from bot.store.models import AuditEntry, Group, Membership, Person
from bot.store.repositories import _Repository
from bot.store.support import SpokenText, Supporter


class Support(_Repository):
    async def coordinators(self, group_id: int) -> list[Person]:
        query = (select(Person).join(Membership).where(Membership.group_id == group_id,
                                                       Membership.role == "coordinator").order_by(col(Person.id)))
        return list(await self.session.exec(query))

    async def members(self, group_id: int) -> list[Person]:
        """Everyone the bot knows in the group, in the order they were met."""
        query = select(Person).join(Membership).where(Membership.group_id == group_id).order_by(col(Person.id))
        return list(await self.session.exec(query))

    async def supporter(self, group_id: int, member_id: int, supporter_id: int) -> Supporter | None:
        query = select(Supporter).where(Supporter.group_id == group_id, Supporter.member_id == member_id,
                                        Supporter.supporter_id == supporter_id)
        return (await self.session.exec(query)).first()

    async def supporters_of(self, member_id: int) -> list[tuple[Supporter, Person, Group]]:
        """The supporters a member has named (and not revoked), with who and which group."""
        query = (select(Supporter, Person, Group).join(Person, col(Person.id) == Supporter.supporter_id)
                 .join(Group, col(Group.id) == Supporter.group_id)
                 .where(Supporter.member_id == member_id, col(Supporter.revoked_at).is_(None))
                 .order_by(col(Supporter.id)))
        return [(row[0], row[1], row[2]) for row in await self.session.exec(query)]

    async def supported_by(self, supporter_id: int) -> list[tuple[Person, Group]]:
        """The members who named this person as their supporter (consent still given), and the group."""
        query = (select(Person, Group).join(Supporter, col(Supporter.member_id) == Person.id)
                 .join(Group, col(Group.id) == Supporter.group_id)
                 .where(Supporter.supporter_id == supporter_id, col(Supporter.revoked_at).is_(None))
                 .order_by(col(Supporter.id)))
        return [(row[0], row[1]) for row in await self.session.exec(query)]

    async def help_asked_since(self, person_id: int, since: datetime) -> list[AuditEntry]:
        query = select(AuditEntry).where(AuditEntry.actor_person_id == person_id, AuditEntry.action == "help.asked",
                                         AuditEntry.at >= since)
        return list(await self.session.exec(query))

    async def spoken(self, spoken_id: int) -> SpokenText | None:
        return await self.session.get(SpokenText, spoken_id)

    async def spoken_for(self, person_id: int, digest: str) -> SpokenText | None:
        query = select(SpokenText).where(SpokenText.person_id == person_id, SpokenText.digest == digest)
        return (await self.session.exec(query)).first()

    async def voice_file(self, digest: str) -> str | None:
        """A Telegram file id already holding the voice note for these words, if any."""
        query = select(SpokenText.file_id).where(SpokenText.digest == digest, col(SpokenText.file_id).is_not(None))
        return (await self.session.exec(query)).first()

    async def forget_spoken_before(self, moment: datetime) -> int:
        result = await self.session.exec(delete(SpokenText).where(col(SpokenText.created_at) < moment))  # type: ignore[call-overload]
        return int(result.rowcount or 0)
