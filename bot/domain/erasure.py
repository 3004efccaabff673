"""Words removed at their author's request (/forgetme): what is stored in their place.

A marker, not a sentence, so each reader is told in their own language at display time
(handlers/removed_words.py). No typed text can be the marker: typed text is cleaned of control
characters (bot/domain/proposals.clean_text), and the marker is one.
"""

from __future__ import annotations

REMOVED = "\x7f"  # ASCII DEL


def was_removed(text: str | None) -> bool:
    return text == REMOVED
