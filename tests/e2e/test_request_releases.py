"""When plans change, requests follow: a cancelled meet-up closes its requests and frees its bookings; a member
gives back what was approved; a coordinator takes an approval back with a reason. Nothing is left behind."""

from datetime import timedelta

from bot.domain.bookings import RequestState
from tests.e2e.conftest import FULL_NAME
from tests.e2e.meetup_steps import GOING, everyone_started, manage, new_meetup, settled
from tests.e2e.request_steps import ENGLISH, WELSH, ask_for_room, load_resources
from tests.e2e.test_requests import card, state_of

ALYS = FULL_NAME["Alys"]  # her surname is a hostile one in every e2e world


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


async def test_a_member_gives_back_an_approved_room_and_it_is_free_again(world):
    await everyone_started(world)
    await load_resources(world)
    alys, ben, dafydd = world.people["Alys"], world.people["Ben"], world.people["Dafydd"]
    await ask_for_room(alys, WELSH, when="4 Rhagfyr 18:00")
    await dafydd.tap("Approve")
    await alys.send("/ceisiadau")
    await alys.tap("Rhoi 1 yn ôl")
    assert "↩️ Wedi'i roi'n ôl. Mae ar gael eto i bobl eraill." in alys.last()
    assert f"↩️ {ALYS} gave back what was approved. It is free again." in dafydd.last()
    given_back = card_for(dafydd, 1)
    assert f"↩️ Given back by {ALYS}." in given_back["text"] and "reply_markup" not in given_back
    assert "🔓 Free again at that time: Neuadd yr Eglwys" in given_back["text"]
    assert await state_of(world, 1) == RequestState.CANCELLED
    withdrawn = [detail for action, detail in await audit_actions(world) if action == "request.withdraw"]
    assert withdrawn == [{"request_id": 1, "was": "approved"}]
    await ask_for_room(ben, ENGLISH, when="4 December 18:00")
    assert "✅ No problems found." in card(dafydd, 2)["text"]


async def test_a_coordinator_takes_an_approval_back_with_a_typed_reason_or_a_preset_one(world):
    await everyone_started(world)
    await load_resources(world)
    alys, ben, dafydd = world.people["Alys"], world.people["Ben"], world.people["Dafydd"]
    await ask_for_room(alys, WELSH, when="4 Rhagfyr 18:00")
    await dafydd.tap("Approve")
    await dafydd.tap("Take back the approval", message=card(dafydd, 1))
    assert "↩️ Why are you taking the approval back?" in dafydd.last()
    await dafydd.tap("Write a reason")
    await dafydd.send("The boiler is broken")
    assert f"↩️ Approval taken back. {ALYS} has been told why." in dafydd.last()
    told = alys.last()
    assert "↩️ Mae'n ddrwg gen i: mae cydlynydd wedi tynnu cymeradwyaeth eich cais yn ôl." in told
    assert "❌ Rheswm: The boiler is broken" in told and "Sorry" not in told
    revoked = card_for(dafydd, 1)
    assert "↩️ Approval taken back. Reason: The boiler is broken" in revoked["text"]
    assert "📌 Where it stands: ↩️ Approval taken back" in revoked["text"] and "reply_markup" not in revoked
    await ask_for_room(ben, ENGLISH, when="4 December 18:00")
    await dafydd.tap("Approve", message=card(dafydd, 2))
    await dafydd.tap("Take back the approval", message=card(dafydd, 2))
    await dafydd.tap("Too short notice")
    assert "↩️ Sorry: a coordinator has taken back the approval of your request." in ben.last()
    assert "❌ Reason: It's too short notice to arrange." in ben.last()
    assert [await state_of(world, 1), await state_of(world, 2)] == [RequestState.REVOKED] * 2
    revokes = [d for a, d in await audit_actions(world) if a == "request.revoke"]
    assert [(d["reason_code"], d["reason"]) for d in revokes] == [("typed", "The boiler is broken"), ("notice", "")]


async def test_a_release_after_it_started_is_refused_clearly_and_nothing_changes(world, clock):
    await everyone_started(world)
    await load_resources(world)
    alys, dafydd = world.people["Alys"], world.people["Dafydd"]
    await ask_for_room(alys, WELSH, when="4 Rhagfyr 18:00")
    await dafydd.tap("Approve")
    clock.advance(timedelta(days=13, hours=8, minutes=30))  # Friday 4 December, 18:30 UTC: it has started
    await alys.send("/ceisiadau")
    await alys.tap("Rhoi 1 yn ôl")
    refused = world.emulator.callback_answers[-1]
    assert refused["text"] == "🕑 Mae wedi dechrau'n barod, felly does dim modd ei ryddhau nawr. Does dim wedi newid."
    await dafydd.tap("Take back the approval", message=card(dafydd, 1))
    await dafydd.tap("Already booked")
    assert world.emulator.callback_answers[-1]["text"] == (
        "🕑 It has already started, so it can't be released now. Nothing was changed.")
    assert await state_of(world, 1) == RequestState.APPROVED
    assert not [a for a, _ in await audit_actions(world) if a in ("request.withdraw", "request.revoke")]


async def test_cancelling_a_whole_series_calls_off_every_later_date_and_frees_their_bookings(world, clock):
    await everyone_started(world)
    await load_resources(world)
    people = world.people
    alys, dafydd = people["Alys"], people["Dafydd"]
    await new_meetup(world, title="Clwb cerdded", when="24 November 18:00", place="Y Neuadd",
                     repeat="Every week", by_default=False)
    await ask_for_room(alys, WELSH, meetup="Clwb cerdded · 1 Rhag")
    await dafydd.tap("Approve", message=card(dafydd, 1))

    await manage(world, title="📋 Clwb cerdded")  # the first of its three dates
    await dafydd.tap("Cancel the meet-up")
    await dafydd.tap("Cancel this and every later date")

    assert "❌ 3 dates cancelled, and it won't repeat." in dafydd.last()
    assert "📅 Cafodd y cyfarfod ei ganslo, felly mae eich cais wedi cau." in alys.last()
    assert await state_of(world, 1) == RequestState.CANCELLED
    async with world.criw.uow() as uow:
        dates = await uow.meetups.of_series(1)
        assert [meetup.status for meetup in dates] == ["cancelled"] * 3
        assert not (await uow.meetups.series(1)).active
    for meetup in dates:
        assert await pending_reminders_about(world, "meetup", meetup.id) == []
    clock.advance(timedelta(days=7))
    await world.tick()
    async with world.criw.uow() as uow:
        assert len(await uow.meetups.of_series(1)) == 3  # no new date was added


async def move_to(world, when):
    dafydd = await manage(world)
    await dafydd.tap("Change the time")
    await dafydd.send(when)
    await dafydd.tap("Yes, move it")
    return dafydd


async def booked_times(world, request_id):
    async with world.criw.uow() as uow:
        request = await uow.resources.request(request_id)
        return request.state, request.starts_at.isoformat()


async def test_moving_a_meetup_moves_its_bookings_and_a_clash_at_the_new_time_goes_back_to_the_coordinator(world):
    await everyone_started(world)
    await load_resources(world)
    alys, ben, dafydd = world.people["Alys"], world.people["Ben"], world.people["Dafydd"]
    await new_meetup(world, title="Coffee and a chat", when="1 December 18:00")
    await ask_for_room(alys, WELSH, meetup="Coffee and a chat")
    await dafydd.tap("✅ Approve", message=card(dafydd, 1))
    await ask_for_minibus(ben)
    await ask_for_room(ben, ENGLISH, when="3 December 17:00", until="21:00")
    await dafydd.tap("✅ Approve", message=card(dafydd, 3))

    await move_to(world, "2 December")  # the hall is free then: kept, and moved
    assert "📅 A meet-up moved, and its booking moved with it (still free): Neuadd yr Eglwys" in dafydd.last()
    assert await booked_times(world, 1) == ("approved", "2026-12-02T18:00:00+00:00")
    assert await booked_times(world, 2) == ("pending", "2026-12-02T17:15:00+00:00")
    assert "📅 When: Wednesday 2 December, 17:15–20:45" in card(dafydd, 2)["text"]

    await move_to(world, "3 December")  # Ben's evening in the hall: it clashes
    assert await booked_times(world, 1) == ("pending", "2026-12-03T18:00:00+00:00")  # nothing booked at 2 Dec
    back = card(dafydd, 1)["text"]
    assert "📅 The meet-up moved, and this is already booked at the new time." in back
    assert "⛔ Already booked then: 1 approved booking overlaps" in back
    told = "\n".join(m.get("text") or "" for m in alys.inbox()[-2:])
    assert "📅 Mae eich cyfarfod wedi symud, ond mae'r hyn a archebwyd ar ei gyfer wedi'i gymryd" in told
    assert await booked_times(world, 3) == ("approved", "2026-12-03T17:00:00+00:00")
    outcomes = [d["outcome"] for a, d in await audit_actions(world) if a == "request.meetup_moved"]
    assert outcomes == ["kept", "moved", "clash", "moved"]
