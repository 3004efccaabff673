"""Run Alembic migrations from Criw's own commands (`criw db upgrade`, start-up of run and demo)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

MIGRATIONS = Path(__file__).parent / "migrations"
# Any fixed number: PostgreSQL advisory lock taken while migrating, so two processes starting together
# (two workers, a scheduler) never run the same migration at once; the second finds nothing to do.
_MIGRATION_LOCK = 7_432_019


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Bring the database to `revision` over an existing engine."""

    def _upgrade(connection: object) -> None:
        config = alembic_config(engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = connection
        command.upgrade(config, revision)

    async with engine.begin() as connection:
        await _lock_for_migration(connection)
        await connection.run_sync(_upgrade)


async def _lock_for_migration(connection: AsyncConnection) -> None:
    if connection.dialect.name == "postgresql":  # SQLite's write lock already serialises migrations
        await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


async def revisions(engine: AsyncEngine) -> tuple[set[str], set[str]]:
    """(the revision the database is at, the head revision of this code): equal when it is up to date."""

    def _current(connection: Connection) -> set[str]:
        return set(MigrationContext.configure(connection).get_current_heads())

    async with engine.connect() as connection:
        current = await connection.run_sync(_current)
    script = ScriptDirectory.from_config(alembic_config(engine.url.render_as_string(hide_password=False)))
    return current, set(script.get_heads())


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    def _downgrade(connection: object) -> None:
        config = alembic_config(engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = connection
        command.downgrade(config, revision)

    async with engine.begin() as connection:
        await _lock_for_migration(connection)
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
