"""Fan-out: thousands of reminders fall due at once; they must go as fast as Telegram allows, and no faster.

The emulator enforces 30 messages a second for the bot and 20 a minute per group (and 1 a second per chat).
The reminders are real ones, sent by the real scheduler code (`Criw.delivery(...).run_once()`, run the way
the scheduler runs it, every `job_seconds`):

- a proposal's "closing soon" nudge, which plans one private `vote_nudge_person` reminder for each member
  who hasn't voted (each in their own language), then sends them;
- votes closing in two busy groups (`vote_close`), each posting its outcome to the group: more posts per
  group than 20 a minute allows, so the group limit binds while private reminders keep flowing.

Achieved rate = messages / seconds from the first claim to the last message; it is reported against the
configured 30/s and against the best any sender could do under every limit at once.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from bench.databases import scratch
from bench.measure import Result, StatementCounter, Target, at_least, ratio
from bot.domain.rate_limits import GLOBAL, PER_GROUP
from bot.playground.demo import DemoWorld, running_demo
from bot.services import reminders
from bot.store.models import Membership, Person
from bot.store.proposals import Proposal, ProposalOption
from bot.transports.limiter import SAFETY

JOB_SECONDS = 10.0  # the scheduler's default tick (CRIW_JOB_SECONDS)


@dataclass(frozen=True)
class Fanout:
    reminders: int = 3000  # every message: private nudges plus group outcome posts
    busy_groups: int = 2
    posts_per_busy_group: int = 30  # more than PER_GROUP allows in a minute

    @property
    def private(self) -> int:
        return self.reminders - self.busy_groups * self.posts_per_busy_group


QUICK = Fanout(reminders=120, busy_groups=2, posts_per_busy_group=10)


@dataclass
class DaytimeClock:
    """Real time, but starting on a weekday morning, so nobody's quiet hours hold a reminder back."""

    start: datetime = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    origin: float = field(default_factory=time.monotonic)

    def now(self) -> datetime:
        return self.start + timedelta(seconds=time.monotonic() - self.origin)


def best_seconds(fanout: Fanout) -> float:
    """The least time any sender needs under the limits: the global rate, or the busiest group's minutes."""
    by_global = (fanout.reminders - 1) / GLOBAL.count * GLOBAL.per_seconds
    by_group = (fanout.posts_per_busy_group - 1) // PER_GROUP.count * PER_GROUP.per_seconds
    return max(by_global, by_group)


async def run(fanout: Fanout, engines: list[tuple[str, str | None]]) -> Result:
    result = Result("fanout", {**asdict(fanout), "private": fanout.private, "transport": "aiogram",
                               "limits": {"global_per_second": GLOBAL.count, "group_per_minute": PER_GROUP.count,
                                          "chat_per_second": 1}, "job_seconds": JOB_SECONDS})
    best_rate = fanout.reminders / best_seconds(fanout)
    result.baseline = {"configured_per_second": GLOBAL.count, "best_possible_per_second": round(best_rate, 2),
                       # Criw keeps its windows 5% longer than Telegram's, so it tops out just under the limit.
                       "criw_ceiling_per_second": round(GLOBAL.count / SAFETY, 2)}
    for engine, server in engines:
        async with scratch(engine, server, "fanout") as url:
            measured = await _deliver_all(fanout, url)
        result.results[engine] = measured
        result.ratios[f"{engine}_rate_vs_limit"] = ratio(measured["per_second"], GLOBAL.count)
        result.ratios[f"{engine}_rate_vs_best_possible"] = ratio(measured["per_second"], best_rate)
    first = next(iter(result.results))
    result.targets["rate_at_least_90pc_of_limit"] = Target(
        "achieved rate / configured limit >= 0.9", at_least(result.ratios[f"{first}_rate_vs_limit"], 0.9))
    result.targets["no_violations"] = Target("flood-limit violations = 0",
                                             all(r["violations"] == 0 for r in result.results.values()))
    return result


async def _deliver_all(fanout: Fanout, database_url: str) -> dict[str, Any]:
    clock = DaytimeClock()
    async with running_demo(transport="aiogram", database_url=database_url, clock=clock) as world:
        await _seed(world, fanout, clock.now())
        emulator = world.emulator
        emulator.enforce_rate_limits()
        emulator.stats.reset()
        delivery = world.criw.delivery(world.transport)
        statements = StatementCounter(world.criw.engine)
        started = time.perf_counter()
        ticks = 0
        while await _outstanding(world, clock):
            ticks += 1
            await delivery.run_once()
            if await _outstanding(world, clock):
                await asyncio.sleep(JOB_SECONDS)  # the scheduler's next tick
        seconds = time.perf_counter() - started
        per_message = statements.stop()
        sent = emulator.stats.calls["sendMessage"] - emulator.stats.errors[429]
        async with world.criw.uow() as uow:
            states = {state: len(await uow.reminders.in_state(state, limit=100_000))
                      for state in ("sent", "failed", "cancelled", "skipped")}
    return {"messages": sent, "seconds": round(seconds, 2), "per_second": round(sent / seconds, 2),
            "violations": emulator.stats.violations, "retry_after_sent": emulator.stats.retry_after_sent,
            "scheduler_ticks": ticks, "sql_statements_per_message": round(per_message / max(sent, 1), 1),
            "reminders": states}


async def _outstanding(world: DemoWorld, clock: DaytimeClock) -> bool:
    """Something is due now, or mid-send (later reminders, such as a weekly list, are not this run's)."""
    async with world.criw.uow() as uow:
        if await uow.reminders.in_state("sending", limit=1):
            return True
        due = await uow.reminders.next_send_at()
        return due is not None and due <= clock.now()


async def _seed(world: DemoWorld, fanout: Fanout, now: datetime) -> None:
    """People who pressed Start, an open proposal they haven't voted on, and votes closing in busy groups."""
    emulator, dafydd = world.emulator, world.people["Dafydd"].id
    emulator.add_bot_to_group(world.group["id"], dafydd)
    busy = [emulator.create_group(f"Busy group {n}", members=[dafydd], creator=dafydd)["id"]
            for n in range(fanout.busy_groups)]
    for chat_id in busy:
        emulator.add_bot_to_group(chat_id, dafydd)
    await emulator.settle()
    users = [emulator.add_user(f"Member {n}", language_code="cy" if n % 2 else "en")["id"]
             for n in range(fanout.private)]
    for user in users:
        emulator.world.people[user].started = True  # they pressed Start long ago
    async with world.criw.uow() as uow:
        group = await uow.groups.by_chat(world.group["id"])
        proposer = await uow.people.by_telegram_id(dafydd)
        assert group is not None and group.id is not None and proposer is not None and proposer.id is not None
        await _members(uow, group.id, users, now)
        nudged = await _proposal(uow, group.id, proposer.id, "Road trip", now - timedelta(days=6),
                                 now + timedelta(hours=20))
        await reminders.plan(uow, kind="vote_nudge", key=f"vote_nudge:{nudged}", due_at=now - timedelta(seconds=1),
                             group=group, subject_id=nudged)
        for chat_id in busy:
            busy_group = await uow.groups.by_chat(chat_id)
            assert busy_group is not None and busy_group.id is not None
            for n in range(fanout.posts_per_busy_group):
                closing = await _proposal(uow, busy_group.id, proposer.id, f"Idea {n}", now - timedelta(days=7),
                                          now - timedelta(seconds=1))
                await reminders.plan(uow, kind="vote_close", key=f"vote_close:{closing}", due_at=now,
                                     group=busy_group, subject_id=closing)
        await uow.commit()


async def _members(uow: Any, group_id: int, users: list[int], now: datetime) -> None:
    for chunk in range(0, len(users), 500):
        part = users[chunk:chunk + 500]
        await uow.session.execute(insert(Person), [
            {"telegram_id": user, "display_name": f"Member {user}", "language": "cy" if user % 2 else "en",
             "can_dm": True, "reminders": True, "easy_read": False, "quiet_start": "21:00", "quiet_end": "08:00",
             "created_at": now} for user in part])
    people = {person.telegram_id: person.id for person in
              (await uow.session.execute(Person.__table__.select())).all()}  # type: ignore[attr-defined]
    await uow.session.execute(insert(Membership), [
        {"person_id": people[user], "group_id": group_id, "role": "member", "created_at": now} for user in users])


async def _proposal(uow: Any, group_id: int, proposer_id: int, title: str, opened: datetime, closes: datetime) -> int:
    proposal = Proposal(group_id=group_id, proposer_id=proposer_id, title=title, opened_at=opened, closes_at=closes)
    uow.proposals.add(proposal)
    await uow.flush()
    assert proposal.id is not None
    uow.proposals.add(ProposalOption(proposal_id=proposal.id, index=0, starts_at=closes + timedelta(days=3)))
    return proposal.id

