"""The composition root: builds Criw from settings. Nothing is created at import time."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.chat.dispatch import Dispatcher
from bot.chat.profile import BotProfile, build_profile
from bot.domain.clock import Clock, SystemClock
from bot.settings import Settings
from bot.store.database import create_engine, is_sqlite, session_factory
from bot.store.migrate import upgrade
from bot.store.uow import UnitOfWorkFactory, uow_factory
from handlers import build_router
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

    async def close(self) -> None:
        await self.engine.dispose()


async def build(settings: Settings, clock: Clock | None = None, *, migrate: bool | None = None) -> Criw:
    """Wire the core. An embedded SQLite database is brought up to date automatically."""
    clock = clock or SystemClock()
    engine = create_engine(settings.database_url)
    if migrate if migrate is not None else is_sqlite(settings.database_url):
        await upgrade(engine)
    uow = uow_factory(session_factory(engine))
    router = build_router()
    dispatcher = Dispatcher(router, uow, clock, settings, on_error)
    return Criw(settings, engine, uow, dispatcher, build_profile(router, about, short_about), clock)


def make_transport(criw: Criw, token: str, api_base: str):  # type: ignore[no-untyped-def]
    """The transport the settings ask for (aiogram by default)."""
    from bot.transports.aiogram_transport import AiogramTransport

    return AiogramTransport(criw.dispatcher, token, api_base, criw.profile)
