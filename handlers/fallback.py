"""Whatever nothing else handles: unknown commands, stray text, old or forged buttons."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.events import EventKind
from bot.chat.router import Router
from bot.i18n.easy import both

router = Router(name=__name__)


async def fallback(ctx: Context) -> None:
    """Answer politely and point to /help; never act on what we did not understand."""
    event = ctx.event
    if event.kind is EventKind.CALLBACK:
        await ctx.answer(OLD_BUTTON, alert=True)
        return
    addressed_to_us = event.text.split(" ", 1)[0].lower().endswith("@" + ctx.platform.bot_username.lower())
    if event.command and not event.is_private and not addressed_to_us:
        return  # in a group, an unknown command may be another bot's: stay quiet
    if event.command:
        await ctx.reply(both(lambda tr: tr._("Sorry, I don't know that command. Try /help to see what I can do."),
                             lambda tr: tr.p_("easy", "❓ Sorry, I don't know that command.\nℹ️ Send /help to see "
                                                    "what I can do.")))
        return
    await ctx.reply(both(lambda tr: tr._("Sorry, I didn't understand that. Try /help to see what I can do."),
                         lambda tr: tr.p_("easy", "❓ Sorry, I did not understand.\n"
                                                  "ℹ️ Send /help to see what I can do.")))


OLD_BUTTON = both(lambda tr: tr._("Sorry, this button doesn't work any more."),
                  lambda tr: tr.p_("easy", "❌ Sorry, this button does not work now."))


router.fallback = fallback
