"""The Welsh glossary (locales/cy/glossary.csv) and the check that holds the catalog to it.

Each row names a key term, a pattern for it in the English msgid, the Welsh words a standard entry may use
for it and the words an Easy Read entry (msgctxt "easy") may use, separated by "|". An entry whose msgid has
the term must use one of its words, in any mutated form (pleidlais, bleidlais; cais, gais, chais, nghais;
archebu, harchebu). `bot.i18n.checks` runs it, so `python -m bot.i18n.checks` and the catalog tests refuse a
translation that drifts from the agreed word (ailadrodd for "repeat", a second word for "booking").
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from babel.messages.pofile import read_po

from bot.i18n.catalogs import locales_dir

_SOFT = {"p": "b", "t": "d", "c": "g", "b": "f", "d": "dd", "g": "", "m": "f", "ll": "l", "rh": "r"}
_NASAL = {"p": "mh", "t": "nh", "c": "ngh", "b": "m", "d": "n", "g": "ng"}
_ASPIRATE = {"p": "ph", "t": "th", "c": "ch"}
_VOWELS = "aeiouwyâêîôûŵŷ"


def glossary_path() -> Path:
    return locales_dir() / "cy" / "glossary.csv"


def mutated_forms(word: str) -> set[str]:
    """A Welsh word as it can appear in a sentence: radical, soft, nasal and aspirate forms, and h- before a
    vowel (ei harchebu)."""
    forms = {word}
    lower = word.lower()
    for table in (_SOFT, _NASAL, _ASPIRATE):
        for start in sorted(table, key=len, reverse=True):
            if lower.startswith(start):
                forms.add(table[start] + lower[len(start):])
                break
    if lower[:1] in _VOWELS:
        forms.add("h" + lower)
    return forms


@dataclass(frozen=True)
class Term:
    term: str
    english: re.Pattern[str]
    welsh: re.Pattern[str]
    easy: re.Pattern[str]
    welsh_words: str
    easy_words: str


def _words_pattern(words: str) -> re.Pattern[str]:
    forms = {form for word in words.split("|") if word.strip() for form in mutated_forms(word.strip())}
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + ")", re.IGNORECASE)


def read_glossary(text: str) -> list[Term]:
    rows = csv.DictReader(text.splitlines())
    return [Term(row["term"], re.compile(r"\b(?:" + row["english"] + r")\b", re.IGNORECASE),
                 _words_pattern(row["welsh"]), _words_pattern(row["easy_read_welsh"]), row["welsh"],
                 row["easy_read_welsh"]) for row in rows]


def glossary_problems(po_text: str, terms: list[Term]) -> list[str]:
    """Welsh entries that translate a glossary term with some other word (one line each)."""
    found: list[str] = []
    catalog = read_po(BytesIO(po_text.encode()), locale="cy")
    for message in catalog:
        if not message.id:
            continue
        ident = str(message.id if isinstance(message.id, str) else message.id[0])
        strings = [str(s) for s in (message.string if isinstance(message.string, tuple) else (message.string,)) if s]
        easy = message.context == "easy"
        for term in terms:
            if not term.english.search(ident) or not strings:
                continue
            wanted = term.easy if easy else term.welsh
            if not all(wanted.search(string) for string in strings):
                words = term.easy_words if easy else term.welsh_words
                found.append(f"cy: glossary: {term.term!r} in {ident!r} should be one of {words.split('|')}")
    return found


def project_glossary_problems(po_text: str) -> list[str]:
    return glossary_problems(po_text, read_glossary(glossary_path().read_text("utf-8")))
