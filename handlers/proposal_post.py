"""The proposal's life in the group: the post with vote buttons, its live tally, and the outcome."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.chat.actions import Sent
from bot.chat.callbacks import encode
from bot.chat.coalesce import Coalescer
from bot.chat.keyboard import Button, Keyboard
from bot.chat.outbound import Outbound
from bot.domain import language
from bot.domain.decisions import OutcomeKind
from bot.domain.proposals import ProposalState
from bot.domain.reminders import ReminderState
from bot.i18n.easy import Subject, both
from bot.i18n.translator import Label, label_in
from bot.schedule import delivery
from bot.schedule.delivery import DeliveryContext, Done, Handled, KindHandler, Send
from bot.services import outbox, proposals, voting
from bot.services.proposals import ProposalView
from bot.services.voting import Closing
from bot.store.reminders import Reminder
from bot.store.uow import UnitOfWorkFactory
from handlers import meetup_post, request_post
from handlers import proposal_text as text

TIE_CHOICE = "pt"
log = logging.getLogger(__name__)


async def publish(outbound: Outbound, view: ProposalView) -> bool:
    """Post the proposal (already in the outbox) to its group now; False if Telegram isn't taking it, and
    the scheduler will post it when Telegram is back."""
    return await send_now(outbound, (outbox.proposal_post_key(view.id),))


async def send_now(outbound: Outbound, keys: tuple[str, ...]) -> bool:
    """Send these outbox rows at once, for the person waiting; True if Telegram took every one."""
    return await delivery.send_now(outbound, OUTBOX_KINDS, keys)


async def post_from_outbox(reminder: Reminder, context: DeliveryContext) -> Handled:
    """Outbox kind `proposal_post`: the post with vote buttons; its message id is recorded when Telegram
    accepts it, so the tally edits find it."""
    assert reminder.subject_id is not None
    async with context.uow() as work:
        proposal = await work.proposals.get(reminder.subject_id)
        view = await proposals.view(work, proposal) if proposal is not None else None
    if view is None or view.proposal.state != ProposalState.OPEN or view.proposal.post_message_id is not None:
        return Done(ReminderState.SKIPPED, "posted already, or closed")
    if not view.group.bot_present:
        return Done(ReminderState.CANCELLED, "the bot is not in the group")
    keyboard = text.vote_keyboard(view, language.for_group(view.group.language_mode))

    async def record(sent: Sent) -> None:
        if sent.message_id is not None:
            async with context.uow() as work:
                await proposals.record_post(work, view.id, sent.message_id)
        if reminder.attempts > 1:  # not at the first try: the proposer was told it was waiting
            await _tell_proposer_it_is_posted(context.outbound, view)

    return Send(Outbound.group_message(view.group, lambda tr: text.post(tr, view), keyboard), record, live=True)


async def _tell_proposer_it_is_posted(outbound: Outbound, view: ProposalView) -> None:
    """A note only: failing to send it must not make the post go out again."""
    title = view.proposal.title
    try:
        await outbound.to_person(view.proposer, both(
            # Translators: title is a proposal's title.
            lambda tr: tr._("📣 Your proposal is in the group now, and people can vote: %(title)s", title=title),
            # Translators: Easy Read. title is a proposal's title.
            lambda tr: tr.p_("easy", "📣 Your idea is in the group now.\n📝 %(title)s\n🗳️ People can vote on it.",
                             title=title),
            about=Subject("p", view.id)))
    except Exception:
        log.warning("proposal %s: posted, but the proposer could not be told", view.id)


async def outcome_from_outbox(reminder: Reminder, context: DeliveryContext) -> Handled:
    """Outbox kind `vote_outcome`: how a vote ended, as decided (the outcome is in the row's key)."""
    proposal_id, outcome = outbox.outcome_of(reminder.key)
    async with context.uow() as work:
        proposal = await work.proposals.get(proposal_id)
        view = await proposals.view(work, proposal) if proposal is not None else None
        decider = await voting.tie_decider(work, proposal) if proposal is not None else None  # a tie's settler
    if view is None:
        return Done(ReminderState.SKIPPED, "proposal gone")
    if not view.group.bot_present:
        return Done(ReminderState.CANCELLED, "the bot is not in the group")
    if outcome.kind is OutcomeKind.TIE_EXTEND:
        outcome = replace(outcome, new_closes_at=view.proposal.closes_at)
    decided_by = decider.display_name if decider else None
    return Send(Outbound.group_message(view.group, lambda tr: text.outcome(tr, view, outcome, decided_by)))


OUTBOX_KINDS: dict[str, KindHandler] = {
    outbox.PROPOSAL_POST: post_from_outbox,
    outbox.VOTE_OUTCOME: outcome_from_outbox,
    outbox.MEETUP_POST: meetup_post.post_from_outbox,
}


async def refresh(
    outbound: Outbound, uow: UnitOfWorkFactory, edits: Coalescer, proposal_id: int, chat: int | None = None
) -> None:
    """Bring the group post (in `chat`) up to date, coalescing bursts of votes into few edits."""

    async def edit() -> None:
        async with uow() as work:
            proposal = await work.proposals.get(proposal_id)
            if proposal is None or proposal.post_message_id is None:
                return
            current = await proposals.view(work, proposal)
        await _edit_post(outbound, current, with_buttons=current.proposal.state == "open")

    await edits.request(("tally", proposal_id), edit, chat)


async def _edit_post(outbound: Outbound, view: ProposalView, *, with_buttons: bool) -> None:
    assert view.proposal.post_message_id is not None
    keyboard = text.vote_keyboard(view, language.for_group(view.group.language_mode)) if with_buttons else None
    sent = await outbound.edit_group_post(view.group, view.proposal.post_message_id, lambda tr: text.post(tr, view),
                                          keyboard)
    if sent is not None and sent.message_id not in (None, view.proposal.post_message_id):  # it was posted again
        async with outbound.uow() as work:
            await proposals.record_post(work, view.id, sent.message_id)


async def announce(outbound: Outbound, closing: Closing) -> None:
    """Tell the group how the vote ended; after a tie the group's rule gives to its coordinators, ask them."""
    view, outcome = closing.view, closing.outcome
    await send_now(outbound, closing.outbox)  # the announcement and the meet-up post, saved with the decision
    if view.proposal.post_message_id is not None:
        await _edit_post(outbound, view, with_buttons=outcome.kind is OutcomeKind.TIE_EXTEND)
    if outcome.kind is OutcomeKind.PASSED:
        await request_post.send_for_proposal(outbound, view.id)
    if outcome.kind is OutcomeKind.TIE_COORDINATORS:
        await _ask_coordinators(outbound, view, outcome.tied)


async def _ask_coordinators(outbound: Outbound, view: ProposalView, tied: tuple[int, ...]) -> None:
    """Each coordinator of the group, privately: the tie, and buttons to decide it (a reason comes next)."""
    async with outbound.uow() as work:
        coordinators = await voting.coordinators_of(work, view.proposal)
    title = view.proposal.title
    for coordinator in coordinators:
        if not coordinator.can_dm:
            continue
        await outbound.to_person(coordinator, both(
            lambda tr: tr._("⚖️ The vote on %(title)s is a tie, and your group's rule asks the coordinators to "
                            "decide. Please choose, then say why: the group will see your reason.", title=title),
            # Translators: Easy Read. title is a proposal's title.
            lambda tr: tr.p_("easy", "⚖️ The vote is equal.\n📝 %(title)s\n👆 You help decide what happens.\n"
                                     "✍️ Then you say why.", title=title),
            about=Subject("p", view.id)), tie_keyboard(view, tied, language.for_person(coordinator.language)))


def _date_label(view: ProposalView, index: int) -> Label:
    return lambda tr: "📅 " + text.when(tr, view.options[index].starts_at, view.zone, view.proposal.opened_at)


def tie_keyboard(view: ProposalView, tied: tuple[int, ...], languages: tuple[str, ...]) -> Keyboard:
    if not view.is_date_choice:
        rows = [[Button(label_in(languages, lambda tr: tr._("✅ Go ahead")), encode(TIE_CHOICE, view.id, 0))]]
    else:
        rows = [[Button(label_in(languages, _date_label(view, index)), encode(TIE_CHOICE, view.id, index))]
                for index in tied]
    rows.append([Button(label_in(languages, lambda tr: tr._("❌ Don't go ahead")), encode(TIE_CHOICE, view.id, "x"))])
    return Keyboard.of(*rows)
