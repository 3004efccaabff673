"""/onbehalf /ar_ran: a coordinator, or a supporter a member named, enters a vote, an RSVP or time given for
a member who phoned in or asked in person. It reuses the members' own services (with `entered_by`), is
audited as "entered by X for Y", and the member is told.

```mermaid
stateDiagram-v2
    [*] --> member: /onbehalf (private)
    member --> action: a member I may answer for
    action --> vote: Vote
    action --> rsvp: Answer a meet-up
    action --> category: Log time
    category --> hours
    vote --> [*]: entered (the member is told)
    rsvp --> [*]: entered (the member is told)
    hours --> [*]: entered (the member is told)
```
Every button carries the group and member; the service checks again that the presser may answer for them.
"""

from __future__ import annotations

from datetime import date

from bot.chat.callbacks import ID, Shape, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.contributions import Category
from bot.domain.decisions import Choice
from bot.domain.meetups import Answer
from bot.i18n.durations import hours_button
from bot.i18n.markup import Markup
from bot.i18n.translator import Label, Render, Tr
from bot.reports.labels import category_label
from bot.services import contributions, meetups, proposals, rsvp, supporters, voting
from bot.services.contributions import LogRequest
from bot.services.errors import NotFound
from bot.services.supporters import Supported
from handlers import on_behalf_text as says
from handlers.meetup_post import ANSWER_CODES
from handlers.meetup_post import refresh as refresh_meetup
from handlers.meetup_text import answer_word
from handlers.proposal_post import announce
from handlers.proposal_post import refresh as refresh_proposal
from handlers.proposal_text import CHOICE_CODES

router = Router(name=__name__)
BEHALF = "ob"
HOURS = (2, 4, 8, 12, 16)  # quarters of an hour offered: ½, 1, 2, 3, 4 hours
# (step, group id, member id, …): pick a member, pick what, then vote / answer / category and hours
BEHALF_SHAPES: tuple[Shape, ...] = (
    (one_of("m", "v", "r", "t"), ID, ID),
    ("V", ID, ID, ID, ID, one_of(*CHOICE_CODES)),
    ("R", ID, ID, ID, one_of(*ANSWER_CODES)),
    ("c", ID, ID, one_of(*Category)),
    ("T", ID, ID, one_of(*Category), one_of(*map(str, HOURS))),
)
TITLE_SHOWN = 30  # characters of a title on a button (one answer a row, so it reads whole)


@router.command("onbehalf", "ar_ran", menu=CommandInfo(
    "ar_ran", "onbehalf", lambda tr: tr._("Answer for a member who phoned in or asked you in person")))
async def on_behalf(ctx: Context) -> None:
    """List the members this person may answer for."""
    if not ctx.event.is_private:
        await ctx.reply(says.private_only)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        found = await supporters.people_i_support(uow, ctx.person.telegram_id)
    if not found:
        await ctx.reply(says.nobody)
        return
    rows = [[Button(f"👤 {s.member.display_name} · {s.group.title}"[:60], encode(BEHALF, "m", s.group.id, s.member.id))]
            for s in found[:30]]
    await ctx.reply(says.pick_member, Keyboard.of(*rows))


@router.callback(BEHALF, *BEHALF_SHAPES)
async def pressed(ctx: Context) -> None:
    """One step of answering for a member; who may do it is checked again each time."""
    assert ctx.callback is not None and ctx.person is not None
    step, args = (ctx.callback.args[:1] or ("",))[0], ctx.callback.args[1:]
    group_id, member_id = ctx.callback.int_arg(1), ctx.callback.int_arg(2)
    if not ctx.event.is_private or group_id is None or member_id is None:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        target = await supporters.check(uow, ctx.person.telegram_id, group_id, member_id)
    await ctx.answer(message=False)
    await ctx.edit_keyboard_away()
    handler = {"m": _actions, "v": _votes, "r": _meetups, "t": _categories, "c": _hours, "V": _vote, "R": _rsvp,
               "T": _log}.get(step)
    if handler is None:
        raise NotFound(ctx.callback)
    await handler(ctx, target, args[2:])


def _button(ctx: Context, render: Label, target: Supported, step: str, *more: object) -> Button:
    return Button(ctx.label(render), encode(BEHALF, step, target.group.id, target.member.id, *more))


async def _actions(ctx: Context, target: Supported, _: tuple[str, ...]) -> None:
    await ctx.reply(says.pick_action(target.member.display_name), Keyboard.column(
        _button(ctx, lambda tr: tr._("🗳️ Vote"), target, "v"),
        _button(ctx, lambda tr: tr._("📅 Answer a meet-up"), target, "r"),
        _button(ctx, lambda tr: tr._("⏱ Log time given"), target, "t"),
    ))


async def _votes(ctx: Context, target: Supported, _: tuple[str, ...]) -> None:
    async with ctx.uow() as uow:
        views = await proposals.open_in_group(uow, target.group.chat_id)
    rows = []
    for view in views[:5]:
        title = view.proposal.title[:TITLE_SHOWN]
        if view.is_date_choice:
            rows += [[_button(ctx, says.date_label(option.starts_at, view.zone, title), target, "V", view.id,
                              option.index, "y")] for option in view.options]
        else:
            rows += [[_button(ctx, says.choice_button(code, title), target, "V", view.id, 0, code)]
                     for code in ("y", "n", "a")]
    await ctx.reply(says.pick_vote(target.member.display_name, bool(views)), Keyboard.of(*rows) if rows else None)


async def _meetups(ctx: Context, target: Supported, _: tuple[str, ...]) -> None:
    async with ctx.uow() as uow:
        views = await meetups.upcoming_in_group(uow, ctx.clock, target.group.chat_id)
    rows = [[_button(ctx, says.answer_button(code, view.meetup.title[:TITLE_SHOWN]), target, "R", view.id, code)]
            for view in views[:5] for code in ("g", "m", "n")]
    await ctx.reply(says.pick_meetup(target.member.display_name, bool(views)), Keyboard.of(*rows) if rows else None)


async def _categories(ctx: Context, target: Supported, _: tuple[str, ...]) -> None:
    rows = [[_button(ctx, says.category_button(category), target, "c", category)]
            for category in Category if category != Category.OTHER]
    await ctx.reply(says.pick_category(target.member.display_name), Keyboard.of(*rows))


async def _hours(ctx: Context, target: Supported, args: tuple[str, ...]) -> None:
    category = args[0] if args else ""
    rows = [[_button(ctx, says.hours_label(quarters), target, "T", category, quarters)] for quarters in HOURS]
    await ctx.reply(says.pick_hours(target.member.display_name), Keyboard.of(*rows))


async def _vote(ctx: Context, target: Supported, args: tuple[str, ...]) -> None:
    assert ctx.person is not None
    if len(args) < 3 or not args[0].isdigit() or not args[1].isdigit() or args[2] not in CHOICE_CODES:
        raise NotFound(args)
    proposal_id, index, choice = int(args[0]), int(args[1]), Choice(CHOICE_CODES[args[2]])
    async with ctx.uow() as uow:
        cast = await voting.cast_vote(uow, ctx.clock, target.group.chat_id, target.member.telegram_id, proposal_id,
                                      index, choice, entered_by=ctx.person.telegram_id)
    view = cast.view
    title = view.proposal.title
    if view.is_date_choice and cast.choice is not Choice.ABSTAIN:
        moment = view.options[index].starts_at

        def detail(tr: Tr) -> Markup:
            when = tr.when(moment, view.zone)
            return says.ticked(tr, when, title) if cast.choice is Choice.YES else says.unticked(tr, when, title)
    else:
        def detail(tr: Tr) -> Markup:
            return says.voted(tr, says.choice_label(tr, args[2]), title)
    await _tell(ctx, target, detail)
    if cast.closing is not None:
        await announce(ctx.outbound, cast.closing)
    else:
        await refresh_proposal(ctx.outbound, ctx.uow, ctx.group_edits, proposal_id)


async def _rsvp(ctx: Context, target: Supported, args: tuple[str, ...]) -> None:
    assert ctx.person is not None
    if len(args) < 2 or not args[0].isdigit() or args[1] not in ANSWER_CODES:
        raise NotFound(args)
    async with ctx.uow() as uow:
        answered = await rsvp.respond(uow, ctx.clock, int(args[0]), target.member.telegram_id,
                                      Answer(ANSWER_CODES[args[1]]), None, entered_by=ctx.person.telegram_id)
    title = answered.view.meetup.title
    await _tell(ctx, target, lambda tr: says.answered(tr, answer_word(tr, answered.answer), title))
    await refresh_meetup(ctx.outbound, ctx.group_edits, answered.view.id)


async def _log(ctx: Context, target: Supported, args: tuple[str, ...]) -> None:
    assert ctx.person is not None
    if len(args) < 2 or args[0] not in set(Category) or not args[1].isdigit():
        raise NotFound(args)
    category, quarters = args[0], int(args[1])
    today: date = contributions.local_day(target.group, ctx.clock.now())
    request = LogRequest(target.group.chat_id, category, today, quarters)
    async with ctx.uow() as uow:
        await contributions.log(uow, ctx.clock, target.member.telegram_id, request, entered_by=ctx.person.telegram_id)
    await _tell(ctx, target, lambda tr: says.logged(tr, hours_button(tr, quarters), category_label(tr, category)))


async def _tell(ctx: Context, target: Supported, detail: Render) -> None:
    """Confirm to the one who entered it, and tell the member: "entered by X for Y"."""
    assert ctx.person is not None
    actor, member = ctx.person.display_name, target.member.display_name
    await ctx.reply(says.entered(actor, member, detail, to_member=False))
    if target.member.can_dm:
        await ctx.send_private(target.member, says.entered(actor, member, detail, to_member=True))
