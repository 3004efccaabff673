"""A PNG chart of hours given per month, stacked by what people did, in Welsh or English.

Sized to be read on a phone held upright: big type, a legend under the bars, each month's total written
above its bar, and colours that stay distinct for colour-blind readers (Okabe and Ito's palette). Here the
chart is described in the reader's language; `chart_drawing.py` draws it with matplotlib in a short-lived
child process, so the bot's own memory stays small (bench/growth.py measures it).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from typing import Any

from bot.domain.contributions import Category
from bot.i18n.translator import Tr
from bot.reports.labels import category_label, day_label, month_label, plain
from bot.services.credit_reports import Report

COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999"]
DRAW_SECONDS = 120  # a generous bound: drawing takes about a second


def hours_chart(tr: Tr, report: Report) -> bytes:
    """The report's hours per month and category as PNG bytes, labelled in tr's language (this blocks
    while the chart is drawn: run it off the event loop)."""
    drawn = subprocess.run([sys.executable, "-m", "bot.reports.chart_drawing"], capture_output=True, check=False,
                           input=json.dumps(describe(tr, report)).encode(), timeout=DRAW_SECONDS)
    if drawn.returncode != 0:
        raise RuntimeError(f"drawing the chart failed: {drawn.stderr.decode(errors='replace')[-2000:]}")
    return drawn.stdout


def describe(tr: Tr, report: Report) -> dict[str, Any]:
    """Everything the chart says, in tr's language, as plain data for chart_drawing.draw."""
    series, totals = [], [0.0] * len(report.months)
    for colour, category in zip(COLOURS, Category, strict=True):
        heights = [report.by_month.get(month, {}).get(category, 0) / 4 for month in report.months]
        if any(heights):
            series.append({"label": category_label(tr, category), "colour": colour, "heights": heights})
            totals = [total + height for total, height in zip(totals, heights, strict=True)]
    words = [tr._("Hours"), *(category_label(tr, category) for category in Category)]
    return {"title": _title(tr, report), "labels": [month_label(tr, year, month) for year, month in report.months],
            "series": series, "totals": [tr.number(total) for total in totals], "y_label": tr._("Hours"),
            "empty": tr._("No confirmed hours in this period yet."), "description": ", ".join(words)}


def _title(tr: Tr, report: Report) -> str:
    group = textwrap.shorten(report.group.title, 60, placeholder="…")
    # Translators: a chart's title; group is the group's name, start and end are dates.
    title = plain(tr._("Hours given to %(group)s\n%(start)s – %(end)s", group=group,
                      start=day_label(tr, report.start), end=day_label(tr, report.end)))
    return "\n".join(textwrap.fill(line, 50) for line in title.splitlines())
