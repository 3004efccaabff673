"""/support /cefnogaeth: where to get help now, in the person's language (in a group: both, Welsh first).

The organisation's own lines (CRIW_HELPLINES, bot/domain/helplines.py) come first, then the built-in
ones: Samaritans and the Welsh helplines, unless CRIW_HELPLINES_BUILTIN=false. Nothing is stored and
nobody is told who asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.chat.context import Context
from bot.chat.router import CommandInfo, Router
from bot.domain.helplines import Helpline, read_helplines
from bot.i18n.easy import both
from bot.i18n.markup import BLANK, Markup, bold, escape, one_per_line
from bot.i18n.translator import Tr
from bot.settings import Settings

router = Router(name=__name__)


@dataclass(frozen=True)
class Line:
    name: str
    contact: str
    about: Callable[[Tr], Markup]


BUILT_IN = (
    Line("Samaritans", "116 123", lambda tr: tr._(
        "Free, any time, day or night. Talk about anything that's troubling you. Welsh-language line: "
        "0808 164 0123 (7pm–11pm every day).")),
    Line("C.A.L.L.", "0800 132 737", lambda tr: tr._(
        "The Community Advice and Listening Line: free mental health support in Wales, any time. Or text "
        "\"help\" to 81066.")),
    Line("DAN 24/7", "0808 808 2234", lambda tr: tr._(
        "The Wales drug and alcohol helpline: free, any time. Or text DAN to 81066.")),
    Line("Meic", "0808 80 23456", lambda tr: tr._(
        "For children and young people in Wales up to 25: free and confidential, 8am to midnight every day. "
        "Or text 84001.")),
    Line("NHS 111", "111", lambda tr: tr._("Press 2 for urgent mental health help in Wales, any time.")),
)


def _own(helpline: Helpline) -> Line:
    """One of the organisation's lines, described in the reader's language."""
    return Line(helpline.name, helpline.contact, lambda tr: escape(helpline.about_in(tr.language)))


def lines_for(settings: Settings) -> list[Line]:
    own = [_own(helpline) for helpline in read_helplines(settings.helplines)]
    return own + (list(BUILT_IN) if settings.helplines_builtin or not own else [])


def helplines_text(tr: Tr, lines: list[Line]) -> Markup:
    parts: list[Markup] = [tr._("🆘 Where to get help now"),
             tr._("🚨 If someone is in danger now, call 999.")]
    for line in lines:
        # Translators: name is a helpline's name, contact its phone number.
        parts += [BLANK, tr._("📞 %(name)s: %(contact)s", name=bold(line.name), contact=bold(line.contact)),
                  line.about(tr)]
    parts += [BLANK, tr._("💬 You can also talk to your group's coordinator. Asking here is private: nobody is told.")]
    return one_per_line(parts)


def _easy(tr: Tr, lines: list[Line]) -> Markup:
    first = lines[0]
    # Translators: Easy Read. name is a helpline's name, contact its phone number.
    return tr.p_("easy", "🆘 Do you need help now?\n🚨 If someone is in danger, call 999.\n"
                       "📞 Call %(name)s: %(contact)s. It is free.\n📋 More help is in the list above.",
                 name=first.name, contact=first.contact)


@router.command("support", "cefnogaeth",
                menu=CommandInfo("cefnogaeth", "support", lambda tr: tr._("Where to get help now")))
async def support(ctx: Context) -> None:
    """List where to get help now."""
    lines = lines_for(ctx.settings)
    if ctx.easy_read:  # the full list, then the same in Easy Read
        await ctx.reply(lambda tr: helplines_text(tr, lines))
    await ctx.reply(both(lambda tr: helplines_text(tr, lines), lambda tr: _easy(tr, lines)))
