"""Growth: do costs stay flat as an organisation grows?

Two databases seeded by bench/seed.py with the same shape per group: issue 13's organisation (1,000 groups,
50,000 people, 20,000 meet-ups, 200,000 votes, 100,000 contributions) and a 10-group one. On each, the
services behind /upcoming (group and private), /credits (private and group) and a quarterly group report
are timed over many different groups and people; each p95 is compared with the same query's p95 on the
10-group database (under 2 means indexes, not scans). Then the real bot, as its own process, answers
those commands (and makes a report with its CSV and chart) on each database, for its peak memory.
"""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from bench import process
from bench.databases import forget_updates, scratch
from bench.measure import Result, Target, below, ratio, spread
from bench.seed import FIRST_USER, Scale, seed
from bot.domain.clock import FixedClock
from bot.domain.credits import report_period
from bot.playground.emulator import TelegramEmulator
from bot.playground.phone import Phone
from bot.services import credit_reports, credits, meetups
from bot.store.database import create_engine, session_factory
from bot.store.uow import UnitOfWork, uow_factory

Query = Callable[[UnitOfWork, FixedClock, int], Awaitable[object]]


@dataclass(frozen=True)
class Growth:
    groups: int = 1000
    baseline_groups: int = 10
    samples: int = 100  # calls of each query, each for a different group or person
    bot_rounds: int = 3  # rounds of commands the bot process answers, for its peak memory
    bot_transports: tuple[str, ...] = ("aiogram", "ptb")


QUICK = Growth(groups=20, baseline_groups=2, samples=10, bot_rounds=0)


async def _report(uow: UnitOfWork, clock: FixedClock, group_number: int) -> object:
    group = await uow.groups.by_chat(-(4_100_000_000 + group_number))
    assert group is not None
    start, end = report_period("last_3_months", clock.now().date())
    return await credit_reports.build(uow, group, start, end)


QUERIES: dict[str, tuple[str, Query]] = {  # name: (who it is for, the service call)
    "upcoming_group": ("group", lambda uow, clock, g: meetups.upcoming_in_group(uow, clock, -(4_100_000_000 + g))),
    "upcoming_private": ("person", lambda uow, clock, p: meetups.upcoming_for_person(uow, clock, FIRST_USER + p)),
    "credits_private": ("person", lambda uow, clock, p: credits.statement(uow, FIRST_USER + p)),
    "credits_group": ("group", lambda uow, clock, g: credits.group_thanks(uow, clock, -(4_100_000_000 + g))),
    "quarterly_report": ("group", _report),
}


async def run(growth: Growth, engines: list[tuple[str, str | None]]) -> Result:
    big, small = Scale.of(growth.groups), Scale.of(growth.baseline_groups)
    result = Result("growth", {**asdict(growth), "database": asdict(big), "baseline_database": asdict(small),
                               "statistic": "p95 of service calls, fresh unit of work each, databases taking turns"})
    result.baseline = {}
    for engine, server in engines:
        async with scratch(engine, server, f"growth{big.groups}") as big_url, \
                scratch(engine, server, f"growth{small.groups}") as small_url:
            seeded = [await seed(big_url, big), await seed(small_url, small)]
            timings = await _time_queries([(big_url, big), (small_url, small)], growth.samples,
                                          datetime.fromisoformat(seeded[0]["now"]))
            for label, url, planted, found in zip(("big", "small"), (big_url, small_url), seeded, timings,
                                                  strict=True):
                memory = {transport: await _bot_memory(url, growth.bot_rounds, transport)
                          for transport in (growth.bot_transports if growth.bot_rounds else ())}
                measured = {"seed_seconds": planted["seconds"], "rows": sum(planted["rows"].values()),
                            "queries": found, "bot": memory}
                (result.results if label == "big" else result.baseline)[engine] = measured
        for name in QUERIES:
            result.ratios[f"{engine}_{name}_p95_vs_10_groups"] = ratio(
                result.results[engine]["queries"][name]["p95_ms"], result.baseline[engine]["queries"][name]["p95_ms"])
        for transport, memory in result.results[engine]["bot"].items():
            result.ratios[f"{engine}_bot_{transport}_peak_rss_vs_10_groups"] = ratio(
                memory["peak_rss_mb"], result.baseline[engine]["bot"][transport]["peak_rss_mb"])
    _targets(result, growth)
    return result


def _targets(result: Result, growth: Growth) -> None:
    for engine in result.results:
        worst = max((value for name, value in result.ratios.items() if name.startswith(engine) and "_p95_" in name
                     and value is not None), default=None)
        result.targets[f"{engine}_p95_ratio_under_2"] = Target(
            f"every query's p95 on {growth.groups} groups < 2 x on {growth.baseline_groups}", below(worst, 2))
        result.targets[f"{engine}_seeding_under_2_minutes"] = Target(
            "seeding the big database takes < 2 minutes", below(result.results[engine]["seed_seconds"], 120))
        bot = result.results[engine]["bot"].get("aiogram", {})
        result.targets[f"{engine}_bot_peak_rss_under_250mb"] = Target(
            "the bot process's peak RSS < 250 MB (aiogram, the default)", below(bot.get("peak_rss_mb"), 250))


async def _time_queries(databases: list[tuple[str, Scale]], samples: int, now: datetime) -> list[dict[str, Any]]:
    """Each query's spread on each database, their calls taking turns (big, small, big, ...): this machine's
    speed drifts, and both must meet it in the same state for the ratio to mean anything."""
    engines = [create_engine(url) for url, _ in databases]
    uows = [uow_factory(session_factory(engine)) for engine in engines]
    clock, pick = FixedClock(now), random.Random(13)
    found: list[dict[str, Any]] = [{} for _ in databases]
    try:
        for name, (kind, query) in QUERIES.items():
            targets = [[pick.randrange(1, scale.groups + 1) if kind == "group" else pick.randrange(scale.people)
                        for _ in range(samples)] for _, scale in databases]
            took: list[list[float]] = [[] for _ in databases]
            for turn in range(-3, samples):  # three calls each to warm the caches a little, as a bot's are
                for number, work in enumerate(uows):
                    seconds = await _call(work, query, clock, targets[number][max(turn, 0)])
                    if turn >= 0:
                        took[number].append(seconds)
            for number, durations in enumerate(took):
                found[number][name] = spread(durations)
        return found
    finally:
        for engine in engines:
            await engine.dispose()


async def _call(uows: Callable[[], UnitOfWork], query: Query, clock: FixedClock, target: int) -> float:
    started = time.perf_counter()
    async with uows() as uow:
        await query(uow, clock, target)
    return time.perf_counter() - started


async def _bot_memory(url: str, rounds: int, transport: str) -> dict[str, Any]:
    """The real bot answers the same commands as above (and makes a report with its CSV and chart)."""
    await forget_updates(url)
    async with TelegramEmulator() as emulator:
        chats, phones = [], []
        for group in (1, 2, 3):  # the emulator numbers groups and people as bench/seed.py did
            coordinator = emulator.add_user(f"Member {group - 1}", user_id=FIRST_USER + group - 1)
            chats.append(emulator.create_group(f"Group {group}", members=[coordinator["id"]],
                                               creator=coordinator["id"])["id"])
            phones.append(Phone(emulator, coordinator, timeout=120))
        async with process.running(*process.criw(emulator, url, transport)) as child:
            for chat, phone in zip(chats, phones, strict=True):
                emulator.add_bot_to_group(chat, phone.id)
            await emulator.settle(timeout=120)
            took = []
            for _ in range(rounds):
                for chat, phone in zip(chats[::2], phones[::2], strict=True):  # their coordinators chose English
                    took += [await _timed(phone.send("/upcoming", chat)), await _timed(phone.send("/credits", chat)),
                             await _timed(phone.send("/upcoming")), await _timed(phone.send("/credits")),
                             await _timed(phone.send("/report")), await _timed(phone.tap("The last 3 months")),
                             await _timed(phone.tap("English"))]
            assert any(message.get("document") for message in emulator.bot_messages(phones[0].id)), child.tail()
            return {"peak_rss_mb": child.peak_rss_mb, "command": spread(took)}


async def _timed(action: Awaitable[object]) -> float:
    started = time.perf_counter()
    await action
    return time.perf_counter() - started

