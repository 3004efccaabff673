"""Friendly explanations of what was wrong with a typed date or a proposal that can't be posted."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from bot.domain.dates import IMPOSSIBLE_DATE, Reading
from bot.domain.proposals import MAX_OPTIONS
from bot.i18n.easy import Readable, both
from bot.i18n.translator import Render, Tr


def explain_reading(reading: Reading, zone: ZoneInfo) -> Render:
    """What was wrong with a typed date, naming it: "31 Chwefror" says February 2027 has 28 days."""
    if reading.problem == IMPOSSIBLE_DATE and reading.month is not None:
        return _no_such_day(reading.month)
    return explain_date_problem(reading.problem, clock=reading.clock)


def _no_such_day(month: date) -> Render:
    days = calendar.monthrange(month.year, month.month)[1]

    def named(tr: Tr) -> str:
        return tr.when(datetime.combine(month, time(12), tzinfo=UTC), ZoneInfo("UTC"), "MMMM y")

    return both(
        # Translators: month is a month and year, such as "February 2027"; n is how many days it has.
        lambda tr: tr.n_("📅 That date doesn't exist: %(month)s has only %(n)s day. Please check it.",
                         "📅 That date doesn't exist: %(month)s has only %(n)s days. Please check it.", days,
                         month=named(tr)),
        # Translators: Easy Read. month is a month and year, such as "February 2027"; n is how many days it has.
        lambda tr: tr.p_("easy", "📅 That date does not exist.\n🗓️ %(month)s has %(n)s days.\n🔍 Please check it.",
                         month=named(tr), n=days))


def explain_date_problem(problem: str | None, clock: str = "") -> Render:
    match problem:
        case "impossible_time":
            return both(
                # Translators: time is what the person typed, such as 25:99.
                lambda tr: tr._("🕑 %(time)s isn't a time: hours go from 0 to 23 and minutes from 0 to 59. "
                                "Please check it.", time=clock),
                # Translators: Easy Read. time is what the person typed, such as 25:99.
                lambda tr: tr.p_("easy", "🕑 %(time)s is not a real time.\n🔍 Please check it.", time=clock))
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


NEXT_YEAR_REFUSED = both(
    lambda tr: tr._("📅 All right. Please type the date with its year, or choose a day."),
    lambda tr: tr.p_("easy", "📅 All right.\n👆 Please choose a day."))
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
