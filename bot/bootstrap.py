"""The composition root: builds Criw from settings. Nothing is created at import time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.chat.coalesce import Coalescer
from bot.chat.dispatch import Dispatcher
from bot.chat.outbound import Outbound
from bot.chat.profile import BotProfile, build_profile
from bot.domain.clock import Clock, SystemClock
from bot.logs import keep_personal_data_out
from bot.schedule.delivery import Delivery, DeliveryContext
from bot.settings import Settings
from bot.store.database import create_engine, is_sqlite, session_factory
from bot.store.edit_slots import DatabaseSlots
from bot.store.migrate import upgrade
from bot.store.uow import UnitOfWorkFactory, uow_factory
from bot.transports.limiter import LimitedPlatform, RateLimiter
from bot.transports.transport import Transport
from handlers import build_router, data_rights, easy_read, meetup_jobs, reminder_kinds
from handlers.errors import on_error
from handlers.help import about, short_about


@dataclass
class Criw:
    settings: Settings
    engine: AsyncEngine
    uow: UnitOfWorkFactory
    dispatcher: Dispatcher
    profile: BotProfile
    clock: Clock
    limiter: RateLimiter = field(default_factory=RateLimiter)

    def outbound(self, platform: Transport) -> Outbound:
        """Sending from scheduled work: through the rate limiter, Easy Read and 🔊 as each person chose."""
        voice = self.settings.voice_notes.available
        return Outbound(LimitedPlatform(platform, self.limiter), self.uow, self.clock, voice=voice)

    def delivery(self, platform: Transport) -> Delivery:
        """The reminder sender, sending through the rate limiter (one per process: the scheduler's)."""
        context = DeliveryContext(self.uow, self.clock, self.outbound(platform), self.limiter.chat_wait)
        return Delivery(context, reminder_kinds())

    def periodic_jobs(self, platform: Transport) -> dict[str, Callable[[], Awaitable[int]]]:
        """The scheduled work, bound to a transport to send with (see bot/schedule/ticker.py)."""
        meetups = meetup_jobs.jobs(self.outbound(platform), self.uow, self.clock)
        return {"deliver_reminders": self.delivery(platform).run_once, **meetups,
                **easy_read.jobs(self.uow, self.clock), **data_rights.jobs(self.uow, self.clock, self.settings)}

    async def run_periodic_jobs(self, platform: Transport) -> None:
        """Run every periodic job once, now (the demo tour and tests use this instead of waiting)."""
        for job in self.periodic_jobs(platform).values():
            await job()

    async def close(self) -> None:
        await self.dispatcher.group_edits.flush()
        await self.engine.dispose()


async def build(settings: Settings, clock: Clock | None = None, *, migrate: bool | None = None) -> Criw:
    """Wire the core. An embedded SQLite database is brought up to date automatically."""
    clock = clock or SystemClock()
    keep_personal_data_out()
    engine = create_engine(settings.database_url, wait_seconds=settings.database_wait_seconds)
    if migrate if migrate is not None else is_sqlite(settings.database_url):
        await upgrade(engine)
    uow = uow_factory(session_factory(engine))
    router = build_router()
    # The last-edit record of each live post is in the database, shared by every worker.
    edits = Coalescer(settings.group_edit_seconds, DatabaseSlots(engine))
    dispatcher = Dispatcher(router, uow, clock, settings, on_error, edits)
    return Criw(settings, engine, uow, dispatcher, build_profile(router, about, short_about), clock)


def make_transport(criw: Criw, token: str, api_base: str) -> Transport:
    """The transport the settings ask for (aiogram by default). Only the chosen library is imported."""
    if criw.settings.transport == "ptb":
        from bot.transports.ptb import PtbTransport

        return PtbTransport(criw.dispatcher, token, api_base, criw.profile, timeout=criw.settings.telegram_timeout)
    from bot.transports.aiogram_transport import AiogramTransport

    return AiogramTransport(criw.dispatcher, token, api_base, criw.profile, timeout=criw.settings.telegram_timeout)
