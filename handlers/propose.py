"""Proposing an activity: a guided private conversation, one step at a time, kept in the database.

```mermaid
stateDiagram-v2
    [*] --> title: /propose (private, or deep link from the group)
    title --> description
    description --> day: text or Skip
    day --> time: a day without a time
    day --> confirm: a typed date and time
    day --> next_year: a date that has passed this year (asked, never assumed)
    next_year --> time: Yes, a day without a time
    next_year --> confirm: Yes, a date and time
    next_year --> day: No
    time --> confirm
    confirm --> day: add another date (up to 5)
    confirm --> place: carry on
    place --> needs
    needs --> seats: transport ticked
    needs --> money: money ticked
    needs --> days: Done
    days --> review: the real closing time, and the organisation's notice
    review --> review: close earlier (with notice) / keep the voting period
    review --> [*]: Post it (the group gets the post with vote buttons)
```
Every step has Back and Cancel; a half-written proposal survives restarts and expires after a day.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.chat.callbacks import CHAT_ID, TOKEN, WORD, encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.dates import impossible_time, local_to_utc, parse_time, read_when
from bot.domain.proposals import (
    DESCRIPTION_MAX,
    MAX_OPTIONS,
    MONEY_MAX,
    PLACE_MAX,
    SEATS_MAX,
    TITLE_MAX,
    VOTE_DAYS,
    Draft,
    TextProblem,
    check_text,
    clean_text,
    draft_from_data,
    draft_to_data,
    read_amount,
)
from bot.i18n.easy import Subject, both, easy_form
from bot.i18n.markup import Markup
from bot.i18n.translator import Render, Tr
from bot.services import conversations, proposals
from bot.services.errors import BotNotInGroup, InvalidProposal, NotFound
from handlers import propose_steps as steps
from handlers.links import open_private_keyboard_to
from handlers.old_button import OLD_BUTTON
from handlers.proposal_post import publish
from handlers.proposal_text import draft_speech
from handlers.propose_deadlines import window_extra
from handlers.propose_problems import (
    EARLIER_QUESTION,
    EMPTY,
    NEXT_YEAR_REFUSED,
    NOT_IN_GROUP,
    POST_PENDING,
    USE_BUTTONS,
    explain_date_problem,
    explain_reading,
    explain_submit_problem,
    too_long,
)

router = Router(name=__name__)
PICK_GROUP = "pg"
TEXT_STEPS = ("title", "description", "day", "time", "place", "seats", "money")
NEXT = {"title": "description", "description": "day", "time": "confirm", "place": "needs", "seats": "needs",
        "money": "needs", "days": "review"}


@router.command("propose", "cynnig",
                menu=CommandInfo("cynnig", "propose", lambda tr: tr._("Suggest an activity for your group")))
async def propose(ctx: Context) -> None:
    """Start a proposal: in a group, send the person to a private chat; in private, pick the group."""
    if not ctx.event.is_private:
        label = ctx.label(lambda tr: tr._("✍️ Write a proposal"))
        keyboard = open_private_keyboard_to(label, ctx.platform.bot_username, f"p{ctx.event.chat_id}")
        await ctx.reply(lambda tr: tr._("✍️ Let's write it together in a private chat, so the group stays tidy."),
                        keyboard)
        return
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        groups = await uow.memberships.groups_of(ctx.person.id)
    if not groups:
        await ctx.reply(both(lambda tr: tr._(
            "I don't know which group you're in yet. Please use /propose in your group's chat first."),
            lambda tr: tr.p_("easy", "❓ I don't know your group yet.\n👥 Please send /propose in your group's chat.")))
    elif len(groups) == 1:
        await begin(ctx, groups[0].chat_id)
    else:
        keyboard = Keyboard.column(*(Button(group.title or str(group.chat_id), encode(PICK_GROUP, group.chat_id))
                                     for group in groups))
        await ctx.reply(both(lambda tr: tr._("Which group is this proposal for?"),
                             lambda tr: tr.p_("easy", "👥 Which group is your idea for?")), keyboard)


@router.callback(PICK_GROUP, (CHAT_ID,))
async def pick_group(ctx: Context) -> None:
    """The person chose which of their groups the proposal is for."""
    assert ctx.callback is not None
    chat_id = ctx.callback.int_arg(0)
    if chat_id is None or not ctx.event.is_private:
        await ctx.answer(OLD_BUTTON, alert=True)
        return
    await begin(ctx, chat_id)


async def begin(ctx: Context, group_chat_id: int) -> None:
    """Open a fresh draft for a group the person belongs to (checked again here)."""
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        group = await uow.groups.by_chat(group_chat_id)
        if group is None:
            raise NotFound(group_chat_id)
        await proposals.member_of(uow, ctx.person.telegram_id, group)
        await conversations.save(uow, ctx.clock, ctx.person.id, steps.FLOW, "title",
                                 {"draft": draft_to_data(Draft(group_chat_id)), "trail": [], "tz": group.timezone})
    ctx.conversation = None  # read the fresh draft back, not a conversation of another flow it replaced
    await _prompt(ctx, "title")


async def _state(ctx: Context) -> tuple[Draft, dict]:  # type: ignore[type-arg]
    assert ctx.conversation is not None
    data = dict(ctx.conversation.data)
    return draft_from_data(data["draft"]), data


async def _go(ctx: Context, draft: Draft, data: dict, step: str, *, back: bool = False,  # type: ignore[type-arg]
              problem: Render | None = None) -> None:
    """Save the draft and move to `step` (remembering the way back), then ask its question."""
    assert ctx.person is not None and ctx.person.id is not None and ctx.conversation is not None
    trail = list(data.get("trail", []))
    current = ctx.conversation.step
    if back:
        step = trail.pop() if trail else "title"
    elif step != current:
        trail.append(current)
    data = {**data, "draft": draft_to_data(draft), "trail": trail}
    async with ctx.uow() as uow:
        await conversations.save(uow, ctx.clock, ctx.person.id, steps.FLOW, step, data)
    ctx.conversation.step, ctx.conversation.data = step, data
    await _prompt(ctx, step, problem)


async def _prompt(ctx: Context, step_name: str, problem: Render | None = None) -> None:
    """Ask the step's question (after explaining a problem with the last answer, if there was one)."""
    draft, data = await _state(ctx) if ctx.conversation else (None, {})
    if draft is None:  # the conversation was just created: read it back
        async with ctx.uow() as uow:
            assert ctx.person is not None and ctx.person.id is not None
            ctx.conversation = await uow.conversations.get(ctx.person.id)
        draft, data = await _state(ctx)
    step = steps.STEPS[step_name]
    zone = ZoneInfo(data.get("tz", "Europe/London"))
    extra = {"day": data.get("day", ""), "now": ctx.clock.now().isoformat(), "pending": data.get("pending", ""),
             "pending_time": data.get("pending_time", ""), **data.get("window", {})}
    keyboard = steps.keyboard(step, draft, zone, ctx.clock.now(), ctx.languages, first=step_name == "title",
                              extra=extra, easy=ctx.easy_read)

    def render(tr: Tr) -> Markup:
        question = step.prompt(tr, draft, zone, extra)
        return Markup("\n\n").join([problem(tr), question]) if problem else question

    def easy(tr: Tr) -> Markup:
        question = step.easy(tr, draft, zone, extra)
        return Markup("\n\n").join([easy_form(problem)(tr), question]) if problem else question

    speech = (lambda tr: draft_speech(tr, draft, zone)) if step_name == "review" else None
    await ctx.reply(both(render, easy, speech=speech, about=Subject("w", draft.group_chat_id)), keyboard)


def _flow_text_handler(step_name: str):  # type: ignore[no-untyped-def]
    async def on_text(ctx: Context) -> None:
        """Read a typed answer for this step of the proposal."""
        await _read_text(ctx, step_name, clean_text(ctx.event.text))

    return on_text


for _name in TEXT_STEPS:
    router.step(steps.FLOW, _name)(_flow_text_handler(_name))
for _name in set(steps.STEPS) - set(TEXT_STEPS):
    router.step(steps.FLOW, _name)(lambda ctx, _n=_name: _prompt(  # type: ignore[misc]
        ctx, _n, USE_BUTTONS))


async def _read_text(ctx: Context, step: str, text: str) -> None:
    draft, data = await _state(ctx)
    zone = ZoneInfo(data.get("tz", "Europe/London"))
    if step in ("title", "description", "place"):
        limit = {"title": TITLE_MAX, "description": DESCRIPTION_MAX, "place": PLACE_MAX}[step]
        problem = check_text(text, limit)
        if problem is TextProblem.EMPTY:
            await _prompt(ctx, step, EMPTY)
            return
        if problem is TextProblem.TOO_LONG:
            await _prompt(ctx, step, too_long(limit))
            return
        setattr(draft, step, text)
        await _go(ctx, draft, data, NEXT[step])
    elif step == "day":
        reading = read_when(text, ctx.clock.now(), zone)
        if reading.problem or reading.moment is None:
            await _prompt(ctx, "day", explain_reading(reading, zone))
        elif reading.next_year:
            data["pending"], data["pending_time"] = reading.moment.isoformat(), "1" if reading.has_time else ""
            await _go(ctx, draft, data, "next_year")
        else:
            await _take_day(ctx, draft, data, reading.moment, reading.has_time, zone)
    elif step == "time":
        typed = impossible_time(text)
        if typed:
            await _prompt(ctx, "time", explain_date_problem("impossible_time", clock=typed))
        else:
            await _choose_time(ctx, draft, data, parse_time(text), zone)
    else:
        limit = SEATS_MAX if step == "seats" else MONEY_MAX
        amount = read_amount(text, limit)
        if amount is None:
            await _prompt(ctx, step, both(
                lambda tr: tr._("Please type a whole number from 1 to %(limit)s.", limit=limit),
                # Translators: Easy Read. limit is the biggest number allowed.
                lambda tr: tr.p_("easy", "🔢 Please write a number from 1 to %(limit)s.", limit=limit)))
            return
        if step == "seats":
            draft.needs.transport_seats = amount
        else:
            draft.needs.money = amount
        await _go(ctx, draft, data, "needs")


async def _take_day(ctx: Context, draft: Draft, data: dict, moment, has_time: bool,  # type: ignore[no-untyped-def,type-arg]
                    zone: ZoneInfo) -> None:
    """A day the person gave (typed, or confirmed with its year): ask the time, or add the date."""
    if has_time:
        await _add_option(ctx, draft, data, moment)
    else:
        data["day"] = moment.astimezone(zone).date().isoformat()
        await _go(ctx, draft, data, "time")


async def _choose_days(ctx: Context, draft: Draft, data: dict) -> None:  # type: ignore[type-arg]
    """The voting period chosen: work out when voting really closes, and what it leaves the organisation."""
    async with ctx.uow() as uow:
        window = await proposals.window_for_draft(uow, ctx.clock, draft)
        notice_days = await proposals.notice_days(uow, draft.group_chat_id)
    draft.closes_at = window.closes_at
    data["window"] = window_extra(window, notice_days, draft.vote_days)
    await _go(ctx, draft, data, "review")


async def _choose_time(ctx: Context, draft: Draft, data: dict, hour_minute: tuple[int, int] | None,  # type: ignore[type-arg]
                       zone: ZoneInfo) -> None:
    if hour_minute is None or not data.get("day"):
        await _prompt(ctx, "time", both(
            lambda tr: tr._("Sorry, I couldn't read that time. Try 14:30, or choose one."),
            lambda tr: tr.p_("easy", "🕑 Sorry, I could not read that time.\n👆 Please press a time.")))
        return
    moment = local_to_utc(date.fromisoformat(data["day"]), time(*hour_minute), zone)
    if moment <= ctx.clock.now():
        await _prompt(ctx, "time", explain_date_problem("past"))
        return
    await _add_option(ctx, draft, data, moment)


async def _add_option(ctx: Context, draft: Draft, data: dict, moment) -> None:  # type: ignore[no-untyped-def,type-arg]
    if len(draft.options) >= MAX_OPTIONS:
        await _prompt(ctx, "confirm", explain_submit_problem("too_many"))
        return
    if not draft.add_option(moment):
        await _prompt(ctx, "confirm", both(lambda tr: tr._("That date is already on the list."),
                                           lambda tr: tr.p_("easy", "📅 That date is on the list already.")))
        return
    await _go(ctx, draft, data, "confirm")


@router.callback(steps.BUTTON, (WORD, TOKEN))
async def flow_button(ctx: Context) -> None:
    """A button on one of the proposal's questions."""
    assert ctx.callback is not None
    step, action = ((*ctx.callback.args, "", ""))[:2]
    if ctx.conversation is None or ctx.conversation.flow != steps.FLOW:
        await ctx.answer(both(
            lambda tr: tr._("This proposal has expired or was cancelled. Use /propose to start again."),
            lambda tr: tr.p_("easy", "⌛ This idea was stopped.\n✍️ Send /propose to start again.")), alert=True)
        return
    if step != ctx.conversation.step:
        await ctx.answer(EARLIER_QUESTION)
        return
    await ctx.answer()
    await ctx.edit_keyboard_away()
    draft, data = await _state(ctx)
    await _on_button(ctx, draft, data, step, action)


async def _on_button(ctx: Context, draft: Draft, data: dict, step: str, action: str) -> None:  # type: ignore[type-arg]
    zone = ZoneInfo(data.get("tz", "Europe/London"))
    kind, _, value = action.partition(":")
    if kind == "cancel":
        await _cancel(ctx)
    elif kind == "back":
        if step == "confirm" and draft.options:
            draft.options.pop()
        await _go(ctx, draft, data, step, back=True)
    elif kind == "skip":
        await _go(ctx, draft, data, NEXT[step])
    elif kind == "day":
        data["day"] = value
        await _go(ctx, draft, data, "time")
    elif kind == "time":
        hour, _, minute = value.partition(".")
        await _choose_time(ctx, draft, data, (int(hour), int(minute)) if hour.isdigit() else None, zone)
    elif kind in ("more", "drop"):
        if kind == "drop" and draft.options:
            draft.options.pop()
        await _go(ctx, draft, data, "day" if kind == "more" or not draft.options else "confirm")
    elif kind == "next":
        await _go(ctx, draft, data, "place" if draft.options else "day")
    elif step == "needs":
        await _toggle_need(ctx, draft, data, kind)
    elif kind == "n" and value.isdigit():
        if step == "seats":
            draft.needs.transport_seats = min(int(value), SEATS_MAX)
            await _go(ctx, draft, data, "needs")
        elif int(value) in VOTE_DAYS:
            draft.vote_days = int(value)
            await _choose_days(ctx, draft, data)
    elif step == "next_year" and data.get("pending"):
        await _answer_next_year(ctx, draft, data, kind == "yes", zone)
    elif kind == "close":
        window = data.get("window", {})
        chosen = window.get("notice_close" if value == "notice" else "period_close")
        draft.closes_at = datetime.fromisoformat(chosen) if chosen else draft.closes_at
        await _go(ctx, draft, data, "review")
    elif kind == "post":
        await _post(ctx, draft)


async def _answer_next_year(ctx: Context, draft: Draft, data: dict, yes: bool,  # type: ignore[type-arg]
                            zone: ZoneInfo) -> None:
    """Yes: next year's date it is. No: ask for the date again, nothing assumed."""
    moment, has_time = datetime.fromisoformat(data.pop("pending")), bool(data.pop("pending_time", ""))
    trail = list(data.get("trail", []))
    data["trail"] = trail[:-1] if trail and trail[-1] == "day" else trail
    assert ctx.conversation is not None
    ctx.conversation.step = "day"  # the question is answered: Back from the next step returns to the day
    if not yes:
        await _go(ctx, draft, data, "day", problem=NEXT_YEAR_REFUSED)
        return
    await _take_day(ctx, draft, data, moment, has_time, zone)


async def _toggle_need(ctx: Context, draft: Draft, data: dict, need: str) -> None:  # type: ignore[type-arg]
    needs = draft.needs
    if need == "room":
        needs.room = not needs.room
    elif need == "transport" and needs.transport_seats:
        needs.transport_seats = 0
    elif need == "transport":
        await _go(ctx, draft, data, "seats")
        return
    elif need == "money" and needs.money:
        needs.money = 0
    elif need == "money":
        await _go(ctx, draft, data, "money")
        return
    elif need == "done":
        await _go(ctx, draft, data, "days")
        return
    await _go(ctx, draft, data, "needs")


async def _cancel(ctx: Context) -> None:
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)
    await ctx.reply(both(lambda tr: tr._("✖️ Cancelled. Nothing was posted."),
                         lambda tr: tr.p_("easy", "✖️ Stopped.\nNothing was sent to the group.")))


async def _post(ctx: Context, draft: Draft) -> None:
    """Post the finished proposal to its group, then close the conversation."""
    assert ctx.person is not None and ctx.person.id is not None
    try:
        async with ctx.uow() as uow:
            view = await proposals.submit(uow, ctx.clock, ctx.person.telegram_id, draft)
    except InvalidProposal as invalid:
        _, data = await _state(ctx)
        await _go(ctx, draft, data, "day", problem=explain_submit_problem(invalid.problem))
        return
    except BotNotInGroup:
        await _end(ctx)
        await ctx.reply(NOT_IN_GROUP)
        return
    await _end(ctx)
    posted = await publish(ctx.outbound, view)  # saved with the proposal: if not now, when Telegram is back
    await ctx.reply(both(lambda tr: tr._("📣 Posted to the group. People can vote now."),
                         lambda tr: tr.p_("easy", "📣 Your idea is in the group now.\n🗳️ People can vote on it."),
                         about=Subject("p", view.id)) if posted else POST_PENDING,
                    Keyboard.of([Button(ctx.label(lambda tr: tr._("🗑 Withdraw it")), encode("pw", view.id))]))


async def _end(ctx: Context) -> None:
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)

