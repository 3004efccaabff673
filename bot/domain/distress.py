"""Does a message read as someone having a hard time? Words only, never a diagnosis.

The phrases come from the catalogs (one a line, so translators review them) and are matched as whole
words in any language the person might write in: people in Wales switch between Welsh and English.
A match only changes how Criw answers (kindly, with helplines and a way to a coordinator); nothing is
stored and nobody is told.
"""

from __future__ import annotations

from collections.abc import Iterable

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})


def words_of(text: str) -> str:
    """Lower case, curly apostrophes made straight, everything but letters, digits and apostrophes a space."""
    plain = text.casefold().translate(_APOSTROPHES)
    return " ".join("".join(ch if ch.isalnum() or ch == "'" else " " for ch in plain).split())


def phrases_in(catalog_entry: str) -> list[str]:
    """The phrases of a catalog entry: one a line, blank lines and surrounding spaces ignored."""
    return [phrase for line in catalog_entry.splitlines() if (phrase := words_of(line))]


def reads_as_distress(text: str, phrases: Iterable[str]) -> bool:
    """True when any phrase appears in the text as whole words ("low" is not in "follow")."""
    padded = f" {words_of(text)} "
    return any(f" {phrase} " in padded for phrase in phrases)
