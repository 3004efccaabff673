"""Time credits: earning on confirmation, gifts, spending, coordinators' adjustments, and what a member
(or the group) sees.

Every change is new ledger entries plus a guarded balance update, in one transaction. A debit is a
conditional UPDATE of the person's account row, so two gifts from the same balance at the same moment
can't both succeed; accounts are touched in person-id order, so two gifts crossing never deadlock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain import credits as ledger
from bot.domain.credits import EntryKind, Given, Totals
from bot.domain.roles import Role
from bot.services.errors import InvalidContribution, MayNotConfirm, NotACoordinator, NotAMember, NotEnoughCredits
from bot.store.credits import Contribution, CreditEntry
from bot.store.models import AuditEntry, Group, Person

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

STATEMENT_LINES = 5


@dataclass(frozen=True)
class Line:
    """One ledger entry as its owner sees it."""

    entry: CreditEntry
    counterpart: Person | None
    category: str  # for an earn entry, what the contribution was


@dataclass(frozen=True)
class Statement:
    person: Person
    balance: int
    lines: list[Line]  # newest first
    pending: int  # contributions still waiting for someone to confirm
    public_thanks: bool


@dataclass(frozen=True)
class Transfer:
    """A gift, spend or adjustment that was made, for the messages about it."""

    kind: EntryKind
    amount: int  # quarters; an adjustment keeps its sign
    member: Person  # who received the gift, spent, or was adjusted
    actor: Person  # the giver, or the coordinator
    group: Group
    note: str
    member_balance: int
    actor_balance: int


async def group_member(uow: UnitOfWork, telegram_id: int, chat_id: int) -> tuple[Group, Person, str]:
    """The group of a chat, and the person with their role in it; NotAMember otherwise."""
    group = await uow.groups.by_chat(chat_id)
    person = await uow.people.by_telegram_id(telegram_id)
    membership = group and person and group.id and person.id and await uow.memberships.find(person.id, group.id)
    if group is None or person is None or not membership:
        raise NotAMember(chat_id)
    return group, person, membership.role


async def _other_member(uow: UnitOfWork, group: Group, person_id: int) -> Person:
    person = await uow.session.get(Person, person_id)
    if person is None or group.id is None or await uow.memberships.find(person_id, group.id) is None:
        raise NotAMember(group.chat_id)
    return person


async def _post(uow: UnitOfWork, entry: CreditEntry, floor: int | None) -> None:
    """Change the account's balance (refused below `floor`) and write the matching ledger entry."""
    await uow.credits.account(entry.person_id)
    if not await uow.credits.change_balance(entry.person_id, entry.quarters, floor):
        raise NotEnoughCredits(await uow.credits.sum_of(entry.person_id) - (floor or 0))
    uow.credits.add(entry)


async def _post_all(uow: UnitOfWork, entries: list[tuple[CreditEntry, int | None]]) -> None:
    for entry, floor in sorted(entries, key=lambda pair: pair[0].person_id):
        await _post(uow, entry, floor)
    await uow.flush()


async def earn(uow: UnitOfWork, clock: Clock, contribution: Contribution, actor: Person) -> None:
    """The credits for a confirmed contribution (the ledger's unique key keeps it to one entry)."""
    await _post(uow, CreditEntry(
        person_id=contribution.person_id, kind=EntryKind.EARN, quarters=contribution.quarters, at=clock.now(),
        group_id=contribution.group_id, contribution_id=contribution.id, actor_id=actor.id,
    ), None)


async def gift(uow: UnitOfWork, clock: Clock, telegram_id: int, chat_id: int, receiver_id: int,
               amount: int) -> Transfer:
    """Give some of my credits to another member of the group, never below my floor."""
    group, giver, _ = await group_member(uow, telegram_id, chat_id)
    receiver = await _other_member(uow, group, receiver_id)
    if receiver.id == giver.id:
        raise InvalidContribution("receiver")
    if not ledger.transfer_amount_ok(amount):
        raise InvalidContribution("amount")
    assert giver.id is not None and receiver.id is not None
    floor = -await uow.credits.overdraft(group.organisation_id)
    now = clock.now()
    await _post_all(uow, [
        (CreditEntry(person_id=giver.id, kind=EntryKind.GIFT_OUT, quarters=-amount, at=now, group_id=group.id,
                     counterpart_id=receiver.id, actor_id=giver.id), floor),
        (CreditEntry(person_id=receiver.id, kind=EntryKind.GIFT_IN, quarters=amount, at=now, group_id=group.id,
                     counterpart_id=giver.id, actor_id=giver.id), None),
    ])
    return await _done(uow, EntryKind.GIFT_IN, amount, receiver, giver, group, "")


async def _as_coordinator(uow: UnitOfWork, telegram_id: int, chat_id: int, person_id: int,
                          note: str) -> tuple[Group, Person, Person]:
    group, coordinator, role = await group_member(uow, telegram_id, chat_id)
    if role != Role.COORDINATOR:
        raise NotACoordinator(chat_id)
    if not note or len(note) > 300:
        raise InvalidContribution("note")
    return group, coordinator, await _other_member(uow, group, person_id)


async def spend(uow: UnitOfWork, clock: Clock, telegram_id: int, chat_id: int, person_id: int, amount: int,
                what: str) -> Transfer:
    """A coordinator records that a member spent credits on something the organisation offers."""
    group, coordinator, member = await _as_coordinator(uow, telegram_id, chat_id, person_id, what)
    if not ledger.transfer_amount_ok(amount):
        raise InvalidContribution("amount")
    assert member.id is not None
    floor = -await uow.credits.overdraft(group.organisation_id)
    await _post_all(uow, [(CreditEntry(person_id=member.id, kind=EntryKind.SPEND, quarters=-amount, at=clock.now(),
                                       group_id=group.id, actor_id=coordinator.id, note=what), floor)])
    return await _done(uow, EntryKind.SPEND, amount, member, coordinator, group, what)


async def adjust(uow: UnitOfWork, clock: Clock, telegram_id: int, chat_id: int, person_id: int, amount: int,
                 reason: str) -> Transfer:
    """A coordinator corrects a member's balance up or down, with a reason (audited); never their own."""
    group, coordinator, member = await _as_coordinator(uow, telegram_id, chat_id, person_id, reason)
    if member.id == coordinator.id:
        raise MayNotConfirm(person_id)
    if not ledger.transfer_amount_ok(abs(amount)):
        raise InvalidContribution("amount")
    assert member.id is not None
    await _post_all(uow, [(CreditEntry(person_id=member.id, kind=EntryKind.ADJUST, quarters=amount, at=clock.now(),
                                       group_id=group.id, actor_id=coordinator.id, note=reason), None)])
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=coordinator.id, group_id=group.id,
                             action="credits.adjust", detail={"person_id": member.id, "quarters": amount,
                                                              "reason": reason}))
    return await _done(uow, EntryKind.ADJUST, amount, member, coordinator, group, reason)


async def _done(uow: UnitOfWork, kind: EntryKind, amount: int, member: Person, actor: Person, group: Group,
                note: str) -> Transfer:
    assert member.id is not None and actor.id is not None
    await uow.commit()
    return Transfer(kind, amount, member, actor, group, note, await uow.credits.sum_of(member.id),
                    await uow.credits.sum_of(actor.id))


async def available(uow: UnitOfWork, telegram_id: int, chat_id: int) -> int:
    """How much the person could give away now: their balance plus any overdraft the organisation allows."""
    group, person, _ = await group_member(uow, telegram_id, chat_id)
    assert person.id is not None
    return await uow.credits.sum_of(person.id) + await uow.credits.overdraft(group.organisation_id)


async def statement(uow: UnitOfWork, telegram_id: int, limit: int = STATEMENT_LINES) -> Statement:
    """My balance (the sum of my entries), my latest entries, and what is still waiting."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        raise NotAMember(telegram_id)
    lines = []
    for entry in await uow.credits.entries_of(person.id, limit):
        counterpart = await uow.session.get(Person, entry.counterpart_id) if entry.counterpart_id else None
        contribution = await uow.credits.contribution(entry.contribution_id) if entry.contribution_id else None
        lines.append(Line(entry, counterpart, contribution.category if contribution else ""))
    account = await uow.credits.account(person.id)
    await uow.commit()
    return Statement(person, await uow.credits.sum_of(person.id), lines, await uow.credits.pending_count(person.id),
                     account.public_thanks)


async def set_public_thanks(uow: UnitOfWork, telegram_id: int, on: bool) -> bool:
    """Whether the group (and reports for funders) may name me when thanking people."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        raise NotAMember(telegram_id)
    account = await uow.credits.account(person.id)
    account.public_thanks = on
    await uow.commit()
    return on


@dataclass(frozen=True)
class GroupThanks:
    since: date
    totals: Totals
    names: list[str]  # only members who agreed to be thanked by name


async def group_thanks(uow: UnitOfWork, clock: Clock, chat_id: int) -> GroupThanks | None:
    """What the group gave lately: totals for everyone, names only of those who agreed."""
    group = await uow.groups.by_chat(chat_id)
    if group is None or group.id is None:
        return None
    today = clock.now().astimezone(ZoneInfo(group.timezone)).date()
    since, _ = ledger.report_period("last_3_months", today)  # this month and the two before
    rows = await uow.credits.confirmed_in(group.id, since, today)
    given = [Given(c.person_id, c.day, c.category, c.quarters, f"m{c.meetup_id}" if c.meetup_id else f"c{c.id}")
             for c, _ in rows]
    agreed = await uow.credits.thankable(sorted({c.person_id for c, _ in rows}))
    names = sorted({person.display_name for c, person in rows if c.person_id in agreed}, key=str.casefold)
    return GroupThanks(since, ledger.totals(given), names)


async def others_in(uow: UnitOfWork, telegram_id: int, chat_id: int) -> list[Person]:
    """The other members of the group the bot knows, by name (gift recipients, people to adjust)."""
    group, person, _ = await group_member(uow, telegram_id, chat_id)
    assert group.id is not None
    return [other for other, _ in await uow.credits.members(group.id) if other.id != person.id]


async def groups_of(uow: UnitOfWork, telegram_id: int, *, coordinating: bool = False) -> list[Group]:
    """The groups a person is in (or coordinates)."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        return []
    found = []
    for group in await uow.memberships.groups_of(person.id):
        assert group.id is not None
        membership = await uow.memberships.find(person.id, group.id)
        if not coordinating or (membership is not None and membership.role == Role.COORDINATOR):
            found.append(group)
    return found


async def balance_of(uow: UnitOfWork, person_id: int) -> int:
    """A balance: the sum of the person's ledger entries."""
    return await uow.credits.sum_of(person_id)
