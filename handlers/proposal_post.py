"""The proposal's life in the group: the post with vote buttons, its live tally, and the outcome."""

from __future__ import annotations

from bot.chat.callbacks import encode
from bot.chat.coalesce import Coalescer
from bot.chat.keyboard import Button, Keyboard
from bot.chat.outbound import Outbound
from bot.domain import language
from bot.domain.decisions import OutcomeKind
from bot.i18n.easy import Subject, both
from bot.i18n.translator import Label, label_in
from bot.services import proposals
from bot.services.proposals import ProposalView
from bot.services.voting import Closing
from bot.store.uow import UnitOfWorkFactory
from handlers import meetup_post, request_post
from handlers import proposal_text as text

TIE_CHOICE = "pt"


async def publish(outbound: Outbound, uow: UnitOfWorkFactory, view: ProposalView) -> None:
    """Post the proposal to its group with vote buttons, and remember the post for tally edits."""
    keyboard = text.vote_keyboard(view, language.for_group(view.group.language_mode))
    sent = await outbound.to_group(view.group, lambda tr: text.post(tr, view), keyboard)
    if sent is not None and sent.message_id is not None:
        async with uow() as work:
            await proposals.record_post(work, view.id, sent.message_id)


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
    """Tell the group how the vote ended; after a second tie, ask the proposer to choose."""
    view, outcome = closing.view, closing.outcome
    if view.proposal.post_message_id is not None:
        await _edit_post(outbound, view, with_buttons=outcome.kind is OutcomeKind.TIE_EXTEND)
    await outbound.to_group(view.group, lambda tr: text.outcome(tr, view, outcome))
    if outcome.kind is OutcomeKind.PASSED:
        await meetup_post.publish_for_proposal(outbound, view.id)
        await request_post.send_for_proposal(outbound, view.id)
    if outcome.kind is OutcomeKind.TIE_PROPOSER_CHOOSES:
        title = view.proposal.title
        await outbound.to_person(view.proposer, both(
            lambda tr: tr._("⚖️ The vote on %(title)s is still a tie. Please choose what happens.", title=title),
            # Translators: Easy Read. title is a proposal's title.
            lambda tr: tr.p_("easy", "⚖️ The vote is equal.\n📝 %(title)s\n👆 You choose what happens.", title=title),
            about=Subject("p", view.id)), tie_keyboard(view, outcome.tied, language.for_person(view.proposer.language)))


def _date_label(view: ProposalView, index: int) -> Label:
    return lambda tr: "📅 " + text.when(tr, view.options[index].starts_at, view.zone)


def tie_keyboard(view: ProposalView, tied: tuple[int, ...], languages: tuple[str, ...]) -> Keyboard:
    if not view.is_date_choice:
        rows = [[Button(label_in(languages, lambda tr: tr._("✅ Go ahead")), encode(TIE_CHOICE, view.id, 0))]]
    else:
        rows = [[Button(label_in(languages, _date_label(view, index)), encode(TIE_CHOICE, view.id, index))]
                for index in tied]
    rows.append([Button(label_in(languages, lambda tr: tr._("❌ Don't go ahead")), encode(TIE_CHOICE, view.id, "x"))])
    return Keyboard.of(*rows)
