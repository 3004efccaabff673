"""Draw a chart from its plain description (see chart.py), as PNG bytes: `python -m bot.reports.chart_drawing`
reads the description as JSON on stdin and writes the PNG to stdout.

It runs in a short-lived child process so that matplotlib (about 45 MB once imported) never stays in the
bot's memory for the sake of a report drawn a few times a quarter. It draws with the Agg backend on a
Figure of its own (no pyplot state).
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any

SIZE_INCHES = (7.2, 8.4)
DPI = 150


def draw(chart: dict[str, Any]) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    labels: list[str] = chart["labels"]
    positions = list(range(len(labels)))
    bottoms = [0.0] * len(labels)
    for series in chart["series"]:
        heights = series["heights"]
        axes.bar(positions, heights, 0.7, bottom=bottoms, color=series["colour"], label=series["label"])
        bottoms = [base + height for base, height in zip(bottoms, heights, strict=True)]
    for position, total, written in zip(positions, bottoms, chart["totals"], strict=True):
        if total:
            axes.annotate(written, (position, total), xytext=(0, 4), textcoords="offset points",
                          ha="center", va="bottom", fontsize=13, fontweight="bold")
    axes.set_xticks(positions, labels, fontsize=12, rotation=45 if len(labels) > 4 else 0)
    axes.tick_params(axis="y", labelsize=12)
    axes.set_ylabel(chart["y_label"], fontsize=14)
    axes.set_ylim(0, max([*bottoms, 1.0]) * 1.15)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(chart["title"], fontsize=15, loc="left")
    if any(bottoms):
        figure.legend(loc="outside lower center", ncols=2, fontsize=12, frameon=False)
    else:
        axes.text(0.5, 0.5, chart["empty"], transform=axes.transAxes, ha="center", fontsize=13)
    buffer = io.BytesIO()
    # The words are kept as PNG text too, for screen readers and for anyone checking the language.
    figure.savefig(buffer, format="png", metadata={"Title": chart["title"], "Description": chart["description"]})
    return buffer.getvalue()


if __name__ == "__main__":
    sys.stdout.buffer.write(draw(json.load(sys.stdin)))
