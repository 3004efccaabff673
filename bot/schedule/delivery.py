"""Delivery: send every due reminder and outbox row at most once, in order, under Telegram's limits.

Each row is claimed (pending → sending, its attempt counted) before Telegram is called, carried out by
the handler for its kind, and marked sent only after Telegram accepted the message (a live post's
message id is recorded then, through `Send.on_sent`). The rule for "unknown":
- Telegram failed without doing it (5xx, 429, no connection): try again later, with backoff.
- Telegram may have done it but never said (a timeout, a connection lost after sending): the row is
  marked `unknown` and never sent again, so a slow Telegram can't deliver a reminder twice. A live post
  (`Send.live`: a proposal's or meet-up's post, whose message id later edits need) is the exception: it
  is posted again, since an invisible or uneditable post is worse than one extra copy.
- The process killed mid-send leaves the one in-flight row "sending"; `recover()` at start-up puts it
  back, so at most that one is sent twice and nothing is lost.
Group posts and announcements are outbox rows of their own kinds (`bot/services/outbox.py`), planned in
the transaction that causes them; the handler in front of the person calls `deliver_now`, and whatever
that could not send the scheduler sends later.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.chat.actions import ChatMoved, SendMessage, Sent, Undeliverable
from bot.chat.outbound import Outbound
from bot.domain.clock import Clock
from bot.domain.reminders import ReminderState
from bot.services import groups, meetup_reminders, people, reminders
from bot.transports.sender import RateLimited, TelegramDown

if TYPE_CHECKING:
    from bot.store.reminders import Reminder
    from bot.store.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Send:
    """The reminder's message, rendered now in its recipient's language."""

    message: SendMessage
    on_sent: Callable[[Sent], Awaitable[None]] | None = None  # e.g. record a post's message id
    live: bool = False  # a post later edited in place: posted again when Telegram's answer was lost


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
        async with self.context.uow() as uow:
            await reminders.release_stale(uow, self.context.clock)
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
            if await self._deliver(reminder) is None:
                skip.add(reminder.id)
            done += 1

    async def deliver_now(self, key: str) -> ReminderState | None:
        """Send one outbox row now (the person who caused it is waiting); how it ended, or None if it is
        still to be sent (Telegram is down: the scheduler tries again) or someone else has it."""
        async with self.context.uow() as uow:
            reminder = await reminders.claim(uow, self.context.clock, key)
        return await self._deliver(reminder) if reminder is not None else None

    async def _claim(self, skip: set[int]) -> Reminder | None:
        async with self.context.uow() as uow:
            return await reminders.claim_next(uow, self.context.clock, skip)

    @staticmethod
    def _ready(held: list[tuple[float, int, Reminder]]) -> Reminder | None:
        """The held reminder whose chat should be free by now, if any."""
        if held and held[0][0] <= time.monotonic():
            return heapq.heappop(held)[2]
        return None

    async def _deliver(self, reminder: Reminder) -> ReminderState | None:
        """Carry out one claimed reminder; its final state, or None if it went back in the queue."""
        context = self.context
        assert reminder.id is not None
        handler = self.kinds.get(reminder.kind)
        handled: Done | None
        try:
            work = await handler(reminder, context) if handler else Done(ReminderState.FAILED, "unknown kind")
            handled = await self._send(work) if isinstance(work, Send) else work
        except Undeliverable as closed:
            async with context.uow() as uow:
                await people.set_reachable(uow, closed.chat_id, False)
            handled = Done(ReminderState.CANCELLED, "unreachable")
        except ChatMoved as moved:
            async with context.uow() as uow:
                await groups.move_chat(uow, moved.chat_id, moved.new_chat_id)
            handled = None
        except (RateLimited, TelegramDown, OSError, TimeoutError) as error:
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
        return handled.state if handled is not None else None

    async def _send(self, send: Send) -> Done | None:
        """Send through the platform (rate-limited in the scheduler); unreachable people and moved groups
        raise. Telegram's answer lost: `unknown`, never sent again, unless it is a live post (None: again)."""
        try:
            sent = await self.context.outbound.platform.perform(send.message)
        except TelegramDown as down:
            if not down.maybe_done:
                raise
            if send.live:
                log.warning("post to chat %s: Telegram's answer was lost; posting it again", send.message.chat_id)
                return None
            return Done(ReminderState.UNKNOWN, "Telegram's answer was lost: perhaps delivered, not sent again")
        except TimeoutError:
            if send.live:
                return None
            return Done(ReminderState.UNKNOWN, "timed out: perhaps delivered, not sent again")
        if send.on_sent is not None and sent is not None:
            await send.on_sent(sent)
        return Done()


async def send_now(outbound: Outbound, kinds: dict[str, KindHandler], keys: Iterable[str]) -> bool:
    """Send these outbox rows at once, for the person waiting; True if Telegram took every one (the rest
    wait for the scheduler)."""
    delivery = Delivery(DeliveryContext(outbound.uow, outbound.clock, outbound), kinds)
    states = [await delivery.deliver_now(key) for key in keys]
    return all(state is ReminderState.SENT for state in states)
