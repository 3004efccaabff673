"""/help /cymorth: what Criw can do, in the person's language (in a group: both, Welsh first)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.router import CommandInfo, Router
from bot.i18n.easy import both
from bot.i18n.markup import Markup
from bot.i18n.translator import Tr
from handlers.help_text import easy_help_text, help_text, more_help_text
from handlers.home import show_home
from handlers.links import PRESS_START, open_private_keyboard

router = Router(name=__name__)


def about(tr: Tr) -> Markup:
    """The bot's description shown before anyone presses Start."""
    return tr._(
        "Criw helps member-led peer-support groups decide what to do together: suggest activities, vote, "
        "and get reminders. Cymraeg and English."
    )


def short_about(tr: Tr) -> Markup:
    return tr._("Your group decides together, in Welsh or English.")


@router.command("help", "cymorth", menu=CommandInfo("cymorth", "help", lambda tr: tr._("What I can do")))
async def show_help(ctx: Context) -> None:
    """What most people need; in private with the home screen's buttons, and coordinators' own list."""
    private = ctx.event.is_private
    if not private:
        label = ctx.label(PRESS_START)
        keyboard = open_private_keyboard(label, ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: help_text(tr, private=False), keyboard)
        return
    await show_home(ctx, both(lambda tr: help_text(tr, private=True), easy_help_text))


@router.command("more", "mwy")
async def more_help(ctx: Context) -> None:
    """Everything else a member can do."""
    await ctx.reply(both(more_help_text, easy_help_text))
