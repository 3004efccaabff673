"""Conversation handlers, framework-free: each module is one feature with its own Router."""

from __future__ import annotations

from bot.chat.router import Router
from bot.schedule.delivery import KindHandler
from handlers import (
    attendance,
    calendar,
    fallback,
    groups,
    help,
    meetup_manage,
    meetups,
    newmeetup,
    propose,
    rsvp,
    rules,
    settings,
    start,
    votes,
)

FEATURES = (start, propose, votes, meetups, rsvp, newmeetup, meetup_manage, attendance, calendar, rules, settings,
            help, groups, fallback)


def reminder_kinds() -> dict[str, KindHandler]:
    """How to deliver each kind of reminder, from every feature that plans them."""
    from handlers import proposal_reminders

    return {**proposal_reminders.KINDS}


def build_router() -> Router:
    """Every feature's routes in one router (the order of FEATURES is the order of the menus)."""
    root = Router()
    for feature in FEATURES:
        root.include(feature.router)
    return root
