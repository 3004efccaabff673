from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from bot.domain.dates import local_to_utc
from bot.domain.decisions import (
    Choice,
    DecisionRule,
    Majority,
    OutcomeKind,
    TieBreak,
    Vote,
    close_after,
    closing_nudge_due,
    decide,
    latest_votes,
    nudge_time,
    tally,
)

LONDON = ZoneInfo("Europe/London")
OPENED = datetime(2026, 11, 14, 18, 0, tzinfo=UTC)
CLOSES = OPENED + timedelta(days=7)
AFTER_CLOSE = CLOSES + timedelta(minutes=1)
BEFORE_CLOSE = CLOSES - timedelta(hours=1)


def votes(*records: tuple[int, int, str]) -> list[Vote]:
    return [Vote(voter, option, Choice(choice)) for voter, option, choice in records]


def yes_no(yes: int = 0, no: int = 0, abstain: int = 0) -> list[Vote]:
    choices = ["yes"] * yes + ["no"] * no + ["abstain"] * abstain
    return votes(*((voter, 0, choice) for voter, choice in enumerate(choices, start=1)))


def outcome(cast, rule=None, known=10, now=AFTER_CLOSE, extended=False, options=1):
    return decide(rule or DecisionRule(), tally(cast, options), known, now, CLOSES, extended)


def test_a_later_vote_by_the_same_person_on_the_same_option_replaces_the_earlier_one():
    cast = votes((1, 0, "yes"), (2, 0, "no"), (1, 0, "no"))
    assert latest_votes(cast) == (Vote(2, 0, Choice.NO), Vote(1, 0, Choice.NO))
    assert tally(cast, 1).options[0].no == 2


def test_a_vote_that_is_not_yes_no_or_abstain_is_refused():
    with pytest.raises(ValueError):
        Vote(1, 0, "maybe")  # type: ignore[arg-type]


def test_a_tally_counts_yes_no_and_abstain_and_the_people_who_voted():
    counted = tally(yes_no(yes=3, no=2, abstain=1), 1)
    assert (counted.options[0].yes, counted.options[0].no, counted.options[0].abstain) == (3, 2, 1)
    assert counted.turnout == 6


def test_a_vote_for_an_option_that_no_longer_exists_is_left_out():
    counted = tally(votes((1, 0, "yes"), (2, 5, "yes")), 1)
    assert counted.options[0].yes == 1
    assert counted.voters == {1}


def test_more_than_half_of_yes_and_no_passes_a_proposal():
    assert outcome(yes_no(yes=3, no=2)).kind == OutcomeKind.PASSED
    assert outcome(yes_no(yes=3, no=2)).winner == 0
    assert outcome(yes_no(yes=2, no=3)).kind == OutcomeKind.NOT_PASSED


def test_abstentions_count_toward_quorum_but_not_toward_the_threshold():
    assert outcome(yes_no(yes=1, abstain=2)).kind == OutcomeKind.PASSED
    assert outcome(yes_no(yes=1, no=1, abstain=3)).kind == OutcomeKind.TIE_NOT_PASSED
    assert outcome(yes_no(abstain=3)).kind == OutcomeKind.NOT_PASSED


def test_fewer_voters_than_the_quorum_means_no_decision():
    assert outcome(yes_no(yes=2)).kind == OutcomeKind.NO_QUORUM


def test_a_quorum_share_of_known_members_raises_the_quorum_above_the_minimum():
    rule = DecisionRule(quorum_share=Fraction(1, 2))
    assert rule.quorum(known_members=4) == 3
    assert rule.quorum(known_members=7) == 4
    assert DecisionRule(quorum_share=Fraction(1, 10)).quorum(known_members=40) == 4
    assert outcome(yes_no(yes=3), rule=rule, known=7).kind == OutcomeKind.NO_QUORUM
    assert outcome(yes_no(yes=4), rule=rule, known=7).kind == OutcomeKind.PASSED


def test_two_thirds_needs_at_least_two_thirds_of_yes_and_no_to_be_yes():
    two_thirds = DecisionRule(majority=Majority.TWO_THIRDS)
    assert outcome(yes_no(yes=5, no=2), rule=two_thirds).kind == OutcomeKind.PASSED
    assert outcome(yes_no(yes=3, no=2), rule=two_thirds).kind == OutcomeKind.NOT_PASSED


def test_exactly_two_thirds_yes_passes_under_two_thirds_and_is_no_tie():
    two_thirds = DecisionRule(majority=Majority.TWO_THIRDS)
    assert outcome(yes_no(yes=2, no=1), rule=two_thirds).kind == OutcomeKind.PASSED
    assert outcome(yes_no(yes=4, no=2), rule=two_thirds).kind == OutcomeKind.PASSED
    assert outcome(yes_no(yes=4, no=2), rule=two_thirds, known=6, now=BEFORE_CLOSE).kind == OutcomeKind.PASSED


def test_unanimity_passes_with_no_no_votes_and_fails_with_one():
    everyone = DecisionRule(majority=Majority.UNANIMOUS)
    assert outcome(yes_no(yes=3, abstain=2), rule=everyone).kind == OutcomeKind.PASSED
    assert outcome(yes_no(yes=9, no=1), rule=everyone).kind == OutcomeKind.NOT_PASSED
    assert outcome(yes_no(abstain=3), rule=everyone).kind == OutcomeKind.NOT_PASSED


def test_the_worked_examples_in_rules_come_from_the_rule_itself():
    assert Majority.SIMPLE.yes_needed(3) == 2 and Majority.SIMPLE.yes_needed(4) == 3
    assert Majority.TWO_THIRDS.yes_needed(3) == 2 and Majority.TWO_THIRDS.yes_needed(6) == 4
    assert Majority.UNANIMOUS.yes_needed(3) == 3


def test_a_vote_stays_open_before_its_deadline():
    assert outcome(yes_no(yes=5), now=BEFORE_CLOSE).kind == OutcomeKind.OPEN


def test_a_vote_closes_early_once_every_known_member_has_voted():
    assert outcome(yes_no(yes=3, no=1), known=4, now=BEFORE_CLOSE).kind == OutcomeKind.PASSED
    assert outcome(yes_no(yes=3), known=4, now=BEFORE_CLOSE).kind == OutcomeKind.OPEN


def test_a_vote_does_not_close_early_when_the_group_turned_that_off():
    rule = DecisionRule(close_early_when_all_voted=False)
    assert outcome(yes_no(yes=4), rule=rule, known=4, now=BEFORE_CLOSE).kind == OutcomeKind.OPEN


def test_a_first_tie_waits_for_the_deadline_even_when_everyone_has_voted():
    assert outcome(yes_no(yes=2, no=2), known=4, now=BEFORE_CLOSE).kind == OutcomeKind.OPEN


def test_by_default_a_tie_does_not_pass():
    result = outcome(yes_no(yes=2, no=2))
    assert (result.kind, result.tied) == (OutcomeKind.TIE_NOT_PASSED, (0,))


def test_under_extend_once_a_tie_gets_one_more_day_then_does_not_pass():
    rule = DecisionRule(tie_break=TieBreak.EXTEND_ONCE)
    tied = yes_no(yes=2, no=2)
    first = outcome(tied, rule=rule)
    assert first.kind == OutcomeKind.TIE_EXTEND
    assert first.new_closes_at == CLOSES + timedelta(hours=24)
    second = decide(rule, tally(tied, 1), 10, first.new_closes_at, first.new_closes_at, extended=True)
    assert (second.kind, second.tied, second.new_closes_at) == (OutcomeKind.TIE_NOT_PASSED, (0,), None)


def test_under_coordinators_decide_a_tie_waits_for_the_coordinators_never_the_proposer():
    result = outcome(yes_no(yes=2, no=2), rule=DecisionRule(tie_break=TieBreak.COORDINATORS))
    assert (result.kind, result.tied) == (OutcomeKind.TIE_COORDINATORS, (0,))
    assert not any("PROPOSER" in kind.name for kind in OutcomeKind)


def test_the_date_with_most_ticks_wins_an_approval_vote():
    cast = votes((1, 0, "yes"), (1, 1, "yes"), (2, 1, "yes"), (3, 1, "yes"), (3, 2, "yes"))
    counted = tally(cast, 3)
    assert [option.yes for option in counted.options] == [1, 3, 1]
    assert [option.no for option in counted.options] == [2, 0, 2]
    result = outcome(cast, options=3)
    assert (result.kind, result.winner) == (OutcomeKind.PASSED, 1)


def test_a_date_ticked_by_half_or_fewer_of_the_voters_cannot_win():
    cast = votes((1, 0, "yes"), (2, 1, "yes"), (3, 2, "yes"), (4, 0, "yes"))
    assert outcome(cast, options=3).kind == OutcomeKind.NOT_PASSED


def test_dates_with_equal_most_ticks_are_a_tie_between_those_dates():
    cast = votes((1, 0, "yes"), (1, 2, "yes"), (2, 0, "yes"), (2, 2, "yes"), (3, 0, "yes"), (3, 1, "yes"),
                 (3, 2, "yes"))
    result = outcome(cast, options=3)
    assert (result.kind, result.tied) == (OutcomeKind.TIE_NOT_PASSED, (0, 2))
    extend = DecisionRule(tie_break=TieBreak.EXTEND_ONCE)
    assert outcome(cast, rule=extend, options=3).kind == OutcomeKind.TIE_EXTEND
    assert outcome(cast, rule=extend, options=3, extended=True).tied == (0, 2)


def test_tied_dates_go_to_the_earlier_date_when_the_group_says_so():
    cast = votes((1, 0, "yes"), (1, 2, "yes"), (2, 0, "yes"), (2, 2, "yes"), (3, 1, "yes"), (3, 2, "yes"),
                 (3, 0, "yes"))
    result = outcome(cast, rule=DecisionRule(earlier_date_wins=True), options=3)
    assert (result.kind, result.winner, result.tied) == (OutcomeKind.PASSED, 0, (0, 2))


def test_in_an_approval_vote_ticking_or_abstaining_counts_toward_quorum_but_unticking_everything_does_not():
    cast = votes((1, 0, "yes"), (2, 1, "abstain"), (3, 0, "yes"), (3, 0, "no"))
    counted = tally(cast, 2)
    assert counted.voters == {1, 2}
    assert counted.options[0].abstain == 1
    assert outcome(cast, options=2).kind == OutcomeKind.NO_QUORUM


def test_a_tick_outweighs_the_same_persons_abstention_in_an_approval_vote():
    counted = tally(votes((1, 0, "abstain"), (1, 1, "yes")), 2)
    assert counted.options[1].yes == 1
    assert counted.options[0].abstain == 0


def test_the_closing_reminder_comes_a_day_before_a_week_long_vote_closes():
    assert nudge_time(OPENED, CLOSES) == CLOSES - timedelta(hours=24)
    assert closing_nudge_due(OPENED, CLOSES, CLOSES - timedelta(hours=23))
    assert not closing_nudge_due(OPENED, CLOSES, CLOSES - timedelta(hours=25))
    assert not closing_nudge_due(OPENED, CLOSES, CLOSES)


def test_the_closing_reminder_comes_halfway_through_a_vote_shorter_than_a_day():
    closes = OPENED + timedelta(hours=12)
    assert nudge_time(OPENED, closes) == OPENED + timedelta(hours=6)


def test_a_deadline_on_the_sunday_the_clocks_go_back_converts_to_the_right_utc_instant():
    # The clocks go back at 02:00 on Sunday 25 October 2026; by noon London is on GMT again.
    assert local_to_utc(date(2026, 10, 25), time(12, 0), LONDON) == datetime(2026, 10, 25, 12, 0, tzinfo=UTC)
    assert local_to_utc(date(2026, 10, 24), time(12, 0), LONDON) == datetime(2026, 10, 24, 11, 0, tzinfo=UTC)
    assert local_to_utc(date(2026, 10, 26), time(12, 0), LONDON) == datetime(2026, 10, 26, 12, 0, tzinfo=UTC)


def test_a_deadline_on_the_sunday_the_clocks_go_forward_converts_to_the_right_utc_instant():
    assert local_to_utc(date(2026, 3, 29), time(12, 0), LONDON) == datetime(2026, 3, 29, 11, 0, tzinfo=UTC)
    assert local_to_utc(date(2026, 3, 28), time(12, 0), LONDON) == datetime(2026, 3, 28, 12, 0, tzinfo=UTC)


def test_a_week_long_vote_across_the_autumn_clock_change_closes_at_the_same_local_time():
    opened = local_to_utc(date(2026, 10, 21), time(18, 0), LONDON)  # Wednesday, British Summer Time
    closes = close_after(opened, 7, LONDON)
    assert closes == datetime(2026, 10, 28, 18, 0, tzinfo=UTC)
    assert closes - opened == timedelta(days=7, hours=1)
    assert closes.astimezone(LONDON).hour == 18


def test_a_week_long_vote_across_the_spring_clock_change_closes_at_the_same_local_time():
    opened = local_to_utc(date(2026, 3, 25), time(18, 0), LONDON)  # Wednesday, GMT
    closes = close_after(opened, 7, LONDON)
    assert closes == datetime(2026, 4, 1, 17, 0, tzinfo=UTC)
    assert closes.astimezone(LONDON).hour == 18
