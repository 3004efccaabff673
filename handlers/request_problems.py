"""Friendly explanations of what was wrong with a request, a room, a vehicle or a budget, in the person's
language (bad input is refused with a reason, never guessed at)."""

from __future__ import annotations

from bot.domain.bookings import RequestState
from bot.domain.resources import (
    CAPACITY_MAX,
    NOTE_MAX,
    SEATS_MAX,
    WHEELCHAIR_MAX,
    NumberProblem,
)
from bot.i18n.translator import Render
from bot.services.errors import CannotApprove, InvalidRequest, RequestDecided


def explain_request_problem(error: Exception) -> Render:
    match error:
        case CannotApprove(problem="clash"):
            return lambda tr: tr._("⛔ It can't be booked: that room or vehicle is already booked then. "
                                   "Nothing was changed.")
        case CannotApprove(problem="budget"):
            return lambda tr: tr._("⛔ It can't be approved: there isn't enough money left in the budget.")
        case CannotApprove(problem="choose"):
            return lambda tr: tr._("🏠 Please choose a room or vehicle first (the button under the request).")
        case CannotApprove(problem="gone") | InvalidRequest(problem="gone"):
            return lambda tr: tr._("⛔ That room or vehicle has been removed, so it can't be booked. "
                                   "Please choose another.")
        case CannotApprove(problem="past") | InvalidRequest(problem="past"):
            return lambda tr: tr._("📅 That time has already passed. Please choose one in the future.")
        case RequestDecided(state=RequestState.CANCELLED):
            return lambda tr: tr._("This request has been closed. Nothing was changed.")
        case RequestDecided():
            return lambda tr: tr._("Someone has already dealt with this request. Nothing was changed.")
        case InvalidRequest(problem=problem):
            return explain_input(problem)
    return lambda tr: tr._("Sorry, I can't do that.")


def explain_input(problem: str) -> Render:
    match problem:
        case "end_before_start":
            return lambda tr: tr._("🕑 It has to end after it starts. If it goes past midnight, type the date too, "
                                   "for example 6 December 01:00.")
        case "too_long":
            return lambda tr: tr._("🕑 That's longer than three days. Please check the end time.")
        case "people":
            return lambda tr: tr._("👥 Please say how many people, from 1 to %(limit)s.", limit=CAPACITY_MAX)
        case "seats":
            return lambda tr: tr._("🪑 Please say how many seats, from 1 to %(limit)s.", limit=SEATS_MAX)
        case "wheelchair":
            return lambda tr: tr._("♿ Please say how many wheelchair spaces, from 0 to %(limit)s.",
                                   limit=WHEELCHAIR_MAX)
        case "amount":
            return explain_money(NumberProblem.UNREADABLE)
        case "meetup":
            return lambda tr: tr._("📅 That meet-up isn't going ahead any more, so nothing can be asked for it.")
        case "hours":
            return lambda tr: tr._("🕘 Sorry, I couldn't read those opening hours. Write them like this: "
                                   "Mon-Fri 09:00-21:00; Sat 10:00-16:00. Or press Always open.")
    return lambda tr: tr._("Please write a few words (up to %(limit)s characters).", limit=NOTE_MAX)


def explain_money(problem: NumberProblem | None) -> Render:
    match problem:
        case NumberProblem.NEGATIVE:
            return lambda tr: tr._("💷 An amount can't be less than nothing. Please type an amount in pounds, "
                                   "for example £20.")
        case NumberProblem.TOO_SMALL:
            return lambda tr: tr._("💷 Please type an amount of more than £0, for example £20.")
        case NumberProblem.TOO_BIG:
            return lambda tr: tr._("💷 That's more than one request can ask for. Please type a smaller amount.")
    return lambda tr: tr._("💷 Sorry, I couldn't read that amount. Please type it in pounds, for example £20 or 12.50.")


def explain_count(problem: NumberProblem | None, low: int, high: int) -> Render:
    if problem in (NumberProblem.TOO_SMALL, NumberProblem.TOO_BIG):
        # Translators: low and high are whole numbers, such as 1 and 100.
        return lambda tr: tr._("🔢 That's out of range: please type a number from %(low)s to %(high)s.",
                               low=low, high=high)
    return lambda tr: tr._("🔢 Please type a whole number, for example 12.")
