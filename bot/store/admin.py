"""The database tasks an operator runs: `criw db upgrade`, `criw db copy`, `criw backup`, `criw restore`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bot.settings import Settings, SettingsError
from bot.store.backup import BackupError, backup, restore
from bot.store.copy import CopyError, copy_database
from bot.store.migrate import upgrade_blocking

DRIVERS = ("sqlite+aiosqlite://", "postgresql+asyncpg://")


def database_task(args: argparse.Namespace, settings: Settings) -> int:
    """Run the task named on the command line; a problem is one line on stderr and exit status 1."""
    try:
        if args.command == "backup":
            revision = backup(settings.database_url, Path(args.file))
            print(f"backed up to {args.file} (schema {revision})")
        elif args.command == "restore":
            revision, kept = restore(settings.database_url, Path(args.file))
            print(f"restored {args.file} (schema {revision})" + (f"; the replaced database is kept as {kept}"
                                                                 if kept else ""))
        elif args.action == "copy":
            return _copy(args.source, args.target)
        else:
            upgrade_blocking(settings.database_url)
            print("database is up to date")
        return 0
    except (BackupError, CopyError) as problem:
        print(f"criw: {problem}", file=sys.stderr)
        return 1


def _copy(source: str | None, target: str | None) -> int:
    for option, url in (("--from", source), ("--to", target)):
        if not url or not url.startswith(DRIVERS):
            raise SettingsError(f"{option}: give a database URL starting with {' or '.join(DRIVERS)}")
    assert source is not None and target is not None
    counts = asyncio.run(copy_database(source, target))
    for count in counts:
        print(f"{count.table:<24} {count.target:>8}")
    mismatched = [count.table for count in counts if count.source != count.target]
    if mismatched:
        print(f"criw: row counts differ in {', '.join(mismatched)}", file=sys.stderr)
        return 1
    print(f"copied {sum(count.target for count in counts)} rows in {len(counts)} tables; every count matches")
    return 0
