"""Load the gettext catalogs in locales/<lang>/LC_MESSAGES/messages.po.

The .po files are the source of truth and are committed; .mo files are build products. We compile the
.po in memory at start-up with Babel (a few milliseconds), so a fresh clone never runs with a stale or
missing .mo.
"""

from __future__ import annotations

import gettext
import io
import os
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES = ("cy", "en")
DOMAIN = "messages"


def locales_dir() -> Path:
    """Where the catalogs live: CRIW_LOCALES, or locales/ at the project root."""
    configured = os.environ.get("CRIW_LOCALES")
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "locales"


def po_path(language: str) -> Path:
    return locales_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> gettext.GNUTranslations:
    """Compile and load one language's catalog (cached for the life of the process)."""
    with po_path(language).open("rb") as source:
        catalog = read_po(source, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
