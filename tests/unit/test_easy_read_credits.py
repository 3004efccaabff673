"""Time credits in Easy Read: hours said aloud as words in the 🔊 voice note, and short statements and gift
messages in each language."""

import pytest

from bot.domain.credits import EntryKind
from bot.i18n.easy import easy_form, speech_form
from bot.i18n.translator import Tr
from bot.services.credits import Statement, Transfer
from bot.store.models import Group, Person
from bot.voice.words import speakable
from handlers.credit_text import spoken_hours, statement_message, transfer_message

ALYS, BEN = Person(id=1, telegram_id=11, display_name="Alys"), Person(id=2, telegram_id=12, display_name="Ben")


@pytest.mark.parametrize(("language", "quarters", "said"), [
    ("en", 10, "two and a half hours"), ("cy", 10, "dwy awr a hanner"),
    ("en", 5, "one and a quarter hours"), ("cy", 7, "un awr a thri chwarter"),
    ("en", 2, "half an hour"), ("cy", 2, "hanner awr"),
])
def test_a_length_of_time_is_said_in_words(language, quarters, said):
    assert speakable(spoken_hours(Tr(language), quarters), language) == said + "."


def test_hours_over_a_whole_number_read_as_words_not_digits_and_symbols():
    for language in ("en", "cy"):
        said = spoken_hours(Tr(language), 10)
        assert "½" not in said and not any(c.isdigit() for c in said)


@pytest.mark.parametrize(("language", "first", "spoken"), [
    ("en", "💳 Your time credits: 2½ hours", "Your time credits: two and a half hours."),
    ("cy", "💳 Eich credydau amser: dwy awr a hanner", "Eich credydau amser: dwy awr a hanner."),
])
def test_the_statement_is_short_in_easy_read_and_its_voice_note_says_the_hours(language, first, spoken):
    message = statement_message(Statement(ALYS, balance=10, lines=[], pending=1, public_thanks=False))
    easy = easy_form(message)(Tr(language))
    assert easy.splitlines()[0] == first and len(easy.splitlines()) <= 5
    assert speakable(speech_form(message)(Tr(language)), language).splitlines()[0] == spoken
    assert message(Tr(language)) != easy  # the standard form is its own text


def test_a_gift_reads_simply_for_the_giver_and_for_the_member():
    gift = Transfer(EntryKind.GIFT_IN, 4, member=BEN, actor=ALYS, group=Group(id=1, chat_id=-1, title="Criw"),
                    note="", member_balance=4, actor_balance=6)
    assert easy_form(transfer_message(gift, for_member=False))(Tr("cy")) == (
        "🎁 Rydych chi wedi rhoi un awr o gredydau amser i Ben.\n💳 Eich credydau amser: un awr a hanner")
    assert easy_form(transfer_message(gift, for_member=True))(Tr("en")) == (
        "🎁 Alys gave you 1 hour of time credits.\n💳 Your time credits: 1 hour")
