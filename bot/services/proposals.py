"""Proposals: posting one to the group, reading where they stand, withdrawing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain import deadlines, decisions
from bot.domain.decisions import DecisionRule, Majority, Tally, TieBreak
from bot.domain.proposals import Draft, ProposalState
from bot.services import outbox, reminders
from bot.services.errors import BotNotInGroup, InvalidProposal, NotAMember, NotFound, VotingClosed
from bot.store.models import AuditEntry, Group, Organisation, Person
from bot.store.proposals import GroupRule, Proposal, ProposalOption

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork



@dataclass(frozen=True)
class ProposalView:
    """A proposal with everything needed to show it: options, tally, group, proposer, rule."""

    proposal: Proposal
    options: list[ProposalOption]
    tally: Tally
    group: Group
    proposer: Person
    rule: DecisionRule
    known_members: int
    names: dict[tuple[int, str], list[str]] = field(default_factory=dict)  # open votes: who chose what

    @property
    def id(self) -> int:
        assert self.proposal.id is not None
        return self.proposal.id

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.group.timezone)

    @property
    def is_date_choice(self) -> bool:
        return len(self.options) > 1


def rule_of(row: GroupRule | None) -> DecisionRule:
    if row is None:
        return DecisionRule()
    share = None if row.quorum_share is None else Fraction(row.quorum_share).limit_denominator(100)
    return DecisionRule(row.quorum_min_voters, share, Majority(row.majority), TieBreak(row.tie_break),
                        row.earlier_date_wins, anonymous=row.anonymous)


async def view(uow: UnitOfWork, proposal: Proposal, options: list[ProposalOption] | None = None) -> ProposalView:
    """Everything about the proposal as it stands; pass `options` when they are loaded already."""
    assert proposal.id is not None
    options = options if options is not None else await uow.proposals.options(proposal.id)
    votes = [decisions.Vote(person, index, decisions.Choice(choice))
             for person, index, choice in await uow.proposals.ballots(proposal.id)]
    group = await uow.groups.get(proposal.group_id)
    proposer = await uow.session.get(Person, proposal.proposer_id)
    assert group is not None and group.id is not None and proposer is not None
    rule = rule_of(await uow.proposals.rule(group.id))
    names: dict[tuple[int, str], list[str]] = {}
    if not rule.anonymous:
        for index, choice, name in await uow.proposals.voter_names(proposal.id):
            names.setdefault((index, choice), []).append(name)
    return ProposalView(
        proposal, options, decisions.tally(votes, len(options)), group, proposer, rule,
        await uow.proposals.member_count(group.id), names,
    )


async def find_in_chat(uow: UnitOfWork, proposal_id: int, chat_id: int) -> Proposal:
    """The proposal, locked for this transaction (PostgreSQL), only if it belongs to the group of this chat:
    a forged id from another group is indistinguishable from one that doesn't exist."""
    proposal = await uow.proposals.lock(proposal_id)
    group = proposal and await uow.groups.get(proposal.group_id)
    if proposal is None or not group or group.chat_id != chat_id:
        raise NotFound(proposal_id)
    return proposal


async def member_of(uow: UnitOfWork, telegram_id: int, group: Group) -> Person:
    """The person, if they are a member of the group; NotAMember otherwise."""
    person = await uow.memberships.member(telegram_id, group.id) if group.id is not None else None
    if person is None or person.id is None:
        raise NotAMember(group.chat_id)
    return person


async def submit(uow: UnitOfWork, clock: Clock, proposer_telegram_id: int, draft: Draft) -> ProposalView:
    """Post a finished draft: checked again here, whatever the conversation let through."""
    group = await uow.groups.by_chat(draft.group_chat_id)
    if group is None or group.id is None:
        raise NotFound(draft.group_chat_id)
    proposer = await member_of(uow, proposer_telegram_id, group)
    if not group.bot_present:
        raise BotNotInGroup(draft.group_chat_id)
    now = clock.now()
    if not draft.title:
        raise InvalidProposal("no_title")
    if not draft.options:
        raise InvalidProposal("no_date")
    if draft.options[0] <= now:
        raise InvalidProposal("past")
    closes_at = draft.closes_at or (await voting_window(uow, group, draft, now)).closes_at
    if not deadlines.acceptable_close(closes_at, now, draft.options[0]):
        raise InvalidProposal("too_soon")
    assert proposer.id is not None
    proposal = Proposal(
        group_id=group.id, proposer_id=proposer.id, title=draft.title, description=draft.description,
        place=draft.place, needs=draft.needs.to_dict(), opened_at=now, closes_at=closes_at,
    )
    uow.proposals.add(proposal)
    await uow.flush()
    assert proposal.id is not None
    for index, moment in enumerate(draft.options):
        uow.proposals.add(ProposalOption(proposal_id=proposal.id, index=index, starts_at=moment))
    await plan_closing(uow, proposal, group)
    await reminders.plan(uow, kind="vote_nudge", key=f"vote_nudge:{proposal.id}", group=group,
                         due_at=decisions.nudge_time(proposal.opened_at, proposal.closes_at), subject_id=proposal.id)
    await outbox.post_proposal(uow, clock, group, proposal.id)  # with the proposal, or not at all
    await uow.commit()
    return await view(uow, proposal)


async def voting_window(uow: UnitOfWork, group: Group, draft: Draft, now: datetime) -> deadlines.VotingWindow:
    """When the draft's vote would really close, and what that leaves the organisation (its notice)."""
    organisation = await uow.session.get(Organisation, group.organisation_id)
    notice = timedelta(days=organisation.notice_days if organisation else deadlines.DEFAULT_NOTICE_DAYS)
    return deadlines.window(now, draft.vote_days, draft.options[0], ZoneInfo(group.timezone), notice,
                            draft.needs.any)


async def notice_days(uow: UnitOfWork, chat_id: int) -> int:
    """The organisation's notice for rooms, transport and money, in days, for the group of this chat."""
    group = await uow.groups.by_chat(chat_id)
    organisation = await uow.session.get(Organisation, group.organisation_id) if group else None
    return organisation.notice_days if organisation else deadlines.DEFAULT_NOTICE_DAYS


async def window_for_draft(uow: UnitOfWork, clock: Clock, draft: Draft) -> deadlines.VotingWindow:
    """The review step's honest deadline for a draft (its group found by chat)."""
    group = await uow.groups.by_chat(draft.group_chat_id)
    if group is None or not draft.options:
        raise NotFound(draft.group_chat_id)
    return await voting_window(uow, group, draft, clock.now())


async def plan_closing(uow: UnitOfWork, proposal: Proposal, group: Group) -> None:
    """The reminder that closes the vote at its deadline (a new one for each deadline, e.g. after a tie)."""
    await reminders.plan(uow, kind="vote_close", key=f"vote_close:{proposal.id}:{proposal.closes_at.isoformat()}",
                         group=group, due_at=proposal.closes_at, subject_id=proposal.id)


async def record_post(uow: UnitOfWork, proposal_id: int, message_id: int) -> None:
    proposal = await uow.proposals.get(proposal_id)
    if proposal is not None:
        proposal.post_message_id = message_id
        await uow.commit()


async def withdraw(uow: UnitOfWork, clock: Clock, proposal_id: int, telegram_id: int) -> ProposalView:
    """The proposer takes their proposal back before it closes."""
    proposal = await uow.proposals.lock(proposal_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if proposal is None or person is None or proposal.proposer_id != person.id:
        raise NotFound(proposal_id)
    if proposal.state != ProposalState.OPEN:
        raise VotingClosed(proposal_id)
    proposal.state = ProposalState.WITHDRAWN
    await reminders.cancel_about(uow, "vote_", proposal_id)
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=person.id, group_id=proposal.group_id,
                             action="proposal.withdraw", detail={"proposal_id": proposal_id}))
    await uow.commit()
    return await view(uow, proposal)


async def open_in_group(uow: UnitOfWork, chat_id: int) -> list[ProposalView]:
    group = await uow.groups.by_chat(chat_id)
    if group is None or group.id is None:
        return []
    return [await view(uow, proposal) for proposal in await uow.proposals.open_in_group(group.id)]


@dataclass(frozen=True)
class MyProposal:
    """An open proposal as one member sees it: their votes ("index:choice") and whether they coordinate."""

    view: ProposalView
    my_votes: list[str]
    coordinator: bool


async def open_for_person(uow: UnitOfWork, telegram_id: int) -> list[MyProposal]:
    """Open proposals in every group the person belongs to, with the person's own votes."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        return []
    found = []
    for group in await uow.memberships.groups_of(person.id):
        assert group.id is not None
        membership = await uow.memberships.find(person.id, group.id)
        for proposal in await uow.proposals.open_in_group(group.id):
            assert proposal.id is not None
            mine = sorted(await uow.proposals.votes_of(proposal.id, person.id), key=lambda v: v.option_index)
            found.append(MyProposal(await view(uow, proposal), [f"{v.option_index}:{v.choice}" for v in mine],
                                    membership is not None and membership.role == "coordinator"))
    return found
