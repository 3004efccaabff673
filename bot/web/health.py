"""GET /healthz: may this process take traffic? Yes when the database answers and its schema is at head.

A load balancer or Docker's HEALTHCHECK asks every role (worker, scheduler, all). The answer names the
problem in a word or two and never the database's address or password.
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.store.migrate import revisions

log = logging.getLogger(__name__)
HEALTH_PATH = "/healthz"
CHECK_SECONDS = 5.0  # a database that does not answer within this is as good as down


async def check(engine: AsyncEngine) -> tuple[bool, dict[str, str]]:
    """(healthy, what was found): the database reachable, and migrations neither missing nor ahead."""
    try:
        async with asyncio.timeout(CHECK_SECONDS):
            current, heads = await revisions(engine)
    except Exception as error:  # any failure to read the schema version means "not reachable"
        log.warning("health check: database unreachable (%s)", type(error).__name__)
        return False, {"status": "unhealthy", "database": "unreachable", "error": type(error).__name__}
    found = {"database": "reachable", "revision": ",".join(sorted(current)) or "none",
             "head": ",".join(sorted(heads))}
    if current != heads:
        return False, {"status": "unhealthy", "migrations": "not at head: run criw db upgrade", **found}
    return True, {"status": "ok", "migrations": "current", **found}


def add_health(app: web.Application, engine: AsyncEngine) -> None:
    """Serve GET /healthz on `app`: 200 with the details when healthy, 503 otherwise."""

    async def healthz(_request: web.Request) -> web.Response:
        healthy, details = await check(engine)
        return web.json_response(details, status=200 if healthy else 503)

    app.router.add_get(HEALTH_PATH, healthz)
