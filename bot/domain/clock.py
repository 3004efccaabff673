"""Time is passed in, never read inside the rules: a Clock the tests can hold still or move."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that only moves when told to (tests, the demo tour)."""

    moment: datetime = field(default_factory=lambda: datetime(2026, 11, 21, 10, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta
