"""Refusals and failures become one polite message, in the person's language, in one place."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.failures import DatabaseUnavailable, Unfinished
from bot.i18n.easy import both
from bot.i18n.translator import Render
from bot.services.errors import (
    AlreadyDone,
    CannotApprove,
    CriwError,
    InvalidMeetup,
    InvalidRequest,
    MeetupNotOpen,
    NotACoordinator,
    NotAMember,
    NotAnOrganisationCoordinator,
    NotFound,
    RequestDecided,
    VotingClosed,
)
from handlers.meetup_problems import explain_meetup_problem
from handlers.request_problems import explain_request_problem


def _explain(error: Exception) -> Render:
    match error:
        case NotAMember():
            return both(lambda tr: tr._("Sorry, this is only for members of the group."),
                        lambda tr: tr.p_("easy", "❌ Sorry, this is only for people in the group."))
        case NotAnOrganisationCoordinator():
            return both(lambda tr: tr._("Sorry, only the organisation's coordinators can do that."),
                        lambda tr: tr.p_("easy", "❌ Sorry, only an organisation coordinator can do that.\n"
                                               "🏢 They look after rooms, transport and money for every group."))
        case NotACoordinator():
            return both(lambda tr: tr._("Sorry, only the group's coordinators can do that."),
                        lambda tr: tr.p_("easy", "❌ Sorry, only a coordinator can do that.\n"
                                               "👤 A coordinator helps to run the group."))
        case NotFound():
            return both(lambda tr: tr._("Sorry, I can't find that any more. It may have been removed."),
                        lambda tr: tr.p_("easy", "❓ Sorry, I can't find that now.\n🗑 It may be gone."))
        case VotingClosed():
            return both(lambda tr: tr._("Sorry, voting on this has closed."),
                        lambda tr: tr.p_("easy", "🏁 Sorry, this vote has ended."))
        case AlreadyDone():
            return both(lambda tr: tr._("That's already done. Nothing has changed."),
                        lambda tr: tr.p_("easy", "✅ That is done already.\nNothing changed."))
        case MeetupNotOpen() | InvalidMeetup():
            return explain_meetup_problem(error)
        case InvalidRequest() | CannotApprove() | RequestDecided():
            return explain_request_problem(error)
        case CriwError():
            return both(lambda tr: tr._("Sorry, I can't do that."),
                        lambda tr: tr.p_("easy", "❌ Sorry, I can't do that."))
        case DatabaseUnavailable():
            return both(lambda tr: tr._("Sorry, I can't reach my records just now. Nothing was changed. "
                                        "Please try again in a minute."),
                        lambda tr: tr.p_("easy", "😟 Sorry, I can't work just now.\nNothing changed.\n"
                                               "🔁 Please try again in a minute."))
        case Unfinished():
            return both(lambda tr: tr._("Sorry, I was interrupted before I could finish. What you did has been "
                                        "saved, so there's no need to do it again."),
                        lambda tr: tr.p_("easy", "😟 Sorry, I stopped before I finished.\n"
                                               "✅ What you did is saved.\nYou do not need to do it again."))
    return sorry


async def on_error(ctx: Context, error: Exception) -> None:
    """Tell the person, kindly: a pop-up for a button (in Easy Read a message too, as screen readers miss
    pop-ups: see Context.answer), else a message."""
    explain = _explain(error)
    if ctx.event.callback_id and not ctx.answered:
        await ctx.answer(explain, alert=True)
        return
    await ctx.reply(explain)


sorry = both(
    lambda tr: tr._("Sorry, something went wrong on our side. Nothing was changed. Please try again."),
    lambda tr: tr.p_("easy", "😟 Sorry, something went wrong.\nIt was our mistake.\nNothing changed.\n"
                           "🔁 Please try again."),
)
