"""Shared fixtures: real databases (SQLite always; PostgreSQL when CRIW_TEST_POSTGRES_URL reaches one)."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

POSTGRES_URL = os.environ.get("CRIW_TEST_POSTGRES_URL", "")


async def _reset_postgres(url: str) -> None:
    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request, tmp_path):
    """An empty database on each engine Criw supports."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip("set CRIW_TEST_POSTGRES_URL to run against PostgreSQL (.ci/run does)")
    await _reset_postgres(POSTGRES_URL)
    yield POSTGRES_URL
