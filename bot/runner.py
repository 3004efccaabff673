"""Run Criw for real: long polling, or a webhook server when CRIW_WEBHOOK_URL is set."""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import urlparse

from aiohttp import web

from bot.bootstrap import build, make_transport
from bot.schedule.ticker import start_scheduler
from bot.settings import Settings, SettingsError
from bot.transports.transport import Transport

log = logging.getLogger(__name__)


async def run(settings: Settings) -> None:
    token = settings.require_token()
    criw = await build(settings)
    transport = make_transport(criw, token, settings.telegram_api)
    scheduler = start_scheduler(criw.periodic_jobs(transport), settings.job_seconds)
    try:
        if settings.webhook_url:
            await _serve_webhook(transport, settings)
        else:
            log.info("Criw is running with long polling")
            await transport.run_polling()
    finally:
        scheduler.shutdown(wait=False)
        await criw.dispatcher.group_edits.flush()  # trailing edits still need the transport
        await transport.stop()
        await criw.close()


async def _serve_webhook(transport: Transport, settings: Settings) -> None:
    if not settings.webhook_secret:
        raise SettingsError("CRIW_WEBHOOK_SECRET: set a secret so only Telegram can call the webhook")
    host, _, port = settings.webhook_listen.rpartition(":")
    path = urlparse(settings.webhook_url).path or "/telegram"
    runner = web.AppRunner(transport.webhook_app(settings.webhook_secret, path))
    await runner.setup()
    await web.TCPSite(runner, host or "127.0.0.1", int(port)).start()
    await transport.set_webhook(settings.webhook_url, settings.webhook_secret)
    log.info("Criw is listening for webhooks on %s", settings.webhook_listen)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
