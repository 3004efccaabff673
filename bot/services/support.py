""""I need help": a member asks for a person to get in touch; the group's coordinators are told who and
about what. Presses again within a short time (about anything) tell nobody twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.services.errors import NotAMember, NotFound
from bot.store.models import AuditEntry, Group, Person

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

QUIET_FOR = timedelta(minutes=30)  # the same person asking again about the same thing within this: once


@dataclass(frozen=True)
class HelpAsked:
    person: Person
    kind: str  # "p" proposal, "m" meet-up, "w" writing a proposal, "-" general (bot/i18n/easy.SUBJECT_KINDS)
    title: str  # the proposal's or meet-up's title ("" for the others)
    groups: list[Group]
    coordinators: list[Person]  # to tell, without the person themself
    already: bool  # asked about this a moment ago: the coordinators were told then


async def ask_for_help(uow: UnitOfWork, clock: Clock, telegram_id: int, kind: str, ref: int) -> HelpAsked:
    """Find who to tell (checking again that the thing is in one of the person's groups) and record it."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        raise NotFound(telegram_id)
    title, groups = await _about(uow, person, kind, ref)
    recent = await uow.support.help_asked_since(person.id, clock.now() - QUIET_FOR)
    already = bool(recent)  # coordinators already told within QUIET_FOR: about this, or just before
    coordinators: dict[int, Person] = {}
    for group in groups:
        assert group.id is not None
        for coordinator in await uow.support.coordinators(group.id):
            if coordinator.id is not None and coordinator.id != person.id:
                coordinators.setdefault(coordinator.id, coordinator)
    if not already:
        for group in groups:
            uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=person.id, group_id=group.id,
                                     action="help.asked", detail={"kind": kind, "ref": ref, "title": title}))
        await uow.commit()
    return HelpAsked(person, kind, title, groups, list(coordinators.values()), already)


async def _about(uow: UnitOfWork, person: Person, kind: str, ref: int) -> tuple[str, list[Group]]:
    """The title and group of what the press is about; in general, every group the person is in."""
    assert person.id is not None
    group_id: int | None = None
    title = ""
    if kind == "p":
        proposal = await uow.proposals.get(ref)
        if proposal is None:
            raise NotFound(ref)
        title, group_id = proposal.title, proposal.group_id
    elif kind == "m":
        meetup = await uow.meetups.get(ref)
        if meetup is None:
            raise NotFound(ref)
        title, group_id = meetup.title, meetup.group_id
    elif kind == "w":
        group = await uow.groups.by_chat(ref)
        group_id = group.id if group else None
        if group_id is None:
            raise NotFound(ref)
    elif kind != "-":
        raise NotFound(kind)
    if group_id is None:
        return title, await uow.memberships.groups_of(person.id)
    if await uow.memberships.find(person.id, group_id) is None:
        raise NotAMember(group_id)
    group = await uow.groups.get(group_id)
    assert group is not None
    return title, [group]
