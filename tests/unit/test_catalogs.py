"""The Welsh and English catalogs are complete, and the checks catch every way they could fail."""

import gettext
import shutil
import subprocess
import sys

import pytest
from babel import Locale
from babel.messages.pofile import read_po

from bot.i18n.catalogs import locales_dir, po_path
from bot.i18n.checks import WELSH_PLURAL_HEADER, problems, project_problems
from bot.i18n.translator import Tr

HEADER = """msgid ""
msgstr ""
"Language: cy\\n"
"Plural-Forms: {plural}\\n"
"Content-Type: text/plain; charset=utf-8\\n"

"""


def welsh_po(body: str, plural: str = WELSH_PLURAL_HEADER) -> str:
    return HEADER.format(plural=plural) + body


GOOD_PLURAL = """msgid "%(n)s hour"
msgid_plural "%(n)s hours"
msgstr[0] "%(n)s awr"
msgstr[1] "%(n)s awr"
msgstr[2] "%(n)s awr"
msgstr[3] "%(n)s awr"
msgstr[4] "%(n)s awr"
msgstr[5] "%(n)s awr"
"""


def test_the_project_catalogs_have_no_problems():
    assert project_problems() == []


def test_a_well_formed_welsh_catalog_passes():
    assert problems(welsh_po(GOOD_PLURAL), "cy") == []


def test_a_five_form_welsh_header_is_refused():
    babel_default = "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n==3 ? 2 : n==6 ? 3 : 4);"
    assert any("Plural-Forms" in line for line in problems(welsh_po(GOOD_PLURAL, babel_default), "cy"))


def test_an_empty_welsh_translation_is_refused():
    body = 'msgid "Hello"\nmsgstr ""\n'
    assert problems(welsh_po(body), "cy") == ["cy: empty translation for 'Hello'"]


def test_a_fuzzy_welsh_translation_is_refused():
    body = '#, fuzzy\nmsgid "Hello"\nmsgstr "Helo"\n'
    assert problems(welsh_po(body), "cy") == ["cy: fuzzy entry 'Hello'"]


def test_a_welsh_plural_without_six_forms_is_refused():
    short = GOOD_PLURAL.replace('msgstr[5] "%(n)s awr"\n', "").replace('msgstr[4] "%(n)s awr"\n', "")
    assert problems(welsh_po(short), "cy") != []


def test_placeholders_that_differ_between_msgid_and_msgstr_are_refused():
    body = 'msgid "Hello %(name)s"\nmsgstr "Helo %(enw)s"\n'
    assert problems(welsh_po(body), "cy") == ["cy: placeholders differ in 'Hello %(name)s': ['enw']"]


def test_every_string_used_in_the_code_is_in_both_catalogs(tmp_path):
    from bot.i18n.maintain import extract

    extract(tmp_path / "fresh.pot")
    with (tmp_path / "fresh.pot").open("rb") as source:
        in_code = {(m.context, m.id) for m in read_po(source) if m.id}
    for language in ("cy", "en"):
        with po_path(language).open("rb") as source:
            in_catalog = {(m.context, m.id) for m in read_po(source, locale=language) if m.id}
        missing = in_code - in_catalog
        assert not missing, f"run `python -m bot.i18n.maintain` and translate: {sorted(missing)[:5]}"


@pytest.mark.parametrize(("n", "form"), [(0, 0), (1, 1), (2, 2), (3, 3), (6, 4), (7, 5), (4, 5), (100, 5)])
def test_the_welsh_plural_rule_matches_babels_six_cldr_categories(n, form):
    rule = gettext.c2py(WELSH_PLURAL_HEADER.split("plural=", 1)[1].rstrip(";"))
    categories = ["zero", "one", "two", "few", "many", "other"]
    assert rule(n) == form
    assert Locale("cy").plural_form(n) == categories[form]


def test_welsh_and_english_render_differently_for_the_same_message():
    assert Tr("cy")._("What I can do") == "Beth alla i ei wneud"
    assert Tr("en")._("What I can do") == "What I can do"


def test_placeholder_values_are_escaped_for_telegram_html():
    text = Tr("en")._("Make %(name)s a coordinator of this group?", name="<b>Al & Co</b>")
    assert "&lt;b&gt;Al &amp; Co&lt;/b&gt;" in text


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext's msgfmt is not installed")
@pytest.mark.parametrize("language", ["cy", "en"])
def test_gnu_msgfmt_accepts_the_catalog(language, tmp_path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(po_path(language))],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr


def test_the_locales_folder_holds_welsh_and_english():
    assert (locales_dir() / "cy" / "LC_MESSAGES" / "messages.po").exists()
    assert (locales_dir() / "en" / "LC_MESSAGES" / "messages.po").exists()
    assert sys.version_info >= (3, 11)


def test_the_welsh_catalog_compiles_and_picks_each_plural_form():
    from bot.i18n.catalogs import translations

    translations.cache_clear()
    welsh = translations("cy")
    assert welsh.plural(2) == 2 and welsh.plural(6) == 4 and welsh.plural(7) == 5
    assert welsh.gettext("What I can do") == "Beth alla i ei wneud"


def test_merging_the_catalogs_keeps_all_six_welsh_plural_forms(tmp_path, monkeypatch):
    import shutil as sh

    from bot.i18n import maintain

    sh.copytree(locales_dir(), tmp_path / "locales")
    monkeypatch.setenv("CRIW_LOCALES", str(tmp_path / "locales"))
    with (tmp_path / "locales" / "messages.pot").open("rb") as source:
        template = read_po(source)
    maintain.merge("cy", template)
    merged = (tmp_path / "locales" / "cy" / "LC_MESSAGES" / "messages.po").read_text("utf-8")
    assert problems(merged, "cy") == []
