"""Moving time credits: /gift /rhoi (a member gives some of theirs to another member), and for
coordinators /spend /gwario (a member spent credits on something the organisation offers) and /adjust
/addasu (a correction with a reason). The ledger only ever gains entries.

```mermaid
stateDiagram-v2
    [*] --> group: several groups
    [*] --> member
    group --> member
    member --> amount: gift, spend
    member --> direction: adjust (add or take away)
    direction --> amount
    amount --> note: spend (what on), adjust (why)
    amount --> review: gift
    note --> review
    review --> [*]: Done (the member is told privately)
```
"""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.router import CommandInfo, Router
from bot.domain.credits import TRANSFER_MAX
from bot.domain.hours import PRESETS, HoursProblem, read_hours
from bot.domain.proposals import clean_text
from bot.i18n.durations import hours_button, hours_text
from bot.i18n.easy import Readable, both
from bot.i18n.markup import Markup
from bot.i18n.translator import Tr
from bot.services import credits
from bot.services.errors import InvalidContribution, NotEnoughCredits
from handlers import credit_text as text
from handlers.guided import Data, Guide, Rows, Step, steps
from handlers.links import PRESS_START, open_private_keyboard
from handlers.log_problems import NO_GROUP_YET, explain

router = Router(name=__name__)
GIFT, SPEND, ADJUST = "gift", "spend", "adjust"
COORDINATORS_ONLY = both(lambda tr: tr._("Sorry, only the group's coordinators can do that."),
                         lambda tr: tr.p_("easy", "🧑‍💼 Sorry, only a coordinator can do that."))


@router.command("gift", "rhoi", menu=CommandInfo("rhoi", "gift", lambda tr: tr._("Give time credits to a member")))
async def gift(ctx: Context) -> None:
    """Give some of your time credits to another member."""
    await begin(ctx, GIFT)


@router.command("spend", "gwario")
async def spend(ctx: Context) -> None:
    """Coordinators: record that a member spent time credits."""
    await begin(ctx, SPEND)


@router.command("adjust", "addasu")
async def adjust(ctx: Context) -> None:
    """Coordinators: correct a member's time credits, with a reason."""
    await begin(ctx, ADJUST)


async def begin(ctx: Context, kind: str) -> None:
    """Start in private with the groups the person may do this in."""
    if not ctx.event.is_private:
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: tr._("💳 Time credits are private. Please open a private chat with me."), keyboard)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        groups = await credits.groups_of(uow, ctx.person.telegram_id, coordinating=kind != GIFT)
    data: Data = {"kind": kind, "groups": [[group.chat_id, group.title] for group in groups]}
    if not groups:
        await ctx.reply(NO_GROUP_YET if kind == GIFT else COORDINATORS_ONLY)
    elif len(groups) == 1:
        await GUIDE.begin(ctx, "member", {**data, **await _members(ctx, groups[0].chat_id)})
    else:
        await GUIDE.begin(ctx, "group", data)


async def _members(ctx: Context, chat_id: int) -> Data:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        others = await credits.others_in(uow, ctx.person.telegram_id, chat_id)
        available = await credits.available(uow, ctx.person.telegram_id, chat_id)
    return {"group": chat_id, "available": available, "people": [[p.id, p.display_name] for p in others]}


def _question(tr: Tr, data: Data) -> Markup:
    kind = data["kind"]
    if kind == GIFT:
        return tr._("🎁 Who would you like to give time credits to?")
    return tr._("🧾 Who spent time credits?") if kind == SPEND else tr._("🛠 Whose time credits need correcting?")


def _easy_question(tr: Tr, data: Data) -> Markup:
    kind = data["kind"]
    if kind == GIFT:
        return tr.p_("easy", "🎁 Who do you want to give time credits to?\n👆 Press their name.")
    if kind == SPEND:
        return tr.p_("easy", "🧾 Who used time credits?\n👆 Press their name.")
    return tr.p_("easy", "🛠 Whose time credits need to change?\n👆 Press their name.")


def _easy_amount_question(tr: Tr, data: Data) -> Markup:
    if data["kind"] == GIFT:
        return tr.p_("easy", "🎁 How much do you want to give %(name)s?\n💳 The most you can give: %(hours)s\n"
                             "👆 Press an amount.", name=data["name"], hours=hours_text(tr, max(0, data["available"])))
    return tr.p_("easy", "⏱ How much?\n👆 Press an amount.")


def _easy_note(tr: Tr, data: Data) -> Markup:
    if data["kind"] == SPEND:
        return tr.p_("easy", "🧾 What were they used for?\n✍️ Write a few words.")
    return tr.p_("easy", "🛠 Why?\n✍️ Write a few words.\n🙋 %(name)s will see it.", name=data["name"])


def _easy_review(tr: Tr, data: Data) -> Markup:
    amount = hours_text(tr, data["amount"])
    match data["kind"]:
        case "gift":
            return tr.p_("easy", "🎁 Give %(amount)s of time credits to %(name)s?\n✅ Press Yes, do it.",
                         amount=amount, name=data["name"])
        case "spend":
            return tr.p_("easy", "🧾 %(name)s used %(amount)s of time credits.\n📝 For: %(what)s\n"
                                 "✅ Press Yes, do it.", name=data["name"], amount=amount, what=data["note"])
    if data["sign"] > 0:
        return tr.p_("easy", "🛠 Add %(amount)s to %(name)s's time credits?\n📝 Why: %(reason)s\n✅ Press Yes, do it.",
                     amount=amount, name=data["name"], reason=data["note"])
    return tr.p_("easy", "🛠 Take %(amount)s from %(name)s's time credits?\n📝 Why: %(reason)s\n✅ Press Yes, do it.",
                 amount=amount, name=data["name"], reason=data["note"])


def _amount_question(tr: Tr, data: Data) -> Markup:
    if data["kind"] == GIFT:
        return tr._("🎁 How much would you like to give %(name)s? You can give up to %(hours)s.",
                    name=data["name"], hours=hours_text(tr, max(0, data["available"])))
    return tr._("⏱ How much? Choose, or type it, for example 1.5 or 90 minutes.")


def _review(tr: Tr, data: Data) -> Markup:
    amount = hours_text(tr, data["amount"])
    line: str
    match data["kind"]:
        case "gift":
            line = tr._("🎁 Give %(amount)s of time credit to %(name)s?", amount=amount, name=data["name"])
        case "spend":
            line = tr._("🧾 Record that %(name)s spent %(amount)s on %(what)s?", name=data["name"], amount=amount,
                        what=data["note"])
        case _:
            line = (tr._("🛠 Add %(amount)s to %(name)s's time credits?", amount=amount, name=data["name"])
                    if data["sign"] > 0 else
                    tr._("🛠 Take %(amount)s from %(name)s's time credits?", amount=amount, name=data["name"]))
            line += "\n" + tr._("Reason: %(reason)s", reason=data["note"])
    return line


def _pairs(buttons: list[tuple[str, str]]) -> Rows:
    return [buttons[start:start + 2] for start in range(0, len(buttons), 2)]


def _direction_buttons(tr: Tr, data: Data) -> Rows:
    return [[(tr._("➕ Add"), "up"), (tr._("➖ Take away"), "down")]]


def _amount_buttons(tr: Tr, data: Data) -> Rows:
    return _pairs([(hours_button(tr, q), f"q{q}") for q in PRESETS[:3]])


def _review_buttons(tr: Tr, data: Data) -> Rows:
    return [[(tr._("✅ Yes, do it"), "do")]]


STEPS = steps(
    Step("group", lambda tr, d: tr._("👥 Which group?"),
         lambda tr, d: tr.p_("easy", "👥 Which group?\n👆 Press the group."),
         lambda tr, d: [[(title, str(chat))] for chat, title in d["groups"]]),
    Step("member", _question, _easy_question, lambda tr, d: _pairs([(name, str(pid)) for pid, name in d["people"]])),
    Step("direction", lambda tr, d: tr._("🛠 Add time credits, or take some away?"),
         lambda tr, d: tr.p_("easy", "🛠 Add time credits?\n➖ Or take some away?"), _direction_buttons),
    Step("amount", _amount_question, _easy_amount_question, _amount_buttons, typed=True),
    Step("note", lambda tr, d: tr._("🧾 What was it spent on? A few words, for example: a swimming session.")
         if d["kind"] == SPEND else tr._("🛠 Why? %(name)s will see your reason.", name=d["name"]), _easy_note,
         typed=True),
    Step("review", _review, _easy_review, _review_buttons),
)


async def _pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    """A button on one of the questions."""
    if step == "group" and value.lstrip("-").isdigit():
        await GUIDE.go(ctx, "member", {**data, **await _members(ctx, int(value))})
    elif step == "member":
        names = {str(pid): name for pid, name in data["people"]}
        if value in names:
            chosen = {**data, "person": int(value), "name": names[value], "sign": 1}
            await GUIDE.go(ctx, "direction" if data["kind"] == ADJUST else "amount", chosen)
    elif step == "direction" and value in ("up", "down"):
        await GUIDE.go(ctx, "amount", {**data, "sign": 1 if value == "up" else -1})
    elif step == "amount" and value.startswith("q") and value[1:].isdigit():
        await _amount(ctx, int(value[1:]), data)
    elif step == "review" and value == "do":
        await _do(ctx, data)


async def _typed(ctx: Context, step: str, typed: str, data: Data) -> None:
    """How much, or what for / why."""
    if step == "amount":
        reading = read_hours(typed, TRANSFER_MAX)
        if reading.quarters is None:
            problem = both(lambda tr: tr._("⏱ That's more than 240 hours. Please check it."),
                           lambda tr: tr.p_("easy", "⏱ That is more than 240 hours.\n👆 Please press an amount.")) \
                if reading.problem is HoursProblem.TOO_LONG else text.hours_problem(reading.problem)
            await GUIDE.ask(ctx, step, data, problem)
            return
        await _amount(ctx, reading.quarters, data)
    elif step == "note":
        note = clean_text(typed)
        if not note or len(note) > 200:
            await GUIDE.ask(ctx, step, data, explain("note"))
            return
        await GUIDE.go(ctx, "review", {**data, "note": note})


async def _amount(ctx: Context, quarters: int, data: Data) -> None:
    if data["kind"] == GIFT and quarters > data["available"]:
        await GUIDE.ask(ctx, "amount", data, _not_enough(data["available"]))
        return
    await GUIDE.go(ctx, "review" if data["kind"] == GIFT else "note", {**data, "amount": quarters})


def _not_enough(available: int) -> Readable:
    if available <= 0:
        return both(lambda tr: tr._("💳 You don't have any time credits to give yet."),
                    lambda tr: tr.p_("easy", "💳 You have no time credits to give yet."))
    return both(lambda tr: tr._("💳 That's more than you have. You can give up to %(hours)s.",
                                hours=hours_text(tr, available)),
                lambda tr: tr.p_("easy", "💳 That is more than you have.\n💳 The most you can give: %(hours)s",
                                 hours=hours_text(tr, available)))


async def _do(ctx: Context, data: Data) -> None:
    """Make the change (checked again, balance guarded by the database) and tell the member."""
    assert ctx.person is not None
    me, chat, person, amount = ctx.person.telegram_id, int(data["group"]), int(data["person"]), int(data["amount"])
    try:
        async with ctx.uow() as uow:
            if data["kind"] == GIFT:
                done = await credits.gift(uow, ctx.clock, me, chat, person, amount)
            elif data["kind"] == SPEND:
                done = await credits.spend(uow, ctx.clock, me, chat, person, amount, data["note"])
            else:
                done = await credits.adjust(uow, ctx.clock, me, chat, person, amount * data["sign"], data["note"])
    except NotEnoughCredits as short:
        await GUIDE.go(ctx, "amount", {**data, "available": short.available}, problem=_not_enough(short.available))
        return
    except InvalidContribution as invalid:
        await GUIDE.go(ctx, "amount", data, problem=explain(invalid.problem))
        return
    await GUIDE.end(ctx)
    await ctx.reply(text.transfer_message(done, for_member=False))
    if done.member.can_dm:
        await ctx.send_private(done.member, text.transfer_message(done, for_member=True))


GUIDE = Guide("transfer", "crt", STEPS, _pressed, on_text=_typed,
              expired=both(lambda tr: tr._("This has expired or was cancelled. Nothing was changed."),
                           lambda tr: tr.p_("easy", "⌛ This has stopped.\n📝 Nothing was changed.")))
GUIDE.register(router)
