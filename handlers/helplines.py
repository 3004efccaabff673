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
    name: Callable[[Tr], str]
    contact: str
    about: Callable[[Tr], Markup]
    in_welsh: str = ""  # the same service's Welsh-language number, shown beside the main one to Welsh readers


# Each number is from the service's own public page (checked 2026-12):
BUILT_IN = (
    # Samaritans: 116 123, free, any time; Welsh Language Line 0808 164 0123, 7pm–11pm every day.
    # https://www.samaritans.org/how-we-can-help/contact-samaritan/ and https://www.samaritans.org/cymru/
    Line(lambda tr: tr._("Samaritans"), "116 123", lambda tr: tr._(
        "Free, any time, day or night. Talk about anything that's troubling you. Welsh-language line: "
        "0808 164 0123 (7pm–11pm every day)."), in_welsh="0808 164 0123"),
    # C.A.L.L. Mental Health Helpline for Wales: 0800 132 737, text "help" to 81066. https://www.callhelpline.org.uk/
    Line(lambda tr: tr._("C.A.L.L."), "0800 132 737", lambda tr: tr._(
        "The Community Advice and Listening Line: free mental health support in Wales, any time. Or text "
        "\"help\" to 81066.")),
    # DAN 24/7, the Wales Drug and Alcohol Helpline: 0808 808 2234, text DAN to 81066. https://dan247.org.uk/
    Line(lambda tr: tr._("DAN 24/7"), "0808 808 2234", lambda tr: tr._(
        "The Wales drug and alcohol helpline: free, any time. Or text DAN to 81066.")),
    # Meic, for children and young people in Wales: 0808 80 23456, text 84001, 8am to midnight. https://www.meic.cymru/
    Line(lambda tr: tr._("Meic"), "0808 80 23456", lambda tr: tr._(
        "For children and young people in Wales up to 25: free and confidential, 8am to midnight every day. "
        "Or text 84001.")),
    # NHS 111 Wales (GIG 111 Cymru): 111, press 2 for mental health, any time. https://111.wales.nhs.uk/
    Line(lambda tr: tr._("NHS 111 Wales"), "111", lambda tr: tr._(
        "Press 2 for urgent mental health help in Wales, any time.")),
)


def _own(helpline: Helpline) -> Line:
    """One of the organisation's lines, described in the reader's language."""
    return Line(lambda tr: helpline.name, helpline.contact, lambda tr: escape(helpline.about_in(tr.language)))


def lines_for(settings: Settings) -> list[Line]:
    own = [_own(helpline) for helpline in read_helplines(settings.helplines)]
    return own + (list(BUILT_IN) if settings.helplines_builtin or not own else [])


def helplines_text(tr: Tr, lines: list[Line]) -> Markup:
    parts: list[Markup] = [tr._("🆘 Where to get help now"),
                           tr._("🚨 If someone is in danger now, call 999.")]
    for line in lines:
        # Translators: name is a helpline's name, contact its phone number.
        parts += [BLANK, tr._("📞 %(name)s: %(contact)s", name=bold(line.name(tr)), contact=bold(line.contact))]
        if line.in_welsh and tr.language == "cy":
            parts.append(tr._("🗣 Welsh-language line: %(contact)s (7pm–11pm every day)", contact=bold(line.in_welsh)))
        parts.append(line.about(tr))
    parts += [BLANK, tr._("💬 You can also talk to your group's coordinator. Asking here is private: nobody is told.")]
    return one_per_line(parts)


def _easy(tr: Tr, lines: list[Line]) -> Markup:
    first = lines[0]
    # Translators: Easy Read. name is a helpline's name, contact its phone number.
    text = tr.p_("easy", "🆘 Do you need help now?\n🚨 If someone is in danger, call 999.\n"
                       "📞 Call %(name)s: %(contact)s. It is free.\n📋 More help is in the list above.",
                 name=first.name(tr), contact=first.contact)
    welsh = next((line for line in lines if line.in_welsh), None)
    if welsh is not None and tr.language == "cy":  # a Welsh reader is pointed at the Welsh-language line too
        # Translators: Easy Read. name is a helpline's name, contact its Welsh-language number.
        text = one_per_line([text, tr.p_("easy", "🗣 %(name)s in Welsh: %(contact)s (7pm to 11pm).",
                                         name=welsh.name(tr), contact=welsh.in_welsh)])
    return text


@router.command("support", "cefnogaeth",
                menu=CommandInfo("cefnogaeth", "support", lambda tr: tr._("Where to get help now")))
async def support(ctx: Context) -> None:
    """List where to get help now."""
    lines = lines_for(ctx.settings)
    if ctx.easy_read:  # the full list, then the same in Easy Read
        await ctx.reply(lambda tr: helplines_text(tr, lines))
    await ctx.reply(both(lambda tr: helplines_text(tr, lines), lambda tr: _easy(tr, lines)))
