"""The front door, over real HTTP on both transports, in Welsh and English, standard and Easy Read: the home
screen (from /start once set up, from a typed "menu", from stray text), the safety net for someone having a
hard time, and a reply to every photo, sticker, voice note, file and place sent privately (silence in the
group), a shared place taken as a lift's pickup point."""

from __future__ import annotations

import pytest

from bot.i18n.translator import Tr
from tests.e2e.conftest import ENGLISH, FULL_NAME, WELSH, add_bot, start_in
from tests.e2e.meetup_steps import LIFT, everyone_started, manage, new_meetup, settled

# (words for start_in, catalog language, Easy Read?)
READERS = [(WELSH, "cy", False), (ENGLISH, "en", False), (WELSH, "cy", True), (ENGLISH, "en", True)]
READER_IDS = ["cy", "en", "cy-easy", "en-easy"]


def home_question(language: str, easy: bool) -> str:
    tr = Tr(language)
    return tr.p_("easy", "🏠 What do you want to do?\n👆 Press a button.") if easy \
        else tr._("🏠 What would you like to do?")


def home_labels(language: str) -> list[str]:
    tr = Tr(language)
    return [tr._("📅 What's on"), tr._("🗳️ Open votes"), tr._("✍️ Suggest something"), tr._("⏱ My time"),
            tr._("🆘 Get help"), tr._("⚙️ Settings")]


def sees_home(phone, language: str, easy: bool) -> None:
    """The latest message ends with the home question, under it the six big buttons (and, in Easy Read,
    the buttons every Easy Read question has)."""
    assert phone.last().endswith(home_question(language, easy)), phone.last()
    buttons = phone.buttons()
    assert buttons[:6] == home_labels(language)
    assert Tr(language)._("🧭 Coordinators") not in buttons  # members see no coordinators' button
    assert (Tr(language)._("🆘 I need help") in buttons) is easy


@pytest.mark.parametrize(("words", "language", "easy"), READERS, ids=READER_IDS)
async def test_home_from_start_once_set_up_from_menu_and_from_stray_text(people, words, language, easy):
    ben = people["Ben"]
    await start_in(ben, words, easy_read=easy)
    sees_home(ben, language, easy)  # the end of set-up
    await ben.send("/start")
    sees_home(ben, language, easy)  # not the language question again
    assert "Which language" not in ben.last() and "Pa iaith" not in ben.last()
    await ben.send("dewislen" if language == "cy" else "Menu!")
    sees_home(ben, language, easy)
    await ben.send("what time is the bus")
    sees_home(ben, language, easy)
    tr = Tr(language)
    said = tr.p_("easy", "💬 Thank you for your message.\n🤖 I am a bot. I can not answer it.\n"
                         "👇 Here is what I can do.") if easy else \
        tr._("💬 Thanks for your message. I'm a bot, so I can't answer it myself, but here is what I can do for you.")
    assert ben.last().startswith(said)
    await ben.tap(tr._("⚙️ Settings"))  # a home button does what its command does
    settings = tr.p_("easy", "⚙️ Your settings.\n🗣 I write in English.") if easy else tr._("⚙️ Your settings")
    assert ben.last().startswith(settings)


async def test_home_buttons_reach_whats_on_votes_and_my_time_and_coordinators_get_their_own(world):
    await everyone_started(world)
    alys, dafydd = world.people["Alys"], world.people["Dafydd"]
    await new_meetup(world)
    await alys.send("helo")
    await alys.tap("📅 Beth sydd ymlaen")
    assert "Coffee and a chat" in alys.last()
    await alys.send("helo")
    await alys.tap("🗳️ Pleidleisiau agored")
    assert alys.last().startswith("🗳️")
    await alys.send("/start")
    assert "🧭 Cydlynwyr" not in alys.buttons()
    await dafydd.send("/start")
    assert dafydd.buttons()[-1] == "🧭 Coordinators"
    await dafydd.tap("🧭 Coordinators")
    assert dafydd.last().startswith("🧭 For coordinators:") and "/newmeetup" in dafydd.last()


DISTRESS = {"cy": "dwi'n cael amser caled", "en": "I'm struggling today and don't know what to do"}


@pytest.mark.parametrize(("words", "language", "easy"), READERS, ids=READER_IDS)
async def test_words_of_distress_get_kindness_helplines_and_a_way_to_a_coordinator(world, words, language, easy):
    await add_bot(world)
    people, tr = world.people, Tr(language)
    await start_in(people["Dafydd"], ENGLISH, group=world.group)  # the group's first coordinator
    ceri = people["Ceri"]
    await start_in(ceri, words, easy_read=easy, group=world.group)
    before = len(ceri.inbox())
    await ceri.send(DISTRESS[language])
    said = "\n\n".join(m.get("text", "") for m in ceri.inbox()[before:])
    assert tr._("Sorry, I didn't understand that. Try /help to see what I can do.") not in said
    kind = tr.p_("easy", "💛 I am sorry things are hard.\n🤝 You are not alone.\n"
                         "📞 You can talk to these people now. It is free.") if easy else \
        tr._("💛 I'm sorry things are hard right now. You don't have to face it alone: here are people you can talk "
             "to now, free.")
    assert kind in said
    assert "116 123" in said and "999" in said  # /support's helplines
    assert tr._("🆘 I need help") in ceri.buttons()
    await ceri.tap(tr._("🆘 I need help"))
    assert people["Dafydd"].last().startswith("🆘 Ceri pressed I need help (Cerddwyr Caerdydd")
    assert ceri.last().startswith(tr._("🤝 I've told the coordinators. Someone will be in touch with you soon.")
                                  if not easy else tr.p_("easy", "🤝 I told the coordinators.\n"
                                                                 "👤 Someone will get in touch with you soon."))


async def test_distress_is_heard_in_either_language_whatever_language_was_chosen(people):
    alys = people["Alys"]
    await start_in(alys, WELSH)
    await alys.send("I can't cope any more")
    assert any("💛" in m.get("text", "") for m in alys.inbox()[-4:])
    await alys.send("follow the low road")  # whole words only: "low" alone is not distress, nor "follow"
    assert alys.last().startswith("💬")


MEDIA = {
    "photo": "📷 Thanks for the photo. I can't look at photos, so I haven't kept it.",
    "sticker": "😊 Thanks for the sticker!",
    "voice": "🎙 Thanks for your voice note. I can't listen to voice notes, so please write to me or use the buttons. "
             "To talk to someone, press Get help.",
    "document": "📄 Thanks for the file. I can't open files sent here, so I haven't kept it.",
    "location": "📍 Thanks for the place. I use a place only when I ask for one, such as where a lift should pick you "
                "up, so I haven't kept it.",
}
EASY_MEDIA = {
    "photo": "📷 Thank you for the photo.\n🙈 I can not look at photos.",
    "sticker": "😊 Thank you for the sticker!",
    "voice": "🎙 Thank you for your voice note.\n🙉 I can not listen to voice notes.\n👆 Please use the buttons.\n"
             "🆘 To talk to someone, press Get help.",
    "document": "📄 Thank you for the file.\n🙈 I can not open files.",
    "location": "📍 Thank you for the place.\n🚗 I only need a place when I ask for it.\n🙈 I did not keep it.",
}


@pytest.mark.parametrize(("words", "language", "easy"), READERS, ids=READER_IDS)
async def test_every_photo_sticker_voice_note_file_and_place_gets_a_reply(people, words, language, easy):
    alys = people["Alys"]
    await start_in(alys, words, easy_read=easy)
    tr = Tr(language)
    for kind in MEDIA:
        await alys.share(kind)
        expected = tr.p_("easy", EASY_MEDIA[kind]) if easy else tr._(MEDIA[kind])
        assert alys.last().startswith(expected), (kind, alys.last())
        sees_home(alys, language, easy)


async def test_in_the_group_criw_stays_quiet_about_photos_and_places(world):
    emulator, group = world.emulator, world.group
    await add_bot(world)
    emulator.set_member_status(group["id"], emulator.bot_user["id"], "administrator")  # it sees everything
    await emulator.settle()
    said = len(emulator.bot_messages(group["id"]))
    for kind in MEDIA:
        assert emulator.user_shares(world.people["Ben"].id, kind, chat_id=group["id"])  # delivered to the bot
    await emulator.settle()
    assert len(emulator.bot_messages(group["id"])) == said


@pytest.mark.parametrize(("easy", "reader"), [(False, "Alys"), (True, "Ceri")])
async def test_a_shared_location_is_a_lift_pickup_the_organiser_can_open_as_a_map(world, easy, reader):
    await everyone_started(world)  # Alys: Welsh; Ceri: Welsh, Easy Read
    people, group = world.people, world.group
    await new_meetup(world)
    member = people[reader]
    await member.tap(LIFT, chat=group)
    tr = Tr("cy")
    assert (tr.p_("easy", "📎 Or share where you are: press 📎, then Location.") if easy
            else tr._("📎 You can also share a location: press 📎, then Location.")) in member.last()
    await member.share("location", latitude=51.48163, longitude=-3.17909)
    link = "https://www.openstreetmap.org/?mlat=51.48163&mlon=-3.17909"
    assert link in member.last()
    await settled(world)
    await manage(world)
    assert f"🚗 Lift for {FULL_NAME[reader]}, pickup: {link}" in people["Dafydd"].last()


async def test_a_photo_in_the_middle_of_a_question_asks_for_words_and_keeps_the_question(world):
    await everyone_started(world)
    ben = world.people["Ben"]
    await ben.send("/log")
    asked = ben.last()
    await ben.share("photo")
    assert ben.last() == "✍️ I can only read words here. Please write your answer, or use the buttons above."
    assert ben.inbox()[-2]["text"] == asked  # the question stays where it was, still open


async def test_help_is_short_for_members_with_buttons_and_coordinators_have_their_own_list(world):
    await everyone_started(world)
    ben, dafydd, group = world.people["Ben"], world.people["Dafydd"], world.group
    await ben.send("/help")
    help_text = ben.last()
    assert help_text.startswith("ℹ️ Criw helps your group") and len(help_text) < 1000
    assert "/propose" in help_text and "/support" in help_text and "/newmeetup" not in help_text
    assert ben.buttons()[:6] == home_labels("en") and "🧭 Coordinators" not in ben.buttons()
    await ben.send("/more")
    assert "/gift" in ben.last() and "/supporter" in ben.last()
    await dafydd.send("/help")
    assert "🧭 Coordinators" in dafydd.buttons()
    await ben.send("/help", chat=group)
    in_group = world.emulator.last_bot_message(group["id"])["text"]
    assert in_group.index("ℹ️ Mae Criw") < in_group.index("ℹ️ Criw helps") and len(in_group) < 2000
    assert "/newmeetup" not in in_group and "/cymorth" in in_group


async def test_a_shared_location_is_a_new_meetups_place(world):
    await everyone_started(world)
    dafydd = world.people["Dafydd"]
    await dafydd.send("/newmeetup")
    await dafydd.send("Picnic in the park")
    await dafydd.send("1 December 12:00")
    await dafydd.share("location", latitude=51.48500, longitude=-3.18500)
    await dafydd.tap("Just once")
    await dafydd.tap("No limit")
    await dafydd.tap("Post it")
    post = world.emulator.last_bot_message(world.group["id"])["text"]
    assert "Picnic in the park" in post and "https://www.openstreetmap.org/?mlat=51.48500&mlon=-3.18500" in post


async def test_someone_who_has_not_started_is_asked_their_language_but_distress_is_answered_first(people):
    ceri = people["Ceri"]
    await ceri.send("helo")
    assert ceri.last().startswith("👋 Croeso i Criw!") and ceri.buttons() == ["Cymraeg", "English"]
    await ceri.share("sticker")
    assert ceri.buttons() == ["Cymraeg", "English"]
    await ceri.send("I feel so low and lonely")
    said = "\n".join(m.get("text", "") for m in ceri.inbox()[-4:])
    assert "💛" in said and "116 123" in said  # not made to choose a language first
