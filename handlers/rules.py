"""/rules /rheolau: how this group decides (quorum, majority, ties, open or anonymous votes, notice).

Each rule reads as one plain sentence with a worked example counted by the domain itself
(`Majority.yes_needed`), so the words and the decision can't drift apart. In the group everyone sees it
in the group's language(s); in private each of the person's groups, in Easy Read for whoever chose it. The
buttons work only for the group's coordinators (checked on the server).
"""

from __future__ import annotations

from bot.chat.callbacks import ON_OFF, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.deadlines import NOTICE_CHOICES
from bot.domain.decisions import Majority, TieBreak
from bot.i18n.easy import Readable, both
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Render
from bot.services import rules
from bot.services.errors import NotFound
from bot.services.rules import GroupRules
from handlers.rules_text import describe, easy_describe

router = Router(name=__name__)
CHANGE = "rule"


def _keyboard(ctx: Context, current: GroupRules) -> Keyboard:
    quorum_row = [Button(str(n), encode(CHANGE, "quorum", n)) for n in rules.QUORUMS]
    quorum_row.append(Button(ctx.label(lambda tr: tr._("Half")), encode(CHANGE, "quorum", "half")))
    dates = "rule" if current.rule.earlier_date_wins else "earlier"
    return Keyboard.of(
        quorum_row,
        [Button(ctx.label(lambda tr: tr._("More yes than no")), encode(CHANGE, "majority", Majority.SIMPLE)),
         Button(ctx.label(lambda tr: tr._("Two thirds")), encode(CHANGE, "majority", Majority.TWO_THIRDS)),
         Button(ctx.label(lambda tr: tr._("Everyone")), encode(CHANGE, "majority", Majority.UNANIMOUS))],
        [Button(ctx.label(lambda tr: tr._("Tie: doesn't pass")), encode(CHANGE, "tie", TieBreak.NOT_PASSED)),
         Button(ctx.label(lambda tr: tr._("Tie: coordinators decide")), encode(CHANGE, "tie", TieBreak.COORDINATORS))],
        [Button(ctx.label(lambda tr: tr._("Tie: one more day")), encode(CHANGE, "tie", TieBreak.EXTEND_ONCE))],
        [Button(ctx.label(lambda tr: tr._("Tied dates: the earlier date") if dates == "earlier"
                          else tr._("Tied dates: the tie rule")), encode(CHANGE, "dates", dates))],
        [Button(ctx.label(_notice(n)), encode(CHANGE, "notice", n)) for n in NOTICE_CHOICES],
        [Button(ctx.label(lambda tr: tr._("🙈 Anonymous")), encode(CHANGE, "open", 0)),
         Button(ctx.label(lambda tr: tr._("👀 Open")), encode(CHANGE, "open", 1))],
    )


@router.command("rules", "rheolau", menu=CommandInfo("rheolau", "rules", lambda tr: tr._("How this group decides")))
async def show_rules(ctx: Context) -> None:
    """Show the group's decision rule, with buttons for coordinators to change it; in private, every group's."""
    if ctx.event.is_private:
        await _show_private(ctx)
        return
    async with ctx.uow() as uow:
        current = await rules.current(uow, ctx.event.chat_id)
    keyboard = _keyboard(ctx, current) if ctx.role == "coordinator" else None
    await ctx.reply(lambda tr: describe(tr, current), keyboard)


async def _show_private(ctx: Context) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        found = await rules.of_person(uow, ctx.person.telegram_id)
    if not found:
        await ctx.reply(both(
            lambda tr: tr._("Please use /rules in your group's chat."),
            # Translators: Easy Read. /rules is a command: keep it as the Welsh one is.
            lambda tr: tr.p_("easy", "⚖️ Each group chooses how it decides.\n👥 Use /rules in the group chat.")))
        return
    for group, current in found:
        await ctx.reply(_titled(group.title or str(group.chat_id), current))


def _titled(title: str, current: GroupRules) -> Readable:
    heading = Markup("👥 {}").format(title)
    return both(lambda tr: one_per_line([heading, describe(tr, current)]),
                lambda tr: one_per_line([heading, easy_describe(tr, current)]))


def _notice(days: int) -> Render:
    return lambda tr: tr.n_("Notice: %(n)s day", "Notice: %(n)s days", days)


@router.callback(CHANGE, ("quorum", one_of(*map(str, rules.QUORUMS), "half")), ("majority", one_of(*Majority)),
                 ("tie", one_of(*TieBreak)), ("dates", one_of("earlier", "rule")),
                 ("notice", one_of(*map(str, NOTICE_CHOICES))), ("open", ON_OFF))
async def change_rule(ctx: Context) -> None:
    """A coordinator changes one part of the rule; everyone else is refused by the service."""
    assert ctx.callback is not None and ctx.person is not None
    setting, value = (*ctx.callback.args, "", "")[:2]
    if ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        current = await rules.change(uow, ctx.clock, ctx.event.chat_id, ctx.person.telegram_id, setting, value)
    await ctx.answer(lambda tr: tr._("Saved"))
    await ctx.edit(lambda tr: describe(tr, current), _keyboard(ctx, current))
