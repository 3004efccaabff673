"""`criw`: run the bot (in a role), try it locally with no token (`criw demo`), or look after the database."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import date
from pathlib import Path

from bot.settings import SettingsError, load_settings

log = logging.getLogger("criw")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="criw", description="Criw: a bilingual bot for member-led groups.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the bot against Telegram (needs CRIW_BOT_TOKEN)")
    run.add_argument(
        "--role", choices=["all", "worker", "scheduler"], default="all",
        help="all: everything in one process (default); worker: webhook updates only (run several); "
        "scheduler: reminders and other scheduled work only (run exactly one)",
    )
    demo = commands.add_parser(
        "demo", help="run the real bot against a local Telegram, no token needed, and open it in your browser"
    )
    demo.add_argument("--tour", action="store_true", help="play a scripted tour, print it, and exit")
    demo.add_argument("--db", help="database file to keep (default: a temporary one)")
    demo.add_argument(
        "--port", type=int, default=0, help="port for the local Telegram and its web page (default: any free)"
    )
    demo.add_argument(
        "--transport", choices=["aiogram", "ptb"], help="the Telegram library (default: CRIW_TRANSPORT, else aiogram)"
    )
    database = commands.add_parser("db", help="database tasks: upgrade (migrate), copy (e.g. SQLite to PostgreSQL)")
    database.add_argument("action", choices=["upgrade", "copy"])
    database.add_argument("--from", dest="source", help="copy: the database to copy from (a CRIW_DATABASE_URL)")
    database.add_argument("--to", dest="target", help="copy: an empty database to copy into (a CRIW_DATABASE_URL)")
    backup = commands.add_parser("backup", help="copy the SQLite database to a file, safely while Criw runs")
    backup.add_argument("file", help="the backup file to write")
    restore = commands.add_parser("restore", help="replace the SQLite database with a backup (stop Criw first)")
    restore.add_argument("file", help="the backup file to restore")
    reminders = commands.add_parser("reminders", help="list pending and failed reminders (for an operator)")
    reminders.add_argument("--retry-failed", action="store_true", help="put failed reminders back in the queue")
    resources = commands.add_parser("resources", help="load rooms, vehicles and budgets from a YAML or CSV file")
    resources.add_argument("action", choices=["import"])
    resources.add_argument("file", type=Path, help="the .yaml or .csv file (see bot/resource_file.py for its shape)")
    report = commands.add_parser("report", help="write a group's or the organisation's report for funders "
                                 "(the evidence PDF and CSVs; for a group also its contributions CSV and chart)")
    report.add_argument("--group", help="the group's Telegram chat id, or its exact title")
    report.add_argument("--organisation", action="store_true",
                        help="every group of the organisation (of --group's, if given): numbers only, "
                        "small ones hidden")
    report.add_argument("--from", dest="start", required=True, type=_day, help="first day, e.g. 2026-09-01")
    report.add_argument("--to", dest="end", required=True, type=_day, help="last day, e.g. 2026-11-30")
    report.add_argument("--language", choices=["cy", "en"], default="cy", help="of the CSV and chart (default: cy)")
    report.add_argument("--out", default=".", help="folder to write the files to (default: here)")
    commands.add_parser("bench", help="run the benchmarks (from a checkout): one JSON line each; "
                        "criw bench --help for options, docs/PERFORMANCE.md for the figures")
    return parser


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-09-01") from None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:  # its options are its own (bench/run.py)
        from bench.run import main as bench

        return bench(argv[1:])
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.WARNING if args.command == "demo" else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command == "demo":
            from bot.playground.demo import run_demo

            return asyncio.run(run_demo(tour=args.tour, db=args.db, port=args.port, transport=args.transport))
        settings = load_settings()
        if args.command in ("db", "backup", "restore"):
            from bot.store.admin import database_task

            return database_task(args, settings)
        if args.command == "reminders":
            from bot.schedule.operator import show_reminders

            return asyncio.run(show_reminders(settings, retry_failed=args.retry_failed))
        if args.command == "resources":
            from bot.resource_file import import_command

            return asyncio.run(import_command(settings, args.file))
        if args.command == "report":
            from bot.reports.command import write_organisation_report, write_report

            if args.organisation:
                return write_organisation_report(settings, args.group, args.start, args.end, args.language,
                                                 Path(args.out))
            if not args.group:
                print("criw: give --group, or --organisation for every group", file=sys.stderr)
                return 2
            return write_report(settings, args.group, args.start, args.end, args.language, Path(args.out))
        from bot.runner import run

        asyncio.run(run(settings, args.role))
        return 0
    except SettingsError as problem:
        print(f"criw: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
