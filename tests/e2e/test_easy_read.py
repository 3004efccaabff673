"""Easy Read, "I need help", 🔊 voice notes, supporters and the printable schedule, over real HTTP on both
transports."""

import struct
from datetime import timedelta

import pytest

from bot.domain.meetups import MeetupDraft
from bot.playground.demo import running_demo
from bot.services import meetups, supporters
from bot.voice.synth import Voice, is_ogg_opus
from tests.e2e.conftest import ENGLISH, FULL_NAME, WELSH, add_bot, group_post, start_in, write_proposal

ALYS, BEN = FULL_NAME["Alys"], FULL_NAME["Ben"]  # hostile names: shown exactly as written

VOICE = Voice.at("").available
NO_VOICE = "espeak-ng and opusenc are not installed (apt-get install espeak-ng opus-tools)"


async def everyone_started(world):
    people = world.people
    await add_bot(world)
    await start_in(people["Alys"], WELSH, group=world.group)
    await start_in(people["Ben"], ENGLISH, easy_read=True, group=world.group)
    await start_in(people["Ceri"], WELSH, easy_read=True, group=world.group)
    await start_in(people["Dafydd"], ENGLISH, group=world.group)


async def test_an_easy_read_member_gets_easy_read_messages_in_their_own_language(world):
    await everyone_started(world)
    ceri, ben, alys = world.people["Ceri"], world.people["Ben"], world.people["Alys"]
    await ceri.send("/pleidleisiau")
    assert ceri.last() == "🗳️ Does dim pleidleisiau nawr."  # Welsh only, short
    assert "🆘 Angen help" in ceri.buttons()
    await ben.send("/votes")
    assert ben.last() == "🗳️ There are no votes now."
    await alys.send("/pleidleisiau")
    assert alys.last() != "🗳️ Does dim pleidleisiau nawr."  # Alys reads the standard form
    assert "🆘 Angen help" not in alys.buttons()
    await ceri.start(f"p{world.group['id']}")
    question = ceri.last()
    assert question.startswith("✍️ Beth hoffech chi i'r grŵp ei wneud?\n📝 Ysgrifennwch enw byr iddo.")
    assert "English" not in question and len(question.splitlines()) <= 5
    assert {"🤔 Ddim yn siŵr", "🆘 Angen help"} <= set(ceri.buttons())
    await ceri.tap("Ddim yn siŵr")
    assert ceri.last().startswith("🤔 Mae hynny'n iawn.")


async def test_i_need_help_tells_the_coordinators_who_and_on_what_and_the_member_is_told(world):
    await everyone_started(world)
    people, group = world.people, world.group
    await write_proposal(world, people["Alys"], WELSH, "Taith bysgota")
    await people["Ceri"].tap("Ie", chat=group)
    assert "📝 Taith bysgota" in people["Ceri"].last()  # the vote confirmed by a message, in Easy Read
    await people["Ceri"].tap("Angen help")
    note = people["Dafydd"].last()
    assert note.startswith("🆘 Ceri pressed I need help on the proposal: Taith bysgota.")
    assert people["Ceri"].last().startswith("🤝 Rydw i wedi dweud wrth y cydlynwyr.")
    link = [m for m in people["Dafydd"].inbox() if m.get("text", "").startswith("🆘")][-1]
    assert any(e.get("url", "").startswith("tg://user?id=") for e in link.get("entities", []))
    notes_before = len(people["Dafydd"].inbox())
    await people["Ceri"].tap("Angen help")
    assert "yn barod" in people["Ceri"].last()
    assert len(people["Dafydd"].inbox()) == notes_before  # told once, not twice


async def test_needhelp_in_private_reaches_the_coordinator(world):
    await everyone_started(world)
    await world.people["Alys"].send("/angen_help")
    assert world.people["Dafydd"].last().startswith(f"🆘 {ALYS} pressed I need help (Cerddwyr Caerdydd")
    assert "Bydd rhywun yn cysylltu" in world.people["Alys"].last()


async def test_a_named_supporter_votes_for_a_member_and_the_member_sees_who_entered_it(world):
    await everyone_started(world)
    people, group = world.people, world.group
    alys, ben = people["Alys"], people["Ben"]
    post = await write_proposal(world, people["Dafydd"], ENGLISH, "Fishing trip")
    await alys.send("/cefnogwr")
    await alys.tap("Enwi cefnogwr")
    await alys.tap("👤 Ben")
    assert "Ydych chi'n cytuno?" in alys.last()
    await alys.tap("Ydw, rydw i'n cytuno")
    assert alys.last().startswith(f"✅ {BEN} yw eich cefnogwr nawr.")
    assert "/onbehalf" in ben.last()  # Ben was told, in Easy Read English
    await ben.send("/onbehalf")
    await ben.tap("👤 Alys")
    await ben.tap("🗳️ Vote")
    await ben.tap("✅ Yes · Fishing trip")
    assert ben.last().startswith(f"✍️ You answered for {ALYS}:\n🗳️ Vote: ✅ Yes")
    assert alys.last().startswith(f"✍️ Wedi'i nodi gan {BEN} drosoch chi:\n🗳️ Pleidlais: ✅ Ie")
    await world.criw.dispatcher.group_edits.flush()
    assert "📊 Yes 1 · No 0 · Abstain 0" in group_post(world, post["message_id"])["text"]
    async with world.criw.uow() as uow:
        group_row = await uow.groups.by_chat(group["id"])
        trail = [e for e in await uow.audit.for_group(group_row.id) if e.action == supporters.ENTERED_FOR]
    assert [e.detail["label"] for e in trail] == [f"entered by {BEN} for {ALYS}"]


async def test_without_consent_nobody_is_offered_and_a_forged_press_is_refused(world):
    await everyone_started(world)
    people, emulator = world.people, world.emulator
    await people["Ben"].send("/onbehalf")
    assert people["Ben"].last().startswith("✍️ You can't answer for anyone yet.")
    async with world.criw.uow() as uow:
        group_row = await uow.groups.by_chat(world.group["id"])
        alys = await uow.people.by_telegram_id(people["Alys"].id)
    message = people["Ben"].inbox()[-1]
    emulator.user_presses(people["Ben"].id, people["Ben"].id, message["message_id"],
                          f"1|ob|v|{group_row.id}|{alys.id}", forged=True)
    await emulator.settle()
    assert "Sorry" in emulator.callback_answers[-1]["text"]


async def test_a_coordinator_logs_time_for_a_member_who_phoned_in(world):
    await everyone_started(world)
    dafydd, ceri = world.people["Dafydd"], world.people["Ceri"]
    await dafydd.send("/onbehalf")
    await dafydd.tap("👤 Ceri")
    await dafydd.tap("Log time given")
    await dafydd.tap("Driving")
    await dafydd.tap("Half an hour")
    assert dafydd.last().startswith("✍️ Entered by you for Ceri:\n⏱ Time given today: Half an hour (Driving)")
    assert ceri.last().startswith("✍️ Atebodd Dafydd drosoch chi:\n⏱")  # Ceri reads Easy Read Welsh
    async with world.criw.uow() as uow:
        ceri_row = await uow.people.by_telegram_id(ceri.id)
        dafydd_row = await uow.people.by_telegram_id(dafydd.id)
        logged = await uow.credits.contributions_of(ceri_row.id)
    assert [(c.logged_by_id, c.quarters, c.state) for c in logged] == [(dafydd_row.id, 2, "pending")]


@pytest.mark.skipif(not VOICE, reason=NO_VOICE)
async def test_listen_sends_a_voice_note_in_the_persons_language_and_reuses_it(world):
    await everyone_started(world)
    ceri, emulator = world.people["Ceri"], world.emulator
    await ceri.send("/pleidleisiau")
    await ceri.tap("Gwrando")
    voice = ceri.inbox()[-1].get("voice")
    assert voice is not None and voice["duration"] >= 1
    assert is_ogg_opus(emulator.files[voice["file_id"]].data)
    await ceri.tap("Gwrando", message=ceri.inbox()[-2])
    sends = [params for method, params in emulator.calls if method == "sendVoice"]
    assert len(sends) == 2 and sends[-1].get("voice") == voice["file_id"]  # sent again by file id


async def test_without_espeak_the_listen_button_is_not_shown(tmp_path, transport, clock):
    async with running_demo(db=str(tmp_path / "quiet.db"), transport=transport, clock=clock,
                            espeak="no-such-espeak-ng") as world:
        await add_bot(world)
        ceri = world.people["Ceri"]
        await start_in(ceri, WELSH, easy_read=True, group=world.group)
        await ceri.send("/pleidleisiau")
        assert "🆘 Angen help" in ceri.buttons()
        assert not any("Gwrando" in label for label in ceri.buttons())


async def test_the_weekly_schedule_is_a_large_print_page_in_the_chosen_language_or_both(world, clock):
    await everyone_started(world)
    ceri, dafydd = world.people["Ceri"], world.people["Dafydd"]
    async with world.criw.uow() as uow:
        draft = MeetupDraft(world.group["id"], "Taith gerdded", clock.now() + timedelta(days=3), "Parc Bute")
        await meetups.create(uow, clock, dafydd.id, draft)
    await ceri.send("/amserlen")
    page = ceri.inbox()[-2]
    assert page["caption"].startswith("🖨 Cyfarfodydd yr wythnos hon.")
    data = world.emulator.files[page["document"]["file_id"]].data
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (1240, 1754)
    await ceri.tap("Cymraeg a Saesneg")
    assert ceri.inbox()[-1]["document"]["file_name"].endswith("-cy-en.png")
    await dafydd.send("/schedule", chat=world.group)
    assert world.emulator.last_bot_message(world.group["id"])["document"]["file_name"].endswith("-cy-en.png")


def test_the_emoji_only_check_notices_a_button_without_words():
    from tests.e2e.conftest import emoji_only_buttons

    class Calls:
        def __init__(self) -> None:
            self.calls = [
                ("sendMessage", {"reply_markup": '{"inline_keyboard": [[{"text": "✅"}, {"text": "✅ Yes"}]]}'}),
                ("editMessageText", {"reply_markup": {"inline_keyboard": [[{"text": "10:00"}]]}}),
            ]

    assert emoji_only_buttons(Calls()) == ["✅"]
