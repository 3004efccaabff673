""""What mattered" stories, as the services need them."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from bot.store.meetups import Meetup
from bot.store.models import Person
from bot.store.repositories import _Repository
from bot.store.stories import Story


class Stories(_Repository):
    async def get(self, story_id: int) -> Story | None:
        return await self.session.get(Story, story_id)

    async def of(self, meetup_id: int, person_id: int) -> Story | None:
        query = select(Story).where(Story.meetup_id == meetup_id, Story.person_id == person_id)
        return (await self.session.exec(query)).first()

    async def answered_for(self, group_id: int, start: datetime, end: datetime) -> list[tuple[Story, datetime, Person]]:
        """Answered stories about the group's meet-ups that started in [start, end), with the meet-up's start
        and the teller."""
        query = (
            select(Story, Meetup.starts_at, Person)
            .join(Meetup, col(Meetup.id) == col(Story.meetup_id))
            .join(Person, col(Person.id) == col(Story.person_id))
            .where(Story.group_id == group_id, Story.state == "answered", col(Meetup.starts_at) >= start,
                   col(Meetup.starts_at) < end)
            .order_by(col(Meetup.starts_at), col(Story.id))
        )
        return [(story, starts, person) for story, starts, person in await self.session.exec(query)]
