"""This database's own random key, made once when the database is created (migration 0012).

Calendar events carry it in their UIDs, so two installations of Criw, or a database rebuilt from scratch,
never hand a phone's calendar the same UID for different meet-ups, while a feed regenerated from the same
database always gives the same UIDs. `criw db copy` moves the key with the data.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel, select
from sqlmodel.ext.asyncio.session import AsyncSession


class Installation(SQLModel, table=True):
    """The one row (id 1)."""

    id: int = Field(default=1, primary_key=True)
    key: str = Field(max_length=32)  # 32 hex digits


async def installation_key(session: AsyncSession) -> str:
    row = (await session.exec(select(Installation))).first()
    if row is None:
        raise LookupError("no installation key: run `criw db upgrade`")
    return row.key
