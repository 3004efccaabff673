"""`criw db copy`: every row of one Criw database into another, empty one (SQLite to PostgreSQL, or back).

Tables go in dependency order (SQLModel.metadata.sorted_tables), all in one transaction on the target,
so a failure leaves it as empty as it was. Afterwards PostgreSQL's id sequences are moved past the
copied ids, and every table's row count is compared on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel import SQLModel

import bot.store.tables  # noqa: F401  (registers every table on SQLModel.metadata)
from bot.store.database import create_engine
from bot.store.migrate import revisions, upgrade

BATCH = 1000


class CopyError(Exception):
    """The copy cannot go ahead; the message is one line for the operator."""


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int


# Rows a migration makes in every new database; the source's replace the target's, so the copy keeps the
# installation key (and with it every calendar UID).
MADE_BY_MIGRATIONS = frozenset({"installation"})


async def copy_database(source_url: str, target_url: str) -> list[TableCount]:
    """Copy everything from `source_url` into `target_url` (migrated first; it must hold no rows)."""
    if source_url == target_url:
        raise CopyError("--from and --to name the same database")
    source, target = create_engine(source_url), create_engine(target_url)
    try:
        current, heads = await revisions(source)
        if current != heads:
            raise CopyError("the source database is not up to date: run `criw db upgrade` on it first")
        await upgrade(target)
        tables = SQLModel.metadata.sorted_tables
        async with target.connect() as connection:
            for table in tables:
                if table.name not in MADE_BY_MIGRATIONS and await _count(connection, table):
                    raise CopyError(f"the target database already has rows in {table.name}: copy into an empty one")
        async with source.connect() as reading, target.begin() as writing:
            for table in tables:
                if table.name in MADE_BY_MIGRATIONS:
                    await writing.execute(delete(table))
                await _copy_table(reading, writing, table)
            if writing.dialect.name == "postgresql":
                await _move_sequences(writing, tables)
        return await _compare(source, target, tables)
    finally:
        await source.dispose()
        await target.dispose()


async def _copy_table(reading: AsyncConnection, writing: AsyncConnection, table: Table) -> None:
    rows = await reading.stream(select(table).order_by(*table.primary_key.columns))
    async for batch in rows.partitions(BATCH):
        await writing.execute(insert(table), [dict(row._mapping) for row in batch])


async def _move_sequences(writing: AsyncConnection, tables: list[Table]) -> None:
    """Make PostgreSQL hand out ids after the copied ones (inserting explicit ids leaves sequences at 1)."""
    quote = writing.dialect.identifier_preparer
    for table in tables:
        for column in table.primary_key.columns:
            sequence = (await writing.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": quote.format_table(table), "column": column.name},
            )).scalar()
            if sequence is None:
                continue  # not an auto-numbered column
            highest = (await writing.execute(select(func.max(column)))).scalar()
            await writing.execute(text("SELECT setval(:sequence, :value, :called)"),
                                  {"sequence": sequence, "value": highest or 1, "called": highest is not None})


async def _count(connection: AsyncConnection, table: Table) -> int:
    return int((await connection.execute(select(func.count()).select_from(table))).scalar() or 0)


async def _compare(source: AsyncEngine, target: AsyncEngine, tables: list[Table]) -> list[TableCount]:
    async with source.connect() as before, target.connect() as after:
        return [TableCount(table.name, await _count(before, table), await _count(after, table)) for table in tables]
