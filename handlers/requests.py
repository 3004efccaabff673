"""/requests /ceisiadau: a member's requests and where each stands (answer a question, accept an offer,
take a request back); for coordinators, the queue too, oldest first. New requests start here."""

from __future__ import annotations

from bot.chat.callbacks import ID, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.bookings import ClosedBecause, RequestState
from bot.i18n.easy import Readable, both
from bot.i18n.markup import BLANK, Markup, one_per_line
from bot.i18n.translator import Render, Tr
from bot.services import conversations, request_decisions, request_releases, requests
from bot.services.errors import NotFound, RequestDecided
from bot.services.request_decisions import Decided
from bot.services.requests import RequestView
from handlers import request_new
from handlers import request_text as text
from handlers.links import PRESS_START, open_private_keyboard
from handlers.request_post import CARD, MEMBER, after_decision, show_card

router = Router(name=__name__)
ANSWER_FLOW, NEW = "rq_answer", "rqnew"


@router.command("requests", "ceisiadau", menu=CommandInfo(
    "ceisiadau", "requests", lambda tr: tr._("Ask for a room, transport or money, and see your requests")))
async def show_requests(ctx: Context) -> None:
    """List the person's requests (and, for coordinators, the queue), with what they can do next."""
    if not ctx.event.is_private:
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: tr._("🧾 Requests for rooms, transport and money are made in a private chat. "
                                        "Please open one with me and use /requests."), keyboard)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        mine = await requests.mine(uow, ctx.clock, ctx.person.telegram_id)
        queue = (await requests.queue(uow, ctx.clock, ctx.person.telegram_id)
                 if await requests.is_coordinator(uow, ctx.person.telegram_id) else None)
        groups = await requests.of_my_groups(uow, ctx.clock, ctx.person.telegram_id) if queue is None else []
    await ctx.reply(both(lambda tr: _listing(tr, mine, queue, groups),
                         lambda tr: _easy_listing(tr, mine, queue, groups)),
                    _keyboard(ctx, mine, queue))


def _listing(tr: Tr, mine: list[RequestView], queue: list[RequestView] | None,
             groups: list[RequestView]) -> Markup:
    lines: list[Markup] = []
    if groups:  # a group's coordinator follows their groups' requests; the organisation decides them
        lines.append(tr._("👥 Your groups' requests (the organisation's coordinators decide them):"))
        lines.extend(text.listing_line(tr, view) for view in groups)
        lines.append(BLANK)
    if queue is not None:
        lines.append(tr._("📥 Waiting for a decision (oldest first):"))
        lines.extend(text.listing_line(tr, view) for view in queue)
        if not queue:
            lines.append(tr._("Nothing is waiting."))
        lines.append(BLANK)
    lines.append(tr._("🧾 Your requests:"))
    lines.extend(text.listing_line(tr, view) for view in mine)
    if not mine:
        lines.append(tr._("You haven't asked for anything yet."))
    return one_per_line(lines)


def _easy_listing(tr: Tr, mine: list[RequestView], queue: list[RequestView] | None,
                  groups: list[RequestView]) -> Markup:
    """Each request on one line: what, its number, where it stands."""
    lines: list[Markup] = []
    if groups:
        lines.append(tr.p_("easy", "👥 Requests from your groups: %(n)s", n=len(groups)))
    if queue:
        lines.append(tr.p_("easy", "📥 Requests waiting for your answer: %(n)s", n=len(queue)))
    if mine:
        lines.append(tr.p_("easy", "🧾 Your requests:"))
        lines.extend(Markup("• {} {}: {}").format(text.kind_label(tr, view.kind), view.id,
                                                  text.state_label(tr, view.state)) for view in mine)
    else:
        lines.append(tr.p_("easy", "🧾 You have not asked for anything yet."))
    lines.append(tr.p_("easy", "➕ To ask for something, press New request."))
    return one_per_line(lines)


def _keyboard(ctx: Context, mine: list[RequestView], queue: list[RequestView] | None) -> Keyboard:
    rows = [[Button(ctx.label(_open_label(view.id)), encode(CARD, "v", view.id))] for view in queue or []]
    for view in mine:
        rows.extend(_member_buttons(ctx, view))
    rows.append([Button(ctx.label(lambda tr: tr._("➕ New request")), encode(NEW))])
    return Keyboard.of(*rows)


def _open_label(request_id: int) -> Render:
    return lambda tr: tr._("📂 Open %(id)s", id=request_id)


def _member_buttons(ctx: Context, view: RequestView) -> list[list[Button]]:
    def button(render: Render, action: str) -> Button:
        return Button(ctx.label(render), encode(MEMBER, action, view.id))

    n = view.id
    if view.state is RequestState.NEEDS_INFO:
        return [[button(lambda tr: tr._("✍️ Answer %(id)s", id=n), "ans")]]
    if view.state is RequestState.OFFERED:
        return [[button(lambda tr: tr._("✅ Accept %(id)s", id=n), "yes"),
                 button(lambda tr: tr._("❌ No, thanks %(id)s", id=n), "no")]]
    if view.state is RequestState.PENDING:
        return [[button(lambda tr: tr._("✖️ Take back %(id)s", id=n), "x")]]
    if view.state is RequestState.APPROVED:
        return [[button(lambda tr: tr._("↩️ Give back %(id)s", id=n), "x")]]
    return []


@router.callback(NEW, ())
async def new_request(ctx: Context) -> None:
    """The ➕ New request button under /requests."""
    await ctx.answer()
    await request_new.start(ctx)


@router.callback(MEMBER, (one_of("ans", "yes", "no", "x"), ID))
async def member_action(ctx: Context) -> None:
    """The member answers a question, accepts or refuses an offer, or takes a request back."""
    assert ctx.callback is not None and ctx.person is not None and ctx.person.id is not None
    action, request_id = (ctx.callback.args or ("",))[0], ctx.callback.int_arg(1)
    if request_id is None or not ctx.event.is_private or action not in ("ans", "yes", "no", "x"):
        raise NotFound(ctx.callback)
    if action == "ans":
        async with ctx.uow() as uow:
            request = await requests.of_requester(uow, ctx.person.telegram_id, request_id)
            if request.state != RequestState.NEEDS_INFO:
                raise RequestDecided(request.state)
            await conversations.save(uow, ctx.clock, ctx.person.id, ANSWER_FLOW, "text", {"request": request_id})
        await ctx.answer()
        await ctx.reply(both(lambda tr: tr._("✍️ Write your answer in a few words. The coordinators will see it."),
                             lambda tr: tr.p_("easy", "✍️ Please write your answer.\n👀 The coordinators will see it.")))
        return
    operation = {"yes": request_decisions.accept_offer, "no": request_decisions.refuse_offer,
                 "x": request_releases.withdraw}[action]
    async with ctx.uow() as uow:
        decided = await operation(uow, ctx.clock, ctx.person.telegram_id, request_id)
    await ctx.edit_keyboard_away()
    await _after_member(ctx, decided)


@router.step(ANSWER_FLOW, "text")
async def typed_answer(ctx: Context) -> None:
    """The member's answer goes back to the coordinators."""
    assert ctx.person is not None and ctx.person.id is not None and ctx.conversation is not None
    request_id = int(ctx.conversation.data["request"])
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)
    async with ctx.uow() as uow:
        decided = await request_decisions.answer(uow, ctx.clock, ctx.person.telegram_id, request_id, ctx.event.text)
    await _after_member(ctx, decided)


async def _after_member(ctx: Context, decided: Decided) -> None:
    """Confirm to the member, update the cards, and show the coordinator who asked or offered what happened."""
    view = decided.view
    said = _member_done(view)
    await ctx.answer(said, message=False)
    await ctx.reply(said if view.state is not RequestState.APPROVED else text.told(view))
    await after_decision(ctx.outbound, ctx.uow, decided)
    coordinator = view.decided_by
    if coordinator is not None and coordinator.can_dm and view.is_open:  # an answer: the card, to decide
        await show_card(ctx.outbound, ctx.uow, view, coordinator, _news_for_coordinator(view))
    elif coordinator is not None and coordinator.can_dm:
        await ctx.outbound.to_person(coordinator, _news_for_coordinator(view))


def _member_done(view: RequestView) -> Readable:
    def render(tr: Tr) -> Markup:
        match view.state:
            case RequestState.PENDING:
                return tr._("📨 Thank you. Your answer was sent to the coordinators.")
            case RequestState.APPROVED:
                return tr._("✅ Accepted and booked.")
        if view.request.reason_code == ClosedBecause.RELEASED:
            return tr._("↩️ Given back. It is free again for others. Thank you for letting us know.")
        return tr._("✖️ Your request is closed. You can ask again with /requests.")

    def easy(tr: Tr) -> Markup:
        match view.state:
            case RequestState.PENDING:
                return tr.p_("easy", "📨 Thank you.\n🧑‍💼 I sent your answer to the coordinators.")
            case RequestState.APPROVED:
                return tr.p_("easy", "✅ Yes. It is booked for you.")
        if view.request.reason_code == ClosedBecause.RELEASED:
            return tr.p_("easy", "↩️ You gave it back.\n👍 Someone else can have it now.")
        return tr.p_("easy", "✖️ Your request is closed.\n🙋 You can ask again. Use /requests.")

    return both(render, easy)


def _news_for_coordinator(view: RequestView) -> Readable:
    name = view.requester.display_name

    def render(tr: Tr) -> Markup:
        match view.state:
            case RequestState.PENDING:
                return tr._("💬 %(name)s answered your question.", name=name)
            case RequestState.APPROVED:
                return tr._("✅ %(name)s accepted your offer. It is booked.", name=name)
        if view.request.reason_code == ClosedBecause.RELEASED:
            return tr._("↩️ %(name)s gave back what was approved. It is free again.", name=name)
        return tr._("✖️ %(name)s closed the request.", name=name)

    def easy(tr: Tr) -> Markup:
        match view.state:
            case RequestState.PENDING:
                return tr.p_("easy", "💬 %(name)s answered your question.", name=name)
            case RequestState.APPROVED:
                return tr.p_("easy", "✅ %(name)s said yes to your offer.\n📅 It is booked.", name=name)
        if view.request.reason_code == ClosedBecause.RELEASED:
            return tr.p_("easy", "↩️ %(name)s gave it back.\n👍 It is free again.", name=name)
        return tr.p_("easy", "✖️ %(name)s closed the request.", name=name)

    return both(render, easy)


request_new.GUIDE.register(router)
