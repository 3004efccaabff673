"""Outbound sending shared by every transport: wait out Telegram's 429s and try the same send again.

Neither aiogram nor python-telegram-bot retries by itself. Each transport maps its own exception to
RateLimited; this loop does the waiting.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_ATTEMPTS = 5
LONGEST_WAIT = 60.0


SERVER_WAITS = (0.5, 1.5)  # seconds before trying again while Telegram answers 5xx or can't be reached


class RateLimited(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after}s")
        self.retry_after = retry_after


class TelegramDown(Exception):
    """Telegram answered with a server error (5xx), couldn't be reached, or the answer was lost.

    A call that `maybe_done` (timed out, or the connection dropped after it was sent) may have been carried
    out all the same, so it is not repeated: a message could arrive twice. The others are tried again."""

    def __init__(self, reason: str, *, maybe_done: bool = False) -> None:
        super().__init__(reason)
        self.maybe_done = maybe_done


async def with_retry_after(
    call: Callable[[], Awaitable[T]],
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run `call`, waiting as long as Telegram asks after each 429, and a little after a 5xx, a few times."""
    troubles = 0
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return await call()
        except RateLimited as limited:
            if attempt == MAX_ATTEMPTS:
                raise
            wait = min(max(limited.retry_after, 0.0), LONGEST_WAIT)
            log.warning("Telegram asked us to wait %.1fs (attempt %d)", wait, attempt)
            await sleep(wait)
        except TelegramDown as down:
            if down.maybe_done or troubles == len(SERVER_WAITS) or attempt == MAX_ATTEMPTS:
                raise
            wait, troubles = SERVER_WAITS[troubles], troubles + 1
            log.warning("Telegram is unavailable (%s); trying again in %.1fs", down, wait)
            await sleep(wait)
    raise AssertionError("unreachable")
