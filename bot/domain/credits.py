"""The time-credit ledger's rules: one hour given is one credit, kept as integer quarters of an hour.

The ledger is a list of immutable entries; a balance is their sum. Earning comes from a confirmed
contribution; a gift moves credits between two members; a spend pays for something the organisation
offers; a coordinator's adjustment corrects with a reason. Nothing is edited or deleted: a correction is
a new entry. Gifts and spends may not take a balance below zero, or below the organisation's overdraft.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bot.domain.hours import DAY_LIMIT

TRANSFER_MAX = 10 * DAY_LIMIT  # a gift, spend or adjustment of more than 240 hours is a typo


class EntryKind(StrEnum):
    EARN = "earn"  # + a confirmed contribution
    GIFT_OUT = "gift_out"  # - given to another member
    GIFT_IN = "gift_in"  # + received from another member
    SPEND = "spend"  # - on something the organisation offers
    ADJUST = "adjust"  # ± a coordinator's correction, with a reason


DEBITS = frozenset({EntryKind.GIFT_OUT, EntryKind.SPEND})


@dataclass(frozen=True)
class Entry:
    kind: EntryKind
    quarters: int  # signed: credits are positive, debits negative


def balance(entries: Iterable[Entry]) -> int:
    """A balance is the sum of the entries, nothing more."""
    return sum(entry.quarters for entry in entries)


def may_debit(current: int, amount: int, overdraft: int = 0) -> bool:
    """Whether `amount` can be taken from a balance without going below minus the overdraft limit."""
    return amount > 0 and current - amount >= -overdraft


def signed(kind: EntryKind, amount: int) -> int:
    """The amount as it appears in the ledger: debits negative; an adjustment keeps the sign it was given."""
    if kind is EntryKind.ADJUST:
        return amount
    return -abs(amount) if kind in DEBITS else abs(amount)


def transfer_amount_ok(amount: int) -> bool:
    return 0 < amount <= TRANSFER_MAX


@dataclass(frozen=True)
class Given:
    """One confirmed contribution, as reports count it."""

    person_id: int
    day: date
    category: str
    quarters: int
    activity: str  # the meet-up it was for ("m12"), or the contribution itself ("c40")


@dataclass(frozen=True)
class Totals:
    members: int
    quarters: int
    activities: int


def totals(given: Iterable[Given]) -> Totals:
    """How many members gave how many quarters across how many activities."""
    rows = list(given)
    return Totals(len({row.person_id for row in rows}), sum(row.quarters for row in rows),
                  len({row.activity for row in rows}))


def months_between(start: date, end: date) -> list[tuple[int, int]]:
    """Every (year, month) from start to end, inclusive, so quiet months show as empty bars."""
    months, (year, month) = [], (start.year, start.month)
    while (year, month) <= (end.year, end.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def by_month_and_category(given: Iterable[Given]) -> dict[tuple[int, int], dict[str, int]]:
    """Quarters per (year, month) per category."""
    table: dict[tuple[int, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in given:
        table[(row.day.year, row.day.month)][row.category] += row.quarters
    return table


PERIODS = ("this_month", "last_month", "last_3_months", "this_year")


def report_period(name: str, today: date) -> tuple[date, date]:
    """The first and last day a report button means, up to today."""
    first_of_month = today.replace(day=1)
    if name == "last_month":
        end = first_of_month - timedelta(days=1)
        return end.replace(day=1), end
    if name == "last_3_months":
        month = today.month - 2
        return date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1), today
    if name == "this_year":
        return date(today.year, 1, 1), today
    return first_of_month, today
