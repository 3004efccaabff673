"""Friendly explanations of what was wrong with a typed date or a proposal that can't be posted."""

from __future__ import annotations

from bot.domain.proposals import MAX_OPTIONS
from bot.i18n.translator import Render


def explain_date_problem(problem: str | None) -> Render:
    match problem:
        case "past":
            return lambda tr: tr._("📅 That time has already passed. Please choose one in the future.")
        case "impossible_date":
            return lambda tr: tr._("📅 That date doesn't exist (for example, 31 February). Please check it.")
        case "too_far":
            return lambda tr: tr._("📅 That's more than two years away. Please choose a nearer date.")
    return lambda tr: tr._("📅 Sorry, I couldn't read that date. Try something like 5 December 14:30, or choose a day.")


def explain_submit_problem(problem: str) -> Render:
    match problem:
        case "too_soon":
            return lambda tr: tr._(
                "⏳ The first date is too soon to hold a vote first. Please choose a later date.")
        case "too_many":
            return lambda tr: tr._("You can offer up to %(limit)s dates.", limit=MAX_OPTIONS)
        case "no_title":
            return lambda tr: tr._("That was empty. Please write a few words.")
    return explain_date_problem("past")
