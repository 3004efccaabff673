"""Friendly explanations of what was wrong with a day, an amount of time or an entry that can't be saved."""

from __future__ import annotations

from bot.domain.contributions import DayProblem
from bot.domain.hours import HoursProblem
from bot.i18n.easy import Readable, both
from handlers.credit_text import hours_problem

NO_GROUP_YET = both(
    lambda tr: tr._("I don't know which group you're in yet. Please use a command in your group's chat first."),
    lambda tr: tr.p_("easy", "👥 I don't know your group yet.\n💬 Please write a command in your group's chat first."))


def explain(problem: str | None) -> Readable:
    match problem:
        case DayProblem.FUTURE:
            return both(lambda tr: tr._("📅 That day hasn't happened yet. Please log time after you've given it."),
                        lambda tr: tr.p_("easy", "📅 That day has not happened yet.\n👆 Please choose an earlier day."))
        case DayProblem.TOO_LONG_AGO:
            return both(lambda tr: tr._("📅 That's more than a year ago. Please ask a coordinator to add it for you."),
                        lambda tr: tr.p_("easy", "📅 That is more than a year ago.\n🧑‍💼 Please ask a coordinator."))
        case DayProblem.IMPOSSIBLE_DATE:
            return both(lambda tr: tr._("📅 That date doesn't exist (for example, 31 February). Please check it."),
                        lambda tr: tr.p_("easy", "📅 That date does not exist.\n👆 Please check it."))
        case DayProblem.UNREADABLE | DayProblem.EMPTY:
            return both(lambda tr: tr._("📅 Sorry, I couldn't read that day. Try 14 November, or choose one below."),
                        lambda tr: tr.p_("easy", "📅 Sorry, I could not read that day.\n👆 Please press a day."))
        case "day_full":
            return both(lambda tr: tr._(
                "⏱ With this, you'd have logged more than 24 hours on that day. Please check the time."),
                lambda tr: tr.p_("easy", "⏱ That is more than 24 hours on one day.\n👆 Please check the time."))
        case "meetup":
            return both(lambda tr: tr._("📍 That meet-up can't take time logged for it any more. Please choose again."),
                        lambda tr: tr.p_("easy", "📍 That meet-up is closed for time now.\n👆 Please choose again."))
        case "confirmer":
            return both(lambda tr: tr._("🙋 That person can't confirm this one. Please choose someone else."),
                        lambda tr: tr.p_("easy", "🙋 That person cannot check this.\n👆 Please choose someone else."))
        case "amount":
            return both(lambda tr: tr._("⏱ That amount can't be used. Please choose or type another."),
                        lambda tr: tr.p_("easy", "⏱ That amount does not work.\n👆 Please choose another."))
        case "note" | "reason":
            return both(lambda tr: tr._("📝 Please write a few words (up to 200 characters)."),
                        lambda tr: tr.p_("easy", "📝 Please write a few words.\n✂️ Keep it short."))
    if problem in set(HoursProblem):
        return hours_problem(problem)
    return both(lambda tr: tr._("Sorry, that can't be saved as it is. Please check it and try again."),
                lambda tr: tr.p_("easy", "❌ Sorry, I could not save that.\n👀 Please check it and try again."))
