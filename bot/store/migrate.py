"""Run Alembic migrations from Criw's own commands (`criw db upgrade`, start-up of run and demo).

Alembic itself is imported only when there is migrating to do: at every start-up (and every /healthz) the
database's revision is read with one query and compared with the head found in the revision files, so a
database that is up to date costs no Alembic import (bench/startup.py measures start-up).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
# Any fixed number: PostgreSQL advisory lock taken while migrating, so two processes starting together
# (two workers, a scheduler) never run the same migration at once; the second finds nothing to do.
_MIGRATION_LOCK = 7_432_019


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the database to `revision` over an existing engine."""
    if revision == "head":
        current, heads = await revisions(engine)
        if current == heads:
            return

    def _upgrade(connection: object) -> None:
        from alembic import command

        config = alembic_config(engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with _migrating(engine) as connection:
        await connection.run_sync(_upgrade)


@asynccontextmanager
async def _migrating(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection to migrate over, in one transaction committed at the end."""
    async with engine.connect() as connection:
        if connection.dialect.name == "postgresql":  # SQLite's write lock already serialises migrations
            await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            yield connection
            await connection.commit()
            return
        async with _sqlite_copying_tables(connection):
            yield connection


@asynccontextmanager
async def _sqlite_copying_tables(connection: AsyncConnection) -> AsyncIterator[None]:
    """SQLite changes a table by copying it (Alembic's batch mode): create _alembic_tmp_<table>, copy the
    rows, drop the old table, rename. With foreign keys on, dropping a table that other rows point at
    fails, and SQLite does not undo the copy's DDL, so _alembic_tmp_<table> stays and breaks every later
    attempt. As Alembic documents, foreign keys go off for the migration (the pragma only takes effect
    outside a transaction), are checked before the commit, and come back on after."""
    await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    await connection.commit()
    try:
        await _drop_abandoned_copies(connection)
        yield
        broken = (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
        if broken:
            raise RuntimeError(f"migration left rows pointing at nothing: {broken[:5]}")
        await connection.commit()
    finally:
        await connection.rollback()
        await connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        await connection.commit()


async def _drop_abandoned_copies(connection: AsyncConnection) -> None:
    """Drop a copy an earlier failed migration left behind, but only where the table it copied is still
    there (so the copy holds nothing the table doesn't)."""
    names = set((await connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
    for name in sorted(names):
        if name.startswith("_alembic_tmp_") and name.removeprefix("_alembic_tmp_") in names:
            await connection.exec_driver_sql(f'DROP TABLE "{name}"')


async def revisions(engine: AsyncEngine) -> tuple[set[str], set[str]]:
    """(the revision the database is at, the head revision of this code): equal when it is up to date."""
    async with engine.connect() as connection:
        if not await connection.run_sync(lambda sync: sync.dialect.has_table(sync, "alembic_version")):
            return set(), set(heads())  # a new, empty database
        found = await connection.execute(text("SELECT version_num FROM alembic_version"))
        return {row[0] for row in found}, set(heads())


_REVISES = re.compile(r"^(down_revision|revision)\s*(?::[^=]*)?=\s*(.+)$", re.MULTILINE)


@cache
def heads() -> frozenset[str]:
    """The head revisions, from the revision files: every revision no other revision revises."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for name, value in _REVISES.findall(path.read_text(encoding="utf-8")):
            ids = set(re.findall(r"['\"]([^'\"]+)['\"]", value))
            (revisions if name == "revision" else revised).update(ids)
    return frozenset(revisions - revised)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    def _downgrade(connection: object) -> None:
        from alembic import command

        config = alembic_config(engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = connection
        command.downgrade(config, revision)

    async with _migrating(engine) as connection:
        await connection.run_sync(_downgrade)


def upgrade_blocking(url: str) -> None:
    from bot.store.database import create_engine

    async def _go() -> None:
        engine = create_engine(url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(_go())
