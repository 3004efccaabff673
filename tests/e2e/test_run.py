"""`criw run` as a small group runs it: one process (role all), SQLite, long polling, /healthz served,
and a graceful stop on SIGTERM."""

from __future__ import annotations

import asyncio

from bot.playground.emulator import TelegramEmulator
from bot.playground.phone import Phone
from tests.e2e.test_workers import criw, environment, free_port, healthy, stop


async def test_criw_run_on_sqlite_answers_by_long_polling_and_serves_its_health(tmp_path):
    async with TelegramEmulator() as emulator:
        port = free_port()
        env = environment(emulator, f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}", CRIW_WEB_LISTEN=f"127.0.0.1:{port}")
        process = await criw("all", env, tmp_path / "criw.log")
        try:
            health = await healthy(f"http://127.0.0.1:{port}/healthz", process, tmp_path / "criw.log")
            ben = Phone(emulator, emulator.add_user("Ben", language_code="en"), timeout=60)
            await ben.send("/start")
            assert "Welcome to Criw" in ben.last()
        finally:
            await stop([process])
    assert health["migrations"] == "current"  # SQLite was migrated by `criw run` itself
    assert "getUpdates" in emulator.stats.calls
    assert process.returncode == 0  # SIGTERM ends it gracefully
    assert "Criw is stopping" in (tmp_path / "criw.log").read_text()


async def test_an_idle_bot_writes_no_line_per_scheduler_tick(tmp_path):
    """APScheduler logs "Running job" and "executed successfully" at INFO for every job on every tick: at the
    default interval that was over 80,000 lines a day from a bot doing nothing."""
    log = tmp_path / "idle.log"
    async with TelegramEmulator() as emulator:
        port = free_port()
        env = environment(emulator, f"sqlite+aiosqlite:///{tmp_path / 'idle.db'}", CRIW_WEB_LISTEN=f"127.0.0.1:{port}",
                          CRIW_JOB_SECONDS="0.1")
        process = await criw("all", env, log)
        try:
            await healthy(f"http://127.0.0.1:{port}/healthz", process, log)
            await asyncio.sleep(3)  # some thirty ticks of every job, with nothing to do
        finally:
            await stop([process])
    lines = log.read_text().splitlines()
    started = next(i for i, line in enumerate(lines) if "Criw is running with long polling" in line)
    stopping = next(i for i, line in enumerate(lines) if "Criw is stopping" in line)
    assert any("scheduler started" in line for line in lines[:started])  # the jobs were running
    idle = lines[started + 1:stopping]
    assert [line for line in idle if "Running job" in line or "executed successfully" in line] == []
    assert len(idle) <= 3, "\n".join(idle)  # /healthz served, the scheduler lock taken: nothing per tick
