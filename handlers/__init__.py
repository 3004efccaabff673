"""Conversation handlers, framework-free: each module is one feature with its own Router."""

from __future__ import annotations

from bot.chat.router import Router
from bot.schedule.delivery import KindHandler
from handlers import (
    access,
    admission,
    attendance,
    calendar,
    confirmations,
    credits,
    data_rights,
    easy_read,
    fallback,
    group_reminders,
    groups,
    help,
    helplines,
    home,
    log_time,
    meetup_log,
    meetup_manage,
    meetups,
    newmeetup,
    on_behalf,
    propose,
    reports,
    request_decide,
    requests,
    resources,
    rsvp,
    rules,
    schedule,
    settings,
    start,
    stories,
    supporters,
    transfers,
    votes,
)

FEATURES = (start, propose, votes, meetups, rsvp, newmeetup, meetup_manage, attendance, calendar, rules,
            group_reminders, log_time, confirmations, meetup_log, credits, transfers, reports, requests,
            request_decide, resources, access, schedule, on_behalf, stories,
            supporters, settings, data_rights, easy_read, help, helplines, admission, home, groups, fallback)


def reminder_kinds() -> dict[str, KindHandler]:
    """How to deliver each kind of reminder, from every feature that plans them."""
    from handlers import meetup_reminders, proposal_post, proposal_reminders, request_reminders

    return {**proposal_reminders.KINDS, **confirmations.KINDS, **request_reminders.KINDS, **meetup_reminders.KINDS,
            **proposal_post.OUTBOX_KINDS, **stories.KINDS}


def build_router() -> Router:
    """Every feature's routes in one router (the order of FEATURES is the order of the menus)."""
    root = Router()
    for feature in FEATURES:
        root.include(feature.router)
    return root
