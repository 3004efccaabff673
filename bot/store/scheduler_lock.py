"""Exactly one scheduler at a time, decided by the database.

Two processes running the scheduled work (a second scheduler started by mistake, or a deploy that starts
the new one before the old one has gone) would both run the start-up recovery, which puts every reminder
marked "sending" back in the queue, including the ones the other process is sending at that moment: a
double send. So the scheduled work runs only in the process holding this lock. On PostgreSQL it is a
session-level advisory lock on one dedicated connection: it is released when that connection closes, so
a process that stopped or crashed hands over within a tick, and the one standing by takes over. SQLite is
one file on one machine, with one process to run it: there is nothing to decide.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.store.database import is_unavailable

log = logging.getLogger(__name__)

#: The advisory lock's key: "criwschd" as a 64-bit number, so no other application's key is likely to match.
KEY = int.from_bytes(b"criwschd", "big")


class SchedulerLock:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._connection: AsyncConnection | None = None
        self._standing_by = False
        self._turn = asyncio.Lock()  # the jobs of one tick ask at the same moment

    async def held(self) -> bool:
        """Whether this process may run the scheduled work now (taking the lock if it is free)."""
        if self.engine.dialect.name == "sqlite":
            return True
        async with self._turn:
            if self._connection is not None:
                try:
                    if await self._still_ours(self._connection):
                        return True
                except (SQLAlchemyError, OSError):
                    pass
                log.warning("lost the database session that held the scheduler lock: standing by")
                await self._drop()
            try:
                return await self._take()
            except Exception as error:
                if not is_unavailable(error):
                    raise
                log.warning("could not reach the database to take the scheduler lock: standing by")
                return False

    @staticmethod
    async def _still_ours(connection: AsyncConnection) -> bool:
        """The lock is held by this very database session (not one quietly reconnected since)."""
        held = await connection.execute(text(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted"))
        return bool(held.scalar())

    async def _take(self) -> bool:
        connection = await self.engine.connect()
        try:
            # Autocommit: the lock belongs to the session; no transaction stays open while it is held.
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            got = (await connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": KEY})).scalar()
        except BaseException:
            await connection.invalidate()
            raise
        if not got:
            await connection.close()
            if not self._standing_by:
                log.info("another scheduler is running the scheduled work: standing by to take over")
            self._standing_by = True
            return False
        self._connection = connection
        log.info("this process runs the scheduled work (it holds the scheduler lock)")
        self._standing_by = False
        return True

    async def _drop(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                await connection.invalidate()
            except Exception:  # the connection is already gone: nothing to give back
                log.debug("closing the lost scheduler-lock connection failed", exc_info=True)

    async def release(self) -> None:
        """Hand the scheduled work over at shutdown (closing the connection releases the lock)."""
        async with self._turn:
            connection, self._connection = self._connection, None
            if connection is None:
                return
            try:  # a pooled connection keeps session locks: give it back unlocked
                await connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": KEY})
                await connection.close()
            except (SQLAlchemyError, OSError):
                await connection.invalidate()
