"""/rules /rheolau: how this group decides (quorum, majority, open or anonymous votes).

Everyone can see the rule; the buttons work only for the group's coordinators (checked on the server).
"""

from __future__ import annotations

from bot.chat.callbacks import encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.decisions import DecisionRule
from bot.i18n.easy import both
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Tr
from bot.services import rules
from bot.services.errors import NotFound

router = Router(name=__name__)
CHANGE = "rule"


def describe(tr: Tr, rule: DecisionRule) -> Markup:
    if rule.quorum_share is not None:
        quorum = tr._("half of the members the bot knows (at least %(n)s)", n=rule.quorum_min_voters)
    else:
        quorum = tr.n_("at least %(n)s person", "at least %(n)s people", rule.quorum_min_voters)
    majority = tr._("more than half of yes and no") if rule.threshold <= 0.5 else tr._("two thirds of yes and no")
    openness = tr._("anonymous: the group sees only totals") if rule.anonymous else tr._(
        "open: the group sees who voted how")
    return one_per_line([
        tr._("⚖️ How this group decides"),
        tr._("👥 Who must vote: %(quorum)s", quorum=quorum),
        tr._("✅ To agree: %(majority)s", majority=majority),
        tr._("🙈 Votes: %(openness)s", openness=openness),
        tr._("A tie gets 24 more hours; if it's still a tie, the person who proposed it chooses."),
    ])


def _keyboard(ctx: Context, rule: DecisionRule) -> Keyboard:
    quorum_row = [Button(str(n), encode(CHANGE, "quorum", n)) for n in rules.QUORUMS]
    quorum_row.append(Button(ctx.label(lambda tr: tr._("Half")), encode(CHANGE, "quorum", "half")))
    return Keyboard.of(
        quorum_row,
        [Button(ctx.label(lambda tr: tr._("More than half")), encode(CHANGE, "threshold", "half")),
         Button(ctx.label(lambda tr: tr._("Two thirds")), encode(CHANGE, "threshold", "two_thirds"))],
        [Button(ctx.label(lambda tr: tr._("🙈 Anonymous")), encode(CHANGE, "open", 0)),
         Button(ctx.label(lambda tr: tr._("👀 Open")), encode(CHANGE, "open", 1))],
    )


@router.command("rules", "rheolau", menu=CommandInfo("rheolau", "rules", lambda tr: tr._("How this group decides")))
async def show_rules(ctx: Context) -> None:
    """Show the group's decision rule, with buttons for coordinators to change it."""
    if ctx.event.is_private:
        await ctx.reply(both(
            lambda tr: tr._("Please use /rules in your group's chat."),
            # Translators: Easy Read. /rules is a command: keep it as the Welsh one is.
            lambda tr: tr.p_("easy", "⚖️ Each group chooses how it decides.\n👥 Use /rules in the group chat.")))
        return
    async with ctx.uow() as uow:
        rule = await rules.current(uow, ctx.event.chat_id)
    keyboard = _keyboard(ctx, rule) if ctx.role == "coordinator" else None
    await ctx.reply(lambda tr: describe(tr, rule), keyboard)


@router.callback(CHANGE)
async def change_rule(ctx: Context) -> None:
    """A coordinator changes one part of the rule; everyone else is refused by the service."""
    assert ctx.callback is not None and ctx.person is not None
    setting, value = (*ctx.callback.args, "", "")[:2]
    if ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        rule = await rules.change(uow, ctx.clock, ctx.event.chat_id, ctx.person.telegram_id, setting, value)
    await ctx.answer(lambda tr: tr._("Saved"))
    await ctx.edit(lambda tr: describe(tr, rule), _keyboard(ctx, rule))
