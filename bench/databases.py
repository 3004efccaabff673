"""Where benchmarks keep their data: a scratch SQLite file, or a scratch database on a PostgreSQL server.

The PostgreSQL server comes from `--postgres URL`, else CRIW_BENCH_POSTGRES_URL, else CRIW_TEST_POSTGRES_URL
(what CI sets). Each run makes databases of its own there and drops them afterwards.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine


def postgres_server(given: str | None = None) -> str | None:
    return given or os.environ.get("CRIW_BENCH_POSTGRES_URL") or os.environ.get("CRIW_TEST_POSTGRES_URL") or None


async def reachable(server_url: str) -> bool:
    engine = create_async_engine(server_url)
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
    finally:
        await engine.dispose()


async def _on_server(server_url: str, statement: str) -> None:
    engine = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


@contextlib.asynccontextmanager
async def scratch(engine: str, server_url: str | None = None, name: str = "bench") -> AsyncIterator[str]:
    """The URL of an empty database on `engine` ("sqlite" or "postgresql"), removed afterwards."""
    if engine == "sqlite":
        with tempfile.TemporaryDirectory(prefix="criw-bench-") as folder:
            yield f"sqlite+aiosqlite:///{Path(folder) / f'{name}.db'}"
        return
    assert server_url is not None
    database = f"criw_bench_{name}_{os.getpid()}_{secrets.token_hex(3)}"
    await _on_server(server_url, f'CREATE DATABASE "{database}"')
    try:
        yield make_url(server_url).set(database=database).render_as_string(hide_password=False)
    finally:
        await _on_server(server_url, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


async def forget_updates(database_url: str) -> None:
    """Each emulator numbers its updates from the same first id: let a reused database forget the updates an
    earlier run's bot handled, or it would take the new ones for re-deliveries and ignore them."""
    engine = create_async_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DELETE FROM processedupdate"))
    finally:
        await engine.dispose()
