"""Both transports are the same bot: the same tour, webhooks with the secret checked, updates in strict order."""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import pytest
from aiohttp import web

from bot.bootstrap import Criw, build, make_transport
from bot.playground.demo import running_demo
from bot.playground.emulator import TelegramEmulator
from bot.playground.phone import Phone
from bot.settings import load_settings
from tests.e2e.conftest import TRANSPORTS

SECRET = "s3cret-token_for-tests"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def tour_transcript(transport: str, cwd) -> str:
    env = {key: value for key, value in os.environ.items() if not key.startswith("CRIW_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--tour", "--transport", transport],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def normalised(transcript: str) -> str:
    """The transcript without what may differ between runs: ids (long numbers) and clock times."""
    without_times = re.sub(r"\b\d{1,2}:\d{2}(:\d{2})?\b", "<time>", transcript)
    return re.sub(r"-?\b\d{4,}\b", "<id>", without_times)


def test_the_demo_tour_reads_the_same_on_both_transports(tmp_path):
    aiogram, ptb = (tour_transcript(transport, tmp_path) for transport in TRANSPORTS)
    assert "Croeso i Criw" in aiogram and "Welcome to Criw" in aiogram
    assert normalised(ptb) == normalised(aiogram)


# -- webhooks ----------------------------------------------------------------------------------------


@dataclass
class HookedBot:
    emulator: TelegramEmulator
    criw: Criw
    url: str


@contextlib.asynccontextmanager
async def bot_on_a_webhook(transport: str, database: str) -> AsyncIterator[HookedBot]:
    """The real bot serving its webhook app on a free local port, with the emulator pointed at it."""
    async with TelegramEmulator() as emulator:
        settings = load_settings(
            bot_token=emulator.token, telegram_api=emulator.base_url, transport=transport,
            database_url=f"sqlite+aiosqlite:///{database}", webhook_url="", webhook_secret=SECRET,
        )
        criw = await build(settings)
        bot = make_transport(criw, emulator.token, emulator.base_url)
        runner = web.AppRunner(bot.webhook_app(SECRET, "/telegram"), access_log=None)
        await runner.setup()
        try:
            await web.TCPSite(runner, "127.0.0.1", 0).start()
            host, port = runner.addresses[0][:2]
            url = f"http://{host}:{port}/telegram"
            await bot.set_webhook(url, SECRET)
            yield HookedBot(emulator, criw, url)
        finally:
            await runner.cleanup()
            await bot.stop()
            await criw.close()


@pytest.fixture
async def hooked(transport, tmp_path):
    async with bot_on_a_webhook(transport, str(tmp_path / "webhook.db")) as bot:
        yield bot


def start_update(user: dict) -> dict:
    """A private /start from `user`, as Telegram would POST it."""
    chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
    sender = {"id": user["id"], "is_bot": False, "first_name": user["first_name"], "language_code": "en"}
    message = {"message_id": 1, "date": 1_700_000_000, "chat": chat, "from": sender, "text": "/start"}
    return {"update_id": 777, "message": message}


async def test_on_a_webhook_a_person_who_presses_start_gets_the_bilingual_welcome(hooked):
    emulator = hooked.emulator
    ben = Phone(emulator, emulator.add_user("Ben", language_code="en"))
    await ben.send("/start")
    welcome = ben.last()
    assert welcome.index("Croeso i Criw") < welcome.index("Welcome to Criw")
    assert ben.buttons() == ["Cymraeg", "English"]
    await ben.tap("English")
    assert "I'll write to you in English" in ben.inbox()[0]["text"]
    assert "getUpdates" not in emulator.stats.calls
    assert emulator.webhook_failures == []
    assert emulator.commands(language_code="cy") and emulator.commands(language_code="en")


async def test_on_a_webhook_a_post_without_the_right_secret_is_refused_and_changes_nothing(hooked):
    emulator = hooked.emulator
    eve = emulator.add_user("Eve", language_code="en")
    calls_before = len(emulator.calls)
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {SECRET_HEADER: "guessed"}, {SECRET_HEADER: SECRET + "x"}):
            async with session.post(hooked.url, json=start_update(eve), headers=headers) as response:
                assert response.status == 401
        assert emulator.calls[calls_before:] == []
        async with hooked.criw.uow() as uow:
            assert await uow.people.by_telegram_id(eve["id"]) is None
        # The very same update with the right secret is taken: the refusal was about the secret alone.
        async with session.post(hooked.url, json=start_update(eve), headers={SECRET_HEADER: SECRET}) as response:
            assert response.status == 200
    async with hooked.criw.uow() as uow:
        assert await uow.people.by_telegram_id(eve["id"]) is not None


# -- polling: strict order, and recovery -------------------------------------------------------------


async def test_each_update_is_handled_before_the_next_getupdates_confirms_it(emulator, people):
    """What makes `settle` (and a crash) safe: an update's offset is confirmed only after its replies."""
    phones = [people[name] for name in ("Alys", "Ben", "Ceri")]
    sent = [emulator.user_sends(phone.id, "/start") for phone in phones]  # all queued before the bot looks
    await emulator.settle()
    calls = emulator.calls
    for phone, update in zip(phones, sent, strict=True):
        replied = next(i for i, (m, p) in enumerate(calls) if m == "sendMessage" and int(p["chat_id"]) == phone.id)
        confirmed = next(
            i for i, (m, p) in enumerate(calls)
            if m == "getUpdates" and int(p.get("offset") or 0) > update["update_id"]
        )
        assert replied < confirmed, f"{phone.name}'s update was confirmed before it was answered"
    assert all("Croeso i Criw" in phone.last() for phone in phones)


async def test_polling_recovers_when_getupdates_is_refused_with_429_and_502(emulator, people):
    ben = people["Ben"]
    emulator.fail_next("getUpdates", error_code=429, retry_after=1)
    emulator.fail_next("getUpdates", error_code=502, description="Bad Gateway", retry_after=None)
    await ben.send("/start")
    assert "Welcome to Criw" in ben.last()
    assert emulator.stats.errors[429] == 1 and emulator.stats.errors[502] == 1


async def test_an_edit_telegram_calls_not_modified_is_ignored_and_the_flow_goes_on(emulator, people):
    ben = people["Ben"]
    await ben.send("/start")
    for label in ("English", "No, thanks", "Yes, please"):
        await ben.tap(label)
    await ben.send("/settings")
    settings = ben.inbox()[-1]
    await ben.tap("Turn Easy Read on")
    press = next(b for row in settings["reply_markup"]["inline_keyboard"] for b in row if "Easy Read" in b["text"])
    emulator.user_presses(ben.id, ben.id, settings["message_id"], press["callback_data"], forged=True)
    await emulator.settle()  # the same press again: the edit is identical, Telegram answers 400
    assert emulator.stats.errors[400] >= 1
    assert ben.last().startswith("⚙️ Your settings")
    assert not any("Sorry" in message["text"] for message in ben.inbox())


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # PTB 22 warns that int periods will go
async def test_ptb_waits_out_a_429_whether_retry_after_comes_as_seconds_or_a_timedelta(tmp_path, monkeypatch):
    for form in ("false", "true"):  # PTB_TIMEDELTA: int seconds (PTB 22's default) or timedelta (PTB 23's)
        monkeypatch.setenv("PTB_TIMEDELTA", form)
        async with running_demo(db=str(tmp_path / f"{form}.db"), transport="ptb") as world:
            ben = world.people["Ben"]
            world.emulator.fail_next("sendMessage", error_code=429, retry_after=1)
            await ben.send("/start")
            assert "Welcome to Criw" in ben.last()
            assert world.emulator.stats.retry_after_sent == 1
