"""Meet-ups: the group post with RSVP buttons, /upcoming and /next in Welsh and English, changing an answer,
the waiting list, lifts, changes and cancellations, recurring meet-ups and attendance."""

from datetime import timedelta

from tests.e2e.conftest import ENGLISH, FULL_NAME, write_proposal
from tests.e2e.meetup_steps import (
    GOING,
    LIFT,
    MAYBE,
    NOT_GOING,
    everyone_started,
    manage,
    new_meetup,
    post_text,
    settled,
)


async def test_a_coordinator_puts_a_meetup_on_the_calendar_and_the_group_gets_a_bilingual_post(world):
    await everyone_started(world)
    post = await new_meetup(world, title="Paned a sgwrs", place="Canolfan y Dref")
    text = post["text"]
    assert text.index("📅 Cyfarfod: Paned a sgwrs") < text.index("📅 Meet-up: Paned a sgwrs")
    assert "📅 Pryd: Dydd Mawrth 1 Rhagfyr, 18:00–20:00" in text
    assert "📅 When: Tuesday 1 December, 18:00–20:00" in text
    assert "👥 Yn mynd: 0 · Efallai: 0" in text and "👥 Going: 0 · Maybe: 0" in text
    labels = [button["text"] for row in post["reply_markup"]["inline_keyboard"] for button in row]
    assert labels[:3] == ["✅ Yn mynd / ✅ Going", "🤔 Efallai / 🤔 Maybe", "❌ Ddim yn mynd / ❌ Not going"]
    assert "🚗 Mae angen lifft arna i / 🚗 I need a lift" in labels
    assert "📣 Posted to the group: 1 meet-up" in world.people["Dafydd"].last()


async def test_a_member_cannot_put_a_meetup_on_the_calendar_directly(world):
    await everyone_started(world)
    ben = world.people["Ben"]
    await ben.send("/newmeetup")
    assert "Only coordinators can put a meet-up on the calendar directly" in ben.last()
    await ben.send("/newmeetup", chat=world.group)
    assert "only the group's coordinators" in world.emulator.last_bot_message(world.group["id"])["text"]


async def test_upcoming_in_welsh_and_english_shows_how_many_are_going_but_not_who(world):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world, title="Taith gerdded", place="Parc Bute")
    await people["Ben"].tap(GOING, chat=group)
    await people["Ceri"].tap(MAYBE, chat=group)
    await people["Alys"].send("/i_ddod", chat=group)
    listing = world.emulator.last_bot_message(group["id"])["text"]
    assert listing.index("📅 I ddod:") < listing.index("📅 Coming up:")
    assert "👥 Yn mynd: 1 · Efallai: 1" in listing and "👥 Going: 1 · Maybe: 1" in listing
    assert "📍 Lle: Parc Bute" in listing and "📍 Where: Parc Bute" in listing
    assert "Ben" not in listing and "Ceri" not in listing
    await people["Alys"].send("/i_ddod")
    assert "Eich ateb: heb ateb eto" in people["Alys"].last()
    assert "Coming up" not in people["Alys"].last()
    await people["Ben"].send("/upcoming")
    mine = people["Ben"].last()
    assert "📅 Coming up:" in mine and "🙂 Your answer: Going" in mine and "👥 Group: Cerddwyr Caerdydd" in mine


async def test_upcoming_shows_who_is_going_once_a_coordinator_opts_the_group_in(world):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world)
    await people["Ben"].tap(GOING, chat=group)
    await people["Ben"].send("/upcoming", chat=group)
    assert "Show who's going" not in " ".join(people["Ben"].buttons(group))  # only a coordinator gets the button
    await people["Dafydd"].send("/upcoming", chat=group)
    await people["Dafydd"].tap("Show who's going", chat=group)
    listing = world.emulator.last_bot_message(group["id"])["text"]
    assert "🙋 Pwy sy'n mynd: Ben" in listing and "🙋 Who's going: Ben" in listing
    await people["Alys"].tap("Hide who's going", chat=group)  # a member can't change it back
    assert "dim ond cydlynwyr y grŵp" in people["Alys"].popups[-1]
    await people["Alys"].send("/i_ddod")
    assert "🙋 Pwy sy'n mynd: Ben" in people["Alys"].last()


async def test_changing_an_rsvp_replaces_it(world):
    await everyone_started(world)
    people, group = world.people, world.group
    post = await new_meetup(world)
    await people["Ben"].tap(GOING, chat=group)
    await people["Ben"].tap(NOT_GOING, chat=group)
    await people["Alys"].tap(MAYBE, chat=group)
    await settled(world)
    assert "👥 Going: 0 · Maybe: 1" in post_text(world, post["message_id"])
    assert people["Ben"].popups[-1] == "❌ Noted: you're not going to Coffee and a chat."
    async with world.criw.uow() as uow:
        answers = {person.display_name: rsvp.answer for rsvp, person in await uow.meetups.rsvps(1)}
    assert answers == {FULL_NAME["Ben"]: "no", FULL_NAME["Alys"]: "maybe"}


async def test_when_a_full_meetup_frees_a_place_the_first_on_the_waiting_list_is_told_privately(world):
    await everyone_started(world)
    people, group = world.people, world.group
    post = await new_meetup(world, capacity="1")
    await people["Ben"].tap(GOING, chat=group)
    await people["Ceri"].tap(GOING, chat=group)
    await people["Alys"].tap(GOING, chat=group)
    assert "Rydych chi'n rhif 1 ar y rhestr aros" in people["Ceri"].popups[-1]
    assert "rhif 2 ar y rhestr aros" in people["Alys"].popups[-1]
    await settled(world)
    assert "🎟 Full: 2 people on the waiting list" in post_text(world, post["message_id"])
    await people["Ben"].tap(NOT_GOING, chat=group)
    # Ceri chose Easy Read (tests/e2e/test_easy_read_meetups.py has the standard form too)
    assert people["Ceri"].last().startswith("🎉 Newyddion da: mae lle'n rhydd.\n✅ Rydych chi'n mynd nawr.")
    assert "lle wedi dod yn rhydd" not in (people["Alys"].last() or "")
    await settled(world)
    assert "👥 Going: 1 · Maybe: 0" in post_text(world, post["message_id"])
    assert "🎟 Full: 1 person on the waiting list" in post_text(world, post["message_id"])


async def test_a_lift_with_a_pickup_point_is_stored_and_shown_to_the_organiser(world):
    await everyone_started(world)
    people, group = world.people, world.group
    post = await new_meetup(world)
    await people["Alys"].tap(LIFT, chat=group)
    assert "Ble ddylai'r gyrrwr eich codi chi?" in people["Alys"].last()
    await people["Alys"].send("Tu allan i Tesco Llandaf")
    assert "🚗 Man codi wedi'i gadw: Tu allan i Tesco Llandaf" in people["Alys"].last()
    await settled(world)
    assert "🚗 1 person needs a lift" in post_text(world, post["message_id"])
    await manage(world)
    assert f"🚗 Lift for {FULL_NAME['Alys']}, pickup: Tu allan i Tesco Llandaf" in people["Dafydd"].last()


async def test_cancellation_notices_reach_exactly_the_going_and_maybe_members_who_can_be_messaged(world):
    await everyone_started(world)
    emulator, people, group = world.emulator, world.people, world.group
    post = await new_meetup(world)
    eryl = emulator.add_user("Eryl", language_code="cy")  # in the group, never pressed Start
    emulator.set_member_status(group["id"], eryl["id"], "member")
    data = next(b["callback_data"] for row in post["reply_markup"]["inline_keyboard"] for b in row
                if b["text"].endswith("/ ✅ Going"))
    emulator.user_presses(eryl["id"], group["id"], post["message_id"], data)
    await emulator.settle()
    await people["Alys"].tap(GOING, chat=group)
    await people["Ben"].tap(MAYBE, chat=group)
    await people["Ceri"].tap(NOT_GOING, chat=group)
    before = {name: len(phone.inbox()) for name, phone in people.items()}

    dafydd = await manage(world)
    await dafydd.tap("Cancel the meet-up")
    await dafydd.tap("Yes, cancel it")

    assert "❌ Wedi'i ganslo: Coffee and a chat" in people["Alys"].last()
    assert "❌ Cancelled: Coffee and a chat" in people["Ben"].last()
    assert len(people["Ceri"].inbox()) == before["Ceri"]
    assert emulator.bot_messages(eryl["id"]) == []
    assert "2 people going or maybe were told privately" in dafydd.last()
    await settled(world)
    shown = next(m for m in emulator.chat_messages(group["id"]) if m["message_id"] == post["message_id"])
    assert "❌ This meet-up is cancelled." in shown["text"] and "reply_markup" not in shown
    assert "❌ Cancelled: Coffee and a chat" in emulator.last_bot_message(group["id"])["text"]


async def test_moving_a_meetup_tells_going_members_and_updates_the_group_post(world):
    await everyone_started(world)
    people, group = world.people, world.group
    post = await new_meetup(world)
    await people["Alys"].tap(GOING, chat=group)
    dafydd = await manage(world)
    await dafydd.tap("Change the time")
    await dafydd.send("3 December")  # no time: keeps 18:00
    assert "📅 Move it to Thursday 3 December, 18:00?" in dafydd.last()
    await dafydd.tap("Yes, move it")
    notice = people["Alys"].last()
    assert "✏️ Wedi newid: Coffee and a chat" in notice
    assert "📅 Amser newydd: Dydd Iau 3 Rhagfyr, 18:00–20:00 (cyn hyn: Dydd Mawrth 1 Rhagfyr, 18:00)" in notice
    await settled(world)
    assert "📅 When: Thursday 3 December, 18:00–20:00" in post_text(world, post["message_id"])


async def test_next_shows_the_next_meetup_with_how_to_get_there(world):
    await everyone_started(world)
    people = world.people
    await new_meetup(world, title="Later", when="8 December 18:00")
    await new_meetup(world, title="Sooner", when="1 December 18:00", place="Parc Bute")
    await people["Ben"].send("/next")
    card = people["Ben"].last()
    assert "⏭ Next meet-up: Sooner" in card and "Later" not in card
    assert "🧭 How to get there: Parc Bute (map)" in card
    link = next(e for e in people["Ben"].inbox()[-1]["entities"] if e["type"] == "text_link")
    assert link["url"] == "https://www.openstreetmap.org/search?query=Parc+Bute"
    assert "✅ Going" in people["Ben"].buttons()
    await people["Ben"].tap("✅ Going")
    assert people["Ben"].popups[-1] == "✅ You're going to Sooner. See you there!"


async def test_a_passed_proposal_becomes_a_meetup_post_with_rsvp_buttons(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    await write_proposal(world, people["Ben"], ENGLISH, "Bowling", dates=("12 December 14:30",), place="Superbowl")
    for name, label in (("Alys", "Ie"), ("Ceri", "Ie"), ("Dafydd", "Yes"), ("Ben", "Yes")):
        await people[name].tap(label, chat=group)
    post = world.emulator.last_bot_message(group["id"])
    assert "📅 Meet-up: Bowling" in post["text"] and "👤 Organiser: Ben" in post["text"]
    assert "📍 Where: Superbowl" in post["text"]
    await people["Alys"].tap(GOING, chat=group)
    assert "Rydych chi'n mynd: Bowling" in people["Alys"].popups[-1]


async def test_a_weekly_meetup_where_members_go_by_default_and_tap_to_drop_out(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world, title="Clwb cerdded", when="24 November 18:00", place="Y Neuadd",
                     repeat="Every week", by_default=True)
    posts = [m for m in world.emulator.bot_messages(group["id"]) if "Clwb cerdded" in m["text"]]
    assert len(posts) == 3  # three weeks ahead are on the calendar
    assert "🔁 Every week: Tuesday at 18:00" in posts[0]["text"]
    assert "👥 Going: 4 · Maybe: 0" in posts[0]["text"]
    await people["Ben"].tap(NOT_GOING, chat=group, message=posts[0])
    await settled(world)
    assert "👥 Going: 3 · Maybe: 0" in post_text(world, posts[0]["message_id"])
    clock.advance(timedelta(days=7))
    await world.tick()
    posts = [m for m in world.emulator.bot_messages(group["id"]) if "Clwb cerdded" in m["text"]]
    assert len(posts) == 4  # one more week was added, once
    await world.tick()
    assert len([m for m in world.emulator.bot_messages(group["id"]) if "Clwb cerdded" in m["text"]]) == 4


async def test_after_the_meetup_the_organiser_ticks_who_came(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    post = await new_meetup(world)
    await people["Ben"].tap(GOING, chat=group)
    await people["Alys"].tap(MAYBE, chat=group)
    clock.advance(timedelta(days=10, hours=12))  # 1 December 22:00: it is over
    await world.tick()
    dafydd = people["Dafydd"]
    assert "📋 Who came to Coffee and a chat?" in dafydd.last()
    await dafydd.tap("Ben")
    assert "☑️ 1 person ticked so far." in dafydd.last()
    await dafydd.tap("Done")
    assert "✅ Saved: 1 person came to Coffee and a chat. Thank you!" in dafydd.last()
    await settled(world)
    shown = next(m for m in world.emulator.chat_messages(group["id"]) if m["message_id"] == post["message_id"])
    assert "🏁 This meet-up has happened." in shown["text"] and "reply_markup" not in shown
    from bot.services import attendance

    async with world.criw.uow() as uow:
        came = await attendance.attendees(uow, 1)
    assert [person.display_name for person in came] == [FULL_NAME["Ben"]]
    await world.tick()
    assert "Who came" not in (dafydd.last() or "")  # asked once only
