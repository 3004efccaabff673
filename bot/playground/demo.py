"""`criw demo`: the real bot against the local Telegram emulator, with a demo group and members.

Without options it serves the playground web page on 127.0.0.1 (see `demo_host`) until Ctrl-C;
`--tour` plays a scripted tour and prints the conversation as a transcript, then exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.bootstrap import Criw, build, make_transport
from bot.domain.clock import Clock
from bot.playground.emulator import TelegramEmulator
from bot.playground.phone import Phone
from bot.settings import Settings, load_settings
from bot.transports.transport import Transport
from bot.web.calendar import serve, web_app


@dataclass
class RunningBot:
    """The real bot (core and transport) polling the emulator; can be stopped and started again."""

    settings: Settings
    clock: Clock | None = None
    criw: Criw = field(init=False)
    transport: Transport = field(init=False)
    _polling: asyncio.Task[None] | None = field(default=None, init=False)

    async def start(self) -> None:
        self.criw = await build(self.settings, self.clock, migrate=True)  # PostgreSQL too: the demo is its own
        self.transport = make_transport(self.criw, self.settings.bot_token, self.settings.telegram_api)
        self._polling = asyncio.create_task(self.transport.run_polling())

    async def kill(self) -> None:
        """Stop the way a crash does: polling is cancelled wherever it is and nothing is finished, so the
        update in hand is never confirmed and Telegram delivers it again (tests start() a new bot after)."""
        self.criw.dispatcher.abandon()
        if self._polling is not None:
            self._polling.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._polling
            self._polling = None
        await self.transport.stop()
        await self.criw.engine.dispose()

    async def stop(self) -> None:
        await self.criw.dispatcher.group_edits.flush()  # trailing edits still need the transport
        await self.transport.stop()
        if self._polling is not None:
            self._polling.cancel()
            # Stopping while polling was still starting can end it with a network error: it is stopping anyway.
            await asyncio.gather(self._polling, return_exceptions=True)
        await self.criw.close()


@dataclass
class DemoWorld:
    """Everything a tour, a test or the web page needs: the emulator, the bot and the people."""

    emulator: TelegramEmulator
    bot: RunningBot
    group: dict
    people: dict[str, Phone]

    @property
    def criw(self) -> Criw:
        return self.bot.criw

    @property
    def transport(self) -> Transport:
        return self.bot.transport

    async def tick(self) -> None:
        """Run the scheduled work now (closing votes past their deadline, nudges) and let the bot settle."""
        await self.criw.run_periodic_jobs(self.transport)
        await self.criw.dispatcher.group_edits.flush()
        await self.emulator.settle()

    async def restart(self) -> None:
        """Stop the bot and start a fresh one on the same database, as after a crash or a deploy."""
        await self.bot.stop()
        await self.bot.start()
        await self.emulator.settle()


PEOPLE = (
    # (name, Telegram client language, role in the demo)
    ("Dafydd", "en", "coordinator"),  # the group's Telegram admin, and the organisation's coordinator
    ("Alys", "en", "member"),  # a Welsh speaker whose phone is set to English, as most are
    ("Ben", "en", "member"),
    ("Ceri", "cy", "member"),  # will choose Easy Read
)


@contextlib.asynccontextmanager
async def running_demo(
    db: str | None = None, port: int = 0, transport: str | None = None, clock: Clock | None = None,
    database_url: str | None = None, surnames: Mapping[str, str] | None = None, **settings_overrides: object,
) -> AsyncIterator[DemoWorld]:
    """Start the emulator and the real bot against it, with a demo group of four people.

    `transport` is "aiogram" or "ptb"; None means the CRIW_TRANSPORT setting (aiogram by default).
    `database_url` (e.g. an empty PostgreSQL database, migrated here) replaces the SQLite file `db`.
    `surnames` gives people last names (the end-to-end tests give some hostile ones)."""
    with tempfile.TemporaryDirectory(prefix="criw-demo-") as scratch:
        database = Path(db) if db else Path(scratch) / "demo.db"
        emulator = TelegramEmulator()
        await emulator.start(port=port)
        # The bot's own web server (calendar feeds), on a free port; it serves whichever bot is running.
        pages, pages_url = await serve(web_app(lambda: bot.criw), "127.0.0.1:0")
        try:
            surname = surnames or {}
            users = {name: emulator.add_user(name, last_name=surname.get(name), language_code=code)
                     for name, code, _ in PEOPLE}
            # The operator names Dafydd the organisation's coordinator, so the group he adds is admitted.
            chosen: dict[str, object] = {"organisation_coordinators": str(users["Dafydd"]["id"])}
            chosen |= ({"transport": transport} if transport else {}) | settings_overrides
            settings = load_settings(
                bot_token=emulator.token, telegram_api=emulator.base_url,
                database_url=database_url or f"sqlite+aiosqlite:///{database}", organisation_name="Cymdeithas Criw",
                webhook_url="", public_url=pages_url, **chosen,
            )
            bot = RunningBot(settings, clock)
            group = emulator.create_group(
                "Cerddwyr Caerdydd · Cardiff Walkers",
                members=[user["id"] for user in users.values()],
                admins=[users["Dafydd"]["id"]],
                creator=users["Dafydd"]["id"],
            )
            await bot.start()
            try:
                await emulator.settle()
                phones = {name: Phone(emulator, user) for name, user in users.items()}
                yield DemoWorld(emulator, bot, group, phones)
            finally:
                await bot.stop()
        finally:
            await pages.cleanup()
            await emulator.stop()


async def run_demo(*, tour: bool, db: str | None, port: int, transport: str | None = None) -> int:
    if not tour:  # the web page: serve until Ctrl-C, rebuilding the world whenever the page resets it
        from bot.playground.demo_host import DemoHost

        await DemoHost(db=db, port=port, transport=transport).run(on_ready=_announce)
        return 0
    from bot.playground.tour import play_tour

    # Every tally edit shows at once in the tour, so its transcript is the same on every run.
    async with running_demo(db=db, port=port, transport=transport, group_edit_seconds=0) as world:
        print(await play_tour(world))
    return 0


def _announce(page_url: str, telegram_url: str) -> None:
    print(f"Criw demo: open {page_url} in your browser (Ctrl-C to stop)")
    print(f"The local Telegram (Bot API) is at {telegram_url}", flush=True)
