"""The emulator as a load balancer in front of several bot workers: updates spread over URLs, several
at once, or the same update to every worker."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot.playground.emulator import TelegramEmulator
from tests.integration.test_emulator_wire import aiogram_bot, serving


class Crowd:
    """Holds the workers' answers until `wanted` POSTs are open at once (which only parallel delivery
    reaches), then lets them all finish."""

    def __init__(self, wanted: int) -> None:
        self.wanted = wanted
        self.open = 0
        self.most_at_once = 0
        self.full = asyncio.Event()

    async def arrive(self) -> None:
        self.open += 1
        self.most_at_once = max(self.most_at_once, self.open)
        if self.open >= self.wanted:
            self.full.set()
        await self.full.wait()

    def leave(self) -> None:
        self.open -= 1


class Worker:
    """A stand-in bot worker that records the update ids it was given and the secret it was shown."""

    def __init__(self, crowd: Crowd | None = None) -> None:
        self.seen: list[int] = []
        self.secrets: set[str | None] = set()
        self.busy = 0
        self.most_at_once = 0
        self.crowd = crowd

    def app(self) -> web.Application:
        async def receive(request: web.Request) -> web.Response:
            self.busy += 1
            self.most_at_once = max(self.most_at_once, self.busy)
            try:
                if self.crowd is not None:
                    await self.crowd.arrive()
                self.seen.append((await request.json())["update_id"])
                self.secrets.add(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
                return web.json_response({})
            finally:
                self.busy -= 1
                if self.crowd is not None:
                    self.crowd.leave()

        app = web.Application()
        app.router.add_post("/hook", receive)
        return app


@contextlib.asynccontextmanager
async def hooked(emu: TelegramEmulator, *workers: Worker) -> AsyncIterator[list[str]]:
    """Two stand-in workers on local ports; the webhook is set to the first, as each real worker sets it."""
    async with aiogram_bot(emu) as client, serving(workers[0].app()) as first, serving(workers[1].app()) as second:
        await client.set_webhook(f"{first}/hook", secret_token="s3cret")
        yield [f"{first}/hook", f"{second}/hook"]


@pytest.fixture
async def emu():
    async with TelegramEmulator() as emulator:
        yield emulator


async def test_spread_updates_go_to_each_worker_in_turn_and_are_all_confirmed(emu):
    one, two = Worker(), Worker()
    async with hooked(emu, one, two) as urls:
        emu.spread_webhook(urls, parallel=1)
        ann = emu.add_user("Ann")
        sent = [emu.user_sends(ann["id"], f"neges {n}")["update_id"] for n in range(10)]
        await emu.settle()
    assert sorted(one.seen + two.seen) == sent
    assert len(one.seen) == len(two.seen) == 5
    assert one.secrets == two.secrets == {"s3cret"}
    assert emu.pending_updates == []


async def test_spread_updates_are_delivered_several_at_once_but_never_more_than_asked(emu):
    crowd = Crowd(wanted=6)
    one, two = Worker(crowd), Worker(crowd)
    async with hooked(emu, one, two) as urls:
        emu.spread_webhook(urls, parallel=6)
        ann = emu.add_user("Ann")
        for n in range(12):
            emu.user_sends(ann["id"], f"neges {n}")
        async with asyncio.timeout(5):
            await crowd.full.wait()  # six POSTs open at once: one at a time would never get here
        await emu.settle()
    assert len(one.seen) + len(two.seen) == 12
    assert crowd.most_at_once == 6


async def test_to_every_worker_delivers_each_update_to_all_of_them(emu):
    one, two = Worker(), Worker()
    async with hooked(emu, one, two) as urls:
        emu.spread_webhook(urls, to_every=True)
        ann = emu.add_user("Ann")
        sent = [emu.user_sends(ann["id"], f"neges {n}")["update_id"] for n in range(5)]
        await emu.settle()
    assert sorted(one.seen) == sorted(two.seen) == sent


async def test_an_empty_spread_goes_back_to_the_webhook_one_update_at_a_time(emu):
    one, two = Worker(), Worker()
    async with hooked(emu, one, two) as urls:
        emu.spread_webhook(urls, parallel=4)
        emu.spread_webhook([])
        ann = emu.add_user("Ann")
        sent = [emu.user_sends(ann["id"], f"neges {n}")["update_id"] for n in range(4)]
        await emu.settle()
    assert one.seen == sent and two.seen == []
    assert one.most_at_once == 1
