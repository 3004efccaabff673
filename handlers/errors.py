"""Refusals and failures become one polite message, in the person's language, in one place."""

from __future__ import annotations

from bot.chat.context import Context
from bot.i18n.translator import Render, Tr
from bot.services.errors import AlreadyDone, CriwError, NotACoordinator, NotAMember, NotFound, VotingClosed


def _explain(error: Exception) -> Render:
    match error:
        case NotAMember():
            return lambda tr: tr._("Sorry, this is only for members of the group.")
        case NotACoordinator():
            return lambda tr: tr._("Sorry, only the group's coordinators can do that.")
        case NotFound():
            return lambda tr: tr._("Sorry, I can't find that any more. It may have been removed.")
        case VotingClosed():
            return lambda tr: tr._("Sorry, voting on this has closed.")
        case AlreadyDone():
            return lambda tr: tr._("That's already done. Nothing has changed.")
        case CriwError():
            return lambda tr: tr._("Sorry, I can't do that.")
    return lambda tr: tr._("Sorry, something went wrong on our side. Nothing was changed. Please try again.")


async def on_error(ctx: Context, error: Exception) -> None:
    """Tell the person, kindly: a pop-up for a button (plus a message, as screen readers miss pop-ups)."""
    explain = _explain(error)
    if ctx.event.callback_id and not ctx.answered:
        await ctx.answer(explain, alert=True)
        if not ctx.event.is_private or not (ctx.person and ctx.person.easy_read):
            return
    await ctx.reply(explain)


def sorry(tr: Tr) -> str:
    return tr._("Sorry, something went wrong on our side. Nothing was changed. Please try again.")
