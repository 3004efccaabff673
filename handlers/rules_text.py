"""How a group's rule reads, in plain language and in Easy Read, with worked examples. Text only, no I/O."""

from __future__ import annotations

from bot.domain.decisions import Majority, TieBreak
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Tr
from bot.services.rules import GroupRules

EXAMPLES = {Majority.SIMPLE: (3, 4), Majority.TWO_THIRDS: (3, 6), Majority.UNANIMOUS: (3,)}


def _majority(tr: Tr, majority: Majority) -> Markup:
    match majority:
        case Majority.SIMPLE:
            return tr._("more yes than no")
        case Majority.TWO_THIRDS:
            return tr._("at least two thirds of the yes and no votes are yes")
        case Majority.UNANIMOUS:
            return tr._("at least one yes, and nobody says no")


def _tie(tr: Tr, tie_break: TieBreak) -> Markup:
    match tie_break:
        case TieBreak.NOT_PASSED:
            return tr._("⚖️ A tie doesn't pass: nothing changes without a majority.")
        case TieBreak.COORDINATORS:
            return tr._("⚖️ A tie: the group's coordinators decide, and tell the group why.")
        case TieBreak.EXTEND_ONCE:
            return tr._("⚖️ A tie: voting stays open one more day; if it's still a tie, it doesn't pass.")


def describe(tr: Tr, current: GroupRules) -> Markup:
    rule = current.rule
    if rule.quorum_share is not None:
        quorum = tr._("half of the members the bot knows (at least %(n)s)", n=rule.quorum_min_voters)
    else:
        quorum = tr.n_("at least %(n)s person", "at least %(n)s people", rule.quorum_min_voters)
    openness = tr._("anonymous: the group sees only totals") if rule.anonymous else tr._(
        "open: the group sees who voted how")
    examples = [
        # Translators: n is a number of yes and no votes; yes is how many of them must be yes.
        tr.n_("   For example: with %(n)s vote, %(yes)s yes is enough.",
              "   For example: with %(n)s votes, %(yes)s yes is enough.", votes, yes=rule.majority.yes_needed(votes))
        for votes in EXAMPLES[rule.majority]
    ]
    dates = tr._("📅 Between dates, the date with the most ticks goes ahead if it meets the rule above; tied dates: "
                 "the earlier one.") if rule.earlier_date_wins else tr._(
        "📅 Between dates, the date with the most ticks goes ahead if it meets the rule above; tied dates are a tie.")
    return one_per_line([
        tr._("⚖️ How this group decides"),
        tr._("👥 Who must vote: %(quorum)s", quorum=quorum),
        tr._("✅ To agree: %(majority)s", majority=_majority(tr, rule.majority)),
        *examples,
        tr._("🤷 Abstaining counts towards who must vote, not for or against."),
        _tie(tr, rule.tie_break),
        dates,
        tr._("🙈 Votes: %(openness)s", openness=openness),
        tr.n_("🧰 The organisation needs %(n)s day's notice for a room, transport or money.",
              "🧰 The organisation needs %(n)s days' notice for a room, transport or money.", current.notice_days),
    ])


def easy_describe(tr: Tr, current: GroupRules) -> Markup:
    rule = current.rule
    votes = EXAMPLES[rule.majority][0]
    lines = [tr.p_("easy", "⚖️ How your group decides"),
             tr.p_("easy", "👥 At least half the members must vote.") if rule.quorum_share is not None else
             # Translators: Easy Read. n is how many people must vote.
             tr.p_("easy", "👥 At least %(n)s people must vote.", n=rule.quorum_min_voters)]
    match rule.majority:
        case Majority.SIMPLE:
            lines.append(tr.p_("easy", "✅ It goes ahead if more people say yes than no."))
        case Majority.TWO_THIRDS:
            lines.append(tr.p_("easy", "✅ It goes ahead if 2 out of every 3 votes say yes."))
        case Majority.UNANIMOUS:
            lines.append(tr.p_("easy", "✅ It goes ahead only if nobody says no."))
    # Translators: Easy Read. n is a number of people voting yes or no; yes is how many must say yes.
    lines.append(tr.p_("easy", "💡 %(n)s people vote: %(yes)s yes is enough.", n=votes,
                       yes=rule.majority.yes_needed(votes)))
    match rule.tie_break:
        case TieBreak.NOT_PASSED:
            lines.append(tr.p_("easy", "⚖️ If yes and no are equal, it does not go ahead."))
        case TieBreak.COORDINATORS:
            lines.append(tr.p_("easy", "⚖️ If yes and no are equal, the coordinators decide."))
        case TieBreak.EXTEND_ONCE:
            lines.append(tr.p_("easy", "⚖️ If yes and no are equal, people get one more day to vote."))
    return one_per_line(lines)
