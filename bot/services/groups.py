"""Groups and who is in them: the bot joining, members being seen, coordinators being appointed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.domain.clock import Clock
from bot.domain.roles import (
    TELEGRAM_PRESENT_STATUSES,
    Role,
    becomes_first_coordinator,
    may_appoint_coordinator,
)
from bot.services.errors import AlreadyDone, NotACoordinator, NotAMember, NotFound
from bot.store.models import AuditEntry, Group, Membership, Organisation, Person

if TYPE_CHECKING:
    from bot.store.uow import UnitOfWork

StatusLookup = Callable[[], Awaitable[str]]  # asks Telegram for the person's status in the chat


async def organisation(uow: UnitOfWork, clock: Clock, name: str) -> Organisation:
    """The install's organisation, made the first time it is needed (one organisation per install)."""
    organisation = await uow.organisations.first()
    if organisation is None:
        organisation = Organisation(name=name, created_at=clock.now())
        uow.organisations.add(organisation)
        await uow.flush()
    return organisation


async def find_or_add(
    uow: UnitOfWork, clock: Clock, chat_id: int, title: str, *, organisation_name: str = "Criw",
    timezone: str = "Europe/London",
) -> Group:
    """The group for a chat, admitted or not; the first time the bot meets it, it waits to be admitted
    (services/admission.py), in `timezone` (the operator's CRIW_TIMEZONE)."""
    group = await uow.groups.any_by_chat(chat_id)
    if group is None:
        owner = await organisation(uow, clock, organisation_name)
        assert owner.id is not None
        group = Group(organisation_id=owner.id, chat_id=chat_id, created_at=clock.now(), timezone=timezone)
        uow.groups.add(group)
    group.title = title[:255]
    await uow.flush()
    return group


async def set_bot_present(uow: UnitOfWork, chat_id: int, present: bool) -> Group | None:
    """The bot was added to or removed from the group; while removed nothing is sent there."""
    group = await uow.groups.any_by_chat(chat_id)
    if group is not None:
        group.bot_present = present
        await uow.commit()
    return group


async def move_chat(uow: UnitOfWork, old_chat_id: int, new_chat_id: int) -> Group | None:
    """Telegram upgraded the group to a supergroup: keep every record, under the new chat id."""
    group = await uow.groups.any_by_chat(old_chat_id)
    if group is None or await uow.groups.any_by_chat(new_chat_id) is not None:
        return group
    group.chat_id = new_chat_id
    await uow.commit()
    return group


async def note_presence(
    uow: UnitOfWork, clock: Clock, group: Group, person: Person, status: StatusLookup | None
) -> Membership | None:
    """Record that a person is in the group, checking with Telegram when we are not sure.

    `status` is None when Telegram has just shown them in the chat (they wrote there); otherwise it is
    asked. The group's first Telegram administrator to use the bot becomes its first coordinator.
    """
    assert group.id is not None and person.id is not None
    membership = await uow.memberships.find(person.id, group.id)
    has_coordinator = await uow.memberships.count_coordinators(group.id) > 0
    if membership is not None and has_coordinator:
        return membership
    telegram_status = await status() if status else "member"
    if membership is None:
        if telegram_status not in TELEGRAM_PRESENT_STATUSES:
            return None
        membership = Membership(person_id=person.id, group_id=group.id, created_at=clock.now())
        uow.memberships.add(membership)
    if status is not None and becomes_first_coordinator(has_coordinator, telegram_status):
        membership.role = Role.COORDINATOR
        uow.audit.add(_audit(clock, person, group, "coordinator.first", {"telegram_status": telegram_status}))
    await uow.flush()
    return membership


async def recognise(
    uow: UnitOfWork, clock: Clock, chat_id: int, telegram_id: int, name: str, status: StatusLookup
) -> Membership | None:
    """Learn about someone the bot has not seen in the group (privacy mode hides ordinary chatter),
    trusting only Telegram's word that they are in it."""
    from bot.services import people

    group = await uow.groups.by_chat(chat_id)
    if group is None:
        return None
    person = await people.meet(uow, clock, telegram_id, name, None)
    membership = await note_presence(uow, clock, group, person, status)
    await uow.commit()
    return membership


async def appoint_coordinator(
    uow: UnitOfWork, clock: Clock, chat_id: int, actor_telegram_id: int, target_telegram_id: int
) -> Person:
    """Make a member of the group a coordinator; only a coordinator of that group may."""
    group = await uow.groups.by_chat(chat_id)
    actor = await uow.people.by_telegram_id(actor_telegram_id)
    if group is None or group.id is None or actor is None or actor.id is None:
        raise NotAMember(chat_id)
    actor_membership = await uow.memberships.find(actor.id, group.id)
    if actor_membership is None:
        raise NotAMember(chat_id)
    if not may_appoint_coordinator(actor_membership.role):
        raise NotACoordinator(chat_id)
    target = await uow.people.by_telegram_id(target_telegram_id)
    target_membership = target and target.id and await uow.memberships.find(target.id, group.id)
    if target is None or not target_membership:
        raise NotFound(target_telegram_id)
    if target_membership.role == Role.COORDINATOR:
        raise AlreadyDone(target_telegram_id)
    target_membership.role = Role.COORDINATOR
    uow.audit.add(_audit(clock, actor, group, "coordinator.appoint", {"person_id": target.id}))
    await uow.commit()
    return target


async def as_coordinator(uow: UnitOfWork, chat_id: int, telegram_id: int) -> tuple[Group, Person]:
    """The group of a chat, and the person, who must coordinate it: NotAMember or NotACoordinator otherwise."""
    group = await uow.groups.by_chat(chat_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if group is None or group.id is None or person is None or person.id is None:
        raise NotAMember(chat_id)
    membership = await uow.memberships.find(person.id, group.id)
    if membership is None or membership.role != Role.COORDINATOR:
        raise NotACoordinator(chat_id)
    return group, person


async def switch_reminders(
    uow: UnitOfWork, clock: Clock, chat_id: int, actor_telegram_id: int, kind: str, on: bool
) -> Group:
    """A coordinator switches one kind of reminder on or off for the whole group (audited)."""
    group, actor = await as_coordinator(uow, chat_id, actor_telegram_id)
    off = [existing for existing in group.reminders_off or [] if existing != kind]
    group.reminders_off = off if on else [*off, kind]
    uow.audit.add(_audit(clock, actor, group, "reminders.switch", {"kind": kind, "on": on}))
    await uow.commit()
    return group


def _audit(clock: Clock, actor: Person, group: Group, action: str, detail: dict[str, object]) -> AuditEntry:
    return AuditEntry(at=clock.now(), actor_person_id=actor.id, group_id=group.id, action=action, detail=detail)
