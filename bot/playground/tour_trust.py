"""The tour's chapter on trust: the home screen (a typed "menu"), the safety net (words of someone having a
hard time), a photo answered, where to get help now (/support), everything Criw holds about you
(/fy_nata, with the whole file), and being forgotten (/forgetme, asked first; Ben keeps his data)."""

from __future__ import annotations

import json

from bot.playground.demo import DemoWorld
from bot.playground.transcript import Narrator


async def trust(tour: Narrator, world: DemoWorld) -> None:
    """menu, the safety net, a photo, /support, /fy_nata and /forgetme."""
    alys, ben = world.people["Alys"], world.people["Ben"]
    await tour.step(ben.id, "Ben: menu", ben.send("menu"))
    await tour.step(ben.id, "Ben: I'm having a hard time today", ben.send("I'm having a hard time today"))
    await tour.step(alys.id, "Alys sends a photo", alys.share("photo"))
    await tour.step(ben.id, "Ben: /support", ben.send("/support"))
    await tour.step(alys.id, "Alys: /fy_nata", alys.send("/fy_nata"))
    sent = alys.inbox()[-1].get("document") or {}
    if sent:
        records = json.loads(world.emulator.files[sent["file_id"]].data)["records"]
        rows = sum(len(found) for found in records.values())
        tour.lines.append(f"   ({sent['file_name']} holds {rows} records about Alys, in {len(records)} tables)")
    await tour.step(ben.id, "Ben: /forgetme", ben.send("/forgetme"))
    await tour.step(ben.id, "Ben taps [↩️ No, keep my data]", ben.tap("No, keep my data"))
