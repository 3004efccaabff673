"""`criw run` as a small group runs it: one process (role all), SQLite, long polling, /healthz served,
and a graceful stop on SIGTERM."""

from __future__ import annotations

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
