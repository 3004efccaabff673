"""/help /cymorth: what Criw can do, in the person's language (in a group: both, Welsh first)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.router import CommandInfo, Router
from bot.i18n.translator import Tr
from handlers.links import PRESS_START, open_private_keyboard

router = Router(name=__name__)


def help_text(tr: Tr, *, private: bool) -> str:
    lines = [
        tr._("ℹ️ Criw helps your group decide what to do together, and makes it happen."),
        tr._("Members suggest activities and vote on them. Coordinators help with rooms, transport and money."),
        "",
        tr._("/propose – suggest an activity for your group (Welsh: /cynnig)"),
        tr._("/votes – open votes, and how you voted (Welsh: /pleidleisiau)"),
        tr._("/help – what I can do (Welsh: /cymorth)"),
        tr._("/settings – your language, Easy Read and reminders (Welsh: /gosodiadau)"),
        tr._("/language – choose Cymraeg or English (Welsh: /iaith)"),
    ]
    if not private:
        lines.append(tr._("/coordinator – reply to someone's message to make them a coordinator (Welsh: /cydlynydd)"))
    return "\n".join(lines)


def about(tr: Tr) -> str:
    """The bot's description shown before anyone presses Start."""
    return tr._(
        "Criw helps member-led peer-support groups decide what to do together: suggest activities, vote, "
        "and get reminders. Cymraeg and English."
    )


def short_about(tr: Tr) -> str:
    return tr._("Your group decides together, in Welsh or English.")


@router.command("help", "cymorth", menu=CommandInfo("cymorth", "help", lambda tr: tr._("What I can do")))
async def show_help(ctx: Context) -> None:
    """List what the bot can do."""
    private = ctx.event.is_private
    keyboard = None
    if not private:
        label = ctx.label(PRESS_START)
        keyboard = open_private_keyboard(label, ctx.platform.bot_username, ctx.event.chat_id)
    await ctx.reply(lambda tr: help_text(tr, private=private), keyboard)
