"""Requests on a real database (SQLite and PostgreSQL): booking, the checks, and two approvals at once."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.bookings import Access, DeclineReason, Kind, RequestState
from bot.domain.opening_hours import read_opening_hours
from bot.domain.resources import Period, RequestDraft, RoomSpec, VehicleSpec
from bot.services import groups, people, request_decisions, requests, resources
from bot.services.errors import CannotApprove, InvalidRequest, NotACoordinator, RequestDecided

CHAT = -100
FRIDAY_6PM = datetime(2026, 12, 4, 18, 0, tzinfo=UTC)


async def member(uow, clock, telegram_id, name, status="member"):
    async with uow() as work:
        group = await groups.find_or_add(work, clock, CHAT, "Walkers")
        group.admission = "admitted"  # an organisation coordinator admitted it
        person = await people.meet(work, clock, telegram_id, name, None)

        async def lookup():
            return status

        await groups.note_presence(work, clock, group, person, lookup)
        person.can_dm = True
        await work.commit()


@pytest.fixture
async def walkers(uow, clock):
    """Dafydd and Eira coordinate the group and the organisation; Alys and Ben are members; the organisation
    has a hall and a minibus."""
    await member(uow, clock, 1, "Dafydd", status="creator")
    for telegram_id, name in ((2, "Alys"), (3, "Ben"), (4, "Eira")):
        await member(uow, clock, telegram_id, name)
    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        eira = await work.people.by_telegram_id(4)
        (await work.memberships.find(eira.id, group.id)).role = "coordinator"
        for coordinator in (eira, await work.people.by_telegram_id(1)):
            coordinator.coordinates_organisation = group.organisation_id
        await work.commit()
    async with uow() as work:
        await resources.add_room(work, clock, 1, RoomSpec("Hall", capacity=10, features={Access.HEARING_LOOP},
                                                          hours=read_opening_hours("Mon-Sun 09:00-23:00"),
                                                          buffer_minutes=30))
    async with uow() as work:
        await resources.add_vehicle(work, clock, 1, VehicleSpec("Minibus", seats=8, wheelchair_spaces=1))


def room_draft(start=FRIDAY_6PM, hours=2, people_count=6, resource_id=1, **changes):
    return RequestDraft(CHAT, Kind.ROOM, resource_id=resource_id, starts_at=start,
                        ends_at=start + timedelta(hours=hours), people=people_count, **changes)


async def ask_for(uow, clock, telegram_id, draft):
    async with uow() as work:
        return await requests.create(work, clock, telegram_id, draft)


async def approve(uow, clock, telegram_id, request_id):
    async with uow() as work:
        return await request_decisions.approve(work, clock, telegram_id, request_id)


async def test_a_member_asks_and_a_coordinator_approves_and_it_is_audited(uow, clock, walkers):
    asked = await ask_for(uow, clock, 2, room_draft())
    assert asked.state is RequestState.PENDING and not asked.assessment.problems
    decided = await approve(uow, clock, 1, asked.id)
    assert decided.view.state is RequestState.APPROVED and decided.view.decided_by.display_name == "Dafydd"
    async with uow() as work:
        actions = [entry.action for entry in await work.audit.for_group(1)]
        nudge = await work.reminders.pending_about("request_", asked.id)
    assert actions[-1] == "request.approve" and "request.create" in actions
    assert nudge == []


async def test_an_overlapping_booking_within_the_buffer_is_flagged_and_cannot_be_approved(uow, clock, walkers):
    first = await ask_for(uow, clock, 2, room_draft())
    await approve(uow, clock, 1, first.id)
    second = await ask_for(uow, clock, 3, room_draft(start=FRIDAY_6PM + timedelta(hours=2, minutes=15)))
    assert [p.code for p in second.assessment.problems] == ["clash"]
    with pytest.raises(CannotApprove) as refused:
        await approve(uow, clock, 4, second.id)
    assert refused.value.problem == "clash"
    later = await ask_for(uow, clock, 3, room_draft(start=FRIDAY_6PM + timedelta(hours=2, minutes=30)))
    assert (await approve(uow, clock, 4, later.id)).view.state is RequestState.APPROVED


async def test_two_concurrent_approvals_of_overlapping_bookings_leave_exactly_one_approved(uow, clock, walkers):
    asked = [await ask_for(uow, clock, 2 + n % 2, room_draft(start=FRIDAY_6PM + timedelta(minutes=10 * n)))
             for n in range(6)]
    outcomes = await asyncio.gather(*(approve(uow, clock, 1 if n % 2 else 4, request.id)
                                      for n, request in enumerate(asked)), return_exceptions=True)
    assert sum(not isinstance(outcome, Exception) for outcome in outcomes) == 1
    assert all(isinstance(outcome, CannotApprove) for outcome in outcomes if isinstance(outcome, Exception))
    async with uow() as work:
        states = [(await work.resources.request(request.id)).state for request in asked]
    assert states.count("approved") == 1 and states.count("pending") == 5


async def test_two_coordinators_approving_the_same_request_at_once_decide_it_once(uow, clock, walkers):
    asked = await ask_for(uow, clock, 2, room_draft())
    outcomes = await asyncio.gather(approve(uow, clock, 1, asked.id), approve(uow, clock, 4, asked.id),
                                    return_exceptions=True)
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Decided", "RequestDecided"]
    async with uow() as work:
        approvals = [e for e in await work.audit.for_group(1) if e.action == "request.approve"]
    assert len(approvals) == 1


async def test_a_member_cannot_approve(uow, clock, walkers):
    asked = await ask_for(uow, clock, 2, room_draft())
    with pytest.raises(NotACoordinator):
        await approve(uow, clock, 3, asked.id)
    async with uow() as work:
        assert (await work.resources.request(asked.id)).state == "pending"


async def test_capacity_access_needs_of_people_going_and_opening_hours_are_checked(uow, clock, walkers):
    async with uow() as work:
        await resources.toggle_access_need(work, clock, 2, Access.STEP_FREE)
    asked = await ask_for(uow, clock, 2, room_draft(start=FRIDAY_6PM + timedelta(hours=4), people_count=12,
                                                    access=["quiet_space"]))
    assert [(p.code, p.n) for p in asked.assessment.problems] == [("closed", 0), ("capacity", 2), ("access", 0)]
    assert not asked.assessment.blocked


async def test_money_is_approved_within_the_budget_and_refused_beyond_it(uow, clock, walkers):
    async with uow() as work:
        line = await resources.set_budget(work, clock, 1, CHAT, Period.QUARTER, 10_000)
    assert line.left == 10_000
    first = await ask_for(uow, clock, 2, RequestDraft(CHAT, Kind.MONEY, amount=6_000, note="Paint"))
    await approve(uow, clock, 1, first.id)
    second = await ask_for(uow, clock, 3, RequestDraft(CHAT, Kind.MONEY, amount=5_000, note="Brushes"))
    assert second.budget_left == 4_000 and second.assessment.blocked
    with pytest.raises(CannotApprove):
        await approve(uow, clock, 1, second.id)
    teas = [await ask_for(uow, clock, 2, RequestDraft(CHAT, Kind.MONEY, amount=3_000, note=f"Tea {n}"))
            for n in range(3)]
    outcomes = await asyncio.gather(*(approve(uow, clock, 1, tea.id) for tea in teas), return_exceptions=True)
    assert sum(not isinstance(outcome, Exception) for outcome in outcomes) == 1  # £40 left: one £30 fits


async def test_bad_requests_are_refused_with_a_reason(uow, clock, walkers):
    problems = []
    for draft in (room_draft(hours=-1), room_draft(people_count=0), room_draft(people_count=10_000),
                  RequestDraft(CHAT, Kind.VEHICLE, resource_id=2, starts_at=FRIDAY_6PM,
                               ends_at=FRIDAY_6PM + timedelta(hours=3), seats=10_000),
                  RequestDraft(CHAT, Kind.MONEY, amount=-500)):
        with pytest.raises(InvalidRequest) as refused:
            await ask_for(uow, clock, 2, draft)
        problems.append(refused.value.problem)
    assert problems == ["end_before_start", "people", "people", "seats", "amount"]


async def test_a_request_for_a_removed_room_is_refused(uow, clock, walkers):
    asked = await ask_for(uow, clock, 2, room_draft())
    async with uow() as work:
        await resources.remove(work, clock, 1, 1)
    with pytest.raises(InvalidRequest) as refused:
        await ask_for(uow, clock, 3, room_draft())
    assert refused.value.problem == "gone"
    with pytest.raises(CannotApprove) as blocked:
        await approve(uow, clock, 1, asked.id)
    assert blocked.value.problem == "gone"


async def test_decline_ask_answer_offer_and_accept(uow, clock, walkers):
    asked = await ask_for(uow, clock, 2, room_draft())
    async with uow() as work:
        await request_decisions.ask(work, clock, 1, asked.id, "Could you start at 19:00?")
    async with uow() as work:
        answered = await request_decisions.answer(work, clock, 2, asked.id, "Yes")
    assert answered.view.state is RequestState.PENDING and answered.view.request.answer == "Yes"
    async with uow() as work:
        offered = await request_decisions.offer(work, clock, 1, asked.id, None, FRIDAY_6PM + timedelta(hours=1))
    assert offered.view.state is RequestState.OFFERED
    async with uow() as work:
        accepted = await request_decisions.accept_offer(work, clock, 2, asked.id)
    assert accepted.view.state is RequestState.APPROVED
    assert accepted.view.request.starts_at == FRIDAY_6PM + timedelta(hours=1)
    other = await ask_for(uow, clock, 3, room_draft(start=FRIDAY_6PM + timedelta(days=1)))
    async with uow() as work:
        declined = await request_decisions.decline(work, clock, 4, other.id, DeclineReason.TYPED, "Closed for works")
    assert declined.view.request.reason == "Closed for works"
    with pytest.raises(RequestDecided):
        async with uow() as work:
            await request_decisions.approve(work, clock, 1, other.id)


async def test_a_passed_proposals_needs_become_requests_from_its_proposer(uow, clock, walkers):
    from bot.store.meetups import Meetup

    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        meetup = Meetup(group_id=group.id, organiser_id=2, title="Walk", starts_at=FRIDAY_6PM,
                        needs={"room": True, "transport_seats": 6, "money": 20})
        work.meetups.add(meetup)
        made = await requests.plan_from_needs(work, clock, meetup, group)
        await work.commit()
    assert [(r.kind, r.seats, r.amount, r.requester_id) for r in made] == [
        ("room", 0, 0, 2), ("vehicle", 6, 0, 2), ("money", 0, 2000, 2)]
    assert made[1].starts_at == FRIDAY_6PM - timedelta(minutes=45)
