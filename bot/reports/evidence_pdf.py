"""The evidence report as an A4 PDF a coordinator can send to a funder: the headline figures and a chart of
people at meet-ups by month first, then a page per group, then the stories people agreed to share, then what
the report leaves out.

Large print (14 pt text, 22 pt headings), dark text on white, the chart's bars in Okabe and Ito's blue
(distinct for colour-blind readers), and DejaVu Sans embedded, so ŵ, ŷ and â print and copy correctly.
Drawn by reportlab; a year of 24 groups takes well under a second (bench/evidence.py).
"""

from __future__ import annotations

import functools
import io
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bot.reports.evidence_document import Page, Worded
from bot.reports.schedule_layout import font_file

INK, BLUE, RULE = colors.HexColor("#1A1A1A"), colors.HexColor("#0072B2"), colors.HexColor("#BBBBBB")
WIDTH = A4[0] - 40 * mm


@functools.cache
def _fonts() -> tuple[str, str]:
    """DejaVu Sans (regular, bold) registered once, or Helvetica when it can't be found (no Welsh ŵ, ŷ)."""
    regular, bold = font_file(False), font_file(True)
    if not regular or not bold:
        return "Helvetica", "Helvetica-Bold"
    pdfmetrics.registerFont(TTFont("DejaVuSans", regular))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", bold))
    return "DejaVuSans", "DejaVuSans-Bold"


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    return {
        "title": ParagraphStyle("title", fontName=bold, fontSize=26, leading=32, textColor=INK, spaceAfter=6),
        "heading": ParagraphStyle("heading", fontName=bold, fontSize=22, leading=28, textColor=INK,
                                  spaceBefore=10, spaceAfter=6),
        "section": ParagraphStyle("section", fontName=bold, fontSize=17, leading=22, textColor=INK,
                                  spaceBefore=10, spaceAfter=4),
        "body": ParagraphStyle("body", fontName=regular, fontSize=14, leading=20, textColor=INK),
        "story": ParagraphStyle("story", fontName=regular, fontSize=14, leading=20, textColor=INK, spaceAfter=10,
                                borderPadding=6, leftIndent=6, borderColor=RULE, borderWidth=0.5),
    }


def evidence_pdf(worded: Worded) -> bytes:
    """The PDF's bytes."""
    styles = _styles()
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                                 bottomMargin=18 * mm, title=worded.title, author="Criw", lang=worded.language)
    story: list[Flowable] = [Paragraph(escape(worded.title), styles["title"]),
                             Paragraph(escape(worded.period), styles["body"]), Spacer(1, 6 * mm)]
    if worded.groups:
        story.append(Paragraph(escape(worded.headline.title), styles["heading"]))
    story += _page(worded.headline, styles)
    if worded.chart:
        story += [Paragraph(escape(worded.chart_title), styles["section"]), _chart(worded)]
    for page in worded.groups:
        story += [PageBreak(), Paragraph(escape(page.title), styles["heading"]), *_page(page, styles)]
    if worded.stories:
        story += [PageBreak(), Paragraph(escape(worded.stories_heading), styles["heading"])]
        story += [Paragraph(escape(told), styles["story"]) for told in worded.stories]
    story += [PageBreak(), Paragraph(escape(worded.left_out_heading), styles["heading"])]
    story += [Paragraph("• " + escape(note), styles["body"]) for note in worded.left_out]
    document.build(story)
    return out.getvalue()


def _page(page: Page, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    flowables: list[Flowable] = []
    for section in page.sections:
        flowables.append(Paragraph(escape(section.heading), styles["section"]))
        rows = [[Paragraph(escape(label), styles["body"]), Paragraph(f"<b>{escape(value)}</b>", styles["body"])]
                for label, value in section.lines]
        table = Table(rows, colWidths=[WIDTH * 0.68, WIDTH * 0.32])
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        flowables.append(table)
    return flowables


def _chart(worded: Worded) -> Drawing:
    regular, _ = _fonts()
    months = worded.chart[-12:]  # a year fits across the page in large print
    drawing = Drawing(WIDTH, 80 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 14 * mm, 22 * mm, WIDTH - 18 * mm, 52 * mm
    chart.data = [[height for _, height, _ in months]]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = regular, 11
    chart.categoryAxis.categoryNames = [label for label, _, _ in months]
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = regular, 10
    chart.categoryAxis.labels.angle, chart.categoryAxis.labels.boxAnchor = 45, "ne"
    chart.bars[0].fillColor, chart.bars[0].strokeColor = BLUE, BLUE
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[written for _, _, written in months]]  # "fewer than 5" where a count is hidden
    chart.barLabels.fontName, chart.barLabels.fontSize, chart.barLabels.nudge = regular, 10, 8
    drawing.add(chart)
    return drawing
