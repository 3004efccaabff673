"""/settings /gosodiadau and /iaith /language: see and change how Criw talks to you."""

from __future__ import annotations

from bot.chat.callbacks import ON_OFF, one_of
from bot.chat.context import Context
from bot.chat.router import CommandInfo, Router
from bot.i18n.easy import Readable, both
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Tr
from bot.services import people, stories
from bot.services.people import QUIET_PRESETS
from bot.store.models import Person
from handlers import choices
from handlers.links import PRESS_START, open_private_keyboard

router = Router(name=__name__)


def _summary(tr: Tr, person: Person, listen: bool | None) -> Markup:
    lines = [
        tr._("⚙️ Your settings"),
        # Translators: name the language of this catalog itself (Cymraeg in Welsh).
        tr._("🗣 Language: English"),
        tr._("📖 Easy Read: on") if person.easy_read else tr._("📖 Easy Read: off"),
        tr._("⏰ Reminders: on") if person.reminders else tr._("⏰ Reminders: off"),
        quiet_line(tr, person),
        tr._("💬 What mattered, after meet-ups: asked") if person.ask_stories
        else tr._("💬 What mattered, after meet-ups: not asked"),
    ]
    if listen is not None:
        lines.append(tr._("🔊 Listen buttons: on") if listen else tr._("🔊 Listen buttons: off"))
    return one_per_line(lines)


def _easy_summary(tr: Tr, person: Person) -> Markup:
    lines = [
        # Translators: Easy Read. Name the language of this catalog itself (Cymraeg in Welsh).
        tr.p_("easy", "⚙️ Your settings.\n🗣 I write in English."),
        tr.p_("easy", "📖 Easy Read is on."),
        tr.p_("easy", "⏰ Reminders are on.") if person.reminders else tr.p_("easy", "⏰ Reminders are off."),
        _easy_quiet_line(tr, person),
        tr.p_("easy", "💬 After a meet-up I ask what was good.") if person.ask_stories
        else tr.p_("easy", "💬 After a meet-up I do not ask what was good."),
    ]
    return one_per_line(lines)


def quiet_line(tr: Tr, person: Person) -> Markup:
    if person.quiet_start == person.quiet_end:
        return tr._("🌙 Quiet hours: none")
    # Translators: start and end are times like 21:00 and 08:00.
    return tr._("🌙 Quiet hours: %(start)s–%(end)s", start=person.quiet_start, end=person.quiet_end)


def _easy_quiet_line(tr: Tr, person: Person) -> Markup:
    if person.quiet_start == person.quiet_end:
        return tr.p_("easy", "🌙 No quiet time.")
    # Translators: Easy Read. start and end are times like 21:00 and 08:00.
    return tr.p_("easy", "🌙 No reminders from %(start)s to %(end)s.", start=person.quiet_start, end=person.quiet_end)


def quiet_said(person: Person) -> Readable:
    return both(lambda tr: quiet_line(tr, person), lambda tr: _easy_quiet_line(tr, person))


async def show_settings(ctx: Context) -> None:
    """Send the person's settings with buttons to change each one."""
    assert ctx.person is not None
    person = ctx.person
    listen = None if person.easy_read or not ctx.settings.voice_notes.available else person.listen
    await ctx.reply(
        both(lambda tr: _summary(tr, person, listen), lambda tr: _easy_summary(tr, person)),
        choices.settings_keyboard(ctx.tr, person.easy_read, person.reminders, listen, person.ask_stories),
    )


PRIVATE_SETTINGS = both(
    lambda tr: tr._("Your settings are private. Please open a private chat with me."),
    lambda tr: tr.p_("easy", "🔒 Your settings are private.\n💬 Please open a private chat with me."),
)


async def _private_only(ctx: Context) -> bool:
    """Settings are personal: in a group, send people to their private chat instead."""
    if ctx.event.is_private:
        return True
    keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
    await ctx.reply(lambda tr: tr._("Your settings are private. Please open a private chat with me."), keyboard)
    return False


@router.command(
    "settings", "gosodiadau",
    menu=CommandInfo("gosodiadau", "settings", lambda tr: tr._("Your language, Easy Read and reminders")),
)
async def settings(ctx: Context) -> None:
    """Show the person's settings."""
    if await _private_only(ctx):
        await show_settings(ctx)


@router.command(
    "language", "iaith", menu=CommandInfo("iaith", "language", lambda tr: tr._("Choose Cymraeg or English"))
)
async def language(ctx: Context) -> None:
    """Offer the language choice again (Cymraeg first)."""
    if await _private_only(ctx):
        await ctx.reply(
            both(lambda tr: tr._("🗣 Which language would you like me to use?"),
                 lambda tr: tr.p_("easy", "🗣 Which language do you want?")),
            choices.language_keyboard(choices.SETTINGS),
        )


@router.callback(choices.QUIET, (one_of("ask", *QUIET_PRESETS),))
async def quiet_hours(ctx: Context) -> None:
    """Offer quiet-hours choices, or store the one chosen."""
    assert ctx.callback is not None and ctx.person is not None
    preset = ctx.callback.args[0] if ctx.callback.args else "ask"
    if not ctx.event.is_private:
        await ctx.answer(PRIVATE_SETTINGS)
        return
    if preset == "ask":
        await ctx.edit(both(lambda tr: tr._("🌙 When should I keep quiet? Reminders due then wait until the morning."),
                            lambda tr: tr.p_("easy", "🌙 When should I be quiet?\n⏰ Reminders will wait until then.")),
                       choices.quiet_keyboard(ctx.tr))
        return
    async with ctx.uow() as uow:
        ctx.person = await people.set_quiet_hours(uow, ctx.person.telegram_id, preset)
    await ctx.edit(quiet_said(ctx.person))
    await show_settings(ctx)


@router.callback(choices.STORIES_SETTING, (ON_OFF,))
async def story_question(ctx: Context) -> None:
    """Switch the "what mattered?" question after meet-ups on or off."""
    assert ctx.callback is not None and ctx.person is not None
    if not ctx.event.is_private:
        await ctx.answer(PRIVATE_SETTINGS)
        return
    on = (ctx.callback.args or ["1"])[0] == "1"
    async with ctx.uow() as uow:
        ctx.person = await stories.set_asking(uow, ctx.person.telegram_id, on)
    await ctx.answer(both(
        lambda tr: tr._("💬 I'll ask what mattered after meet-ups you come to.") if on
        else tr._("💬 I won't ask what mattered after meet-ups."),
        lambda tr: tr.p_("easy", "💬 I will ask what was good.") if on
        else tr.p_("easy", "💬 I will not ask what was good.")))
    await show_settings(ctx)
