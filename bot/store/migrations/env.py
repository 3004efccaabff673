"""Alembic environment: runs migrations over the async engine, SQLite and PostgreSQL alike."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import bot.store.tables  # noqa: F401  (registers every table on SQLModel.metadata)
from bot.store.database import create_engine, is_sqlite

config = context.config
target_metadata = SQLModel.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=is_sqlite(config.get_main_option("sqlalchemy.url") or ""),
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online() -> None:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    async with engine.connect() as connection:
        await connection.run_sync(_configure)
    await engine.dispose()


def _run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:  # called from inside a running program with a connection
        _configure(connection)
    else:
        asyncio.run(_run_online())


_run()
