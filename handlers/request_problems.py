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
from bot.i18n.easy import Readable, both
from bot.i18n.markup import Markup
from bot.i18n.translator import Tr
from bot.services.errors import CannotApprove, InvalidRequest, RequestDecided


def explain_request_problem(error: Exception) -> Readable:
    match error:
        case CannotApprove(problem="clash"):
            return both(lambda tr: tr._("⛔ It can't be booked: that room or vehicle is already booked then. "
                                        "Nothing was changed."),
                        lambda tr: tr.p_("easy", "⛔ It is already booked at that time.\n📝 Nothing was changed."))
        case CannotApprove(problem="budget"):
            return both(lambda tr: tr._("⛔ It can't be approved: there isn't enough money left in the budget."),
                        lambda tr: tr.p_("easy", "⛔ There is not enough money left.\n📝 Nothing was changed."))
        case CannotApprove(problem="capacity" | "seats" | "wheelchair" as limit):
            return over_limit(limit)
        case CannotApprove(problem="choose"):
            return both(lambda tr: tr._("🏠 Please choose a room or vehicle first (the button under the request)."),
                        lambda tr: tr.p_("easy", "🏠 Please choose a room or vehicle first.\n👆 Press the button under "
                                                 "the request."))
        case CannotApprove(problem="gone") | InvalidRequest(problem="gone"):
            return both(lambda tr: tr._("⛔ That room or vehicle has been removed, so it can't be booked. "
                                        "Please choose another."),
                        lambda tr: tr.p_("easy", "⛔ That room or vehicle is gone.\n👆 Please choose another."))
        case CannotApprove(problem="past") | InvalidRequest(problem="past"):
            return both(lambda tr: tr._("📅 That time has already passed. Please choose one in the future."),
                        lambda tr: tr.p_("easy", "📅 That time is in the past.\n👆 Please choose a later time."))
        case RequestDecided(state=RequestState.CANCELLED):
            return both(lambda tr: tr._("This request has been closed. Nothing was changed."),
                        lambda tr: tr.p_("easy", "✖️ This request is closed.\n📝 Nothing was changed."))
        case RequestDecided():
            return both(lambda tr: tr._("Someone has already dealt with this request. Nothing was changed."),
                        lambda tr: tr.p_("easy", "✅ Someone has already answered this.\n📝 Nothing was changed."))
        case InvalidRequest(problem=problem):
            return explain_input(problem)
    return both(lambda tr: tr._("Sorry, I can't do that."),
                lambda tr: tr.p_("easy", "❌ Sorry, I cannot do that."))


def over_limit(limit: str) -> Readable:
    """An approval refused at a limit: what to do instead (or how to pass it, with a reason)."""
    def easy(tr: Tr) -> Markup:
        return tr.p_("easy", "⛔ It is too full.\n👆 Offer another, or press Approve over the limit.\n"
                             "📝 Nothing was changed.")

    match limit:
        case "capacity":
            return both(lambda tr: tr._("⛔ Not approved: more people are coming than the room holds. Offer a "
                                        "bigger room, or press Approve over the limit and write why. Nothing was "
                                        "changed."), easy)
        case "seats":
            return both(lambda tr: tr._("⛔ Not approved: more people need a seat than the vehicle has. Offer "
                                        "another vehicle, or press Approve over the limit and write why. Nothing "
                                        "was changed."), easy)
    return both(lambda tr: tr._("⛔ Not approved: more wheelchair users need a space than the vehicle has. Offer "
                                "another vehicle, or press Approve over the limit and write why. Nothing was "
                                "changed."), easy)


def explain_input(problem: str) -> Readable:
    match problem:
        case "end_before_start":
            return both(lambda tr: tr._("🕑 It has to end after it starts. If it goes past midnight, type the date "
                                        "too, for example 6 December 01:00."),
                        lambda tr: tr.p_("easy", "🕑 The end must be after the start.\n👆 Please press how long."))
        case "too_long":
            return both(lambda tr: tr._("🕑 That's longer than three days. Please check the end time."),
                        lambda tr: tr.p_("easy", "🕑 That is longer than 3 days.\n👆 Please check the end time."))
        case "people":
            return both(lambda tr: tr._("👥 Please say how many people, from 1 to %(limit)s.", limit=CAPACITY_MAX),
                        lambda tr: tr.p_("easy", "👥 Please write how many people.\n🔢 From 1 to %(limit)s.",
                                         limit=CAPACITY_MAX))
        case "seats":
            return both(lambda tr: tr._("🪑 Please say how many seats, from 1 to %(limit)s.", limit=SEATS_MAX),
                        lambda tr: tr.p_("easy", "🪑 Please write how many seats.\n🔢 From 1 to %(limit)s.",
                                         limit=SEATS_MAX))
        case "wheelchair":
            return both(lambda tr: tr._("♿ Please say how many wheelchair spaces, from 0 to %(limit)s.",
                                        limit=WHEELCHAIR_MAX),
                        lambda tr: tr.p_("easy", "♿ Please write how many wheelchair spaces.\n🔢 From 0 to %(limit)s.",
                                         limit=WHEELCHAIR_MAX))
        case "amount":
            return explain_money(NumberProblem.UNREADABLE)
        case "started":
            return both(lambda tr: tr._("🕑 It has already started, so it can't be released now. Nothing was changed."),
                        lambda tr: tr.p_("easy", "🕑 It has started already.\n📝 Nothing was changed."))
        case "meetup":
            return both(lambda tr: tr._("📅 That meet-up isn't going ahead any more, so nothing can be asked for it."),
                        lambda tr: tr.p_("easy", "📅 That meet-up is not happening now.\n❌ You cannot ask for it."))
        case "hours":
            return both(lambda tr: tr._("🕘 Sorry, I couldn't read those opening hours. Write them like this: "
                                        "Mon-Fri 09:00-21:00; Sat 10:00-16:00. Or press Always open."),
                        lambda tr: tr.p_("easy", "🕘 Sorry, I could not read those opening hours.\n💡 For example: "
                                                 "Mon-Fri 09:00-21:00\n👆 Or press Always open."))
    return both(lambda tr: tr._("Please write a few words (up to %(limit)s characters).", limit=NOTE_MAX),
                lambda tr: tr.p_("easy", "📝 Please write a few words.\n✂️ Keep it short."))


def explain_money(problem: NumberProblem | None) -> Readable:
    match problem:
        case NumberProblem.NEGATIVE:
            return both(lambda tr: tr._("💷 An amount can't be less than nothing. Please type an amount in pounds, "
                                        "for example £20."),
                        lambda tr: tr.p_("easy", "💷 It cannot be less than nothing.\n💡 For example: £20"))
        case NumberProblem.TOO_SMALL:
            return both(lambda tr: tr._("💷 Please type an amount of more than £0, for example £20."),
                        lambda tr: tr.p_("easy", "💷 Please write more than £0.\n💡 For example: £20"))
        case NumberProblem.TOO_BIG:
            return both(lambda tr: tr._("💷 That's more than one request can ask for. Please type a smaller amount."),
                        lambda tr: tr.p_("easy", "💷 That is too much for one request.\n✍️ Please write less."))
    return both(lambda tr: tr._("💷 Sorry, I couldn't read that amount. Please type it in pounds, for example £20 or "
                                "12.50."),
                lambda tr: tr.p_("easy", "💷 Sorry, I could not read that.\n✍️ Write the number of pounds.\n"
                                         "💡 For example: 20"))


def explain_count(problem: NumberProblem | None, low: int, high: int) -> Readable:
    if problem in (NumberProblem.TOO_SMALL, NumberProblem.TOO_BIG):
        # Translators: low and high are whole numbers, such as 1 and 100.
        return both(lambda tr: tr._("🔢 That's out of range: please type a number from %(low)s to %(high)s.",
                                    low=low, high=high),
                    lambda tr: tr.p_("easy", "🔢 Please use a number from %(low)s to %(high)s.", low=low, high=high))
    return both(lambda tr: tr._("🔢 Please type a whole number, for example 12."),
                lambda tr: tr.p_("easy", "🔢 Please write a whole number.\n💡 For example: 12"))
