"""Bad input about meet-ups gets a clear message, and nothing wrong is stored."""

from datetime import timedelta

from tests.e2e.conftest import FULL_NAME, admit_waiting_group
from tests.e2e.meetup_steps import GOING, LIFT, everyone_started, manage, new_meetup


def _going_data(post):
    return next(b["callback_data"] for row in post["reply_markup"]["inline_keyboard"] for b in row
                if b["text"].endswith("/ ✅ Going"))


async def _answers(world):
    async with world.criw.uow() as uow:
        return {person.display_name: rsvp.answer for rsvp, person in await uow.meetups.rsvps(1)}


async def test_an_rsvp_to_a_cancelled_meetup_is_refused_and_nothing_is_stored(world):
    await everyone_started(world)
    emulator, people, group = world.emulator, world.people, world.group
    post = await new_meetup(world)
    dafydd = await manage(world)
    await dafydd.tap("Cancel the meet-up")
    await dafydd.tap("Yes, cancel it")
    emulator.user_presses(people["Alys"].id, group["id"], post["message_id"], _going_data(post), forged=True)
    await emulator.settle()
    assert emulator.callback_answers[-1]["text"] == "Mae'n ddrwg gen i, mae'r cyfarfod hwn wedi'i ganslo."
    assert await _answers(world) == {}


async def test_an_rsvp_to_a_past_meetup_is_refused_and_nothing_is_stored(world, clock):
    await everyone_started(world)
    emulator, people, group = world.emulator, world.people, world.group
    post = await new_meetup(world)
    clock.advance(timedelta(days=10, hours=9))  # 1 December 19:00: it has started
    emulator.user_presses(people["Ben"].id, group["id"], post["message_id"], _going_data(post), forged=True)
    await emulator.settle()
    assert emulator.callback_answers[-1]["text"] == "Sorry, this meet-up has already happened."
    assert await _answers(world) == {}


async def test_a_forged_meetup_id_from_another_group_is_refused(world):
    await everyone_started(world)
    emulator, people = world.emulator, world.people
    await new_meetup(world)  # meet-up 1, in the demo group
    other = emulator.create_group("Other group", members=[people["Ben"].id], admins=[people["Ben"].id],
                                  creator=people["Ben"].id)
    emulator.add_bot_to_group(other["id"], people["Ben"].id)
    await emulator.settle()
    await admit_waiting_group(world)
    welcome = emulator.last_bot_message(other["id"])
    for forged in ("1|r|1|g", "1|rl|1", "1|ics|1"):
        emulator.user_presses(people["Ben"].id, other["id"], welcome["message_id"], forged, forged=True)
        await emulator.settle()
        assert "can't find that" in emulator.callback_answers[-1]["text"]
    assert await _answers(world) == {}
    assert emulator.bot_messages(people["Ben"].id)[-1].get("document") is None


async def test_a_stranger_cannot_answer_a_meetup_even_in_private(world):
    await everyone_started(world)
    emulator = world.emulator
    await new_meetup(world)
    stranger = emulator.add_user("Stranger", language_code="en")
    emulator.user_sends(stranger["id"], "/start")
    await emulator.settle()
    emulator.user_presses(stranger["id"], stranger["id"], emulator.last_bot_message(stranger["id"])["message_id"],
                          "1|r|1|g", forged=True)
    await emulator.settle()
    assert "only for members" in emulator.callback_answers[-1]["text"]
    assert await _answers(world) == {}


async def test_a_pickup_point_of_2000_characters_is_refused_and_nothing_is_stored(world):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world)
    ben = people["Ben"]
    await ben.tap(LIFT, chat=group)
    await ben.send("x" * 2000)
    assert ben.last() == "That's too long: please keep it under 200 characters."
    async with world.criw.uow() as uow:
        rsvp = (await uow.meetups.rsvps(1))[0][0]
    assert rsvp.needs_lift and rsvp.pickup == ""
    await ben.send("The bus stop on Heol y Bont")
    assert "Pickup point saved: The bus stop on Heol y Bont" in ben.last()


async def test_a_new_meetup_in_the_past_or_too_long_is_refused_by_the_flow(world):
    await everyone_started(world)
    dafydd = world.people["Dafydd"]
    await dafydd.send("/newmeetup")
    await dafydd.send("t" * 101)
    assert "That's too long: please keep it under 100 characters." in dafydd.last()
    await dafydd.send("Coffee")
    await dafydd.send("today 09:00")
    assert "That time has already passed" in dafydd.last()
    await dafydd.tap("Cancel")
    assert "Cancelled. Nothing was posted." in dafydd.last()
    async with world.criw.uow() as uow:
        assert await uow.meetups.upcoming([1], world.criw.clock.now(), 5) == []


async def test_pressing_going_twice_keeps_one_answer_and_one_place(world):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world, capacity="1")
    await people["Ben"].tap(GOING, chat=group)
    await people["Ben"].tap(GOING, chat=group)
    assert people["Ben"].popups[-1] == "✅ You're going to Coffee and a chat. See you there!"
    assert await _answers(world) == {FULL_NAME["Ben"]: "going"}
