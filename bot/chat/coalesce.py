"""Coalesce refreshes of a live post (a vote tally) so a burst of presses makes few edits.

A group may receive about 20 messages a minute, edits included; a refresh runs at once if the last one
was long enough ago, otherwise one trailing refresh is scheduled, which renders the latest state.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)
Job = Callable[[], Awaitable[None]]


@dataclass
class _Key:
    last: float = float("-inf")
    trailing: asyncio.Task[None] | None = None


@dataclass
class Coalescer:
    interval: float = 3.5
    now: Callable[[], float] = time.monotonic
    _keys: dict[Hashable, _Key] = field(default_factory=dict)

    async def request(self, key: Hashable, job: Job) -> None:
        """Refresh now if allowed, else make sure exactly one refresh follows when it is."""
        state = self._keys.setdefault(key, _Key())
        if state.trailing is not None and not state.trailing.done():
            return  # the trailing refresh will show this change too
        wait = state.last + self.interval - self.now()
        if wait <= 0:
            state.last = self.now()
            await self._run(job)
            return
        state.trailing = asyncio.create_task(self._later(state, wait, job), name=f"coalesced-{key}")

    async def _later(self, state: _Key, wait: float, job: Job) -> None:
        await asyncio.sleep(wait)
        state.last = self.now()
        state.trailing = None
        await self._run(job)

    @staticmethod
    async def _run(job: Job) -> None:
        try:
            await job()
        except Exception:  # a failed refresh must not break the vote that asked for it
            log.exception("coalesced refresh failed")

    async def flush(self) -> None:
        """Wait for every scheduled refresh (tests, shutdown)."""
        tasks = [state.trailing for state in self._keys.values() if state.trailing is not None]
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
