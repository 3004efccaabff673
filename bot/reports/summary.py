"""The short summary that goes with a report: one sentence a coordinator can paste into a funding bid."""

from __future__ import annotations

from bot.i18n.durations import hours_text
from bot.i18n.translator import Tr
from bot.reports.labels import day_label
from bot.services.credit_reports import Report


def summary(tr: Tr, report: Report) -> str:
    """E.g. "Between 1 September 2026 and 30 November 2026, 48 members gave 312 hours across 40 activities
    they chose." Telegram HTML (names and titles escaped)."""
    start, end = day_label(tr, report.start), day_label(tr, report.end)
    totals = report.totals
    if not totals.quarters:
        # Translators: start and end are dates such as "1 September 2026".
        return tr._("Between %(start)s and %(end)s, no time given has been confirmed yet.", start=start, end=end)
    # Translators: start and end are dates; members, hours and activities are counted phrases such as
    # "48 members", "312 hours" and "40 activities".
    return tr._("Between %(start)s and %(end)s, %(members)s gave %(hours)s across %(activities)s they chose.",
                start=start, end=end, hours=hours_text(tr, totals.quarters),
                members=tr.n_("%(n)s member", "%(n)s members", totals.members),
                activities=tr.n_("%(n)s activity", "%(n)s activities", totals.activities))
