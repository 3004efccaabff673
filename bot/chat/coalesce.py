"""Coalesce refreshes of a live post (a vote tally) so a burst of presses makes few edits.

A group may receive about 20 messages a minute, edits included. A refresh runs at once if the post's
last edit was long enough ago, otherwise one trailing refresh is scheduled, which renders the latest
state. Telegram also allows about one message a second per chat, edits included: given the chat, edits of
all its posts keep `chat_interval` apart too, so a group with many live posts (twenty open votes in a vote
storm) gets its edits one after another instead of a 429 that would stall the update being handled.

"When was this post (or chat) last edited" is an `EditSlots` record: in the database when several workers
share the posts (bot/store/edit_slots.py), so their edits together keep to one per interval; in memory
for a lone process and the unit tests. Only the timer of a trailing refresh lives in this process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass, field
from typing import Protocol

log = logging.getLogger(__name__)
Job = Callable[[], Awaitable[None]]


@dataclass(frozen=True)
class Slot:
    """A post's edit record after trying to take the next edit."""

    taken: bool  # the caller may edit now
    edited_at: float  # when the latest edit was taken (seconds since the epoch), by anyone
    version: int  # how many edits have been taken so far


class EditSlots(Protocol):
    async def take(self, key: str, now: float, interval: float) -> Slot:
        """Take the next edit of `key` if the last was at least `interval` seconds before `now`."""
        ...


@dataclass
class LocalSlots:
    """Edit records in this process's memory: right for one process only."""

    _slots: dict[str, tuple[float, int]] = field(default_factory=dict)

    async def take(self, key: str, now: float, interval: float) -> Slot:
        edited_at, version = self._slots.get(key, (float("-inf"), 0))
        if edited_at > now - interval:
            return Slot(False, edited_at, version)
        self._slots[key] = (now, version + 1)
        return Slot(True, now, version + 1)


@dataclass
class Coalescer:
    interval: float = 3.5
    slots: EditSlots = field(default_factory=LocalSlots)
    now: Callable[[], float] = time.time  # wall-clock time: workers on several machines compare it
    # Least time between edits of any two posts in one chat: Telegram's 1 s, with room left for replies;
    # never more than `interval`, so a coalescer that doesn't wait (0: the demo tour) doesn't wait here either.
    chat_interval: float = 1.5
    _trailing: dict[Hashable, asyncio.Task[None]] = field(default_factory=dict)
    _tasks: set[asyncio.Task[None]] = field(default_factory=set)  # trailing refreshes, waiting or running
    _queues: dict[int, asyncio.Lock] = field(default_factory=dict)  # refreshes waiting for their chat's turn

    def __post_init__(self) -> None:
        self.chat_interval = min(self.chat_interval, self.interval)

    async def request(self, key: Hashable, job: Job, chat: int | None = None) -> None:
        """Refresh now if allowed, else make sure one refresh follows when it is. Given the `chat` the post
        is in, the refresh also waits for the chat's turn (never inside the update being handled)."""
        pending = self._trailing.get(key)
        if pending is not None and not pending.done():
            return  # the trailing refresh will show this change too
        slot = await self._take(key, self.interval)
        if slot.taken and (chat is None or await self._chat_free(chat)):
            await self._run(job, chat)
            return
        pending = self._trailing.get(key)
        if not slot.taken and pending is not None and not pending.done():
            return  # another update scheduled the refresh while we asked; it renders after this change
        task = asyncio.create_task(self._later(key, slot, job, chat), name=f"coalesced-{key}")
        self._trailing[key] = task
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)  # a long-running worker must not keep every one

    async def _later(self, key: Hashable, seen: Slot, job: Job, chat: int | None) -> None:
        """Wait for the slot; an edit taken by anyone after `seen` renders our change, so it is enough.
        Then wait for the chat's turn."""
        slot = seen
        while not slot.taken and slot.version == seen.version:
            await asyncio.sleep(max(slot.edited_at + self.interval - self.now(), 0.0))
            slot = await self._take(key, self.interval)
        if slot.taken and chat is not None:
            await self._chat_turn(chat)
        if self._trailing.get(key) is asyncio.current_task():
            del self._trailing[key]
        if slot.taken:
            await self._run(job, chat)

    async def _chat_free(self, chat: int) -> bool:
        """Take the chat's turn now if nobody is waiting for it and its last edit was long enough ago."""
        queue = self._queues.get(chat)
        return (queue is None or not queue.locked()) and (await self._take(("chat", chat), self.chat_interval)).taken

    async def _chat_turn(self, chat: int) -> None:
        """Wait, first come first served, until the chat's last edit (by any worker) was long enough ago."""
        async with self._queues.setdefault(chat, asyncio.Lock()):
            turn = await self._take(("chat", chat), self.chat_interval)
            while not turn.taken:  # the record may be another worker's: nothing in this process could signal
                await asyncio.sleep(max(turn.edited_at + self.chat_interval - self.now(), 0.01))
                turn = await self._take(("chat", chat), self.chat_interval)

    async def _take(self, key: Hashable, interval: float) -> Slot:
        name = ":".join(str(part) for part in key) if isinstance(key, tuple) else str(key)
        try:
            return await self.slots.take(name, self.now(), interval)
        except Exception:  # without the record, edit anyway: a stale tally is worse than one extra edit
            log.exception("could not read the edit record of %s", name)
            return Slot(True, self.now(), 0)

    async def _run(self, job: Job, chat: int | None = None) -> None:
        try:
            await job()
        except Exception:  # a failed refresh must not break the vote that asked for it
            log.exception("coalesced refresh failed")
        if chat is not None:  # the chat's next turn counts from now, when this edit has gone, however long
            await self._take(("chat", chat), 0.0)  # reading the post took: so edits stay apart at Telegram

    async def flush(self) -> None:
        """Wait for every trailing refresh, including one already running its edit (tests, shutdown)."""
        while self._tasks:
            task = next(iter(self._tasks))
            with contextlib.suppress(asyncio.CancelledError):
                await task
            self._tasks.discard(task)
