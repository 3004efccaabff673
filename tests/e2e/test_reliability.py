"""Telegram's realities: redelivered updates, 429s, people who never pressed Start, migration."""

from tests.e2e.conftest import reply_in_group


async def test_the_same_update_delivered_twice_changes_nothing(emulator, people, world):
    alys = people["Alys"]
    await alys.send("/start")
    press = await alys.tap("Cymraeg")
    replies_before = len(alys.inbox())
    calls_before = len(emulator.calls)
    emulator.redeliver(press)
    await emulator.settle()
    assert len(alys.inbox()) == replies_before
    assert [m for m, _ in emulator.calls[calls_before:] if m not in ("getUpdates",)] == []
    async with world.criw.uow() as uow:
        assert (await uow.people.by_telegram_id(alys.id)).language == "cy"


async def test_a_429_is_waited_out_and_the_message_still_arrives(emulator, people):
    ben = people["Ben"]
    emulator.fail_next("sendMessage", error_code=429, retry_after=1)
    await ben.send("/start")
    assert "Welcome to Criw" in (ben.last())
    assert emulator.stats.retry_after_sent >= 1


async def test_a_person_who_never_started_the_bot_is_not_messaged_privately_and_nothing_crashes(
    emulator, group, people, world
):
    dafydd, ceri = people["Dafydd"], people["Ceri"]
    emulator.add_bot_to_group(group["id"], dafydd.id)
    await emulator.settle()
    await reply_in_group(emulator, group, ceri, "Shwmae", dafydd, "/coordinator")
    await dafydd.tap("Ceri", chat=group)
    assert "Ceri nawr yn gydlynydd" in (dafydd.last(group))
    assert ceri.inbox() == []
    async with world.criw.uow() as uow:
        assert (await uow.people.by_telegram_id(ceri.id)).can_dm is False
    await dafydd.send("/help", chat=group)
    assert "Criw helps" in (dafydd.last(group))


async def test_a_group_upgraded_to_a_supergroup_keeps_its_coordinator(emulator, group, people, world):
    dafydd = people["Dafydd"]
    emulator.add_bot_to_group(group["id"], dafydd.id)
    await emulator.settle()
    new_id = emulator.migrate_to_supergroup(group["id"])
    await emulator.settle()
    async with world.criw.uow() as uow:
        moved = await uow.groups.by_chat(new_id)
        assert moved is not None
        assert await uow.memberships.count_coordinators(moved.id) == 1
        assert await uow.groups.by_chat(group["id"]) is None


async def test_a_person_who_blocks_the_bot_is_marked_unreachable(emulator, people, world):
    ben = people["Ben"]
    await ben.send("/start")
    emulator.user_blocks_bot(ben.id)
    await emulator.settle()
    async with world.criw.uow() as uow:
        assert (await uow.people.by_telegram_id(ben.id)).can_dm is False
