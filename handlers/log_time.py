"""/log /cofnodi: record time you gave, in a private chat, then someone else confirms it.

```mermaid
stateDiagram-v2
    [*] --> group: /log (when you are in several groups)
    [*] --> category: /log
    group --> category
    category --> note
    category --> meetup_log: 👥 Everyone at a meet-up (coordinators)
    note --> meetup: the group had meet-ups lately
    note --> day
    meetup --> hours: a meet-up (its day)
    meetup --> day: Not at a meet-up
    day --> hours
    hours --> confirmer
    confirmer --> review
    review --> [*]: Send (the confirmer gets Yes / Not right buttons)
```
Every question has Back and Cancel; everything is checked again by the service when it is sent.
"""

from __future__ import annotations

from datetime import date

from bot.chat.callbacks import ID
from bot.chat.context import Context
from bot.chat.router import CommandInfo, Router
from bot.domain.contributions import Category, read_day
from bot.domain.hours import read_hours
from bot.domain.proposals import clean_text
from bot.domain.roles import Role
from bot.i18n.easy import Readable, both
from bot.i18n.markup import Markup
from bot.i18n.translator import Tr
from bot.services import contributions, credits
from bot.services.contributions import LogRequest, local_day
from bot.services.errors import InvalidContribution, NotFound
from handlers import confirmations, meetup_log
from handlers import credit_text as text
from handlers.guided import Data, Guide
from handlers.links import PRESS_START, open_private_keyboard
from handlers.log_problems import NO_GROUP_YET, explain
from handlers.log_steps import BUTTON, EVERYONE, FLOW, STEPS
from handlers.log_undo import FIX, TAKE_BACK, WRITE_AGAIN, take_back, undo_keyboard

router = Router(name=__name__)


@router.command("log", "cofnodi", menu=CommandInfo("cofnodi", "log", lambda tr: tr._("Record time you gave")))
async def log(ctx: Context) -> None:
    """Start logging time given: in private; from a group, point to the private chat."""
    if not ctx.event.is_private:
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: tr._("🕒 Time you gave is logged privately. Please open a private chat with me "
                                        "and use /log."), keyboard)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        groups = await credits.groups_of(uow, ctx.person.telegram_id)
    if not groups:
        await ctx.reply(NO_GROUP_YET)
    elif len(groups) == 1:
        await GUIDE.begin(ctx, "category", await _group_data(ctx, groups[0].chat_id))
    else:
        await GUIDE.begin(ctx, "group", {"groups": [[group.chat_id, group.title] for group in groups]})


async def _group_data(ctx: Context, chat_id: int) -> Data:
    """What the questions need to know about the chosen group (checked: the person is in it)."""
    assert ctx.person is not None
    async with ctx.uow() as uow:
        group, _, role = await credits.group_member(uow, ctx.person.telegram_id, chat_id)
        meetups = await contributions.recent_meetups(uow, ctx.clock, chat_id)
    return {
        "group": chat_id, "coordinator": role == Role.COORDINATOR,
        "today": local_day(group, ctx.clock.now()).isoformat(),
        "meetups": [[m.id, m.title, local_day(group, m.starts_at).isoformat()] for m in meetups[:6]],
    }


async def _pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    """A button on one of the questions."""
    if step == "group" and value.lstrip("-").isdigit():
        await GUIDE.go(ctx, "category", {**data, **await _group_data(ctx, int(value))})
    elif step == "category" and value == EVERYONE and data.get("coordinator"):
        await GUIDE.end(ctx)
        await meetup_log.choose_meetup(ctx, int(data["group"]))
    elif step == "category" and value in set(Category):
        await GUIDE.go(ctx, "note", {**data, "category": value})
    elif step == "note" and value == "skip":
        if data.get("category") == Category.OTHER:
            await GUIDE.ask(ctx, "note", data, both(
                lambda tr: tr._("That was empty. Please write a few words."),
                lambda tr: tr.p_("easy", "📝 Please write a few words about it.")))
        else:
            await _after_note(ctx, {**data, "note": ""})
    elif step == "meetup":
        await _choose_meetup(ctx, value, data)
    elif step == "day":
        await _choose_day(ctx, value, data)
    elif step == "hours" and value.startswith("q") and value[1:].isdigit():
        await _choose_hours(ctx, int(value[1:]), data)
    elif step == "confirmer":
        names = {str(person_id): name for person_id, name in data.get("candidates", [])}
        chosen = {"confirmer": int(value), "confirmer_name": names[value]} if value in names else {}
        await GUIDE.go(ctx, "review", {**data, "confirmer": None, "confirmer_name": "", **chosen})
    elif step == "review" and value == "send":
        await _send(ctx, data)


async def _typed(ctx: Context, step: str, typed: str, data: Data) -> None:
    """A typed answer: a few words, a day, or how long."""
    if step == "note":
        note = clean_text(typed)
        if not note or len(note) > 200:
            await GUIDE.ask(ctx, step, data, explain("note"))
            return
        await _after_note(ctx, {**data, "note": note})
    elif step == "day":
        await _choose_day(ctx, typed, data)
    elif step == "hours":
        reading = read_hours(typed)
        if reading.quarters is None:
            await GUIDE.ask(ctx, step, data, text.hours_problem(reading.problem))
            return
        await _choose_hours(ctx, reading.quarters, data)


async def _after_note(ctx: Context, data: Data) -> None:
    await GUIDE.go(ctx, "meetup" if data.get("meetups") else "day", data)


async def _choose_meetup(ctx: Context, value: str, data: Data) -> None:
    chosen = [m for m in data.get("meetups", []) if str(m[0]) == value]
    if not chosen:
        await GUIDE.go(ctx, "day", {**data, "meetup": None, "meetup_title": ""})
        return
    meetup_id, title, day = chosen[0]
    await GUIDE.go(ctx, "hours", {**data, "meetup": meetup_id, "meetup_title": title, "day": day})


async def _choose_day(ctx: Context, typed: str, data: Data) -> None:
    reading = read_day(typed, date.fromisoformat(data["today"]))
    if reading.problem or reading.day is None:
        await GUIDE.ask(ctx, "day", data, explain(reading.problem))
        return
    await GUIDE.go(ctx, "hours", {**data, "day": reading.day.isoformat()})


async def _choose_hours(ctx: Context, quarters: int, data: Data) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        people = await contributions.candidates(uow, int(data["group"]), ctx.person.telegram_id, data.get("meetup"))
    candidates = [[person.id, person.display_name] for person in people]
    await GUIDE.go(ctx, "confirmer", {**data, "quarters": quarters, "candidates": candidates})


async def _send(ctx: Context, data: Data) -> None:
    """Record it (checked again), end the conversation, and ask the confirmer."""
    assert ctx.person is not None
    request = LogRequest(int(data["group"]), data["category"], date.fromisoformat(data["day"]), int(data["quarters"]),
                         data.get("note", ""), data.get("meetup"), data.get("confirmer"))
    try:
        async with ctx.uow() as uow:
            view = await contributions.log(uow, ctx.clock, ctx.person.telegram_id, request)
    except InvalidContribution as invalid:
        back_to = "hours" if invalid.problem in ("day_full", "too_long") else "day"
        await GUIDE.go(ctx, back_to, data, problem=explain(invalid.problem))
        return
    await GUIDE.end(ctx)
    asked = await confirmations.ask(ctx.outbound, ctx.uow, view)
    await ctx.reply(_sent(asked_names=[person.display_name for person in asked]), undo_keyboard(ctx, view.id))


@router.callback(TAKE_BACK, (ID,), (ID, FIX))
async def take_back_pressed(ctx: Context) -> None:
    """↩️ Take it back, or ✏️ Correct it: withdrawn (if nobody has decided yet); correcting starts /log again."""
    assert ctx.callback is not None
    contribution_id = ctx.callback.int_arg(0)
    if contribution_id is None or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    await take_back(ctx, contribution_id)
    if ctx.callback.args[1:2] == (FIX,):
        await ctx.reply(WRITE_AGAIN)
        await log(ctx)


def _sent(asked_names: list[str]) -> Readable:
    names = ", ".join(asked_names)

    def render(tr: Tr) -> Markup:
        if not asked_names:
            return tr._("📨 Saved. Nobody can be asked privately yet, so a coordinator will need to confirm it: "
                        "they can ask everyone in the group to press Start once.")
        # Translators: names is one or more people's names, separated by commas.
        return tr._("📨 Saved and sent to %(names)s to confirm. I'll tell you when it's confirmed.", names=names)

    def easy(tr: Tr) -> Markup:
        if not asked_names:
            return tr.p_("easy", "📨 Saved.\n🧑‍💼 A coordinator needs to check it.\n"
                                 "⏳ I will tell you when it is checked.")
        # Translators: Easy Read. names is one or more people's names, separated by commas.
        return tr.p_("easy", "📨 Saved.\n🙋 I asked %(names)s to check it.\n⏳ I will tell you when it is checked.",
                     names=names)

    return both(render, easy)



GUIDE = Guide(FLOW, BUTTON, STEPS, _pressed, on_text=_typed,
              expired=both(lambda tr: tr._("This has expired or was cancelled. Use /log to start again."),
                           lambda tr: tr.p_("easy", "⌛ This has stopped.\n🕒 Use /log to start again.")))
GUIDE.register(router)
