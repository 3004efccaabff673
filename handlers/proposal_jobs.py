"""Work with no incoming update: close votes whose deadline passed, and send "closing soon" nudges.

Each recipient gets their own language; everything is read from the database each time, so a restart
loses nothing and the scheduler can run this as often as it likes.
"""

from __future__ import annotations

from bot.chat.outbound import Outbound
from bot.domain.clock import Clock
from bot.i18n.translator import Render
from bot.services import voting
from bot.services.proposals import ProposalView
from bot.store.uow import UnitOfWorkFactory
from handlers import proposal_text as text
from handlers.proposal_post import announce


async def close_due_votes(outbound: Outbound, uow: UnitOfWorkFactory, clock: Clock) -> int:
    """Close and announce every vote past its deadline; returns how many."""
    closings = await voting.close_due(uow, clock)
    for closing in closings:
        await announce(outbound, closing)
    return len(closings)


async def nudge_non_voters(outbound: Outbound, uow: UnitOfWorkFactory, clock: Clock) -> int:
    """One private "closing soon" note per proposal to members who opted in and haven't voted."""
    sent = 0
    for view, people in await voting.nudges_due(uow, clock):
        for person in people:
            await outbound.to_person(person, _nudge(view))
            sent += 1
    return sent


def _nudge(view: ProposalView) -> Render:
    return lambda tr: tr._(
        "⏰ Voting on %(title)s closes %(when)s. You haven't voted yet: the buttons are on the group post.",
        title=view.proposal.title, when=text.when(tr, view.proposal.closes_at, view.zone))
