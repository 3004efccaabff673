"""A compact, versioned callback codec: "1|lang|cy" and friends, at most 64 bytes.

The payload only says what was pressed; it grants nothing. Handlers re-check who pressed it and
whether the thing still exists before acting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VERSION = "1"
SEPARATOR = "|"
MAX_BYTES = 64
ID_LIMIT = 2**63  # every id fits a signed 64-bit database column; a forged bigger number is no id at all
_FIELD = re.compile(r"^[A-Za-z0-9_.:-]{1,62}$")
_TOO_LONG_NUMBER = re.compile(r"\d{19}")


class PayloadTooLong(ValueError):
    """The encoded payload would not fit Telegram's 64-byte callback_data."""


@dataclass(frozen=True)
class Callback:
    prefix: str
    args: tuple[str, ...]

    def int_arg(self, index: int) -> int | None:
        """The argument at index as an int, or None when missing, not a number, or too big to be an id."""
        try:
            value = int(self.args[index])
        except (IndexError, ValueError):
            return None
        return value if -ID_LIMIT < value < ID_LIMIT else None


def encode(prefix: str, *args: object) -> str:
    fields = [prefix, *map(str, args)]
    for value in fields:
        if not _FIELD.match(value):
            raise ValueError(f"callback field {value!r} holds characters outside [A-Za-z0-9_.:-]")
    payload = SEPARATOR.join([VERSION, *fields])
    if len(payload.encode()) > MAX_BYTES:
        raise PayloadTooLong(payload)
    return payload


def decode(payload: str | None) -> Callback | None:
    """Read a payload; None for anything we did not make (old version, junk, forged shapes)."""
    if not payload or len(payload.encode()) > MAX_BYTES:
        return None
    version, *fields = payload.split(SEPARATOR)
    if version != VERSION or not fields or not all(_FIELD.match(value) for value in fields):
        return None
    if any(_TOO_LONG_NUMBER.search(value) for value in fields):
        return None  # no id we make is that long: a number the database couldn't even hold is forged
    return Callback(fields[0], tuple(fields[1:]))
