"""Evidence: the year's evidence report of an organisation of Time 2 Meet's size (issue 23).

24 groups, 448 members, a year of weekly meet-ups with about 60% of each group ticked as came, 5,000 hours
confirmed, proposals and votes, rooms and transport booked, money approved and stories told. The report
(figures, then the PDF and CSVs, in one language) is made in a fresh child process, as `criw report
--organisation` would make it, for its time and its peak memory; the baseline is one group's report on
the same database, in the same way.
"""

from __future__ import annotations

import asyncio
import json
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncConnection

from bench.databases import scratch
from bench.measure import Result, Target, below, peak_rss_mb, ratio
from bot.store.credits import Contribution, CreditEntry
from bot.store.database import create_engine
from bot.store.meetups import Attendance, Meetup
from bot.store.migrate import upgrade
from bot.store.models import Group, Membership, Organisation, Person
from bot.store.proposals import Proposal, Vote
from bot.store.resources import Budget, Resource, ResourceRequest
from bot.store.stories import Story

NOW = datetime(2027, 1, 4, 12, tzinfo=UTC)
YEAR = (date(2026, 1, 1), date(2026, 12, 31))
FIRST_CHAT, FIRST_USER = 4_300_000_000, 9_300_000_000
CHUNK = 2000


@dataclass(frozen=True)
class Evidence:
    groups: int = 24
    members: int = 448
    weeks: int = 52
    hours: int = 5000
    came_share: float = 0.6
    proposals_per_group: int = 24
    stories_share: float = 0.1  # of attendances
    language: str = "cy"


QUICK = Evidence(groups=3, members=30, weeks=6, hours=60)


async def seed(database_url: str, sizes: Evidence) -> dict[str, int]:
    """Migrate an empty database and fill it; the row counts."""
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        counts: dict[str, int] = {}
        async with engine.begin() as connection:
            for table, rows in _tables(sizes):
                counts[table.__tablename__] = await _insert(connection, table, rows)  # type: ignore[attr-defined]
            if engine.dialect.name == "postgresql":
                for table in counts:
                    await connection.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                                                  f"(SELECT max(id) FROM \"{table}\"))"))
                await connection.execute(text("ANALYZE"))
    finally:
        await engine.dispose()
    return counts


async def _insert(connection: AsyncConnection, table: Any, rows: Iterator[dict[str, Any]]) -> int:
    count, chunk = 0, []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            await connection.execute(insert(table), chunk)
            count, chunk = count + len(chunk), []
    if chunk:
        await connection.execute(insert(table), chunk)
    return count + len(chunk)


def _members_of(sizes: Evidence, group: int) -> list[int]:
    return list(range(group, sizes.members + 1, sizes.groups))  # person ids 1..members, one home group each


def _tables(sizes: Evidence) -> Iterator[tuple[Any, Iterator[dict[str, Any]]]]:
    rng = random.Random(23)
    made = NOW - timedelta(days=500)
    first = datetime(2026, 1, 6, 18, tzinfo=UTC)  # a Tuesday evening
    yield Organisation, iter([{"id": 1, "name": "Time 2 Meet", "created_at": made}])
    yield Group, ({"id": g, "organisation_id": 1, "chat_id": -(FIRST_CHAT + g), "title": f"Grŵp {g}",
                   "reminders_off": [], "created_at": made} for g in range(1, sizes.groups + 1))
    yield Person, ({"id": p, "telegram_id": FIRST_USER + p, "display_name": f"Aelod {p}", "created_at": made}
                   for p in range(1, sizes.members + 1))
    yield Membership, ({"person_id": p, "group_id": g, "role": "coordinator" if i == 0 else "member",
                        "created_at": made}
                       for g in range(1, sizes.groups + 1) for i, p in enumerate(_members_of(sizes, g)))
    meetups: list[dict[str, Any]] = []
    attendance: list[dict[str, Any]] = []
    stories: list[dict[str, Any]] = []
    for g in range(1, sizes.groups + 1):
        members = _members_of(sizes, g)
        for week in range(sizes.weeks):
            meetup_id = len(meetups) + 1
            starts = first + timedelta(weeks=week, hours=g % 5)
            meetups.append({"id": meetup_id, "group_id": g, "title": "Cyfarfod", "starts_at": starts,
                            "needs": {}, "status": "done"})
            for person in members:
                if rng.random() < sizes.came_share:
                    attendance.append({"meetup_id": meetup_id, "person_id": person, "marked_at": starts})
                    if rng.random() < sizes.stories_share:
                        stories.append({"meetup_id": meetup_id, "person_id": person, "group_id": g,
                                        "tags": ["met", "fun"], "words": "Roedd yn braf gweld pawb.",
                                        "consent": rng.choice(["name", "anon", "private"]), "state": "answered",
                                        "asked_at": starts, "answered_at": starts + timedelta(hours=20)})
    yield Meetup, iter(meetups)
    yield Attendance, iter(attendance)
    yield Story, iter(stories)
    yield Proposal, ({"id": n, "group_id": g, "proposer_id": _members_of(sizes, g)[n % len(_members_of(sizes, g))],
                      "title": "Syniad", "needs": {}, "state": rng.choice(["passed", "not_passed", "no_quorum"]),
                      "opened_at": first + timedelta(days=n % 360), "closes_at": first + timedelta(days=n % 360 + 7)}
                     for g in range(1, sizes.groups + 1)
                     for n in range((g - 1) * sizes.proposals_per_group + 1, g * sizes.proposals_per_group + 1))
    yield Vote, ({"proposal_id": n, "option_index": 0, "person_id": p, "choice": "yes", "cast_at": first}
                 for g in range(1, sizes.groups + 1)
                 for n in range((g - 1) * sizes.proposals_per_group + 1, g * sizes.proposals_per_group + 1)
                 for p in _members_of(sizes, g)[: 1 + n % len(_members_of(sizes, g))])
    yield Resource, iter([{"id": 1, "organisation_id": 1, "kind": "room", "name": "Neuadd", "created_at": made},
                          {"id": 2, "organisation_id": 1, "kind": "vehicle", "name": "Bws mini", "seats": 12,
                           "created_at": made}])
    yield ResourceRequest, ({"organisation_id": 1, "group_id": m["group_id"], "requester_id":
                             _members_of(sizes, m["group_id"])[0], "kind": kind, "resource_id": 1 if kind == "room"
                             else 2 if kind == "vehicle" else None, "starts_at": m["starts_at"],
                             "ends_at": m["starts_at"] + timedelta(hours=2), "seats": 6 if kind == "vehicle" else 0,
                             "wheelchair_spaces": 1 if kind == "vehicle" else 0,
                             "amount": 2500 if kind == "money" else 0, "access": [], "state": "approved",
                             "decided_at": m["starts_at"] - timedelta(days=3), "created_at": made}
                            for m in meetups for kind in ("room", "vehicle", "money")[: 1 + m["id"] % 3])
    yield Budget, ({"organisation_id": 1, "group_id": g, "starts_on": YEAR[0], "ends_on": YEAR[1],
                    "amount": 150000, "created_at": made} for g in range(1, sizes.groups + 1))
    base, extra = divmod(4 * sizes.hours, max(len(attendance), 1))  # exactly `hours`, shared out
    contributions: list[dict[str, Any]] = []
    for number, row in enumerate(attendance):
        given = base + (1 if number < extra else 0)
        if not given:
            break
        meetup = meetups[row["meetup_id"] - 1]
        contributions.append({"id": len(contributions) + 1, "group_id": meetup["group_id"],
                              "person_id": row["person_id"], "meetup_id": meetup["id"], "category": "organising",
                              "day": meetup["starts_at"].date(), "quarters": given, "state": "confirmed",
                              "logged_by_id": row["person_id"], "logged_at": meetup["starts_at"]})
    yield Contribution, iter(contributions)
    yield CreditEntry, ({"person_id": c["person_id"], "kind": "earn", "quarters": c["quarters"],
                         "at": c["logged_at"] + timedelta(days=1), "group_id": c["group_id"],
                         "contribution_id": c["id"]} for c in contributions)


def measure(database_url: str, language: str, group: str | None) -> dict[str, Any]:
    """In this process (a fresh one): the year's report, figures then files, timed, and the peak memory."""
    from bot.i18n.translator import Tr
    from bot.reports.evidence_files import evidence_files
    from bot.services import evidence_report
    from bot.store.database import session_factory
    from bot.store.uow import uow_factory
    from handlers.evidence_text import worded

    async def figures() -> Any:
        engine = create_engine(database_url)
        try:
            async with uow_factory(session_factory(engine))() as uow:
                if group is None:
                    return await evidence_report.for_operator(uow, None, *YEAR, NOW)
                found = await uow.credits.group_by_reference(group)
                assert found is not None
                return await evidence_report.build(uow, [found], *YEAR, NOW, False)
        finally:
            await engine.dispose()

    started = time.perf_counter()
    report = asyncio.run(figures())
    counted = time.perf_counter()
    files = evidence_files(worded(Tr(language), report), "bench")
    finished = time.perf_counter()
    return {"seconds": round(finished - started, 2), "figures_seconds": round(counted - started, 2),
            "files_seconds": round(finished - counted, 2), "pdf_kb": round(len(files[0][1]) / 1024),
            "people_who_came": report.total.came, "hours": report.total.quarters_confirmed / 4,
            "stories_shown": len(report.stories), "peak_rss_mb": peak_rss_mb()}


def _in_child(database_url: str, language: str, group: str | None) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.evidence", database_url, language, *([group] if group else [])]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    measured: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured


async def run(sizes: Evidence, engines: list[tuple[str, str | None]]) -> Result:
    result = Result("evidence", asdict(sizes))
    for engine, server in engines:
        async with scratch(engine, server, "evidence") as url:
            rows = await seed(url, sizes)
            whole = await asyncio.to_thread(_in_child, url, sizes.language, None)
            one = await asyncio.to_thread(_in_child, url, sizes.language, "Grŵp 1")
        result.results[engine] = {"rows": rows, "organisation_year": whole}
        if result.baseline is None:
            result.baseline = {"engine": engine, "one_group_year": one}
            result.ratios = {"seconds": ratio(whole["seconds"], one["seconds"]),
                             "peak_rss_mb": ratio(whole["peak_rss_mb"], one["peak_rss_mb"])}
            result.targets = {
                "year_report_under_10s": Target("the organisation's year, figures, PDF and CSVs, under 10 s",
                                                below(whole["seconds"], 10)),
                "year_report_under_250mb": Target("… in a process whose peak memory stays under 250 MB",
                                                  below(whole["peak_rss_mb"], 250)),
            }
    return result


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)))
