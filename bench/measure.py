"""Small measuring tools the benchmarks share: percentiles, ratios, memory, and the JSON each one prints."""

from __future__ import annotations

import math
import os
import platform
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


def percentile(values: Iterable[float], share: float) -> float | None:
    """The nearest-rank percentile (share 0.95 = p95) of `values`; None when there are none."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


def spread(seconds: Iterable[float]) -> dict[str, float | None]:
    """p50 / p95 / p99 / max of durations, in milliseconds."""
    values = list(seconds)
    return {
        "p50_ms": ms(percentile(values, 0.50)),
        "p95_ms": ms(percentile(values, 0.95)),
        "p99_ms": ms(percentile(values, 0.99)),
        "max_ms": ms(max(values) if values else None),
    }


def ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 2)


def ratio(value: float | None, baseline: float | None) -> float | None:
    """value / baseline, rounded; None when either is missing or the baseline is zero."""
    if value is None or not baseline:
        return None
    return round(value / baseline, 3)


def peak_rss_mb(pid: int | None = None) -> float | None:
    """A process's peak resident memory (VmHWM, Linux), in MB; None where /proc is not available."""
    try:
        with open(f"/proc/{pid or 'self'}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    return {"python": platform.python_version(), "system": platform.platform(terse=True),
            "cpus": os.cpu_count(), "executable": sys.executable}


class Stopwatch:
    """Seconds since it was made (monotonic)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started


@dataclass
class Target:
    """A goal from issue 13, and whether this run met it (None: not measured in this run)."""

    goal: str
    met: bool | None

    def as_json(self) -> dict[str, Any]:
        return {"goal": self.goal, "met": self.met}


@dataclass
class Result:
    """One benchmark's line of output."""

    name: str
    parameters: dict[str, Any]
    results: dict[str, Any] = field(default_factory=dict)
    baseline: dict[str, Any] | None = None
    ratios: dict[str, float | None] = field(default_factory=dict)
    targets: dict[str, Target] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        line: dict[str, Any] = {"name": self.name, "parameters": self.parameters, "results": self.results}
        if self.baseline is not None:
            line["baseline"] = self.baseline
        if self.ratios:
            line["ratios"] = self.ratios
        if self.targets:
            line["targets"] = {name: target.as_json() for name, target in self.targets.items()}
        if self.notes:
            line["notes"] = self.notes
        return line


def below(value: float | None, limit: float) -> bool | None:
    return None if value is None else value < limit


def at_least(value: float | None, limit: float) -> bool | None:
    return None if value is None else value >= limit


class StatementCounter:
    """Counts the SQL statements an engine sends while it is attached (round trips are what a busy bot
    spends its time on: see docs/PERFORMANCE.md)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.count = 0
        self._engine = engine.sync_engine
        event.listen(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, *_: object) -> None:
        self.count += 1

    def stop(self) -> int:
        event.remove(self._engine, "before_cursor_execute", self._seen)
        return self.count
