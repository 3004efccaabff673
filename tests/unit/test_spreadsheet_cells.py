"""CSV files Criw writes are opened in LibreOffice Calc and Excel: a cell a member typed must never become a
formula there (OWASP "CSV injection"), while hours stay numbers a spreadsheet can add up."""

import csv
import io
from datetime import date

import pytest

from bot.i18n.translator import Tr
from bot.reports.contributions_csv import record_csv, report_csv
from bot.services.credit_reports import Record, RecordRow, ReportRow
from bot.store.models import Person
from tests.unit.test_credit_words import a_report

HOSTILE = '=HYPERLINK("http://example.org/","click")'
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_a_member_named_like_a_formula_is_text_in_the_funders_report():
    report = a_report([ReportRow(date(2026, 9, 5), HOSTILE, 2, "driving", "+cmd|' /C calc'!A0", 6, 1)])
    header, row = rows_of(report_csv(Tr("en"), report))
    cells = dict(zip(header, row, strict=True))
    assert cells["Member"] == "'" + HOSTILE
    assert cells["Activity"] == "'+cmd|' /C calc'!A0"
    assert cells["Hours"] == "1.5"


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_every_cell_starting_like_a_formula_is_neutralised_in_a_members_record(start):
    text = f"{start}1+1"
    record = Record(Person(id=1, telegram_id=1, display_name="Ceri"), [
        RecordRow(date(2026, 9, 5), "gift_in", "", f"{start}Grŵp", "", text, 4, f"{start}Dai"),
        RecordRow(date(2026, 9, 6), "adjust", "", "Grŵp", "", "", -6, ""),
    ], balance=-2)
    rows = rows_of(record_csv(Tr("cy"), record))
    gift, adjustment = rows[1], rows[2]
    assert gift[3] == f"'{start}Grŵp" and gift[5] == f"'{text}" and gift[7] == f"'{start}Dai"
    assert adjustment[6] == "-1.5"  # a real negative number stays a number
    assert rows[-1][6] == "-0.5"
    assert not any(cell.startswith(FORMULA_STARTS) for row in rows for cell in row if cell not in ("-1.5", "-0.5"))
