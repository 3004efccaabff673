"""Your data: /mydata shows everything Criw holds about you, /forgetme erases it (after you confirm) while
the group's votes and totals stay as they were; /support lists where to get help now. In Welsh and English."""

import json

from sqlalchemy import select
from sqlmodel import SQLModel

from bot.playground.demo import running_demo
from tests.e2e.conftest import ENGLISH, WELSH, group_post, write_proposal
from tests.e2e.meetup_steps import everyone_started


def documents(phone):
    files = phone.emu.files
    return [(m["document"]["file_name"], files[m["document"]["file_id"]].data, m.get("caption", ""))
            for m in phone.inbox() if m.get("document")]


async def everything_in_the_database(world):
    found = []
    async with world.criw.uow() as uow:
        for table in SQLModel.metadata.sorted_tables:
            rows = await uow.session.exec(select(table))  # type: ignore[call-overload]
            found += [(table.name, value) for row in rows.all() for value in row]
    return found


async def tally(world, proposal_id):
    async with world.criw.uow() as uow:
        return sorted((vote.option_index, vote.choice) for vote in await uow.proposals.votes(proposal_id))


async def test_my_data_sends_a_summary_in_my_language_and_the_whole_file(world):
    await everyone_started(world)
    alys = world.people["Alys"]
    await write_proposal(world, alys, WELSH, "Taith i'r traeth")
    await alys.send("/fy_nata")
    summary = alys.inbox()[-2]["text"]
    assert summary.startswith("🗂 Popeth sydd gan Criw amdanoch chi")
    assert "👤 Enw: Alys" in summary and "🗣 Iaith: Cymraeg" in summary
    assert "👥 Cerddwyr Caerdydd · Cardiff Walkers: aelod" in summary
    assert "🗳️ Cynigion a wnaethoch chi: 1" in summary
    name, content, caption = documents(alys)[-1]
    assert name == "criw-my-data.json" and caption.startswith("📎 Eich data gan Criw")
    document = json.loads(content)
    assert document["person"]["telegram_id"] == alys.id and document["person"]["language"] == "cy"
    assert [row["title"] for row in document["records"]["proposal"]] == ["Taith i'r traeth"]


async def test_my_data_in_easy_read_is_short_and_asked_for_in_a_group_goes_nowhere_near_the_group(world):
    await everyone_started(world)
    ceri, ben = world.people["Ceri"], world.people["Ben"]
    await ceri.send("/mydata")
    assert "🗂 Dyma beth mae Criw yn ei wybod amdanoch chi." in ceri.inbox()[-2]["text"]
    before = len(world.emulator.chat_messages(world.group["id"]))
    await ben.send("/mydata", chat=world.group)
    reply = world.emulator.last_bot_message(world.group["id"])["text"]
    assert reply.index("🔒 Mae eich data yn breifat.") < reply.index("🔒 Your data is private.")
    assert len(world.emulator.chat_messages(world.group["id"])) == before + 2  # the command and the pointer
    assert documents(ben) == [] and [m for m in world.emulator.chat_messages(world.group["id"]) if m.get("document")] \
        == []


async def test_forget_me_erases_me_after_i_confirm_and_the_group_keeps_its_votes(world):
    await everyone_started(world)
    people = world.people
    alys, ben = people["Alys"], people["Ben"]
    post = await write_proposal(world, ben, ENGLISH, "Cinema night")
    await alys.tap("Ie", chat=world.group)
    await ben.tap("Yes", chat=world.group)
    await world.criw.dispatcher.group_edits.flush()
    votes_before, post_before = await tally(world, 1), group_post(world, post["message_id"])["text"]

    await alys.send("/anghofio")
    assert "🗑 Ydych chi am i Criw eich anghofio?" in alys.last()
    await alys.tap("Na, cadwch fy nata")
    assert alys.last() == "👍 Chafodd dim byd ei ddileu. Mae eich data fel yr oedd."
    await alys.send("/anghofio")
    await alys.tap("Ie, anghofiwch fi")
    assert alys.last().startswith("🗑 Wedi'i wneud: mae Criw wedi eich anghofio.")

    leftovers = [(table, value) for table, value in await everything_in_the_database(world)
                 if value == alys.id or "Alys" in str(value)]
    assert leftovers == []
    assert await tally(world, 1) == votes_before
    await people["Ceri"].tap("Ie", chat=world.group)  # the post still works, and still counts Alys's vote
    await world.criw.dispatcher.group_edits.flush()
    assert await tally(world, 1) == sorted([*votes_before, (0, "yes")])
    assert group_post(world, post["message_id"])["text"] != post_before
    assert "Alys" not in group_post(world, post["message_id"])["text"]


async def test_support_lists_where_to_get_help_in_my_language_and_both_in_a_group(world):
    await everyone_started(world)
    ben, alys = world.people["Ben"], world.people["Alys"]
    await ben.send("/support")
    text = ben.last()
    assert text.startswith("🆘 Where to get help now\n🚨 If someone is in danger now, call 999.")
    assert "📞 Samaritans: 116 123\nFree, any time, day or night." in text
    assert "📞 C.A.L.L.: 0800 132 737" in text and "📞 Meic: 0808 80 23456" in text
    await alys.send("/cefnogaeth")
    welsh = alys.last()
    assert "📞 Y Samariaid: 116 123\n🗣 Llinell Gymraeg: 0808 164 0123 (19:00–23:00 bob dydd)" in welsh
    assert "📞 GIG 111 Cymru: 111" in welsh and "Samaritans" not in welsh and "NHS" not in welsh
    await ben.send("/support", chat=world.group)
    both = world.emulator.last_bot_message(world.group["id"])["text"]
    assert both.index("🆘 Ble i gael help nawr") < both.index("🆘 Where to get help now")


async def test_an_organisation_lists_its_own_helpline_first(tmp_path, transport, clock):
    own = '[{"name": "Ein cydlynydd ar ddyletswydd", "contact": "029 2000 0000", "cy": "Dydd Llun i ddydd Gwener, ' \
          '9 tan 5.", "en": "Monday to Friday, 9 to 5."}]'
    async with running_demo(db=str(tmp_path / "own.db"), transport=transport, clock=clock, helplines=own) as world:
        ben = world.people["Ben"]
        await ben.send("/start")
        await ben.tap("English")
        await ben.send("/support")
        text = ben.last()
        assert text.index("📞 Ein cydlynydd ar ddyletswydd: 029 2000 0000\nMonday to Friday, 9 to 5.") < text.index(
            "📞 Samaritans: 116 123")


async def test_after_forget_me_my_proposals_words_read_removed_at_my_request_in_each_language(world):
    await everyone_started(world)
    alys, ben = world.people["Alys"], world.people["Ben"]
    await alys.start(f"p{world.group['id']}")  # the steps of write_proposal, with a description this time
    await alys.send("Nofio")
    await alys.send("Syniad nofio Zephaniah")
    await alys.send("5 December 14:30")
    await alys.tap(WELSH["carry_on"])
    await alys.tap(WELSH["skip"])
    await alys.tap(WELSH["done"])
    await alys.tap("7")
    await alys.tap(WELSH["post"])
    post = world.emulator.last_bot_message(world.group["id"])
    assert "Syniad nofio Zephaniah" in post["text"]

    await alys.send("/anghofio")
    await alys.tap("Ie, anghofiwch fi")
    await ben.tap("Yes", chat=world.group)  # the post is edited with the new tally
    await world.criw.dispatcher.group_edits.flush()

    text = group_post(world, post["message_id"])["text"]
    assert "Zephaniah" not in text
    assert "(wedi'i ddileu ar gais y person)" in text and "(removed at the person's request)" in text
    assert [value for _, value in await everything_in_the_database(world) if "Zephaniah" in str(value)] == []
