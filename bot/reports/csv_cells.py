"""Cells for CSV files that a spreadsheet must not run: text typed by people (a group's name, a story)
that starts like a formula is kept as text."""

from __future__ import annotations

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """A leading apostrophe keeps =SUM(...) as text (OWASP's advice for CSV injection). Plain numbers such
    as "-1.5" stay numbers."""
    if text.startswith(FORMULA_STARTS) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def csv_bytes(rows: list[list[str]]) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs show ŵ and ŷ; every cell made safe."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([[safe_cell(cell) for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")
