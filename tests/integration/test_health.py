"""/healthz and refusing to start: the database reachable and its migrations at head, or a clear answer."""

from __future__ import annotations

import os
import subprocess
import sys

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.store.database import create_engine
from bot.store.migrate import downgrade, upgrade
from bot.web.health import add_health
from tests.conftest import reset_postgres


async def ask(engine) -> tuple[int, dict]:
    app = web.Application()
    add_health(app, engine)
    async with TestClient(TestServer(app)) as client:
        response = await client.get("/healthz")
        return response.status, await response.json()


async def test_a_migrated_database_is_healthy(database_url):
    engine = create_engine(database_url)
    await upgrade(engine)
    status, body = await ask(engine)
    await engine.dispose()
    assert status == 200
    assert body["status"] == "ok" and body["migrations"] == "current"
    assert body["revision"] == body["head"]


async def test_a_database_behind_the_code_is_unhealthy_and_says_to_upgrade(database_url):
    engine = create_engine(database_url)
    await upgrade(engine)
    await downgrade(engine, "-1")
    status, body = await ask(engine)
    await engine.dispose()
    assert status == 503
    assert body["migrations"] == "not at head: run criw db upgrade"


async def test_an_unreachable_database_is_unhealthy_without_revealing_its_address():
    engine = create_engine("postgresql+asyncpg://criw:hemmelig@127.0.0.1:1/criw")
    status, body = await ask(engine)
    await engine.dispose()
    assert status == 503 and body["database"] == "unreachable"
    assert "hemmelig" not in str(body) and "127.0.0.1" not in str(body)


def run_criw(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CRIW_")}
    env.update(CRIW_BOT_TOKEN="123456:ABC-def", CRIW_DATABASE_URL=database_url,
               CRIW_WEBHOOK_URL="https://criw.example/telegram", CRIW_WEBHOOK_SECRET="s3cret")
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, env=env, timeout=60)


async def test_a_worker_refuses_to_start_on_a_database_that_is_not_migrated(postgres_database):
    await reset_postgres(postgres_database)
    result = run_criw(postgres_database, "run", "--role", "worker")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "criw: CRIW_DATABASE_URL: the database is not up to date: run `criw db upgrade` first")


def test_a_scheduler_refuses_to_start_when_the_database_cannot_be_reached():
    result = run_criw("postgresql+asyncpg://criw@127.0.0.1:1/criw", "run", "--role", "scheduler")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("criw: CRIW_DATABASE_URL: cannot reach the database")
