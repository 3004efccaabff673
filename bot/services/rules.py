"""Each group's decision rule: anyone may read it; only the group's coordinators may change it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain.deadlines import DEFAULT_NOTICE_DAYS, NOTICE_CHOICES
from bot.domain.decisions import DecisionRule, Majority, TieBreak
from bot.domain.roles import Role
from bot.services.errors import NotACoordinator, NotAnOrganisationCoordinator, NotFound
from bot.services.proposals import rule_of
from bot.store.models import AuditEntry, Group, Organisation
from bot.store.proposals import GroupRule

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

QUORUMS = (2, 3, 4, 5)


@dataclass(frozen=True)
class GroupRules:
    """What /rules shows: the group's decision rule and its organisation's notice for what it arranges."""

    rule: DecisionRule
    notice_days: int = DEFAULT_NOTICE_DAYS


async def current(uow: UnitOfWork, chat_id: int) -> GroupRules:
    group = await uow.groups.by_chat(chat_id)
    if group is None or group.id is None:
        raise NotFound(chat_id)
    return await _of(uow, group)


async def of_person(uow: UnitOfWork, telegram_id: int) -> list[tuple[Group, GroupRules]]:
    """The rules of every group the person belongs to (for /rules in private)."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        return []
    return [(group, await _of(uow, group)) for group in await uow.memberships.groups_of(person.id)]


async def _of(uow: UnitOfWork, group: Group) -> GroupRules:
    assert group.id is not None
    organisation = await uow.session.get(Organisation, group.organisation_id)
    notice = organisation.notice_days if organisation else DEFAULT_NOTICE_DAYS
    return GroupRules(rule_of(await uow.proposals.rule(group.id)), notice)


async def change(
    uow: UnitOfWork, clock: Clock, chat_id: int, telegram_id: int, setting: str, value: str
) -> GroupRules:
    """Change one part of the rule (quorum, majority, ties, openness, the organisation's notice), checked
    and audited."""
    group = await uow.groups.by_chat(chat_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if group is None or group.id is None or person is None or person.id is None:
        raise NotFound(chat_id)
    membership = await uow.memberships.find(person.id, group.id)
    if membership is None or membership.role != Role.COORDINATOR:
        raise NotACoordinator(chat_id)
    row = await uow.proposals.rule(group.id)
    if row is None:
        row = GroupRule(group_id=group.id)
        uow.proposals.add(row)
    if not _apply(row, setting, value):
        organisation = await uow.session.get(Organisation, group.organisation_id)
        if setting != "notice" or not value.isdigit() or int(value) not in NOTICE_CHOICES or organisation is None:
            raise NotFound(f"{setting}={value}")
        if person.coordinates_organisation != organisation.id:  # the notice is the organisation's, not the group's
            raise NotAnOrganisationCoordinator(chat_id)
        organisation.notice_days = int(value)
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=person.id, group_id=group.id, action="rules.change",
                             detail={"setting": setting, "value": value}))
    await uow.commit()
    return await _of(uow, group)


def _apply(row: GroupRule, setting: str, value: str) -> bool:
    """Change the group's own rule row; False when the setting is not one of its parts."""
    if setting == "quorum" and value.isdigit() and int(value) in QUORUMS:
        row.quorum_min_voters, row.quorum_share = int(value), None
    elif setting == "quorum" and value == "half":
        row.quorum_min_voters, row.quorum_share = 2, 0.5
    elif setting == "majority" and value in set(Majority):
        row.majority = value
    elif setting == "tie" and value in set(TieBreak):
        row.tie_break = value
    elif setting == "dates" and value in ("earlier", "rule"):
        row.earlier_date_wins = value == "earlier"
    elif setting == "open" and value in ("0", "1"):
        row.anonymous = value == "0"
    else:
        return False
    return True
