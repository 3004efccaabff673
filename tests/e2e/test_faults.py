"""Faults, injected into the real bot: the database locked or its connections dropped, Telegram answering 5xx
or too slowly, the process killed in the middle of an update. Each update is retried, or the person is told
truthfully to try again (or that what they did was saved), and nothing is half-written or done twice."""

import asyncio
import contextlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.playground.demo import running_demo
from tests.conftest import E2E_ON_POSTGRES, POSTGRES_URL, reset_postgres
from tests.e2e.conftest import ENGLISH, start_in

sqlite_only = pytest.mark.skipif(E2E_ON_POSTGRES, reason="holds SQLite's own file lock")
SORRY_NOTHING = "Sorry, something went wrong on our side. Nothing was changed. Please try again."
SORRY_SAVED = "Sorry, I was interrupted before I could finish. What you did has been saved"
SORRY_DATABASE = "Sorry, I can't reach my records just now. Nothing was changed. Please try again in a minute."


async def language_of(world, phone):
    async with world.criw.uow() as uow:
        person = await uow.people.by_telegram_id(phone.id)
        return person.language if person else None


def texts(phone):
    return [message.get("text", "") for message in phone.inbox()]


def told(phone, words):
    """The person was told, in a pop-up or a message."""
    return any(words in said for said in [*phone.popups, *texts(phone)])


@contextlib.contextmanager
def locked(database: Path):
    """Another program holds SQLite's write lock on the bot's database until the block ends."""
    holder = sqlite3.connect(database, timeout=0, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@contextlib.asynccontextmanager
async def tuned_world(tmp_path, transport, clock, **settings):
    async with running_demo(db=str(tmp_path / "faults.db"), transport=transport, clock=clock,
                            group_edit_seconds=0.5, **settings) as world:
        yield world


# -- the database ---------------------------------------------------------------------------------------------


@sqlite_only
async def test_a_write_waits_out_a_brief_lock_and_nobody_notices(tmp_path, transport, clock):
    async with tuned_world(tmp_path, transport, clock) as world:
        ben = world.people["Ben"]
        await ben.send("/start")
        with locked(tmp_path / "faults.db"):
            world.emulator.user_presses(ben.id, ben.id, ben.inbox()[-1]["message_id"], "1|lang|en|setup")
            await asyncio.sleep(0.5)  # the lock is held while the bot tries to record the choice
        await world.emulator.settle()
        assert await language_of(world, ben) == "en"
        assert not any("Sorry" in line for line in texts(ben))


@sqlite_only
async def test_a_lock_longer_than_the_wait_is_retried_and_the_update_still_goes_through(tmp_path, transport, clock):
    async with tuned_world(tmp_path, transport, clock, database_wait_seconds=0.2) as world:
        ben = world.people["Ben"]
        await ben.send("/start")
        with locked(tmp_path / "faults.db"):
            world.emulator.user_presses(ben.id, ben.id, ben.inbox()[-1]["message_id"], "1|lang|en|setup")
            await asyncio.sleep(0.6)  # "database is locked" at least once: the dispatcher tries again
        await world.emulator.settle()
        assert await language_of(world, ben) == "en"
        assert "Would you like Easy Read" in ben.last() or "Easy Read" in ben.last()
        assert not any("Sorry" in line for line in texts(ben))


@sqlite_only
async def test_a_database_locked_for_too_long_gets_a_friendly_try_again_and_changes_nothing(tmp_path, transport,
                                                                                             clock):
    async with tuned_world(tmp_path, transport, clock, database_wait_seconds=0.2) as world:
        ben = world.people["Ben"]
        await ben.send("/start")
        choice = ben.inbox()[-1]["message_id"]
        with locked(tmp_path / "faults.db"):
            world.emulator.user_presses(ben.id, ben.id, choice, "1|lang|en|setup")
            await world.emulator.wait_until(lambda: told(ben, SORRY_DATABASE), 10)
        await world.emulator.settle()
        assert await language_of(world, ben) is None  # nothing half-written
        await ben.tap("English", message=choice)  # Ben tries again, and it works
        assert await language_of(world, ben) == "en"


@pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL: set CRIW_TEST_POSTGRES_URL")
async def test_dropped_database_connections_are_replaced_without_anyone_noticing(request, transport, clock):
    url = request.getfixturevalue("postgres_database")
    await reset_postgres(url)
    async with running_demo(transport=transport, clock=clock, database_url=url) as world:
        ben = world.people["Ben"]
        await start_in(ben, ENGLISH)
        async with world.criw.engine.connect() as connection:  # as when PostgreSQL restarts
            await connection.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                          "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        await ben.send("/settings")
        assert ben.last().startswith("⚙️ Your settings")
        assert not any("Sorry" in line for line in texts(ben))


# -- Telegram -------------------------------------------------------------------------------------------------


async def test_a_brief_telegram_outage_is_retried_and_the_reply_arrives_once(world):
    ben = world.people["Ben"]
    world.emulator.fail_next("sendMessage", error_code=502, times=2)
    await ben.send("/start")
    assert [line for line in texts(ben) if "Welcome to Criw" in line] == [ben.last()]
    assert world.emulator.stats.errors[502] == 2


async def test_telegram_down_for_longer_gets_a_true_apology_nothing_written_and_a_retry_works(world):
    ben = world.people["Ben"]
    await start_in(ben, ENGLISH)
    world.emulator.fail_next("sendMessage", error_code=502, times=3)  # every try of the reply fails
    await ben.send("/settings")
    assert ben.last() == SORRY_NOTHING
    await ben.send("/settings")
    assert ben.last().startswith("⚙️ Your settings")


async def test_telegram_failing_after_a_change_says_it_was_saved_and_does_not_do_it_twice(world):
    ben = world.people["Ben"]
    await ben.send("/start")
    world.emulator.fail_next("sendMessage", error_code=502, times=3)
    await ben.tap("English")
    assert await language_of(world, ben) == "en"
    assert told(ben, SORRY_SAVED)


async def test_a_slow_telegram_times_out_and_the_change_is_kept_once(tmp_path, transport, clock):
    async with tuned_world(tmp_path, transport, clock, telegram_timeout=1) as world:
        ben = world.people["Ben"]
        await ben.send("/start")
        world.emulator.slow_next("sendMessage", 3)  # the next question never comes back in time
        await ben.tap("English")
        await world.emulator.settle(10)
        assert await language_of(world, ben) == "en"
        assert told(ben, SORRY_SAVED)
        async with world.criw.uow() as uow:
            person = await uow.people.by_telegram_id(ben.id)
        assert person.easy_read is False  # and nothing else was guessed


# -- the process killed mid-update ----------------------------------------------------------------------------


async def test_killed_before_changing_anything_the_update_is_handled_again_after_the_restart(world):
    emulator, group, dafydd = world.emulator, world.group, world.people["Dafydd"]
    emulator.slow_next("getChatMember", 30)  # the bot is asking Telegram who added it when it dies
    emulator.add_bot_to_group(group["id"], dafydd.id)
    await emulator.wait_until(lambda: emulator.stats.calls["getChatMember"] >= 1)
    await world.bot.kill()
    await world.bot.start()
    await emulator.settle()
    welcomes = [m for m in emulator.bot_messages(group["id"]) if "Hello, I'm Criw" in m.get("text", "")]
    assert len(welcomes) == 1
    async with world.criw.uow() as uow:
        criw_group = await uow.groups.by_chat(group["id"])
        assert await uow.memberships.count_coordinators(criw_group.id) == 1


async def test_killed_after_a_change_the_redelivered_update_is_not_done_twice(world):
    emulator, ben = world.emulator, world.people["Ben"]
    await ben.send("/start")
    emulator.slow_next("sendMessage", 30)  # the language is saved; the next question hangs
    emulator.user_presses(ben.id, ben.id, ben.inbox()[-1]["message_id"], "1|lang|en|setup")
    await emulator.wait_until(lambda: emulator.stats.calls["sendMessage"] >= 2)
    await world.bot.kill()
    assert len(emulator.pending_updates) == 1  # never confirmed: Telegram delivers it again
    await world.bot.start()
    await emulator.settle()
    assert await language_of(world, ben) == "en"
    assert told(ben, SORRY_SAVED)
    async with world.criw.uow() as uow:
        update = await uow.updates.get(emulator.updates[-1]["update_id"])
    assert update.finished and update.wrote


async def test_a_member_lookup_telegram_answers_in_a_shape_nobody_can_read_is_skipped_not_fatal(world, caplog):
    """getChatMember only refines the picture: when its answer can't be decoded, the group command is still
    answered, and nobody is taken to be in the group on the strength of it."""
    emulator, group, ben = world.emulator, world.group, world.people["Ben"]
    emulator.add_bot_to_group(group["id"], world.people["Dafydd"].id)
    await emulator.settle()
    asked = emulator.stats.calls["getChatMember"]
    emulator.garble_next("getChatMember", {"status": "member", "user": {"id": ben.id}})  # no name, no is_bot
    await ben.send("/help", chat=group)
    assert emulator.stats.calls["getChatMember"] == asked + 1
    assert "Criw helps your group" in ben.last(group)
    assert not any("Sorry" in message.get("text", "") for message in emulator.bot_messages(group["id"]))
    assert [r.getMessage() for r in caplog.records if "getChatMember" in r.getMessage()] != []
    async with world.criw.uow() as uow:
        person = await uow.people.by_telegram_id(ben.id)
        criw_group = await uow.groups.by_chat(group["id"])
        assert await uow.memberships.find(person.id, criw_group.id) is None  # the safe default: not confirmed
