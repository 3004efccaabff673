"""How time credits read in Welsh and English: hours with the right number words, the CSV, the chart and
the summary for funders (no database: a report is plain data)."""

import csv
import io
from datetime import date

import pytest
from PIL import Image

from bot.domain.credits import Given, by_month_and_category, months_between, totals
from bot.i18n.durations import hours_decimal, hours_text
from bot.i18n.translator import Tr
from bot.reports.chart import hours_chart
from bot.reports.contributions_csv import report_csv
from bot.reports.summary import summary
from bot.services.credit_reports import Report, ReportRow
from bot.store.models import Group

WELSH, ENGLISH = Tr("cy"), Tr("en")


@pytest.mark.parametrize(("quarters", "welsh", "english"), [
    (1, "chwarter awr", "a quarter of an hour"), (2, "hanner awr", "half an hour"), (4, "un awr", "1 hour"),
    (6, "un awr a hanner", "1½ hours"), (8, "dwy awr", "2 hours"), (10, "dwy awr a hanner", "2½ hours"),
    (12, "tair awr", "3 hours"), (13, "tair awr a chwarter", "3¼ hours"), (15, "tair awr a thri chwarter", "3¾ hours"),
    (16, "pedair awr", "4 hours"), (24, "chwe awr", "6 hours"), (44, "11 awr", "11 hours"),
    (1248, "312 awr", "312 hours"), (0, "0 awr", "0 hours"),
])
def test_hours_read_naturally_in_welsh_and_english(quarters, welsh, english):
    assert hours_text(WELSH, quarters) == welsh
    assert hours_text(ENGLISH, quarters) == english


def test_spreadsheets_get_plain_decimal_hours_in_both_languages():
    assert [hours_decimal(q) for q in (1, 2, 3, 4, 10, -6)] == ["0.25", "0.5", "0.75", "1", "2.5", "-1.5"]


def a_report(rows):
    group = Group(id=1, organisation_id=1, chat_id=-100, title="Cerddwyr & Co")
    start, end = date(2026, 9, 1), date(2026, 11, 30)
    given = [Given(row.member_number, row.day, row.category, row.quarters, f"m{row.contribution_id}") for row in rows]
    return Report(group, start, end, rows, totals(given), months_between(start, end), by_month_and_category(given))


ROWS = [ReportRow(date(2026, 9, 5), None, 1, "driving", "Taith", 10, 1),
        ReportRow(date(2026, 10, 2), "Ceri", 2, "cooking", "", 4, 2),
        ReportRow(date(2026, 11, 8), None, 1, "peer_support", "Taith", 8, 3)]


def test_the_csv_has_welsh_headers_names_only_where_agreed_and_adds_up():
    rows = list(csv.DictReader(io.StringIO(report_csv(WELSH, a_report(ROWS)).decode("utf-8-sig"))))
    assert list(rows[0]) == ["Dyddiad", "Aelod", "Beth wnaethon nhw", "Gweithgaredd", "Oriau", "Grŵp"]
    assert [row["Aelod"] for row in rows] == ["Aelod 1", "Ceri", "Aelod 1"]
    assert [row["Beth wnaethon nhw"] for row in rows] == ["Gyrru", "Coginio neu wneud te", "Cymorth gan gymheiriaid"]
    assert sum(float(row["Oriau"]) for row in rows) == 5.5
    assert rows[0]["Grŵp"] == "Cerddwyr & Co"  # a file, not Telegram: nothing is HTML-escaped


def test_the_csv_has_english_headers_when_asked_in_english():
    first = report_csv(ENGLISH, a_report(ROWS)).decode("utf-8-sig").splitlines()[0]
    assert first == "Date,Member,What they did,Activity,Hours,Group"


@pytest.mark.parametrize(("language", "title", "word"), [("cy", "Oriau a roddwyd: Cerddwyr & Co", "Gyrru"),
                                                          ("en", "Hours given to Cerddwyr & Co", "Driving")])
def test_the_chart_is_a_png_for_a_phone_labelled_in_the_language_asked(language, title, word):
    image = Image.open(io.BytesIO(hours_chart(Tr(language), a_report(ROWS))))
    assert image.format == "PNG" and image.height > image.width >= 900
    assert image.info["Title"].startswith(title) and word in image.info["Description"]


def test_an_empty_period_still_draws_a_chart():
    image = Image.open(io.BytesIO(hours_chart(WELSH, a_report([]))))
    assert image.format == "PNG"


def test_the_summary_counts_members_hours_and_activities_in_each_language():
    report = a_report(ROWS)
    assert summary(WELSH, report) == ("Rhwng 1 Medi 2026 a 30 Tachwedd 2026, rhoddwyd pum awr a hanner gan 2 aelod, "
                                      "mewn 3 gweithgaredd o'u dewis eu hunain.")
    assert summary(ENGLISH, report) == ("Between 1 September 2026 and 30 November 2026, 2 members gave 5½ hours "
                                        "across 3 activities they chose.")
    assert "no time given has been confirmed yet" in summary(ENGLISH, a_report([]))


def test_welsh_counts_mutate_after_two():
    assert WELSH.n_("%(n)s activity", "%(n)s activities", 2) == "2 weithgaredd"
    assert WELSH.n_("⏳ Waiting for confirmation: %(n)s entry", "⏳ Waiting for confirmation: %(n)s entries", 3) \
        == "⏳ Yn aros am gadarnhad: 3 chofnod"
