"""Shared steps for the meet-up scenarios: everyone starts the bot, a coordinator sets up a meet-up."""

from __future__ import annotations

from tests.e2e.conftest import ENGLISH, WELSH, add_bot, start_in

# RSVP buttons on a bilingual group post (Welsh / English); in a private chat, one language only.
GOING, MAYBE, NOT_GOING, LIFT, ADD = "/ ✅ Going", "/ 🤔 Maybe", "/ ❌ Not going", "I need a lift", "Add to calendar"


async def everyone_started(world):
    """The bot joins the group; Alys (Welsh), Ben (English), Ceri (Welsh, Easy Read) and Dafydd (English,
    the group's coordinator) press Start from the group."""
    people = world.people
    await add_bot(world)
    await start_in(people["Alys"], WELSH, group=world.group)
    await start_in(people["Ben"], ENGLISH, group=world.group)
    await start_in(people["Ceri"], WELSH, easy_read=True, group=world.group)
    await start_in(people["Dafydd"], ENGLISH, group=world.group)


async def new_meetup(world, title="Coffee and a chat", when="1 December 18:00", place="Canolfan y Dref",
                     repeat="Just once", by_default=None, capacity="No limit"):
    """Dafydd (coordinator) sets up a meet-up in English; returns the group post."""
    dafydd = world.people["Dafydd"]
    await dafydd.send("/newmeetup")
    await dafydd.send(title)
    await dafydd.send(when)
    await dafydd.send(place)
    await dafydd.tap(repeat)
    if by_default is not None:
        await dafydd.tap("Yes, going by default" if by_default else "No, they say each time")
    if capacity.isdigit():
        await dafydd.send(capacity)
    else:
        await dafydd.tap(capacity)
    await dafydd.tap("Post it")
    return world.emulator.last_bot_message(world.group["id"])


async def manage(world, title="Coffee and a chat"):
    """Dafydd opens a meet-up's Manage menu from /upcoming in private; returns his phone."""
    dafydd = world.people["Dafydd"]
    await dafydd.send("/upcoming")
    await dafydd.tap(title)
    await dafydd.tap("Manage this meet-up")
    return dafydd


def post_text(world, message_id):
    return next(m for m in world.emulator.chat_messages(world.group["id"]) if m["message_id"] == message_id)["text"]


async def settled(world):
    """Let coalesced edits of group posts land."""
    await world.criw.dispatcher.group_edits.flush()
    await world.emulator.settle()
