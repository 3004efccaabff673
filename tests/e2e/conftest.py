"""End-to-end: the real bot (real transport, real HTTP) against the local Telegram emulator."""

from __future__ import annotations

import pytest

from bot.playground.demo import running_demo


@pytest.fixture
async def world(tmp_path):
    """A demo world: emulator, bot, a group "Cerddwyr Caerdydd" and four people (not yet started)."""
    async with running_demo(db=str(tmp_path / "e2e.db")) as world:
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
