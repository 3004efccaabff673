"""A report's files, named the same way for a chat and for the command line."""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n.translator import Tr
from bot.reports.chart import hours_chart
from bot.reports.contributions_csv import report_csv
from bot.services.credit_reports import Report


@dataclass(frozen=True)
class Evidence:
    csv_name: str
    csv: bytes
    chart_name: str
    chart: bytes


def evidence(report: Report, language: str) -> Evidence:
    """The CSV and the PNG chart, in one language (matplotlib draws it: run it off the event loop)."""
    tr = Tr(language)
    stem = f"criw-{report.start.isoformat()}-{report.end.isoformat()}-{language}"
    return Evidence(f"{stem}.csv", report_csv(tr, report), f"{stem}.png", hours_chart(tr, report))
