"""The organisation's rooms, vehicles and budgets: coordinators add and remove them (audited), a file
can load them (`criw resources import`), and anyone may see what there is.

Rooms, vehicles and budgets belong to the organisation; its organisation coordinators (not every group's
coordinators) manage them and decide requests for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain.bookings import Access, Kind
from bot.domain.dates import local_to_utc
from bot.domain.resources import BudgetSpec, Period, RoomSpec, VehicleSpec, period_of
from bot.services.errors import InvalidRequest, NotACoordinator, NotAnOrganisationCoordinator, NotFound
from bot.store.models import AuditEntry, Group, Organisation, Person
from bot.store.resources import AccessProfile, Budget, Resource

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork


@dataclass(frozen=True)
class Coordinator:
    person: Person
    organisation_id: int
    groups: list[Group]  # the organisation's admitted groups (their budgets are theirs to set)


async def coordinator(uow: UnitOfWork, telegram_id: int, organisation_id: int | None = None) -> Coordinator:
    """The person, if they coordinate the organisation (`organisation_id`, when given); refused otherwise.

    Coordinating a group is not enough: the organisation's rooms, vehicles, budgets and every group's
    requests are for its organisation coordinators only (see services/admission.py)."""
    person = await uow.people.by_telegram_id(telegram_id)
    organisation = person.coordinates_organisation if person is not None else None
    if person is None or organisation is None or organisation_id not in (None, organisation):
        raise NotAnOrganisationCoordinator(organisation_id)
    return Coordinator(person, organisation, await uow.groups.of_organisation(organisation))


@dataclass(frozen=True)
class BudgetLine:
    budget: Budget
    group: Group
    left: int  # pence


@dataclass(frozen=True)
class Catalogue:
    """What a coordinator manages: rooms, vehicles, and the budgets of the groups they coordinate."""

    rooms: list[Resource]
    vehicles: list[Resource]
    budgets: list[BudgetLine]
    groups: list[Group]


async def catalogue(uow: UnitOfWork, clock: Clock, telegram_id: int) -> Catalogue:
    me = await coordinator(uow, telegram_id)
    found = await uow.resources.of_organisation(me.organisation_id)
    today = clock.now().date()
    groups = {group.id: group for group in me.groups}
    lines = []
    for budget in await uow.resources.budgets([g for g in groups if g is not None], today):
        group = groups[budget.group_id]
        lines.append(BudgetLine(budget, group, await left_in(uow, budget, group)))
    return Catalogue([r for r in found if r.kind == Kind.ROOM], [r for r in found if r.kind == Kind.VEHICLE],
                     lines, me.groups)


async def left_in(uow: UnitOfWork, budget: Budget, group: Group, excluding: int | None = None) -> int:
    """Pence left in the budget after the money approved for requests dated within its period."""
    zone = ZoneInfo(group.timezone)
    since = local_to_utc(budget.starts_on, time(0), zone)
    until = local_to_utc(budget.ends_on + timedelta(days=1), time(0), zone)
    return budget.amount - await uow.resources.money_approved(budget.group_id, since, until, excluding)


def _features(spec: RoomSpec) -> dict[str, bool]:
    return {need.value: need in spec.features for need in (Access.STEP_FREE, Access.HEARING_LOOP,
                                                           Access.ACCESSIBLE_TOILET, Access.QUIET_SPACE)}


def _room_values(spec: RoomSpec) -> dict[str, object]:
    return {"address": spec.address, "capacity": spec.capacity, "notes": spec.notes,
            "opening_hours": spec.hours.text(), "buffer_minutes": spec.buffer_minutes, **_features(spec)}


def _vehicle_values(spec: VehicleSpec) -> dict[str, object]:
    return {"seats": spec.seats, "wheelchair_spaces": spec.wheelchair_spaces, "driver_needed": spec.driver_needed,
            "notes": spec.notes, "buffer_minutes": spec.buffer_minutes}


async def _put(uow: UnitOfWork, clock: Clock, organisation_id: int, kind: Kind, name: str,
               values: dict[str, object]) -> tuple[Resource, bool]:
    """Add the resource, or update (and bring back) the one with that name; True when it is new."""
    resource = await uow.resources.named(organisation_id, kind, name)
    new = resource is None
    if resource is None:
        resource = Resource(organisation_id=organisation_id, kind=kind, name=name, created_at=clock.now())
        uow.resources.add(resource)
    for key, value in values.items():
        setattr(resource, key, value)
    resource.active = True
    await uow.flush()
    return resource, new


async def add_room(uow: UnitOfWork, clock: Clock, telegram_id: int, spec: RoomSpec) -> Resource:
    """A coordinator adds a room (or changes the one with that name)."""
    me = await coordinator(uow, telegram_id)
    if problems := spec.problems():
        raise InvalidRequest(problems[0])
    room, _ = await _put(uow, clock, me.organisation_id, Kind.ROOM, spec.name.strip(), _room_values(spec))
    _audit(uow, clock, me.person, "resource.add", {"resource_id": room.id, "kind": "room", "name": room.name})
    await uow.commit()
    return room


async def add_vehicle(uow: UnitOfWork, clock: Clock, telegram_id: int, spec: VehicleSpec) -> Resource:
    me = await coordinator(uow, telegram_id)
    if problems := spec.problems():
        raise InvalidRequest(problems[0])
    vehicle, _ = await _put(uow, clock, me.organisation_id, Kind.VEHICLE, spec.name.strip(), _vehicle_values(spec))
    _audit(uow, clock, me.person, "resource.add", {"resource_id": vehicle.id, "kind": "vehicle",
                                                   "name": vehicle.name})
    await uow.commit()
    return vehicle


async def remove(uow: UnitOfWork, clock: Clock, telegram_id: int, resource_id: int) -> Resource:
    """Take a room or vehicle out of use; its past bookings stay, new requests for it are refused."""
    resource = await uow.resources.get(resource_id)
    if resource is None:
        raise NotFound(resource_id)
    me = await coordinator(uow, telegram_id, resource.organisation_id)
    if not resource.active:
        raise InvalidRequest("gone")
    resource.active = False
    _audit(uow, clock, me.person, "resource.remove", {"resource_id": resource.id, "name": resource.name})
    await uow.commit()
    return resource


async def set_budget(uow: UnitOfWork, clock: Clock, telegram_id: int, group_chat_id: int, period: Period,
                     amount: int) -> BudgetLine:
    """Set the group's budget for this month, quarter or year (replacing one that starts the same day)."""
    group = await uow.groups.by_chat(group_chat_id)
    if group is None or group.id is None:
        raise NotFound(group_chat_id)
    me = await coordinator(uow, telegram_id, group.organisation_id)
    if group.id not in {g.id for g in me.groups}:
        raise NotACoordinator(group_chat_id)
    starts_on, ends_on = period_of(period, clock.now().astimezone(ZoneInfo(group.timezone)).date())
    budget = await _put_budget(uow, clock, group, BudgetSpec(group.title, amount, starts_on, ends_on))
    _audit(uow, clock, me.person, "budget.set", {"group_id": group.id, "amount": amount,
                                                 "from": starts_on.isoformat(), "to": ends_on.isoformat()})
    await uow.commit()
    return BudgetLine(budget, group, await left_in(uow, budget, group))


async def _put_budget(uow: UnitOfWork, clock: Clock, group: Group, spec: BudgetSpec) -> Budget:
    if problems := spec.problems():
        raise InvalidRequest(problems[0])
    assert group.id is not None
    budget = await uow.resources.budget(group.id, spec.starts_on)
    if budget is None:
        budget = Budget(organisation_id=group.organisation_id, group_id=group.id, starts_on=spec.starts_on,
                        ends_on=spec.ends_on, amount=spec.amount, created_at=clock.now())
        uow.resources.add(budget)
    budget.ends_on, budget.amount = spec.ends_on, spec.amount
    await uow.flush()
    return budget


@dataclass(frozen=True)
class Imported:
    added: int
    updated: int
    budgets: int


async def import_specs(uow: UnitOfWork, clock: Clock, organisation_name: str, rooms: list[RoomSpec],
                       vehicles: list[VehicleSpec], budgets: list[BudgetSpec]) -> Imported:
    """Load rooms, vehicles and budgets from a file, all or nothing; names already there are updated."""
    organisation = await uow.organisations.first()
    if organisation is None:
        organisation = Organisation(name=organisation_name, created_at=clock.now())
        uow.organisations.add(organisation)
        await uow.flush()
    assert organisation.id is not None
    added = updated = 0
    for kind, specs in ((Kind.ROOM, rooms), (Kind.VEHICLE, vehicles)):
        for spec in specs:
            if problems := spec.problems():
                raise InvalidRequest(f"{spec.name or '?'}: {problems[0]} is missing or out of range")
            values = _room_values(spec) if isinstance(spec, RoomSpec) else _vehicle_values(spec)
            _, new = await _put(uow, clock, organisation.id, kind, spec.name.strip(), values)
            added, updated = added + new, updated + (not new)
    for budget_spec in budgets:
        group = await _group_named(uow, budget_spec.group)
        await _put_budget(uow, clock, group, budget_spec)
    uow.audit.add(AuditEntry(at=clock.now(), action="resource.import", detail={
        "added": added, "updated": updated, "budgets": len(budgets)}))
    await uow.commit()
    return Imported(added, updated, len(budgets))


async def _group_named(uow: UnitOfWork, reference: str) -> Group:
    group = await uow.credits.group_by_reference(reference)
    if group is None:
        raise InvalidRequest(f"budget: no group is called {reference!r} (use its exact title or chat id)")
    return group


async def access_needs(uow: UnitOfWork, telegram_id: int) -> set[Access]:
    person = await uow.people.by_telegram_id(telegram_id)
    profile = person and person.id and await uow.resources.access_profile(person.id)
    return {Access(need) for need in profile.needs if need in set(Access)} if profile else set()


async def toggle_access_need(uow: UnitOfWork, clock: Clock, telegram_id: int, need: Access) -> set[Access]:
    """Tick or untick one of the person's own access needs (private; coordinators only ever see counts)."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        raise NotFound(telegram_id)
    profile = await uow.resources.access_profile(person.id)
    if profile is None:
        profile = AccessProfile(person_id=person.id, updated_at=clock.now())
        uow.resources.add(profile)
    needs = set(profile.needs) ^ {need.value}
    profile.needs, profile.updated_at = sorted(needs), clock.now()
    await uow.commit()
    return {Access(value) for value in needs}


def _audit(uow: UnitOfWork, clock: Clock, actor: Person, action: str, detail: dict[str, object]) -> None:
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=actor.id, action=action, detail=detail))
