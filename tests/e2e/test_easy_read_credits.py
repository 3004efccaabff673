"""Easy Read for time credits and requests, over real HTTP on both transports: an Easy Read member logs time,
an Easy Read confirmer (in the other language) confirms, the member checks their credits, gives some, asks
for a room and hears the answer; each reads only Easy Read, in their own language. A standard member still
reads the standard form."""

import pytest

from tests.e2e.conftest import ENGLISH, FULL_NAME, WELSH, add_bot, start_in
from tests.e2e.request_steps import ENGLISH as REQUEST_EN
from tests.e2e.request_steps import WELSH as REQUEST_CY
from tests.e2e.request_steps import ask_for_room, load_resources

ALYS, BEN = FULL_NAME["Alys"], FULL_NAME["Ben"]  # hostile names: shown exactly as written

# What each language's Easy Read reader types, presses and reads.
CY = {
    "log": "/cofnodi", "category": "Gyrru", "note": "Mynd â phobl i'r parc", "day": "Ddoe",
    "send": "Ei anfon i'w gadarnhau", "confirm": "Ydy, cadarnhau", "credits": "/credydau",
    "give": "Rhoi credydau amser", "one_hour": "un awr", "do_it": "Ie, gwnewch hynny", "requests": REQUEST_CY,
    "what_did_you_do": "🧺 Beth wnaethoch chi?\n👆 Pwyswch yr un agosaf.",
    "check": "👀 Gwiriwch hyn:", "how_long": "⏱ Pa mor hir: dwy awr",
    "asked": "📨 Wedi'i gadw.\n🙋 Rydw i wedi gofyn i {other} ei wirio.",
    "gave": "🙋 Mae {other} wedi rhoi ychydig o amser.\n🧺 Beth: Gyrru", "is_it_right": "❓ Ydy hyn yn gywir?",
    "you_confirmed": "✅ Dyna ni. Rydych chi wedi dweud bod amser {other} yn gywir.",
    "confirmed": "✅ Mae {other} yn dweud bod eich amser yn gywir. Diolch!",
    "two_hours": "💳 Eich credydau amser: dwy awr", "one_hour_left": "💳 Eich credydau amser: un awr",
    "gift_sent": "🎁 Rydych chi wedi rhoi un awr o gredydau amser i {other}.",
    "gift_got": "🎁 Mae {other} wedi rhoi un awr o gredydau amser i chi.",
    "three_hours": "💳 Eich credydau amser: tair awr",
    "request_sent": "📨 Wedi'i anfon at y cydlynwyr.\n⏳ Bydda i'n dweud eu hateb wrthych chi yma.",
    "room_yes": "✅ Newyddion da: mae'r ystafell gennych chi.", "help": "🆘 Angen help",
    "not_sure": "🤔 Ddim yn siŵr", "other_language": ("Your", "What", "Press"),
}
EN = {
    "log": "/log", "category": "Driving", "note": "Took people to the park", "day": "Yesterday",
    "send": "Send it to be confirmed", "confirm": "Yes, confirm", "credits": "/credits",
    "give": "Give time credits", "one_hour": "1 hour", "do_it": "Yes, do it", "requests": REQUEST_EN,
    "what_did_you_do": "🧺 What did you do?\n👆 Press the closest one.",
    "check": "👀 Please check this:", "how_long": "⏱ How long: 2 hours",
    "asked": "📨 Saved.\n🙋 I asked {other} to check it.",
    "gave": "🙋 {other} gave some time.\n🧺 What: Driving", "is_it_right": "❓ Is this right?",
    "you_confirmed": "✅ Done. You said {other}'s time is right.",
    "confirmed": "✅ {other} says your time is right. Thank you!",
    "two_hours": "💳 Your time credits: 2 hours", "one_hour_left": "💳 Your time credits: 1 hour",
    "gift_sent": "🎁 You gave 1 hour of time credits to {other}.",
    "gift_got": "🎁 {other} gave you 1 hour of time credits.",
    "three_hours": "💳 Your time credits: 3 hours",
    "request_sent": "📨 Sent to the coordinators.\n⏳ I will tell you their answer here.",
    "room_yes": "✅ Good news: you have the room.", "help": "🆘 I need help",
    "not_sure": "🤔 Not sure", "other_language": ("Eich", "Beth", "Pwyswch"),
}
READERS = {"Ceri": CY, "Ben": EN}  # both chose Easy Read: Ceri in Welsh, Ben in English


async def everyone_started(world):
    people = world.people
    await add_bot(world)  # Dafydd adds the bot: the group's first coordinator, reading the standard form
    await start_in(people["Alys"], WELSH, group=world.group)
    await start_in(people["Ben"], ENGLISH, easy_read=True, group=world.group)
    await start_in(people["Ceri"], WELSH, easy_read=True, group=world.group)
    await start_in(people["Dafydd"], ENGLISH, group=world.group)


def easy_read_in(text, words):
    """A short Easy Read message (at most 5 lines, an emoji first on each) with no word of the other language."""
    lines = (text or "").splitlines()
    return 0 < len(lines) <= 5 and all(not line[:1].isalnum() for line in lines) \
        and not any(word in text for word in words["other_language"])


@pytest.mark.parametrize(("member", "confirmer"), [("Ceri", "Ben"), ("Ben", "Ceri")])
async def test_an_easy_read_member_logs_time_an_easy_read_confirmer_confirms_and_each_reads_their_language(
        world, member, confirmer):
    await everyone_started(world)
    me, them = world.people[member], world.people[confirmer]
    mine, theirs = READERS[member], READERS[confirmer]

    await me.send(mine["log"])
    assert me.last() == mine["what_did_you_do"]
    assert {mine["not_sure"], mine["help"]} <= set(me.buttons())  # every question offers both
    await me.tap(mine["category"])
    await me.send(mine["note"])
    await me.tap(mine["day"])
    await me.send("2")
    await me.tap(confirmer)
    review = me.last()
    assert review.startswith(mine["check"]) and mine["how_long"] in review and easy_read_in(review, mine)
    await me.tap(mine["send"])
    member_name, confirmer_name = FULL_NAME[member], FULL_NAME[confirmer]
    assert me.last().startswith(mine["asked"].format(other=confirmer_name))

    request = them.last()
    assert request.startswith(theirs["gave"].format(other=member_name)) and request.endswith(theirs["is_it_right"])
    assert easy_read_in(request, theirs) and theirs["help"] in them.buttons()
    await them.tap(theirs["confirm"])
    assert them.last() is not None and them.last().startswith(theirs["you_confirmed"].format(other=member_name))
    told = me.last()
    assert told.startswith(mine["confirmed"].format(other=confirmer_name)) and told.endswith(mine["two_hours"])
    assert easy_read_in(told, mine)

    await me.send(mine["credits"])
    statement = me.last()
    assert statement.startswith(mine["two_hours"]) and easy_read_in(statement, mine)
    await me.tap(mine["give"])
    await me.tap(confirmer)
    await me.tap(mine["one_hour"])
    await me.tap(mine["do_it"])
    assert me.last() == mine["gift_sent"].format(other=confirmer_name) + "\n" + mine["one_hour_left"]
    assert them.last() == theirs["gift_got"].format(other=member_name) + "\n" + theirs["one_hour_left"]


@pytest.mark.parametrize("member", ["Ceri", "Ben"])
async def test_an_easy_read_member_asks_for_a_room_and_hears_the_answer_in_easy_read(world, member):
    await everyone_started(world)
    await load_resources(world)
    me, dafydd, mine = world.people[member], world.people["Dafydd"], READERS[member]
    await ask_for_room(me, mine["requests"], when="4 Rhagfyr 18:00" if mine is CY else "4 December 18:00")
    assert me.last() == mine["request_sent"]
    assert "📥 A new request needs a decision." in dafydd.last()  # the coordinator reads the standard card
    await dafydd.tap("Approve")
    answer = me.last()
    assert answer.startswith(mine["room_yes"]) and "Neuadd yr Eglwys" in answer and easy_read_in(answer, mine)


async def test_a_standard_member_still_reads_the_standard_form(world):
    await everyone_started(world)
    alys = world.people["Alys"]
    await alys.send("/credydau")
    statement = alys.last()
    assert statement.startswith("💳 Eich credydau amser: 0 awr\nMae pob awr rydych chi'n ei rhoi yn un credyd amser.")
    assert "Dim byd eto. Defnyddiwch /cofnodi i gofnodi amser rydych chi wedi'i roi." in statement
    assert "🆘 Angen help" not in alys.buttons()
    await alys.send("/cofnodi")
    assert alys.last() == "🧺 Beth wnaethoch chi? Dewiswch yr agosaf."


async def test_an_easy_read_coordinator_gets_the_request_card_and_the_confirmation_in_easy_read(world):
    await everyone_started(world)
    await load_resources(world)
    alys, ceri = world.people["Alys"], world.people["Ceri"]
    async with world.criw.uow() as uow:  # Ceri coordinates the organisation too, in Welsh Easy Read
        group = await uow.groups.by_chat(world.group["id"])
        (await uow.people.by_telegram_id(ceri.id)).coordinates_organisation = group.organisation_id
        await uow.commit()
    await ask_for_room(alys, REQUEST_CY, when="4 Rhagfyr 18:00")
    card = ceri.last()
    assert card.startswith(f"📥 Mae cais newydd yn aros am eich ateb.\n🧾 Cais 1: 🏠 Ystafell\n🙋 Gan: {ALYS}")
    assert "👥 Ar gyfer 12 o bobl" in card and "✅ Dim problemau." in card and "Request" not in card
    assert {"✅ Cymeradwyo", "🆘 Angen help"} <= set(ceri.buttons())
    await ceri.tap("Cymeradwyo")
    assert ceri.last() == f"✅ Rydych chi wedi dweud ie.\n🙋 Rydw i wedi dweud wrth {ALYS}."
    decided = next(m for m in reversed(ceri.inbox()) if (m.get("text") or "").startswith("🧾 Cais 1:"))
    assert "📌 Nawr: ✅ Wedi'i gymeradwyo" in decided["text"]
    assert [b["text"] for row in decided["reply_markup"]["inline_keyboard"] for b in row] == [
        "↩️ Tynnu'r gymeradwyaeth yn ôl"]
    assert "✅ Newyddion da: mae eich cais wedi'i gymeradwyo." in alys.last()  # Alys reads the standard form


async def test_an_easy_read_coordinator_gets_the_report_summary_in_easy_read_and_the_files_still(world):
    await everyone_started(world)
    ceri = world.people["Ceri"]
    async with world.criw.uow() as uow:
        group = await uow.groups.by_chat(world.group["id"])
        (await uow.memberships.find((await uow.people.by_telegram_id(ceri.id)).id, group.id)).role = "coordinator"
        await uow.commit()
    await ceri.send("/adroddiad")
    assert ceri.last() == "📅 Pa fisoedd?\n👆 Pwyswch un."
    await ceri.tap("Y mis hwn")
    await ceri.tap("Cymraeg")
    said = [m.get("text") for m in ceri.inbox() if m.get("text")][-1]
    assert said == ("📊 Mae eich adroddiad yn barod.\n🕒 Amser wedi'i roi: 0 awr\n👥 Pobl a roddodd amser: 0\n"
                    "📄 Mae'r ffeiliau isod.")
    kinds = [m["document"]["file_name"][-4:] for m in ceri.inbox() if m.get("document")]
    assert kinds[0] == ".pdf" and kinds[-2:] == [".csv", ".png"]  # the evidence report first, then the hours
