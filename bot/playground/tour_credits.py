"""The tour's chapter on time credits: Ben logs the driving he did, Alys confirms it in Welsh, Ben gives
Ceri an hour, and Dafydd gets the report for funders (its chart and its evidence PDF are saved to files, and
the paths shown)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from bot.playground.demo import DemoWorld
from bot.playground.transcript import Narrator

CHART_FOLDER = Path(tempfile.gettempdir()) / "criw-tour"


async def credits(tour: Narrator, world: DemoWorld) -> None:
    """Log, confirm, gift, report."""
    people, group = world.people, world.group
    alys, ben, dafydd = people["Alys"], people["Ben"], people["Dafydd"]
    for action, run in (
        ("Ben: /log", ben.send("/log")),
        ("Ben taps [Driving]", ben.tap("Driving")),
        ("Ben: Took Alys and Ceri to Bute Park", ben.send("Took Alys and Ceri to Bute Park")),
        ("Ben taps [Yesterday]", ben.tap("Yesterday")),
        ("Ben: 2.5", ben.send("2.5")),
        ("Ben taps [Alys]", ben.tap("Alys")),
        ("Ben taps [Send it to be confirmed]", ben.tap("Send it to be confirmed")),
    ):
        await tour.step(ben.id, action, run)
    await tour.step(alys.id, "Alys taps [Ydy, cadarnhau]", alys.tap("Ydy, cadarnhau"))
    for action, run in (
        ("Ben: /credits", ben.send("/credits")),
        ("Ben taps [Give time credits]", ben.tap("Give time credits")),
        ("Ben taps [Ceri]", ben.tap("Ceri")),
        ("Ben taps [1 hour]", ben.tap("1 hour")),
        ("Ben taps [Yes, do it]", ben.tap("Yes, do it")),
    ):
        await tour.step(ben.id, action, run)
    await tour.step(group["id"], "Alys: /credydau", alys.send("/credydau", chat=group))
    for action, run in (
        ("Dafydd: /start", dafydd.send("/start")),
        ("Dafydd taps [English]", dafydd.tap("English")),
        ("Dafydd taps [No, thanks]", dafydd.tap("No, thanks")),
        ("Dafydd taps [Yes, please]", dafydd.tap("Yes, please")),
        ("Dafydd: /report", dafydd.send("/report")),
        ("Dafydd taps [The last 3 months]", dafydd.tap("The last 3 months")),
        ("Dafydd taps [Cymraeg]", dafydd.tap("Cymraeg")),
    ):
        await tour.step(dafydd.id, action, run)
    documents = [message["document"] for message in reversed(dafydd.inbox()) if message.get("document")]
    chart = documents[0]
    path = await asyncio.to_thread(_save, chart["file_name"], world.emulator.files[chart["file_id"]].data)
    tour.lines.append(f"   (the chart Dafydd got is saved at {path})")
    pdf = next(document for document in documents if document["file_name"].endswith(".pdf"))
    path = await asyncio.to_thread(_save, pdf["file_name"], world.emulator.files[pdf["file_id"]].data)
    tour.lines.append(f"   (the evidence report's PDF is saved at {path})")


def _save(name: str, content: bytes) -> Path:
    CHART_FOLDER.mkdir(exist_ok=True)
    path = CHART_FOLDER / name
    path.write_bytes(content)
    return path
