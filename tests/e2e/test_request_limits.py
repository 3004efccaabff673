"""Capacity is a rule: a room's capacity, a vehicle's seats and its wheelchair spaces refuse an approval,
unless a coordinator approves over the limit with a typed reason (audited, and on the card)."""

from bot.domain.bookings import RequestState
from tests.e2e.conftest import FULL_NAME
from tests.e2e.meetup_steps import everyone_started
from tests.e2e.request_steps import ENGLISH, WELSH, ask_for_room, load_resources
from tests.e2e.test_request_releases import audit_actions, card_for
from tests.e2e.test_requests import card, state_of

ALYS = FULL_NAME["Alys"]  # her surname is a hostile one in every e2e world


async def test_an_over_capacity_approval_is_refused_then_passed_with_a_typed_reason(world):
    await everyone_started(world)
    await load_resources(world)
    alys, dafydd = world.people["Alys"], world.people["Dafydd"]
    await ask_for_room(alys, WELSH, room="Canolfan y Dref, Ystafell 2", when="4 Rhagfyr 18:00", people="20")
    assert "👥 Too small: 8 more people than the room holds." in card(dafydd, 1)["text"]
    await dafydd.tap("✅ Approve", message=card(dafydd, 1))
    assert world.emulator.callback_answers[-1]["text"].startswith(
        "⛔ Not approved: more people are coming than the room holds.")
    assert await state_of(world, 1) == RequestState.PENDING
    assert "Newyddion da" not in (alys.last() or "")
    await dafydd.tap("Approve over the limit", message=card(dafydd, 1))
    assert "⚠️ Why approve it over the limit?" in dafydd.last()
    await dafydd.send("We will open the partition into the hall")
    assert f"✅ Approved. {ALYS} has been told." in dafydd.last()
    assert "✅ Newyddion da: mae eich cais wedi'i gymeradwyo." in alys.last()
    approved = card_for(dafydd, 1)
    assert "⚠️ Approved over the limit. Reason: We will open the partition into the hall" in approved["text"]
    assert await state_of(world, 1) == RequestState.APPROVED
    approvals = [detail for action, detail in await audit_actions(world) if action == "request.approve"]
    assert [detail.get("override") for detail in approvals] == ["We will open the partition into the hall"]


async def test_two_wheelchair_users_cannot_be_approved_onto_a_minibus_with_one_wheelchair_space(world):
    await everyone_started(world)
    await load_resources(world)
    ben, dafydd = world.people["Ben"], world.people["Dafydd"]
    await ben.send("/requests")
    await ben.tap(ENGLISH["new"])
    await ben.tap("Transport")
    if "📍" in (ben.last() or ""):
        await ben.tap(ENGLISH["not_meetup"])
    await ben.tap("Minibus")
    for answer in ("4 December 10:00", "16:00", "4", "2"):
        await ben.send(answer)
    await ben.tap("Skip")  # pickup points
    await ben.tap("Skip")  # what it is for
    await ben.tap("Send it")
    shown = card(dafydd, 1)["text"]
    assert "♿ Wheelchair spaces: 2" in shown and "♿ Not enough wheelchair spaces: 1 short." in shown
    await dafydd.tap("✅ Approve", message=card(dafydd, 1))
    assert world.emulator.callback_answers[-1]["text"].startswith(
        "⛔ Not approved: more wheelchair users need a space than the vehicle has.")
    assert await state_of(world, 1) == RequestState.PENDING
    assert not [action for action, _ in await audit_actions(world) if action == "request.approve"]
    assert "Good news" not in (ben.last() or "")
