"""When plans change, requests follow: a cancelled meet-up closes its requests and frees its bookings; a member
gives back what was approved; a coordinator takes an approval back with a reason. Nothing is left behind."""

from datetime import timedelta

from bot.domain.bookings import RequestState
from tests.e2e.meetup_steps import GOING, everyone_started, manage, new_meetup, settled
from tests.e2e.request_steps import ENGLISH, WELSH, ask_for_room, load_resources
from tests.e2e.test_requests import card, state_of


def card_for(phone, request_id):
    """The latest message in the phone's private chat that is the card for a request, buttons or not."""
    return next(m for m in reversed(phone.inbox()) if f"Request {request_id}:" in (m.get("text") or ""))


async def audit_actions(world):
    async with world.criw.uow() as uow:
        return [(entry.action, entry.detail) for entry in await uow.audit.for_group(1)]


async def pending_reminders_about(world, prefix, subject_id):
    async with world.criw.uow() as uow:
        return await uow.reminders.pending_about(prefix, subject_id)


async def ask_for_minibus(ben, meetup="Coffee and a chat"):
    """Ben asks, in English, for the minibus for a meet-up, for two people."""
    await ben.send("/requests")
    await ben.tap("New request")
    await ben.tap("Transport")
    await ben.tap(meetup)
    await ben.tap("Minibus")
    await ben.send("2")
    await ben.send("0")
    await ben.tap("Skip")
    await ben.tap("Send it")


async def test_cancelling_a_meetup_closes_its_pending_request_and_frees_its_approved_room(world, clock):
    await everyone_started(world)
    await load_resources(world)
    people, group = world.people, world.group
    alys, ben, dafydd = people["Alys"], people["Ben"], people["Dafydd"]
    await new_meetup(world, title="Coffee and a chat", when="1 December 18:00")
    await alys.tap(GOING, chat=group)
    await ask_for_room(alys, WELSH, meetup="Coffee and a chat")
    await dafydd.tap("Approve", message=card(dafydd, 1))
    await ask_for_minibus(ben)
    assert await state_of(world, 2) == RequestState.PENDING
    assert await pending_reminders_about(world, "meetup", 1) and await pending_reminders_about(world, "request_", 2)

    await manage(world)
    await dafydd.tap("Cancel the meet-up")
    await dafydd.tap("Yes, cancel it")

    assert [await state_of(world, 1), await state_of(world, 2)] == [RequestState.CANCELLED] * 2
    told_alys = "\n".join(m.get("text") or "" for m in alys.inbox()[-2:])
    assert "❌ Wedi'i ganslo: Coffee and a chat" in told_alys  # the meet-up's own notice, as before
    assert "📅 Cafodd y cyfarfod ei ganslo, felly mae eich cais wedi cau." in told_alys
    assert "🔓 Ar gael eto bryd hynny: Neuadd yr Eglwys" in told_alys and "Free again" not in told_alys
    assert "📅 The meet-up was cancelled, so your request is closed." in ben.last()
    released, closed = card_for(dafydd, 1), card_for(dafydd, 2)
    assert "📅 Released: the meet-up was cancelled." in released["text"] and "reply_markup" not in released
    assert "🔓 Free again at that time: Neuadd yr Eglwys" in released["text"]
    assert "📅 Closed: the meet-up was cancelled." in closed["text"] and "reply_markup" not in closed
    assert "No problems found" not in closed["text"]
    for request_id in (1, 2):
        assert await pending_reminders_about(world, "request_", request_id) == []
    assert await pending_reminders_about(world, "meetup", 1) == []
    actions = await audit_actions(world)
    assert [detail["was"] for action, detail in actions if action == "request.meetup_cancelled"] == [
        "approved", "pending"]
    await dafydd.send("/requests")
    assert "Nothing is waiting." in dafydd.last()

    before = len(dafydd.inbox())  # no nudge, no reminder for what was cancelled
    clock.advance(timedelta(days=2))
    await world.tick()
    assert len(dafydd.inbox()) == before
    await ask_for_room(ben, ENGLISH, when="1 December 17:00", until="21:00")  # the hall is free again then
    assert "✅ No problems found." in card(dafydd, 3)["text"]
    await dafydd.tap("Approve", message=card(dafydd, 3))
    assert await state_of(world, 3) == RequestState.APPROVED
    await settled(world)
