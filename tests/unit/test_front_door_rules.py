"""The front door's pure rules: reading distress as whole words in Welsh and English, "menu" words, map
links for shared places."""

import pytest

from bot.domain.distress import phrases_in, reads_as_distress, words_of
from bot.domain.places import map_link
from bot.i18n.translator import Tr
from handlers.home import asks_for_home
from handlers.safety_net import _listed, reads_as_distress_here


@pytest.mark.parametrize("text", [
    "I'm struggling today and don't know what to do", "I’m struggling", "dwi'n cael amser caled",
    "Dw i ddim yn gwybod beth i'w wneud", "I CAN'T COPE", "teimlo’n isel iawn heddiw", "I want to hurt myself",
])
def test_words_of_distress_are_heard_in_either_language(text):
    assert reads_as_distress_here(text)


@pytest.mark.parametrize("text", [
    "follow the low road", "what time is the bus", "Diolch yn fawr", "panicle", "", "hardtime", "menu",
])
def test_everyday_words_are_not_read_as_distress(text):
    assert not reads_as_distress_here(text)


def test_phrases_are_matched_as_whole_words_after_plain_spelling():
    assert words_of("Can’t  cope!!") == "can't cope"
    assert phrases_in("  low \n\nfeel down \n") == ["low", "feel down"]
    assert reads_as_distress("so LOW.", ["low"]) and not reads_as_distress("follow", ["low"])


@pytest.mark.parametrize("language", ["cy", "en"])
def test_each_catalog_has_its_own_list_of_phrases(language):
    phrases = phrases_in(_listed(Tr(language)))
    assert len(phrases) >= 30
    assert ("amser caled" in phrases) == (language == "cy") and ("struggling" in phrases) == (language == "en")


@pytest.mark.parametrize("text", ["menu", "Dewislen", "helo!", "Help", " hi "])
def test_menu_words_ask_for_home(text):
    assert asks_for_home(text)


def test_a_map_link_opens_openstreetmap_at_the_place():
    assert map_link(51.481634, -3.179091) == "https://www.openstreetmap.org/?mlat=51.48163&mlon=-3.17909"
    with pytest.raises(ValueError):
        map_link(91, 0)
