"""End-to-end: the real bot (real transport, real HTTP) against the local Telegram emulator."""

from __future__ import annotations

import pytest

from bot.playground.demo import running_demo

TRANSPORTS = ["aiogram", "ptb"]


@pytest.fixture(params=TRANSPORTS)
def transport(request):
    """The Telegram library under the bot: every e2e scenario runs once on each."""
    return request.param


@pytest.fixture
async def world(tmp_path, transport):
    """A demo world: emulator, bot, a group "Cerddwyr Caerdydd" and four people (not yet started)."""
    async with running_demo(db=str(tmp_path / "e2e.db"), transport=transport) as world:
        yield world


@pytest.fixture
def emulator(world):
    return world.emulator


@pytest.fixture
def group(world):
    return world.group


@pytest.fixture
def people(world):
    return world.people


async def reply_in_group(emulator, group, author, text, replier, command):
    """`author` says something in the group (the bot, in privacy mode, does not see it); then
    `replier` answers that message with `command`, which the bot does see."""
    emulator.user_sends(author.id, text, chat_id=group["id"])
    said = [m for m in emulator.chat_messages(group["id"]) if m.get("from", {}).get("id") == author.id][-1]
    emulator.user_sends(replier.id, command, chat_id=group["id"], reply_to_message_id=said["message_id"])
    await emulator.settle()
