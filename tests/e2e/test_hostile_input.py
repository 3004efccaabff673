"""Untrusted input gets a clear reply in the person's language; nothing is stored wrongly or crashes."""

from bot.playground.phone import Phone
from tests.e2e.conftest import reply_in_group


async def test_a_5000_character_message_gets_a_polite_reply(people):
    ben = people["Ben"]
    await ben.send("/start")
    await ben.tap("English")
    await ben.send("x" * 5000)
    assert (ben.last()).startswith("💬 Thanks for your message.")


async def test_html_in_a_name_is_shown_as_text_and_stored_as_typed(emulator, group, people, world):
    dafydd = people["Dafydd"]
    sly = emulator.add_user("<b>Sly</b> & Co", language_code="en")
    emulator.set_member_status(group["id"], sly["id"], "member")
    emulator.add_bot_to_group(group["id"], dafydd.id)
    await emulator.settle()
    await reply_in_group(emulator, group, Phone(emulator, sly), "hi", dafydd, "/coordinator")
    prompt = emulator.last_bot_message(group["id"])
    assert "Make <b>Sly</b> & Co a coordinator" in prompt["text"]  # shown as typed, not as bold
    assert not any(entity["type"] == "bold" for entity in prompt.get("entities", []))
    async with world.criw.uow() as uow:
        assert (await uow.people.by_telegram_id(sly["id"])).display_name == "<b>Sly</b> & Co"


async def test_an_unknown_command_gets_a_reply_in_the_persons_language(people):
    alys = people["Alys"]
    await alys.send("/start")
    await alys.tap("Cymraeg")
    await alys.send("/hedfan")
    assert "dydw i ddim yn adnabod y gorchymyn" in (alys.last())


async def test_a_forged_button_payload_is_refused_and_changes_nothing(emulator, people, world):
    alys = people["Alys"]
    await alys.send("/start")
    await alys.tap("Cymraeg")
    message_id = alys.inbox()[-1]["message_id"]
    for forged in ("1|lang|fr|setup", "9|lang|en", "1|nonsense", "junk", "1|coord|abc"):
        emulator.user_presses(alys.id, alys.id, message_id, forged, forged=True)
        await emulator.settle()
    async with world.criw.uow() as uow:
        assert (await uow.people.by_telegram_id(alys.id)).language == "cy"
    assert len(alys.popups) >= 4
    assert all("Sorry" not in popup for popup in alys.popups)


async def test_a_button_pressed_by_someone_not_in_the_group_is_refused(emulator, group, people, world):
    dafydd = people["Dafydd"]
    stranger = emulator.add_user("Stranger", language_code="en")
    emulator.add_bot_to_group(group["id"], dafydd.id)
    await emulator.settle()
    await reply_in_group(emulator, group, people["Ben"], "hi", dafydd, "/coordinator")
    prompt = emulator.last_bot_message(group["id"])
    data = prompt["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    emulator.user_presses(stranger["id"], group["id"], prompt["message_id"], data, forged=True)
    await emulator.settle()
    answer = emulator.callback_answers[-1]
    assert answer["user_id"] == stranger["id"]
    assert "only" in answer["text"]
    async with world.criw.uow() as uow:
        criw_group = await uow.groups.by_chat(group["id"])
        ben = await uow.people.by_telegram_id(people["Ben"].id)
        assert (await uow.memberships.find(ben.id, criw_group.id)).role == "member"


async def test_a_settings_button_forged_into_a_group_changes_nothing(emulator, group, people, world):
    dafydd = people["Dafydd"]
    emulator.add_bot_to_group(group["id"], dafydd.id)
    await emulator.settle()
    welcome = emulator.last_bot_message(group["id"])
    emulator.user_presses(dafydd.id, group["id"], welcome["message_id"], "1|lang|en|setup", forged=True)
    await emulator.settle()
    async with world.criw.uow() as uow:
        assert (await uow.people.by_telegram_id(dafydd.id)).language is None
