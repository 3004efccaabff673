"""Seed a database the size of a big organisation, fast: `python -m bench.seed DATABASE_URL [--groups N ...]`.

The default is issue 13's organisation: 1,000 groups, 50,000 people, 20,000 meet-ups, 200,000 votes and
100,000 contributions, with what goes with them (memberships, 20,000 proposals, 100,000 RSVPs, the credit
ledger). `Scale.of(groups)` keeps the same shape per group at any size: a 10-group database is the same
groups, people and histories, a hundred times fewer. Rows go in with bulk INSERTs on the migrated schema.

Group n has Telegram chat id -(4100000000 + n) and person i the user id 1001 + i, which is what the emulator
hands out when groups and people are made in that order (bench/growth.py talks to the bot about them).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.contributions import Category
from bot.store.credits import Contribution, CreditAccount, CreditEntry
from bot.store.database import create_engine
from bot.store.meetups import Meetup, Rsvp
from bot.store.migrate import upgrade
from bot.store.models import Group, Membership, Organisation, Person
from bot.store.proposals import Proposal, ProposalOption, Vote

CHUNK = 5_000
FIRST_CHAT = 4_100_000_000  # the emulator's basic groups are -(4100000000 + n)
FIRST_USER = 1001  # and its people 1001, 1002, ...
CATEGORIES = [category.value for category in Category if category is not Category.OTHER]


@dataclass(frozen=True)
class Scale:
    groups: int = 1000
    people: int = 50_000
    meetups: int = 20_000
    votes: int = 200_000
    contributions: int = 100_000

    @classmethod
    def of(cls, groups: int) -> Scale:
        """The default organisation's shape (per group) for `groups` groups."""
        full = cls()
        per = groups / full.groups
        return cls(groups, round(full.people * per), round(full.meetups * per), round(full.votes * per),
                   round(full.contributions * per))

    @property
    def proposals(self) -> int:
        return self.meetups  # as many proposals as meet-ups: one a fortnight or so in each group

    def chat_id(self, group: int) -> int:
        return -(FIRST_CHAT + group)

    def members_of(self, group: int) -> list[int]:
        """Person numbers (0-based) whose home group is `group` (1-based)."""
        return list(range(group - 1, self.people, self.groups))


async def seed(database_url: str, scale: Scale, now: datetime | None = None) -> dict[str, Any]:
    """Migrate an empty database and fill it; returns the row counts, the seconds taken and `now`."""
    now = now or datetime.now(UTC).replace(microsecond=0)
    started = time.perf_counter()
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        counts: dict[str, int] = {}
        async with engine.begin() as connection:
            for table, rows in _tables(scale, now):
                counts[table.__tablename__] = await _insert(connection, table, rows)  # type: ignore[attr-defined]
            if engine.dialect.name == "postgresql":
                await _after_bulk_load(connection)
    finally:
        await engine.dispose()
    return {"scale": asdict(scale), "rows": counts, "seconds": round(time.perf_counter() - started, 1),
            "now": now.isoformat()}


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


async def _after_bulk_load(connection: AsyncConnection) -> None:
    """PostgreSQL: move the id sequences past the ids given, and gather statistics (autovacuum would)."""
    for table in ("organisation", "group", "person", "membership", "proposal", "proposaloption", "vote", "meetup",
                  "rsvp", "contribution", "creditentry"):
        await connection.execute(text(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), (SELECT max(id) FROM \"{table}\"))"))
    await connection.execute(text("ANALYZE"))


def _tables(scale: Scale, now: datetime) -> Iterator[tuple[Any, Iterator[dict[str, Any]]]]:
    yield Organisation, iter([{"id": 1, "name": "Cymdeithas Criw", "created_at": now - timedelta(days=800)}])
    yield Group, _groups(scale, now)
    yield Person, _people(scale, now)
    yield Membership, _memberships(scale, now)
    yield Proposal, _proposals(scale, now)
    yield ProposalOption, ({"id": n, "proposal_id": n, "index": 0, "starts_at": _proposal_time(scale, n, now)[1]}
                           for n in range(1, scale.proposals + 1))
    yield Vote, _votes(scale, now)
    yield Meetup, _meetups(scale, now)
    yield Rsvp, _rsvps(scale, now)
    contributions = list(_contributions(scale, now))
    yield Contribution, iter(contributions)
    yield CreditEntry, _earned(contributions)
    yield CreditAccount, _accounts(scale, contributions)


def _groups(scale: Scale, now: datetime) -> Iterator[dict[str, Any]]:
    for g in range(1, scale.groups + 1):
        yield {"id": g, "organisation_id": 1, "chat_id": scale.chat_id(g), "title": f"Group {g}",
               "language_mode": "bilingual", "timezone": "Europe/London", "bot_present": True, "reminders_off": [],
               "admission": "admitted",
               "created_at": now - timedelta(days=700)}


def _people(scale: Scale, now: datetime) -> Iterator[dict[str, Any]]:
    for i in range(scale.people):
        yield {"id": i + 1, "telegram_id": FIRST_USER + i, "display_name": f"Member {i}",
               "language": "cy" if i % 2 else "en", "language_hint": "en", "easy_read": i % 17 == 0,
               "reminders": True, "quiet_start": "21:00", "quiet_end": "08:00", "can_dm": True,
               "created_at": now - timedelta(days=600)}


def _memberships(scale: Scale, now: datetime) -> Iterator[dict[str, Any]]:
    """Everyone in their home group (the first member coordinates it); one in ten in a second group too."""
    number = 0
    for i in range(scale.people):
        home = i % scale.groups + 1
        number += 1
        yield {"id": number, "person_id": i + 1, "group_id": home, "created_at": now - timedelta(days=500),
               "role": "coordinator" if i < scale.groups else "member"}
        if i % 10 == 0 and scale.groups > 1:
            number += 1
            yield {"id": number, "person_id": i + 1, "group_id": home % scale.groups + 1, "role": "member",
                   "created_at": now - timedelta(days=400)}


def _per_group(total: int, scale: Scale, number: int) -> tuple[int, int]:
    """Item `number` (1-based) of `total` spread evenly: (its group, its place among that group's items)."""
    return (number - 1) % scale.groups + 1, (number - 1) // scale.groups


def _proposal_time(scale: Scale, number: int, now: datetime) -> tuple[datetime, datetime]:
    """(opened, the date proposed): one a fortnight in each group, the latest two still open."""
    _, k = _per_group(scale.proposals, scale, number)
    count = scale.proposals // scale.groups
    opened = now - timedelta(days=14 * (count - k), hours=number % 9)
    return opened, opened + timedelta(days=10)


def _proposals(scale: Scale, now: datetime) -> Iterator[dict[str, Any]]:
    count = scale.proposals // scale.groups
    for n in range(1, scale.proposals + 1):
        group, k = _per_group(scale.proposals, scale, n)
        members = scale.members_of(group)
        opened, _ = _proposal_time(scale, n, now)
        is_open = k >= count - 2
        yield {"id": n, "group_id": group, "proposer_id": members[k % len(members)] + 1, "title": f"Idea {k}",
               "description": "", "place": "The hall", "needs": {}, "state": "open" if is_open else "passed",
               "opened_at": opened, "closes_at": opened + timedelta(days=7), "extended": False, "nudged": not is_open,
               "winner": None if is_open else 0, "post_message_id": None, "closed_reason": ""}


def _votes(scale: Scale, now: datetime) -> Iterator[dict[str, Any]]:
    per = max(1, scale.votes // scale.proposals)
    number = 0
    for n in range(1, scale.proposals + 1):
        group, k = _per_group(scale.proposals, scale, n)
        members = scale.members_of(group)
        opened, _ = _proposal_time(scale, n, now)
        for v in range(min(per, len(members))):
            number += 1
            yield {"id": number, "proposal_id": n, "option_index": 0, "person_id": members[(k + v) % len(members)] + 1,
                   "choice": ("yes", "yes", "no", "abstain")[v % 4], "cast_at": opened + timedelta(hours=v + 1)}


def _meetup_start(scale: Scale, number: int, now: datetime) -> datetime:
    """One every 18 days in each group, at teatime (UTC), the latest three still to come."""
    group, k = _per_group(scale.meetups, scale, number)
    count = scale.meetups // scale.groups
    return (now + timedelta(days=18 * (k - count + 3) - 2)).replace(hour=17 + group % 3, minute=0, second=0)


def _meetups(scale: Scale, now: datetime) -> Iterator[dict[str, Any]]:
    for n in range(1, scale.meetups + 1):
        group, k = _per_group(scale.meetups, scale, n)
        starts = _meetup_start(scale, n, now)
        passed = n if n <= scale.proposals else None
        yield {"id": n, "group_id": group, "proposal_id": passed, "series_id": None,
               "organiser_id": scale.members_of(group)[0] + 1, "title": f"Meet-up {k}", "starts_at": starts,
               "slot": None, "ends_at": None, "place": "The hall", "notes": "", "transport": "", "needs": {},
               "capacity": None, "status": "scheduled" if starts > now else "done", "version": 0,
               "post_message_id": None, "attendance_asked": starts <= now, "updated_at": starts - timedelta(days=7)}


def _rsvps(scale: Scale, now: datetime) -> Iterator[dict[str, Any]]:
    number = 0
    for n in range(1, scale.meetups + 1):
        group, k = _per_group(scale.meetups, scale, n)
        members = scale.members_of(group)
        starts = _meetup_start(scale, n, now)
        for r in range(min(5, len(members))):
            number += 1
            yield {"id": number, "meetup_id": n, "person_id": members[(k * 3 + r) % len(members)] + 1,
                   "answer": ("going", "going", "going", "maybe", "no")[r], "needs_lift": r == 1, "pickup": "",
                   "by_default": False, "answered_at": starts - timedelta(days=3, hours=r)}


def _contributions(scale: Scale, now: datetime) -> Iterator[dict[str, Any]]:
    """Time given over the past year, half of it at one of the group's meet-ups; most confirmed by the
    group's coordinator."""
    today = now.date()
    past = scale.meetups // scale.groups - 3  # each group's meet-ups that have happened
    for n in range(1, scale.contributions + 1):
        group, k = _per_group(scale.contributions, scale, n)
        members = scale.members_of(group)
        person = members[k % len(members)] + 1
        coordinator = members[0] + 1
        meetup = group + (k % past) * scale.groups if n % 2 and past > 0 else None
        day = _meetup_start(scale, meetup, now).date() if meetup else today - timedelta(days=(k * 37 + group) % 365)
        state = ("confirmed", "confirmed", "confirmed", "confirmed", "pending", "rejected")[n % 6] \
            if person != coordinator else "pending"
        logged = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=20)
        yield {"id": n, "group_id": group, "person_id": person, "meetup_id": meetup, "category": CATEGORIES[n % 6],
               "note": "", "day": day, "quarters": 1 + n % 16, "state": state, "confirmer_id": None,
               "logged_by_id": person, "logged_at": logged, "reason": "",
               "decided_by_id": coordinator if state != "pending" else None,
               "decided_at": logged + timedelta(days=1) if state != "pending" else None}


def _earned(contributions: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    number = 0
    for row in contributions:
        if row["state"] == "confirmed":
            number += 1
            yield {"id": number, "person_id": row["person_id"], "kind": "earn", "quarters": row["quarters"],
                   "at": row["decided_at"], "group_id": row["group_id"], "contribution_id": row["id"],
                   "counterpart_id": None, "actor_id": row["decided_by_id"], "note": ""}


def _accounts(scale: Scale, contributions: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    balances = [0] * (scale.people + 1)
    for row in contributions:
        if row["state"] == "confirmed":
            balances[row["person_id"]] += row["quarters"]
    for person in range(1, scale.people + 1):
        yield {"person_id": person, "balance_quarters": balances[person], "public_thanks": person % 3 == 0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.seed", description=__doc__.splitlines()[0])
    parser.add_argument("database_url", help="an empty database (sqlite+aiosqlite:///... or postgresql+asyncpg://...)")
    parser.add_argument("--groups", type=int, default=Scale.groups, help="groups (the rest scales with them)")
    args = parser.parse_args(argv)
    print(json.dumps(asyncio.run(seed(args.database_url, Scale.of(args.groups)))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
