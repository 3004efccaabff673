"""What Telegram sends, checked before a library reads it (both transports use this).

An update the library cannot read (a field a newer Bot API made required, one Telegram left out) is skipped
with one line naming its update_id and why, and confirmed like any other: Telegram would otherwise send it
again for ever, and every restart would meet it again. The line never holds the update itself, which
carries people's names and words. A webhook body that is not one update is refused (400) the same way.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from pydantic import ValidationError

log = logging.getLogger(__name__)
U = TypeVar("U")
_MISSING_ARGUMENT = re.compile(r"missing \d+ required (keyword-only |positional )?arguments?: [\w', ]+$")


class NotAnUpdate(ValueError):
    """A webhook body that is not a JSON object with a numeric update_id; the reason holds no content."""


def update_from_body(body: bytes) -> dict[str, Any]:
    """The update a webhook POST carries, or NotAnUpdate saying (without quoting it) what is wrong."""
    try:
        value = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise NotAnUpdate("not UTF-8") from None
    except RecursionError:
        raise NotAnUpdate("nested too deeply") from None
    except ValueError:
        raise NotAnUpdate("not JSON") from None
    if not isinstance(value, dict):
        raise NotAnUpdate(f"JSON {type(value).__name__}, not an object")
    if type(value.get("update_id")) is not int:
        raise NotAnUpdate("no numeric update_id")
    return value


def readable(batch: Sequence[object], parse: Callable[[dict[str, Any]], U]) -> list[U]:
    """The updates of a getUpdates answer the library can read, each skipped one logged."""
    updates = []
    for raw in batch:
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        try:
            if not isinstance(raw, dict):
                raise TypeError("not an object")
            updates.append(parse(raw))
        except Exception as error:  # whatever a library raises: one update must not stop the rest
            skipped(update_id, error)
    return updates


def last_id(batch: Sequence[object]) -> int | None:
    """The highest update_id in a getUpdates answer, read or not: confirming it confirms them all."""
    ids = [raw["update_id"] for raw in batch if isinstance(raw, dict) and type(raw.get("update_id")) is int]
    return max(ids) if ids else None


def skipped(update_id: object, error: BaseException) -> None:
    log.warning("update %s skipped: the library cannot read it (%s)", update_id, why(error))


def why(error: BaseException) -> str:
    """What was wrong with an update, naming fields but never quoting their values."""
    if isinstance(error, ValidationError):  # aiogram (pydantic): where and what, without the input
        problems = error.errors(include_url=False, include_context=False, include_input=False)
        return "; ".join(f"{'.'.join(str(part) for part in problem['loc'])}: {problem['type']}"
                         for problem in problems[:3])
    message = str(error)
    if _MISSING_ARGUMENT.search(message):  # PTB: "User.__init__() missing 1 required ... argument: 'is_bot'"
        return message
    return type(error).__name__
