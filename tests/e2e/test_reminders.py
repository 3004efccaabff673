"""Reminders are never lost and never sent twice, and go out within Telegram's limits."""

import asyncio
from datetime import timedelta

from bot.playground.demo import running_demo
from tests.e2e.conftest import ENGLISH, add_bot, start_in, write_proposal

NUDGE = "⏰ Voting on Road trip closes"


async def a_proposal_with_members_who_have_not_voted(world, count):
    """`count` members who pressed Start from the group link (so the bot knows them), and a proposal."""
    emulator, group = world.emulator, world.group
    await add_bot(world)
    await start_in(world.people["Ben"], ENGLISH, group=group)
    members = [emulator.add_user(f"Member {n}", language_code="en") for n in range(count)]
    for member in members:
        emulator.set_member_status(group["id"], member["id"], "member")
        emulator.user_sends(member["id"], f"/start g{group['id']}")
    await emulator.settle(timeout=60)
    await write_proposal(world, world.people["Ben"], ENGLISH, "Road trip")
    return members


def nudges(emulator, members):
    return {m["id"]: sum(NUDGE in msg["text"] for msg in emulator.bot_messages(m["id"])) for m in members}


async def test_a_crash_half_way_through_sending_loses_nothing_and_repeats_at_most_one(world, clock):
    members = await a_proposal_with_members_who_have_not_voted(world, 200)
    clock.advance(timedelta(days=6, hours=1))  # the closing-soon nudge is due (and it is daytime)
    sender = asyncio.create_task(world.criw.delivery(world.transport).run_once())
    await world.emulator.wait_until(lambda: sum(nudges(world.emulator, members).values()) >= 100, timeout=60)
    sender.cancel()  # no clean shutdown: the process "dies" mid-send
    await asyncio.gather(sender, return_exceptions=True)
    await world.restart()
    await world.tick()
    counts = nudges(world.emulator, members)
    assert all(count >= 1 for count in counts.values())
    assert sum(count - 1 for count in counts.values()) <= 1
    async with world.criw.uow() as uow:
        assert len(await uow.reminders.in_state("sent")) >= 201  # the fan-out and every person's nudge
        assert await uow.reminders.in_state("sending") == []
        assert [r.kind for r in await uow.reminders.in_state("pending")] == ["vote_close"]  # not due yet


async def test_a_reminder_whose_answer_comes_after_the_timeout_is_not_sent_again(tmp_path, transport, clock):
    async with running_demo(db=str(tmp_path / "slow.db"), transport=transport, clock=clock, group_edit_seconds=0.5,
                            telegram_timeout=1) as world:
        members = await a_proposal_with_members_who_have_not_voted(world, 2)
        clock.advance(timedelta(days=6, hours=1))  # the closing-soon nudges are due
        # Telegram delivers the first nudge at once but answers after the bot has stopped waiting.
        world.emulator.slow_next("sendMessage", 3, carried_out=True)
        await world.tick()
        await world.emulator.settle(5)
        clock.advance(timedelta(hours=1))  # long past any retry's backoff
        await world.tick()
        counts = nudges(world.emulator, [*members, {"id": world.people["Ben"].id}])
        assert sorted(counts.values()) == [1, 1, 1]  # each nudged once, the slow one too
        async with world.criw.uow() as uow:
            assert len(await uow.reminders.in_state("unknown")) == 1  # and it says so


async def test_under_telegrams_limits_and_injected_429s_every_reminder_arrives(world, clock):
    members = await a_proposal_with_members_who_have_not_voted(world, 40)
    emulator = world.emulator
    emulator.enforce_rate_limits(global_per_sec=30, group_per_min=20, chat_per_sec=1)
    emulator.stats.reset()
    emulator.fail_next("sendMessage", error_code=429, retry_after=1, times=3)
    clock.advance(timedelta(days=6, hours=1))
    await world.tick()
    assert all(count == 1 for count in nudges(emulator, members).values())
    assert emulator.stats.violations == 0
    assert emulator.stats.retry_after_sent == 3  # only the injected ones: the limiter never caused a 429


async def test_a_vote_closed_early_cancels_its_reminders_in_the_same_transaction(world, clock):
    await add_bot(world)
    ben = world.people["Ben"]
    await start_in(ben, ENGLISH, group=world.group)
    await write_proposal(world, ben, ENGLISH, "Cinema")
    await ben.tap("Withdraw it")
    async with world.criw.uow() as uow:
        kinds = sorted(r.kind for r in await uow.reminders.in_state("cancelled"))
    assert kinds == ["vote_close", "vote_nudge"]
    clock.advance(timedelta(days=8))
    await world.tick()
    assert "Not enough people" not in world.emulator.last_bot_message(world.group["id"])["text"]


async def test_a_coordinator_switches_off_vote_nudges_for_the_group_and_none_are_planned(world, clock):
    await add_bot(world)
    dafydd, ben, group = world.people["Dafydd"], world.people["Ben"], world.group
    await start_in(ben, ENGLISH, group=group)
    await dafydd.send("/reminders", chat=group)
    assert "✅ Private nudge before a vote closes" in dafydd.last(group)
    await dafydd.tap("⛔ Private nudge", chat=group)
    assert "⛔ Private nudge before a vote closes" in dafydd.last(group)
    await write_proposal(world, ben, ENGLISH, "Quiz")
    async with world.criw.uow() as uow:
        assert [r.kind for r in await uow.reminders.in_state("pending")] == ["vote_close"]


async def test_a_member_cannot_switch_the_groups_reminders(world):
    await add_bot(world)
    dafydd, ben, group = world.people["Dafydd"], world.people["Ben"], world.group
    await dafydd.send("/reminders", chat=group)
    message = world.emulator.last_bot_message(group["id"])
    world.emulator.user_presses(ben.id, group["id"], message["message_id"], "1|rk|vote_nudge|0")
    await world.emulator.settle()
    assert "only the group's coordinators" in world.emulator.callback_answers[-1]["text"]


async def test_quiet_hours_are_chosen_in_settings(world):
    ben = world.people["Ben"]
    await start_in(ben, ENGLISH)
    await ben.send("/settings")
    assert "🌙 Quiet hours: 21:00–08:00" in ben.last()
    await ben.tap("Change quiet hours")
    await ben.tap("22:00–07:00")
    assert "🌙 Quiet hours: 22:00–07:00" in ben.last()
