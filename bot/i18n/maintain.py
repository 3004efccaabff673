"""Keep the catalogs in step with the code: `python -m bot.i18n.maintain`.

Extracts every string into locales/messages.pot, then merges it into locales/cy and locales/en,
keeping existing translations. English msgstrs mirror the msgids; new Welsh entries are left empty,
which the catalog tests refuse, so nothing ships untranslated. The Welsh header keeps the six-form
plural rule (pybabel writes a wrong one).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bot.i18n.catalogs import LANGUAGES, locales_dir, po_path

WELSH_PLURALS = "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n==3 ? 3 : n==6 ? 4 : 5);"
KEYWORDS = ["-k", "_", "-k", "n_:1,2", "-k", "p_:1c,2"]


def extract(output: Path) -> None:
    root = locales_dir().parent
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(root / "babel.cfg"), *KEYWORDS,
         "--add-comments=Translators:", "--no-location", "--sort-output", "--omit-header",
         "-o", str(output), str(root)],
        check=True, capture_output=True,
    )


def _existing(language: str) -> dict[Any, Any]:
    path = po_path(language)
    if not path.exists():
        return {}
    with path.open("rb") as source:
        # abort_invalid: a catalog caught half-written (or broken by hand) must stop the merge, not be read
        # as "no translations" and written back empty.
        catalog = read_po(source, locale=language, abort_invalid=True)
    return {(m.context, m.id): m.string for m in catalog if m.id}


def merge(language: str, template: Catalog) -> None:
    known = _existing(language)
    catalog = Catalog(locale=language, project="Criw", copyright_holder="Criw contributors", fuzzy=False)
    if language == "cy":  # Babel's own table says five forms for Welsh; CLDR and we say six
        catalog._num_plurals = 6  # type: ignore[assignment]
        catalog._plural_expr = WELSH_PLURALS.split("plural=", 1)[1].rstrip(";")  # type: ignore[assignment]
    for message in template:
        if not message.id:
            continue
        string = message.id if language == "en" else known.get((message.context, message.id), "")
        if language == "cy" and isinstance(message.id, tuple) and not string:
            string = ("",) * 6
        catalog.add(message.id, string, auto_comments=message.auto_comments,
                    flags=message.flags - {"fuzzy"}, context=message.context)
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as target:
        write_po(target, catalog, no_location=True, sort_output=True, width=110)
    text = path.read_text(encoding="utf-8")
    if language == "cy":
        text = re.sub(r'"Plural-Forms: [^"]*"', f'"Plural-Forms: {WELSH_PLURALS}\\\\n"', text)
    text = re.sub(r'"POT-Creation-Date: [^"]*"\n', "", text)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    pot = locales_dir() / "messages.pot"
    extract(pot)
    with pot.open("rb") as source:
        template = read_po(source)
    for language in LANGUAGES:
        merge(language, template)
    print(f"updated {pot} and {', '.join(LANGUAGES)} catalogs")


if __name__ == "__main__":
    main()
