"""What Telegram does to a bot, handled without losing anything: its post deleted by an admin, the bot
removed and added again, a member who blocked it, edited and deleted messages, a group upgraded to a
supergroup in the middle of a vote."""

from datetime import timedelta

from tests.e2e.conftest import ENGLISH, WELSH, group_post, write_proposal
from tests.e2e.meetup_steps import everyone_started


async def settled(world):
    await world.criw.dispatcher.group_edits.flush()
    await world.emulator.settle()


def calls_to(emulator, chat_id, since=0, methods=("sendMessage", "editMessageText", "editMessageReplyMarkup")):
    return [params for method, params in emulator.calls[since:]
            if method in methods and str(params.get("chat_id")) == str(chat_id)]


async def proposal_row(world, proposal_id=1):
    async with world.criw.uow() as uow:
        return await uow.proposals.get(proposal_id)


async def test_a_vote_post_an_admin_deleted_is_posted_again_by_the_next_tally_edit(world):
    await everyone_started(world)
    emulator, group, people = world.emulator, world.group, world.people
    post = await write_proposal(world, people["Ben"], ENGLISH, "Cinema night")
    emulator.user_deletes(people["Dafydd"].id, group["id"], post["message_id"])
    yes = post["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    emulator.user_presses(people["Ceri"].id, group["id"], post["message_id"], yes, forged=True)  # pressed just before
    await settled(world)
    again = emulator.last_bot_message(group["id"])
    assert again["message_id"] != post["message_id"] and again.get("reply_markup")
    assert "📊 Ie 1 · Na 0 · Ymatal 0" in again["text"] and "Cinema night" in again["text"]
    assert (await proposal_row(world)).post_message_id == again["message_id"]
    await people["Alys"].tap("Ie", chat=group)
    await settled(world)
    assert "📊 Ie 2 · Na 0 · Ymatal 0" in group_post(world, again["message_id"])["text"]
    assert len([m for m in emulator.bot_messages(group["id"]) if "Cinema night" in m.get("text", "")]) == 1


async def test_removed_and_added_again_the_bot_sends_nothing_while_away_and_loses_nothing(world, clock):
    await everyone_started(world)
    emulator, group, people = world.emulator, world.group, world.people
    await write_proposal(world, people["Ben"], ENGLISH, "Bowling")
    await people["Alys"].tap("Ie", chat=group)
    await people["Ceri"].tap("Ie", chat=group)
    await people["Dafydd"].tap("No", chat=group)  # Ben could still make it a tie: it stays open
    emulator.remove_bot_from_group(group["id"], people["Dafydd"].id)
    await settled(world)
    away_since = len(emulator.calls)
    clock.advance(timedelta(days=8))
    await world.tick()  # the vote closes while the bot is away
    assert calls_to(emulator, group["id"], away_since) == []
    assert (await proposal_row(world)).state == "passed"
    emulator.add_bot_to_group(group["id"], people["Dafydd"].id)
    await settled(world)
    assert "Hello, I'm Criw" in emulator.last_bot_message(group["id"])["text"]
    async with world.criw.uow() as uow:
        criw_group = await uow.groups.by_chat(group["id"])
        assert criw_group.bot_present and await uow.memberships.count_coordinators(criw_group.id) == 1
        assert len(await uow.proposals.votes(1)) == 3 and await uow.proposals.meetup_for(1) is not None


async def test_a_member_who_blocked_the_bot_is_tried_once_and_then_left_alone(world, clock):
    await everyone_started(world)
    emulator, people = world.emulator, world.people
    ben = people["Ben"]
    await write_proposal(world, people["Alys"], WELSH, "Picnic")
    emulator.user_blocks_bot(ben.id)
    await settled(world)
    async with world.criw.uow() as uow:  # as if the bot had missed the news that Ben blocked it
        (await uow.people.by_telegram_id(ben.id)).can_dm = True
        await uow.commit()
    blocked_since = len(emulator.calls)
    for _ in range(4):  # the nudge before the vote closes, then the sender keeps running
        clock.advance(timedelta(days=2))
        await world.tick()
        await world.tick()
    assert len(calls_to(emulator, ben.id, blocked_since, ("sendMessage",))) == 1
    async with world.criw.uow() as uow:
        assert (await uow.people.by_telegram_id(ben.id)).can_dm is False


async def test_an_edited_or_deleted_message_changes_nothing(world):
    await everyone_started(world)
    emulator, alys = world.emulator, world.people["Alys"]
    await alys.start(f"p{world.group['id']}")
    await alys.send("Bowlio")
    typed = [m for m in emulator.chat_messages(alys.id) if m.get("text") == "Bowlio"][-1]
    said_before = len(alys.inbox())
    emulator.user_edits(alys.id, alys.id, typed["message_id"], "Dartiau")
    emulator.user_deletes(alys.id, alys.id, typed["message_id"])
    await emulator.settle()
    assert len(alys.inbox()) == said_before  # the bot doesn't even ask Telegram for edits
    assert any("edited_message" in update for update in emulator.updates) and emulator.pending_updates == []
    async with world.criw.uow() as uow:
        person = await uow.people.by_telegram_id(alys.id)
        assert (await uow.conversations.get(person.id)).data["draft"]["title"] == "Bowlio"


async def test_a_group_upgraded_mid_vote_keeps_voting_and_hears_the_outcome_at_its_new_id(world, clock):
    await everyone_started(world)
    emulator, group, people = world.emulator, world.group, world.people
    post = await write_proposal(world, people["Ben"], ENGLISH, "Quiz night")
    await people["Alys"].tap("Ie", chat=group)
    new_id = emulator.migrate_to_supergroup(group["id"])
    await settled(world)
    await people["Ceri"].tap("Ie", chat=new_id)
    await people["Dafydd"].tap("No", chat=new_id)
    await settled(world)
    assert "📊 Ie 2 · Na 1 · Ymatal 0" in next(
        m for m in emulator.chat_messages(new_id) if m["message_id"] == post["message_id"])["text"]
    clock.advance(timedelta(days=8))
    await world.tick()
    assert any("✅ Agreed: Quiz night" in m.get("text", "") for m in emulator.bot_messages(new_id))
    assert calls_to(emulator, group["id"], methods=("sendMessage",))[-1]["text"].startswith("🗳️")  # not since
    async with world.criw.uow() as uow:
        assert (await uow.groups.by_chat(new_id)).id == (await proposal_row(world)).group_id
