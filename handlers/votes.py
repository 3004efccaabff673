"""Voting: the vote buttons on a group post, /votes, withdrawing, closing early, and a coordinator settling a
tie (where the group's rule says so)."""

from __future__ import annotations

from bot.chat.callbacks import ID, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.decisions import Choice
from bot.domain.proposals import check_text, clean_text
from bot.i18n.easy import Readable, Subject, both
from bot.i18n.markup import BLANK, Markup, one_per_line
from bot.i18n.translator import Render, Tr
from bot.services import conversations, proposals, voting
from bot.services.errors import NotACoordinator, NotFound
from bot.services.proposals import MyProposal, ProposalView
from handlers import proposal_text as text
from handlers.proposal_post import TIE_CHOICE, announce, refresh

router = Router(name=__name__)
WITHDRAW, CLOSE = "pw", "pc"
CLOSE_FLOW = "close"
TIE_FLOW = "tie"
REASON_MAX = 300


@router.callback(text.VOTE, (ID, ID, one_of(*text.CHOICE_CODES)))
async def vote(ctx: Context) -> None:
    """Count a vote button press, answer at once, and refresh the tally (coalesced)."""
    assert ctx.callback is not None and ctx.person is not None
    proposal_id, index = ctx.callback.int_arg(0), ctx.callback.int_arg(1)
    code = ctx.callback.args[2] if len(ctx.callback.args) > 2 else ""
    if proposal_id is None or index is None or code not in text.CHOICE_CODES or ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        cast = await voting.cast_vote(uow, ctx.clock, ctx.event.chat_id, ctx.person.telegram_id, proposal_id, index,
                                      Choice(text.CHOICE_CODES[code]))
    await ctx.answer(_counted(cast.view, cast.option_index, cast.choice))  # in Easy Read, a message too
    if cast.closing is not None:
        await announce(ctx.outbound, cast.closing)
    else:
        await refresh(ctx.outbound, ctx.uow, ctx.group_edits, proposal_id, ctx.event.chat_id)


def _counted(view: ProposalView, index: int, choice: Choice) -> Readable:
    def render(tr: Tr) -> Markup:
        if view.is_date_choice and choice is not Choice.ABSTAIN:
            moment = text.when(tr, view.options[index].starts_at, view.zone, view.proposal.opened_at)
            if choice is Choice.YES:
                return tr._("✅ Ticked: %(when)s", when=moment)
            return tr._("Tick removed: %(when)s", when=moment)
        said = {Choice.YES: tr._("Yes"), Choice.NO: tr._("No"), Choice.ABSTAIN: tr._("Abstain")}[choice]
        return tr._("Your vote is counted: %(choice)s", choice=said)

    def easy(tr: Tr) -> Markup:
        title = view.proposal.title
        if view.is_date_choice and choice is not Choice.ABSTAIN:
            moment = text.when(tr, view.options[index].starts_at, view.zone, view.proposal.opened_at)
            if choice is Choice.YES:
                # Translators: Easy Read. title is a proposal's title; when is a date and time.
                return tr.p_("easy", "✅ You can go on this date:\n📅 %(when)s\n📝 %(title)s", when=moment, title=title)
            # Translators: Easy Read. title is a proposal's title; when is a date and time.
            return tr.p_("easy", "❌ You took away your tick:\n📅 %(when)s\n📝 %(title)s", when=moment, title=title)
        said = {Choice.YES: tr._("Yes"), Choice.NO: tr._("No"), Choice.ABSTAIN: tr._("Abstain")}[choice]
        # Translators: Easy Read. choice is Yes, No or Abstain; title is a proposal's title.
        return tr.p_("easy", "🗳️ Thank you. Your vote is counted.\n✅ You said: %(choice)s\n📝 %(title)s",
                     choice=said, title=title)

    return both(render, easy, about=Subject("p", view.id))


@router.command("votes", "pleidleisiau",
                menu=CommandInfo("pleidleisiau", "votes", lambda tr: tr._("Open votes and how you voted")))
async def open_votes(ctx: Context) -> None:
    """List open proposals: in a group, this group's; in private, every group's with your vote."""
    if not ctx.event.is_private:
        async with ctx.uow() as uow:
            views = await proposals.open_in_group(uow, ctx.event.chat_id)
        await ctx.reply(lambda tr: _listing(tr, [(view, None) for view in views]))
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        found = await proposals.open_for_person(uow, ctx.person.telegram_id)
    listed: list[tuple[ProposalView, list[str] | None]] = [(mine.view, mine.my_votes) for mine in found]
    await ctx.reply(both(lambda tr: _listing(tr, listed), lambda tr: _easy_listing(tr, listed)),
                    _manage_keyboard(ctx, found))


def _listing(tr: Tr, found: list[tuple[ProposalView, list[str] | None]]) -> Markup:
    if not found:
        return tr._("🗳️ There are no open votes right now.")
    lines: list[Markup] = [tr._("🗳️ Open votes:")]
    for view, mine in found:
        closes = text.when(tr, view.proposal.closes_at, view.zone, view.proposal.opened_at)
        lines.append(BLANK)
        lines.append(tr._("• %(title)s (closes %(when)s)", title=view.proposal.title, when=closes))
        if mine is not None:
            lines.append("   " + (_my_vote(tr, view, mine) if mine else tr._("You haven't voted yet.")))
    return one_per_line(lines)


def _easy_listing(tr: Tr, found: list[tuple[ProposalView, list[str] | None]]) -> Markup:
    if not found:
        return tr.p_("easy", "🗳️ There are no votes now.")
    lines: list[Markup] = [tr.p_("easy", "🗳️ Votes now:")]
    for view, mine in found:
        closes = text.when(tr, view.proposal.closes_at, view.zone, view.proposal.opened_at)
        lines.append(BLANK)
        # Translators: Easy Read. title is a proposal's title; when is the date and time voting ends.
        lines.append(tr.p_("easy", "📝 %(title)s\n⏳ Voting ends: %(when)s", title=view.proposal.title, when=closes))
        lines.append(tr.p_("easy", "✅ You voted.") if mine else tr.p_("easy", "❓ You have not voted yet."))
    return one_per_line(lines)


def _my_vote(tr: Tr, view: ProposalView, mine: list[str]) -> Markup:
    if view.is_date_choice:
        ticked = [int(entry.split(":")[0]) for entry in mine if entry.endswith(":yes")]
        if not ticked:
            return tr._("Your vote: Abstain")
        dates = ", ".join(text.when(tr, view.options[i].starts_at, view.zone, view.proposal.opened_at)
                          for i in ticked)
        return tr._("You ticked: %(dates)s", dates=dates)
    choice = mine[0].split(":")[1]
    said = {"yes": tr._("Yes"), "no": tr._("No")}.get(choice, tr._("Abstain"))
    return tr._("Your vote: %(choice)s", choice=said)


def _manage_keyboard(ctx: Context, found: list[MyProposal]) -> Keyboard | None:
    """Withdraw buttons for the person's own proposals; Close buttons where they are a coordinator."""
    assert ctx.person is not None
    rows = []
    for mine in found:
        view = mine.view
        if view.proposal.state != "open":
            continue
        # Translators: title is a proposal's title, cut short to fit on a button.
        title = view.proposal.title[:30]
        if view.proposer.id == ctx.person.id:
            rows.append([Button(ctx.label(_titled("withdraw", title)), encode(WITHDRAW, view.id))])
        if mine.coordinator:
            rows.append([Button(ctx.label(_titled("close", title)), encode(CLOSE, view.id))])
    return Keyboard.of(*rows) if rows else None


def _titled(action: str, title: str) -> Render:
    if action == "withdraw":
        return lambda tr: tr._("🗑 Withdraw: %(title)s", title=title)
    return lambda tr: tr._("🛑 Close now: %(title)s", title=title)


@router.callback(WITHDRAW, (ID,))
async def withdraw(ctx: Context) -> None:
    """The proposer withdraws their proposal; the group post says so."""
    assert ctx.callback is not None and ctx.person is not None
    proposal_id = ctx.callback.int_arg(0)
    if proposal_id is None:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        view = await proposals.withdraw(uow, ctx.clock, proposal_id, ctx.person.telegram_id)
    await ctx.edit_keyboard_away()
    title = view.proposal.title
    await ctx.reply(both(lambda tr: tr._("🗑 Withdrawn: %(title)s", title=title),
                         # Translators: Easy Read. title is a proposal's title.
                         lambda tr: tr.p_("easy", "🗑 You took back your idea:\n📝 %(title)s", title=title)))
    if view.proposal.post_message_id is not None:
        await ctx.outbound.edit_group_post(view.group, view.proposal.post_message_id, lambda tr: text.post(tr, view))
    await ctx.outbound.to_group(view.group, lambda tr: tr._(
        "🗑 %(name)s has withdrawn the proposal: %(title)s", name=view.proposer.display_name,
        title=view.proposal.title))


@router.callback(CLOSE, (ID,))
async def ask_close_reason(ctx: Context) -> None:
    """A coordinator asks to close a vote early: ask why (the reason is shown and audited)."""
    assert ctx.callback is not None and ctx.person is not None and ctx.person.id is not None
    proposal_id = ctx.callback.int_arg(0)
    if proposal_id is None or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        proposal = await uow.proposals.get(proposal_id)
        membership = proposal and await uow.memberships.find(ctx.person.id, proposal.group_id)
        if not membership or membership.role != "coordinator":
            raise NotACoordinator(proposal_id)
        await conversations.save(uow, ctx.clock, ctx.person.id, CLOSE_FLOW, "reason", {"proposal": proposal_id})
    await ctx.reply(both(lambda tr: tr._("🛑 Why are you closing this vote early? Write a short reason."),
                         lambda tr: tr.p_("easy", "🛑 You want to end this vote now.\n✍️ Please write why.")))


@router.step(CLOSE_FLOW, "reason")
async def close_with_reason(ctx: Context) -> None:
    """Close the vote now with the reason given, and announce the result."""
    assert ctx.person is not None and ctx.person.id is not None and ctx.conversation is not None
    reason = clean_text(ctx.event.text)
    if check_text(reason, REASON_MAX):
        await ctx.reply(both(
            lambda tr: tr._("Please write a short reason (up to %(limit)s characters).", limit=REASON_MAX),
            # Translators: Easy Read. limit is the most letters allowed.
            lambda tr: tr.p_("easy", "✍️ Please write why.\n✂️ Use less than %(limit)s letters.", limit=REASON_MAX)))
        return
    proposal_id = int(ctx.conversation.data["proposal"])
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)
    async with ctx.uow() as uow:
        closing = await voting.close_now(uow, ctx.clock, proposal_id, ctx.person.telegram_id, reason)
    title = closing.view.proposal.title
    await ctx.reply(both(lambda tr: tr._("🛑 Closed: %(title)s", title=title),
                         # Translators: Easy Read. title is a proposal's title.
                         lambda tr: tr.p_("easy", "🛑 The vote has ended:\n📝 %(title)s", title=title)))
    await announce(ctx.outbound, closing)


@router.callback(TIE_CHOICE, (ID, ID), (ID, "x"))
async def choose_tie_outcome(ctx: Context) -> None:
    """A coordinator chooses how a tie ends (a tied option, or not to go ahead): ask for the reason."""
    assert ctx.callback is not None and ctx.person is not None and ctx.person.id is not None
    proposal_id = ctx.callback.int_arg(0)
    choice = ctx.callback.args[1] if len(ctx.callback.args) > 1 else ""
    if proposal_id is None or not ctx.event.is_private or not (choice == "x" or choice.isdigit()):
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        proposal = await uow.proposals.get(proposal_id)
        membership = proposal and await uow.memberships.find(ctx.person.id, proposal.group_id)
        if not membership or membership.role != "coordinator":
            raise NotACoordinator(proposal_id)
        await conversations.save(uow, ctx.clock, ctx.person.id, TIE_FLOW, "reason",
                                 {"proposal": proposal_id, "choice": choice})
    await ctx.edit_keyboard_away()
    await ctx.reply(both(lambda tr: tr._("⚖️ Why? Write a short reason: the group will see it with your name."),
                         lambda tr: tr.p_("easy", "⚖️ Please write why.\n👥 The group will see it.")))


@router.step(TIE_FLOW, "reason")
async def decide_tie_with_reason(ctx: Context) -> None:
    """Settle the tie as the coordinator chose, with their reason, and tell the group."""
    assert ctx.person is not None and ctx.person.id is not None and ctx.conversation is not None
    reason = clean_text(ctx.event.text)
    if check_text(reason, REASON_MAX):
        await ctx.reply(both(
            lambda tr: tr._("Please write a short reason (up to %(limit)s characters).", limit=REASON_MAX),
            # Translators: Easy Read. limit is the most letters allowed.
            lambda tr: tr.p_("easy", "✍️ Please write why.\n✂️ Use less than %(limit)s letters.", limit=REASON_MAX)))
        return
    proposal_id, choice = int(ctx.conversation.data["proposal"]), str(ctx.conversation.data["choice"])
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)
    async with ctx.uow() as uow:
        closing = await voting.decide_tie(uow, ctx.clock, proposal_id, ctx.person.telegram_id,
                                          None if choice == "x" else int(choice), reason)
    title = closing.view.proposal.title
    await ctx.reply(both(lambda tr: tr._("⚖️ Decided: %(title)s. The group has been told.", title=title),
                         # Translators: Easy Read. title is a proposal's title.
                         lambda tr: tr.p_("easy", "⚖️ Thank you. It is decided.\n📝 %(title)s", title=title)))
    await announce(ctx.outbound, closing)
