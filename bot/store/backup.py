"""Back up the embedded SQLite database, and restore a backup. (PostgreSQL: pg_dump, see the README.)

SQLite's online backup API copies a consistent snapshot page by page while Criw keeps running and
writing (WAL mode), which a plain file copy of criw.db (without its -wal file) does not.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.store.database import is_sqlite


class BackupError(Exception):
    """Backing up or restoring cannot go ahead; the message is one line for the operator."""


def sqlite_path(url: str) -> Path:
    """The file behind a SQLite database URL."""
    if not is_sqlite(url):
        raise BackupError("criw backup and restore are for SQLite; for PostgreSQL use pg_dump (see the README)")
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("the database is in memory: there is nothing to back up")
    return Path(database)


def backup(url: str, destination: Path) -> str:
    """Write a consistent copy of the database to a new file; returns its schema revision."""
    source = sqlite_path(url)
    if not source.is_file():
        raise BackupError(f"there is no database at {source}")
    if destination.exists():
        raise BackupError(f"{destination} already exists: choose a new file name")
    with closing(sqlite3.connect(source, timeout=15)) as live, closing(sqlite3.connect(destination)) as copy:
        live.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, ready to archive
    return _check(destination)


def restore(url: str, backup_file: Path) -> tuple[str, Path | None]:
    """Replace the database with a backup, keeping the current one beside it first.

    Returns the restored schema revision and where the replaced database was kept (None if there was
    none). `criw run` brings an older backup up to date by itself.
    """
    target = sqlite_path(url)
    if not backup_file.is_file():
        raise BackupError(f"there is no backup at {backup_file}")
    revision = _check(backup_file)
    kept = None
    if target.is_file():
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
        backup(url, kept)
    with closing(sqlite3.connect(backup_file)) as saved, closing(sqlite3.connect(target, timeout=15)) as live:
        saved.backup(live)
    return revision, kept


def _check(path: Path) -> str:
    """The schema revision of a sound Criw database file; BackupError if it is not one."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as database:
            if database.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise BackupError(f"{path} is damaged (integrity check failed)")
            row = database.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a Criw database ({error})") from None
    if row is None:
        raise BackupError(f"{path} is not a Criw database (no schema revision)")
    return str(row[0])
