"""The evidence report once worded (handlers/evidence_text.py), in one language, as plain text ready for
the PDF (evidence_pdf.py) and the CSV files (evidence_csv.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    heading: str
    lines: list[tuple[str, str]]  # (label, value)


@dataclass(frozen=True)
class Page:
    title: str
    sections: list[Section]


@dataclass(frozen=True)
class Table:
    name: str  # for the CSV file's name
    rows: list[list[str]]  # the first is the header


@dataclass(frozen=True)
class Worded:
    language: str
    title: str
    period: str
    headline: Page
    groups: list[Page]  # a page per group (organisation-wide reports)
    chart_title: str
    chart: list[tuple[str, int, str]]  # (month, attendances to draw, what to write on the bar)
    tables: list[Table]
    stories_heading: str
    stories: list[str]  # one paragraph each, as their tellers agreed
    left_out_heading: str
    left_out: list[str]
