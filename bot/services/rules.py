"""Each group's decision rule: anyone may read it; only the group's coordinators may change it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.domain.decisions import DecisionRule
from bot.domain.roles import Role
from bot.services.errors import NotACoordinator, NotFound
from bot.services.proposals import rule_of
from bot.store.models import AuditEntry
from bot.store.proposals import GroupRule

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

QUORUMS = (2, 3, 4, 5)
THRESHOLDS = {"half": 0.5, "two_thirds": 2 / 3}


async def current(uow: UnitOfWork, chat_id: int) -> DecisionRule:
    group = await uow.groups.by_chat(chat_id)
    if group is None or group.id is None:
        raise NotFound(chat_id)
    return rule_of(await uow.proposals.rule(group.id))


async def change(
    uow: UnitOfWork, clock: Clock, chat_id: int, telegram_id: int, setting: str, value: str
) -> DecisionRule:
    """Change one part of the rule (quorum, threshold, openness), checked and audited."""
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
    if setting == "quorum" and value.isdigit() and int(value) in QUORUMS:
        row.quorum_min_voters, row.quorum_share = int(value), None
    elif setting == "quorum" and value == "half":
        row.quorum_min_voters, row.quorum_share = 2, 0.5
    elif setting == "threshold" and value in THRESHOLDS:
        row.threshold = THRESHOLDS[value]
    elif setting == "open" and value in ("0", "1"):
        row.anonymous = value == "0"
    else:
        raise NotFound(f"{setting}={value}")
    uow.audit.add(AuditEntry(at=clock.now(), actor_person_id=person.id, group_id=group.id, action="rules.change",
                             detail={"setting": setting, "value": value}))
    await uow.commit()
    return rule_of(row)
