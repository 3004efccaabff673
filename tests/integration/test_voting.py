"""Voting services on a real database: one vote per person per option, closing, isolation."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.decisions import Choice, OutcomeKind
from bot.domain.proposals import Draft
from bot.services import groups, people, proposals, rules, voting
from bot.services.errors import InvalidProposal, NotACoordinator, NotAMember, NotFound, VotingClosed

CHAT = -100


async def member(uow, clock, telegram_id, name, chat=CHAT, status="member"):
    async with uow() as work:
        group = await groups.find_or_add(work, clock, chat, "Walkers")
        group.admission = "admitted"  # an organisation coordinator admitted it
        person = await people.meet(work, clock, telegram_id, name, None)

        async def lookup():
            return status

        await groups.note_presence(work, clock, group, person, lookup)
        await work.commit()


async def proposal(uow, clock, proposer=1, options=1, chat=CHAT):
    start = clock.now() + timedelta(days=14)
    draft = Draft(chat, "Walk", options=[start + timedelta(days=i) for i in range(options)])
    async with uow() as work:
        return await proposals.submit(work, clock, proposer, draft)


async def vote(uow, clock, telegram_id, proposal_id, choice="yes", option=0, chat=CHAT):
    async with uow() as work:
        return await voting.cast_vote(work, clock, chat, telegram_id, proposal_id, option, Choice(choice))


@pytest.fixture
async def walkers(uow, clock):
    await member(uow, clock, 1, "Dafydd", status="creator")
    for telegram_id, name in ((2, "Alys"), (3, "Ben"), (4, "Ceri")):
        await member(uow, clock, telegram_id, name)


async def test_a_proposal_closes_before_its_activity_and_within_the_vote_length(uow, clock, walkers):
    view = await proposal(uow, clock)
    assert view.proposal.closes_at <= clock.now() + timedelta(days=7)
    assert view.proposal.closes_at < view.options[0].starts_at


async def test_a_proposal_for_tomorrow_morning_is_too_soon_to_vote_on(uow, clock, walkers):
    draft = Draft(CHAT, "Walk", options=[clock.now() + timedelta(hours=2)])
    with pytest.raises(InvalidProposal):
        async with uow() as work:
            await proposals.submit(work, clock, 1, draft)


async def test_pressing_twice_keeps_one_vote_per_person(uow, clock, walkers):
    view = await proposal(uow, clock)
    await vote(uow, clock, 2, view.id, "yes")
    cast = await vote(uow, clock, 2, view.id, "no")
    assert cast.view.tally.options[0].yes == 0 and cast.view.tally.options[0].no == 1
    async with uow() as work:
        assert len(await work.proposals.votes(view.id)) == 1


async def test_simultaneous_presses_by_one_person_still_leave_one_vote(uow, clock, walkers):
    view = await proposal(uow, clock)
    results = await asyncio.gather(*(vote(uow, clock, 2, view.id, "yes") for _ in range(5)), return_exceptions=True)
    assert not [r for r in results if isinstance(r, Exception) and not isinstance(r, VotingClosed)]
    async with uow() as work:
        assert len(await work.proposals.votes(view.id)) == 1


async def test_a_non_member_cannot_vote(uow, clock, walkers):
    view = await proposal(uow, clock)
    async with uow() as work:
        await people.meet(work, clock, 99, "Stranger", None)
        await work.commit()
    with pytest.raises(NotAMember):
        await vote(uow, clock, 99, view.id)


async def test_a_proposal_id_from_another_group_is_not_found(uow, clock, walkers):
    await member(uow, clock, 50, "Other", chat=-200, status="creator")
    other = await proposal(uow, clock, proposer=50, chat=-200)
    with pytest.raises(NotFound):
        await vote(uow, clock, 2, other.id)


async def test_when_everyone_has_voted_a_settled_vote_closes_early_and_makes_a_meetup(uow, clock, walkers):
    view = await proposal(uow, clock)
    for telegram_id in (1, 2, 3):
        await vote(uow, clock, telegram_id, view.id, "yes")
    cast = await vote(uow, clock, 4, view.id, "no")
    assert cast.closing is not None and cast.closing.outcome.kind is OutcomeKind.PASSED
    async with uow() as work:
        assert (await work.proposals.meetup_for(view.id)) is not None
    with pytest.raises(VotingClosed):
        await vote(uow, clock, 4, view.id, "yes")


async def test_closing_at_the_deadline_happens_once_however_many_senders_race(uow, clock, walkers):
    view = await proposal(uow, clock)
    assert await voting.close_if_due(uow, clock, view.id) is None  # not due yet
    clock.advance(timedelta(days=8))
    results = await asyncio.gather(*(voting.close_if_due(uow, clock, view.id) for _ in range(3)))
    closings = [result for result in results if result is not None]
    assert len(closings) == 1 and closings[0].outcome.kind is OutcomeKind.NO_QUORUM
    async with uow() as work:
        assert sorted(r.kind for r in await work.reminders.in_state("cancelled")) == ["vote_close", "vote_nudge"]


async def test_submitting_plans_the_closing_and_the_nudge(uow, clock, walkers):
    view = await proposal(uow, clock)
    async with uow() as work:
        planned = {r.kind: r for r in await work.reminders.in_state("pending")}
    assert planned["vote_close"].due_at == view.proposal.closes_at
    assert planned["vote_nudge"].due_at == view.proposal.closes_at - timedelta(hours=24)


async def test_the_nudge_goes_once_to_members_who_want_reminders_and_have_not_voted(uow, clock, walkers):
    view = await proposal(uow, clock)
    async with uow() as work:
        for telegram_id in (2, 3, 4):
            await people.set_reachable(work, telegram_id, True)
        await people.set_reminders(work, clock, 4, False)
    await vote(uow, clock, 2, view.id, "yes")
    first, second = await asyncio.gather(voting.nudge_targets(uow, clock, view.id),
                                         voting.nudge_targets(uow, clock, view.id))
    assert sorted(p.display_name for p in first + second) == ["Ben"]


def test_the_fixed_clock_starts_in_utc(clock):
    assert clock.now().tzinfo is UTC and clock.now() > datetime(2026, 1, 1, tzinfo=UTC)


async def test_only_a_coordinator_settles_a_tie_and_only_once(uow, clock, walkers):
    async with uow() as work:
        await rules.change(work, clock, CHAT, 1, "tie", "coordinators")
    view = await proposal(uow, clock, proposer=3)
    for voter, choice in ((1, "yes"), (2, "yes"), (3, "no"), (4, "no")):
        await vote(uow, clock, voter, view.id, choice)
    clock.advance(timedelta(days=8))
    closing = await voting.close_if_due(uow, clock, view.id)
    assert closing is not None and closing.outcome.kind is OutcomeKind.TIE_COORDINATORS
    with pytest.raises(NotACoordinator):
        async with uow() as work:
            await voting.decide_tie(work, clock, view.id, 3, 0, "I proposed it")  # the proposer, alone
    async with uow() as work:
        decided = await voting.decide_tie(work, clock, view.id, 1, 0, "The room is booked already")
    assert decided.outcome.kind is OutcomeKind.PASSED
    async with uow() as work:
        decider = await voting.tie_decider(work, decided.view.proposal)
    assert decider is not None and decider.display_name == "Dafydd"
    assert decided.view.proposal.closed_reason == "The room is booked already"
    with pytest.raises(VotingClosed):
        async with uow() as work:
            await voting.decide_tie(work, clock, view.id, 1, None, "Changed my mind")
