"""Members log the time they give, someone else confirms it, and it becomes time credits they can see,
give and (with a coordinator) spend; coordinators get the evidence for funders. Welsh and English."""

import csv
import io
from datetime import timedelta

from PIL import Image

from bot.store.meetups import Attendance, Meetup
from tests.e2e.conftest import ENGLISH, FULL_NAME, WELSH, add_bot, admit_waiting_group, start_in

ALYS, BEN = FULL_NAME["Alys"], FULL_NAME["Ben"]  # hostile names: shown exactly as written


async def everyone_started(world):
    people, group = world.people, world.group
    await add_bot(world)  # Dafydd adds the bot: the group's first coordinator
    await start_in(people["Alys"], WELSH, group=group)
    await start_in(people["Ben"], ENGLISH, group=group)
    await start_in(people["Ceri"], WELSH, group=group)
    await start_in(people["Dafydd"], ENGLISH, group=group)


async def alys_logs_driving(world, hours="dwy awr a hanner", confirmer="Ben"):
    """Alys logs, in Welsh, driving yesterday for `hours`, to be confirmed by `confirmer`."""
    alys = world.people["Alys"]
    await alys.send("/cofnodi")
    await alys.tap("Gyrru")
    await alys.send("Mynd â thri pherson i Barc Bute")
    await alys.tap("Ddoe")
    await alys.send(hours)
    await alys.tap(confirmer)
    await alys.tap("Ei anfon i'w gadarnhau")


def documents(phone):
    """(file name, bytes, caption) of every file the bot sent the person, oldest first."""
    files = phone.emu.files
    return [(m["document"]["file_name"], files[m["document"]["file_id"]].data, m.get("caption", ""))
            for m in phone.inbox() if m.get("document")]


async def ledger_sum(world, telegram_id):
    async with world.criw.uow() as uow:
        person = await uow.people.by_telegram_id(telegram_id)
        return await uow.credits.sum_of(person.id)


async def test_a_member_logs_in_welsh_another_confirms_in_english_and_each_sees_credits_in_their_language(world):
    await everyone_started(world)
    alys, ben = world.people["Alys"], world.people["Ben"]
    await alys_logs_driving(world)
    assert f"📨 Wedi'i gadw a'i anfon at {BEN} i'w gadarnhau" in alys.last()
    request = ben.last()
    assert f"🙋 {ALYS} gave some time and asked you to confirm it:" in request
    assert "🧺 What: Driving" in request and "⏱ How long: 2½ hours" in request
    assert "📝 Details: Mynd â thri pherson i Barc Bute" in request

    await ben.tap("Yes, confirm")
    assert "✅ Confirmed. Thank you!" in ben.popups
    assert f"✅ You confirmed {ALYS}'s time. Thank you!" in ben.last()
    told = alys.last()
    assert f"✅ Mae {BEN} wedi cadarnhau eich amser. Diolch!" in told
    assert "💳 Eich credydau amser: dwy awr a hanner" in told

    await alys.send("/credydau")
    assert "💳 Eich credydau amser: dwy awr a hanner" in alys.last()
    assert "➕ dwy awr a hanner · Gyrru" in alys.last()
    await ben.send("/credits")
    assert "💳 Your time credits: 0 hours" in ben.last()

    await alys.tap("Rhoi credydau amser")
    await alys.tap("Ben")
    await alys.tap("un awr")
    await alys.tap("Ie, gwnewch hynny")
    assert f"🎁 Rydych chi wedi rhoi un awr o gredyd amser i {BEN}." in alys.last()
    assert "💳 Eich credydau amser: un awr a hanner" in alys.last()
    assert f"🎁 {ALYS} gave you 1 hour of time credit." in ben.last()
    await ben.send("/credits")
    assert "💳 Your time credits: 1 hour" in ben.last()
    assert await ledger_sum(world, alys.id) == 6 and await ledger_sum(world, ben.id) == 4


async def test_the_group_sees_totals_and_names_only_those_who_agreed(world):
    await everyone_started(world)
    alys, ben, group = world.people["Alys"], world.people["Ben"], world.group
    await alys_logs_driving(world)
    await ben.tap("Yes, confirm")
    await ben.send("/credits", chat=group)
    shown = ben.last(group)
    thanks = "🙌 Ers 1 Medi 2026, mae 1 aelod wedi rhoi dwy awr a hanner"
    assert shown.index(thanks) < shown.index("🙌 Since 1 September")
    assert "Alys" not in shown
    await alys.send("/credydau")
    await alys.tap("Dangos fy enw")
    assert "🙌 Diolch yn gyhoeddus: gall eich enw gael ei ddangos" in alys.last()
    await ben.send("/credits", chat=group)
    assert f"Thank you, {ALYS}, and everyone else who gave their time!" in ben.last(group)


async def test_a_member_cannot_confirm_their_own_entry(world):
    await everyone_started(world)
    ben = world.people["Ben"]
    await ben.send("/log")
    await ben.tap("Peer support")
    await ben.tap("Skip")
    await ben.tap("Today")
    await ben.tap("1 hour")
    assert "Ben" not in ben.buttons()  # nobody is offered themself
    await ben.tap("A coordinator")
    await ben.tap("Send it to be confirmed")
    assert f"🙋 {BEN} gave some time" in world.people["Dafydd"].last()
    world.emulator.user_presses(ben.id, ben.id, ben.inbox()[-1]["message_id"], "1|crc|1|y", forged=True)
    await world.emulator.settle()
    assert "Sorry, you can't confirm this one" in ben.popups[-1]
    assert await ledger_sum(world, ben.id) == 0


async def test_a_forged_confirm_from_another_group_is_refused(world):
    await everyone_started(world)
    emulator = world.emulator
    await alys_logs_driving(world, confirmer="Cydlynydd")  # any coordinator of the walkers may confirm
    stranger = emulator.add_user("Sioned", language_code="en")
    other = emulator.create_group("Other group", members=[stranger["id"]], admins=[stranger["id"]],
                                  creator=stranger["id"])
    emulator.add_bot_to_group(other["id"], stranger["id"])  # Sioned coordinates a different group …
    await emulator.settle()
    await admit_waiting_group(world)  # … which the organisation admits
    emulator.user_sends(stranger["id"], f"/start g{other['id']}")
    await emulator.settle()
    welcome = emulator.last_bot_message(stranger["id"])
    emulator.user_presses(stranger["id"], stranger["id"], welcome["message_id"], "1|crc|1|y", forged=True)
    await emulator.settle()
    assert "can't find that" in emulator.callback_answers[-1]["text"]
    posted = emulator.last_bot_message(other["id"])
    emulator.user_presses(stranger["id"], other["id"], posted["message_id"], "1|crc|1|y", forged=True)
    await emulator.settle()
    assert "can't find that" in emulator.callback_answers[-1]["text"]
    assert await ledger_sum(world, world.people["Alys"].id) == 0


async def test_a_confirmation_pressed_twice_credits_once(world):
    await everyone_started(world)
    alys, ben = world.people["Alys"], world.people["Ben"]
    await alys_logs_driving(world)
    request = ben.inbox()[-1]
    data = request["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await ben.tap("Yes, confirm")
    world.emulator.user_presses(ben.id, ben.id, request["message_id"], data, forged=True)
    await world.emulator.settle()
    assert "That's already done. Nothing has changed." in ben.popups[-1]
    assert await ledger_sum(world, alys.id) == 10


async def test_a_rejected_entry_tells_the_member_why_kindly_and_earns_nothing(world):
    await everyone_started(world)
    alys, ben = world.people["Alys"], world.people["Ben"]
    await alys_logs_driving(world)
    await ben.tap("No, that's not right")
    assert f"{ALYS} will see your answer, so please be kind" in ben.last()
    await ben.tap("I wasn't there")
    assert f"💬 Thank you. I've let {ALYS} know, kindly." in ben.last()
    told = alys.last()
    assert f"💬 Doedd {BEN} ddim yn gallu cadarnhau hwn:" in told
    assert "Eu rheswm: Doedden nhw ddim yno, felly allan nhw ddim dweud." in told
    assert "gallwch chi ei gofnodi eto gyda /cofnodi" in told
    assert await ledger_sum(world, alys.id) == 0


async def test_bad_times_and_days_get_a_clear_message(world):
    await everyone_started(world)
    alys = world.people["Alys"]
    await alys.send("/cofnodi")
    await alys.tap("Trefnu")
    await alys.tap("Symud ymlaen")
    await alys.send("5 Rhagfyr 2027")
    assert "📅 Dydy'r diwrnod hwnnw ddim wedi dod eto." in alys.last()
    await alys.send("ddoe")
    for typed, said in (("0", "Dydy hynny ddim yn amser o gwbl"), ("25", "fwy na 24 awr"),
                        ("-1", "llai na dim"), ("20 munud", "chwarter awr agosaf"), ("banana", "allwn i ddim darllen")):
        await alys.send(typed)
        assert said in alys.last(), typed
    await alys.send("dwy awr a hanner")
    assert "🙋 Pwy all ei gadarnhau?" in alys.last()


async def test_more_than_a_day_of_entries_on_one_day_is_refused(world):
    await everyone_started(world)
    alys = world.people["Alys"]
    await alys_logs_driving(world, hours="20")
    await alys_logs_driving(world, hours="5")
    assert "⏱ Gyda hwn, byddech chi wedi cofnodi mwy na 24 awr ar y diwrnod hwnnw." in alys.last()


async def test_the_chosen_confirmer_is_reminded_once(world, clock):
    await everyone_started(world)
    ben = world.people["Ben"]
    await alys_logs_driving(world)
    clock.advance(timedelta(days=1))
    await world.tick()
    assert "⏰ A reminder" not in ben.last()
    clock.advance(timedelta(days=2))
    await world.tick()
    await world.tick()
    reminders = [m for m in ben.inbox() if f"⏰ A reminder: {ALYS} is still waiting" in (m.get("text") or "")]
    assert len(reminders) == 1
    await ben.tap("Yes, confirm")
    assert await ledger_sum(world, world.people["Alys"].id) == 10


async def test_a_coordinator_gets_a_report_whose_csv_matches_the_ledger_and_whose_chart_is_in_welsh(world):
    await everyone_started(world)
    alys, ben, dafydd = world.people["Alys"], world.people["Ben"], world.people["Dafydd"]
    await alys_logs_driving(world)
    await ben.tap("Yes, confirm")
    await ben.send("/report")
    assert "only the group's coordinators" in ben.last()
    await dafydd.send("/report")
    await dafydd.tap("This month")
    await dafydd.tap("Cymraeg")
    summary = [m["text"] for m in dafydd.inbox() if "📊" in (m.get("text") or "")][-1]
    assert summary.index("Rhwng 1 Tachwedd 2026 a 21 Tachwedd 2026, rhoddwyd dwy awr a hanner gan 1 aelod") < \
        summary.index("Between 1 November 2026 and 21 November 2026, 1 member gave 2½ hours across 1 activity")
    (csv_name, csv_bytes, _), (png_name, png_bytes, caption) = documents(dafydd)[-2:]
    rows = list(csv.DictReader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert csv_name.endswith("-cy.csv") and list(rows[0]) == ["Dyddiad", "Aelod", "Beth wnaethon nhw", "Gweithgaredd",
                                                               "Oriau", "Grŵp"]
    assert [(row["Aelod"], row["Beth wnaethon nhw"]) for row in rows] == [("Aelod 1", "Gyrru")]
    assert sum(float(row["Oriau"]) for row in rows) * 4 == await ledger_sum(world, alys.id)
    image = Image.open(io.BytesIO(png_bytes))
    assert png_name.endswith("-cy.png") and image.format == "PNG" and image.width >= 900
    assert image.info["Title"].startswith("Oriau a roddwyd: Cerddwyr Caerdydd")
    assert "Gyrru" in image.info["Description"] and "📊 Oriau a roddwyd bob mis" in caption


async def test_a_coordinator_logs_everyone_at_a_meetup_at_once(world, clock):
    await everyone_started(world)
    dafydd = world.people["Dafydd"]
    async with world.criw.uow() as uow:
        group = await uow.groups.by_chat(world.group["id"])
        alys = await uow.people.by_telegram_id(world.people["Alys"].id)
        ben = await uow.people.by_telegram_id(world.people["Ben"].id)
        meetup = Meetup(group_id=group.id, title="Taith gerdded", organiser_id=alys.id,
                        starts_at=clock.now() - timedelta(days=2))
        uow.meetups.add(meetup)
        await uow.flush()
        for person in (alys, ben):
            uow.meetups.add(Attendance(meetup_id=meetup.id, person_id=person.id, marked_at=clock.now()))
        await uow.commit()
    await dafydd.send("/log")
    await dafydd.tap("Everyone at a meet-up")
    await dafydd.tap("Taith gerdded")
    roster = dafydd.last()
    assert f"✅ {ALYS} · Organising · 3 hours" in roster and f"✅ {BEN} · Peer support · 2 hours" in roster
    assert "⬜ Ceri" in roster
    await dafydd.tap("🔁 Peer support")  # Ben drove instead
    assert f"✅ {BEN} · Driving · 3 hours" in dafydd.last()
    await dafydd.tap("Log for 2 people")
    assert "✅ Logged and confirmed for 2 people:" in dafydd.last()
    assert "💳 Eich credydau amser: tair awr" in world.people["Alys"].last()
    assert "💳 Your time credits: 3 hours" in world.people["Ben"].last()


async def test_a_member_downloads_their_own_record_in_their_language(world):
    await everyone_started(world)
    alys, ben = world.people["Alys"], world.people["Ben"]
    await alys_logs_driving(world)
    await ben.tap("Yes, confirm")
    await alys.send("/credydau")
    await alys.tap("Lawrlwytho fy nghofnod")
    name, content, caption = documents(alys)[-1]
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert name.endswith("-cy.csv") and "📄 Eich cofnod" in caption
    assert rows[0][:3] == ["Dyddiad", "Cofnod", "Statws"]
    assert rows[1][1:3] == ["Amser a roddwyd", "Wedi'i gadarnhau"] and rows[1][6] == "2.5"
    assert rows[-1][0] == "Balans" and rows[-1][6] == "2.5"
