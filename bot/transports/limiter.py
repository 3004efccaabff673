"""The outbound rate limiter: every message that isn't a direct reply waits its turn under Telegram's
limits (about 30/s for the bot, 1/s per chat, 20/min per group), so Telegram never has to say 429.

One scheduler process does all such sending (see docs/ARCHITECTURE.md), so the budget lives here.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.chat.actions import Action, AnswerCallback, Sent
from bot.domain.rate_limits import GLOBAL, PER_CHAT, PER_GROUP, Limit, Window
from bot.transports.sender import with_retry_after
from bot.transports.transport import Transport

SAFETY = 1.05  # stretch each window a little: our clock and Telegram's see a send at slightly different times


def _stretched(limit: Limit) -> Limit:
    return Limit(limit.count, limit.per_seconds * SAFETY)


@dataclass
class RateLimiter:
    global_limit: Limit = GLOBAL
    per_chat: Limit = PER_CHAT
    per_group: Limit = PER_GROUP
    now: Callable[[], float] = time.monotonic
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    _global: Window = field(init=False)
    _chats: dict[int, Window] = field(default_factory=dict, init=False)
    _groups: dict[int, Window] = field(default_factory=dict, init=False)
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False)

    def __post_init__(self) -> None:
        self._global = Window(_stretched(self.global_limit))

    def _windows(self, chat_id: int) -> list[Window]:
        windows = [self._global, self._chats.setdefault(chat_id, Window(_stretched(self.per_chat)))]
        if chat_id < 0:  # groups and supergroups have negative ids
            windows.append(self._groups.setdefault(chat_id, Window(_stretched(self.per_group))))
        return windows

    def chat_wait(self, chat_id: int) -> float:
        """Seconds until this chat may take one more message under its own (and its group's) limits. The
        bot-wide limit is left out: waiting for that is pacing, not a reason to hold a message back."""
        now = self.now()
        return max(window.wait(now) for window in self._windows(chat_id)[1:])

    async def acquire(self, chat_id: int) -> None:
        """Wait until one more message to this chat fits every limit, then count it."""
        while True:
            async with self._lock:
                windows = self._windows(chat_id)
                now = self.now()
                wait = max(window.wait(now) for window in windows)
                if wait <= 0:
                    for window in windows:
                        window.record(now)
                    return
            await self.sleep(wait)


@dataclass
class LimitedPlatform:
    """A Platform whose sends and edits first wait for the rate limiter (button answers don't count).

    Every attempt, retries after a 429 included, takes its place under the limits."""

    inner: Transport
    limiter: RateLimiter

    @property
    def bot_username(self) -> str:
        return self.inner.bot_username

    async def perform(self, action: Action) -> Sent | None:
        if isinstance(action, AnswerCallback):
            return await self.inner.perform(action)

        async def attempt() -> Sent | None:
            await self.limiter.acquire(action.chat_id)
            return await self.inner.perform_once(action)

        return await with_retry_after(attempt)

    async def member_status(self, chat_id: int, telegram_id: int) -> str:
        return await self.inner.member_status(chat_id, telegram_id)
