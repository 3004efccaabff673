"""Catalog checks: everything that would let a Welsh speaker meet English, found before it ships.

`pybabel compile` accepts a missing plural form or an empty msgstr and then silently falls back to
English; these checks refuse them. Used by the tests and by `python -m bot.i18n.checks`.
"""

from __future__ import annotations

import re
import sys
from io import BytesIO

from babel.messages.pofile import read_po

from bot.i18n.catalogs import LANGUAGES, po_path
from bot.i18n.glossary import project_glossary_problems
from bot.i18n.welsh_lint import entry_problems as welsh_lint

WELSH_PLURAL_HEADER = "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 5);"
COUNT = "n"  # the name Tr.n_ gives the count
_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def placeholders(text: str) -> set[str]:
    return {a or b for a, b in _PLACEHOLDER.findall(text)}


def problems(po_text: str, language: str) -> list[str]:
    """Everything wrong with one catalog, one line each (empty when it is fine)."""
    found: list[str] = []
    header = re.search(r'^"Plural-Forms: ([^"\\\n]*)\\n"$', po_text, re.MULTILINE)
    if language == "cy" and (header is None or header.group(1).strip() != WELSH_PLURAL_HEADER):
        found.append(f"cy: Plural-Forms header must be {WELSH_PLURAL_HEADER!r}")
    catalog = read_po(BytesIO(po_text.encode()), locale=language)
    forms = 6 if language == "cy" else 2
    for message in catalog:
        if not message.id:
            continue
        ident = str(message.id if isinstance(message.id, str) else message.id[0])
        if message.fuzzy:
            found.append(f"{language}: fuzzy entry {ident!r}")
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(message.id, tuple) and len([s for s in strings if s is not None]) != forms:
            found.append(f"{language}: plural entry {ident!r} needs {forms} forms")
        if any(not s for s in strings):
            found.append(f"{language}: empty translation for {ident!r}")
        wanted = placeholders(ident)
        for slot, string in enumerate(strings):
            # The Welsh zero form may say "Neb wedi pleidleisio eto" instead of "0 ...": it can leave out the
            # count (Python's %-formatting ignores an unused name), but nothing else.
            welsh_zero = language == "cy" and isinstance(message.id, tuple) and slot == 0
            if string and welsh_zero and placeholders(str(string)) == wanted - {COUNT}:
                continue
            if string and placeholders(str(string)) != wanted:
                found.append(f"{language}: placeholders differ in {ident!r}: {sorted(placeholders(str(string)))}")
        if language == "cy":
            found += welsh_lint(ident, tuple(str(s) for s in strings if s), isinstance(message.id, tuple))
    return found


def project_problems() -> list[str]:
    found = [line for language in LANGUAGES for line in problems(po_path(language).read_text("utf-8"), language)]
    return found + project_glossary_problems(po_path("cy").read_text("utf-8"))


if __name__ == "__main__":
    lines = project_problems()
    print("\n".join(lines) or "catalogs are complete")
    sys.exit(1 if lines else 0)
