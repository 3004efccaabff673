"""The tour's chapter on rooms, transport and money. The organisation loads its rooms, minibus and the
group's budget from a file; Ben books the church hall; Alys asks for the same hall at an overlapping time,
so Dafydd offers her the other room and she accepts; Ceri asks for more money than is left, and Dafydd
declines with a reason; and the minibus the walk asked for is booked for its two riders."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date

from bot.domain.resources import Period, period_of
from bot.playground.demo import DemoWorld
from bot.playground.phone import Phone
from bot.playground.transcript import Narrator
from bot.resource_file import Loaded, read_resource_file
from bot.services import resources

RESOURCES = """\
rooms:
  - name: Neuadd yr Eglwys
    address: Heol y Plwyf, Caerdydd
    capacity: 30
    step_free: true
    hearing_loop: true
    opening_hours: "Mon-Sun 09:00-22:00"
    buffer_minutes: 15
  - name: Canolfan y Dref, Ystafell 2
    address: Heol y Frenhines, Caerdydd
    capacity: 20
    accessible_toilet: true
    opening_hours: "Mon-Sat 09:00-21:30"
vehicles:
  - {{name: Minibus, seats: 12, wheelchair_spaces: 1, driver_needed: true}}
budgets:
  - {{group: "{group}", amount: 50, from: {start}, to: {end}}}
"""


async def requests(tour: Narrator, world: DemoWorld) -> None:
    """Load the resources; a clash, an offer of the other room, a decline with a reason, a minibus."""
    people = world.people
    alys, ben, ceri, dafydd = (people[name] for name in ("Alys", "Ben", "Ceri", "Dafydd"))
    await tour.step(dafydd.id, "The organisation runs: criw resources import rooms.yaml", _load(world))
    await tour.step(dafydd.id, "Dafydd: /resources", dafydd.send("/resources"))
    friday = _next_friday(world)
    await _ask_for_hall(tour, ben, "New request", "A room", "Not for a meet-up",
                        format_date(friday, "d MMMM", locale="en") + " 18:00", "20:30", "24", "Quiz night")
    await tour.step(dafydd.id, "Dafydd taps [Approve]", dafydd.tap("Approve"))
    await _ask_for_hall(tour, alys, "Cais newydd", "Ystafell", "Nid ar gyfer cyfarfod",
                        format_date(friday, "d MMMM", locale="cy") + " 19:00", "21:00", "12", "Grŵp crefftau")
    for action, run in (
        ("Dafydd taps [Offer another room or time]", dafydd.tap("Offer another room or time")),
        ("Dafydd taps [Canolfan y Dref, Ystafell 2]", dafydd.tap("Canolfan y Dref, Ystafell 2")),
    ):
        await tour.step(dafydd.id, action, run)
    await tour.step(alys.id, "Alys taps [Derbyn]", alys.tap("Derbyn"))
    for action, run in (
        ("Ceri: /ceisiadau", ceri.send("/ceisiadau")),
        ("Ceri taps [Cais newydd]", ceri.tap("Cais newydd")),
        ("Ceri taps [Arian]", ceri.tap("Arian")),
        ("Ceri taps [Nid ar gyfer cyfarfod]", ceri.tap("Nid ar gyfer cyfarfod")),
        ("Ceri: £80", ceri.send("£80")),
        ("Ceri: Paent a brwshys ar gyfer y murlun", ceri.send("Paent a brwshys ar gyfer y murlun")),
        ("Ceri taps [Ei anfon at y cydlynwyr]", ceri.tap("Ei anfon")),
    ):
        await tour.step(ceri.id, action, run)
    for action, run in (
        ("Dafydd taps [Decline]", dafydd.tap("Decline")),
        ("Dafydd taps [Not enough budget]", dafydd.tap("Not enough budget")),
    ):
        await tour.step(dafydd.id, action, run)
    await _minibus(tour, world)


async def _ask_for_hall(tour: Narrator, phone: Phone, new: str, room: str, not_meetup: str, when: str, until: str,
                        how_many: str, note: str) -> None:
    welsh = new == "Cais newydd"
    for action, run in (
        (f"{phone.name}: {'/ceisiadau' if welsh else '/requests'}", phone.send("/ceisiadau" if welsh else "/requests")),
        (f"{phone.name} taps [{new}]", phone.tap(new)),
        (f"{phone.name} taps [{room}]", phone.tap(room)),
        (f"{phone.name} taps [{not_meetup}]", phone.tap(not_meetup)),
        (f"{phone.name} taps [Neuadd yr Eglwys]", phone.tap("Neuadd yr Eglwys")),
        (f"{phone.name}: {when}", phone.send(when)),
        (f"{phone.name}: {until}", phone.send(until)),
        (f"{phone.name}: {how_many}", phone.send(how_many)),
        (f"{phone.name} taps [{'Wedi gorffen' if welsh else 'Done'}]", phone.tap("Wedi gorffen" if welsh else "Done")),
        (f"{phone.name}: {note}", phone.send(note)),
        (f"{phone.name} taps [{'Ei anfon' if welsh else 'Send it'}]", phone.tap("Ei anfon" if welsh else "Send it")),
    ):
        await tour.step(phone.id, action, run)


async def _minibus(tour: Narrator, world: DemoWorld) -> None:
    """Ben needs a lift to the walk too: with Ceri, two riders; Dafydd books the minibus the walk asked for."""
    group, ben, dafydd = world.group, world.people["Ben"], world.people["Dafydd"]
    await tour.step(group["id"], "Ben taps [🚗 I need a lift] on the walk's post",
                    ben.tap("/ 🚗 I need a lift", chat=group))
    await tour.step(ben.id, "Ben: Cardiff Central station", ben.send("Cardiff Central station"))
    for action, run in (
        ("Dafydd: /requests", dafydd.send("/requests")),
        ("Dafydd taps [Open 1]", dafydd.tap("Open 1")),
        ("Dafydd taps [Choose a vehicle]", dafydd.tap("Choose a vehicle")),
        ("Dafydd taps [Minibus]", dafydd.tap("Minibus")),
        ("Dafydd taps [Approve]", dafydd.tap("Approve")),
    ):
        await tour.step(dafydd.id, action, run)


async def _load(world: DemoWorld) -> None:
    zone = ZoneInfo(world.criw.settings.timezone)
    start, end = period_of(Period.QUARTER, world.criw.clock.now().astimezone(zone).date())
    text = RESOURCES.format(group=world.group["title"], start=start.isoformat(), end=end.isoformat())
    loaded = await asyncio.to_thread(_read, text)
    async with world.criw.uow() as uow:
        await resources.import_specs(uow, world.criw.clock, world.criw.settings.organisation_name, loaded.rooms,
                                     loaded.vehicles, loaded.budgets)


def _read(text: str) -> Loaded:
    with tempfile.TemporaryDirectory(prefix="criw-tour-") as folder:
        path = Path(folder) / "rooms.yaml"
        path.write_text(text, encoding="utf-8")
        return read_resource_file(path)


def _next_friday(world: DemoWorld) -> date:
    today = world.criw.clock.now().astimezone(ZoneInfo(world.criw.settings.timezone)).date()
    return today + timedelta(days=(4 - today.weekday()) % 7 + 7)
