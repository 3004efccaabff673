"""Meet-ups, RSVPs, attendance, series, meet-up settings and calendar tokens, as the services need them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import col, select

from bot.store.meetups import Attendance, CalendarToken, Meetup, MeetupSeries, MeetupSettings, Rsvp
from bot.store.models import Membership, Person
from bot.store.repositories import _Repository

ON = ("scheduled", "changed")


class Meetups(_Repository):
    async def get(self, meetup_id: int) -> Meetup | None:
        return await self.session.get(Meetup, meetup_id)

    async def lock(self, meetup_id: int) -> Meetup | None:
        """The meet-up, locked for this transaction on PostgreSQL (SQLite locks the whole file)."""
        return (await self.session.exec(select(Meetup).where(Meetup.id == meetup_id).with_for_update())).first()

    async def upcoming(self, group_ids: Sequence[int], after: datetime, limit: int) -> list[Meetup]:
        """Meet-ups still going ahead in these groups that start after `after`, soonest first."""
        query = (
            select(Meetup)
            .where(col(Meetup.group_id).in_(group_ids), col(Meetup.status).in_(ON), col(Meetup.starts_at) > after)
            .order_by(col(Meetup.starts_at), col(Meetup.id))
            .limit(limit)
        )
        return list(await self.session.exec(query))

    async def for_calendar(self, group_ids: Sequence[int], since: datetime) -> list[Meetup]:
        """Every meet-up of these groups from `since` on, cancelled ones included (calendars drop them)."""
        query = (
            select(Meetup)
            .where(col(Meetup.group_id).in_(group_ids), col(Meetup.starts_at) >= since)
            .order_by(col(Meetup.starts_at), col(Meetup.id))
        )
        return list(await self.session.exec(query))

    async def started_not_wrapped_up(self, now: datetime) -> list[Meetup]:
        """Meet-ups that have started but whose organiser has not been asked to tick who came."""
        query = select(Meetup).where(
            col(Meetup.status).in_(ON), col(Meetup.starts_at) <= now, col(Meetup.attendance_asked).is_(False)
        )
        return list(await self.session.exec(query))

    async def of_series(self, series_id: int) -> list[Meetup]:
        query = select(Meetup).where(Meetup.series_id == series_id).order_by(col(Meetup.starts_at))
        return list(await self.session.exec(query))

    # -- RSVPs ---------------------------------------------------------------------------------------

    async def rsvps(self, meetup_id: int) -> list[tuple[Rsvp, Person]]:
        """Every answer with the person who gave it, in the order they answered (the waiting list order)."""
        query = (
            select(Rsvp, Person)
            .join(Person, col(Person.id) == col(Rsvp.person_id))
            .where(Rsvp.meetup_id == meetup_id)
            .order_by(col(Rsvp.answered_at), col(Rsvp.id))
        )
        return [(rsvp, person) for rsvp, person in await self.session.exec(query)]

    async def rsvp_of(self, meetup_id: int, person_id: int) -> Rsvp | None:
        query = select(Rsvp).where(Rsvp.meetup_id == meetup_id, Rsvp.person_id == person_id)
        return (await self.session.exec(query)).first()

    async def members(self, group_id: int) -> list[Person]:
        query = (
            select(Person)
            .join(Membership, col(Membership.person_id) == col(Person.id))
            .where(Membership.group_id == group_id)
            .order_by(col(Membership.created_at), col(Membership.id))
        )
        return list(await self.session.exec(query))

    async def coordinators(self, group_id: int) -> list[Person]:
        query = (
            select(Person)
            .join(Membership, col(Membership.person_id) == col(Person.id))
            .where(Membership.group_id == group_id, Membership.role == "coordinator")
            .order_by(col(Membership.id))
        )
        return list(await self.session.exec(query))

    # -- attendance ----------------------------------------------------------------------------------

    async def attendance(self, meetup_id: int) -> list[Attendance]:
        return list(await self.session.exec(select(Attendance).where(Attendance.meetup_id == meetup_id)))

    async def attended(self, meetup_id: int, person_id: int) -> Attendance | None:
        query = select(Attendance).where(Attendance.meetup_id == meetup_id, Attendance.person_id == person_id)
        return (await self.session.exec(query)).first()

    async def unmark(self, meetup_id: int, person_id: int) -> None:
        await self.session.exec(delete(Attendance).where(  # type: ignore[call-overload]
            col(Attendance.meetup_id) == meetup_id, col(Attendance.person_id) == person_id))

    # -- series, settings, calendar tokens -----------------------------------------------------------

    async def series(self, series_id: int) -> MeetupSeries | None:
        return await self.session.get(MeetupSeries, series_id)

    async def active_series(self) -> list[MeetupSeries]:
        query = select(MeetupSeries).where(col(MeetupSeries.active).is_(True)).order_by(col(MeetupSeries.id))
        return list(await self.session.exec(query))

    async def settings(self, group_id: int) -> MeetupSettings | None:
        return await self.session.get(MeetupSettings, group_id)

    async def calendar_token(self, person_id: int) -> CalendarToken | None:
        return await self.session.get(CalendarToken, person_id)

    async def calendar_token_by_lookup(self, lookup: str) -> CalendarToken | None:
        return (await self.session.exec(select(CalendarToken).where(CalendarToken.lookup == lookup))).first()
