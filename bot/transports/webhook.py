"""The webhook endpoint both transports serve: the secret checked, the body checked to be one update before
a library reads it, the update handled before the answer.

A body that is not an update (not JSON, not an object, no numeric update_id, not UTF-8, nested beyond
reason) is answered 400 with one log line; an update the library cannot read is answered 200 and skipped
(bot/transports/incoming.py), since Telegram would otherwise send it again for ever.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiohttp import web

from bot.chat.failures import TryLater
from bot.transports.incoming import NotAnUpdate, skipped, update_from_body

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
U = TypeVar("U")


def webhook_app(secret: str, path: str, parse: Callable[[dict[str, Any]], U],
                handle: Callable[[U], Awaitable[object]]) -> web.Application:
    """An aiohttp app taking Telegram's POSTs on `path`: `parse` reads an update, `handle` acts on it."""
    expected = secret.encode()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if expected and not hmac.compare_digest(given, expected):
            return web.Response(status=401, text="Unauthorized")
        try:
            raw = update_from_body(await request.read())
        except NotAnUpdate as refused:
            log.warning("webhook body refused: %s", refused)
            return web.Response(status=400, text="Not an update")
        try:
            update = parse(raw)
        except Exception as error:  # whatever the library raises: skip it, or it comes back
            skipped(raw["update_id"], error)
            return web.json_response({})
        try:
            await handle(update)  # handled before answering: a crash leaves it for Telegram to send again
        except TryLater:  # another worker may have died holding it: Telegram must deliver it again
            return web.Response(status=503, text="In hand elsewhere: try again later")
        return web.json_response({})

    app = web.Application()
    app.router.add_post(path, receive)
    return app
