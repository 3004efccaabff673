"""The Welsh lint (bot/i18n/welsh_lint.py): each rule catches a bad entry and passes a good one, and the project
catalog passes every rule with no allow-list."""

import pytest

from bot.i18n.checks import WELSH_PLURAL_HEADER, problems
from bot.i18n.welsh_lint import entry_problems


def lint(text: str, plural: bool = False) -> list[str]:
    strings = tuple(text) if isinstance(text, tuple) else (text,)
    return entry_problems("msgid", strings, plural)


@pytest.mark.parametrize("bad", [
    "📍 Ble? Ysgrifennwch y lle, neu pwyswch Hepgor.",
    "Dewiswch un, neu teipiwch ddyddiad.",
    "Neu dewiswch o'r rhestr.",
    "Neu tecstiwch SHOUT i 85258.",
    "beth i ddod gyda chi, neu pwy i'w holi",
    "neu gwnewch hynny eto",
])
def test_neu_with_an_unmutated_verb_is_caught(bad):
    assert any("neu + unmutated verb" in line for line in lint(bad))


@pytest.mark.parametrize("good", [
    "Ysgrifennwch y lle, neu bwyswch Symud ymlaen.",
    "Dewiswch un, neu deipiwch ddyddiad.",
    "Neu ddewiswch o'r rhestr.",
    "Neu decstiwch SHOUT i 85258.",
    "neu bwy i'w holi",
    "Gallwch chi ffonio, neu ffoniwch eich cydlynydd.",  # ff doesn't mutate
    "neu gadwch e tan yfory",  # gadwch is the mutated cadwch
])
def test_neu_with_a_mutated_verb_passes(good):
    assert lint(good) == []


@pytest.mark.parametrize("bad", [
    "%(start)s i %(end)s",
    "🕑 O ba amser ar %(day)s?",
    "Nodyn atgoffa: rydych chi'n mynd i %(title)s.",
    "Gallwch chi roi hyd at %(hours)s.",
])
def test_a_placeholder_straight_after_a_mutation_trigger_is_caught(bad):
    assert any("placeholder after a mutation trigger" in line for line in lint(bad))


@pytest.mark.parametrize("good", [
    "%(start)s – %(end)s",
    "🕑 %(day)s: o ba amser?",
    "Nodyn atgoffa: rydych chi'n mynd i'r cyfarfod yma: %(title)s.",
    "Y mwyaf y gallwch chi ei roi: %(hours)s.",
    "Faint hoffech chi ei roi i %(name)s?",  # names are left as typed (REGISTER.md)
    "Mae lle i %(n)s o bobl.",  # a figure doesn't mutate
    "Rhwng %(start)s a %(end)s",  # a only changes c, p, t; a date starts with a figure or dydd
    "Rydych chi'n mynd i'r cyfarfod: %(title)s",
])
def test_a_placeholder_after_a_label_or_a_safe_value_passes(good):
    assert lint(good) == []


def test_person_after_a_figure_above_two_is_caught_and_o_bobl_passes():
    assert any("person after a figure" in line for line in lint("trafnidiaeth i 8 person"))
    assert any("person after a figure" in line for line in lint("3 pherson wedi pleidleisio"))
    assert lint("trafnidiaeth i 8 o bobl") == []
    assert lint("1 person, 2 berson") == []


def test_person_in_the_zero_few_many_or_other_slot_of_a_plural_is_caught():
    bad = tuple(f"👥 %(n)s {word} wedi pleidleisio" for word in ("person", "person", "berson", "pherson",
                                                                   "pherson", "person"))
    found = lint(bad, plural=True)
    assert [line.split(": ")[2] for line in found] == ["zero", "few", "many", "other"]
    good = ("👥 Neb wedi pleidleisio eto", "👥 %(n)s person wedi pleidleisio", "👥 %(n)s berson wedi pleidleisio",
            "👥 %(n)s o bobl wedi pleidleisio", "👥 %(n)s o bobl wedi pleidleisio", "👥 %(n)s o bobl wedi pleidleisio")
    assert lint(good, plural=True) == []


def test_an_english_language_name_inside_a_welsh_sentence_is_caught():
    assert any("English language name" in line for line in lint("/iaith – dewis Cymraeg neu English"))
    assert any("English language name" in line for line in lint("Dydw i ddim yn siarad Welsh yn dda"))
    assert lint("/iaith – dewis Cymraeg neu Saesneg (Saesneg: /language)") == []
    assert lint("English") == [] and lint("🇬🇧 English") == []  # a language button shows its own name


def test_gydag_before_a_consonant_is_caught_and_before_a_vowel_passes():
    assert any("gydag before a consonant" in line for line in lint("Gallwch chi ofyn eto gydag /ceisiadau."))
    assert any("gydag before a consonant" in line for line in lint("help gydag trafnidiaeth"))
    assert lint("Gallwch chi ofyn eto gyda /ceisiadau.") == []
    assert lint("Ychwanegwch ystafelloedd gydag /adnoddau.") == []
    assert lint("Mae cydlynwyr yn helpu gydag ystafelloedd.") == []


def test_the_catalog_checks_run_the_welsh_lint_on_welsh_only():
    header = ('msgid ""\nmsgstr ""\n"Language: cy\\n"\n"Plural-Forms: ' + WELSH_PLURAL_HEADER +
              '\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n')
    body = 'msgid "Where? Write it, or press Skip."\nmsgstr "Ble? Ysgrifennwch e, neu pwyswch Symud ymlaen."\n'
    assert any("neu + unmutated verb" in line for line in problems(header + body, "cy"))
    english = header.replace("Language: cy", "Language: en")
    english = english.replace(WELSH_PLURAL_HEADER, "nplurals=2; plural=(n != 1);")
    assert problems(english + body, "en") == []


def test_a_welsh_zero_form_may_leave_out_the_count_but_nothing_else():
    header = ('msgid ""\nmsgstr ""\n"Language: cy\\n"\n"Plural-Forms: ' + WELSH_PLURAL_HEADER +
              '\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n')
    forms = ["Neb wedi pleidleisio eto", "%(n)s person", "%(n)s berson", "%(n)s o bobl", "%(n)s o bobl",
             "%(n)s o bobl"]
    body = 'msgid "%(n)s person has voted"\nmsgid_plural "%(n)s people have voted"\n' + "".join(
        f'msgstr[{i}] "{form}"\n' for i, form in enumerate(forms))
    assert problems(header + body, "cy") == []
    assert problems(header + body.replace("msgstr[1] \"%(n)s person\"", "msgstr[1] \"un person\""), "cy") != []


GLOSSARY = """term,english,welsh,easy_read_welsh,note
vote,vot(e|es|ed|ing),pleidlais|pleidleisiau|pleidleisio,pleidlais|pleidleisio,feminine
repeat,repeat(s|ing|ed)?,rheolaidd|digwydd eto,digwydd eto,never ailadrodd
booking,bookings?|booked,archeb|archebu,cadw lle|lle wedi'i gadw,Easy Read says cadw lle
"""
WELSH_HEADER = ('msgid ""\nmsgstr ""\n"Language: cy\\n"\n"Plural-Forms: ' + WELSH_PLURAL_HEADER +
                '\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\n')


def test_the_glossary_catches_another_word_for_a_key_term_and_passes_the_agreed_one_in_any_mutation():
    from bot.i18n.glossary import glossary_problems, read_glossary

    terms = read_glossary(GLOSSARY)
    bad = 'msgid "🔁 Stop repeating"\nmsgstr "🔁 Stopio ailadrodd"\n'
    assert glossary_problems(WELSH_HEADER + bad, terms) == [
        "cy: glossary: 'repeat' in '🔁 Stop repeating' should be one of ['rheolaidd', 'digwydd eto']"]
    good = ('msgid "🔁 Stop repeating"\nmsgstr "🔁 Stopio\'r cyfarfodydd rheolaidd"\n\n'
            'msgid "The vote is closed."\nmsgstr "Mae\'r bleidlais wedi cau."\n\n'
            'msgid "Room booked"\nmsgstr "Ystafell wedi\'i harchebu"\n\n'
            'msgctxt "easy"\nmsgid "It is booked."\nmsgstr "Mae lle wedi\'i gadw."\n')
    assert glossary_problems(WELSH_HEADER + good, terms) == []
    easy_with_the_standard_word = 'msgctxt "easy"\nmsgid "It is booked."\nmsgstr "Mae wedi\'i archebu."\n'
    assert glossary_problems(WELSH_HEADER + easy_with_the_standard_word, terms) != []


def test_the_project_glossary_has_the_key_terms():
    from bot.i18n.glossary import glossary_path, read_glossary

    terms = {term.term for term in read_glossary(glossary_path().read_text("utf-8"))}
    assert {"proposal", "vote", "meet-up", "coordinator", "request", "booking", "time credit", "reminder",
            "supporter", "offer", "status", "repeat"} <= terms


def test_the_brand_name_stays_unmutated():
    assert any("brand name mutated" in line for line in lint("Croeso i Griw!"))
    assert any("brand name mutated" in line for line in lint("eich grwpiau yng Nghriw"))
    assert lint("Croeso i Criw!") == [] and lint("Popeth sydd gan Criw amdanoch chi") == []
