"""The tour's chapter on meet-ups: the walk Alys proposed is now a meet-up. Ben is going, Ceri needs a lift
(and says where to be picked up, in Welsh), Alys might come; then what's on, in the group (both
languages) and privately (each person's own language), and just the next one with how to get there."""

from __future__ import annotations

from bot.playground.demo import DemoWorld
from bot.playground.transcript import Narrator


async def meetups(tour: Narrator, world: DemoWorld) -> None:
    """RSVPs with a lift, then /upcoming in Welsh and English, and /next."""
    group, people = world.group, world.people
    alys, ben, ceri, dafydd = (people[name] for name in ("Alys", "Ben", "Ceri", "Dafydd"))
    for phone, label in ((ben, "✅ Going"), (ceri, "🚗 I need a lift"), (alys, "🤔 Maybe")):
        await tour.step(group["id"], f"{phone.name} taps [{label}] on the meet-up post",
                        phone.tap(f"/ {label}", chat=group))
    await tour.step(ceri.id, "Ceri: Arhosfan bws Heol y Bont", ceri.send("Arhosfan bws Heol y Bont"))
    await tour.step(group["id"], "Dafydd: /upcoming", dafydd.send("/upcoming", chat=group))
    await tour.step(alys.id, "Alys: /i_ddod", alys.send("/i_ddod"))
    await tour.step(ben.id, "Ben: /upcoming", ben.send("/upcoming"))
    await tour.step(ben.id, "Ben: /next", ben.send("/next"))
