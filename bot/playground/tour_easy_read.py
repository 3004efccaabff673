"""The tour's chapter on Easy Read and ways in: Ceri's private messages are short and in Welsh, with
"I need help" (and 🔊 Listen where espeak-ng is installed); her help request reaches Dafydd; Alys names Ben
as her supporter and Ben answers a meet-up for her; Ceri gets this week's page to print."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bot.playground.demo import DemoWorld
from bot.playground.transcript import Narrator

PAGE_FOLDER = Path(tempfile.gettempdir()) / "criw-tour"


async def easy_read(tour: Narrator, world: DemoWorld) -> None:
    """Easy Read, I need help, Listen, a supporter, and the printable week."""
    people = world.people
    alys, ben, ceri = people["Alys"], people["Ben"], people["Ceri"]
    await tour.step(ceri.id, "Ceri (Easy Read): /pleidleisiau", ceri.send("/pleidleisiau"))
    if "🔊 Gwrando" in ceri.buttons():
        await tour.step(ceri.id, "Ceri taps [🔊 Gwrando]", ceri.tap("🔊 Gwrando"))
        voice = ceri.inbox()[-1].get("voice") or {}
        tour.lines.append(f"   (a {voice.get('duration', 1)}-second voice note in Welsh, made by espeak-ng)")
    await tour.step(ceri.id, "Ceri taps [🆘 Angen help]", ceri.tap("🆘 Angen help"))
    for action, run in (
        ("Alys: /cefnogwr", alys.send("/cefnogwr")),
        ("Alys taps [➕ Enwi cefnogwr]", alys.tap("Enwi cefnogwr")),
        ("Alys taps [👤 Ben]", alys.tap("👤 Ben")),
        ("Alys taps [✅ Ydw, rydw i'n cytuno]", alys.tap("Ydw, rydw i'n cytuno")),
    ):
        await tour.step(alys.id, action, run)
    for action, run in (
        ("Alys phones Ben, who sends /onbehalf", ben.send("/onbehalf")),
        ("Ben taps [👤 Alys]", ben.tap("👤 Alys")),
        ("Ben taps [📅 Answer a meet-up]", ben.tap("Answer a meet-up")),
        ("Ben taps [✅ Going · Taith gerdded]", ben.tap("✅ Going · Taith gerdded")),
    ):
        await tour.step(ben.id, action, run)
    await tour.step(ceri.id, "Ceri: /amserlen", ceri.send("/amserlen"))
    page = next((m for m in reversed(ceri.inbox()) if m.get("document")), None)
    if page is not None:
        PAGE_FOLDER.mkdir(exist_ok=True)
        path = PAGE_FOLDER / page["document"]["file_name"]
        path.write_bytes(world.emulator.files[page["document"]["file_id"]].data)
        tour.lines.append(f"   (the page Ceri got is saved at {path})")
