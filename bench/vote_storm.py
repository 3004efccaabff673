"""Vote storm: a whole group presses vote buttons on many open proposals at once.

The real bot (aiogram transport, the real proposal posts and their buttons) runs against the emulator over
HTTP, with Telegram's flood limits enforced. Three phases on the same proposals:

- burst: every member presses a button on every proposal, all queued at once; throughput is the updates
  answered per second from the first answer to the last;
- paced and calm: members change their votes at a steady rate (open loop: presses arrive on time whether
  or not the bot keeps up), a storm's 20 a second and a busy evening's 5; latency is from each press being
  queued for the bot to its answerCallbackQuery (the emulator's timestamps).

The baseline is a bare aiogram bot that only answers, against the same emulator, run just before Criw on
each database so that both meet the machine in the same state.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Any

from bench.bare_bot import running, vote_buttons
from bench.databases import scratch
from bench.measure import Result, StatementCounter, Target, at_least, below, ratio, spread
from bot.chat.outbound import Outbound
from bot.domain.clock import SystemClock
from bot.domain.proposals import Draft
from bot.playground.demo import DemoWorld, running_demo
from bot.playground.emulator import TelegramEmulator
from bot.services import proposals
from handlers import proposal_post

CODES = ("y", "n", "a")
TALLY = "📊 Yes {y} · No {n} · Abstain {a}"


@dataclass(frozen=True)
class Storm:
    members: int = 500
    proposals: int = 20
    paced_presses: int = 1000
    paced_per_second: float = 20.0  # a storm: a group of 500 voting on all 20 within about eight minutes
    calm_presses: int = 300
    calm_per_second: float = 5.0  # a busy evening: 500 members voting on a new proposal within two minutes
    give_up_seconds: float = 900.0  # a phase not answered by then is reported unfinished

    @property
    def burst_presses(self) -> int:
        return self.members * self.proposals


QUICK = Storm(members=12, proposals=3, paced_presses=24, paced_per_second=40.0, calm_presses=12, calm_per_second=20.0)
Press = tuple[int, int, str]  # (member's user id, post message id, callback_data)


async def run(storm: Storm, engines: list[tuple[str, str | None]]) -> Result:
    """The storm on each engine ((name, server url)), each just after the bare baseline (same machine state)."""
    result = Result("vote_storm", {**asdict(storm), "burst_presses": storm.burst_presses, "transport": "aiogram",
                                   "flood_limits": "enforced (30/s, 20/min per group, 1/s per chat)",
                                   "group_edit_seconds": 3.5})
    result.baseline = {}
    for engine, server in engines:
        bare = result.baseline[f"bare_aiogram_next_to_{engine}"] = await _bare(storm)
        async with scratch(engine, server, "storm") as url:
            mine = result.results[engine] = await _criw(storm, url)
        result.ratios[f"{engine}_throughput_vs_bare"] = ratio(mine["burst"]["per_second"], bare["burst"]["per_second"])
        for phase in ("paced", "calm"):
            result.ratios[f"{engine}_{phase}_p95_vs_bare"] = ratio(_p95(mine, phase), _p95(bare, phase))
    if "sqlite" in result.results:
        sqlite, unfinished = result.results["sqlite"], not result.results["sqlite"]["burst"]["finished"]
        result.targets["throughput_at_least_40pc_of_bare"] = Target(
            "SQLite throughput >= 0.4 x bare aiogram",
            False if unfinished else at_least(result.ratios["sqlite_throughput_vs_bare"], 0.4))
        for phase, rate in (("paced", storm.paced_per_second), ("calm", storm.calm_per_second)):
            result.targets[f"p95_under_50ms_on_sqlite_at_{rate:g}_per_second"] = Target(
                f"p95 latency < 50 ms on SQLite, presses arriving at {rate:g}/s",
                False if unfinished else below(_p95(sqlite, phase), 50))
    return result


def _p95(measured: dict[str, Any], phase: str) -> float | None:
    found = measured.get(phase)
    return found["p95_ms"] if found and found["finished"] else None


async def _criw(storm: Storm, database_url: str) -> dict[str, Any]:
    async with running_demo(transport="aiogram", database_url=database_url) as world:
        emulator, chat_id = world.emulator, world.group["id"]
        emulator.add_bot_to_group(chat_id, world.people["Dafydd"].id)
        await emulator.settle()
        members = _members(emulator, chat_id, storm.members)
        posts = [await _post(world, n) for n in range(storm.proposals)]
        emulator.enforce_rate_limits()
        emulator.stats.reset()
        edits_before = emulator.stats.calls["editMessageText"]
        statements = StatementCounter(world.criw.engine)
        measured = await _phases(emulator, storm, members, posts)
        pressed = sum((measured[phase] or {}).get("answered", 0) for phase in ("burst", "paced", "calm"))
        measured["sql_statements_per_press"] = round(statements.stop() / max(pressed, 1), 1)
        finished = measured["calm"] is not None and measured["calm"]["finished"]
        if finished:
            await world.criw.dispatcher.group_edits.flush()
            await emulator.settle(timeout=60)
        measured["group_edits"] = emulator.stats.calls["editMessageText"] - edits_before
        measured["flood_violations"] = emulator.stats.violations
        measured["retry_after_sent"] = emulator.stats.retry_after_sent
        measured["tallies_correct"] = await _tallies_correct(world, storm, posts) if finished else None
        return measured


async def _bare(storm: Storm) -> dict[str, Any]:
    async with TelegramEmulator() as emulator, running(emulator.base_url, emulator.token) as bot:
        owner = emulator.add_user("Owner")
        chat_id = emulator.create_group("Bare", members=[owner["id"]], creator=owner["id"])["id"]
        emulator.add_bot_to_group(chat_id, owner["id"])
        members = _members(emulator, chat_id, storm.members)
        posts = [(await bot.send_message(chat_id, f"Proposal {n}", reply_markup=vote_buttons(n))).message_id
                 for n in range(storm.proposals)]
        await emulator.settle()
        emulator.enforce_rate_limits()
        return await _phases(emulator, storm, members, [(post, f"1|v|{n}|0|{{}}") for n, post in enumerate(posts)])


def _members(emulator: TelegramEmulator, chat_id: int, count: int) -> list[int]:
    members = [emulator.add_user(f"Member {n}")["id"] for n in range(count)]
    for member in members:
        emulator.set_member_status(chat_id, member, "member")
    return members


async def _post(world: DemoWorld, number: int) -> tuple[int, str]:
    """A proposal posted to the group by the real proposal post code: (message id, payload pattern)."""
    clock, criw = SystemClock(), world.criw
    draft = Draft(world.group["id"], title=f"Walk number {number}", options=[clock.now() + timedelta(days=14)])
    async with criw.uow() as uow:
        view = await proposals.submit(uow, clock, world.people["Dafydd"].id, draft)
    await proposal_post.publish(Outbound(world.transport, criw.uow, clock), view)
    async with criw.uow() as uow:
        proposal = await uow.proposals.get(view.id)
    assert proposal is not None and proposal.post_message_id is not None
    return proposal.post_message_id, f"1|v|{view.id}|0|{{}}"


def _round(members: list[int], posts: list[tuple[int, str]], shift: int) -> list[Press]:
    """Every member's press on every post (member by member), each choosing a button `shift` along."""
    return [(member, post, pattern.format(CODES[(m + p + shift) % 3]))
            for m, member in enumerate(members) for p, (post, pattern) in enumerate(posts)]


async def _phases(emulator: TelegramEmulator, storm: Storm, members: list[int], posts: list[tuple[int, str]]
                  ) -> dict[str, Any]:
    """Everyone votes on everything at once; then people change their votes, at a storm's pace and a calm one."""
    found: dict[str, Any] = {"burst": await _burst(emulator, _round(members, posts, 0), storm.give_up_seconds),
                             "paced": None, "calm": None}
    for phase, shift, count, rate in (("paced", 1, storm.paced_presses, storm.paced_per_second),
                                      ("calm", 2, storm.calm_presses, storm.calm_per_second)):
        previous = found["burst"] if phase == "paced" else found["paced"]
        if not previous["finished"]:  # a backlog is left: latency measured behind it would mean nothing
            break
        found[phase] = await _paced(emulator, _round(members, posts, shift)[:count], rate, storm.give_up_seconds)
    return found


def _press(emulator: TelegramEmulator, press: Press, chat_id: int) -> None:
    member, message_id, data = press
    emulator.user_presses(member, chat_id, message_id, data)


async def _burst(emulator: TelegramEmulator, presses: list[Press], give_up: float) -> dict[str, Any]:
    first = len(emulator.callback_timings())
    chat_id = _group_of(emulator, presses[0][1])
    for press in presses:
        _press(emulator, press, chat_id)
    finished = await _answered(emulator, first + len(presses), give_up)
    answered = sorted(done for _, done in emulator.callback_timings()[first:] if done is not None)
    seconds = answered[-1] - answered[0] if len(answered) > 1 else 0.0
    per_second = (len(answered) - 1) / seconds if seconds > 0 else None
    return {"presses": len(presses), "answered": len(answered), "finished": finished, "seconds": round(seconds, 2),
            "per_second": round(per_second, 1) if per_second else None}


async def _paced(emulator: TelegramEmulator, presses: list[Press], per_second: float, give_up: float
                 ) -> dict[str, Any]:
    first = len(emulator.callback_timings())
    chat_id = _group_of(emulator, presses[0][1])
    loop = asyncio.get_running_loop()
    start = loop.time()
    for index, press in enumerate(presses):
        delay = start + index / per_second - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        _press(emulator, press, chat_id)
    finished = await _answered(emulator, first + len(presses), give_up)
    latencies = [done - queued for queued, done in emulator.callback_timings()[first:] if done is not None]
    return {"presses": len(presses), "answered": len(latencies), "finished": finished,
            "offered_per_second": per_second, **spread(latencies)}


def _group_of(emulator: TelegramEmulator, message_id: int) -> int:
    """The one group chat in the emulator the bot has posted to (every storm is in one group)."""
    groups = [chat for chat, record in emulator.world.chats.items() if chat < 0 and message_id in record.messages]
    return groups[0]


async def _answered(emulator: TelegramEmulator, count: int, seconds: float) -> bool:
    """Wait until `count` presses in all have been answered; False if that took longer than `seconds`."""
    try:
        await emulator.wait_until(lambda: len(emulator.callback_answers) >= count, timeout=seconds)
    except TimeoutError:
        return False
    return True


async def _tallies_correct(world: DemoWorld, storm: Storm, posts: list[tuple[int, str]]) -> bool:
    """Every vote was counted once and every group post shows the final tally (each press's last round)."""
    final: dict[int, dict[str, int]] = {}
    for m in range(storm.members):
        for p, (post, _) in enumerate(posts):
            index = m * storm.proposals + p
            shift = 2 if index < storm.calm_presses else 1 if index < storm.paced_presses else 0
            counts = final.setdefault(post, dict.fromkeys(CODES, 0))
            counts[CODES[(m + p + shift) % 3]] += 1
    shown = {message["message_id"]: message.get("text", "")
             for message in world.emulator.bot_messages(world.group["id"])}
    async with world.criw.uow() as uow:
        stored = sum([len(await uow.proposals.votes(n + 1)) for n in range(len(posts))])
    return stored == storm.burst_presses and all(TALLY.format(**tally) in shown[post] for post, tally in final.items())
