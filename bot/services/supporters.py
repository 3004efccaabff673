"""Supporters: answering for a member who phoned in or asked in person.

A coordinator may RSVP, vote or log time for any member of their group; anyone else only for a member
who named them as a supporter (the member's consent, recorded with its time, revocable). Every such entry
is audited as "entered by X for Y" and the member is told.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain.roles import Role
from bot.services.errors import AlreadyDone, MayNotActFor, NotAMember, NotFound
from bot.store.models import AuditEntry, Group, Person
from bot.store.support import Supporter

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

ENTERED_FOR = "entered.for"


@dataclass(frozen=True)
class Supported:
    """A member someone may answer for, in one group, and why (coordinator, or named supporter)."""

    member: Person
    group: Group
    as_coordinator: bool


async def _person(uow: UnitOfWork, telegram_id: int) -> Person:
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        raise NotFound(telegram_id)
    return person


async def _group_of(uow: UnitOfWork, group_id: int, person: Person) -> Group:
    group = await uow.groups.get(group_id)
    if group is None or person.id is None or await uow.memberships.find(person.id, group_id) is None:
        raise NotAMember(group_id)
    return group


async def choices_for_member(uow: UnitOfWork, telegram_id: int, group_id: int) -> list[Person]:
    """The people of the member's group they could name as a supporter (not themself)."""
    member = await _person(uow, telegram_id)
    await _group_of(uow, group_id, member)
    return [person for person in await uow.support.members(group_id) if person.id != member.id]


async def name(uow: UnitOfWork, clock: Clock, telegram_id: int, group_id: int, supporter_id: int
               ) -> tuple[Person, Person, Group]:
    """The member consents to `supporter_id` answering for them in the group (recorded now)."""
    member = await _person(uow, telegram_id)
    group = await _group_of(uow, group_id, member)
    supporter = await uow.session.get(Person, supporter_id)
    if supporter is None or supporter.id == member.id or await uow.memberships.find(supporter_id, group_id) is None:
        raise NotFound(supporter_id)
    assert member.id is not None
    row = await uow.support.supporter(group_id, member.id, supporter_id)
    if row is not None and row.revoked_at is None:
        raise AlreadyDone(supporter_id)
    if row is None:
        row = Supporter(group_id=group_id, member_id=member.id, supporter_id=supporter_id, consented_at=clock.now())
        uow.support.add(row)
    row.consented_at, row.revoked_at = clock.now(), None
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=member.id, group_id=group_id, action="supporter.named",
                             detail={"supporter_id": supporter_id, "consent": True}))
    await uow.commit()
    return member, supporter, group


async def revoke(uow: UnitOfWork, clock: Clock, telegram_id: int, supporter_row_id: int) -> Person:
    """The member withdraws their consent; the supporter can no longer answer for them."""
    member = await _person(uow, telegram_id)
    row = await uow.session.get(Supporter, supporter_row_id)
    if row is None or row.member_id != member.id:
        raise NotFound(supporter_row_id)
    if row.revoked_at is not None:
        raise AlreadyDone(supporter_row_id)
    row.revoked_at = clock.now()
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=member.id, group_id=row.group_id,
                             action="supporter.revoked", detail={"supporter_id": row.supporter_id}))
    await uow.commit()
    supporter = await uow.session.get(Person, row.supporter_id)
    assert supporter is not None
    return supporter


async def mine(uow: UnitOfWork, telegram_id: int) -> list[tuple[Supporter, Person, Group]]:
    """The supporters a member has named and not revoked."""
    member = await _person(uow, telegram_id)
    assert member.id is not None
    return await uow.support.supporters_of(member.id)


async def people_i_support(uow: UnitOfWork, telegram_id: int) -> list[Supported]:
    """Everyone this person may answer for: the members of groups they coordinate, and who named them."""
    actor = await _person(uow, telegram_id)
    assert actor.id is not None
    found: dict[tuple[int | None, int | None], Supported] = {}
    for group in await uow.memberships.groups_of(actor.id):
        membership = await uow.memberships.find(actor.id, group.id or 0)
        if membership is not None and membership.role == Role.COORDINATOR and group.id is not None:
            for member in await uow.support.members(group.id):
                if member.id != actor.id:
                    found[(member.id, group.id)] = Supported(member, group, True)
    for member, group in await uow.support.supported_by(actor.id):
        found.setdefault((member.id, group.id), Supported(member, group, False))
    return list(found.values())


async def authorise(uow: UnitOfWork, actor_telegram_id: int, member: Person, group_id: int) -> Person:
    """The person entering for `member`, if they may: a coordinator of the group, or a named supporter."""
    actor = await _person(uow, actor_telegram_id)
    assert actor.id is not None and member.id is not None
    if actor.id == member.id:
        return actor
    membership = await uow.memberships.find(actor.id, group_id)
    if membership is not None and membership.role == Role.COORDINATOR:
        return actor
    row = await uow.support.supporter(group_id, member.id, actor.id)
    if membership is None or row is None or row.revoked_at is not None:
        raise MayNotActFor(member.id)
    return actor


def record(uow: UnitOfWork, clock: Clock, actor: Person, member: Person, group_id: int, what: str,
           detail: dict[str, object]) -> None:
    """Audit an entry made for someone else: "entered by X for Y"."""
    uow.audit.add(AuditEntry(
        at=clock.now(), actor_person_id=actor.id, group_id=group_id, action=ENTERED_FOR,
        detail={"what": what, "member_id": member.id, "entered_by": actor.display_name, "for": member.display_name,
                "label": f"entered by {actor.display_name} for {member.display_name}", **detail},
    ))


async def check(uow: UnitOfWork, actor_telegram_id: int, group_id: int, member_id: int) -> Supported:
    """The member and group a button names, if the presser may answer for that member there."""
    member = await uow.session.get(Person, member_id)
    group = await uow.groups.get(group_id)
    if member is None or group is None or await uow.memberships.find(member_id, group_id) is None:
        raise NotFound(member_id)
    actor = await authorise(uow, actor_telegram_id, member, group_id)
    assert actor.id is not None
    membership = await uow.memberships.find(actor.id, group_id)
    return Supported(member, group, membership is not None and membership.role == Role.COORDINATOR)
