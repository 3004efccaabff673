"""One scheduler at a time: the second process stands by, and takes over once the first has gone."""

from __future__ import annotations

import pytest

from bot.store.database import create_engine
from bot.store.scheduler_lock import SchedulerLock
from tests.conftest import POSTGRES_URL

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="needs PostgreSQL: set CRIW_TEST_POSTGRES_URL")


async def test_the_second_scheduler_stands_by_until_the_first_lets_go(postgres_database):
    first_engine, second_engine = create_engine(postgres_database), create_engine(postgres_database)
    first, second = SchedulerLock(first_engine), SchedulerLock(second_engine)
    try:
        assert await first.held()
        assert not await second.held()
        assert await first.held()  # asking again keeps it
        await first.release()
        assert await second.held()
        assert not await first.held()
    finally:
        await first.release()
        await second.release()
        await first_engine.dispose()
        await second_engine.dispose()


async def test_a_crashed_schedulers_lock_is_freed_with_its_connection(postgres_database):
    crashed_engine, standby_engine = create_engine(postgres_database), create_engine(postgres_database)
    crashed, standby = SchedulerLock(crashed_engine), SchedulerLock(standby_engine)
    try:
        assert await crashed.held()
        assert not await standby.held()
        assert crashed._connection is not None
        await crashed._connection.invalidate()  # its connection is cut, as when the process dies
        assert await standby.held()
        assert not await crashed.held()  # if it comes back, it finds the lock taken and stands by
    finally:
        await crashed.release()
        await standby.release()
        await crashed_engine.dispose()
        await standby_engine.dispose()


async def test_on_sqlite_the_one_process_always_runs_the_scheduled_work(tmp_path):
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'one.db'}")
    try:
        assert await SchedulerLock(engine).held()
    finally:
        await engine.dispose()
