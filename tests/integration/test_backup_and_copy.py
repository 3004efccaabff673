"""Backups of the SQLite database, restoring them, and `criw db copy` between SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlmodel import SQLModel

import bot.store.tables  # noqa: F401
from bot.cli import main
from bot.domain.clock import FixedClock
from bot.store.database import create_engine, session_factory
from bot.store.migrate import upgrade
from bot.store.models import Person
from bot.store.uow import uow_factory
from tests.conftest import reset_postgres
from tests.integration.test_voting import member, proposal, vote

CLOCK = FixedClock(datetime(2026, 11, 21, 10, 0, tzinfo=UTC))


async def seeded(url: str, people: int = 6) -> None:
    """A group with members, a proposal and votes: rows in most tables, written by the real services."""
    engine = create_engine(url)
    await upgrade(engine)
    uow = uow_factory(session_factory(engine))
    await member(uow, CLOCK, 1, "Dafydd", status="creator")
    for telegram_id in range(2, people + 1):
        await member(uow, CLOCK, telegram_id, f"Aelod {telegram_id}")
    view = await proposal(uow, CLOCK)
    for telegram_id in range(2, people):
        await vote(uow, CLOCK, telegram_id, view.id, "yes" if telegram_id % 3 else "no")
    await engine.dispose()


async def every_row(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, in a comparable order."""
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return {table.name: sorted((await connection.execute(select(table))).all(), key=repr)
                    for table in SQLModel.metadata.sorted_tables}
    finally:
        await engine.dispose()


async def criw(monkeypatch, database_url: str, *args: str) -> int:
    """`criw <args>` as typed at a shell (on a thread of its own: it runs its own event loop)."""
    monkeypatch.setenv("CRIW_DATABASE_URL", database_url)
    return await asyncio.to_thread(main, list(args))


async def test_a_backup_restores_exactly_what_was_there_and_keeps_the_replaced_database(tmp_path, monkeypatch):
    url = f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}"
    await seeded(url)
    before = await every_row(url)
    assert await criw(monkeypatch, url, "backup", str(tmp_path / "nos-sul.db")) == 0
    await seeded_more(url)
    assert await every_row(url) != before

    assert await criw(monkeypatch, url, "restore", str(tmp_path / "nos-sul.db")) == 0
    assert await every_row(url) == before
    kept = list(tmp_path.glob("criw.before-restore-*.db"))
    assert len(kept) == 1
    assert await every_row(f"sqlite+aiosqlite:///{kept[0]}") != before  # the later rows are not lost either


async def seeded_more(url: str) -> None:
    engine = create_engine(url)
    async with session_factory(engine)() as session:
        session.add(Person(telegram_id=99, display_name="Newydd", created_at=CLOCK.now()))
        await session.commit()
    await engine.dispose()


async def test_a_backup_is_one_self_contained_file_even_from_a_database_in_wal_mode(tmp_path, monkeypatch):
    url = f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}"
    await seeded(url)
    assert await criw(monkeypatch, url, "backup", str(tmp_path / "copy.db")) == 0
    with sqlite3.connect(tmp_path / "copy.db") as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("SELECT count(*) FROM vote").fetchone() == (4,)


async def test_backup_refuses_to_overwrite_and_restore_refuses_what_is_not_a_criw_database(
    tmp_path, monkeypatch, capsys
):
    url = f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}"
    await seeded(url)
    (tmp_path / "taken.db").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("nid cronfa ddata mo hon")
    assert await criw(monkeypatch, url, "backup", str(tmp_path / "taken.db")) == 1
    assert await criw(monkeypatch, url, "restore", str(tmp_path / "notes.txt")) == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith("criw: ") and "already exists" in errors[0]
    assert "is not a Criw database" in errors[1]


async def test_backup_on_postgresql_points_to_pg_dump(monkeypatch, capsys):
    assert await criw(monkeypatch, "postgresql+asyncpg://criw@db/criw", "backup", "x.db") == 1
    assert "use pg_dump" in capsys.readouterr().err


async def test_db_copy_from_sqlite_to_postgresql_and_back_loses_nothing(tmp_path, monkeypatch, postgres_database):
    sqlite_url = f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}"
    back_url = f"sqlite+aiosqlite:///{tmp_path / 'back.db'}"
    await seeded(sqlite_url)
    await reset_postgres(postgres_database)

    assert await criw(monkeypatch, sqlite_url, "db", "copy", "--from", sqlite_url, "--to", postgres_database) == 0
    assert await criw(monkeypatch, sqlite_url, "db", "copy", "--from", postgres_database, "--to", back_url) == 0

    original, on_postgres, back = [await every_row(url) for url in (sqlite_url, postgres_database, back_url)]
    counts = {name: len(rows) for name, rows in original.items()}
    assert {name: len(rows) for name, rows in on_postgres.items()} == counts
    assert sum(len(rows) for rows in original.values()) > 20
    assert back == original == on_postgres


async def test_after_a_copy_postgresql_numbers_new_rows_after_the_copied_ones(tmp_path, monkeypatch, postgres_database):
    sqlite_url = f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}"
    await seeded(sqlite_url)
    await reset_postgres(postgres_database)
    assert await criw(monkeypatch, sqlite_url, "db", "copy", "--from", sqlite_url, "--to", postgres_database) == 0
    await seeded_more(postgres_database)
    engine = create_engine(postgres_database)
    async with engine.connect() as connection:
        newest = (await connection.execute(select(func.max(Person.id)))).scalar()  # type: ignore[arg-type]
    await engine.dispose()
    assert newest == 7  # six copied people, then the new one


async def test_db_copy_refuses_a_target_that_already_has_rows(tmp_path, monkeypatch, capsys):
    first, second = (f"sqlite+aiosqlite:///{tmp_path / name}" for name in ("a.db", "b.db"))
    await seeded(first)
    await seeded(second)
    assert await criw(monkeypatch, first, "db", "copy", "--from", first, "--to", second) == 1
    assert "already has rows" in capsys.readouterr().err


@pytest.mark.parametrize("arguments", [["--from", "mysql://x/y", "--to", "sqlite+aiosqlite:///z.db"], ["--to", "x"]])
async def test_db_copy_needs_two_database_urls(monkeypatch, capsys, arguments):
    assert await criw(monkeypatch, "sqlite+aiosqlite:///unused.db", "db", "copy", *arguments) == 2
    assert capsys.readouterr().err.startswith("criw: --from:")
