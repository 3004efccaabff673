"""Voting: casting a vote, closing a proposal (at its deadline, early, or by a coordinator), ties,
and the "closing soon" nudge. The rules themselves live in bot/domain/decisions.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain import decisions
from bot.domain.decisions import Choice, Outcome, OutcomeKind
from bot.domain.proposals import ProposalState
from bot.domain.roles import Role
from bot.services import meetup_reminders, meetups, outbox, proposals, reminders, requests, supporters
from bot.services.errors import NotACoordinator, NotFound, VotingClosed
from bot.services.proposals import ProposalView
from bot.store.models import AuditEntry, Group, Person
from bot.store.proposals import Proposal, Vote
from bot.store.uow import Conflict

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork, UnitOfWorkFactory

TIE_DECIDED = "proposal.tie_decided"  # the audit action that names who settled a tie
_STATE_FOR = {
    OutcomeKind.PASSED: ProposalState.PASSED,
    OutcomeKind.NOT_PASSED: ProposalState.NOT_PASSED,
    OutcomeKind.NO_QUORUM: ProposalState.NO_QUORUM,
    OutcomeKind.TIE_NOT_PASSED: ProposalState.NOT_PASSED,
    OutcomeKind.TIE_COORDINATORS: ProposalState.TIE,
}


@dataclass(frozen=True)
class Closing:
    """A proposal whose vote just ended (or was extended after a tie), for the outcome post."""

    view: ProposalView
    outcome: Outcome
    outbox: tuple[str, ...] = ()  # the announcement (and a passed vote's meet-up post), committed with it


@dataclass(frozen=True)
class VoteCast:
    view: ProposalView
    option_index: int
    choice: Choice  # what the press did: YES (ticked), NO (un-ticked / no), ABSTAIN
    closing: Closing | None  # the vote closed early because everyone had voted


async def cast_vote(
    uow: UnitOfWork, clock: Clock, chat_id: int, telegram_id: int, proposal_id: int, option_index: int,
    choice: Choice, *, entered_by: int | None = None,
) -> VoteCast:
    """Record one press of a vote button, after checking it all again: this group's proposal, a member of
    this group, still open, a real option. A second press by the same person replaces the first.

    `entered_by` (a Telegram id): a coordinator or named supporter votes for the member, audited as such."""
    proposal = await proposals.find_in_chat(uow, proposal_id, chat_id)  # locked: closing is decided below
    group = await uow.groups.get(proposal.group_id)
    assert group is not None
    voter = await proposals.member_of(uow, telegram_id, group)
    if proposal.state != ProposalState.OPEN:
        raise VotingClosed(proposal_id)
    options = await uow.proposals.options(proposal_id)
    if not 0 <= option_index < len(options):
        raise NotFound(option_index)
    assert voter.id is not None and group.id is not None
    if entered_by is not None:
        actor = await supporters.authorise(uow, entered_by, voter, group.id)
        supporters.record(uow, clock, actor, voter, group.id, "vote",
                          {"proposal_id": proposal_id, "option": option_index, "choice": str(choice)})
    recorded = await _record(uow, clock, proposal_id, voter.id, option_index, choice, len(options) > 1)
    try:
        await uow.commit()
    except Conflict:  # the same person pressed twice at the same instant; the other press won
        recorded = choice
        await uow.session.refresh(proposal)  # the rollback expired it
    current = await proposals.view(uow, proposal, options)
    closing = await _close_if_decided(uow, clock, current, force=False)
    return VoteCast(current if closing is None else closing.view, option_index, recorded, closing)


async def _record(
    uow: UnitOfWork, clock: Clock, proposal_id: int, person_id: int, index: int, choice: Choice, approval: bool
) -> Choice:
    """Store the press; in approval voting a date button toggles its tick and Abstain clears every tick."""
    if approval and choice is Choice.ABSTAIN:
        await uow.proposals.clear_votes_of(proposal_id, person_id)
    elif approval:
        abstained = await uow.proposals.vote_of(proposal_id, person_id, 0)
        if abstained is not None and abstained.choice == Choice.ABSTAIN:
            await uow.session.delete(abstained)
            await uow.flush()
        ticked = await uow.proposals.vote_of(proposal_id, person_id, index)
        choice = Choice.NO if ticked is not None and ticked.choice == Choice.YES else Choice.YES
    existing = await uow.proposals.vote_of(proposal_id, person_id, index)
    if existing is None:
        uow.proposals.add(Vote(proposal_id=proposal_id, option_index=index, person_id=person_id, choice=choice,
                               cast_at=clock.now()))
    else:
        existing.choice, existing.cast_at = choice, clock.now()
    return choice


async def _close_if_decided(uow: UnitOfWork, clock: Clock, current: ProposalView, *, force: bool) -> Closing | None:
    """Apply the decision rule now; store and return the result unless the vote stays open."""
    proposal = current.proposal
    moment = max(clock.now(), proposal.closes_at) if force else clock.now()
    outcome = decisions.decide(
        current.rule, current.tally, current.known_members, moment, proposal.closes_at, proposal.extended or force
    )
    if outcome.kind is OutcomeKind.OPEN:
        return None
    if outcome.kind is OutcomeKind.TIE_EXTEND:
        changes: dict[str, object] = {"closes_at": outcome.new_closes_at, "extended": True}
    else:
        changes = {"state": _STATE_FOR[outcome.kind], "winner": outcome.winner}
    if proposal.closed_reason:
        changes["closed_reason"] = proposal.closed_reason
    if not await uow.proposals.transition(proposal, **changes):
        return None  # someone else (another worker, a simultaneous vote) closed it first
    if outcome.kind is OutcomeKind.TIE_EXTEND:
        await proposals.plan_closing(uow, proposal, current.group)
    else:
        await reminders.cancel_about(uow, "vote_", current.id)
    posts = [await outbox.announce_outcome(uow, clock, current.group, current.id, outcome)]
    if outcome.kind is OutcomeKind.PASSED:
        posts.append(await _create_meetup(uow, clock, current, outcome.winner or 0))
    await uow.commit()
    return Closing(await proposals.view(uow, proposal), outcome, tuple(posts))


async def _create_meetup(uow: UnitOfWork, clock: Clock, current: ProposalView, winner: int) -> str:
    """The meet-up, its post to the group, its needs (a room, transport, money) as requests to the
    coordinators, and its reminders, together; returns its post's outbox key."""
    meetup = meetups.add_from_proposal(uow, current.proposal, current.options[winner].starts_at)
    await uow.flush()
    assert meetup.id is not None
    await requests.plan_from_needs(uow, clock, meetup, current.group)
    await meetup_reminders.plan_new(uow, clock, meetup, current.group)
    return await outbox.post_meetup(uow, clock, current.group, meetup.id)


async def close_if_due(uows: UnitOfWorkFactory, clock: Clock, proposal_id: int) -> Closing | None:
    """Close one vote whose deadline has come (its reminder fired); None if it isn't due or is already
    closed (by an early close, another worker, or a deadline moved by a tie)."""
    async with uows() as uow:
        proposal = await uow.proposals.lock(proposal_id)
        if proposal is None or proposal.state != ProposalState.OPEN or proposal.closes_at > clock.now():
            return None
        return await _close_if_decided(uow, clock, await proposals.view(uow, proposal), force=False)


async def close_now(uow: UnitOfWork, clock: Clock, proposal_id: int, telegram_id: int, reason: str) -> Closing:
    """A coordinator of the proposal's group ends the vote early, with a reason (audited)."""
    proposal = await uow.proposals.lock(proposal_id)
    if proposal is None:
        raise NotFound(proposal_id)
    actor = await uow.people.by_telegram_id(telegram_id)
    membership = actor and actor.id and await uow.memberships.find(actor.id, proposal.group_id)
    if not membership or membership.role != Role.COORDINATOR:
        raise NotACoordinator(proposal_id)
    if proposal.state != ProposalState.OPEN:
        raise VotingClosed(proposal_id)
    proposal.closed_reason = reason
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id if actor else None,
                             group_id=proposal.group_id, action="proposal.close_early",
                             detail={"proposal_id": proposal_id, "reason": reason}))
    closing = await _close_if_decided(uow, clock, await proposals.view(uow, proposal), force=True)
    assert closing is not None
    return closing


async def coordinators_of(uow: UnitOfWork, proposal: Proposal) -> list[Person]:
    """The people who settle a tie in a group whose rule gives ties to its coordinators."""
    return await uow.support.coordinators(proposal.group_id)


async def decide_tie(
    uow: UnitOfWork, clock: Clock, proposal_id: int, telegram_id: int, option_index: int | None, reason: str
) -> Closing:
    """A coordinator of the group settles a tie (a tied option, or not to go ahead) with a reason the group
    sees; audited. Never the proposer alone: only a coordinator may, and only in a group whose rule says so."""
    proposal = await uow.proposals.lock(proposal_id)
    if proposal is None:
        raise NotFound(proposal_id)
    actor = await uow.people.by_telegram_id(telegram_id)
    membership = actor and actor.id and await uow.memberships.find(actor.id, proposal.group_id)
    if not membership or membership.role != Role.COORDINATOR:
        raise NotACoordinator(proposal_id)
    if proposal.state != ProposalState.TIE:
        raise VotingClosed(proposal_id)
    current = await proposals.view(uow, proposal)
    if option_index is not None and not 0 <= option_index < len(current.options):
        raise NotFound(option_index)
    posts = []
    if option_index is None:
        changes: dict[str, object] = {"state": ProposalState.NOT_PASSED}
        outcome = Outcome(OutcomeKind.NOT_PASSED)
    else:
        changes = {"state": ProposalState.PASSED, "winner": option_index}
        outcome = Outcome(OutcomeKind.PASSED, winner=option_index)
    if not await uow.proposals.transition(proposal, closed_reason=reason, **changes):
        raise VotingClosed(proposal_id)  # another coordinator settled it first
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id if actor else None, group_id=proposal.group_id,
                             action=TIE_DECIDED,
                             detail={"proposal_id": proposal_id, "option": option_index, "reason": reason}))
    if option_index is not None:
        posts.append(await _create_meetup(uow, clock, current, option_index))
    posts.insert(0, await outbox.announce_outcome(uow, clock, current.group, current.id, outcome))
    await uow.commit()
    return Closing(await proposals.view(uow, proposal), outcome, tuple(posts))


async def tie_decider(uow: UnitOfWork, proposal: Proposal) -> Person | None:
    """The coordinator who settled this proposal's tie, for the outcome post (read from the audit)."""
    for entry in reversed(await uow.audit.for_group(proposal.group_id)):
        if entry.action == TIE_DECIDED and entry.detail.get("proposal_id") == proposal.id:
            return await uow.people.get(entry.actor_person_id) if entry.actor_person_id else None
    return None


async def nudge_targets(uows: UnitOfWorkFactory, clock: Clock, proposal_id: int) -> list[Person]:
    """Once per proposal: the members to nudge before it closes (pressed Start, want reminders, have
    not voted yet)."""
    async with uows() as uow:
        proposal = await uow.proposals.lock(proposal_id)
        if proposal is None or proposal.state != ProposalState.OPEN or proposal.nudged:
            return []
        if not await uow.proposals.transition(proposal, nudged=True):
            return []  # another sender is nudging for this one
        waiting = await uow.proposals.members_not_voted(proposal_id, proposal.group_id)
        await uow.commit()
    return [person for person in waiting if person.can_dm and person.reminders]


async def still_waiting_for(uow: UnitOfWork, proposal_id: int, person_id: int) -> tuple[Proposal, Group] | None:
    """The proposal and its group, if it is still open and this person still hasn't voted on it. That is all
    a nudge shows: no tally is counted for each of a fan-out's thousands of nudges."""
    proposal = await uow.proposals.get(proposal_id)
    if proposal is None or proposal.state != ProposalState.OPEN or await uow.proposals.votes_of(proposal_id, person_id):
        return None
    group = await uow.groups.get(proposal.group_id)
    return (proposal, group) if group is not None else None
