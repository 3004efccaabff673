"""Spell-check the Welsh catalog with Debian's aspell-cy: a word it doesn't know must be on the allow-list
(locales/cy/allow-words.txt: mutated forms, newer words, names), so a typo in a new Welsh string fails here."""

import re
import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po

from bot.i18n.catalogs import locales_dir, po_path

ALLOW = locales_dir() / "cy" / "allow-words.txt"
_NOT_WORDS = re.compile(r"%\(\w+\)[sd]|\{\w+\}|<[^>]+>|/\w+|https?://\S+")


def _has_welsh_dictionary() -> bool:
    if shutil.which("aspell") is None:
        return False
    listed = subprocess.run(["aspell", "dicts"], capture_output=True, text=True, check=False).stdout.split()
    return "cy" in listed


pytestmark = pytest.mark.skipif(not _has_welsh_dictionary(),
                                reason="aspell with the Welsh dictionary is not installed (apt-get install aspell-cy)")


def welsh_text() -> str:
    with po_path("cy").open("rb") as source:
        catalog = read_po(source, locale="cy")
    lines = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        lines += [_NOT_WORDS.sub(" ", string) for string in strings if message.id and string]
    return re.sub(r"['’\-]", " ", "\n".join(lines))  # wedi'i, Llun-Gwener: check each part


def unknown_words(text: str) -> set[str]:
    result = subprocess.run(["aspell", "-l", "cy", "--encoding=utf-8", "list"], input=text, capture_output=True,
                            text=True, check=True)
    return {word.lower() for word in result.stdout.split()}


def allowed() -> set[str]:
    lines = ALLOW.read_text("utf-8").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def test_every_welsh_word_is_in_the_dictionary_or_on_the_allow_list():
    new = sorted(unknown_words(welsh_text()) - allowed())
    assert new == [], f"fix the spelling, or if the word is right add it to {ALLOW.name}: {new}"


def test_the_checker_catches_a_misspelt_welsh_word():
    assert "pleidlias" in unknown_words("Mae eich pleidlias wedi'i chyfrif")
    assert unknown_words("Mae eich pleidlais wedi i chyfrif") <= allowed()
