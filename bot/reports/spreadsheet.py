"""Rows for a CSV file that spreadsheet programs will open.

A text cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by
LibreOffice Calc and Excel, so a member named `=HYPERLINK(...)` would become a live link. Text cells get a
leading single quote, as OWASP recommends ("CSV injection"); numbers are written as `Number` so a real
negative adjustment stays a number the sheet can add up.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Number:
    """A numeric cell (e.g. hours as "-1.5"), written as it is."""

    text: str


Cell = str | Number


def text_cell(value: str) -> str:
    """Text a spreadsheet shows as text, never runs."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def safe_cell(text: str) -> str:
    """A cell of unknown type (the evidence tables are all words): a plain number such as "-1.5" stays a
    number; anything else is text that never runs."""
    return text if _is_number(text) else text_cell(text)


def untyped_rows(rows: list[list[str]]) -> list[list[Cell]]:
    """Rows of words whose numbers are told apart by their look, ready for `csv_bytes`."""
    return [[Number(text) if _is_number(text) else text for text in row] for row in rows]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_bytes(rows: list[list[Cell]]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs show ŵ and ŷ correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell.text if isinstance(cell, Number) else text_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")
