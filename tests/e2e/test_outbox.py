"""Group posts and announcements survive a crash or a Telegram outage: each is saved with the change that
causes it (the outbox), sent when Telegram takes it, and its message id kept so the tally can be edited.

Duplicates are counted: at most the one post in flight at a SIGKILL is posted twice."""

import asyncio
from datetime import timedelta

from tests.e2e import meetup_steps
from tests.e2e.conftest import ENGLISH, group_post
from tests.e2e.test_faults import SORRY_SAVED, told
from tests.e2e.test_proposals import everyone_started

PENDING = "💾 Your proposal is saved, but Telegram isn't answering just now."
NOT_IN_GROUP = "🚫 I'm not in that group any more, so I can't post your proposal there. Nothing was posted."


async def draft(world, phone, title):
    """Everything but pressing "Post it"."""
    await phone.start(f"p{world.group['id']}")
    await phone.send(title)
    await phone.tap(ENGLISH["skip"])
    await phone.send("5 December 14:30")
    await phone.tap(ENGLISH["carry_on"])
    await phone.tap(ENGLISH["skip"])
    await phone.tap(ENGLISH["done"])
    await phone.tap("7")


def press(world, phone, label, chat=None):
    """Press a button without waiting for the bot (it may be killed while handling it)."""
    chat_id = chat or phone.id
    message, button = phone._find_button(chat_id, label, None)
    world.emulator.user_presses(phone.id, chat_id, message["message_id"], button["callback_data"])


def posts_of(world, title):
    return [m for m in world.emulator.bot_messages(world.group["id"])
            if "New proposal from Ben" in m.get("text", "") and title in m.get("text", "")]


async def proposal_named(world, title):
    async with world.criw.uow() as uow:
        return next(p for p in await uow.proposals.open_in_group(1) if p.title == title)


async def tally_follows_votes(world, proposal):
    """A vote after the post is shown on the post whose message id was recorded."""
    await world.people["Dafydd"].tap("Yes", chat=world.group["id"], message=proposal.post_message_id)
    await world.criw.dispatcher.group_edits.flush()
    return "📊 Yes 1 · No 0 · Abstain 0" in group_post(world, proposal.post_message_id)["text"]


async def killed_while_posting(world, *, carried_out):
    """Ben presses "Post it"; the bot is killed while Telegram has the group post in hand."""
    await everyone_started(world)
    await draft(world, world.people["Ben"], "Picnic")
    sends = world.emulator.stats.calls["sendMessage"]
    world.emulator.slow_next("sendMessage", 5, carried_out=carried_out)
    press(world, world.people["Ben"], ENGLISH["post"])
    await world.emulator.wait_until(lambda: world.emulator.stats.calls["sendMessage"] > sends)
    await world.bot.kill()
    await asyncio.sleep(5)  # Telegram's slow answer comes and goes
    await world.bot.start()
    await world.emulator.settle()
    await world.tick()  # the scheduler's start-up puts the post in flight back in the queue and sends it


async def test_killed_while_posting_a_proposal_the_post_goes_out_after_the_restart_and_its_tally_works(world):
    await killed_while_posting(world, carried_out=False)
    proposal = await proposal_named(world, "Picnic")
    assert [post["message_id"] for post in posts_of(world, "Picnic")] == [proposal.post_message_id]
    assert told(world.people["Ben"], SORRY_SAVED)
    assert await tally_follows_votes(world, proposal)


async def test_a_post_that_went_out_but_whose_id_was_lost_is_posted_again_once_and_its_tally_works(world):
    await killed_while_posting(world, carried_out=True)
    proposal = await proposal_named(world, "Picnic")
    posts = [post["message_id"] for post in posts_of(world, "Picnic")]
    assert len(posts) == 2 and posts[-1] == proposal.post_message_id  # the one in flight at the kill: twice
    assert await tally_follows_votes(world, proposal)


async def test_telegram_failing_every_retry_of_a_new_post_says_so_and_posts_it_when_back(world, clock):
    await everyone_started(world)
    ben, group = world.people["Ben"], world.group
    await draft(world, ben, "Picnic")
    world.emulator.fail_next("sendMessage", error_code=502, times=3, chat_id=group["id"])
    await ben.tap(ENGLISH["post"])
    assert ben.last().startswith(PENDING)
    assert posts_of(world, "Picnic") == []
    clock.advance(timedelta(minutes=1))  # past the retry's backoff; Telegram is back
    await world.tick()
    proposal = await proposal_named(world, "Picnic")
    assert [post["message_id"] for post in posts_of(world, "Picnic")] == [proposal.post_message_id]
    assert ben.last() == "📣 Your proposal is in the group now, and people can vote: Picnic"
    assert await tally_follows_votes(world, proposal)


async def test_killed_while_announcing_a_passed_vote_the_outcome_and_meetup_are_posted_once_after_restart(world):
    await everyone_started(world)
    people, group = world.people, world.group
    await draft(world, people["Ben"], "Picnic")
    await people["Ben"].tap(ENGLISH["post"])
    for name, yes in (("Alys", "Ie"), ("Ceri", "Ie"), ("Ben", "Yes")):
        await people[name].tap(yes, chat=group)
    sends = world.emulator.stats.calls["sendMessage"]
    world.emulator.slow_next("sendMessage", 30)  # the announcement hangs
    press(world, people["Dafydd"], "Yes", chat=group["id"])  # the last vote decides it
    await world.emulator.wait_until(lambda: world.emulator.stats.calls["sendMessage"] > sends)
    await world.bot.kill()
    await world.bot.start()
    await world.emulator.settle()
    await world.tick()
    said = [m.get("text", "") for m in world.emulator.bot_messages(group["id"])]
    assert sum("✅ Agreed: Picnic" in text for text in said) == 1
    async with world.criw.uow() as uow:
        meetup = await uow.proposals.meetup_for(1)
    meetup_posts = [m for m in world.emulator.bot_messages(group["id"]) if "📅 Meet-up:" in m.get("text", "")]
    assert [post["message_id"] for post in meetup_posts] == [meetup.post_message_id]


async def test_proposing_to_a_group_the_bot_was_removed_from_is_refused_and_nothing_is_opened(world):
    await everyone_started(world)
    ben = world.people["Ben"]
    await draft(world, ben, "Picnic")
    world.emulator.remove_bot_from_group(world.group["id"], world.people["Dafydd"].id)
    await world.emulator.settle()
    await ben.tap(ENGLISH["post"])
    assert ben.last().startswith(NOT_IN_GROUP)
    async with world.criw.uow() as uow:
        assert await uow.proposals.open_in_group(1) == []


async def test_telegram_failing_every_try_of_a_new_meetups_post_says_so_and_posts_it_when_back(world, clock):
    await meetup_steps.everyone_started(world)
    dafydd, group = world.people["Dafydd"], world.group
    await dafydd.send("/newmeetup")
    for typed in ("Coffee and a chat", "1 December 18:00", "Canolfan y Dref"):
        await dafydd.send(typed)
    await dafydd.tap("Just once")
    await dafydd.tap("No limit")
    world.emulator.fail_next("sendMessage", error_code=502, times=3, chat_id=group["id"])
    await dafydd.tap("Post it")
    assert dafydd.last().startswith("💾 Your meet-up is saved, but Telegram isn't answering just now.")
    clock.advance(timedelta(minutes=1))  # past the retry's backoff; Telegram is back
    await world.tick()
    posts = [m for m in world.emulator.bot_messages(group["id"]) if "Coffee and a chat" in m.get("text", "")]
    async with world.criw.uow() as uow:
        meetup = await uow.meetups.get(1)
    assert [post["message_id"] for post in posts] == [meetup.post_message_id]
