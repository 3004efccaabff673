"""A compact, versioned callback codec: "1|lang|cy" and friends, at most 64 bytes.

The payload only says what was pressed; it grants nothing. Handlers re-check who pressed it and
whether the thing still exists before acting. Each button kind also declares the exact shapes of its
fields (`Shape`: how many, and what each looks like; integers canonical, so "00" or "+2" is no number we
wrote); the router refuses any other payload before a handler could read it leniently.
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


@dataclass(frozen=True)
class Field:
    """What one field of a payload may look like, with an example the tests build payloads from."""

    pattern: str
    example: str

    def matches(self, value: str) -> bool:
        return re.fullmatch(self.pattern, value) is not None


ID = Field(r"0|[1-9][0-9]{0,17}", "7")  # a database id, a count or an index: canonical, no sign
CHAT_ID = Field(r"-?[1-9][0-9]{0,17}", "-1007")  # a Telegram chat id (groups are negative)
WORD = Field(r"[a-z][a-z0-9_]{0,31}", "word")  # a code we wrote: a step, an action, a kind
TOKEN = Field(r"[A-Za-z0-9_.:-]{1,62}", "x")  # a guided flow's value, checked again by its step
YES_NO = Field(r"y|n", "y")
ON_OFF = Field(r"0|1", "1")


def one_of(*values: str) -> Field:
    """A field that is exactly one of these codes."""
    codes = [str(value) for value in values]
    return Field("|".join(re.escape(code) for code in codes), codes[0])


Shape = tuple[Field | str, ...]  # a str is a literal code


def fits(args: tuple[str, ...], shape: Shape) -> bool:
    """The arguments have exactly the shape's fields, each as it must look."""
    if len(args) != len(shape):
        return False
    pairs = zip(args, shape, strict=True)
    return all(value == part if isinstance(part, str) else part.matches(value) for value, part in pairs)


def example(shape: Shape) -> tuple[str, ...]:
    """Arguments that fit the shape (for tests)."""
    return tuple(part if isinstance(part, str) else part.example for part in shape)


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
