"""Friendly explanations of what was wrong with a typed date or a proposal that can't be posted."""

from __future__ import annotations

from bot.domain.proposals import MAX_OPTIONS
from bot.i18n.easy import Readable, both
from bot.i18n.translator import Render


def explain_date_problem(problem: str | None) -> Render:
    match problem:
        case "past":
            return both(lambda tr: tr._("📅 That time has already passed. Please choose one in the future."),
                        lambda tr: tr.p_("easy", "📅 That time is in the past.\n👆 Please choose a later time."))
        case "impossible_date":
            return both(lambda tr: tr._("📅 That date doesn't exist (for example, 31 February). Please check it."),
                        lambda tr: tr.p_("easy", "📅 That date does not exist.\n🔍 Please check it."))
        case "too_far":
            return both(lambda tr: tr._("📅 That's more than two years away. Please choose a nearer date."),
                        lambda tr: tr.p_("easy", "📅 That is too far away.\n👆 Please choose a nearer date."))
    return both(
        lambda tr: tr._("📅 Sorry, I couldn't read that date. Try something like 5 December 14:30, or choose a day."),
        lambda tr: tr.p_("easy", "📅 Sorry, I could not read that date.\n👆 Please press a day."))


def explain_submit_problem(problem: str) -> Render:
    match problem:
        case "too_soon":
            return both(lambda tr: tr._(
                "⏳ The first date is too soon to hold a vote first. Please choose a later date."),
                lambda tr: tr.p_("easy", "⏳ The first date is too soon.\n🗳️ People need time to vote.\n"
                                       "👆 Please choose a later date."))
        case "too_many":
            return both(lambda tr: tr._("You can offer up to %(limit)s dates.", limit=MAX_OPTIONS),
                        # Translators: Easy Read. limit is the most dates a proposal can offer.
                        lambda tr: tr.p_("easy", "📅 You can have up to %(limit)s dates.", limit=MAX_OPTIONS))
        case "no_title":
            return EMPTY
    return explain_date_problem("past")


USE_BUTTONS = both(lambda tr: tr._("Please use the buttons below."),
                   lambda tr: tr.p_("easy", "👆 Please press a button."))
EMPTY = both(lambda tr: tr._("That was empty. Please write a few words."),
             lambda tr: tr.p_("easy", "✍️ That was empty.\nPlease write a few words."))
EARLIER_QUESTION = both(lambda tr: tr._("That button is from an earlier question."),
                        lambda tr: tr.p_("easy", "⏪ That button is from before.\n👇 Please use the newest message."))


def too_long(limit: int) -> Readable:
    return both(lambda tr: tr._("That's too long: please keep it under %(limit)s characters.", limit=limit),
                # Translators: Easy Read. limit is the most letters allowed.
                lambda tr: tr.p_("easy", "✂️ That is too long.\nPlease write less than %(limit)s letters.",
                                 limit=limit))


# Saved with the proposal, its post waits in the outbox until Telegram takes it: said as it is.
POST_PENDING: Readable = both(
    lambda tr: tr._("💾 Your proposal is saved, but Telegram isn't answering just now. It will be posted in the "
                    "group when Telegram is back, and people can vote then."),
    lambda tr: tr.p_("easy", "💾 Your idea is saved.\n📡 Telegram is not working just now.\n"
                           "👥 It will go in the group when Telegram works again."))

NOT_IN_GROUP: Readable = both(
    lambda tr: tr._("🚫 I'm not in that group any more, so I can't post your proposal there. Nothing was posted. "
                    "Ask one of the group's admins to add me back, then try again."),
    lambda tr: tr.p_("easy", "🚫 I am not in that group any more.\nNothing was sent.\n"
                           "🙋 Ask a group admin to add me back.\n✍️ Then try again."))
