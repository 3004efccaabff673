"""Secrets stay secret: through a whole scenario on a webhook (faults, retries, refusals, a wrong secret)
with every logger at DEBUG, the bot token and the webhook secret appear in no log line and no message; at
the default level the logs carry ids, not people's names or what they wrote."""

from __future__ import annotations

import logging

import aiohttp

from bot.playground.phone import Phone
from bot.settings import load_settings
from tests.e2e.test_transports import SECRET, SECRET_HEADER, bot_on_a_webhook, start_update

NAME, WORDS = "Gwenllian Zebedee", "my secret diary entry about Zebedee"


async def scenario(hooked) -> None:
    """Start, a stray message, Telegram failing and rate-limiting, a forged button, a wrong secret."""
    emulator = hooked.emulator
    gwen = Phone(emulator, emulator.add_user(NAME, language_code="en"))
    await gwen.send("/start")
    await gwen.tap("English")
    emulator.fail_next("sendMessage", error_code=502, times=3)
    await gwen.send(WORDS)
    emulator.fail_next("sendMessage", error_code=429, retry_after=1)
    await gwen.send("/settings")
    emulator.user_presses(gwen.id, gwen.id, gwen.inbox()[-1]["message_id"], "1|forget|1|y", forged=True)
    await emulator.settle()
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {SECRET_HEADER: "guessed"}):
            async with session.post(hooked.url, json=start_update(gwen.user), headers=headers) as response:
                assert response.status == 401


async def test_neither_the_token_nor_the_webhook_secret_is_ever_logged_or_sent(transport, tmp_path, logs):
    async with bot_on_a_webhook(transport, str(tmp_path / "secrets.db")) as hooked:
        token = hooked.emulator.token
        await scenario(hooked)
        sent = [message.get("text", "") for chat in list(hooked.emulator.world.chats)
                for message in hooked.emulator.bot_messages(chat)]
    assert len(logs.lines) > 50  # DEBUG really was on
    for secret in (token, token.split(":", 1)[1], SECRET):
        assert [line for _, line in logs.lines if secret in line] == []
        assert [text for text in sent if secret in text] == []
    assert any("Sorry, something went wrong on our side" in text for text in sent)  # the failure did happen


async def test_at_the_default_level_the_logs_name_no_one_and_quote_nothing(transport, tmp_path, logs):
    async with bot_on_a_webhook(transport, str(tmp_path / "names.db")) as hooked:
        await scenario(hooked)
    default = [line for level, line in logs.lines if level >= logging.INFO]
    assert default  # something was logged, the failure with its traceback among it
    assert personal([(logging.INFO, line) for line in default]) == []


def personal(lines: list[tuple[int, str]]) -> list[str]:
    return [line for _, line in lines if "Zebedee" in line or "Gwenllian" in line or "diary" in line]


async def test_at_debug_too_the_logs_name_no_one_and_quote_nothing_on_a_webhook(transport, tmp_path, logs):
    async with bot_on_a_webhook(transport, str(tmp_path / "debug.db")) as hooked:
        await scenario(hooked)
    assert any(level == logging.DEBUG for level, _ in logs.lines)  # DEBUG really was on
    assert personal(logs.lines) == []


async def test_at_debug_too_the_logs_name_no_one_and_quote_nothing_when_polling(logs, world):
    gwen = Phone(world.emulator, world.emulator.add_user(NAME, language_code="en"))
    await gwen.send("/start")
    await gwen.tap("English")
    world.emulator.fail_next("sendMessage", error_code=502, times=3)
    await gwen.send(WORDS)
    await gwen.send("/mydata")
    assert any(level == logging.DEBUG for level, _ in logs.lines)
    assert personal(logs.lines) == []


def test_settings_never_show_the_token_or_the_secret():
    settings = load_settings(bot_token="123456:AAH-very-secret", webhook_secret="hook-secret")
    for shown in (repr(settings), str(settings), f"{settings}"):
        assert "very-secret" not in shown and "hook-secret" not in shown
