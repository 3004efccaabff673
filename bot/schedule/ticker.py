"""The scheduler: APScheduler runs Criw's periodic jobs (closing votes, nudges) against the database.

The database is the source of truth, so a job that runs late, twice, or after a restart does the right
thing: nothing is kept only in this process's memory.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping

from apscheduler.schedulers.asyncio import AsyncIOScheduler

log = logging.getLogger(__name__)
Job = Callable[[], Awaitable[object]]


def start_scheduler(jobs: Mapping[str, Job], every_seconds: float = 30.0) -> AsyncIOScheduler:
    """Run each job every `every_seconds`, one at a time (a slow run is never overlapped by the next)."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    for name, job in jobs.items():
        scheduler.add_job(job, "interval", seconds=every_seconds, id=name, name=name, max_instances=1,
                          coalesce=True, replace_existing=True)
    scheduler.start()
    log.info("scheduler started: %s every %ss", ", ".join(jobs), every_seconds)
    return scheduler
