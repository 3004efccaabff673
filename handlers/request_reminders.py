"""Reminder kinds for requests: showing a new request to the coordinators (made in the same transaction
as the request, so a crash before the cards went out loses nothing), and nudging them each day it waits.
"""

from __future__ import annotations

from bot.domain.reminders import ReminderState
from bot.i18n.easy import both
from bot.schedule.delivery import DeliveryContext, Done, Handled, KindHandler
from bot.services import request_decisions
from bot.store.reminders import Reminder
from handlers.request_post import send_new, show_to_coordinators


async def show_new(reminder: Reminder, context: DeliveryContext) -> Handled:
    """Show the request to the coordinators, unless that was done already (by the handler that made it)."""
    assert reminder.subject_id is not None
    shown = await send_new(context.outbound, context.uow, context.clock, reminder.subject_id)
    return Done() if shown else Done(ReminderState.SKIPPED, "already shown, decided, or nobody to show")


async def nudge(reminder: Reminder, context: DeliveryContext) -> Handled:
    """A day has gone by without a decision: show the request to the coordinators again."""
    assert reminder.subject_id is not None
    waiting = await request_decisions.nudge(context.uow, context.clock, reminder.subject_id)
    if waiting is None:
        return Done(ReminderState.SKIPPED, "decided or waiting for the member")
    view, coordinators = waiting
    await show_to_coordinators(context.outbound, context.uow, view, coordinators, both(
        lambda tr: tr._("⏰ This request has been waiting more than a day for a decision."),
        lambda tr: tr.p_("easy", "⏰ Reminder: this request has waited more than a day.")))
    return Done()


KINDS: dict[str, KindHandler] = {"request_new": show_new, "request_nudge": nudge}
