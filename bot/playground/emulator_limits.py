"""Injected faults, Telegram's flood limits and the counters that show how the bot behaved."""

from __future__ import annotations

import math
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .emulator_wire import ApiError, Params, ProxyPage

#: Calls that put a message in a chat: the ones Telegram's flood control counts.
SENDING_METHODS = frozenset(
    {
        "sendmessage", "senddocument", "sendphoto", "sendvoice", "sendaudio", "sendvideo",
        "sendanimation", "sendsticker", "sendmediagroup", "sendpoll", "sendlocation", "sendcontact",
        "sendvenue", "senddice", "copymessage", "forwardmessage",
    }
)  # fmt: skip
#: Edits count towards the per-chat and global limits but not the 20 posts/minute of a group.
EDITING_METHODS = frozenset({"editmessagetext", "editmessagereplymarkup", "editmessagecaption"})


@dataclass
class EmulatorStats:
    """How the bot used the API.

    ``violations`` counts calls over Telegram's flood limits whether or not the limits are
    enforced, so a run without enforcement still shows where the real Telegram would push back.
    """

    calls: Counter[str] = field(default_factory=Counter)  # calls per method
    violations: int = 0  # calls that were over a flood limit
    retry_after_sent: int = 0  # 429 answers sent, enforced or injected
    errors: Counter[int] = field(default_factory=Counter)  # error answers by error_code

    def reset(self) -> None:
        self.calls.clear()
        self.errors.clear()
        self.violations = 0
        self.retry_after_sent = 0


@dataclass
class _Fault:
    method: str  # lower-case method name, or "*" for any
    error: ApiError | ProxyPage
    remaining: int
    chat_id: int | str | None


@dataclass
class _Garbled:
    method: str
    result: Any
    remaining: int


@dataclass
class _Delay:
    method: str
    seconds: float
    remaining: int
    carried_out: bool = False  # done at once, only the answer is late: a client that gives up can't tell


class FaultInjector:
    """Errors queued by tests: the next matching calls fail without being executed, or answer slowly."""

    def __init__(self) -> None:
        self._faults: list[_Fault] = []
        self._delays: list[_Delay] = []
        self._garbled: list[_Garbled] = []

    def garble(self, method: str, result: Any, times: int) -> None:
        self._garbled.append(_Garbled(method.lower(), result, times))

    def take_garbled(self, method: str) -> tuple[bool, Any]:
        """(True, what to answer) when this call gets an answer of the wrong shape instead of running."""
        for garbled in self._garbled:
            if garbled.method == method.lower():
                garbled.remaining -= 1
                if garbled.remaining <= 0:
                    self._garbled.remove(garbled)
                return True, garbled.result
        return False, None

    def slow(self, method: str, seconds: float, times: int, *, carried_out: bool = False) -> None:
        self._delays.append(_Delay(method.lower(), seconds, times, carried_out))

    def take_delay(self, method: str) -> tuple[float, bool]:
        """How long to keep this call waiting (0: not at all), and whether it is carried out before the wait."""
        for delay in self._delays:
            if delay.method in ("*", method.lower()):
                delay.remaining -= 1
                if delay.remaining <= 0:
                    self._delays.remove(delay)
                return delay.seconds, delay.carried_out
        return 0.0, False

    def add(
        self,
        method: str,
        *,
        error_code: int,
        description: str | None,
        retry_after: int | None,
        times: int,
        chat_id: int | str | None,
    ) -> None:
        if description is None:
            description = _default_description(error_code, retry_after)
        parameters = {"retry_after": retry_after} if error_code == 429 and retry_after is not None else {}
        error = ApiError(error_code, description, **parameters)
        self._faults.append(_Fault(method.lower(), error, times, chat_id))

    def add_page(self, method: str, *, status: int, times: int) -> None:
        self._faults.append(_Fault(method.lower(), ProxyPage(status), times, None))

    def take(self, method: str, params: Params) -> ApiError | ProxyPage | None:
        """The error to answer this call with, consuming one use of the first matching fault."""
        for fault in self._faults:
            if fault.method not in ("*", method.lower()):
                continue
            if fault.chat_id is not None and str(params.get("chat_id")) != str(fault.chat_id):
                continue
            fault.remaining -= 1
            if fault.remaining <= 0:
                self._faults.remove(fault)
            return fault.error
        return None

    def clear(self) -> None:
        self._faults.clear()
        self._delays.clear()
        self._garbled.clear()

    @property
    def pending(self) -> int:
        return sum(f.remaining for f in self._faults)


def _default_description(error_code: int, retry_after: int | None) -> str:
    if error_code == 429:
        return "Too Many Requests" + (f": retry after {retry_after}" if retry_after is not None else "")
    return {400: "Bad Request", 403: "Forbidden", 409: "Conflict", 502: "Bad Gateway"}.get(
        error_code, f"Error {error_code}"
    )


class RateLimiter:
    """Sliding-window flood limits: whole bot per second, one chat per second, a group per minute."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.enforced = False
        self.global_per_sec = 30
        self.group_per_min = 20
        self.chat_per_sec = 1
        self._windows: dict[str, deque[float]] = {}

    def configure(self, enforced: bool, global_per_sec: int, group_per_min: int, chat_per_sec: int) -> None:
        self.enforced = enforced
        self.global_per_sec, self.group_per_min, self.chat_per_sec = (
            global_per_sec,
            group_per_min,
            chat_per_sec,
        )
        self._windows.clear()

    def check(self, method: str, chat_id: int | None, is_group: bool) -> int | None:
        """Count a call; when over a limit return the retry_after Telegram would give.

        Returns None when the call may go ahead. Over-limit calls are always reported, but only
        refused (and then not counted as sent) when limits are enforced.
        """
        method = method.lower()
        if method not in SENDING_METHODS and method not in EDITING_METHODS:
            return None
        limits = [("global", 1.0, self.global_per_sec)]
        if chat_id is not None:
            limits.append((f"chat:{chat_id}", 1.0, self.chat_per_sec))
            if is_group and method in SENDING_METHODS:
                limits.append((f"group:{chat_id}", 60.0, self.group_per_min))
        now = self.clock()
        waits = [self._wait(key, span, limit, now) for key, span, limit in limits]
        retry_after = max(waits)
        if retry_after and self.enforced:
            return retry_after
        for key, _, _ in limits:
            self._windows.setdefault(key, deque()).append(now)
        return retry_after or None

    def _wait(self, key: str, span: float, limit: int, now: float) -> int:
        window = self._windows.setdefault(key, deque())
        while window and window[0] <= now - span:
            window.popleft()
        if len(window) < limit:
            return 0
        return max(1, math.ceil(window[0] + span - now))
