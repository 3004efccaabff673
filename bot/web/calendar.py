"""The bot's own HTTP endpoints: each person's private iCalendar feed at /calendar/<token>.ics.

Mounted on whichever aiohttp server the bot runs: the webhook server, a small server of its own in
long-polling mode (bot/runner.py), or next to the emulator in `criw demo`. A wrong, reset or malformed
token gets the same bare 404 as any unknown address, so an answer never says whether a token existed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from aiohttp import web

from bot.services import calendar_feeds
from handlers.calendar import feed_file

if TYPE_CHECKING:
    from bot.bootstrap import Criw

CurrentCriw = Callable[[], "Criw"]  # the running core (the demo restarts it behind the same server)
NOT_FOUND = "Not found"


def calendar_routes(current: CurrentCriw) -> list[web.RouteDef]:
    async def feed(request: web.Request) -> web.Response:
        criw = current()
        token = request.match_info["token"]
        async with criw.uow() as uow:
            found = await calendar_feeds.feed(uow, criw.clock, token)
        if found is None:
            return web.Response(status=404, text=NOT_FOUND)
        body = feed_file(found.meetups, criw.clock.now(), found.installation)
        return web.Response(body=body, content_type="text/calendar", charset="utf-8",
                            headers={"Cache-Control": "private, max-age=300",
                                     "Content-Disposition": 'inline; filename="criw.ics"'})

    return [web.get("/calendar/{token}.ics", feed)]


def web_app(current: CurrentCriw) -> web.Application:
    """An app with only the bot's own endpoints (long-polling mode and the demo)."""
    app = web.Application()
    app.add_routes(calendar_routes(current))
    return app


async def serve(app: web.Application, listen: str) -> tuple[web.AppRunner, str]:
    """Start serving on "host:port" (port 0: any free one); returns the runner and the address."""
    host, _, port = listen.rpartition(":")
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host or "127.0.0.1", int(port)).start()
    bound_host, bound_port = runner.addresses[0][:2]
    return runner, f"http://{bound_host}:{bound_port}"
