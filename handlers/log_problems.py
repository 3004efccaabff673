"""Friendly explanations of what was wrong with a day, an amount of time or an entry that can't be saved."""

from __future__ import annotations

from bot.domain.contributions import DayProblem
from bot.domain.hours import HoursProblem
from bot.i18n.translator import Render
from handlers.credit_text import hours_problem


def explain(problem: str | None) -> Render:
    match problem:
        case DayProblem.FUTURE:
            return lambda tr: tr._("📅 That day hasn't happened yet. Please log time after you've given it.")
        case DayProblem.TOO_LONG_AGO:
            return lambda tr: tr._("📅 That's more than a year ago. Please ask a coordinator to add it for you.")
        case DayProblem.IMPOSSIBLE_DATE:
            return lambda tr: tr._("📅 That date doesn't exist (for example, 31 February). Please check it.")
        case DayProblem.UNREADABLE | DayProblem.EMPTY:
            return lambda tr: tr._("📅 Sorry, I couldn't read that day. Try 14 November, or choose one below.")
        case "day_full":
            return lambda tr: tr._(
                "⏱ With this, you'd have logged more than 24 hours on that day. Please check the time.")
        case "meetup":
            return lambda tr: tr._("📍 That meet-up can't take time logged for it any more. Please choose again.")
        case "confirmer":
            return lambda tr: tr._("🙋 That person can't confirm this one. Please choose someone else.")
        case "amount":
            return lambda tr: tr._("⏱ That amount can't be used. Please choose or type another.")
        case "note" | "reason":
            return lambda tr: tr._("📝 Please write a few words (up to 200 characters).")
    if problem in set(HoursProblem):
        return hours_problem(problem)
    return lambda tr: tr._("Sorry, that can't be saved as it is. Please check it and try again.")
