"""After /forgetme the erased words are not on disk either: not in SQLite's database file, not in its write-ahead
log, not in a backup taken afterwards (secure_delete zeroes freed space; the erasure checkpoints and truncates
the log). SQLite only: PostgreSQL keeps dead row versions until VACUUM (docs/SECURITY.md)."""

from pathlib import Path

from bot.services import data_rights
from bot.store.backup import backup
from bot.store.database import create_engine, session_factory
from bot.store.migrate import upgrade
from bot.store.uow import uow_factory
from tests.integration.test_personal_data import ALYS_DESCRIPTION, ALYS_NOTES, words_everywhere
from tests.integration.trust_world import ALYS, ALYS_NAME, ALYS_WORDS, build

NEEDLES = (ALYS_NAME, *ALYS_WORDS, ALYS_DESCRIPTION, ALYS_NOTES)


def found_on_disk(*paths: Path) -> list[tuple[str, str]]:
    """Which needles are in which files, as raw bytes (UTF-8, as SQLite stores text)."""
    found = []
    for path in paths:
        data = path.read_bytes() if path.exists() else b""
        found += [(path.name, needle) for needle in NEEDLES if needle.encode() in data]
    return found


async def test_after_forgetting_the_words_are_in_no_database_file_log_or_later_backup(tmp_path, clock):
    database = tmp_path / "criw.db"
    url = f"sqlite+aiosqlite:///{database}"
    engine = create_engine(url)  # kept open throughout: closing the last connection would tidy the log away
    await upgrade(engine)
    uow = uow_factory(session_factory(engine))
    try:
        world = await build(uow, clock)
        await words_everywhere(uow, clock, world)
        wal = database.with_name("criw.db-wal")
        assert found_on_disk(database, wal)  # the search finds them while they are there

        async with uow() as work:
            await data_rights.forget(work, clock, ALYS, world.alys_person)
        copy = tmp_path / "after.db"
        backup(url, copy)

        assert found_on_disk(database, wal, copy) == []
    finally:
        await engine.dispose()
