"""Friendly explanations of why a meet-up answer or change was refused (used by handlers/errors.py)."""

from __future__ import annotations

from bot.domain.meetups import CAPACITY_MAX, PICKUP_MAX, Refusal
from bot.i18n.translator import Render
from bot.services.errors import InvalidMeetup, MeetupNotOpen


def explain_meetup_problem(error: MeetupNotOpen | InvalidMeetup) -> Render:
    code = error.reason if isinstance(error, MeetupNotOpen) else error.problem
    match code:
        case Refusal.CANCELLED:
            return lambda tr: tr._("Sorry, this meet-up was cancelled.")
        case Refusal.PAST:
            return lambda tr: tr._("Sorry, this meet-up has already happened.")
        case Refusal.NOT_YET:
            return lambda tr: tr._("You can tick who came once the meet-up has started.")
        case "too_long":
            return lambda tr: tr._("That's too long: please keep it under %(limit)s characters.", limit=PICKUP_MAX)
        case "empty":
            return lambda tr: tr._("That was empty. Please write a few words.")
        case "no_lift":
            return lambda tr: tr._("🚗 You haven't asked for a lift to this meet-up.")
        case "unchanged":
            return lambda tr: tr._("That's already done. Nothing has changed.")
        case "capacity":
            return lambda tr: tr._("Please type a whole number from 1 to %(limit)s.", limit=CAPACITY_MAX)
        case "past":
            return lambda tr: tr._("📅 That time has already passed. Please choose one in the future.")
    return lambda tr: tr._("Sorry, I can't do that.")
