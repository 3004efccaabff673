"""Handling a batch of polled updates side by side, person by person.

A batch from getUpdates is confirmed only when the next batch is asked for, so the whole batch is finished
first: an update in hand at a crash is delivered again (and its claim says whether it changed anything).
Within the batch, each person's updates keep their order, because a conversation's steps depend on the one
before; different people's run side by side, because a whole group voting at once should be answered
together, not one press after another. Updates that belong to no one person (the bot added to or removed
from a group, a group moving to a supergroup) are barriers: everything before them is finished, then they
run alone.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import TypeVar

from bot.chat.events import Event, EventKind

log = logging.getLogger(__name__)
Item = TypeVar("Item")

#: People handled at once: under the database pool's size (a handler may hold two connections at a time),
#: and enough to overlap one person's database round trips with another's.
LANES = 6


async def in_lanes(items: Sequence[Item], lane_of: Callable[[Item], Hashable | None],
                   run: Callable[[Item], Awaitable[object]], limit: int = LANES) -> None:
    """Run every item: in order within its lane, lanes side by side (at most `limit` at once), and an
    item whose lane is None alone, after everything before it."""
    turns = asyncio.Semaphore(limit)

    async def lane(queue: list[Item]) -> None:
        async with turns:
            for item in queue:
                try:
                    await run(item)
                except Exception:  # one person's failure must not stop the others' updates
                    log.exception("an update failed")

    lanes: dict[Hashable, list[Item]] = {}
    for item in items:
        key = lane_of(item)
        if key is None:
            await asyncio.gather(*(lane(queue) for queue in lanes.values()))
            lanes = {}
            await lane([item])
        else:
            lanes.setdefault(key, []).append(item)
    await asyncio.gather(*(lane(queue) for queue in lanes.values()))


def person_of(event: Event | None) -> int | None:
    """Whose update this is: a message or a button press is its sender's. Anything else (the bot added or
    removed, a group moved, an update Criw does not act on) is the chat's own: None, handled alone."""
    if event is None or event.kind not in (EventKind.MESSAGE, EventKind.CALLBACK) or event.sender is None:
        return None
    return event.sender.telegram_id
