"""The printable weekly schedule: the meet-ups of a group's coming seven days (members only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.services import meetups
from bot.services.errors import NotAMember, NotFound
from bot.services.meetups import MeetupView
from bot.store.models import Group

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

WEEK = timedelta(days=7)
MOST = 30


@dataclass(frozen=True)
class Week:
    group: Group
    views: list[MeetupView]
    start: datetime
    end: datetime


async def coming_week(uow: UnitOfWork, clock: Clock, telegram_id: int, chat_id: int) -> Week:
    """The group's meet-ups that are on and start within the next seven days, for one of its members."""
    group = await uow.groups.by_chat(chat_id)
    if group is None or group.id is None:
        raise NotFound(chat_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None or await uow.memberships.find(person.id, group.id) is None:
        raise NotAMember(group.id)
    now = clock.now()
    views = await meetups.upcoming_in_group(uow, clock, chat_id, limit=MOST)
    return Week(group, [view for view in views if view.is_on and view.meetup.starts_at < now + WEEK], now,
                now + WEEK - timedelta(days=1))


async def groups_of(uow: UnitOfWork, telegram_id: int) -> list[Group]:
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        return []
    return await uow.memberships.groups_of(person.id)
