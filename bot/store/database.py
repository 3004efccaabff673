"""Engine and session factory: SQLite in WAL mode with foreign keys on and freed space zeroed, or PostgreSQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def create_engine(url: str, *, wait_seconds: float = 15) -> AsyncEngine:
    """Make the engine; for SQLite turn on WAL, foreign keys and a busy timeout on every connection
    (`wait_seconds`: how long a write waits for another's lock before "database is locked")."""
    # hide_parameters: an error or a DEBUG log shows the SQL, never the values (names, what people wrote).
    if not is_sqlite(url):
        return create_async_engine(url, pool_pre_ping=True, hide_parameters=True)
    engine = create_async_engine(url, connect_args={"timeout": wait_seconds}, hide_parameters=True)

    @event.listens_for(engine.sync_engine, "connect")
    def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(wait_seconds * 1000)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Deleted and overwritten rows are zeroed on disk, not left in free space for anyone reading the
        # file or a backup of it: erasure (/forgetme) must erase (docs/SECURITY.md).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


def is_unavailable(error: BaseException) -> bool:
    """Whether an error means the database couldn't be reached, or stayed locked: worth trying again
    shortly (unlike a bug, or a change the database refused)."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(error, OperationalError | InterfaceError | PoolTimeout | ConnectionError)
