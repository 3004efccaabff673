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
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
import pytest
import pytest_asyncio
from sqlalchemy import text

from bot.playground.emulator import TelegramEmulator
from bot.playground.phone import Phone
from bot.store.database import create_engine
from tests.conftest import POSTGRES_URL, reset_postgres
from tests.e2e.conftest import ENGLISH, start_in, write_proposal

# Still being finished (issue 9): on a loaded 2-core machine the multi-process runs time out. Opt in with
# CRIW_RUN_WORKER_TESTS=1 until they are made robust.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(os.environ.get("CRIW_RUN_WORKER_TESTS") != "1",
                       reason="multi-process worker tests are in progress (issue 9); set CRIW_RUN_WORKER_TESTS=1"),
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

    async with asyncio.timeout(20):  # the last trailing edit, from whichever worker, shows every vote
        await emulator.world.changes.wait_until(lambda: f"Yes {VOTERS}" in tally())
    edits = [params for method, params in emulator.calls[calls_before:]
             if method == "editMessageText" and str(params.get("message_id")) == str(post_id)]
    took = time.monotonic() - began
    assert 1 <= len(edits) <= took / EDIT_SECONDS + 2  # one edit a second between both workers, at most
    assert len(edits) < VOTERS / 4


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


async def test_500_reminders_are_each_sent_once_with_two_workers_and_a_scheduler(cluster):
    pytest.skip("issue 7 (reminders and the delivery queue) fills this in: queue 500 due reminders, let the "
                "scheduler and both workers race, and assert each reminder's message arrives exactly once")
