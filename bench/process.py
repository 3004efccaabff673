"""The bot as a real process of its own (`python -m bot run`), pointed at the emulator: for start-up times
and for how much memory the bot process needs."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import tempfile
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.measure import peak_rss_mb
from bot.playground.emulator import TelegramEmulator


@dataclass
class Child:
    process: asyncio.subprocess.Process
    log: Path

    @property
    def peak_rss_mb(self) -> float | None:
        return peak_rss_mb(self.process.pid)

    def tail(self, lines: int = 15) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


def criw(emulator: TelegramEmulator, database_url: str, transport: str = "aiogram") -> tuple[list[str], dict[str, str]]:
    """The command line and environment of `criw run` against the emulator (no .env, no web server port)."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("CRIW_")}
    env.update(CRIW_BOT_TOKEN=emulator.token, CRIW_TELEGRAM_API=emulator.base_url, CRIW_DATABASE_URL=database_url,
               CRIW_TRANSPORT=transport, CRIW_WEB_LISTEN="127.0.0.1:0", CRIW_JOB_SECONDS="3600")
    return [sys.executable, "-m", "bot", "run"], env


def bare(emulator: TelegramEmulator) -> tuple[list[str], dict[str, str]]:
    """The command line of the bare aiogram baseline bot."""
    return [sys.executable, "-m", "bench.bare_bot", emulator.base_url, emulator.token], dict(os.environ)


@contextlib.asynccontextmanager
async def running(command: Sequence[str], env: dict[str, str]) -> AsyncIterator[Child]:
    """Start the process; stop it with Ctrl-C (SIGINT) at the end, as a person would."""
    with tempfile.TemporaryDirectory(prefix="criw-bench-proc-") as folder:
        log = Path(folder) / "output.log"
        env = {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parent.parent),
                                                                   env.get("PYTHONPATH", "")]))}
        with log.open("wb") as output:
            process = await asyncio.create_subprocess_exec(
                *command, cwd=folder, env=env, stdin=asyncio.subprocess.DEVNULL, stdout=output, stderr=output)
            child = Child(process, log)
            try:
                yield child
            finally:
                await stop(process)


async def stop(process: asyncio.subprocess.Process) -> None:
    if process.returncode is not None:
        return
    process.send_signal(signal.SIGINT)
    try:
        await asyncio.wait_for(process.wait(), 15)
    except TimeoutError:
        process.kill()
        await process.wait()
