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


class RateLimited(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after}s")
        self.retry_after = retry_after


async def with_retry_after(
    call: Callable[[], Awaitable[T]],
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """Run `call`, waiting as long as Telegram asks after each 429, a few times at most."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return await call()
        except RateLimited as limited:
            if attempt == MAX_ATTEMPTS:
                raise
            wait = min(max(limited.retry_after, 0.0), LONGEST_WAIT)
            log.warning("Telegram asked us to wait %.1fs (attempt %d)", wait, attempt)
            await sleep(wait)
    raise AssertionError("unreachable")
