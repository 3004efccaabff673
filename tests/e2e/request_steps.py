"""Shared steps for the request scenarios: the organisation's rooms and minibus, and asking for a room."""

from __future__ import annotations

from datetime import date

from bot.domain.bookings import Access
from bot.domain.opening_hours import read_opening_hours
from bot.domain.resources import BudgetSpec, RoomSpec, VehicleSpec
from bot.services import resources

WELSH = {"new": "Cais newydd", "room": "Ystafell", "done": "Wedi gorffen", "skip": "Symud ymlaen", "send": "Ei anfon",
         "not_meetup": "Nid ar gyfer cyfarfod"}
ENGLISH = {"new": "New request", "room": "A room", "done": "Done", "skip": "Skip", "send": "Send it",
           "not_meetup": "Not for a meet-up"}


async def load_resources(world, budget: int | None = None):
    """Neuadd yr Eglwys (30, step-free, hearing loop), Canolfan y Dref Ystafell 2 (12, stairs only) and a
    minibus (8 seats, 1 wheelchair space); optionally a budget in pounds for this quarter."""
    rooms = [RoomSpec("Neuadd yr Eglwys", "Heol y Plwyf, Caerdydd", 30, {Access.STEP_FREE, Access.HEARING_LOOP},
                      hours=read_opening_hours("Mon-Sun 09:00-22:00"), buffer_minutes=15),
             RoomSpec("Canolfan y Dref, Ystafell 2", "Heol y Frenhines, Caerdydd", 12,
                      hours=read_opening_hours("Mon-Sat 09:00-21:00"))]
    vehicles = [VehicleSpec("Minibus", seats=8, wheelchair_spaces=1, driver_needed=True)]
    budgets = [BudgetSpec(world.group["title"], budget * 100, date(2026, 10, 1), date(2026, 12, 31))] if budget else []
    async with world.criw.uow() as uow:
        await resources.import_specs(uow, world.criw.clock, "Cymdeithas Criw", rooms, vehicles, budgets)


async def ask_for_room(phone, words, *, room="Neuadd yr Eglwys", when="4 December 18:00", until="20:00", people="12",
                       access=(), note=None, meetup=False):
    """`phone` asks for a room (not for a meet-up, unless `meetup` names one) through /requests."""
    await phone.send("/requests" if words is ENGLISH else "/ceisiadau")
    await phone.tap(words["new"])
    await phone.tap(words["room"])
    if "📍" in (phone.last() or ""):
        await phone.tap(meetup or words["not_meetup"])
    await phone.tap(room)
    if not meetup:
        await phone.send(when)
        await phone.send(until)
    await phone.send(people)
    for need in access:
        await phone.tap(need)
    await phone.tap(words["done"])
    if note:
        await phone.send(note)
    else:
        await phone.tap(words["skip"])
    await phone.tap(words["send"])
