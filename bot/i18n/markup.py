"""Telegram HTML: everything a person typed is escaped; only our own templates carry tags."""

from __future__ import annotations

import html


class Markup(str):
    """Text already safe for Telegram's HTML parse mode (built by us, never by a person)."""

    __slots__ = ()


def escape(value: object) -> Markup:
    """Escape a value for Telegram HTML unless it is already Markup."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=False))


def bold(value: object) -> Markup:
    return Markup(f"<b>{escape(value)}</b>")
