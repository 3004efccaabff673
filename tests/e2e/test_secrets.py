"""Secrets stay secret: through a whole scenario on a webhook (faults, retries, refusals, a wrong secret)
with every logger at DEBUG, the bot token and the webhook secret appear in no log line and no message; at
the default level the logs carry ids, not people's names or what they wrote."""

from __future__ import annotations

import logging

import aiohttp
import pytest

from bot.playground.phone import Phone
from bot.settings import load_settings
from tests.e2e.test_transports import SECRET, SECRET_HEADER, bot_on_a_webhook, start_update

NAME, WORDS = "Gwenllian Zebedee", "my secret diary entry about Zebedee"


class Captured(logging.Handler):
    """Every record, formatted with its traceback, as a log file would hold it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.levelno, self.format(record)))


@pytest.fixture
def logs():
    root, captured = logging.getLogger(), Captured()
    level = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(captured)
    yield captured
    root.removeHandler(captured)
    root.setLevel(level)


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
    assert [line for line in default if "Zebedee" in line or "Gwenllian" in line or "diary" in line] == []


def test_settings_never_show_the_token_or_the_secret():
    settings = load_settings(bot_token="123456:AAH-very-secret", webhook_secret="hook-secret")
    for shown in (repr(settings), str(settings), f"{settings}"):
        assert "very-secret" not in shown and "hook-secret" not in shown
