"""Unit of work: one transaction per use case, rolled back unless the service commits.

    async with uow_factory() as uow:
        ...
        await uow.commit()
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.store import repositories as repos
from bot.store.credit_repository import Credits
from bot.store.evidence_repository import EvidenceFacts
from bot.store.meetup_repository import Meetups
from bot.store.personal_repository import PersonalData
from bot.store.proposal_repository import Proposals
from bot.store.reminder_repository import Reminders
from bot.store.resource_repository import Resources
from bot.store.story_repository import Stories
from bot.store.support_repository import Support


class Conflict(Exception):
    """A uniqueness rule in the database refused the change (someone else got there first)."""


class UnitOfWork:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        # Runs inside the transaction just before it commits: the dispatcher notes there that the update
        # being handled has changed something (bot/chat/dispatch.py), atomically with the change itself.
        self.before_commit: Callable[[UnitOfWork], Awaitable[None]] | None = None

    async def __aenter__(self) -> UnitOfWork:
        self.session = self._sessions()
        self.organisations = repos.Organisations(self.session)
        self.groups = repos.Groups(self.session)
        self.people = repos.People(self.session)
        self.memberships = repos.Memberships(self.session)
        self.conversations = repos.Conversations(self.session)
        self.updates = repos.ProcessedUpdates(self.session)
        self.audit = repos.Audit(self.session)
        self.proposals = Proposals(self.session)
        self.meetups = Meetups(self.session)
        self.reminders = Reminders(self.session)
        self.credits = Credits(self.session)
        self.support = Support(self.session)
        self.resources = Resources(self.session)
        self.personal = PersonalData(self.session)
        self.evidence = EvidenceFacts(self.session)
        self.stories = Stories(self.session)
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        # close() rolls back anything uncommitted and detaches rows without expiring them, so what a
        # service returns stays readable after the transaction.
        await self.session.close()

    async def flush(self) -> None:
        try:
            await self.session.flush()
        except IntegrityError as error:
            raise Conflict(str(error.orig)) from error

    async def commit(self) -> None:
        try:
            if self.before_commit is not None:
                await self.before_commit(self)
            await self.session.commit()
        except IntegrityError as error:
            await self.session.rollback()
            raise Conflict(str(error.orig)) from error


UnitOfWorkFactory = Callable[[], UnitOfWork]


def uow_factory(sessions: async_sessionmaker[AsyncSession]) -> UnitOfWorkFactory:
    return lambda: UnitOfWork(sessions)
