"""A PNG chart of hours given per month, stacked by what people did, in Welsh or English.

Sized to be read on a phone held upright: big type, a legend under the bars, each month's total written
above its bar, and colours that stay distinct for colour-blind readers (Okabe and Ito's palette).
matplotlib is imported only when a chart is drawn, so the bot starts fast; it draws with the Agg backend
on a Figure of its own (no pyplot state shared between threads).
"""

from __future__ import annotations

import io
import textwrap

from bot.domain.contributions import Category
from bot.i18n.translator import Tr
from bot.reports.labels import category_label, day_label, month_label, plain
from bot.services.credit_reports import Report

COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999"]
SIZE_INCHES = (7.2, 8.4)
DPI = 150


def hours_chart(tr: Tr, report: Report) -> bytes:
    """The report's hours per month and category as PNG bytes, labelled in tr's language."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels = [month_label(tr, year, month) for year, month in report.months]
    positions = list(range(len(labels)))
    bottoms = [0.0] * len(labels)
    for colour, category in zip(COLOURS, Category, strict=True):
        heights = [report.by_month.get(month, {}).get(category, 0) / 4 for month in report.months]
        if any(heights):
            axes.bar(positions, heights, 0.7, bottom=bottoms, color=colour, label=category_label(tr, category))
            bottoms = [base + height for base, height in zip(bottoms, heights, strict=True)]
    for position, total in zip(positions, bottoms, strict=True):
        if total:
            axes.annotate(tr.number(total), (position, total), xytext=(0, 4), textcoords="offset points",
                          ha="center", va="bottom", fontsize=13, fontweight="bold")
    axes.set_xticks(positions, labels, fontsize=12, rotation=45 if len(labels) > 4 else 0)
    axes.tick_params(axis="y", labelsize=12)
    axes.set_ylabel(tr._("Hours"), fontsize=14)
    axes.set_ylim(0, max([*bottoms, 1.0]) * 1.15)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(_title(tr, report), fontsize=15, loc="left")
    if any(bottoms):
        figure.legend(loc="outside lower center", ncols=2, fontsize=12, frameon=False)
    else:
        axes.text(0.5, 0.5, tr._("No confirmed hours in this period yet."), transform=axes.transAxes,
                  ha="center", fontsize=13)
    buffer = io.BytesIO()
    # The words are kept as PNG text too, for screen readers and for anyone checking the language.
    words = [tr._("Hours"), *(category_label(tr, category) for category in Category)]
    figure.savefig(buffer, format="png", metadata={"Title": _title(tr, report), "Description": ", ".join(words)})
    return buffer.getvalue()


def _title(tr: Tr, report: Report) -> str:
    group = textwrap.shorten(report.group.title, 60, placeholder="…")
    # Translators: a chart's title; group is the group's name, start and end are dates.
    title = plain(tr._("Hours given to %(group)s\n%(start)s – %(end)s", group=group,
                      start=day_label(tr, report.start), end=day_label(tr, report.end)))
    return "\n".join(textwrap.fill(line, 50) for line in title.splitlines())
