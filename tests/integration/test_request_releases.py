"""When plans change, on a real database (SQLite and PostgreSQL): a cancelled meet-up's requests close and its
booking is freed in the same commit; releases race safely; limits refuse an approval without a reason."""

import asyncio
from datetime import timedelta

import pytest

from bot.domain.bookings import OVER_LIMIT, ClosedBecause, DeclineReason, Kind, RequestState
from bot.domain.resources import RequestDraft
from bot.services import meetup_changes, request_decisions, request_releases
from bot.services.errors import CannotApprove, InvalidRequest, RequestDecided
from bot.store.meetups import Meetup
from tests.integration.test_requests import CHAT, FRIDAY_6PM, approve, ask_for, room_draft
from tests.integration.test_requests import walkers as walkers  # the same people, hall and minibus

pytestmark = pytest.mark.usefixtures("walkers")


async def state_of(uow, request_id):
    async with uow() as work:
        request = await work.resources.request(request_id)
        return request.state, request.reason_code


async def test_cancelling_a_meetup_closes_its_requests_and_frees_its_room_in_one_commit(uow, clock):
    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        meetup = Meetup(group_id=group.id, organiser_id=2, title="Walk", starts_at=FRIDAY_6PM, created_at=clock.now())
        work.meetups.add(meetup)
        await work.commit()
        meetup_id = meetup.id
    room = await ask_for(uow, clock, 2, room_draft(meetup_id=meetup_id))
    await approve(uow, clock, 1, room.id)
    money = await ask_for(uow, clock, 3, RequestDraft(CHAT, Kind.MONEY, amount=2000, meetup_id=meetup_id))
    async with uow() as work:
        cancelled = await meetup_changes.cancel(work, clock, meetup_id, 1)
    assert sorted(cancelled.closed_requests) == [room.id, money.id]
    assert await state_of(uow, room.id) == (RequestState.CANCELLED, ClosedBecause.MEETUP_RELEASED)
    assert await state_of(uow, money.id) == (RequestState.CANCELLED, ClosedBecause.MEETUP_CANCELLED)
    async with uow() as work:
        assert await work.reminders.pending_about("request_", money.id) == []
        assert await work.resources.queue(1, 10) == []
    again = await ask_for(uow, clock, 3, room_draft())  # the same hall, the same evening: free again
    assert not again.assessment.problems
    assert (await approve(uow, clock, 1, again.id)).view.state is RequestState.APPROVED


async def test_a_withdrawal_and_a_revocation_at_once_leave_exactly_one_outcome(uow, clock):
    asked = await ask_for(uow, clock, 2, room_draft())
    await approve(uow, clock, 1, asked.id)

    async def withdraw():
        async with uow() as work:
            return await request_releases.withdraw(work, clock, 2, asked.id)

    async def revoke():
        async with uow() as work:
            return await request_releases.revoke(work, clock, 4, asked.id, DeclineReason.BOOKED)

    outcomes = await asyncio.gather(withdraw(), revoke(), return_exceptions=True)
    assert sum(not isinstance(outcome, Exception) for outcome in outcomes) == 1
    assert all(isinstance(outcome, RequestDecided) for outcome in outcomes if isinstance(outcome, Exception))
    async with uow() as work:
        actions = [entry.action for entry in await work.audit.for_group(1)]
    assert actions.count("request.withdraw") + actions.count("request.revoke") == 1


async def test_a_release_after_the_start_is_refused_and_nothing_changes(uow, clock):
    asked = await ask_for(uow, clock, 2, room_draft())
    await approve(uow, clock, 1, asked.id)
    clock.moment = FRIDAY_6PM
    for release in (lambda work: request_releases.withdraw(work, clock, 2, asked.id),
                    lambda work: request_releases.revoke(work, clock, 1, asked.id, DeclineReason.TYPED, "Sorry")):
        with pytest.raises(InvalidRequest) as refused:
            async with uow() as work:
                await release(work)
        assert refused.value.problem == "started"
    assert await state_of(uow, asked.id) == (RequestState.APPROVED, "")


async def test_a_room_too_small_is_refused_until_a_coordinator_gives_a_reason(uow, clock):
    asked = await ask_for(uow, clock, 2, room_draft(people_count=12))  # the hall holds 10
    with pytest.raises(CannotApprove) as refused:
        await approve(uow, clock, 1, asked.id)
    assert refused.value.problem == "capacity"
    with pytest.raises(InvalidRequest):
        async with uow() as work:
            await request_decisions.approve_over_limit(work, clock, 1, asked.id, "   ")

    async def over(telegram_id):
        async with uow() as work:
            return await request_decisions.approve_over_limit(work, clock, telegram_id, asked.id, "Two stand")

    outcomes = await asyncio.gather(over(1), over(4), return_exceptions=True)  # two coordinators at once
    assert sum(not isinstance(outcome, Exception) for outcome in outcomes) == 1
    assert await state_of(uow, asked.id) == (RequestState.APPROVED, OVER_LIMIT)
    async with uow() as work:
        approvals = [entry.detail for entry in await work.audit.for_group(1) if entry.action == "request.approve"]
    assert [detail["override"] for detail in approvals] == ["Two stand"]


async def test_moving_a_meetup_keeps_a_free_booking_and_sends_a_clashing_one_back_in_one_commit(uow, clock):
    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        meetup = Meetup(group_id=group.id, organiser_id=2, title="Walk", starts_at=FRIDAY_6PM, created_at=clock.now())
        work.meetups.add(meetup)
        await work.commit()
        meetup_id = meetup.id
    room = await ask_for(uow, clock, 2, room_draft(meetup_id=meetup_id))
    await approve(uow, clock, 1, room.id)
    other = await ask_for(uow, clock, 3, room_draft(start=FRIDAY_6PM + timedelta(days=2)))
    await approve(uow, clock, 1, other.id)
    async with uow() as work:
        moved = await meetup_changes.change(work, clock, meetup_id, 1, starts_at=FRIDAY_6PM + timedelta(days=1))
    assert moved.moved_requests == ((room.id, "kept"),)
    async with uow() as work:
        kept = await work.resources.request(room.id)
        assert (kept.state, kept.starts_at) == (RequestState.APPROVED, FRIDAY_6PM + timedelta(days=1))
    clock.advance(timedelta(hours=1))
    async with uow() as work:
        moved = await meetup_changes.change(work, clock, meetup_id, 1, starts_at=FRIDAY_6PM + timedelta(days=2))
    assert moved.moved_requests == ((room.id, "clash"),)
    async with uow() as work:
        sent_back = await work.resources.request(room.id)
        assert (sent_back.state, sent_back.starts_at) == (RequestState.PENDING, FRIDAY_6PM + timedelta(days=2))
        assert await work.reminders.pending_about("request_nudge", room.id)
