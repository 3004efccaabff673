"""The organisation's boundary: which groups belong to it, and who coordinates it.

A group the bot is added to waits (`Admission.PENDING`) until someone with the right to admit groups says
so: an organisation coordinator (from a card sent to them), the operator (`CRIW_ADMITTED_GROUPS`), or, on a
fresh install with no organisation coordinator yet, nobody needs to: the first group is admitted and the
person who added the bot becomes the first organisation coordinator. Until admitted, a group reaches no
service (the repositories see admitted groups only).

Organisation coordinators (`Person.coordinates_organisation`) manage the shared rooms, vehicles and
budgets and see every group's requests. Coordinating a group never grants it: only another organisation
coordinator (`grant`) or the operator (`CRIW_ORGANISATION_COORDINATORS`, `name_by_operator`) does.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.domain.roles import Admission
from bot.services import meetup_reminders
from bot.services.errors import AlreadyDone, NotAnOrganisationCoordinator, NotFound
from bot.services.groups import organisation
from bot.store.models import AuditEntry, Group, Person

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork


@dataclass(frozen=True)
class Arrival:
    """The bot was added to a group: whether the group is in, and whom to ask when it is waiting."""

    group: Group
    ask: list[Person] = field(default_factory=list)  # organisation coordinators who can be written to

    @property
    def admitted(self) -> bool:
        return self.group.admission == Admission.ADMITTED

    @property
    def refused(self) -> bool:
        return self.group.admission == Admission.REFUSED


async def arrive(uow: UnitOfWork, clock: Clock, chat_id: int, adder_telegram_id: int | None, *,
                 admitted_chats: Collection[int] = (), named: Collection[int] = ()) -> Arrival:
    """The bot is in the group (again): admit it when the operator listed it, when an organisation
    coordinator added the bot, or on a fresh install (no organisation coordinator, none `named` by the
    operator, no admitted group); otherwise it waits and the organisation's coordinators are asked."""
    group = await uow.groups.any_by_chat(chat_id)
    if group is None:
        raise NotFound(chat_id)
    group.bot_present = True
    adder = await uow.people.by_telegram_id(adder_telegram_id) if adder_telegram_id is not None else None
    coordinators = await uow.people.organisation_coordinators(group.organisation_id)
    if group.admission == Admission.PENDING:
        fresh = not named and not coordinators and await uow.groups.count_admitted(group.organisation_id) == 0
        if chat_id in admitted_chats:
            _admit(uow, clock, group, None, "operator")
        elif adder is not None and adder.coordinates_organisation == group.organisation_id:
            _admit(uow, clock, group, adder, "added by an organisation coordinator")
        elif fresh:
            _admit(uow, clock, group, adder, "the first group of a fresh install")
    if group.admission == Admission.ADMITTED and not coordinators and not named and adder is not None:
        adder.coordinates_organisation = group.organisation_id  # the first person on a fresh install
        uow.audit.add(_audit(clock, adder, group, "organisation_coordinator.first", {}))
    if group.admission == Admission.ADMITTED:
        await meetup_reminders.resume_digest(uow, clock, group)
    await uow.commit()
    waiting = group.admission == Admission.PENDING
    return Arrival(group, [person for person in coordinators if person.can_dm] if waiting else [])


async def decide(uow: UnitOfWork, clock: Clock, group_id: int, actor_telegram_id: int, admit: bool) -> Group:
    """An organisation coordinator admits or refuses a waiting group (re-checked here, whatever the card
    said); once decided, a second press changes nothing (AlreadyDone)."""
    group = await uow.groups.any_get(group_id)
    if group is None:
        raise NotFound(group_id)
    actor = await _organisation_coordinator(uow, actor_telegram_id, group.organisation_id)
    new_state = Admission.ADMITTED if admit else Admission.REFUSED
    if not await uow.groups.decide_admission(group, new_state):
        raise AlreadyDone(group_id)
    uow.audit.add(_audit(clock, actor, group, "group.admit" if admit else "group.refuse", {}))
    await uow.commit()
    return group


async def grant(uow: UnitOfWork, clock: Clock, chat_id: int, actor_telegram_id: int,
                target_telegram_id: int) -> Person:
    """An organisation coordinator makes a member of one of its groups an organisation coordinator too."""
    group = await uow.groups.by_chat(chat_id)
    if group is None or group.id is None:
        raise NotFound(chat_id)
    actor = await _organisation_coordinator(uow, actor_telegram_id, group.organisation_id)
    target = await uow.memberships.member(target_telegram_id, group.id)
    if target is None:
        raise NotFound(target_telegram_id)
    if target.coordinates_organisation == group.organisation_id:
        raise AlreadyDone(target_telegram_id)
    target.coordinates_organisation = group.organisation_id
    uow.audit.add(_audit(clock, actor, group, "organisation_coordinator.grant", {"person_id": target.id}))
    await uow.commit()
    return target


async def name_by_operator(uow: UnitOfWork, clock: Clock, person: Person, named: Collection[int],
                           organisation_name: str) -> None:
    """Someone the operator names in CRIW_ORGANISATION_COORDINATORS coordinates the organisation from the
    first time the bot meets them (the caller commits)."""
    if person.telegram_id not in named or person.coordinates_organisation is not None:
        return
    owner = await organisation(uow, clock, organisation_name)
    person.coordinates_organisation = owner.id
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=person.id, action="organisation_coordinator.named",
                             detail={}))
    await uow.flush()


async def is_organisation_coordinator(uow: UnitOfWork, telegram_id: int) -> bool:
    person = await uow.people.by_telegram_id(telegram_id)
    return person is not None and person.coordinates_organisation is not None


async def _organisation_coordinator(uow: UnitOfWork, telegram_id: int, organisation_id: int) -> Person:
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.coordinates_organisation != organisation_id:
        raise NotAnOrganisationCoordinator(organisation_id)
    return person


def _admit(uow: UnitOfWork, clock: Clock, group: Group, actor: Person | None, why: str) -> None:
    group.admission = Admission.ADMITTED
    uow.audit.add(_audit(clock, actor, group, "group.admit", {"why": why}))


def _audit(clock: Clock, actor: Person | None, group: Group, action: str, detail: dict[str, object]) -> AuditEntry:
    return AuditEntry(at=clock.now(), actor_person_id=actor.id if actor else None, group_id=group.id,
                      action=action, detail=detail)
