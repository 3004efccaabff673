"""When each live group post (a vote tally, a meet-up's RSVPs) was last edited, shared by every worker.

The coalescer (bot/chat/coalesce.py) takes an edit here before editing: one atomic upsert that succeeds
only if the last edit, by any worker, was at least the interval ago. So two workers handling a burst of
votes on the same post still make at most one edit per interval between them.
"""

from __future__ import annotations

from sqlalchemy import Column, Float, Integer
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import Field, SQLModel, select

from bot.chat.coalesce import Slot


class PostEdit(SQLModel, table=True):
    """The latest edit taken for one live post."""

    key: str = Field(primary_key=True, max_length=64)  # e.g. "tally:42"
    edited_at: float = Field(sa_column=Column(Float, nullable=False))  # seconds since the epoch
    version: int = Field(default=0, sa_column=Column(Integer, nullable=False))


class DatabaseSlots:
    """`EditSlots` in the database, for any number of workers (PostgreSQL or SQLite)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._insert = postgresql_insert if engine.dialect.name == "postgresql" else sqlite_insert

    async def take(self, key: str, now: float, interval: float) -> Slot:
        table = PostEdit.__table__  # type: ignore[attr-defined]
        statement = self._insert(table).values(key=key, edited_at=now, version=1)
        upsert = statement.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={"edited_at": now, "version": table.c.version + 1},
            where=table.c.edited_at <= now - interval,
        ).returning(table.c.edited_at, table.c.version)
        async with self._engine.begin() as connection:
            taken = (await connection.execute(upsert)).first()
            if taken is not None:
                return Slot(True, taken.edited_at, taken.version)
            current = (await connection.execute(
                select(table.c.edited_at, table.c.version).where(table.c.key == key)
            )).one()
        return Slot(False, current.edited_at, current.version)
