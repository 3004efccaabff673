"""Shared fixtures: real databases (SQLite always; PostgreSQL when CRIW_TEST_POSTGRES_URL reaches one).

PostgreSQL: each test run creates a database of its own on that server (dropped at the end), so two
runs at once (two engineers, CI) never reset each other's tables; each test then starts from an empty
`public` schema in it. CRIW_TEST_DATABASE=postgres also puts the end-to-end bot on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import create_async_engine

POSTGRES_URL = os.environ.get("CRIW_TEST_POSTGRES_URL", "")
E2E_ON_POSTGRES = os.environ.get("CRIW_TEST_DATABASE", "sqlite") == "postgres"
NO_POSTGRES = "set CRIW_TEST_POSTGRES_URL to run against PostgreSQL (.ci/run does)"


def _apart(work: Callable[[], Awaitable[None]]) -> None:
    """Run async set-up work on a loop of its own, whatever loop the tests are using."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, work()).result()  # type: ignore[arg-type]


async def _on_server(statement: str) -> None:
    engine = create_async_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


async def reset_postgres(url: str) -> None:
    """Empty the database: a fresh `public` schema."""
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """The URL of this test run's own PostgreSQL database."""
    if not POSTGRES_URL:
        if E2E_ON_POSTGRES:
            pytest.fail("CRIW_TEST_DATABASE=postgres needs CRIW_TEST_POSTGRES_URL")
        pytest.skip(NO_POSTGRES)
    name = f"criw_test_{os.getpid()}_{secrets.token_hex(4)}"
    _apart(lambda: _on_server(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        _apart(lambda: _on_server(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request, tmp_path):
    """An empty database on each engine Criw supports."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}"
        return
    url = request.getfixturevalue("postgres_database")
    await reset_postgres(url)
    yield url
