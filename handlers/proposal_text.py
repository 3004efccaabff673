"""How proposals read: the group post with its live tally, outcomes, summaries. Text only, no I/O."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.chat.callbacks import encode
from bot.chat.keyboard import Button, Keyboard
from bot.domain.dates import shows_year
from bot.domain.decisions import Outcome, OutcomeKind
from bot.domain.proposals import Draft, Needs
from bot.i18n.markup import BLANK, Markup, bold, escape, one_per_line
from bot.i18n.translator import Tr, label_in
from bot.services.proposals import ProposalView
from bot.voice.words import when_words
from handlers.removed_words import shown

VOTE = "v"
CHOICE_CODES = {"y": "yes", "n": "no", "a": "abstain"}
DAY_LABEL = "EEE d MMM"
# Easy Read day buttons spell the day out ("Dydd Mawrth 8 Rhagfyr"): "Maw 8 Rhag" is hard to read, and in
# Welsh "Maw" is both Tuesday and March.
EASY_DAY_LABEL = "EEEE d MMMM"


def day_label(easy: bool) -> str:
    """The pattern for a day button: abbreviated, or in full for Easy Read."""
    return EASY_DAY_LABEL if easy else DAY_LABEL
WHEN = "EEEE d MMMM, HH:mm"
WHEN_WITH_YEAR = "EEEE d MMMM y, HH:mm"


def when(tr: Tr, moment: datetime, zone: ZoneInfo, now: datetime | None = None) -> str:
    """A date and time; with its year when, seen from `now`, it is past or beyond the next few months."""
    return tr.when(moment, zone, WHEN_WITH_YEAR if now is not None and shows_year(moment, now) else WHEN)


def needs_line(tr: Tr, needs: Needs) -> Markup:
    parts = []
    if needs.room:
        parts.append(tr._("a room"))
    if needs.transport_seats:
        parts.append(tr.n_("transport for %(n)s person", "transport for %(n)s people", needs.transport_seats))
    if needs.money:
        # Translators: amount is a whole number of pounds sterling.
        parts.append(tr._("£%(amount)s", amount=needs.money))
    return Markup("; ").join(parts) if parts else tr._("nothing from the organisation")


def details(tr: Tr, title: str, description: str, options: list[datetime], place: str, needs: Needs,
            zone: ZoneInfo, now: datetime) -> list[Markup]:
    """The lines every view of a proposal shares: what, when, where, needs."""
    lines: list[Markup] = [bold(title)]
    if description:
        lines.append(escape(shown(tr, description)))
    if len(options) == 1:
        lines.append(tr._("📅 When: %(when)s", when=when(tr, options[0], zone, now)))
    elif options:
        lines.append(tr._("📅 Dates to choose from:"))
        lines.extend(escape(f"   • {when(tr, moment, zone, now)}") for moment in options)
    if place:
        lines.append(tr._("📍 Where: %(place)s", place=place))
    lines.append(tr._("🧰 Needs: %(needs)s", needs=needs_line(tr, needs)))
    return lines


def draft_summary(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime) -> Markup:
    lines = details(tr, draft.title, draft.description, draft.options, draft.place, draft.needs, zone, now)
    if draft.closes_at is not None:
        lines.append(tr._("⏳ Voting closes: %(when)s", when=when(tr, draft.closes_at, zone, now)))
    return one_per_line(lines)


def easy_draft_summary(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime) -> Markup:
    """The proposal in Easy Read: what, when, where (its needs are on the buttons before)."""
    lines: list[Markup] = [tr.p_("easy", "📝 What: %(title)s", title=draft.title)]
    if len(draft.options) == 1:
        lines.append(tr.p_("easy", "📅 When: %(when)s", when=when(tr, draft.options[0], zone, now)))
    else:
        lines.append(tr.p_("easy", "📅 Dates to choose from:"))
        lines.extend(escape(f"• {when(tr, moment, zone, now)}") for moment in draft.options)
    if draft.place:
        lines.append(tr.p_("easy", "📍 Where: %(place)s", place=draft.place))
    if draft.closes_at is not None:
        # Translators: Easy Read. when is the date and time voting ends.
        lines.append(tr.p_("easy", "⏳ Voting ends: %(when)s", when=when(tr, draft.closes_at, zone, now)))
    return one_per_line(lines)


def draft_speech(tr: Tr, draft: Draft, zone: ZoneInfo) -> Markup:
    """The proposal read aloud: dates and times as words ("dydd Sadwrn y pumed o Ragfyr, …")."""
    days = "; ".join(when_words(moment, zone, tr.language) for moment in draft.options)
    lines = [tr.p_("easy", "This is your idea: %(title)s.", title=draft.title),
             tr.p_("easy", "When: %(when)s.", when=days)]
    if draft.place:
        lines.append(tr.p_("easy", "Where: %(place)s.", place=draft.place))
    lines.append(tr.p_("easy", "Send it to the group?"))
    return one_per_line(lines)


def _voters(tr: Tr, view: ProposalView) -> Markup:
    voters = view.tally.turnout
    needed = view.rule.quorum(view.known_members)
    counted = tr.n_("👥 %(n)s person has voted", "👥 %(n)s people have voted", voters)
    return counted + Markup(" · ") + tr.n_("at least %(n)s needed", "at least %(n)s needed", needed)


def post(tr: Tr, view: ProposalView) -> Markup:
    """The group post: the proposal, the live tally and when voting closes."""
    proposal = view.proposal
    zone, now = view.zone, proposal.opened_at
    head = tr._("🗳️ New proposal from %(name)s", name=view.proposer.display_name)
    lines: list[Markup] = [head, *details(tr, proposal.title, proposal.description, [o.starts_at for o in view.options],
                            proposal.place, Needs.from_dict(proposal.needs), zone, now), BLANK]
    if view.is_date_choice:
        lines.append(tr._("📊 Tick every date you can make:"))
        for option, count in zip(view.options, view.tally.options, strict=True):
            lines.append(Markup("   • {}: {}{}").format(when(tr, option.starts_at, zone, now),
                                                        tr.n_("%(n)s tick", "%(n)s ticks", count.yes),
                                                        _who(view, option.index, "yes")))
    else:
        count = view.tally.options[0]
        lines.append(tr._("📊 Yes %(yes)s · No %(no)s · Abstain %(abstain)s",
                          yes=count.yes, no=count.no, abstain=count.abstain))
        if view.names:
            lines.extend(escape(f"   {mark}{_who(view, 0, choice)}") for mark, choice in
                         (("✅", "yes"), ("❌", "no"), ("🤷", "abstain")) if (0, choice) in view.names)
    lines.append(_voters(tr, view))
    if proposal.state == "withdrawn":
        lines.append(tr._("🗑 Withdrawn by the proposer."))
    elif proposal.state in ("open", "tie") and proposal.closes_at:
        lines.append(tr._("⏳ Voting closes: %(when)s", when=when(tr, proposal.closes_at, zone, now)))
    if proposal.state not in ("open", "withdrawn"):
        lines.append(tr._("🏁 Voting has closed."))
    return one_per_line(lines)


def _who(view: ProposalView, index: int, choice: str) -> str:
    """The names behind a count, only in groups that chose open votes (plain text: escape it where it goes)."""
    names = view.names.get((index, choice))
    return f" ({', '.join(names)})" if names else ""


def vote_keyboard(view: ProposalView, languages: tuple[str, ...]) -> Keyboard:
    def button(render, index: int, code: str) -> Button:  # type: ignore[no-untyped-def]
        return Button(label_in(languages, render), encode(VOTE, view.id, index, code))

    abstain = button(lambda tr: tr._("🤷 Abstain"), 0, "a")
    if not view.is_date_choice:
        return Keyboard.of(
            [button(lambda tr: tr._("✅ Yes"), 0, "y"), button(lambda tr: tr._("❌ No"), 0, "n")], [abstain]
        )
    rows = [
        [button(lambda tr, moment=option.starts_at: "📅 " + tr.when(moment, view.zone, _button_pattern(view, moment)),
                option.index, "y")]
        for option in view.options
    ]
    return Keyboard.of(*rows, [abstain])


def _button_pattern(view: ProposalView, moment: datetime) -> str:
    return "EEE d MMM y, HH:mm" if shows_year(moment, view.proposal.opened_at) else "EEE d MMM, HH:mm"


def outcome(tr: Tr, view: ProposalView, result: Outcome, decided_by: str | None = None) -> Markup:
    """The announcement when a vote ends (or is extended, or waits for the coordinators, after a tie)."""
    title = view.proposal.title
    zone, now = view.zone, view.proposal.opened_at
    text: Markup
    match result.kind:
        case OutcomeKind.PASSED:
            assert result.winner is not None
            moment = when(tr, view.options[result.winner].starts_at, zone, now)
            text = tr._("✅ Agreed: %(title)s\n📅 When: %(when)s", title=title, when=moment)
            if result.tied:
                text = one_per_line([text, tr._("⚖️ Dates were tied; as the group's rule says, the earlier date "
                                                "goes ahead.")])
        case OutcomeKind.NOT_PASSED:
            text = tr._("❌ Not agreed this time: %(title)s", title=title)
        case OutcomeKind.NO_QUORUM:
            text = tr._("🤷 Not enough people voted on %(title)s, so it doesn't go ahead this time.", title=title)
        case OutcomeKind.TIE_EXTEND:
            assert result.new_closes_at is not None
            text = tr._("⚖️ It's a tie on %(title)s. Voting stays open until %(when)s.", title=title,
                        when=when(tr, result.new_closes_at, zone, now))
        case OutcomeKind.TIE_NOT_PASSED:
            text = tr._("⚖️ It's a tie on %(title)s, so it doesn't go ahead: nothing changes without a majority.",
                        title=title)
        case _:
            text = tr._("⚖️ It's a tie on %(title)s. As the group's rule says, the coordinators will decide and "
                        "say why.", title=title)
    reason = view.proposal.closed_reason
    if reason and decided_by is not None:
        text = one_per_line([text, tr._("⚖️ The tie was decided by a coordinator, %(name)s. Reason: %(reason)s",
                                        name=decided_by, reason=reason)])
    elif reason:
        text = one_per_line([text, tr._("🛑 Closed early by a coordinator: %(reason)s", reason=reason)])
    return text
