"""The evidence report's files read back as a reader would: the PDF's text extracted by pypdf (Welsh
letters and all), and the CSVs by the csv module, for one group and for the organisation (small counts
hidden)."""

import asyncio
import csv
import io
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from bot.i18n.translator import Tr
from bot.reports.evidence_files import evidence_files
from bot.reports.spreadsheet import safe_cell
from bot.services import evidence_report
from handlers.evidence_text import worded
from tests.integration.evidence_world import APRIL, COORDINATOR, NOW, WALKERS_CHAT, seed


def pdf_text(content: bytes) -> str:
    """The text, with line breaks (wrapping, or a table's label and value) read as spaces."""
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


async def april(uow, organisation):
    await seed(uow)
    async with uow() as work:
        return await evidence_report.for_coordinator(work, COORDINATOR, WALKERS_CHAT, *APRIL, NOW,
                                                     organisation=organisation)


@pytest.fixture(params=["sqlite"])
def database_url(request, tmp_path):  # the figures are tested on both engines; the files need only one
    return f"sqlite+aiosqlite:///{tmp_path / 'files.db'}"


async def test_a_groups_pdf_holds_its_figures_in_welsh_and_english(uow):
    report = await april(uow, organisation=False)
    (name, welsh), *tables = evidence_files(worded(Tr("cy"), report), "walkers-cy")
    text = pdf_text(welsh)
    assert name == "walkers-cy.pdf" and welsh.startswith(b"%PDF")
    assert "Adroddiad tystiolaeth: Walkers" in text and "Cyfnod: 1 Ebrill 2026 – 30 Ebrill 2026" in text
    assert "Cyfarfodydd a gynhaliwyd 2" in text and "Pobl a ddaeth 3" in text
    assert "Pobl a ddaeth am y tro cyntaf 2" in text and "Cynigion gan gydlynwyr 25%" in text
    assert "Aelodau a bleidleisiodd, ar gyfartaledd 31%" in text and "Seddi wedi'u harchebu 10" in text
    assert "Arian wedi'i gymeradwyo £45" in text and "Cyllideb ar gyfer y cyfnod £500" in text
    assert "Oriau wedi'u cadarnhau 3" in text and "Beth mae'r adroddiad hwn yn ei adael allan, a pham" in text
    assert "grŵp" in text  # ŵ survives: the font is embedded and its characters map back to text
    english = pdf_text(evidence_files(worded(Tr("en"), report), "walkers-en")[0][1])
    assert "Meet-ups held 2" in english and "People who came back 2" in english
    assert "Hours of room time 2.5" in english and "Wheelchair places booked 1" in english
    assert "fewer than" not in english  # a group's own coordinator sees its exact numbers
    figures = list(csv.reader(io.StringIO(tables[0][1].decode("utf-8-sig"))))
    assert figures[0] == ["Ffigur", "Cyfanswm"] and ["Beth ddigwyddodd: Pobl a ddaeth", "3"] in figures


async def test_the_organisations_pdf_hides_small_counts_and_says_so(uow):
    report = await april(uow, organisation=True)
    (_, content), (figures_name, figures_csv), (month_name, month_csv), (stories_name, _) = evidence_files(
        worded(Tr("en"), report), "all-en")
    assert stories_name == "all-en-stories.csv"
    text = pdf_text(content)
    assert "Evidence report: every group" in text and "Headline figures" in text
    assert "Places taken at meet-ups 7" in text  # 7 is shown
    assert "People who came fewer than 5" in text  # 4 is not
    assert "Proposals made by members not shown" in text  # a share of 4 proposals would point at people
    assert text.index("Cooks") < text.index("Walkers") < text.index("What this report leaves out, and why")
    assert 'Counts from 1 to 4 show as "fewer than 5"' in text
    assert "P1" not in text  # no names
    rows = list(csv.reader(io.StringIO(figures_csv.decode("utf-8-sig"))))
    assert rows[0] == ["Figure", "Cooks", "Walkers", "Total"]
    assert ["What happened: Places taken at meet-ups", "fewer than 5", "5", "7"] in rows
    months = list(csv.reader(io.StringIO(month_csv.decode("utf-8-sig"))))
    assert months == [["Month", "Cooks", "Walkers", "Total"], ["Apr 2026", "fewer than 5", "5", "7"]]
    assert figures_name == "all-en-figures.csv" and month_name == "all-en-by-month.csv"


def test_a_cell_that_looks_like_a_formula_stays_text():
    assert [safe_cell(text) for text in ("=SUM(A1)", "+1+1", "@cmd", "-2+3", "\tx", "-1.5", "Walkers")] == [
        "'=SUM(A1)", "'+1+1", "'@cmd", "'-2+3", "'\tx", "-1.5", "Walkers"]


async def test_criw_report_organisation_writes_the_pdf_and_csvs(uow, database_url, tmp_path):
    await seed(uow)
    env = {key: value for key, value in os.environ.items() if not key.startswith("CRIW_")}
    env["CRIW_DATABASE_URL"] = database_url
    command = [sys.executable, "-m", "bot", "report", "--organisation", "--from", "2026-04-01", "--to", "2026-04-30",
               "--language", "cy", "--out", str(tmp_path / "out")]
    done = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    stem = "criw-evidence-2026-04-01-2026-04-30-cy"
    assert written == [f"{stem}-fesul-mis.csv", f"{stem}-ffigurau.csv", f"{stem}-straeon.csv", f"{stem}.pdf"]
    text = pdf_text((tmp_path / "out" / f"{stem}.pdf").read_bytes())
    assert "Adroddiad tystiolaeth: pob grŵp" in text and "Pobl a ddaeth llai na 5" in text
    assert "Elsewhere" not in text  # another organisation's group
