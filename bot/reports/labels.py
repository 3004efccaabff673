"""Words for what people gave, shared by chats, reports and charts (so one category reads the same
everywhere, in both languages)."""

from __future__ import annotations

import html
from datetime import date

from babel.dates import format_date

from bot.domain.contributions import Category
from bot.i18n.translator import Tr


def category_label(tr: Tr, category: str) -> str:
    match category:
        case Category.ORGANISING:
            return tr._("Organising")
        case Category.DRIVING:
            return tr._("Driving")
        case Category.COOKING:
            return tr._("Cooking or making tea")
        case Category.LEADING:
            return tr._("Leading an activity")
        case Category.PEER_SUPPORT:
            return tr._("Peer support")
        case Category.ADMIN:
            return tr._("Admin")
    return tr._("Other")


def day_label(tr: Tr, day: date, *, year: bool = True) -> str:
    """A calendar day, e.g. "5 Rhagfyr 2026" / "5 December 2026"."""
    return format_date(day, "d MMMM yyyy" if year else "d MMMM", locale=tr.language)


def month_label(tr: Tr, year: int, month: int) -> str:
    """A month under a chart's bar, e.g. "Medi 2026" / "Sept 2026"."""
    return format_date(date(year, month, 1), "LLL yyyy", locale=tr.language)


def plain(text: str) -> str:
    """Text for a file or a terminal rather than Telegram: placeholders come back HTML-escaped."""
    return html.unescape(text)
