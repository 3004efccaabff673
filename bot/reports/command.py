"""`criw report --group G --from D --to D`: the funders' report from the command line, written to files.

Prints the summary in Welsh and English and the paths of the files: the evidence report's PDF and CSVs,
the contributions' CSV and the PNG chart. With `--organisation`, the evidence report of every group the bot
is in (numbers only, small counts hidden).
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from bot.domain.clock import SystemClock
from bot.i18n.translator import Tr
from bot.reports.evidence import evidence
from bot.reports.evidence_files import evidence_files
from bot.reports.labels import plain
from bot.reports.summary import summary
from bot.services import credit_reports, evidence_report
from bot.services.credit_reports import Report
from bot.services.errors import InvalidContribution, NotFound
from bot.services.evidence_report import Evidence
from bot.settings import Settings
from bot.store.database import create_engine, session_factory
from bot.store.uow import uow_factory
from handlers.evidence_text import worded


async def _load(settings: Settings, group: str | None, start: date, end: date,
                organisation: bool) -> tuple[Report | None, Evidence] | str:
    engine = create_engine(settings.database_url)
    now = SystemClock().now()
    try:
        async with uow_factory(session_factory(engine))() as uow:
            if organisation:
                return None, await evidence_report.for_operator(uow, group, start, end, now)
            assert group is not None
            report = await credit_reports.for_operator(uow, group, start, end)
            return report, await evidence_report.build(uow, [report.group], start, end, now, False)
    except NotFound:
        if group is None:
            return "no organisation yet: add the bot to a group first"
        return f"no group {group!r} (give its Telegram chat id or its exact title)"
    except InvalidContribution:
        return "--from must be on or before --to, at most three years apart"
    finally:
        await engine.dispose()


def write_report(settings: Settings, group: str, start: date, end: date, language: str, folder: Path) -> int:
    """Write the files for one group and period; 1 with one clear line when that can't be done."""
    loaded = asyncio.run(_load(settings, group, start, end, False))
    if isinstance(loaded, str):
        print(f"criw: {loaded}")
        return 1
    report, figures = loaded
    assert report is not None
    _write_evidence(figures, language, folder, f"criw-group-{start.isoformat()}-{end.isoformat()}-{language}")
    files = evidence(report, language)
    for name, content in ((files.csv_name, files.csv), (files.chart_name, files.chart)):
        (folder / name).write_bytes(content)
    for code in ("cy", "en"):
        print(plain(summary(Tr(code), report)))
    print(f"CSV: {(folder / files.csv_name).resolve()}")
    print(f"PNG: {(folder / files.chart_name).resolve()}")
    return 0


def write_organisation_report(settings: Settings, group: str | None, start: date, end: date, language: str,
                              folder: Path) -> int:
    """Write the evidence report of every group of the organisation (of `group`'s, when given)."""
    loaded = asyncio.run(_load(settings, group, start, end, True))
    if isinstance(loaded, str):
        print(f"criw: {loaded}")
        return 1
    _write_evidence(loaded[1], language, folder, f"criw-evidence-{start.isoformat()}-{end.isoformat()}-{language}")
    return 0


def _write_evidence(figures: Evidence, language: str, folder: Path, stem: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in evidence_files(worded(Tr(language), figures), stem):
        (folder / name).write_bytes(content)
        print(f"{name.rsplit('.', 1)[1].upper()}: {(folder / name).resolve()}")
