"""How words erased at their author's request read: "removed at the person's request", in the reader's language."""

from __future__ import annotations

from bot.domain.erasure import was_removed
from bot.i18n.translator import Tr


def shown(tr: Tr, text: str) -> str:
    """The author's own words, or a note that they were removed (bot/domain/erasure.py)."""
    if was_removed(text):
        # Translators: stands where someone's words were, after they asked Criw to forget them (/forgetme).
        return tr._("(removed at the person's request)")
    return text
