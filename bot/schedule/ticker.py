"""The scheduler: APScheduler runs Criw's periodic jobs (closing votes, nudges) against the database.

The database is the source of truth, so a job that runs late, twice, or after a restart does the right
thing: nothing is kept only in this process's memory.

An idle bot's log is quiet: APScheduler's two INFO lines per job per run ("Running job", "executed
successfully": over 80,000 a day at the default interval) are kept out, as is its warning that a run was
skipped because the last is still going (by design: runs never overlap). A job that fails is still logged.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.store.scheduler_lock import SchedulerLock

log = logging.getLogger(__name__)
Job = Callable[[], Awaitable[object]]


class _NoExpectedSkips(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "maximum number of running instances reached" not in record.getMessage()


def _quiet_scheduler_log() -> None:
    logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)  # errors are logged there
    scheduler_log = logging.getLogger("apscheduler.scheduler")
    if not any(isinstance(existing, _NoExpectedSkips) for existing in scheduler_log.filters):
        scheduler_log.addFilter(_NoExpectedSkips())


def start_scheduler(jobs: Mapping[str, Job], every_seconds: float = 30.0,
                    lock: SchedulerLock | None = None) -> AsyncIOScheduler:
    """Run each job every `every_seconds`, one at a time (a slow run is never overlapped by the next), and
    only while this process holds the scheduler `lock` (another process may be the one scheduler)."""
    _quiet_scheduler_log()
    scheduler = AsyncIOScheduler(timezone="UTC")
    for name, job in jobs.items():
        run = job if lock is None else _while_held(job, lock)
        scheduler.add_job(run, "interval", seconds=every_seconds, id=name, name=name, max_instances=1,
                          coalesce=True, replace_existing=True)
    scheduler.start()
    log.info("scheduler started: %s every %ss", ", ".join(jobs), every_seconds)
    return scheduler


def _while_held(job: Job, lock: SchedulerLock) -> Job:
    async def guarded() -> object:
        return await job() if await lock.held() else None

    return guarded
