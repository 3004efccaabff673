"""Alembic migrations build the same schema as the models, on SQLite and PostgreSQL."""

from datetime import UTC, date, datetime

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import JSON, Column, Table, TypeDecorator, func, insert, inspect, select, text
from sqlmodel import SQLModel

import bot.store.tables  # noqa: F401
from bot.store.database import create_engine, is_sqlite
from bot.store.migrate import alembic_config, downgrade, heads, revisions, upgrade

TABLES = {"organisation", "group", "person", "membership", "conversationstate", "processedupdate", "auditentry",
          "grouprule", "proposal", "proposaloption", "vote", "meetup", "reminder",
          "meetupseries", "rsvp", "attendance", "meetupsettings", "calendartoken",
          "contribution", "creditaccount", "creditentry", "creditpolicy", "postedit",
          "resource", "budget", "resourcerequest", "requestcard", "accessprofile", "installation"}


async def test_upgrade_head_on_an_empty_database_creates_every_table(database_url):
    engine = create_engine(database_url)
    await upgrade(engine)
    async with engine.connect() as connection:
        names = set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
    await engine.dispose()
    assert names >= TABLES | {"alembic_version"}


async def test_the_models_and_the_migrations_agree(database_url):
    engine = create_engine(database_url)
    await upgrade(engine)

    def differences(sync_connection):
        context = MigrationContext.configure(sync_connection, opts={"compare_type": True})
        return compare_metadata(context, SQLModel.metadata)

    async with engine.connect() as connection:
        diff = await connection.run_sync(differences)
    await engine.dispose()
    assert diff == []


async def test_downgrade_to_base_removes_everything_and_upgrade_restores_it(database_url):
    engine = create_engine(database_url)
    await upgrade(engine)
    await downgrade(engine, "base")
    async with engine.connect() as connection:
        names = set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
    assert names & TABLES == set()
    await upgrade(engine)
    await engine.dispose()


async def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}"
    assert is_sqlite(url)
    engine = create_engine(url)
    async with engine.connect() as connection:
        journal = (await connection.execute(text("PRAGMA journal_mode"))).scalar()
        keys = (await connection.execute(text("PRAGMA foreign_keys"))).scalar()
    await engine.dispose()
    assert journal == "wal"
    assert keys == 1


def test_the_head_read_from_the_revision_files_is_alembics():
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert heads() == frozenset(script.get_heads())


async def test_the_revision_check_tells_a_new_database_from_a_current_one(database_url):
    engine = create_engine(database_url)
    try:
        current, head = await revisions(engine)
        assert current == set() and head == set(heads())
        await upgrade(engine)
        assert await revisions(engine) == (set(heads()), set(heads()))
        await downgrade(engine, "-1")
        current, _ = await revisions(engine)
        assert current and current != set(heads())
        await upgrade(engine)  # the fast check sees it is behind, and Alembic brings it up
        assert await revisions(engine) == (set(heads()), set(heads()))
    finally:
        await engine.dispose()


def a_row(table: Table) -> dict[str, object]:
    """One valid row for any table: foreign keys point at the row just put in the table they reference."""
    samples = {bool: False, datetime: datetime(2026, 12, 6, 20, 0, tzinfo=UTC), date: date(2026, 12, 6), int: 1,
               float: 0.5, dict: {}, list: [], str: "x"}
    special = {("creditentry", "kind"): "earn"}
    return {column.name: special.get((table.name, column.name),
                                     {} if isinstance(column.type, JSON) else samples[_python_type(column)])
            for column in table.columns}


def _python_type(column: Column) -> type:
    kind = column.type
    return (kind.impl if isinstance(kind, TypeDecorator) else kind).python_type


async def test_a_database_with_data_in_every_table_downgrades_to_base_and_upgrades_again(database_url):
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        async with engine.begin() as connection:
            for table in SQLModel.metadata.sorted_tables:
                if not (await connection.execute(select(func.count()).select_from(table))).scalar():
                    await connection.execute(insert(table).values(a_row(table)))  # (migrations made some rows)
        await downgrade(engine, "base")
        async with engine.connect() as connection:
            names = set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))
        assert names - {"alembic_version"} == set()  # nothing left behind, no _alembic_tmp_ table either
        await upgrade(engine)
        current, head = await revisions(engine)
        assert current == head
        if is_sqlite(database_url):  # the migration turned them off for its copies, and back on after
            async with engine.connect() as connection:
                assert (await connection.execute(text("PRAGMA foreign_keys"))).scalar() == 1
    finally:
        await engine.dispose()


async def test_a_sqlite_database_left_half_migrated_by_an_interrupted_copy_still_migrates(tmp_path):
    """Alembic's batch copy on SQLite leaves _alembic_tmp_<table> behind when it fails part-way (SQLite
    does not undo that DDL); the next run must not trip over it."""
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}")
    try:
        await upgrade(engine)
        async with engine.begin() as connection:
            await connection.execute(text('CREATE TABLE "_alembic_tmp_group" (id INTEGER PRIMARY KEY)'))
        await downgrade(engine, "0010")
        await upgrade(engine)
        assert (await revisions(engine))[0] == set(heads())
    finally:
        await engine.dispose()


async def test_0013_keeps_each_groups_majority_and_ends_ties_left_to_a_proposer_as_not_passed(database_url):
    engine = create_engine(database_url)
    try:
        await upgrade(engine, "0011")
        at = "'2026-11-21 10:00:00+00:00'"
        async with engine.begin() as connection:
            for statement in (
                f"INSERT INTO organisation (id, name, created_at) VALUES (1, 'Org', {at})",
                "INSERT INTO \"group\" (id, organisation_id, chat_id, title, language_mode, timezone, bot_present, "
                f"created_at) VALUES (1, 1, -1, 'A', 'bilingual', 'Europe/London', true, {at}), "
                f"(2, 1, -2, 'B', 'bilingual', 'Europe/London', true, {at})",
                "INSERT INTO grouprule (group_id, quorum_min_voters, threshold, vote_days, anonymous) "
                "VALUES (1, 3, 0.6666666666666666, 7, true), (2, 3, 0.5, 7, true)",
                "INSERT INTO person (id, telegram_id, display_name, easy_read, reminders, can_dm, created_at) "
                f"VALUES (1, 1, 'Ben', false, true, true, {at})",
                "INSERT INTO proposal (id, group_id, proposer_id, title, description, place, needs, state, opened_at, "
                f"closes_at, extended, nudged, closed_reason) VALUES (1, 1, 1, 'Karaoke', '', '', '{{}}', 'tie', {at}, "
                f"{at}, true, false, '')",
            ):
                await connection.execute(text(statement))
        await upgrade(engine)
        async with engine.connect() as connection:
            rules = (await connection.execute(text(
                "SELECT group_id, majority, tie_break FROM grouprule ORDER BY group_id"))).all()
            state = (await connection.execute(text("SELECT state FROM proposal"))).scalar()
            notice = (await connection.execute(text("SELECT notice_days FROM organisation"))).scalar()
        assert [tuple(row) for row in rules] == [(1, "two_thirds", "not_passed"), (2, "simple", "not_passed")]
        assert (state, notice) == ("not_passed", 3)
        await downgrade(engine, "0011")
        async with engine.connect() as connection:
            thresholds = (await connection.execute(text("SELECT threshold FROM grouprule ORDER BY group_id"))).all()
        assert [round(row[0], 3) for row in thresholds] == [0.667, 0.5]
    finally:
        await engine.dispose()
