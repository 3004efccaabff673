"""Telegram's flood limits as sliding windows: how long to wait before the next message may go.

Per chat about 1 message a second, per group 20 a minute, for the whole bot about 30 a second.
Pure arithmetic over the send times already used, so it can be tested without a clock.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limit:
    count: int
    per_seconds: float


GLOBAL = Limit(30, 1.0)
PER_CHAT = Limit(1, 1.0)
PER_GROUP = Limit(20, 60.0)


@dataclass
class Window:
    """The send times inside one limit's window, oldest first."""

    limit: Limit
    sent: deque[float] = field(default_factory=deque)

    def wait(self, now: float) -> float:
        """Seconds until one more send fits (0 if it fits now)."""
        while self.sent and self.sent[0] <= now - self.limit.per_seconds:
            self.sent.popleft()
        if len(self.sent) < self.limit.count:
            return 0.0
        return self.sent[0] + self.limit.per_seconds - now

    def record(self, now: float) -> None:
        self.sent.append(now)
