"""Start-up: from starting the process to the first update handled.

A button press is waiting for the bot before its process starts; the time runs from just before the
process is started until the emulator receives the press's answerCallbackQuery. That covers Python
starting, importing, settings, the database (and its migrations, on a new SQLite file), the bot learning
its name and publishing its menus, and the first long poll. Baseline, in the same run: the bare aiogram
bot, which only answers presses, started the same way.
"""

from __future__ import annotations

import functools
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import process
from bench.databases import forget_updates, scratch
from bench.measure import Result, Target, below, ratio
from bot.playground.emulator import TelegramEmulator
from bot.store.database import create_engine
from bot.store.migrate import upgrade


@dataclass(frozen=True)
class Startup:
    runs: int = 3  # each case is started this many times; the median is reported
    transports: tuple[str, ...] = ("aiogram", "ptb")
    new_database: bool = True  # also time a first start, on a new database file (every migration runs)


QUICK = Startup(runs=1, transports=("aiogram",), new_database=False)
Command = Callable[[TelegramEmulator], tuple[list[str], dict[str, str]]]
TIMEOUT = 60.0


async def run(startup: Startup) -> Result:
    result = Result("startup", {**asdict(startup), "database": "sqlite", "statistic": "median of runs",
                                "order": "each round starts every case once, the baseline first"})
    async with scratch("sqlite", name="startup") as url:
        path = Path(url.removeprefix("sqlite+aiosqlite:///"))
        await _migrated(url)  # the usual start: an existing database
        cases: list[tuple[str, Command, Callable[[], Awaitable[None]] | None]] = [("bare_aiogram", process.bare, None)]
        if startup.new_database:  # a new file each time: every migration runs
            cases.append(("criw_aiogram_new_database", functools.partial(process.criw, database_url=url),
                          lambda: _remove(path)))
        cases += [(f"criw_{transport}", functools.partial(process.criw, database_url=url, transport=transport),
                   lambda: forget_updates(url)) for transport in startup.transports]
        runs: dict[str, list[tuple[float, float | None]]] = {name: [] for name, _, _ in cases}
        for _ in range(startup.runs):  # rounds, so that every case meets the machine in the same states
            for name, command, before in cases:
                if before is not None:
                    await before()
                runs[name].append(await _first_answer(command))
    result.baseline = _named("bare_aiogram", runs.pop("bare_aiogram"))
    for name, found in runs.items():
        result.results |= _named(name, found)
    bare = result.baseline["bare_aiogram_seconds"]
    for name, value in result.results.items():
        if name.endswith("_seconds"):
            result.ratios[f"{name.removesuffix('_seconds')}_vs_bare"] = ratio(value, bare)
    result.targets["under_2s_on_sqlite"] = Target(
        "start-up to first handled update < 2 s on SQLite (aiogram, existing database)",
        below(result.results.get("criw_aiogram_seconds"), 2.0))
    return result


def _named(name: str, runs: list[tuple[float, float | None]]) -> dict[str, float | None]:
    memory = [rss for _, rss in runs if rss is not None]
    return {f"{name}_seconds": _round(statistics.median(seconds for seconds, _ in runs)),
            f"{name}_peak_rss_mb": max(memory) if memory else None}


async def _migrated(url: str) -> None:
    engine = create_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


async def _remove(database: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)


async def _first_answer(command: Command) -> tuple[float, float | None]:
    """Seconds from starting the process to its answer to the waiting press, and its peak memory then."""
    async with TelegramEmulator() as emulator:
        person = emulator.add_user("Ann")
        emulator.user_sends(person["id"], "/start")  # so the bot may answer her
        emulator.world.queue.drop_pending()  # ... long ago: only the press below is waiting
        emulator.user_presses(person["id"], person["id"], 1, "1|x", forged=True)
        started = time.perf_counter()
        async with process.running(*command(emulator)) as child:
            try:
                await emulator.wait_until(lambda: bool(emulator.callback_answers), timeout=TIMEOUT)
            except TimeoutError:
                raise RuntimeError(f"no answer within {TIMEOUT}s; the process said:\n{child.tail()}") from None
            memory = child.peak_rss_mb
        (_, answered), = emulator.callback_timings()
        assert answered is not None
        return answered - started, memory


def _round(seconds: float) -> float:
    return round(seconds, 3)

