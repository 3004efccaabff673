"""The demo page's own words: every one in Cymraeg and English, and none used that is missing."""

from __future__ import annotations

import re
from pathlib import Path

from bot.playground.demo import PEOPLE
from bot.playground.demo_host import NOTES

WEB = Path(__file__).resolve().parents[2] / "bot" / "playground" / "web"
PLURAL_SUFFIX = re.compile(r"_(zero|one|two|few|many|other)$")


def strings(language: str) -> dict[str, str]:
    source = (WEB / "i18n.js").read_text(encoding="utf-8")
    block = re.search(rf"^  {language}: \{{\n(.*?)^  \}},", source, re.MULTILINE | re.DOTALL)
    assert block, f"no {language} table in i18n.js"
    return dict(re.findall(r'^    (\w+): "((?:[^"\\]|\\.)*)",$', block.group(1), re.MULTILINE))


def keys_used() -> set[str]:
    html = (WEB / "index.html").read_text(encoding="utf-8")
    used = set(re.findall(r'data-t(?:-placeholder|-label)?="(\w+)"', html))
    for script in WEB.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        used |= set(re.findall(r'\b(?:t|translate\(\w+(?:\.\w+)?,|plural\(\w+(?:\.\w+)?,)\(?\s*"(\w+)"', source))
        used |= set(re.findall(r'\["(tour_\w+)",', source))
    # Keys made from data: persona roles and notes, service events (emulator_playground_view), the tour's end.
    used |= {f"role_{role}" for _, _, role in PEOPLE} | {f"note_{note}" for note in NOTES.values()}
    used |= {"added", "joined", "removed", "upgraded", "tour_done", "tour_failed"}
    return used


def test_welsh_comes_first_and_both_languages_have_the_same_words():
    source = (WEB / "i18n.js").read_text(encoding="utf-8")
    assert source.index("  cy: {") < source.index("  en: {")
    welsh, english = strings("cy"), strings("en")
    assert len(welsh) > 40
    assert set(welsh) == {key for key in english if not PLURAL_SUFFIX.search(key)}
    assert [key for key, text in {**welsh, **english}.items() if not text.strip()] == []


def test_every_word_the_page_uses_is_in_both_tables():
    welsh, english = strings("cy"), strings("en")
    used = keys_used()
    assert {"title", "reset", "play_tour", "persona_label", "start", "send"} <= used
    assert sorted(used - set(welsh)) == []
    assert sorted(used - set(english)) == []


def test_placeholders_match_between_the_languages():
    welsh, english = strings("cy"), strings("en")
    for key, text in welsh.items():
        assert set(re.findall(r"\{(\w+)\}", text)) == set(re.findall(r"\{(\w+)\}", english[key])), key
