"""Where to get help now: the helplines an organisation adds to Criw's built-in list (/support).

An organisation sets CRIW_HELPLINES to a JSON list, each line with its name, how to reach it and a short
description in Welsh and in English:
    [{"name": "Our duty worker", "contact": "029 2000 0000",
      "cy": "Yn ystod oriau swyddfa.", "en": "During office hours."}]
"""

from __future__ import annotations

import json
from dataclasses import dataclass

NAME_MAX, CONTACT_MAX, ABOUT_MAX, LINES_MAX = 80, 80, 300, 20


@dataclass(frozen=True)
class Helpline:
    name: str
    contact: str  # a phone number, text number or web address
    about: dict[str, str]  # language code -> a short description

    def about_in(self, language: str) -> str:
        return self.about.get(language) or self.about.get("en", "")


def _text(line: dict[str, object], key: str, limit: int) -> str:
    value = line.get(key)
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise ValueError(f'each line needs "{key}": text of 1 to {limit} characters')
    return value.strip()


def read_helplines(text: str) -> tuple[Helpline, ...]:
    """The organisation's own lines from CRIW_HELPLINES; ValueError says what is wrong, in one line."""
    if not text.strip():
        return ()
    try:
        lines = json.loads(text)
    except json.JSONDecodeError:
        raise ValueError('must be JSON: [{"name": ..., "contact": ..., "cy": ..., "en": ...}]') from None
    if not isinstance(lines, list) or not 1 <= len(lines) <= LINES_MAX or not all(isinstance(x, dict) for x in lines):
        raise ValueError(f"must be a list of 1 to {LINES_MAX} helplines")
    return tuple(
        Helpline(_text(line, "name", NAME_MAX), _text(line, "contact", CONTACT_MAX),
                 {"cy": _text(line, "cy", ABOUT_MAX), "en": _text(line, "en", ABOUT_MAX)})
        for line in lines
    )
