"""What the runner needs from a transport, on top of the Platform port the core uses.

A transport turns its messenger's updates into Events for `Dispatcher.handle(event, platform)` and
carries out Actions (the Platform port, bot/chat/platform.py). This adds the lifecycle `bot.runner`,
`criw demo` and the tests drive. Register an implementation in `bot.bootstrap.make_transport`.
"""

from __future__ import annotations

from typing import Protocol

from aiohttp import web

from bot.chat.actions import Action, Sent
from bot.chat.platform import Platform


class Transport(Platform, Protocol):
    async def perform_once(self, action: Action) -> Sent | None:
        """Like perform(), but a single attempt: a 429 raises RateLimited instead of being waited out
        (the rate-limited sender paces its own retries, counting each one against the limits)."""
        ...

    async def prepare(self) -> None:
        """Learn the bot's own username and publish its command menus and descriptions (cy, en, default)."""
        ...

    async def run_polling(self) -> None:
        """Fetch and handle updates until stop(); each batch is handled before the next is fetched."""
        ...

    async def stop(self) -> None:
        """End polling, if running, and release connections. Safe to call more than once."""
        ...

    def webhook_app(self, secret: str, path: str = "/telegram") -> web.Application:
        """An aiohttp app taking webhook POSTs on `path` (bot/transports/webhook.py): refuse a wrong secret
        header (401) and a body that is not one update (400), skip one the library cannot read (200), else
        handle the update, then answer 200."""
        ...

    async def set_webhook(self, url: str, secret: str) -> None:
        """prepare(), then ask the messenger to POST updates to `url` with `secret`."""
        ...
