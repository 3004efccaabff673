"""The outbox: group posts and announcements, planned in the same transaction as the change that causes
them, so a crash or a Telegram outage can delay them but never lose them.

Each is a row of the reminder table (`bot/store/reminders.py`) with a kind of its own, due at once, sent
by the same delivery (`bot/schedule/delivery.py`: claimed before Telegram is called, retried with backoff,
rate-limited in the scheduler, its post's message id recorded when Telegram accepts it). The handler in
front of the person sends it at once with `Delivery.deliver_now`; if Telegram is down, the scheduler
sends it when Telegram is back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.domain.decisions import Outcome, OutcomeKind
from bot.services import reminders

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.models import Group
    from bot.store.uow import UnitOfWork

PROPOSAL_POST, VOTE_OUTCOME, MEETUP_POST = "proposal_post", "vote_outcome", "meetup_post"


def proposal_post_key(proposal_id: int) -> str:
    return f"{PROPOSAL_POST}:{proposal_id}"


def meetup_post_key(meetup_id: int) -> str:
    return f"{MEETUP_POST}:{meetup_id}"


def outcome_key(proposal_id: int, outcome: Outcome) -> str:
    """One announcement per outcome of a vote (a tie extended once, then the end); the outcome is in the key,
    so the announcement reads as it was decided, whatever happens to the proposal meanwhile."""
    tied = ".".join(str(index) for index in outcome.tied)
    winner = "" if outcome.winner is None else str(outcome.winner)
    return f"{VOTE_OUTCOME}:{proposal_id}:{outcome.kind}:{winner}:{tied}"


def outcome_of(key: str) -> tuple[int, Outcome]:
    """The proposal and outcome an announcement's key was made from."""
    _, proposal_id, kind, winner, tied = key.split(":")
    outcome = Outcome(OutcomeKind(kind), int(winner) if winner else None,
                      tuple(int(index) for index in tied.split(".") if index))
    return int(proposal_id), outcome


async def post_proposal(uow: UnitOfWork, clock: Clock, group: Group, proposal_id: int) -> str:
    """The proposal's post to its group, to be sent (the caller commits)."""
    return await _plan(uow, clock, group, PROPOSAL_POST, proposal_post_key(proposal_id), proposal_id)


async def announce_outcome(uow: UnitOfWork, clock: Clock, group: Group, proposal_id: int, outcome: Outcome) -> str:
    """How the vote ended, to be told to the group (the caller commits)."""
    return await _plan(uow, clock, group, VOTE_OUTCOME, outcome_key(proposal_id, outcome), proposal_id)


async def post_meetup(uow: UnitOfWork, clock: Clock, group: Group, meetup_id: int) -> str:
    """A new meet-up's post to its group, with its answer buttons, to be sent (the caller commits)."""
    return await _plan(uow, clock, group, MEETUP_POST, meetup_post_key(meetup_id), meetup_id)


async def _plan(uow: UnitOfWork, clock: Clock, group: Group, kind: str, key: str, subject_id: int) -> str:
    await reminders.plan(uow, kind=kind, key=key, due_at=clock.now(), group=group, subject_id=subject_id)
    return key
