"""`criw reminders`: what is waiting to be sent and what failed, for the person running Criw."""

from __future__ import annotations

from bot.domain.clock import SystemClock
from bot.services import reminders
from bot.settings import Settings
from bot.store.database import create_engine, session_factory
from bot.store.uow import uow_factory


async def show_reminders(settings: Settings, *, retry_failed: bool = False) -> int:
    """Print pending and failed reminders, and those Telegram never answered for (`unknown`: perhaps delivered,
    so not retried, not even by --retry-failed); ids and times only: no names, no message text."""
    engine = create_engine(settings.database_url)
    uow = uow_factory(session_factory(engine))
    try:
        if retry_failed:
            async with uow() as work:
                print(f"{await reminders.retry_failed(work, SystemClock())} failed reminders queued again")
        async with uow() as work:
            rows = await work.reminders.in_state("pending", "sending", "failed", "unknown")
        print(f"{'id':>6}  {'state':<8} {'kind':<18} {'send at (UTC)':<20} attempts  last error")
        for row in rows:
            print(f"{row.id:>6}  {row.state:<8} {row.kind:<18} {row.send_at:%Y-%m-%d %H:%M:%S}  "
                  f"{row.attempts:>8}  {row.last_error}")
        print(f"{len(rows)} reminders waiting or failed")
        return 0
    finally:
        await engine.dispose()
