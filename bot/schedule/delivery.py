"""Delivery: send every due reminder exactly once, in order, under Telegram's limits.

Each reminder is claimed (pending → sending), carried out by the handler for its kind, and marked sent
only after Telegram accepted the message. A crash leaves at most the one in-flight reminder in
"sending"; `recover()` at start-up puts it back, so it may be sent twice but nothing is lost.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.chat.actions import ChatMoved, SendMessage, Undeliverable
from bot.chat.outbound import Outbound
from bot.domain.clock import Clock
from bot.domain.reminders import ReminderState
from bot.services import groups, meetup_reminders, people, reminders
from bot.transports.sender import RateLimited

if TYPE_CHECKING:
    from bot.store.reminders import Reminder
    from bot.store.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Send:
    """The reminder's message, rendered now in its recipient's language."""

    message: SendMessage


@dataclass(frozen=True)
class Done:
    """Nothing (more) to send: the kind did its work, or the reminder is no longer needed."""

    state: ReminderState = ReminderState.SENT
    reason: str = ""


Handled = Send | Done


@dataclass
class DeliveryContext:
    uow: UnitOfWorkFactory
    clock: Clock
    outbound: Outbound
    # Seconds until a chat may take another message (the rate limiter's chat_wait); none by default.
    chat_wait: Callable[[int], float] = lambda chat_id: 0.0


KindHandler = Callable[["Reminder", DeliveryContext], Awaitable[Handled]]


@dataclass
class Delivery:
    context: DeliveryContext
    kinds: dict[str, KindHandler] = field(default_factory=dict)
    _recovered: bool = field(default=False, init=False)

    async def recover(self) -> int:
        """Put back what a crashed predecessor left mid-send, and make sure every group has its next weekly
        list of meet-ups planned (the first run does this by itself: it is the scheduler's start-up)."""
        self._recovered = True
        async with self.context.uow() as uow:
            count = await reminders.recover(uow)
        await meetup_reminders.ensure_every_digest(self.context.uow, self.context.clock)
        return count

    async def run_once(self) -> int:
        """Send everything that is due now; returns how many reminders were finished.

        A reminder for a chat that must wait (a group whose 20 posts a minute are used up) is held, still
        claimed, while the others go on, and is sent when its chat may take it: one busy group never holds up
        everyone else's reminders."""
        if not self._recovered:
            await self.recover()
        done = 0
        # Reminders put back in the queue to retry later: not again in this run. Only those: a finished one
        # is never pending again, and skipping every id so far made each claim of a big fan-out slower.
        skip: set[int] = set()
        held: list[tuple[float, int, Reminder]] = []  # (when its chat may take it, id, reminder), soonest first
        while True:
            reminder = self._ready(held) or await self._claim(skip)
            if reminder is None:
                if not held:
                    return done
                await asyncio.sleep(max(held[0][0] - time.monotonic(), 0.0))
                continue
            assert reminder.id is not None
            wait = self.context.chat_wait(reminder.chat_id)
            if wait > 0:
                heapq.heappush(held, (time.monotonic() + wait, reminder.id, reminder))
                continue
            if not await self._deliver(reminder):
                skip.add(reminder.id)
            done += 1

    async def _claim(self, skip: set[int]) -> Reminder | None:
        async with self.context.uow() as uow:
            return await reminders.claim_next(uow, self.context.clock, skip)

    @staticmethod
    def _ready(held: list[tuple[float, int, Reminder]]) -> Reminder | None:
        """The held reminder whose chat should be free by now, if any."""
        if held and held[0][0] <= time.monotonic():
            return heapq.heappop(held)[2]
        return None

    async def _deliver(self, reminder: Reminder) -> bool:
        """Carry out one claimed reminder; False if it went back in the queue to be retried later."""
        context = self.context
        assert reminder.id is not None
        handler = self.kinds.get(reminder.kind)
        try:
            handled = await handler(reminder, context) if handler else Done(ReminderState.FAILED, "unknown kind")
            if isinstance(handled, Send):
                await self._send(handled.message)
                handled = Done()
        except Undeliverable as closed:
            async with context.uow() as uow:
                await people.set_reachable(uow, closed.chat_id, False)
            handled = Done(ReminderState.CANCELLED, "unreachable")
        except ChatMoved as moved:
            async with context.uow() as uow:
                await groups.move_chat(uow, moved.chat_id, moved.new_chat_id)
            handled = None
        except (RateLimited, OSError, TimeoutError) as error:
            handled = None
            log.warning("reminder %s: %s", reminder.id, type(error).__name__)
        except Exception:
            log.exception("reminder %s failed", reminder.id)
            handled = None
        async with context.uow() as uow:
            if handled is None:
                await reminders.retry_later(uow, context.clock, reminder, "send failed")
            else:
                await reminders.finish(uow, context.clock, reminder.id, handled.state, handled.reason)
        return handled is not None

    async def _send(self, message: SendMessage) -> None:
        """Send through the rate-limited platform; unreachable people and moved groups raise."""
        await self.context.outbound.platform.perform(message)
