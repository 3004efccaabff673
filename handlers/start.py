"""/start in private: choose Cymraeg or English, then Easy Read and reminders, all stored.

```mermaid
stateDiagram-v2
    [*] --> language: /start
    language --> easy_read: Cymraeg / English
    easy_read --> reminders: Yes / No
    reminders --> [*]: Yes / No (summary and help)
```
Each step is a button press whose payload names the next step, so nothing waits in memory.
"""

from __future__ import annotations

from bot.chat.actions import SetMenu
from bot.chat.callbacks import ON_OFF, one_of
from bot.chat.context import Context
from bot.chat.router import CommandInfo, Router
from bot.i18n.easy import both
from bot.services import groups, people
from handlers import choices
from handlers.choices import EASY_READ, LANGUAGE, REMINDERS, SETTINGS, SETUP
from handlers.home import show_home
from handlers.links import (
    PRESS_START,
    open_private_keyboard,
    parse_group_payload,
    parse_meetup_payload,
    parse_propose_payload,
)
from handlers.newmeetup import begin as begin_meetup
from handlers.propose import begin as begin_proposal
from handlers.settings import PRIVATE_SETTINGS, show_settings

router = Router(name=__name__)


welcome = both(
    lambda tr: tr._("👋 Welcome to Criw! Which language would you like me to use?"),
    lambda tr: tr.p_("easy", "👋 Hello! I am Criw.\n🗣 Which language do you want?"),
)


ORIGIN = one_of(SETUP, SETTINGS)  # where a choice was offered: the first /start or /settings


@router.command(
    "start", menu=CommandInfo("start", "start", lambda tr: tr._("Start, or choose language and settings"))
)
async def start(ctx: Context) -> None:
    """Begin: in private, ask for a language; in a group, point to the private chat."""
    if not ctx.event.is_private:
        label = ctx.label(PRESS_START)
        keyboard = open_private_keyboard(label, ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: tr._("Please press Start in a private chat with me."), keyboard)
        return
    await _join_group_from_link(ctx)
    propose_for = parse_propose_payload(ctx.args)
    if propose_for is not None:
        await _join_group(ctx, propose_for)
        await begin_proposal(ctx, propose_for)
        return
    meetup_for = parse_meetup_payload(ctx.args)
    if meetup_for is not None:
        await _join_group(ctx, meetup_for)
        await begin_meetup(ctx, meetup_for)
        return
    if ctx.person is not None and ctx.person.language is not None:
        await show_home(ctx)  # set up already: straight to what they can do (Settings changes the language)
        return
    await ask_language(ctx)


async def ask_language(ctx: Context) -> None:
    """The first question, in both languages (Welsh first): which one from now on."""
    await ctx.reply(welcome, choices.language_keyboard(SETUP))


async def _join_group_from_link(ctx: Context) -> None:
    """A "start from the group" link: record membership only if Telegram says they are in that group."""
    chat_id = parse_group_payload(ctx.args)
    if chat_id is not None:
        await _join_group(ctx, chat_id)


async def _join_group(ctx: Context, chat_id: int) -> None:
    if ctx.person is None:
        return
    person = ctx.person
    async with ctx.uow() as uow:
        lookup = lambda: ctx.platform.member_status(chat_id, person.telegram_id)  # noqa: E731
        await groups.recognise(uow, ctx.clock, chat_id, person.telegram_id, person.display_name, lookup)


async def _in_private(ctx: Context) -> bool:
    """Choice buttons only ever live in a private chat; a forged press elsewhere changes nothing."""
    if not ctx.event.is_private:
        await ctx.answer(PRIVATE_SETTINGS)
    return ctx.event.is_private


@router.callback(LANGUAGE, (one_of("cy", "en", "ask"), ORIGIN))
async def choose_language(ctx: Context) -> None:
    """Store the language chosen; during /start, go on to Easy Read."""
    assert ctx.callback is not None and ctx.person is not None
    if not await _in_private(ctx):
        return
    code, origin = ((*ctx.callback.args, "", ""))[:2]
    if code == "ask":
        await ctx.edit(welcome, choices.language_keyboard(origin))
        return
    async with ctx.uow() as uow:
        ctx.person = await people.choose_language(uow, ctx.person.telegram_id, code)
    await ctx.platform.perform(SetMenu(ctx.person.telegram_id, code))  # a menu of their own, in that language
    # Translators: name the language of this catalog itself (Cymraeg in Welsh, English in English).
    await ctx.answer(lambda tr: tr._("Language saved: English"), message=False)
    # Translators: name the language of this catalog itself ("yn Gymraeg" in Welsh).
    await ctx.edit(both(lambda tr: tr._("🗣 I'll write to you in English."),
                        # Translators: Easy Read. Name the language of this catalog itself ("yn Gymraeg").
                        lambda tr: tr.p_("easy", "🗣 I will write to you in English.")))
    if origin == SETUP:
        await ctx.reply(_easy_read_question, choices.yes_no_keyboard(ctx.tr, EASY_READ, SETUP))
    else:
        await show_settings(ctx)


_easy_read_question = both(
    lambda tr: tr._(
        "📖 Would you like Easy Read?\nShort sentences, one idea on each line, and buttons instead of typing."),
    lambda tr: tr.p_("easy", "📖 Do you want Easy Read?\n✂️ Short sentences.\n👆 Buttons, not typing."),
)
_reminders_question = both(
    lambda tr: tr._("⏰ Would you like reminders before meet-ups and votes?\nI'll send them to you here."),
    lambda tr: tr.p_("easy", "⏰ Do you want reminders?\n📅 Before meet-ups and votes.\n💬 I send them here."),
)


@router.callback(EASY_READ, (ON_OFF, ORIGIN))
async def choose_easy_read(ctx: Context) -> None:
    """Store Easy Read on or off; during /start, go on to reminders."""
    assert ctx.callback is not None and ctx.person is not None
    if not await _in_private(ctx):
        return
    on, origin = ctx.callback.args[:1] == ("1",), ctx.callback.args[1:2]
    async with ctx.uow() as uow:
        ctx.person = await people.set_easy_read(uow, ctx.person.telegram_id, on)
    await ctx.edit(both(lambda tr: tr._("📖 Easy Read is on.") if on else tr._("📖 Easy Read is off."),
                        lambda tr: tr.p_("easy", "📖 Easy Read is on.") if on
                        else tr.p_("easy", "📖 Easy Read is off.")))
    if origin == (SETUP,):
        await ctx.reply(_reminders_question, choices.yes_no_keyboard(ctx.tr, REMINDERS, SETUP))
    else:
        await show_settings(ctx)


@router.callback(REMINDERS, (ON_OFF, ORIGIN))
async def choose_reminders(ctx: Context) -> None:
    """Store reminders on or off; during /start, finish with a summary and what to do next."""
    assert ctx.callback is not None and ctx.person is not None
    if not await _in_private(ctx):
        return
    on, origin = ctx.callback.args[:1] == ("1",), ctx.callback.args[1:2]
    async with ctx.uow() as uow:
        ctx.person = await people.set_reminders(uow, ctx.clock, ctx.person.telegram_id, on)
    await ctx.edit(both(lambda tr: tr._("⏰ Reminders are on.") if on else tr._("⏰ Reminders are off."),
                        lambda tr: tr.p_("easy", "⏰ Reminders are on.") if on
                        else tr.p_("easy", "⏰ Reminders are off.")))
    if origin == (SETUP,):
        await show_home(ctx, both(lambda tr: tr._("✅ All set! You can change these any time with /settings."),
                                  lambda tr: tr.p_("easy", "✅ All done!\n⚙️ To change things, send /settings.")))
    else:
        await show_settings(ctx)
