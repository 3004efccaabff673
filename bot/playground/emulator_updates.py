"""The bot's update queue: long polling, confirmation by offset, webhook hand-off and "settled" checks.

Updates stay queued until the bot confirms them (a later getUpdates with a greater offset, or a
2xx answer to the webhook POST), exactly like Telegram. That gives ``settle`` a precise meaning:
Criw's transports only ask for the next batch after handling the whole of the previous one
(bot/transports/lanes.py), so "a getUpdates is parked, nothing is unconfirmed, no other call is in flight"
means every update has been fully handled.
"""

from __future__ import annotations

import asyncio
import copy
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .emulator_objects import describe_update, update_type
from .emulator_wire import ApiError

Obj = dict[str, Any]

FIRST_UPDATE_ID = 10_000_001
#: Telegram leaves these out unless allowed_updates asks for them explicitly.
NOT_SENT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
# Telegram's exact wording (clients may match on it), split only to fit the line length.
WEBHOOK_CONFLICT = "Conflict: can't use getUpdates method while webhook is active; " + (
    "use deleteWebhook to delete the webhook first"
)
POLL_CONFLICT = "Conflict: terminated by other getUpdates request; " + (
    "make sure that only one bot instance is running"
)


class Changes:
    """Wakes every waiter whenever the emulator's state changes; lets waiting avoid sleep loops."""

    def __init__(self) -> None:
        self._event = asyncio.Event()
        self.count = 0  # how many changes so far: lets observers skip work when nothing happened

    def notify(self) -> None:
        """Wake current waiters (callable from synchronous code on the loop's thread)."""
        self.count += 1
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, predicate: Callable[[], bool]) -> None:
        """Return once ``predicate()`` is true, re-checking after every change."""
        while not predicate():
            await self._event.wait()


@dataclass
class Webhook:
    """The webhook Telegram would call, and what getWebhookInfo reports about it."""

    url: str
    secret_token: str | None = None
    max_connections: int = 40
    ip_address: str | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


@dataclass
class _Entry:
    update: Obj
    sticky: bool = False  # a re-delivery: survives confirmation until it has been handed out again
    delivered: bool = False
    in_flight: bool = False  # being POSTed to the webhook right now


class UpdateQueue:
    """Unconfirmed updates plus the bookkeeping that tells when the bot is idle."""

    def __init__(self, changes: Changes, first_update_id: int = FIRST_UPDATE_ID) -> None:
        self._changes = changes
        self._next_id = first_update_id
        self._pending: list[_Entry] = []
        self.history: list[Obj] = []  # every update ever enqueued, re-deliveries included
        self.allowed_updates: list[str] | None = None
        self.webhook: Webhook | None = None
        self.busy: Counter[str] = Counter()  # calls in flight by method, parked polls included
        self.parked_polls = 0
        self.closing = False
        self._poll_generation = 0

    # -- enqueueing ---------------------------------------------------------------------------

    def push(self, kind: str, payload: Obj) -> Obj:
        """Enqueue a new update of ``kind`` with the next update_id; returns the update."""
        update = {"update_id": self._next_id, kind: payload}
        self._next_id += 1
        self._add(_Entry(update))
        return copy.deepcopy(update)

    def redeliver(self, update: Obj) -> Obj:
        """Enqueue the very same update (same update_id) again, as Telegram does after a lost ack."""
        self._add(_Entry(copy.deepcopy(update), sticky=True))
        return copy.deepcopy(update)

    def _add(self, entry: _Entry) -> None:
        self.history.append(copy.deepcopy(entry.update))
        if self.is_allowed(update_type(entry.update)):  # Telegram never stores filtered-out kinds
            self._pending.append(entry)
        self._changes.notify()

    def is_allowed(self, kind: str) -> bool:
        if not self.allowed_updates:
            return kind not in NOT_SENT_BY_DEFAULT
        return kind in self.allowed_updates

    @property
    def pending(self) -> list[Obj]:
        """Unconfirmed updates in delivery order (copies)."""
        return [copy.deepcopy(e.update) for e in self._ordered()]

    def _ordered(self) -> list[_Entry]:
        # Delivered in update_id order, as Telegram does: clients set offset from the last one.
        return sorted(self._pending, key=lambda e: e.update["update_id"])

    def drop_pending(self) -> None:
        self._pending.clear()
        self._changes.notify()

    # -- calls in flight ----------------------------------------------------------------------

    def call_started(self, method: str) -> None:
        self.busy[method] += 1
        self._changes.notify()

    def call_finished(self, method: str) -> None:
        self.busy[method] -= 1
        if self.busy[method] <= 0:
            del self.busy[method]
        self._changes.notify()

    def _idle(self) -> bool:
        return self.busy.total() == self.parked_polls

    # -- long polling -------------------------------------------------------------------------

    async def get_updates(
        self, offset: int, limit: int, wait_seconds: float, allowed_updates: list[str] | None
    ) -> list[Obj]:
        """getUpdates: confirm everything before ``offset``, then answer, waiting up to ``wait_seconds``."""
        self._refuse_while_webhook()
        self._poll_generation += 1  # a newer poll ends an older parked one with 409, like Telegram
        generation = self._poll_generation
        if allowed_updates is not None:
            self.allowed_updates = list(allowed_updates)
        self._confirm(offset)
        self._changes.notify()
        if not self._pending and wait_seconds > 0 and not self.closing:
            await self._park(generation, wait_seconds)
        entries = self._ordered()[:limit]
        for entry in entries:
            entry.delivered = True
        return [copy.deepcopy(e.update) for e in entries]

    def _confirm(self, offset: int) -> None:
        if offset > 0:
            self._pending = [
                e for e in self._pending if e.update["update_id"] >= offset or (e.sticky and not e.delivered)
            ]
        elif offset < 0:  # a negative offset keeps only the last -offset updates
            self._pending = self._ordered()[offset:]

    async def _park(self, generation: int, wait_seconds: float) -> None:
        def woken() -> bool:
            superseded = self._poll_generation != generation
            return bool(self._pending) or self.closing or self.webhook is not None or superseded

        self.parked_polls += 1
        self._changes.notify()
        try:
            async with asyncio.timeout(wait_seconds):
                await self._changes.wait_until(woken)
        except TimeoutError:
            pass
        finally:
            self.parked_polls -= 1
            self._changes.notify()
        if self._poll_generation != generation:
            raise ApiError(409, POLL_CONFLICT)
        self._refuse_while_webhook()

    def _refuse_while_webhook(self) -> None:
        if self.webhook is not None:
            raise ApiError(409, WEBHOOK_CONFLICT)

    # -- webhook ------------------------------------------------------------------------------

    def set_webhook(self, webhook: Webhook | None, *, drop_pending: bool) -> None:
        if drop_pending:
            self._pending.clear()
        self.webhook = webhook
        self._changes.notify()

    def webhook_info(self) -> Obj:
        hook = self.webhook or Webhook(url="")
        info: Obj = {
            "url": hook.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }
        if self.webhook is not None:
            info["max_connections"] = hook.max_connections
            if self.allowed_updates:
                info["allowed_updates"] = list(self.allowed_updates)
        for key in ("ip_address", "last_error_date", "last_error_message"):
            if getattr(hook, key) is not None:
                info[key] = getattr(hook, key)
        return info

    async def next_for_webhook(self) -> tuple[Obj, Webhook]:
        """Wait for the first unconfirmed update not already on its way while a webhook is set; it stays
        queued until done (or released)."""
        await self._changes.wait_until(
            lambda: self.webhook is not None and any(not entry.in_flight for entry in self._pending)
        )
        assert self.webhook is not None
        entry = next(entry for entry in self._ordered() if not entry.in_flight)
        entry.delivered = entry.in_flight = True
        return entry.update, self.webhook

    def webhook_released(self, update: Obj) -> None:
        """An update whose delivery stopped part-way (the webhook went away) may be handed out again."""
        for entry in self._pending:
            if entry.update is update:
                entry.in_flight = False
        self._changes.notify()

    def webhook_done(self, update: Obj) -> None:
        """Confirm one update after the webhook answered (or after giving up on it)."""
        for index, entry in enumerate(self._pending):
            if entry.update is update:
                del self._pending[index]
                break
        self._changes.notify()

    # -- settling -----------------------------------------------------------------------------

    def settled(self) -> bool:
        """True when every enqueued update has been handled and the bot is idle."""
        if self._pending or not self._idle():
            return False
        return self.webhook is not None or self.parked_polls > 0

    def unsettled_reason(self) -> str:
        reasons = []
        if self._pending:
            listed = "; ".join(describe_update(e.update) for e in self._ordered()[:10])
            more = f" (+{len(self._pending) - 10} more)" if len(self._pending) > 10 else ""
            reasons.append(f"unconsumed updates: {listed}{more}")
        if self.webhook is not None:
            reasons.append(f"webhook {self.webhook.url} (last error: {self.webhook.last_error_message})")
        elif not self.parked_polls:
            reasons.append("no getUpdates request is waiting: is the bot polling, a batch finished before the next?")
        in_flight = self.busy.copy()
        in_flight["getUpdates"] -= self.parked_polls
        busy = {method: count for method, count in in_flight.items() if count > 0}
        if busy:
            reasons.append(f"bot calls still in flight: {busy}")
        return "; ".join(reasons) or "state changed while reporting"
