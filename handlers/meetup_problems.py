"""Friendly explanations of why a meet-up answer or change was refused (used by handlers/errors.py), each
with its Easy Read form."""

from __future__ import annotations

from bot.domain.meetups import CAPACITY_MAX, PICKUP_MAX, Refusal
from bot.i18n.easy import both
from bot.i18n.translator import Render
from bot.services.errors import InvalidMeetup, MeetupNotOpen
from handlers.propose_problems import EMPTY, explain_date_problem, too_long


def explain_meetup_problem(error: MeetupNotOpen | InvalidMeetup) -> Render:
    code = error.reason if isinstance(error, MeetupNotOpen) else error.problem
    match code:
        case Refusal.CANCELLED:
            return both(lambda tr: tr._("Sorry, this meet-up was cancelled."),
                        lambda tr: tr.p_("easy", "❌ Sorry, this meet-up is cancelled."))
        case Refusal.PAST:
            return both(lambda tr: tr._("Sorry, this meet-up has already happened."),
                        lambda tr: tr.p_("easy", "🏁 Sorry, this meet-up has happened already."))
        case Refusal.NOT_YET:
            return both(lambda tr: tr._("You can tick who came once the meet-up has started."),
                        lambda tr: tr.p_("easy", "⏳ The meet-up has not started yet.\n"
                                               "📋 You can tick who came when it starts."))
        case "too_long":
            return too_long(PICKUP_MAX)
        case "empty":
            return EMPTY
        case "no_lift":
            return both(lambda tr: tr._("🚗 You haven't asked for a lift to this meet-up."),
                        lambda tr: tr.p_("easy", "🚗 You did not ask for a lift to this meet-up."))
        case "unchanged":
            return both(lambda tr: tr._("That's already done. Nothing has changed."),
                        lambda tr: tr.p_("easy", "✅ That is done already.\nNothing changed."))
        case "capacity":
            return both(lambda tr: tr._("Please type a whole number from 1 to %(limit)s.", limit=CAPACITY_MAX),
                        # Translators: Easy Read. limit is the largest number allowed.
                        lambda tr: tr.p_("easy", "🔢 Please write a number from 1 to %(limit)s.", limit=CAPACITY_MAX))
        case "past":
            return explain_date_problem("past")
    return both(lambda tr: tr._("Sorry, I can't do that."),
                lambda tr: tr.p_("easy", "❌ Sorry, I can't do that."))


# Saved with the meet-up, its post waits in the outbox until Telegram takes it: said as it is.
MEETUP_POST_PENDING = both(
    lambda tr: tr._("💾 Your meet-up is saved, but Telegram isn't answering just now. It will be posted in the "
                    "group when Telegram is back, and people can say then if they're coming."),
    lambda tr: tr.p_("easy", "💾 Your meet-up is saved.\n📡 Telegram is not working just now.\n"
                           "👥 It will go in the group when Telegram works again."))
