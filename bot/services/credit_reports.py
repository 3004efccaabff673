"""Evidence for funders, and a member's own record.

A report holds a group's confirmed contributions between two dates, counted per month and category.
Names appear only for members who agreed to be thanked by name; everyone else is a number, the same
number on every row of that report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bot.domain import credits as ledger
from bot.domain.credits import Given, Totals
from bot.domain.roles import Role
from bot.services.credits import group_member
from bot.services.errors import InvalidContribution, NotACoordinator, NotAMember, NotFound
from bot.store.models import Group, Person

if TYPE_CHECKING:
    from bot.store.uow import UnitOfWork

LONGEST = 3 * 366  # days in one report


@dataclass(frozen=True)
class ReportRow:
    day: date
    member: str | None  # their name, only if they agreed
    member_number: int  # 1, 2, 3... in order of first appearance
    category: str
    activity: str  # the meet-up's title, when it was for one
    quarters: int
    contribution_id: int


@dataclass(frozen=True)
class Report:
    group: Group
    start: date
    end: date
    rows: list[ReportRow]
    totals: Totals
    months: list[tuple[int, int]]
    by_month: dict[tuple[int, int], dict[str, int]]  # quarters per month per category


async def for_coordinator(uow: UnitOfWork, telegram_id: int, chat_id: int, start: date, end: date) -> Report:
    """A report for one of the groups the person coordinates."""
    group, _, role = await group_member(uow, telegram_id, chat_id)
    if role != Role.COORDINATOR:
        raise NotACoordinator(chat_id)
    return await build(uow, group, start, end)


async def for_operator(uow: UnitOfWork, reference: str, start: date, end: date) -> Report:
    """A report from the command line (`criw report`): whoever runs it already holds the database."""
    group = await uow.credits.group_by_reference(reference)
    if group is None:
        raise NotFound(reference)
    return await build(uow, group, start, end)


async def build(uow: UnitOfWork, group: Group, start: date, end: date) -> Report:
    if start > end or (end - start).days > LONGEST:
        raise InvalidContribution("period")
    assert group.id is not None
    found = await uow.credits.confirmed_in(group.id, start, end)
    agreed = await uow.credits.thankable(sorted({c.person_id for c, _ in found}))
    numbers: dict[int, int] = {}
    rows, given = [], []
    for contribution, person in found:
        assert contribution.id is not None
        number = numbers.setdefault(person.id or 0, len(numbers) + 1)
        meetup = await uow.meetups.get(contribution.meetup_id) if contribution.meetup_id else None
        rows.append(ReportRow(contribution.day, person.display_name if person.id in agreed else None, number,
                              contribution.category, meetup.title if meetup else "", contribution.quarters,
                              contribution.id))
        given.append(Given(contribution.person_id, contribution.day, contribution.category, contribution.quarters,
                           f"m{contribution.meetup_id}" if contribution.meetup_id else f"c{contribution.id}"))
    return Report(group, start, end, rows, ledger.totals(given), ledger.months_between(start, end),
                  ledger.by_month_and_category(given))


@dataclass(frozen=True)
class RecordRow:
    """One line of a member's own record: a contribution (any state) or a ledger entry that isn't one."""

    day: date
    kind: str  # "contribution", or an EntryKind other than earn
    state: str  # a contribution's state; "" for ledger entries
    group: str
    category: str
    note: str
    quarters: int  # signed for ledger entries
    other: str  # the other side of a gift


@dataclass(frozen=True)
class Record:
    person: Person
    rows: list[RecordRow]
    balance: int


async def my_record(uow: UnitOfWork, telegram_id: int) -> Record:
    """Everything a member has logged and every credit movement, oldest first, with their balance."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        raise NotAMember(telegram_id)
    titles: dict[int | None, str] = {}

    async def title(group_id: int | None) -> str:
        if group_id not in titles:
            group = await uow.groups.get(group_id) if group_id else None
            titles[group_id] = group.title if group else ""
        return titles[group_id]

    rows = [RecordRow(c.day, "contribution", c.state, await title(c.group_id), c.category, c.note, c.quarters, "")
            for c in await uow.credits.contributions_of(person.id)]
    for entry in reversed(await uow.credits.entries_of(person.id)):
        if entry.kind == ledger.EntryKind.EARN:
            continue  # the confirmed contribution above is this entry
        other = await uow.session.get(Person, entry.counterpart_id) if entry.counterpart_id else None
        rows.append(RecordRow(entry.at.date(), entry.kind, "", await title(entry.group_id), "", entry.note,
                              entry.quarters, other.display_name if other else ""))
    rows.sort(key=lambda row: row.day)
    return Record(person, rows, await uow.credits.sum_of(person.id))
