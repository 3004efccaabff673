"""Speech text for 🔊 voice notes: numbers, dates and times written as people say them, in Welsh and English."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.voice.words import clock, number, ordinal_day, soft_mutation, speakable, when_words

LONDON = ZoneInfo("Europe/London")


def test_a_welsh_date_and_time_are_said_as_words_with_the_month_mutated():
    moment = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)
    assert when_words(moment, LONDON, "cy") == "dydd Sadwrn y pumed o Ragfyr, hanner awr wedi dau yn y prynhawn"
    # after a verb the date is an adverb: "Mae'r bleidlais yn gorffen ddydd Sadwrn …"
    assert when_words(moment, LONDON, "cy", in_sentence=True).startswith("ddydd Sadwrn y pumed o Ragfyr, ")
    assert when_words(moment, LONDON, "en", in_sentence=True).startswith("Saturday the fifth")


def test_an_english_date_and_time_are_said_as_words():
    moment = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)
    assert when_words(moment, LONDON, "en") == "Saturday the fifth of December, half past two in the afternoon"


def test_summer_time_is_said_in_local_time():
    assert when_words(datetime(2026, 7, 1, 9, 0, tzinfo=UTC), LONDON, "en").endswith("ten o'clock in the morning")


@pytest.mark.parametrize(("hour", "minute", "welsh", "english"), [
    (10, 15, "chwarter wedi deg yn y bore", "quarter past ten in the morning"),
    (14, 45, "chwarter i dri yn y prynhawn", "quarter to three in the afternoon"),
    (19, 0, "saith o'r gloch gyda'r nos", "seven o'clock in the evening"),
    (12, 0, "hanner dydd", "midday"),
    (18, 40, "ugain munud i saith gyda'r nos", "twenty minutes to seven in the evening"),
])
def test_clock_times_are_said_the_way_people_say_them(hour, minute, welsh, english):
    assert clock(hour, minute, "cy") == welsh
    assert clock(hour, minute, "en") == english


@pytest.mark.parametrize(("n", "welsh"), [(0, "dim"), (3, "tri"), (11, "un deg un"), (20, "dau ddeg"),
                                          (45, "pedwar deg pump"), (300, "tri chant"), (2000, "dwy fil")])
def test_welsh_numbers_use_the_decimal_system(n, welsh):
    assert number(n, "cy") == welsh


def test_feminine_welsh_numbers_for_hours():
    assert number(2, "cy", feminine=True) == "dwy"
    assert speakable("⏱ 3 awr", "cy") == "tair awr."
    assert speakable("🪑 2 sedd, 3 archeb", "cy") == "dwy sedd, tair archeb."


@pytest.mark.parametrize(("n", "welsh"), [(5, "pum"), (6, "chwe"), (15, "un deg pum"), (26, "dau ddeg chwe"),
                                          (2, "dwy"), (7, "saith")])
def test_welsh_numbers_before_a_noun_drop_their_last_letters(n, welsh):
    assert number(n, "cy", feminine=True, before_noun=True) == welsh  # "pum awr", "chwe awr"
    assert number(n, "en", before_noun=True) == number(n, "en")


def test_ordinals_take_yr_before_a_vowel():
    assert ordinal_day(1, "cy") == "y cyntaf"
    assert ordinal_day(2, "cy") == "yr ail"
    assert ordinal_day(21, "en") == "the twenty-first"


def test_soft_mutation_leaves_ch_alone():
    assert [soft_mutation(w) for w in ("Rhagfyr", "Mawrth", "Tachwedd", "Chwefror", "Ionawr", "Gorffennaf")] == [
        "Ragfyr", "Fawrth", "Dachwedd", "Chwefror", "Ionawr", "Orffennaf"]


def test_a_message_is_spoken_without_markup_or_emoji_and_with_its_numbers_in_words():
    text = "📅 <b>Pryd</b>: Dydd Sadwrn 5 Rhagfyr, 14:30\n📍 Lle: Parc &amp; Bute\n💷 £20"
    assert speakable(text, "cy") == (
        "Pryd: Dydd Sadwrn y pumed o Ragfyr, hanner awr wedi dau yn y prynhawn.\nLle: Parc & Bute.\ndau ddeg punt.")
    assert speakable("💷 £1 · 2 people", "en") == "one pound, two people."


@pytest.mark.parametrize(("text", "said"), [("£1", "un bunt."), ("£2", "dwy bunt."), ("£5", "pum punt."),
                                            ("£6", "chwe phunt."), ("£10", "deg punt."),
                                            ("£25", "dau ddeg pum punt."), ("5 awr", "pum awr."),
                                            ("6 awr", "chwe awr.")])
def test_welsh_pounds_and_hours_are_said_with_the_right_number_forms_and_mutations(text, said):
    assert speakable(text, "cy") == said
