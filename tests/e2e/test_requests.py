"""Rooms, transport and money: members ask, coordinators decide by buttons, and the loop always closes."""

from datetime import timedelta

from bot.domain.bookings import RequestState
from tests.e2e.conftest import ENGLISH as PROPOSE_EN
from tests.e2e.conftest import FULL_NAME, write_proposal
from tests.e2e.meetup_steps import GOING, LIFT, everyone_started, new_meetup, post_text, settled
from tests.e2e.request_steps import ENGLISH, WELSH, ask_for_room, load_resources

ALYS, BEN = FULL_NAME["Alys"], FULL_NAME["Ben"]  # hostile names: shown exactly as written


async def requests_made(world):
    async with world.criw.uow() as uow:
        alys = await uow.people.by_telegram_id(world.people["Alys"].id)
        return await uow.resources.of_requester(alys.id, 50)


async def state_of(world, request_id):
    async with world.criw.uow() as uow:
        return (await uow.resources.request(request_id)).state


def card(phone, request_id):
    """The latest card for a request in the phone's private chat (English or Welsh)."""
    heads = (f"Request {request_id}:", f"Cais {request_id}:")
    return next(m for m in reversed(phone.inbox()) if any(head in (m.get("text") or "") for head in heads)
                and m.get("reply_markup"))


def button_data(message, label):
    return next(b["callback_data"] for row in message["reply_markup"]["inline_keyboard"] for b in row
                if label in b["text"])


async def test_a_member_asks_in_welsh_the_coordinator_approves_in_english_and_she_is_told_in_welsh(world):
    await everyone_started(world)
    await load_resources(world)
    alys, dafydd = world.people["Alys"], world.people["Dafydd"]
    await ask_for_room(alys, WELSH, when="4 Rhagfyr 18:00")
    assert "📨 Wedi'i anfon at y cydlynwyr" in alys.last()
    shown = dafydd.last()
    assert "📥 A new request needs a decision." in shown and "🧾 Request 1: 🏠 A room" in shown
    assert "📅 When: Friday 4 December, 18:00–20:00" in shown and "🏠 Room: Neuadd yr Eglwys" in shown
    assert "✅ No problems found." in shown and "Cais" not in shown
    await dafydd.tap("Approve")
    assert f"✅ Approved. {ALYS} has been told." in dafydd.last()
    told = alys.last()
    assert "✅ Newyddion da: mae eich cais wedi'i gymeradwyo." in told
    assert "📍 Lle: Neuadd yr Eglwys, Heol y Plwyf, Caerdydd" in told and "Good news" not in told
    decided = next(m for m in reversed(dafydd.inbox()) if "Request 1:" in (m.get("text") or ""))
    assert "📌 Where it stands: ✅ Approved" in decided["text"]
    assert [b["text"] for row in decided["reply_markup"]["inline_keyboard"] for b in row] == [
        "↩️ Take back the approval"]
    async with world.criw.uow() as uow:
        entry = next(e for e in await uow.audit.for_group(1) if e.action == "request.approve")
        dafydd_row = await uow.people.by_telegram_id(dafydd.id)
    assert entry.actor_person_id == dafydd_row.id and entry.detail["request_id"] == 1


async def test_a_non_coordinator_pressing_approve_with_a_forged_payload_is_refused_and_nothing_changes(world):
    await everyone_started(world)
    await load_resources(world)
    alys, ben = world.people["Alys"], world.people["Ben"]
    await ask_for_room(alys, WELSH, when="4 Rhagfyr 18:00")
    forged = ben.inbox()[-1]["message_id"]
    world.emulator.user_presses(ben.id, ben.id, forged, "1|rq|a|1", forged=True)
    await world.emulator.settle()
    assert "only the organisation's coordinators" in world.emulator.callback_answers[-1]["text"]
    assert await state_of(world, 1) == RequestState.PENDING
    async with world.criw.uow() as uow:
        assert not [e for e in await uow.audit.for_group(1) if e.action.startswith("request.approve")]
    assert "Newyddion da" not in (alys.last() or "")


async def test_two_concurrent_approvals_of_overlapping_bookings_leave_exactly_one_approved(world):
    await everyone_started(world)
    await load_resources(world)
    alys, ben, dafydd = world.people["Alys"], world.people["Ben"], world.people["Dafydd"]
    async with world.criw.uow() as uow:  # Ben coordinates the organisation too, so two get every card
        group = await uow.groups.by_chat(world.group["id"])
        (await uow.people.by_telegram_id(ben.id)).coordinates_organisation = group.organisation_id
        await uow.commit()
    await ask_for_room(alys, WELSH, when="4 Rhagfyr 18:00", until="20:00")
    await ask_for_room(alys, WELSH, when="4 Rhagfyr 19:00", until="21:00")
    first, second = card(dafydd, 1), card(ben, 2)
    assert "⛔ Already booked then" not in first["text"]
    world.emulator.user_presses(dafydd.id, dafydd.id, first["message_id"], button_data(first, "Approve"))
    world.emulator.user_presses(ben.id, ben.id, second["message_id"], button_data(second, "Approve"))
    await world.emulator.settle()
    assert sorted([await state_of(world, 1), await state_of(world, 2)]) == ["approved", "pending"]
    refused = [a["text"] for a in world.emulator.callback_answers if "already booked then" in a["text"]]
    assert len(refused) == 1
    waiting = 1 if await state_of(world, 1) == "pending" else 2
    await ben.send("/requests")
    await ben.tap(f"Open {waiting}")
    assert "⛔ Already booked then: 1 approved booking overlaps (set-up time included)." in ben.last()


async def test_declining_tells_the_member_the_reason_in_her_language(world):
    await everyone_started(world)
    await load_resources(world)
    alys, dafydd = world.people["Alys"], world.people["Dafydd"]
    await ask_for_room(alys, WELSH, when="4 Rhagfyr 18:00")
    await dafydd.tap("Decline")
    assert "Why can't it go ahead?" in dafydd.last()
    await dafydd.tap("Write a reason")
    await dafydd.send("The hall is being painted that week")
    assert f"❌ Declined. {ALYS} has been told why." in dafydd.last()
    told = alys.last()
    assert "❌ Mae'n ddrwg gen i: chafodd eich cais mo'i gymeradwyo." in told
    assert "❌ Rheswm: The hall is being painted that week" in told
    await ask_for_room(alys, WELSH, when="5 Rhagfyr 18:00")
    await dafydd.tap("Decline", message=card(dafydd, 2))
    await dafydd.tap("Too short notice")
    assert "❌ Rheswm: Does dim digon o rybudd i'w drefnu." in alys.last()
    async with world.criw.uow() as uow:
        reasons = [e.detail for e in await uow.audit.for_group(1) if e.action == "request.decline"]
    assert [d["reason_code"] for d in reasons] == ["typed", "notice"]
    assert reasons[0]["reason"] == "The hall is being painted that week"


async def test_bad_input_is_refused_with_a_clear_message_in_the_persons_language(world):
    await everyone_started(world)
    await load_resources(world)
    alys, dafydd = world.people["Alys"], world.people["Dafydd"]
    await alys.send("/ceisiadau")
    await alys.tap("Cais newydd")
    await alys.tap("Ystafell")
    await alys.tap("Neuadd yr Eglwys")
    await alys.send("4 Rhagfyr 18:00")
    await alys.send("17:00")
    assert "🕑 Mae'n rhaid iddo orffen ar ôl iddo ddechrau." in alys.last()
    await alys.tap("Canslo")
    await alys.send("/ceisiadau")
    await alys.tap("Cais newydd")
    await alys.tap("Trafnidiaeth")
    await alys.tap("Minibus")
    await alys.send("4 Rhagfyr 18:00")
    await alys.send("21:00")
    for seats in ("0", "10,000"):
        await alys.send(seats)
        assert "🔢 Mae hwnnw y tu allan i'r ystod: teipiwch rif o 1 i 100." in alys.last()
    await alys.tap("Canslo")
    await alys.send("/ceisiadau")
    await alys.tap("Cais newydd")
    await alys.tap("Arian")
    await alys.send("£-5")
    assert "💷 Does dim modd i swm fod yn llai na dim." in alys.last()
    await alys.send("lots")
    assert "💷 Mae'n ddrwg gen i, doeddwn i ddim yn gallu darllen y swm yna." in alys.last()
    await alys.tap("Canslo")
    await alys.send("/ceisiadau")  # a room removed while she was asking for it
    await alys.tap("Cais newydd")
    await alys.tap("Ystafell")
    await alys.tap("Neuadd yr Eglwys")
    await dafydd.send("/resources")
    await dafydd.tap("Remove a room or vehicle")
    await dafydd.tap("Neuadd yr Eglwys")
    for answer in ("4 Rhagfyr 18:00", "20:00", "12"):
        await alys.send(answer)
    await alys.tap("Wedi gorffen")
    await alys.tap("Symud ymlaen")
    await alys.tap("Ei anfon")
    assert "⛔ Mae'r ystafell neu'r cerbyd yna wedi'i dynnu" in alys.last()
    assert await requests_made(world) == []


async def test_a_passed_proposal_asks_for_a_room_and_the_checks_count_who_needs_step_free_access(world):
    await everyone_started(world)
    await load_resources(world)
    people, group = world.people, world.group
    dafydd, ben = people["Dafydd"], people["Ben"]
    await write_proposal(world, ben, PROPOSE_EN, "Quiz night", dates=("12 December 19:00",), room=True)
    for name, label in (("Alys", "Ie"), ("Ceri", "Ie"), ("Dafydd", "Yes"), ("Ben", "Yes")):
        await people[name].tap(label, chat=group)
    meetup_post = world.emulator.last_bot_message(group["id"])
    assert "📅 Meet-up: Quiz night" in meetup_post["text"]
    shown = dafydd.last()
    assert "🏠 Room: any suitable room" in shown and "🏠 No room chosen yet" in shown
    for name in ("Alys", "Ceri"):
        await people[name].send("/mynediad")
        await people[name].tap("Mae angen mynediad heb risiau arna i")
        await people[name].tap(GOING, chat=group)
    await dafydd.tap("Choose a room")
    await dafydd.tap("Canolfan y Dref, Ystafell 2")
    checked = dafydd.last()
    assert "👍 Chosen. Here is the request again, to approve." in checked
    assert "♿ 2 people who are going need step-free access; this room hasn't got it." in checked
    assert "Alys" not in checked and "Ceri" not in checked
    await dafydd.tap("Offer another room or time")
    await dafydd.tap("Neuadd yr Eglwys")
    assert f"🔁 Offered to {BEN}" in dafydd.last()
    assert "🔁 Offered instead: Neuadd yr Eglwys" in ben.last()
    await ben.tap("Accept")
    assert "✅ Good news: your request is approved." in ben.last()
    assert "📍 Where: Neuadd yr Eglwys, Heol y Plwyf, Caerdydd" in ben.last()
    assert f"✅ {BEN} accepted your offer. It is booked." in dafydd.last()
    await settled(world)
    line = world.emulator.last_bot_message(group["id"])
    assert line["text"].index("✅ Ystafell wedi'i harchebu: Neuadd yr Eglwys") < line["text"].index(
        "✅ Room booked: Neuadd yr Eglwys")
    assert line["reply_to_message"]["message_id"] == meetup_post["message_id"]
    assert "📍 Where: Neuadd yr Eglwys, Heol y Plwyf, Caerdydd" in post_text(world, meetup_post["message_id"])


async def test_a_minibus_for_a_meetup_tells_its_two_riders_their_pickup_privately(world):
    await everyone_started(world)
    await load_resources(world)
    people, group = world.people, world.group
    alys, ben, dafydd = people["Alys"], people["Ben"], people["Dafydd"]
    await new_meetup(world, title="Coffee and a chat", when="1 December 18:00")
    await alys.tap(LIFT, chat=group)
    await alys.send("Tu allan i'r llyfrgell")
    await ben.tap(LIFT, chat=group)
    await ben.send("Cardiff Central station")
    await ben.send("/requests")
    await ben.tap("New request")
    await ben.tap("Transport")
    await ben.tap("Coffee and a chat")
    await ben.tap("Minibus")
    await ben.send("2")
    await ben.send("0")
    await ben.tap("Skip")
    await ben.tap("Send it")
    shown = dafydd.last()
    assert "🚗 Lifts asked for on the meet-up: 2" in shown
    assert "📍 Pickup points: Tu allan i'r llyfrgell; Cardiff Central station" in shown
    assert "🧑‍✈️ Needs a driver: please arrange one." in shown
    await dafydd.tap("Approve")
    assert "🚌 Your lift is booked: Coffee and a chat" in ben.last()
    assert "🕑 Pickup time: Tuesday 1 December, 17:15" in ben.last()
    assert "📍 Pickup place: Cardiff Central station" in ben.last()
    assert "🚌 Mae eich lifft wedi'i drefnu: Coffee and a chat" in alys.last()
    assert "📍 Man codi: Tu allan i'r llyfrgell" in alys.last()
    await settled(world)
    line = world.emulator.last_bot_message(group["id"])
    assert "✅ Trafnidiaeth wedi'i threfnu: Minibus" in line["text"] and "✅ Transport booked: Minibus" in line["text"]
    assert "🚌 Transport: Minibus" in post_text(world, line["reply_to_message"]["message_id"])


async def test_a_coordinator_asks_a_question_and_the_member_answers_in_private(world):
    await everyone_started(world)
    await load_resources(world)
    alys, dafydd = world.people["Alys"], world.people["Dafydd"]
    await ask_for_room(alys, WELSH, when="4 Rhagfyr 18:00")
    await dafydd.tap("Ask a question")
    await dafydd.send("Will you need the kitchen?")
    assert f"❓ Your question was sent to {ALYS}." in dafydd.last()
    assert "❓ Cwestiwn: Will you need the kitchen?" in alys.last()
    await alys.tap("Ateb")
    await alys.send("Dim ond y tegell")
    assert "📨 Diolch. Mae eich ateb wedi'i anfon at y cydlynwyr." in alys.last()
    assert f"💬 {ALYS} answered your question." in dafydd.last() and "💬 Answer: Dim ond y tegell" in dafydd.last()
    assert await state_of(world, 1) == RequestState.PENDING


async def test_a_request_left_for_a_day_nudges_the_coordinators_once_a_day(world, clock):
    await everyone_started(world)
    await load_resources(world)
    alys, dafydd = world.people["Alys"], world.people["Dafydd"]
    await ask_for_room(alys, WELSH, when="10 Rhagfyr 18:00")
    before = len(dafydd.inbox())
    clock.advance(timedelta(hours=23))
    await world.tick()
    assert len(dafydd.inbox()) == before
    clock.advance(timedelta(hours=1, minutes=1))
    await world.tick()
    assert "⏰ This request has been waiting more than a day for a decision." in dafydd.last()
    await world.tick()
    assert len(dafydd.inbox()) == before + 1
    await dafydd.tap("Approve")
    clock.advance(timedelta(days=2))
    await world.tick()
    assert "⏰" not in dafydd.last()


async def test_coordinators_manage_rooms_in_private_and_see_the_queue_oldest_first(world):
    await everyone_started(world)
    ben, dafydd = world.people["Ben"], world.people["Dafydd"]
    await dafydd.send("/resources")
    await dafydd.tap("Add a room")
    for answer in ("Neuadd y Pentref", "Stryd Fawr"):
        await dafydd.send(answer)
    await dafydd.tap("20")
    await dafydd.tap("step-free access")
    await dafydd.tap("Done")
    await dafydd.send("Mon-Fri 09:00-21:00")
    await dafydd.tap("Skip")
    assert "🕘 Opening hours: Mon-Fri 09:00–21:00" in dafydd.last()
    await dafydd.tap("Save it")
    assert "💾 Saved: Neuadd y Pentref." in dafydd.last()
    await ben.send("/resources")
    assert "only the organisation's coordinators" in ben.last()
    await ask_for_room(ben, ENGLISH, room="Neuadd y Pentref", when="7 December 18:00")
    await ask_for_room(world.people["Alys"], WELSH, room="Neuadd y Pentref", when="8 Rhagfyr 18:00")
    await dafydd.send("/requests")
    listing = dafydd.last()
    assert listing.index("• 1 ·") < listing.index("• 2 ·") < listing.index("🧾 Your requests:")
    assert "📂 Open 1" in dafydd.buttons()
