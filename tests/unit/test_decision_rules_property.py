"""Each rule, written again from its one-line statement in /rules, agrees with the domain's decision for
every vote count from 0 to 40, every majority and every tie rule."""

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.decisions import Choice, DecisionRule, Majority, OutcomeKind, TieBreak, Vote, decide, tally

CLOSES = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)
COUNTS = st.integers(min_value=0, max_value=40)


def agrees(majority: Majority, yes: int, no: int) -> bool:
    """The /rules sentences: "more yes than no"; "at least two thirds of the yes and no votes are yes" (and
    at least one yes); "at least one yes, and nobody says no". Whole numbers only."""
    if majority is Majority.SIMPLE:
        return yes > no
    if majority is Majority.TWO_THIRDS:
        return yes >= 1 and 3 * yes >= 2 * (yes + no)
    return yes >= 1 and no == 0


def tie_result(tie_break: TieBreak, extended: bool) -> OutcomeKind:
    """"A tie doesn't pass"; "the coordinators decide"; "one more day, then it doesn't pass"."""
    if tie_break is TieBreak.COORDINATORS:
        return OutcomeKind.TIE_COORDINATORS
    if tie_break is TieBreak.EXTEND_ONCE and not extended:
        return OutcomeKind.TIE_EXTEND
    return OutcomeKind.TIE_NOT_PASSED


def reference(majority: Majority, tie_break: TieBreak, quorum: int, yes: int, no: int, abstain: int,
              extended: bool) -> OutcomeKind:
    if yes + no + abstain < quorum:  # abstentions count towards quorum only
        return OutcomeKind.NO_QUORUM
    if majority is Majority.SIMPLE and yes == no and yes > 0:  # a tie: as many yes as no
        return tie_result(tie_break, extended)
    return OutcomeKind.PASSED if agrees(majority, yes, no) else OutcomeKind.NOT_PASSED


def ballots(yes: int, no: int, abstain: int) -> list[Vote]:
    choices = [Choice.YES] * yes + [Choice.NO] * no + [Choice.ABSTAIN] * abstain
    return [Vote(voter, 0, choice) for voter, choice in enumerate(choices)]


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(Majority), st.sampled_from(TieBreak), st.integers(2, 5), COUNTS, COUNTS, COUNTS,
       st.booleans())
def test_a_yes_no_decision_is_exactly_what_the_rule_says(majority, tie_break, quorum, yes, no, abstain, extended):
    rule = DecisionRule(quorum_min_voters=quorum, majority=majority, tie_break=tie_break)
    result = decide(rule, tally(ballots(yes, no, abstain), 1), 120, CLOSES, CLOSES, extended)
    assert result.kind == reference(majority, tie_break, quorum, yes, no, abstain, extended)
    assert (result.winner == 0) == (result.kind is OutcomeKind.PASSED)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(Majority), st.integers(0, 40), st.integers(0, 40))
def test_the_worked_example_is_the_fewest_yes_that_agree(majority, yes, no):
    votes = yes + no
    if votes:
        needed = majority.yes_needed(votes)
        assert agrees(majority, needed, votes - needed)
        assert needed == 1 or not agrees(majority, needed - 1, votes - needed + 1)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(Majority), st.sampled_from(TieBreak), st.booleans(), st.booleans(),
       st.lists(st.sets(st.integers(0, 2)), min_size=0, max_size=40))
def test_a_choice_between_dates_is_exactly_what_the_rule_says(majority, tie_break, earlier, extended, ticks):
    """Approval voting: each person ticks some of three dates (an empty set is an abstention)."""
    rule = DecisionRule(quorum_min_voters=3, majority=majority, tie_break=tie_break, earlier_date_wins=earlier)
    cast = [Vote(voter, option, Choice.YES) for voter, chosen in enumerate(ticks) for option in sorted(chosen)]
    cast += [Vote(voter, 0, Choice.ABSTAIN) for voter, chosen in enumerate(ticks) if not chosen]
    result = decide(rule, tally(cast, 3), 120, CLOSES, CLOSES, extended)

    tickers = [voter for voter, chosen in enumerate(ticks) if chosen]
    if len(ticks) < 3:
        assert result.kind is OutcomeKind.NO_QUORUM
        return
    counts = [sum(1 for chosen in ticks if option in chosen) for option in range(3)]
    passing = [option for option in range(3) if agrees(majority, counts[option], len(tickers) - counts[option])]
    leaders = [option for option in passing if counts[option] == max(counts[o] for o in passing)]
    if not passing:
        assert result.kind is OutcomeKind.NOT_PASSED
    elif len(leaders) == 1 or earlier:
        assert (result.kind, result.winner) == (OutcomeKind.PASSED, min(leaders))  # the earliest date
    else:
        assert (result.kind, result.tied) == (tie_result(tie_break, extended), tuple(leaders))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(Majority), st.sampled_from(TieBreak), COUNTS, COUNTS, COUNTS)
def test_a_vote_closes_early_only_when_everyone_voted_and_no_tie_is_left(majority, tie_break, yes, no, abstain):
    rule = DecisionRule(majority=majority, tie_break=tie_break)
    everyone = yes + no + abstain
    result = decide(rule, tally(ballots(yes, no, abstain), 1), everyone, CLOSES - timedelta(hours=1), CLOSES, False)
    expected = reference(majority, tie_break, 3, yes, no, abstain, False)
    if everyone and expected in (OutcomeKind.PASSED, OutcomeKind.NOT_PASSED):
        assert result.kind is expected
    else:
        assert result.kind is OutcomeKind.OPEN
