"""`criw report --group G --from D --to D`: the funders' report from the command line, written to files.

Prints the summary in Welsh and English and the paths of the CSV and the PNG chart.
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from bot.i18n.translator import Tr
from bot.reports.evidence import evidence
from bot.reports.labels import plain
from bot.reports.summary import summary
from bot.services import credit_reports
from bot.services.credit_reports import Report
from bot.services.errors import InvalidContribution, NotFound
from bot.settings import Settings
from bot.store.database import create_engine, session_factory
from bot.store.uow import uow_factory


async def _load(settings: Settings, group: str, start: date, end: date) -> Report | str:
    engine = create_engine(settings.database_url)
    try:
        async with uow_factory(session_factory(engine))() as uow:
            return await credit_reports.for_operator(uow, group, start, end)
    except NotFound:
        return f"no group {group!r} (give its Telegram chat id or its exact title)"
    except InvalidContribution:
        return "--from must be on or before --to, at most three years apart"
    finally:
        await engine.dispose()


def write_report(settings: Settings, group: str, start: date, end: date, language: str, folder: Path) -> int:
    """Write the files for one group and period; 1 with one clear line when that can't be done."""
    report = asyncio.run(_load(settings, group, start, end))
    if isinstance(report, str):
        print(f"criw: {report}")
        return 1
    files = evidence(report, language)
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in ((files.csv_name, files.csv), (files.chart_name, files.chart)):
        (folder / name).write_bytes(content)
    for code in ("cy", "en"):
        print(plain(summary(Tr(code), report)))
    print(f"CSV: {(folder / files.csv_name).resolve()}")
    print(f"PNG: {(folder / files.chart_name).resolve()}")
    return 0
