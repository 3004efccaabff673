"""The one escaping rule. Telegram HTML is built only as `Markup` (markupsafe): our own templates carry the
tags, and everything else (a name, a title, a place, anything a person typed) enters escaped, because
markupsafe escapes every `str` it is combined with (`%`, `+`, `join`, `format`). Plain-text sinks (pop-ups,
button labels) take `plain(...)`, so they never show `&amp;`.

Build messages with `tr._(..., name=value)`, `bold(value)`, `one_per_line(...)` and `Markup` operators; never with
f-strings or `str.join`, which would either leave a value unescaped or (wrapped in `Markup`) trust it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from markupsafe import Markup, escape

__all__ = ["BLANK", "Markup", "bold", "escape", "one_per_line", "plain"]

BLANK = Markup()  # an empty line between parts


def bold(value: object) -> Markup:
    return Markup("<b>%s</b>") % (value,)


def one_per_line(parts: Iterable[Markup | Literal[""]]) -> Markup:
    """Parts one per line. Typed to take Markup only, so mypy refuses an f-string or a bare value among them
    (escape a value with `escape`, or put it into a template with `tr._`); "" is a blank line."""
    return Markup("\n").join(parts)


def plain(text: str) -> str:
    """Text for a plain-text sink: Markup's escapes turned back into the characters a person reads.
    Tags (there should be none in a label or pop-up) are left as written rather than silently dropped."""
    return str(text.unescape()) if isinstance(text, Markup) else str(text)
