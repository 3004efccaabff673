"""A webhook POST with the right secret but a body that is not an update is answered 400 with one log line,
never a 500 or a traceback; an update the library cannot read is answered 200 (Telegram would otherwise send
it again for ever) and skipped with one line. On both transports, over real HTTP."""

from __future__ import annotations

import json
import logging

import aiohttp
import pytest

from bot.playground.phone import Phone
from tests.e2e.test_transports import SECRET, SECRET_HEADER, bot_on_a_webhook, start_update

NOT_UPDATES = {
    "malformed JSON": b'{"update_id": 1, "message": ',
    "an array": b"[1, 2, 3]",
    "a string": b'"update"',
    "null": b"null",
    "a non-numeric update_id": b'{"update_id": "12a", "message": {}}',
    "a boolean update_id": b'{"update_id": true}',
    "not UTF-8": b'{"update_id": 5, "message": {"text": "\xff\xfe\xfd"}}',
    "deep nesting": b'{"update_id": 6, "message": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
}


@pytest.fixture
async def hooked(transport, tmp_path):
    async with bot_on_a_webhook(transport, str(tmp_path / "webhook.db")) as bot:
        yield bot


async def post(url: str, body: bytes) -> int:
    headers = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as session, session.post(url, data=body, headers=headers) as response:
        return response.status


def said(logs, since: int) -> list[str]:
    return [line for level, line in logs.lines[since:] if level >= logging.INFO]


@pytest.mark.parametrize("kind", NOT_UPDATES)
async def test_a_body_that_is_not_an_update_is_refused_cleanly(hooked, logs, kind):
    before = len(logs.lines)
    assert await post(hooked.url, NOT_UPDATES[kind]) == 400
    lines = said(logs, before)
    assert len(lines) == 1 and "refused" in lines[0], lines
    assert [line for _, line in logs.lines[before:] if "Traceback" in line] == []
    ben = Phone(hooked.emulator, hooked.emulator.add_user("Ben", language_code="en"))
    await ben.send("/start")  # and the next real update is taken as usual
    assert "Welcome to Criw" in ben.last()


async def test_an_update_the_library_cannot_read_is_answered_200_and_skipped_with_one_line(hooked, logs):
    zebedee = hooked.emulator.add_user("Zebedee Quillfeather", language_code="en")
    unreadable = start_update(zebedee)
    del unreadable["message"]["from"]["is_bot"]  # every library requires it
    before = len(logs.lines)
    assert await post(hooked.url, json.dumps(unreadable).encode()) == 200
    lines = said(logs, before)
    assert len(lines) == 1 and "update 777 skipped" in lines[0] and "is_bot" in lines[0], lines
    assert [line for _, line in logs.lines if "Traceback" in line or "Zebedee" in line] == []
    assert hooked.emulator.bot_messages(zebedee["id"]) == []
