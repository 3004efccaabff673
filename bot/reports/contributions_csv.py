"""CSV files: a group's confirmed contributions for funders, and a member's own record.

Headers and words are in the chosen language; dates (ISO) and hours (a plain decimal) stay the same in
both, so a spreadsheet can add them up. UTF-8 with a byte-order mark, so spreadsheet programs show ŵ and
ŷ correctly (read it back with encoding="utf-8-sig"). Every text cell goes through bot/reports/spreadsheet.py,
so nothing a member typed runs as a formula.
"""

from __future__ import annotations

from bot.i18n.durations import hours_decimal
from bot.i18n.translator import Tr
from bot.reports.labels import category_label, plain
from bot.reports.spreadsheet import Cell, Number, csv_bytes
from bot.services.credit_reports import Record, Report


def report_csv(tr: Tr, report: Report) -> bytes:
    """One row per confirmed contribution; a name only where the member agreed, otherwise a number."""
    header: list[Cell] = [tr._("Date"), tr._("Member"), tr._("What they did"), tr._("Activity"), tr._("Hours"),
                          tr._("Group")]
    rows = [header]
    for row in report.rows:
        # Translators: number tells apart members who chose not to be named in reports.
        member = row.member or plain(tr._("Member %(number)s", number=row.member_number))
        rows.append([row.day.isoformat(), member, category_label(tr, row.category), row.activity,
                     Number(hours_decimal(row.quarters)), report.group.title])
    return csv_bytes(rows)


def record_csv(tr: Tr, record: Record) -> bytes:
    """A member's own record: everything they logged, and every credit they gave, spent or were given."""
    header: list[Cell] = [tr._("Date"), tr._("Entry"), tr._("Status"), tr._("Group"), tr._("What they did"),
                          tr._("Details"), tr._("Hours"), tr._("With")]
    rows = [header]
    for row in record.rows:
        rows.append([row.day.isoformat(), _kind(tr, row.kind), _state(tr, row.state), row.group,
                     category_label(tr, row.category) if row.category else "", row.note,
                     Number(hours_decimal(row.quarters)), row.other])
    rows.append([])
    rows.append([tr._("Balance"), "", "", "", "", "", Number(hours_decimal(record.balance)), ""])
    return csv_bytes(rows)


def _kind(tr: Tr, kind: str) -> str:
    return {
        "contribution": tr._("Time given"), "gift_out": tr._("Gift given"), "gift_in": tr._("Gift received"),
        "spend": tr._("Spent"), "adjust": tr._("Correction by a coordinator"),
    }.get(kind, kind)


def _state(tr: Tr, state: str) -> str:
    return {"pending": tr._("Waiting for confirmation"), "confirmed": tr._("Confirmed"),
            "rejected": tr._("Not confirmed"), "withdrawn": tr._("Taken back")}.get(state, "")
