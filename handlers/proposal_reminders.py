"""Reminder kinds for proposals: closing a vote at its deadline, and the "closing soon" nudge.

The nudge fans out: when it is due it plans one private reminder per member who hasn't voted, each
sent (and recorded) on its own, in that person's language and outside their quiet hours.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain.reminders import ReminderState
from bot.i18n.easy import Readable, Subject, both
from bot.schedule.delivery import DeliveryContext, Done, Handled, KindHandler, Send
from bot.services import reminders, voting
from bot.store.reminders import Reminder
from bot.voice.words import when_words
from handlers import proposal_text as text
from handlers.proposal_post import announce

if TYPE_CHECKING:
    from bot.store.models import Group
    from bot.store.proposals import Proposal


async def close_vote(reminder: Reminder, context: DeliveryContext) -> Handled:
    """The deadline has come: decide, and tell the group."""
    assert reminder.subject_id is not None
    closing = await voting.close_if_due(context.uow, context.clock, reminder.subject_id)
    if closing is None:
        return Done(ReminderState.SKIPPED, "already closed or moved")
    await announce(context.outbound, closing)
    return Done()


async def plan_nudges(reminder: Reminder, context: DeliveryContext) -> Handled:
    """Turn the proposal's nudge into one private reminder for each member who hasn't voted."""
    assert reminder.subject_id is not None
    waiting = await voting.nudge_targets(context.uow, context.clock, reminder.subject_id)
    async with context.uow() as uow:
        proposal = await uow.proposals.get(reminder.subject_id)
        group = await uow.groups.get(proposal.group_id) if proposal else None
        if proposal is None or group is None:
            return Done(ReminderState.SKIPPED, "proposal gone")
        for person in waiting:
            await reminders.plan(uow, kind="vote_nudge_person", key=f"vote_nudge:{proposal.id}:{person.id}",
                                 due_at=context.clock.now(), group=group, person=person,
                                 useful_until=proposal.closes_at, subject_id=proposal.id)
        await uow.commit()
    return Done()


async def nudge_person(reminder: Reminder, context: DeliveryContext) -> Handled:
    """One member's "closing soon" note, unless they have voted meanwhile."""
    assert reminder.subject_id is not None and reminder.person_id is not None
    async with context.uow() as uow:
        waiting = await voting.still_waiting_for(uow, reminder.subject_id, reminder.person_id)
        person = await uow.people.by_telegram_id(reminder.chat_id)
    if waiting is None or person is None or not person.can_dm:
        return Done(ReminderState.SKIPPED, "voted, closed or unreachable")
    return Send(await context.outbound.private_message(person, _nudge(*waiting)))


def _nudge(proposal: Proposal, group: Group) -> Readable:
    assert proposal.id is not None
    title, closes, zone = proposal.title, proposal.closes_at, ZoneInfo(group.timezone)
    return both(
        lambda tr: tr._(
            "⏰ Voting on %(title)s closes %(when)s. You haven't voted yet: the buttons are on the group post.",
            title=title, when=text.when(tr, closes, zone, proposal.opened_at)),
        # Translators: Easy Read. title is a proposal's title; when is the date and time voting ends.
        lambda tr: tr.p_("easy", "⏰ Reminder: please vote.\n📝 %(title)s\n⏳ Voting ends: %(when)s\n"
                               "👥 The vote buttons are in the group chat.",
                         title=title, when=text.when(tr, closes, zone, proposal.opened_at)),
        # Translators: Easy Read, read aloud. title is a proposal's title; when is a date and time in words.
        speech=lambda tr: tr.p_("easy", "Reminder: please vote on %(title)s. Voting ends on %(when)s. The vote buttons "
                                      "are in the group chat.",
                                title=title, when=when_words(closes, zone, tr.language, in_sentence=True)),
        about=Subject("p", proposal.id),
    )


KINDS: dict[str, KindHandler] = {
    "vote_close": close_vote,
    "vote_nudge": plan_nudges,
    "vote_nudge_person": nudge_person,
}
