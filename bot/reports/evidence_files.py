"""The evidence report's files, named alike for a chat and for the command line: the PDF and a CSV per table."""

from __future__ import annotations

from bot.reports.evidence_document import Worded
from bot.reports.evidence_pdf import evidence_pdf
from bot.reports.spreadsheet import csv_bytes, untyped_rows


def evidence_files(worded: Worded, stem: str) -> list[tuple[str, bytes]]:
    """(file name, bytes): the PDF first, then each table as CSV (this blocks: run it off the event loop)."""
    files = [(f"{stem}.pdf", evidence_pdf(worded))]
    files += [(f"{stem}-{table.name}.csv", csv_bytes(untyped_rows(table.rows))) for table in worded.tables]
    return files
