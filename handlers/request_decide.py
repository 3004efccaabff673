"""Coordinators decide requests with the buttons on a card: Approve, Decline (a reason chosen or typed),
Ask a question, Choose or offer another room, vehicle or time. Every press is checked again by
bot/services/request_decisions.py: a forged or stale button changes nothing.

```mermaid
stateDiagram-v2
    [*] --> pending: a member asks (or a proposal passes)
    pending --> approved: ✅ Approve (only if still free: checked in the database)
    pending --> declined: ❌ Decline → a reason, chosen or typed
    pending --> needs_info: ❓ Ask → the member answers in private → pending
    pending --> offered: 🔁 Another room or time → the member accepts (approved) or not (closed)
    pending --> closed: the member takes it back
    approved --> revoked: ↩️ Take back → a reason, chosen or typed (before it starts)
    approved --> closed: the member gives it back (before it starts)
```
"""

from __future__ import annotations

from datetime import datetime

from bot.chat.callbacks import ID, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import Router
from bot.domain.bookings import DeclineReason, Kind, RequestState
from bot.domain.dates import read_when
from bot.i18n.easy import Readable, both
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Render, Tr
from bot.services import conversations, request_decisions, request_releases, requests
from bot.services.errors import NotFound
from bot.services.request_decisions import Decided
from handlers.propose_problems import explain_date_problem
from handlers.request_post import CARD, after_decision, show_card, update_cards
from handlers.resource_text import resource_line

router = Router(name=__name__)
REASON_FLOW, QUESTION_FLOW, TIME_FLOW, REVOKE_FLOW = "rq_reason", "rq_question", "rq_time", "rq_revoke"
OVERRIDE_FLOW = "rq_override"
REASONS = (DeclineReason.BOOKED, DeclineReason.BUDGET, DeclineReason.NOTICE, DeclineReason.UNSUITABLE)


def _reason(code: str) -> Render:
    return lambda tr: {DeclineReason.BOOKED: tr._("📅 Already booked"),
                       DeclineReason.BUDGET: tr._("💷 Not enough budget"),
                       DeclineReason.NOTICE: tr._("⏳ Too short notice"),
                       DeclineReason.UNSUITABLE: tr._("🚫 We can't support this")}[DeclineReason(code)]


@router.callback(CARD, (one_of("a", "d", "o", "q", "t", "v", "w", "u", "kw", "l"), ID),
                 (one_of("r", "k"), ID, one_of(*DeclineReason)), ("p", ID, ID))
async def on_card(ctx: Context) -> None:
    """A button on a request card (or on one of its follow-up questions)."""
    assert ctx.callback is not None and ctx.person is not None
    action, request_id = (ctx.callback.args or ("",))[0], ctx.callback.int_arg(1)
    extra = ctx.callback.args[2] if len(ctx.callback.args) > 2 else ""
    if request_id is None or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        view = await requests.for_coordinator(uow, ctx.clock, ctx.person.telegram_id, request_id)
    if action in ("a", "r", "p", "k"):
        await _decide(ctx, action, request_id, extra)
    elif action == "v":
        await ctx.answer()
        await show_card(ctx.outbound, ctx.uow, view, ctx.person)
    elif action in ("d", "o", "w", "q", "t", "u", "kw", "l"):
        await ctx.answer()
        await _follow_up(ctx, action, view)
    else:
        raise NotFound(ctx.callback)


async def _decide(ctx: Context, action: str, request_id: int, extra: str) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        if action == "a":
            decided = await request_decisions.approve(uow, ctx.clock, ctx.person.telegram_id, request_id)
        elif action == "r":
            decided = await request_decisions.decline(uow, ctx.clock, ctx.person.telegram_id, request_id, extra)
        elif action == "k":
            decided = await request_releases.revoke(uow, ctx.clock, ctx.person.telegram_id, request_id, extra)
        else:
            decided = await request_decisions.offer(uow, ctx.clock, ctx.person.telegram_id, request_id,
                                                    int(extra) if extra.isdigit() else None)
    await ctx.edit_keyboard_away()
    await finish(ctx, decided)


async def finish(ctx: Context, decided: Decided) -> None:
    """Confirm to the coordinator with a message (not only a pop-up), then tell everyone else."""
    assert ctx.person is not None
    view = decided.view
    said = _done(view)
    await ctx.answer(said, message=False)
    if view.state is RequestState.PENDING:  # a room or vehicle was chosen: the card again, to approve
        await update_cards(ctx.outbound, ctx.uow, decided, fresh_in=ctx.person.telegram_id)
        await show_card(ctx.outbound, ctx.uow, view, ctx.person, said)
        return
    await after_decision(ctx.outbound, ctx.uow, decided)
    await ctx.reply(said)


def _done(view: requests.RequestView) -> Readable:
    name = view.requester.display_name

    def easy(tr: Tr) -> Markup:
        match view.state:
            case RequestState.APPROVED:
                return tr.p_("easy", "✅ You said yes.\n🙋 I told %(name)s.", name=name)
            case RequestState.DECLINED:
                return tr.p_("easy", "❌ You said no.\n🙋 I told %(name)s why.", name=name)
            case RequestState.REVOKED:
                return tr.p_("easy", "↩️ You took back the yes.\n🙋 I told %(name)s why.", name=name)
            case RequestState.NEEDS_INFO:
                return tr.p_("easy", "❓ I sent your question to %(name)s.\n⏳ I will show you the answer.", name=name)
            case RequestState.OFFERED:
                return tr.p_("easy", "🔁 I offered it to %(name)s.\n⏳ I will tell you their answer.", name=name)
        return tr.p_("easy", "👍 Chosen.\n👆 Here is the request again. You can say yes now.")

    def render(tr: Tr) -> Markup:
        match view.state:
            case RequestState.APPROVED:
                return tr._("✅ Approved. %(name)s has been told.", name=name)
            case RequestState.DECLINED:
                return tr._("❌ Declined. %(name)s has been told why.", name=name)
            case RequestState.REVOKED:
                return tr._("↩️ Approval taken back. %(name)s has been told why.", name=name)
            case RequestState.NEEDS_INFO:
                return tr._("❓ Your question was sent to %(name)s. I'll show you the answer.", name=name)
            case RequestState.OFFERED:
                return tr._("🔁 Offered to %(name)s. I'll tell you if they accept.", name=name)
        return tr._("👍 Chosen. Here is the request again, to approve.")

    return both(render, easy)


async def _follow_up(ctx: Context, action: str, view: requests.RequestView) -> None:
    """Ask the coordinator for what a decision needs: a reason, a question, another room or a time."""
    assert ctx.person is not None and ctx.person.id is not None
    name = view.requester.display_name
    if action == "d":
        rows = [[Button(ctx.label(_reason(code)), encode(CARD, "r", view.id, code))] for code in REASONS]
        rows.append([Button(ctx.label(lambda tr: tr._("✍️ Write a reason")), encode(CARD, "w", view.id))])
        await ctx.reply(both(
            lambda tr: tr._("❌ Why can't it go ahead? Choose a reason, or write your own. %(name)s will see it.",
                            name=name),
            lambda tr: tr.p_("easy", "❌ Why is the answer no?\n👆 Press a reason, or write one.\n🙋 %(name)s will "
                                     "see it.", name=name)), Keyboard.of(*rows))
    elif action == "u":
        rows = [[Button(ctx.label(_reason(code)), encode(CARD, "k", view.id, code))] for code in REASONS]
        rows.append([Button(ctx.label(lambda tr: tr._("✍️ Write a reason")), encode(CARD, "kw", view.id))])
        await ctx.reply(both(
            lambda tr: tr._("↩️ Why are you taking the approval back? Choose a reason, or write your own. "
                            "%(name)s will see it.", name=name),
            lambda tr: tr.p_("easy", "↩️ Why do you take back the yes?\n👆 Press a reason, or write one.\n"
                                     "🙋 %(name)s will see it.", name=name)), Keyboard.of(*rows))
    elif action == "o":
        await _other_choices(ctx, view)
    else:
        flow = {"w": REASON_FLOW, "kw": REVOKE_FLOW, "l": OVERRIDE_FLOW, "q": QUESTION_FLOW, "t": TIME_FLOW}[action]
        async with ctx.uow() as uow:
            await conversations.save(uow, ctx.clock, ctx.person.id, flow, "text", {"request": view.id})
        await ctx.reply({
            REASON_FLOW: both(
                lambda tr: tr._("✍️ Write the reason in a few words. %(name)s will see it.", name=name),
                lambda tr: tr.p_("easy", "✍️ Please write the reason.\n🙋 %(name)s will see it.", name=name)),
            OVERRIDE_FLOW: both(
                lambda tr: tr._("⚠️ Why approve it over the limit? Write the reason in a few words. It is kept, "
                                "and shown on the request."),
                lambda tr: tr.p_("easy", "⚠️ Why say yes when it is too full?\n✍️ Please write the reason.\n"
                                         "📝 I will keep it.")),
            REVOKE_FLOW: both(
                lambda tr: tr._("✍️ Write the reason in a few words. %(name)s will see it.", name=name),
                lambda tr: tr.p_("easy", "✍️ Please write the reason.\n🙋 %(name)s will see it.", name=name)),
            QUESTION_FLOW: both(
                lambda tr: tr._("❓ What would you like to ask %(name)s? Write it in a few words.", name=name),
                lambda tr: tr.p_("easy", "❓ What do you want to ask %(name)s?\n✍️ Write a few words.", name=name)),
            TIME_FLOW: both(
                lambda tr: tr._("🕑 What time would you offer instead? Type the day and time, for example "
                                "5 December 14:30. It keeps the same length."),
                lambda tr: tr.p_("easy", "🕑 What other time can you offer?\n✍️ Write the day and time.\n"
                                         "💡 For example: 5 December 14:30")),
        }[flow])


async def _other_choices(ctx: Context, view: requests.RequestView) -> None:
    async with ctx.uow() as uow:
        found = await requests.choices(uow, view.group.chat_id, view.kind)
    current = view.resource.id if view.resource else None
    rows = [[Button(resource.name, encode(CARD, "p", view.id, resource.id))] for resource in found
            if resource.id != current]
    if view.resource is not None:
        rows.append([Button(ctx.label(lambda tr: tr._("🕑 Another time")), encode(CARD, "t", view.id))])
    if not rows:
        await ctx.reply(both(
            lambda tr: tr._("There is nothing else to offer yet. Add rooms and vehicles with /resources."),
            lambda tr: tr.p_("easy", "🏠 There is nothing else to offer yet.\n➕ Add rooms and vehicles with "
                                     "/resources.")))
        return

    def render(tr: Tr) -> Markup:
        lines: list[Markup] = [tr._("🏠 Which room?") if view.kind is Kind.ROOM else tr._("🚌 Which vehicle?")]
        lines.extend("• " + resource_line(tr, resource) for resource in found if resource.id != current)
        return one_per_line(lines)

    def easy(tr: Tr) -> Markup:
        return (tr.p_("easy", "🏠 Which room?\n👆 Press one.") if view.kind is Kind.ROOM
                else tr.p_("easy", "🚌 Which vehicle?\n👆 Press one."))

    await ctx.reply(both(render, easy), Keyboard.of(*rows))


async def _typed(ctx: Context) -> tuple[int, str]:
    """The request the conversation is about and what was typed; the conversation ends here."""
    assert ctx.person is not None and ctx.person.id is not None and ctx.conversation is not None
    request_id = int(ctx.conversation.data["request"])
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)
    return request_id, ctx.event.text


@router.step(REASON_FLOW, "text")
async def typed_reason(ctx: Context) -> None:
    """Decline with the reason the coordinator wrote."""
    assert ctx.person is not None
    request_id, typed = await _typed(ctx)
    async with ctx.uow() as uow:
        decided = await request_decisions.decline(uow, ctx.clock, ctx.person.telegram_id, request_id,
                                                  DeclineReason.TYPED, typed)
    await finish(ctx, decided)


@router.step(OVERRIDE_FLOW, "text")
async def typed_override(ctx: Context) -> None:
    """Approve past a limit with the reason the coordinator wrote."""
    assert ctx.person is not None
    request_id, typed = await _typed(ctx)
    async with ctx.uow() as uow:
        decided = await request_decisions.approve_over_limit(uow, ctx.clock, ctx.person.telegram_id, request_id,
                                                             typed)
    await finish(ctx, decided)


@router.step(REVOKE_FLOW, "text")
async def typed_revoke_reason(ctx: Context) -> None:
    """Take an approval back with the reason the coordinator wrote."""
    assert ctx.person is not None
    request_id, typed = await _typed(ctx)
    async with ctx.uow() as uow:
        decided = await request_releases.revoke(uow, ctx.clock, ctx.person.telegram_id, request_id,
                                                DeclineReason.TYPED, typed)
    await finish(ctx, decided)


@router.step(QUESTION_FLOW, "text")
async def typed_question(ctx: Context) -> None:
    """Send the member the coordinator's question."""
    assert ctx.person is not None
    request_id, typed = await _typed(ctx)
    async with ctx.uow() as uow:
        decided = await request_decisions.ask(uow, ctx.clock, ctx.person.telegram_id, request_id, typed)
    await finish(ctx, decided)


@router.step(TIME_FLOW, "text")
async def typed_time(ctx: Context) -> None:
    """Offer the member another time (the same length)."""
    assert ctx.person is not None and ctx.person.id is not None and ctx.conversation is not None
    async with ctx.uow() as uow:
        view = await requests.for_coordinator(uow, ctx.clock, ctx.person.telegram_id,
                                              int(ctx.conversation.data["request"]))
    reading = read_when(ctx.event.text, ctx.clock.now(), view.zone)
    if reading.problem or reading.moment is None or not reading.has_time:
        await ctx.reply(_time_problem(reading.problem, reading.moment))
        return
    request_id, _ = await _typed(ctx)
    async with ctx.uow() as uow:
        decided = await request_decisions.offer(uow, ctx.clock, ctx.person.telegram_id, request_id, None,
                                                reading.moment)
    await finish(ctx, decided)


def _time_problem(problem: str | None, moment: datetime | None) -> Render:
    if problem is None and moment is not None:
        return both(lambda tr: tr._("🕑 Please give a time too, for example 5 December 14:30."),
                    lambda tr: tr.p_("easy", "🕑 Please write a time too.\n💡 For example: 5 December 14:30"))
    return explain_date_problem(problem)
