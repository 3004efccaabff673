"""Scheduled meet-up work: put recurring meet-ups on the calendar (and post them), and once a meet-up
has ended, mark it done and ask its organiser who came. Everything is read from the database each
time, so a restart loses nothing and a second run sends nothing twice."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.chat.outbound import Outbound
from bot.domain import language
from bot.domain.clock import Clock
from bot.services import attendance, series
from bot.store.uow import UnitOfWorkFactory
from handlers.attendance import sheet_keyboard, sheet_message
from handlers.meetup_post import edit_post, publish


async def extend_series(outbound: Outbound, uow: UnitOfWorkFactory, clock: Clock) -> int:
    """Make (and post to their groups) the next meet-ups of every recurring series; returns how many."""
    made = await series.extend(uow, clock)
    await publish(outbound, made)  # saved with them: what Telegram doesn't take now, the delivery sends later
    return len(made)


async def ask_who_came(outbound: Outbound, uow: UnitOfWorkFactory, clock: Clock) -> int:
    """Mark ended meet-ups done (their group posts lose the buttons) and send the attendance sheet."""
    asked = 0
    for view, people in await attendance.wrap_up_due(uow, clock):
        await edit_post(outbound, view)
        async with uow() as work:
            sheet = await attendance.sheet_for(work, view.id)
        if not sheet.people:
            continue
        for person in people:
            keyboard = sheet_keyboard(sheet, language.for_person(person.language))
            await outbound.to_person(person, sheet_message(sheet), keyboard)
            asked += 1
    return asked


def jobs(outbound: Outbound, uow: UnitOfWorkFactory, clock: Clock) -> dict[str, Callable[[], Awaitable[int]]]:
    """The meet-up work the scheduler runs (see Criw.periodic_jobs)."""
    return {
        "extend_meetup_series": lambda: extend_series(outbound, uow, clock),
        "ask_who_came": lambda: ask_who_came(outbound, uow, clock),
    }
