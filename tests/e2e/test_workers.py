"""Beyond one machine: two worker processes and one scheduler process on PostgreSQL, fed by the emulator
through webhooks it spreads over both workers (as a load balancer would). The database keeps them right.

Each process is started with exactly the command docker/compose.yaml runs (`criw run --role ...`; the
compose test checks they agree). Needs the PostgreSQL server named by CRIW_TEST_POSTGRES_URL.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
import pytest
import pytest_asyncio
from sqlalchemy import text

from bot.playground.emulator import TelegramEmulator
from bot.playground.phone import Phone
from bot.store.database import create_engine, session_factory
from bot.store.models import Person
from bot.store.proposals import Proposal, ProposalOption
from bot.store.reminders import Reminder
from bot.store.uow import uow_factory
from tests.conftest import POSTGRES_URL, reset_postgres
from tests.e2e.conftest import ENGLISH, start_in, write_proposal

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL: set CRIW_TEST_POSTGRES_URL (.ci/run does)"),
    pytest.mark.asyncio(loop_scope="module"),
]

#: The commands the tests run, as `criw <arguments>`; docker/compose.yaml must run the very same.
ROLE_COMMANDS = {
    "all": ["run"],
    "migrate": ["db", "upgrade"],
    "worker": ["run", "--role", "worker"],
    "scheduler": ["run", "--role", "scheduler"],
}
SECRET = "workers-s3cret"
VOTERS = 200
EDIT_SECONDS = 1.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """The emulator, two workers (one on each transport), one scheduler, and the group they serve."""

    emulator: TelegramEmulator
    database_url: str
    worker_urls: list[str]
    group: dict
    admin: Phone
    proposer: Phone
    voters: list[dict] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    def spread(self, *, to_every: bool = False) -> None:
        self.emulator.spread_webhook(self.worker_urls, parallel=40, to_every=to_every)

    def bot_messages_in(self, chat_id: int) -> list[dict]:
        return self.emulator.bot_messages(chat_id)

    def log_tail(self) -> str:
        return "\n".join(f"--- {log.name}\n{tail(log)}" for log in self.logs)


async def criw(role: str, env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    """`criw <role command>` as its own process (python -m bot is the `criw` script)."""
    with log.open("ab") as output:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", *ROLE_COMMANDS[role], env=env, stdout=output, stderr=output,
            cwd=log.parent,
        )


def tail(log: Path) -> str:
    return log.read_text()[-3000:]


async def healthy(url: str, process: asyncio.subprocess.Process, log: Path) -> dict:
    """Ask /healthz until it answers 200 (a readiness probe, as Docker's HEALTHCHECK does)."""
    answer = "no answer"
    async with aiohttp.ClientSession() as session:
        for _ in range(600):  # a minute: starting Python with both Telegram libraries is slow on a busy machine
            if process.returncode is not None:
                raise AssertionError(f"{url}: the process ended with {process.returncode}\n{tail(log)}")
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(url) as response:
                    if response.status == 200:
                        return await response.json()
                    answer = await response.text()
            await asyncio.sleep(0.1)
    raise AssertionError(f"{url} never became healthy ({answer})\n{tail(log)}")


async def stop(processes: list[asyncio.subprocess.Process]) -> None:
    for process in processes:
        if process.returncode is None:
            process.terminate()
    for process in processes:
        try:
            async with asyncio.timeout(30):  # in-flight requests and trailing edits are finished first
                await process.wait()
        except TimeoutError:
            process.kill()
            await process.wait()


def environment(emulator: TelegramEmulator, database_url: str, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CRIW_")}
    env.update(CRIW_BOT_TOKEN=emulator.token, CRIW_TELEGRAM_API=emulator.base_url, CRIW_DATABASE_URL=database_url,
               CRIW_WEBHOOK_SECRET=SECRET, CRIW_GROUP_EDIT_SECONDS=str(EDIT_SECONDS), CRIW_JOB_SECONDS="1")
    env.update(extra)
    return env


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def cluster(tmp_path_factory, postgres_database) -> AsyncIterator[Cluster]:
    await reset_postgres(postgres_database)
    scratch = tmp_path_factory.mktemp("workers")
    processes: list[asyncio.subprocess.Process] = []
    async with TelegramEmulator() as emulator:
        migrate = await criw("migrate", environment(emulator, postgres_database), scratch / "migrate.log")
        assert await migrate.wait() == 0, (scratch / "migrate.log").read_text()
        ports = [free_port() for _ in range(3)]
        worker_urls = [f"http://127.0.0.1:{port}/telegram" for port in ports[:2]]
        try:
            for index, transport in enumerate(("aiogram", "ptb")):
                env = environment(emulator, postgres_database, CRIW_TRANSPORT=transport,
                                  CRIW_WEBHOOK_URL=worker_urls[index], CRIW_WEBHOOK_LISTEN=f"127.0.0.1:{ports[index]}")
                processes.append(await criw("worker", env, scratch / f"worker-{transport}.log"))
            env = environment(emulator, postgres_database, CRIW_WEB_LISTEN=f"127.0.0.1:{ports[2]}")
            processes.append(await criw("scheduler", env, scratch / "scheduler.log"))
            logs = [scratch / name for name in ("worker-aiogram.log", "worker-ptb.log", "scheduler.log")]
            for port, process, log in zip(ports, processes, logs, strict=True):
                await healthy(f"http://127.0.0.1:{port}/healthz", process, log)
            async with asyncio.timeout(30):  # each worker registers its webhook once it is serving
                await emulator.world.changes.wait_until(lambda: emulator.stats.calls["setWebhook"] >= 2)
            yield await _group_with_a_proposal(emulator, postgres_database, worker_urls, scratch)
        finally:
            await stop(processes)
    # SIGTERM (docker stop) lets each finish what it has in hand and exit cleanly.
    assert [process.returncode for process in processes] == [0, 0, 0], "\n".join(
        tail(log) for log in sorted(scratch.glob("*.log")))


async def _group_with_a_proposal(emulator, database_url, worker_urls, scratch) -> Cluster:
    admin = Phone(emulator, emulator.add_user("Dafydd", language_code="en"), timeout=60)
    proposer = Phone(emulator, emulator.add_user("Alys", language_code="en"), timeout=60)
    voters = [emulator.add_user(f"Aelod {n}", language_code="cy" if n % 2 else "en") for n in range(VOTERS)]
    group = emulator.create_group("Rhwydwaith Cymru · Wales Network",
                                  members=[admin.id, proposer.id, *(voter["id"] for voter in voters)],
                                  admins=[admin.id], creator=admin.id)
    found = Cluster(emulator, database_url, worker_urls, dict(group), admin, proposer, voters,
                    sorted(scratch.glob("*.log")))
    found.spread()  # every step of the conversation below may land on either worker
    emulator.add_bot_to_group(group["id"], admin.id)
    await emulator.settle(60)
    await start_in(proposer, ENGLISH, group=group)
    day = (datetime.now(ZoneInfo("Europe/London")) + timedelta(days=10)).strftime("%-d %B")
    await write_proposal(found, proposer, ENGLISH, "Picnic at the castle", dates=(f"{day} 14:30",))
    return found


def vote_button(cluster: Cluster, label: str) -> tuple[int, str]:
    post = next(m for m in reversed(cluster.bot_messages_in(cluster.group["id"])) if m.get("reply_markup"))
    buttons = [button for row in post["reply_markup"]["inline_keyboard"] for button in row]
    return post["message_id"], next(button["callback_data"] for button in buttons if label in button["text"])


async def rows(database_url: str, query: str) -> list[tuple]:
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            return [tuple(row) for row in await connection.execute(text(query))]
    finally:
        await engine.dispose()


async def test_200_members_voting_at_once_on_two_workers_are_counted_exactly_200_times(cluster):
    post_id, yes = vote_button(cluster, "Yes")
    emulator, group_id = cluster.emulator, cluster.group["id"]
    calls_before = len(emulator.calls)
    cluster.spread()
    began = time.monotonic()
    presses = [emulator.user_presses(voter["id"], group_id, post_id, yes) for voter in cluster.voters]
    await emulator.settle(300)  # a bound, not a wait: about 15 s on a quiet machine

    assert emulator.webhook_failures == [], cluster.log_tail()
    assert await rows(cluster.database_url, "SELECT choice, count(*) FROM vote GROUP BY choice") == [("yes", VOTERS)]
    answered = {answer["callback_query_id"] for answer in emulator.callback_answers}
    assert all(press["callback_query"]["id"] in answered for press in presses)
    def tally() -> str:
        return next(m["text"] for m in emulator.chat_messages(group_id) if m["message_id"] == post_id)

    async with asyncio.timeout(60):  # the last trailing edit, from whichever worker, shows every vote
        await emulator.world.changes.wait_until(lambda: f"Yes {VOTERS}" in tally())
    edits = [params for method, params in emulator.calls[calls_before:]
             if method == "editMessageText" and str(params.get("message_id")) == str(post_id)]
    took = time.monotonic() - began
    # One edit a second between both workers, at most, however long a busy machine took over the votes.
    assert 1 <= len(edits) <= took / EDIT_SECONDS + 2
    assert len(edits) < VOTERS


async def test_1000_updates_each_delivered_to_both_workers_are_each_handled_once(cluster):
    emulator = cluster.emulator
    cluster.spread(to_every=True)
    senders = cluster.voters[:100]
    before = {voter["id"]: len(cluster.bot_messages_in(voter["id"])) for voter in senders}
    sent = [emulator.user_sends(voter["id"], "/help") for _ in range(10) for voter in senders]
    await emulator.settle(300)  # a bound, not a wait: about 30 s on a quiet machine

    assert len(sent) == 1000
    assert emulator.webhook_failures == [], cluster.log_tail()
    for voter in senders:
        assert len(cluster.bot_messages_in(voter["id"])) - before[voter["id"]] == 10, voter["first_name"]
    ids = ", ".join(str(update["update_id"]) for update in sent)
    claimed = await rows(cluster.database_url, f"SELECT count(*) FROM processedupdate WHERE update_id IN ({ids})")
    assert claimed == [(1000,)]


async def test_only_the_scheduler_runs_the_scheduled_work(cluster):
    logs = {log.name: log.read_text() for log in cluster.logs}
    assert "scheduler started:" in logs["scheduler.log"]
    assert "role: scheduler" in logs["scheduler.log"]
    for worker in ("worker-aiogram.log", "worker-ptb.log"):
        assert "scheduler started" not in logs[worker]
        assert "listening for webhooks" in logs[worker]


async def test_500_reminders_are_each_sent_once_even_with_a_second_scheduler_started(cluster, tmp_path):
    """Exactly one scheduler is the rule; a second one, started by mistake or by a deploy while the first is
    sending, stands by instead of putting the first one's in-flight reminders back in the queue."""
    emulator, titles = cluster.emulator, [f"Kayaking day {n}" for n in range(3)]
    for voter in cluster.voters:
        emulator.world.people[voter["id"]].started = True  # they pressed Start in a private chat
    planned = await _plan_nudges(cluster, titles, count=500)
    port = free_port()
    env = environment(emulator, cluster.database_url, CRIW_WEB_LISTEN=f"127.0.0.1:{port}")
    log = tmp_path / "second-scheduler.log"
    second = await criw("scheduler", env, log)
    try:
        await healthy(f"http://127.0.0.1:{port}/healthz", second, log)
        for _ in range(600):  # a bound, not a wait: 500 at 30 a second take under 20 s
            outstanding = await rows(cluster.database_url, "SELECT count(*) FROM reminder WHERE key LIKE "
                                                           "'race:%' AND state IN ('pending', 'sending')")
            if outstanding == [(0,)]:
                break
            await asyncio.sleep(0.5)
        await emulator.settle(60)
    finally:
        await stop([second])
    assert second.returncode == 0, tail(log)
    assert "standing by" in log.read_text()

    states = await rows(cluster.database_url, "SELECT state, count(*) FROM reminder WHERE key LIKE 'race:%' "
                                              "GROUP BY state")
    assert states == [("sent", 500)], cluster.log_tail() + tail(log)
    for voter_id, title in planned:
        nudges = [m for m in cluster.bot_messages_in(voter_id) if title in m.get("text", "")]
        assert len(nudges) == 1, (voter_id, title, [m["text"] for m in nudges])


async def _plan_nudges(cluster: Cluster, titles: list[str], count: int) -> list[tuple[int, str]]:
    """Open proposals nobody has voted on, and `count` due "you haven't voted" reminders about them."""
    engine = create_engine(cluster.database_url)
    uow = uow_factory(session_factory(engine))
    now = datetime.now(UTC)
    planned: list[tuple[int, str]] = []
    try:
        async with uow() as work:
            group = await work.groups.by_chat(cluster.group["id"])
            proposer = await work.people.by_telegram_id(cluster.proposer.id)
            assert group is not None and group.id is not None and proposer is not None and proposer.id is not None
            people = [await _person(work, voter, now) for voter in cluster.voters]
            proposals = []
            for title in titles:
                proposal = Proposal(group_id=group.id, proposer_id=proposer.id, title=title, opened_at=now,
                                    closes_at=now + timedelta(days=2))
                work.proposals.add(proposal)
                await work.flush()
                assert proposal.id is not None
                work.proposals.add(ProposalOption(proposal_id=proposal.id, index=0,
                                                  starts_at=now + timedelta(days=5)))
                proposals.append(proposal)
            for n in range(count):
                proposal, person = proposals[n // len(people)], people[n % len(people)]
                work.reminders.add(Reminder(
                    kind="vote_nudge_person", key=f"race:{proposal.id}:{person.id}", chat_id=person.telegram_id,
                    person_id=person.id, group_id=group.id, subject_id=proposal.id, due_at=now, send_at=now,
                    useful_until=proposal.closes_at))
                planned.append((person.telegram_id, proposal.title))
            await work.commit()
    finally:
        await engine.dispose()
    return planned


async def _person(work, voter: dict, now: datetime) -> Person:
    """The voter, reachable privately (they pressed Start), met by the bot if an earlier test didn't."""
    person = await work.people.by_telegram_id(voter["id"])
    if person is None:
        person = Person(telegram_id=voter["id"], display_name=voter["first_name"], created_at=now,
                        language="cy" if voter["language_code"] == "cy" else "en")
        work.people.add(person)
    person.can_dm = True
    await work.flush()
    return person
