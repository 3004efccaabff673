"""The organisation's boundary: a stranger's group waits to be admitted, and only organisation
coordinators admit groups or manage what the organisation shares."""

import pytest

from bot.playground.phone import Phone
from tests.e2e.conftest import ENGLISH, WELSH, add_bot, reply_in_group, start_in
from tests.e2e.meetup_steps import everyone_started
from tests.e2e.request_steps import ENGLISH as REQUEST_EN
from tests.e2e.request_steps import WELSH as REQUEST_CY
from tests.e2e.request_steps import ask_for_room, load_resources

REQUEST_WORDS = {"cy": REQUEST_CY, "en": REQUEST_EN}

# What each language's organisation coordinator presses, and what they read.
WORDS = {
    "cy": {**WELSH, "admit": "Derbyn y grŵp", "refuse": "Gwrthod", "card": "Mae grŵp newydd eisiau ymuno",
           "admitted": "Grŵp wedi'i dderbyn", "refused": "Grŵp wedi'i wrthod",
           "not_org": "dim ond cydlynwyr y sefydliad"},
    "en": {**ENGLISH, "admit": "Admit", "refuse": "Refuse", "card": "A new group wants to join the organisation",
           "admitted": "Admitted", "refused": "Refused", "not_org": "only the organisation's coordinators"},
}
WAITING_CY = "Dydy'r grŵp hwn ddim yn rhan o'r sefydliad eto"
WAITING_EN = "This group isn't part of the organisation yet"


async def strangers_group(world):
    """Mallt, whom nobody in the organisation knows, makes a group of her own and adds the bot to it."""
    emulator = world.emulator
    mallt = emulator.add_user("Mallt", language_code="en")
    group = emulator.create_group("Grŵp Mallt", members=[mallt["id"]], admins=[mallt["id"]], creator=mallt["id"])
    emulator.add_bot_to_group(group["id"], mallt["id"])
    await emulator.settle()
    return Phone(emulator, mallt), group


async def admission_of(world, chat_id):
    async with world.criw.uow() as uow:
        return (await uow.groups.any_by_chat(chat_id)).admission


@pytest.mark.parametrize("language", ["cy", "en"])
async def test_a_strangers_group_waits_politely_and_does_nothing_until_an_organisation_coordinator_admits_it(
        world, language):
    words, dafydd = WORDS[language], world.people["Dafydd"]
    await add_bot(world)
    await start_in(dafydd, words)
    mallt, group = await strangers_group(world)

    waiting = world.emulator.bot_messages(group["id"])
    assert len(waiting) == 1
    assert waiting[0]["text"].index(WAITING_CY) < waiting[0]["text"].index(WAITING_EN)
    await mallt.send("/help", chat=group)
    await mallt.send("/propose", chat=group)
    await mallt.send("/upcoming", chat=group)
    assert len(world.emulator.bot_messages(group["id"])) == 1  # nothing else, whatever she types
    assert await admission_of(world, group["id"]) == "pending"

    await start_in(mallt, words)
    await mallt.send("/resources")
    assert words["not_org"] in mallt.last()  # coordinating her own group gives her nothing of the organisation's

    assert words["card"] in dafydd.last() and "Grŵp Mallt" in dafydd.last()
    assert dafydd.buttons() == [f"✅ {words['admit']}", f"❌ {words['refuse']}"]  # in his language only
    await dafydd.tap(words["admit"])
    assert words["admitted"] in dafydd.last()
    assert await admission_of(world, group["id"]) == "admitted"
    assert "Helo, Criw ydw i" in world.emulator.last_bot_message(group["id"])["text"]
    await mallt.send("/help", chat=group)
    assert "Mae Criw yn helpu" in mallt.last(group)

    await mallt.send("/resources")  # admitted, she coordinates her group, not the organisation
    assert words["not_org"] in mallt.last()


@pytest.mark.parametrize("language", ["cy", "en"])
async def test_a_refused_group_is_left_and_a_second_press_changes_nothing(world, language):
    words, dafydd = WORDS[language], world.people["Dafydd"]
    await add_bot(world)
    await start_in(dafydd, words)
    _, group = await strangers_group(world)
    card = next(m for m in reversed(dafydd.inbox()) if words["card"] in (m.get("text") or ""))

    await dafydd.tap(words["refuse"], message=card)
    assert words["refused"] in dafydd.last()
    assert await admission_of(world, group["id"]) == "refused"
    emulator = world.emulator
    assert emulator.world.bot_status(emulator.world.chats[group["id"]]) == "left"
    async with world.criw.uow() as uow:
        assert not (await uow.groups.any_by_chat(group["id"])).bot_present

    forged_admit = next(b["callback_data"] for row in card["reply_markup"]["inline_keyboard"] for b in row
                        if words["admit"] in b["text"])
    emulator.user_presses(dafydd.id, dafydd.id, card["message_id"], forged_admit, forged=True)
    await emulator.settle()
    assert await admission_of(world, group["id"]) == "refused"


async def test_only_an_organisation_coordinator_can_admit_a_group_whatever_the_button_says(world):
    await add_bot(world)
    await start_in(world.people["Dafydd"], ENGLISH)
    mallt, group = await strangers_group(world)
    await start_in(mallt, ENGLISH)
    async with world.criw.uow() as uow:
        group_id = (await uow.groups.any_by_chat(group["id"])).id
    sent = world.emulator.user_sends(mallt.id, "hello")  # any message of hers to press a forged button on
    world.emulator.user_presses(mallt.id, mallt.id, sent["message"]["message_id"], f"1|adm|{group_id}|y", forged=True)
    await world.emulator.settle()
    assert await admission_of(world, group["id"]) == "pending"
    assert "only the organisation's coordinators" in world.emulator.callback_answers[-1]["text"]


@pytest.mark.parametrize("language", ["cy", "en"])
async def test_only_an_organisation_coordinator_makes_someone_else_one_by_replying_in_a_group(world, language):
    words, dafydd, alys, ben = WORDS[language], world.people["Dafydd"], world.people["Alys"], world.people["Ben"]
    await add_bot(world)
    await start_in(alys, words)
    await start_in(ben, words)
    group = world.group
    await reply_in_group(world.emulator, group, alys, "Helo", ben, "/orgcoordinator")  # Ben only coordinates…
    assert "only the organisation's coordinators" in ben.last(group)  # … nothing: refused, in both languages
    assert "dim ond cydlynwyr y sefydliad" in ben.last(group)
    await alys.send("/resources")
    assert words["not_org"] in alys.last()

    await reply_in_group(world.emulator, group, alys, "Helo", dafydd, "/cydlynydd_sefydliad")
    await dafydd.tap("Make Alys an organisation coordinator", chat=group)
    assert "Mae Alys nawr yn gydlynydd y sefydliad" in dafydd.last(group)
    await alys.send("/resources")
    assert words["not_org"] not in alys.last()  # she manages the rooms, vehicles and budgets now
    async with world.criw.uow() as uow:
        actions = [entry.action for entry in await uow.audit.for_group(1)]
    assert "organisation_coordinator.grant" in actions


@pytest.mark.parametrize("language", ["cy", "en"])
async def test_a_groups_coordinator_follows_its_requests_but_only_the_organisation_decides_them(world, language):
    words = WORDS[language]
    await everyone_started(world)
    await load_resources(world)
    alys, ben, dafydd, group = world.people["Alys"], world.people["Ben"], world.people["Dafydd"], world.group
    await ben.send("/language")  # Ben set up in English at the start; now he reads the test's language
    await ben.tap(words["language"])
    await reply_in_group(world.emulator, group, ben, "Helo", dafydd, "/coordinator")
    await dafydd.tap("Ben", chat=group)  # Ben now coordinates the walkers, not the organisation
    await ask_for_room(alys, REQUEST_WORDS["cy"], when="4 Rhagfyr 18:00")
    await ben.send("/requests")
    listing = ben.last()
    assert {"cy": "Ceisiadau eich grwpiau", "en": "Your groups' requests"}[language] in listing
    assert {"cy": "• 1 · 🏠 Ystafell", "en": "• 1 · 🏠 A room"}[language] in listing
    assert not [label for label in ben.buttons() if "1" in label]  # nothing to open or decide
    world.emulator.user_presses(ben.id, ben.id, ben.inbox()[-1]["message_id"], "1|rq|a|1", forged=True)
    await world.emulator.settle()
    assert words["not_org"] in world.emulator.callback_answers[-1]["text"]
    async with world.criw.uow() as uow:
        assert (await uow.resources.request(1)).state == "pending"
