"""`criw`: run the bot, try it locally with no token (`criw demo`), or upgrade the database."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys

from bot.settings import SettingsError, load_settings

log = logging.getLogger("criw")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="criw", description="Criw: a bilingual bot for member-led groups.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="run the bot against Telegram (needs CRIW_BOT_TOKEN)")
    run.add_argument("--role", choices=["all"], default="all", help="what this process does")
    demo = commands.add_parser(
        "demo", help="run the real bot against a local Telegram, no token needed, and open it in your browser"
    )
    demo.add_argument("--tour", action="store_true", help="play a scripted tour, print it, and exit")
    demo.add_argument("--db", help="database file to keep (default: a temporary one)")
    demo.add_argument("--port", type=int, default=0, help="port for the local Telegram and its web page (default: any free)")
    demo.add_argument(
        "--transport", choices=["aiogram", "ptb"], help="the Telegram library (default: CRIW_TRANSPORT, else aiogram)"
    )
    database = commands.add_parser("db", help="database tasks")
    database.add_argument("action", choices=["upgrade"])
    return parser


def main(argv: list[str] | None = None) -> int:
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
        if args.command == "db":
            from bot.store.migrate import upgrade_blocking

            upgrade_blocking(settings.database_url)
            print("database is up to date")
            return 0
        from bot.runner import run

        asyncio.run(run(settings))
        return 0
    except SettingsError as problem:
        print(f"criw: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
