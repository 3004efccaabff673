"""How a group decides a proposal: who voted, quorum, threshold, ties, and when the vote closes.

Pure rules over votes already cast, so the same answer comes out whether the service asks because a vote
arrived or because a deadline passed. All datetimes are aware UTC and passed in; deadlines people give in
local time are converted with the group's zone, so a week-long vote ends at the same wall-clock time
even when the clocks change in between.

Two kinds of proposal share one model:
- a single proposal has one option (index 0) and each member votes yes, no or abstain;
- a date-option proposal has several options and uses approval voting: each member ticks any number of
  options ("yes"); "no" un-ticks; "abstain" on any option says "I take part but tick nothing".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from fractions import Fraction
from zoneinfo import ZoneInfo

from bot.domain.dates import local_to_utc

NUDGE_BEFORE = timedelta(hours=24)
TWO_THIRDS = Fraction(2, 3)


class Choice(StrEnum):
    YES = "yes"
    NO = "no"
    ABSTAIN = "abstain"


class Majority(StrEnum):
    """How many yes votes agree a proposal, each rule in one line (the words /rules shows).

    Counted in whole numbers, never floats: only yes and no count; abstentions count towards quorum only.
    """

    SIMPLE = "simple"  # more yes than no
    TWO_THIRDS = "two_thirds"  # at least one yes, and yes is at least two thirds of yes + no
    UNANIMOUS = "unanimous"  # at least one yes, and nobody says no

    def passes(self, yes: int, no: int) -> bool:
        match self:
            case Majority.SIMPLE:
                return yes > no
            case Majority.TWO_THIRDS:
                return yes > 0 and yes >= TWO_THIRDS * (yes + no)
            case Majority.UNANIMOUS:
                return yes > 0 and no == 0

    def tied(self, yes: int, no: int) -> bool:
        """As many yes as no (and some of each) under a simple majority; the other rules have no tie."""
        return self is Majority.SIMPLE and yes == no > 0

    def yes_needed(self, votes: int) -> int:
        """The fewest yes out of `votes` yes-or-no votes that agree (the worked example in /rules)."""
        return next(yes for yes in range(votes + 1) if self.passes(yes, votes - yes)) if votes else 1


class TieBreak(StrEnum):
    """What a group does with a tie (its coordinators choose; a tie never passes by itself)."""

    NOT_PASSED = "not_passed"  # nothing changes without a majority
    COORDINATORS = "coordinators"  # the group's coordinators decide, with a reason everyone sees
    EXTEND_ONCE = "extend_once"  # one more day of voting; still a tie, then it does not pass


class OutcomeKind(StrEnum):
    OPEN = "open"
    PASSED = "passed"
    NOT_PASSED = "not_passed"
    NO_QUORUM = "no_quorum"
    TIE_EXTEND = "tie_extend"
    TIE_NOT_PASSED = "tie_not_passed"
    TIE_COORDINATORS = "tie_coordinators"


@dataclass(frozen=True)
class DecisionRule:
    """A group's decision rule; the defaults are a simple majority of at least three people, and a tie
    does not pass."""

    quorum_min_voters: int = 3
    quorum_share: Fraction | None = None
    majority: Majority = Majority.SIMPLE
    tie_break: TieBreak = TieBreak.NOT_PASSED
    earlier_date_wins: bool = False  # between tied dates, the earlier one (else the tie rule decides)
    close_early_when_all_voted: bool = True
    tie_extension: timedelta = timedelta(hours=24)
    anonymous: bool = True

    def quorum(self, known_members: int) -> int:
        """How many must take part. The floor is never lowered, even for a group smaller than it."""
        if self.quorum_share is None:
            return self.quorum_min_voters
        share = self.quorum_share * known_members
        return max(self.quorum_min_voters, -(-share.numerator // share.denominator))  # rounded up, exactly


@dataclass(frozen=True)
class Vote:
    """One press of a vote button. A later press on the same option replaces an earlier one."""

    voter_id: int
    option_index: int
    choice: Choice

    def __post_init__(self) -> None:
        object.__setattr__(self, "choice", Choice(self.choice))  # "yes" from a callback becomes Choice.YES


@dataclass(frozen=True)
class OptionCount:
    yes: int = 0
    no: int = 0
    abstain: int = 0


@dataclass(frozen=True)
class Tally:
    """Counts per option, and the people who took part (they count toward quorum)."""

    options: tuple[OptionCount, ...]
    voters: frozenset[int] = field(default_factory=frozenset)

    @property
    def turnout(self) -> int:
        return len(self.voters)


@dataclass(frozen=True)
class Outcome:
    """Where a vote ended. `tied` names the tied options; on PASSED it means the earlier date broke a tie."""

    kind: OutcomeKind
    winner: int | None = None
    tied: tuple[int, ...] = ()
    new_closes_at: datetime | None = None


OPEN = Outcome(OutcomeKind.OPEN)


def latest_votes(votes: Iterable[Vote]) -> tuple[Vote, ...]:
    """Each person's last word on each option, given votes in arrival order (one person, one vote)."""
    latest: dict[tuple[int, int], Vote] = {}
    for vote in votes:
        key = (vote.voter_id, vote.option_index)
        latest.pop(key, None)  # re-insert so the result stays in arrival order of the latest votes
        latest[key] = vote
    return tuple(latest.values())


def tally(votes: Iterable[Vote], option_count: int) -> Tally:
    """Count the latest votes. One option is a yes/no proposal; more is approval voting over dates.

    Votes for an option that doesn't exist (a stale button from an edited proposal) are left out.
    """
    if option_count < 1:
        raise ValueError("a proposal has at least one option")
    counted = [vote for vote in latest_votes(votes) if 0 <= vote.option_index < option_count]
    return _single(counted) if option_count == 1 else _approval(counted, option_count)


def _single(votes: list[Vote]) -> Tally:
    counts = Counter(vote.choice for vote in votes)
    option = OptionCount(counts[Choice.YES], counts[Choice.NO], counts[Choice.ABSTAIN])
    return Tally((option,), frozenset(vote.voter_id for vote in votes))


def _approval(votes: list[Vote], option_count: int) -> Tally:
    """Per option: yes = ticks; no = people who ticked something else; abstain = people who ticked nothing.

    A person counts toward quorum once they tick an option or abstain; a tick outweighs their abstention.
    """
    ticks: list[set[int]] = [set() for _ in range(option_count)]
    abstained: set[int] = set()
    for vote in votes:
        if vote.choice == Choice.YES:
            ticks[vote.option_index].add(vote.voter_id)
        elif vote.choice == Choice.ABSTAIN:
            abstained.add(vote.voter_id)
    tickers = set().union(*ticks)
    abstainers = abstained - tickers
    options = tuple(OptionCount(len(ticked), len(tickers - ticked), len(abstainers)) for ticked in ticks)
    return Tally(options, frozenset(tickers | abstainers))


def decide(rule: DecisionRule, tally: Tally, known_members: int, now: datetime, closes_at: datetime,
           extended: bool) -> Outcome:
    """Where a vote stands now.

    Before closes_at it stays open, unless everyone the bot knows has voted and the result can't change
    by waiting (a tie always waits for the deadline: people may still change their minds). At the
    deadline: no quorum, passed (the winning option), not passed, or a tie, settled by the group's tie rule.
    """
    result = _result(rule, tally, known_members, closes_at, extended)
    if now >= closes_at:
        return result
    everyone_voted = known_members > 0 and tally.turnout >= known_members
    settled = result.kind in (OutcomeKind.PASSED, OutcomeKind.NOT_PASSED) and not result.tied
    if rule.close_early_when_all_voted and everyone_voted and settled:
        return result
    return OPEN


def _result(rule: DecisionRule, tally: Tally, known_members: int, closes_at: datetime, extended: bool) -> Outcome:
    if tally.turnout < rule.quorum(known_members):
        return Outcome(OutcomeKind.NO_QUORUM)
    if len(tally.options) == 1:
        only = tally.options[0]
        if rule.majority.tied(only.yes, only.no):
            return _tie(rule, (0,), closes_at, extended)
        return Outcome(OutcomeKind.PASSED, winner=0) if rule.majority.passes(only.yes, only.no) else Outcome(
            OutcomeKind.NOT_PASSED)
    passing = [index for index, option in enumerate(tally.options) if rule.majority.passes(option.yes, option.no)]
    if not passing:
        return Outcome(OutcomeKind.NOT_PASSED)
    most = max(tally.options[index].yes for index in passing)
    leaders = tuple(index for index in passing if tally.options[index].yes == most)
    if len(leaders) == 1:
        return Outcome(OutcomeKind.PASSED, winner=leaders[0])
    if rule.earlier_date_wins:  # options are kept in date order, so the lowest index is the earliest date
        return Outcome(OutcomeKind.PASSED, winner=leaders[0], tied=leaders)
    return _tie(rule, leaders, closes_at, extended)


def _tie(rule: DecisionRule, tied: tuple[int, ...], closes_at: datetime, extended: bool) -> Outcome:
    if rule.tie_break is TieBreak.EXTEND_ONCE and not extended:
        return Outcome(OutcomeKind.TIE_EXTEND, tied=tied, new_closes_at=closes_at + rule.tie_extension)
    if rule.tie_break is TieBreak.COORDINATORS:
        return Outcome(OutcomeKind.TIE_COORDINATORS, tied=tied)
    return Outcome(OutcomeKind.TIE_NOT_PASSED, tied=tied)


def nudge_time(opened_at: datetime, closes_at: datetime) -> datetime:
    """When to remind people who haven't voted: 24 hours before the close, or halfway through a short vote."""
    return max(closes_at - NUDGE_BEFORE, opened_at + (closes_at - opened_at) / 2)


def closing_nudge_due(opened_at: datetime, closes_at: datetime, now: datetime) -> bool:
    return nudge_time(opened_at, closes_at) <= now < closes_at


def close_after(opened_at: datetime, days: int, zone: ZoneInfo) -> datetime:
    """The close of a vote open for whole days, at the same local wall-clock time it opened (aware UTC)."""
    opened_local = opened_at.astimezone(zone)
    return local_to_utc(opened_local.date() + timedelta(days=days), opened_local.time(), zone)
