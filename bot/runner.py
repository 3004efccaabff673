"""Run Criw for real, in one of three roles that share one database.

- ``all`` (the default, what a small group runs): updates by long polling, or by webhook when
  CRIW_WEBHOOK_URL is set, and the scheduled work, in one process.
- ``worker``: webhook updates only. Run as many as the load needs, behind any HTTP load balancer; they
  keep nothing in memory that another worker needs (see docs/ARCHITECTURE.md, "Several workers").
- ``scheduler``: the scheduled work only (`Criw.periodic_jobs`: closing votes, nudges, reminders).
  Run exactly one: a second one (or the next deploy's, started early) stands by until the first has gone
  (bot/store/scheduler_lock.py).

Every role answers GET /healthz: on the webhook server, or else on CRIW_WEB_LISTEN.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import AsyncIterator
from urllib.parse import urlparse

from aiohttp import web

from bot.bootstrap import Criw, build, make_transport
from bot.schedule.ticker import start_scheduler
from bot.settings import Settings, SettingsError
from bot.store.migrate import revisions
from bot.store.scheduler_lock import SchedulerLock
from bot.transports.transport import Transport
from bot.web.calendar import calendar_routes
from bot.web.health import add_health

log = logging.getLogger(__name__)
ROLES = ("all", "worker", "scheduler")


async def run(settings: Settings, role: str = "all") -> None:
    token = settings.require_token()
    _check_role(settings, role)
    criw = await build(settings)
    try:
        await _require_current_schema(criw)
        transport = make_transport(criw, token, settings.telegram_api)
        jobs = criw.periodic_jobs(transport) if runs_scheduled_work(role) else None
        lock = SchedulerLock(criw.engine)  # a second scheduler stands by rather than doubling the sends
        scheduler = start_scheduler(jobs, settings.job_seconds, lock) if jobs is not None else None
        stop = _stop_on_signals()
        try:
            if role == "scheduler":
                log.info("Criw is running the scheduled work (role: scheduler)")
                async with _serving(_web_app(criw), settings.web_listen):
                    await stop.wait()
            elif settings.webhook_url:
                await _serve_webhook(criw, transport, settings, stop)
            else:
                log.info("Criw is running with long polling")
                async with _serving(_web_app(criw), settings.web_listen, required=False):
                    await _poll_until(transport, stop)
            log.info("Criw is stopping")
        finally:
            if scheduler is not None:
                scheduler.shutdown(wait=False)
            await lock.release()
            await criw.dispatcher.group_edits.flush()  # trailing edits still need the transport
            await transport.stop()
    finally:
        await criw.close()


def _stop_on_signals() -> asyncio.Event:
    """SIGTERM (`docker stop`, a deploy) and Ctrl-C end Criw gracefully: webhook updates in hand are
    finished before the server closes (an update claimed and then dropped would never be handled), and
    trailing edits are sent."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # not on this platform or thread
            loop.add_signal_handler(number, stop.set)
    return stop


async def _poll_until(transport: Transport, stop: asyncio.Event) -> None:
    polling = asyncio.create_task(transport.run_polling(), name="criw-polling")
    stopping = asyncio.create_task(stop.wait(), name="criw-stop")
    await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not polling.done():
        await transport.stop()  # ends polling once the update in hand is handled
    await polling


def runs_scheduled_work(role: str) -> bool:
    """Workers leave reminders, vote closing and the other periodic jobs to the one scheduler."""
    return role in ("all", "scheduler")


def _check_role(settings: Settings, role: str) -> None:
    if role not in ROLES:
        raise SettingsError(f"--role: must be one of {', '.join(ROLES)}")
    if role == "worker" and not settings.webhook_url:
        raise SettingsError("CRIW_WEBHOOK_URL: a worker takes its updates by webhook; set the address Telegram calls")
    if settings.webhook_url and role != "scheduler" and not settings.webhook_secret:
        raise SettingsError("CRIW_WEBHOOK_SECRET: set a secret so only Telegram can call the webhook")


async def _require_current_schema(criw: Criw) -> None:
    """Refuse to start on a database that is unreachable or not migrated, with one line saying so."""
    try:
        current, heads = await revisions(criw.engine)
    except (OSError, TimeoutError) as error:
        raise SettingsError(f"CRIW_DATABASE_URL: cannot reach the database ({type(error).__name__})") from None
    if current != heads:
        raise SettingsError("CRIW_DATABASE_URL: the database is not up to date: run `criw db upgrade` first")


def _web_app(criw: Criw, app: web.Application | None = None) -> web.Application:
    """The bot's own pages (/healthz, calendar feeds), added to `app` (the webhook server) or to a new app."""
    app = app if app is not None else web.Application()
    add_health(app, criw.engine)
    app.add_routes(calendar_routes(lambda: criw))
    return app


@contextlib.asynccontextmanager
async def _serving(
    app: web.Application, listen: str, setting: str = "CRIW_WEB_LISTEN", *, required: bool = True
) -> AsyncIterator[None]:
    """Serve `app` on host:port while the block runs. A small group's single process carries on without
    its pages if the port is taken (`required=False`); a scheduler must be checkable, so it stops."""
    host, _, port = listen.rpartition(":")
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host or "127.0.0.1", int(port)).start()
        log.info("Criw's pages (/healthz) are on %s", listen)
    except OSError as error:
        if required:
            await runner.cleanup()
            raise SettingsError(f"{setting}: cannot listen on {listen} ({error.strerror})") from None
        log.error("cannot serve /healthz on %s (%s); carrying on without it", listen, error.strerror)
    try:
        yield
    finally:
        await runner.cleanup()


async def _serve_webhook(criw: Criw, transport: Transport, settings: Settings, stop: asyncio.Event) -> None:
    path = urlparse(settings.webhook_url).path or "/telegram"
    app = _web_app(criw, transport.webhook_app(settings.webhook_secret, path))
    async with _serving(app, settings.webhook_listen, "CRIW_WEBHOOK_LISTEN"):
        await transport.set_webhook(settings.webhook_url, settings.webhook_secret)
        log.info("Criw is listening for webhooks on %s", settings.webhook_listen)
        await stop.wait()
