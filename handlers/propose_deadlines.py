"""What the review step says about when voting really closes, and what that leaves the organisation.

The numbers come from `bot/domain/deadlines.window`, kept in the conversation as `extra` (ISO strings):
`period_close` (the chosen period's real close), `notice_close` (the latest close leaving the notice, when
one is on offer), `cut` (the period was cut to two hours before the first date), `short` (less than the
notice), `notice_days` and `vote_days`.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.deadlines import VotingWindow
from bot.domain.proposals import Draft
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Tr
from handlers.proposal_text import when


def window_extra(window: VotingWindow, notice_days: int, vote_days: int) -> dict[str, str]:
    """The window as the conversation keeps it."""
    return {"period_close": window.closes_at.isoformat(),
            "notice_close": window.notice_close.isoformat() if window.notice_close else "",
            "cut": "1" if window.cut_by_start else "", "short": "1" if window.short_notice else "",
            "notice_days": str(notice_days), "vote_days": str(vote_days)}


def _state(draft: Draft, extra: dict[str, str]) -> str:
    """Which note applies: "" (none), "offer" (a closing time with notice is on offer), "chosen" (taken),
    or "impossible" (the first date is too soon for the notice whatever the close)."""
    if not extra.get("short"):
        return ""
    notice_close = extra.get("notice_close")
    if not notice_close:
        return "impossible"
    return "chosen" if draft.closes_at is not None and draft.closes_at.isoformat() == notice_close else "offer"


def deadline_notes(tr: Tr, draft: Draft, zone: ZoneInfo, extra: dict[str, str]) -> Markup:
    lines: list[Markup] = []
    days, notice = int(extra.get("vote_days") or 7), int(extra.get("notice_days") or 3)
    if extra.get("cut") and _state(draft, extra) != "chosen":
        lines.append(tr.n_("ℹ️ The first date comes before %(n)s day is up, so voting closes 2 hours before it starts.",
                           "ℹ️ The first date comes before %(n)s days are up, so voting closes 2 hours before it "
                           "starts.", days))
    match _state(draft, extra):
        case "offer":
            lines.append(tr.n_(
                "⚠️ That leaves the organisation less than its %(n)s day's notice to arrange a room, transport or "
                "money.", "⚠️ That leaves the organisation less than its %(n)s days' notice to arrange a room, "
                "transport or money.", notice))
            latest = when(tr, datetime.fromisoformat(extra["notice_close"]), zone)
            lines.append(tr._("⏳ Latest sensible closing time: %(when)s", when=latest))
            lines.append(tr._("You choose: close then, or keep the voting period."))
        case "chosen":
            lines.append(tr.n_("✅ Voting closes in time for the organisation's %(n)s day's notice.",
                               "✅ Voting closes in time for the organisation's %(n)s days' notice.", notice))
        case "impossible":
            lines.append(tr.n_(
                "⚠️ The first date is too soon for the organisation's %(n)s day's notice: a room, transport or "
                "money may not be ready in time.", "⚠️ The first date is too soon for the organisation's %(n)s "
                "days' notice: a room, transport or money may not be ready in time.", notice))
    return one_per_line(lines)


def easy_deadline_notes(tr: Tr, draft: Draft, zone: ZoneInfo, extra: dict[str, str]) -> Markup:
    lines: list[Markup] = []
    if extra.get("cut") and _state(draft, extra) != "chosen":
        lines.append(tr.p_("easy", "ℹ️ Your date is soon.\n⏳ Voting ends 2 hours before it starts."))
    match _state(draft, extra):
        case "offer":
            latest = when(tr, datetime.fromisoformat(extra["notice_close"]), zone)
            # Translators: Easy Read. when is the latest sensible time for voting to end.
            lines.append(tr.p_("easy", "⚠️ The organisation needs time to get things ready.\n"
                                       "⏳ Voting could end earlier: %(when)s\n👆 Press a button to choose.",
                               when=latest))
        case "chosen":
            lines.append(tr.p_("easy", "✅ The organisation has time to get things ready."))
        case "impossible":
            lines.append(tr.p_("easy", "⚠️ Your date is soon.\n🧰 The organisation may not get things ready in time."))
    return one_per_line(lines)
