"""The shared record of live-post edits, on SQLite and PostgreSQL."""

import asyncio

import pytest

from bot.store.database import create_engine
from bot.store.edit_slots import DatabaseSlots
from bot.store.migrate import upgrade


@pytest.fixture
async def slots(database_url):
    engine = create_engine(database_url)
    await upgrade(engine)
    yield DatabaseSlots(engine)
    await engine.dispose()


async def test_an_edit_is_taken_once_per_interval_and_counted(slots):
    first = await slots.take("tally:1", 1000.0, 3.5)
    too_soon = await slots.take("tally:1", 1002.0, 3.5)
    later = await slots.take("tally:1", 1003.5, 3.5)
    assert (first.taken, first.version) == (True, 1)
    assert (too_soon.taken, too_soon.edited_at, too_soon.version) == (False, 1000.0, 1)
    assert (later.taken, later.edited_at, later.version) == (True, 1003.5, 2)


async def test_posts_keep_separate_records(slots):
    assert (await slots.take("tally:1", 1000.0, 3.5)).taken
    assert (await slots.take("tally:2", 1000.0, 3.5)).taken


async def test_of_many_workers_asking_at_the_same_moment_exactly_one_gets_the_edit(slots):
    await slots.take("tally:7", 1000.0, 3.5)
    answers = await asyncio.gather(*(slots.take("tally:7", 1010.0, 3.5) for _ in range(8)))
    assert sum(answer.taken for answer in answers) == 1
