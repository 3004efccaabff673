"""/rules reads each rule in plain words, with worked examples counted by the rule itself."""

from fractions import Fraction

import pytest

from bot.domain.decisions import DecisionRule, Majority, TieBreak
from bot.i18n.translator import Tr
from bot.services.rules import GroupRules
from handlers.rules_text import describe, easy_describe

WELSH, ENGLISH = Tr("cy"), Tr("en")


@pytest.mark.parametrize("majority, english, welsh", [
    (Majority.SIMPLE, "with 4 votes, 3 yes is enough.", "os oes 4 pleidlais, mae'n ddigon bod 3 yn dweud ie."),
    (Majority.TWO_THIRDS, "with 3 votes, 2 yes is enough.", "os oes 3 pleidlais, mae'n ddigon bod 2 yn dweud ie."),
    (Majority.UNANIMOUS, "with 3 votes, 3 yes is enough.", "os oes 3 pleidlais, mae'n ddigon bod 3 yn dweud ie."),
])
def test_each_majority_has_its_worked_example_in_both_languages(majority, english, welsh):
    rules = GroupRules(DecisionRule(majority=majority))
    assert english in describe(ENGLISH, rules)
    assert welsh in describe(WELSH, rules)


def test_each_tie_rule_reads_in_plain_words_and_easy_read():
    for tie_break, words in ((TieBreak.NOT_PASSED, "doesn't pass"), (TieBreak.COORDINATORS, "coordinators decide"),
                             (TieBreak.EXTEND_ONCE, "one more day")):
        assert words in describe(ENGLISH, GroupRules(DecisionRule(tie_break=tie_break)))
    assert "the coordinators decide" in easy_describe(ENGLISH, GroupRules(DecisionRule(
        tie_break=TieBreak.COORDINATORS)))


def test_easy_read_says_half_the_members_when_the_quorum_is_half():
    rules = GroupRules(DecisionRule(quorum_min_voters=2, quorum_share=Fraction(1, 2)))
    assert "👥 At least half the members must vote." in easy_describe(ENGLISH, rules)
    assert "hanner yr aelodau" in easy_describe(WELSH, rules)
