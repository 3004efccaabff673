"""`criw demo`: the real bot against the local Telegram emulator, with a demo group and members.

`--tour` plays a scripted tour and prints the conversation as a transcript, then exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from bot.bootstrap import Criw, build, make_transport
from bot.playground.emulator import TelegramEmulator
from bot.playground.phone import Phone
from bot.playground.transcript import Narrator
from bot.settings import load_settings


@dataclass
class DemoWorld:
    """Everything a tour, a test or the web page needs: the emulator, the bot and the people."""

    emulator: TelegramEmulator
    criw: Criw
    group: dict
    people: dict[str, Phone]


PEOPLE = (
    # (name, Telegram client language, role in the demo)
    ("Dafydd", "en", "coordinator"),  # the group's Telegram admin: becomes its first coordinator
    ("Alys", "en", "member"),  # a Welsh speaker whose phone is set to English, as most are
    ("Ben", "en", "member"),
    ("Ceri", "cy", "member"),  # will choose Easy Read
)


@contextlib.asynccontextmanager
async def running_demo(db: str | None = None, port: int = 0, transport: str = "aiogram") -> AsyncIterator[DemoWorld]:
    """Start the emulator and the real bot against it, with a demo group of four people."""
    with tempfile.TemporaryDirectory(prefix="criw-demo-") as scratch:
        database = Path(db) if db else Path(scratch) / "demo.db"
        emulator = TelegramEmulator()
        await emulator.start(port=port)
        try:
            settings = load_settings(
                bot_token=emulator.token, telegram_api=emulator.base_url, transport=transport,
                database_url=f"sqlite+aiosqlite:///{database}", organisation_name="Cymdeithas Criw",
                webhook_url="",
            )
            criw = await build(settings)
            bot = make_transport(criw, emulator.token, emulator.base_url)
            users = {name: emulator.add_user(name, language_code=code) for name, code, _ in PEOPLE}
            group = emulator.create_group(
                "Cerddwyr Caerdydd · Cardiff Walkers",
                members=[user["id"] for user in users.values()],
                admins=[users["Dafydd"]["id"]],
                creator=users["Dafydd"]["id"],
            )
            polling = asyncio.create_task(bot.run_polling())
            try:
                await emulator.settle()
                yield DemoWorld(emulator, criw, group, {n: Phone(emulator, u) for n, u in users.items()})
            finally:
                await bot.stop()
                polling.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await polling
                await criw.close()
        finally:
            await emulator.stop()


async def play_tour(world: DemoWorld) -> str:
    """The scripted tour: the group adds the bot, members start it in Welsh and English, /help."""
    emulator, group, people = world.emulator, world.group, world.people
    dafydd, alys, ben, ceri = (people[name] for name in ("Dafydd", "Alys", "Ben", "Ceri"))
    chats = {group["id"]: f"{group['title']} (group)"}
    chats |= {phone.id: f"{phone.name} ↔ Criw (private)" for phone in people.values()}
    tour = Narrator(emulator, chats)
    gid = group["id"]

    async def add_bot() -> None:
        emulator.add_bot_to_group(gid, dafydd.id)
        await emulator.settle()

    await tour.step(gid, "Dafydd adds Criw to the group", add_bot())
    for phone, language, easy_read, reminders in (
        (alys, "Cymraeg", "Dim diolch", "Hoffwn"),
        (ben, "English", "No, thanks", "Yes, please"),
        (ceri, "Cymraeg", "Hoffwn", "Hoffwn"),
    ):
        await tour.step(phone.id, f"{phone.name}: /start", phone.send("/start"))
        for label in (language, easy_read, reminders):
            await tour.step(phone.id, f"{phone.name} taps [{label}]", phone.tap(label))
    await tour.step(gid, "Dafydd: /help", dafydd.send("/help", chat=group))
    await tour.step(alys.id, "Alys: /cymorth", alys.send("/cymorth"))
    await tour.step(ben.id, "Ben: /settings", ben.send("/settings"))
    return tour.text()


async def run_demo(*, tour: bool, db: str | None, port: int, transport: str = "aiogram") -> int:
    async with running_demo(db=db, port=port, transport=transport) as world:
        if tour:
            print(await play_tour(world))
            return 0
        print(f"Criw demo: local Telegram at {world.emulator.base_url} (Ctrl-C to stop)")
        await asyncio.Event().wait()
    return 0
