"""The buttons under Easy Read messages: 🔊 Listen (a voice note), 🤔 Not sure, 🆘 I need help (also
/needhelp /angen_help anywhere), and turning 🔊 Listen buttons on for anyone in /settings.

"I need help" writes privately to the group's coordinators, saying who pressed it and on what, so a person
can follow up; the member is told someone will be in touch.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.chat.actions import SendVoice
from bot.chat.callbacks import CHAT_ID, ID, ON_OFF, Shape, one_of
from bot.chat.context import Context
from bot.chat.easy_read import LISTEN, NEED_HELP, UNSURE
from bot.chat.router import CommandInfo, Router
from bot.domain.clock import Clock
from bot.i18n.easy import Readable, Subject, both
from bot.i18n.markup import Markup
from bot.i18n.translator import Render, Tr
from bot.services import support, voice
from bot.services.errors import NotFound
from bot.services.support import HelpAsked
from bot.store.uow import UnitOfWorkFactory
from bot.voice.synth import VoiceFailed
from handlers.choices import LISTEN_SETTING
from handlers.settings import show_settings

router = Router(name=__name__)


# What a 🤔 Not sure or 🆘 I need help button is about (bot/i18n/easy.Subject).
SUBJECT_SHAPES: tuple[Shape, ...] = ((one_of("p", "m"), ID), ("w", CHAT_ID), ("-", "0"))


@router.callback(LISTEN, (ID,))
async def listen(ctx: Context) -> None:
    """Send the words under a 🔊 button as a voice note, in the language they were written in."""
    assert ctx.callback is not None and ctx.person is not None
    spoken_id = ctx.callback.int_arg(0)
    if spoken_id is None or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        spoken, file_id = await voice.to_listen(uow, spoken_id, ctx.person.telegram_id)
    await ctx.answer(message=False)
    try:
        note = await ctx.settings.voice_notes.speak(spoken.text, spoken.language)
    except VoiceFailed:
        await ctx.reply(_no_voice)
        return
    sent = await ctx.platform.perform(SendVoice(ctx.event.chat_id, note.ogg, note.seconds, file_id))
    if sent is not None and sent.file_id:
        async with ctx.uow() as uow:
            await voice.keep_file(uow, spoken_id, sent.file_id)


_no_voice = both(
    lambda tr: tr._("Sorry, I can't make a voice note just now. Please try again later."),
    lambda tr: tr.p_("easy", "🔊 Sorry, I can't make a voice note now.\n⏳ Please try again later."),
)


@router.callback(UNSURE, *SUBJECT_SHAPES)
async def not_sure(ctx: Context) -> None:
    """Reassure someone who doesn't know what to choose, and offer help."""
    assert ctx.callback is not None
    await ctx.answer(message=False)
    await ctx.reply(_unsure(_subject(ctx.callback.args)))


def _unsure(subject: Subject) -> Readable:
    return both(
        lambda tr: tr._("🤔 That's fine. You can choose later, or press I need help and a coordinator will get in "
                        "touch."),
        lambda tr: tr.p_("easy", "🤔 That is OK.\n⏳ You can choose later.\n🆘 Or press I need help.\n"
                               "👤 Someone will get in touch."),
        about=subject,
    )


@router.callback(NEED_HELP, *SUBJECT_SHAPES)
async def need_help(ctx: Context) -> None:
    """Tell the coordinators that this person needs help with what the message was about."""
    assert ctx.callback is not None
    subject = _subject(ctx.callback.args)
    await ctx.answer(message=False)
    await ask_for_help(ctx, subject)


@router.command("needhelp", "angen_help", menu=CommandInfo(
    "angen_help", "needhelp", lambda tr: tr._("Ask a coordinator to get in touch with you")))
async def need_help_command(ctx: Context) -> None:
    """Ask the coordinators (of this group, or of every group the person is in) to get in touch."""
    await ask_for_help(ctx, Subject("-") if ctx.event.is_private else Subject("w", ctx.event.chat_id))


def _subject(args: tuple[str, ...]) -> Subject:
    kind = args[0] if args else "-"
    ref = args[1] if len(args) > 1 else "0"
    if kind not in ("p", "m", "w", "-") or not ref.lstrip("-").isdigit():
        raise NotFound(args)
    return Subject(kind, int(ref))


async def ask_for_help(ctx: Context, subject: Subject) -> None:
    """Write to each coordinator who can be reached, then tell the member what happened."""
    assert ctx.person is not None
    async with ctx.uow() as uow:
        asked = await support.ask_for_help(uow, ctx.clock, ctx.person.telegram_id, subject.kind, subject.ref)
    told = 0
    if not asked.already:
        for coordinator in asked.coordinators:
            if coordinator.can_dm and await ctx.send_private(coordinator, _note(asked)) is not None:
                told += 1
    if asked.already:
        await ctx.reply(_already)
    elif told:
        await ctx.reply(_told)
    else:
        await ctx.reply(_nobody)


def _name_link(asked: HelpAsked) -> Markup:
    """The person's name as a link that opens a private chat with them."""
    return Markup('<a href="tg://user?id={}">{}</a>').format(asked.person.telegram_id, asked.person.display_name)


def _note(asked: HelpAsked) -> Readable:
    name, title = _name_link(asked), asked.title
    group = ", ".join(group.title for group in asked.groups)

    def standard(tr: Tr) -> Markup:
        match asked.kind:
            case "p":
                # Translators: name is a member's name (a link to them); title is a proposal's title.
                said = tr._("🆘 %(name)s pressed I need help on the proposal: %(title)s.", name=name, title=title)
            case "m":
                # Translators: name is a member's name (a link to them); title is a meet-up's title.
                said = tr._("🆘 %(name)s pressed I need help on the meet-up: %(title)s.", name=name, title=title)
            case _:
                # Translators: name is a member's name (a link to them); group is the group's name.
                said = tr._("🆘 %(name)s pressed I need help (%(group)s).", name=name, group=group)
        return said + "\n" + tr._("Please get in touch with them: tap their name to write to them.")

    def easy(tr: Tr) -> Markup:
        match asked.kind:
            case "p" | "m":
                # Translators: Easy Read. name is a member's name; title is a proposal's or meet-up's title.
                said = tr.p_("easy", "🆘 %(name)s needs help.\n📝 With: %(title)s", name=name, title=title)
            case _:
                # Translators: Easy Read. name is a member's name; group is the group's name.
                said = tr.p_("easy", "🆘 %(name)s needs help.\n👥 Group: %(group)s", name=name, group=group)
        return said + "\n" + tr.p_("easy", "📞 Please get in touch with them.\n👆 Tap their name to write to them.")

    return both(standard, easy)


_told = both(
    lambda tr: tr._("🤝 I've told the coordinators. Someone will be in touch with you soon."),
    lambda tr: tr.p_("easy", "🤝 I told the coordinators.\n👤 Someone will get in touch with you soon."),
)
_already = both(
    lambda tr: tr._("🤝 I've already told the coordinators. Someone will be in touch with you soon."),
    lambda tr: tr.p_("easy", "🤝 I already told the coordinators.\n👤 Someone will get in touch with you soon."),
)
_nobody = both(
    lambda tr: tr._("Sorry, I couldn't reach a coordinator just now. Please ask someone in your group, or phone "
                    "your coordinator."),
    lambda tr: tr.p_("easy", "😟 Sorry, I could not reach a coordinator.\n👥 Please ask someone in your group.\n"
                           "📞 Or phone your coordinator."),
)


@router.callback(LISTEN_SETTING, (ON_OFF,))
async def choose_listen(ctx: Context) -> None:
    """Turn 🔊 Listen buttons under private messages on or off."""
    assert ctx.callback is not None and ctx.person is not None
    if not ctx.event.is_private:
        raise NotFound(ctx.callback)
    on = ctx.callback.args[:1] == ("1",)
    async with ctx.uow() as uow:
        ctx.person = await voice.set_listen(uow, ctx.person.telegram_id, on)
    await ctx.answer(message=False)
    await ctx.edit(_listen_said(on))
    await show_settings(ctx)


def _listen_said(on: bool) -> Render:
    if on:
        return both(lambda tr: tr._("🔊 Listen buttons are on."), lambda tr: tr.p_("easy", "🔊 Listen buttons are on."))
    return both(lambda tr: tr._("🔊 Listen buttons are off."), lambda tr: tr.p_("easy", "🔊 Listen buttons are off."))


def jobs(uow: UnitOfWorkFactory, clock: Clock) -> dict[str, Callable[[], Awaitable[int]]]:
    """Scheduled work: forget the words behind old 🔊 buttons."""

    async def forget_spoken() -> int:
        async with uow() as work:
            return await voice.forget_old(work, clock)

    return {"forget_spoken": forget_spoken}
