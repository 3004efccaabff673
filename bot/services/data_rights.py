"""A person's rights over their data: see everything Criw holds about them, and have it erased.

Both walk the registry in bot/store/personal_data.py, so a feature's tables are covered once registered
there. Erasure keeps group records true (tallies, hours, ledgers): the person's row becomes an anonymous
"former member" tombstone that their kept votes, answers and entries point at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.services.errors import NotFound
from bot.store.models import AuditEntry, Person
from bot.store.personal_data import references_to

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

@dataclass(frozen=True)
class MyData:
    """Everything about one person: their own row, their groups, and every row that points at them."""

    person: Person
    groups: list[tuple[str, str]]  # (group title, role)
    records: dict[str, list[dict[str, Any]]]  # table -> rows
    balance: int  # quarters of an hour

    def count(self, table: str, *, own: bool = False) -> int:
        """Rows of a table about the person; `own`: only those that are theirs (a vote they cast, not one
        they confirmed for someone else), by the table's first registered person column."""
        rows = self.records.get(table, [])
        if not own:
            return len(rows)
        owner = references_to(table)[0].column
        return sum(1 for row in rows if row.get(owner) == self.person.id)

    def as_document(self) -> dict[str, Any]:
        return {"about": "Everything Criw holds about you (ids are Criw's own record numbers).",
                "person": self.person.model_dump(mode="json"),
                "groups": [{"title": title, "role": role} for title, role in self.groups],
                "records": self.records}


async def _person(uow: UnitOfWork, telegram_id: int) -> Person:
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        raise NotFound(telegram_id)
    return person


async def my_data(uow: UnitOfWork, telegram_id: int) -> MyData:
    """Everything Criw holds about the person with this Telegram account (for them alone)."""
    person = await _person(uow, telegram_id)
    assert person.id is not None
    groups = []
    for group in await uow.memberships.groups_of(person.id):
        membership = await uow.memberships.find(person.id, group.id or 0)
        groups.append((group.title, membership.role if membership else ""))
    records = await uow.personal.rows_about(person)
    return MyData(person, groups, records, await uow.credits.sum_of(person.id))


async def forget(uow: UnitOfWork, clock: Clock, telegram_id: int, person_id: int) -> None:
    """Erase the person's data and anonymise their history, in one transaction.

    Then the erased words' earlier copies are dropped from the database's files (SQLite's log).
    `person_id` comes from the confirmation button: it must be this very person, so an old button can't
    erase whoever uses the account later (after erasure, a returning person is someone new)."""
    person = await _person(uow, telegram_id)
    if person.id != person_id:
        raise NotFound(person_id)
    await uow.personal.erase(person)
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=person.id, action="person.erase"))
    await uow.commit()
    await uow.personal.drop_old_copies()  # the bytes too, not just the rows (docs/SECURITY.md)
