"""Rooms, vehicles, budgets, requests and access needs, as the services need them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import func, update
from sqlmodel import col, select

from bot.store.models import Person
from bot.store.repositories import _Repository
from bot.store.resources import AccessProfile, Budget, RequestCard, Resource, ResourceRequest

OPEN_STATES = ("pending", "needs_info", "offered")


class Resources(_Repository):
    async def get(self, resource_id: int) -> Resource | None:
        return await self.session.get(Resource, resource_id)

    async def named(self, organisation_id: int, kind: str, name: str) -> Resource | None:
        query = select(Resource).where(Resource.organisation_id == organisation_id, Resource.kind == kind,
                                       Resource.name == name)
        return (await self.session.exec(query)).first()

    async def of_organisation(self, organisation_id: int, kind: str | None = None) -> list[Resource]:
        """The organisation's rooms and vehicles still in use, rooms first, by name."""
        query = select(Resource).where(Resource.organisation_id == organisation_id, col(Resource.active).is_(True))
        if kind is not None:
            query = query.where(Resource.kind == kind)
        return list(await self.session.exec(query.order_by(col(Resource.kind).desc(), col(Resource.name))))

    async def lock(self, resource_id: int) -> bool:
        """Take the resource for this transaction: the first write of every booking decision. On PostgreSQL
        the row stays locked until commit; on SQLite it takes the database's write lock. Either way a second
        decision about the same resource waits here, then sees the first one's booking."""
        statement = (update(Resource).where(col(Resource.id) == resource_id)
                     .values(lock_version=col(Resource.lock_version) + 1))
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        return bool(result.rowcount == 1)

    async def bookings(self, resource_id: int, starts_at: datetime, ends_at: datetime, gap: timedelta,
                       excluding: int | None = None) -> list[ResourceRequest]:
        """Approved requests for the resource within `gap` of [starts_at, ends_at)."""
        query = select(ResourceRequest).where(
            ResourceRequest.resource_id == resource_id, ResourceRequest.state == "approved",
            col(ResourceRequest.starts_at) < ends_at + gap, col(ResourceRequest.ends_at) > starts_at - gap,
        )
        if excluding is not None:
            query = query.where(col(ResourceRequest.id) != excluding)
        return list(await self.session.exec(query.order_by(col(ResourceRequest.starts_at))))

    # -- budgets -----------------------------------------------------------------------------------

    async def budget(self, group_id: int, starts_on: date) -> Budget | None:
        query = select(Budget).where(Budget.group_id == group_id, Budget.starts_on == starts_on)
        return (await self.session.exec(query)).first()

    async def budget_covering(self, group_id: int, day: date) -> Budget | None:
        query = (select(Budget).where(Budget.group_id == group_id, col(Budget.starts_on) <= day,
                                      col(Budget.ends_on) >= day).order_by(col(Budget.starts_on).desc()))
        return (await self.session.exec(query)).first()

    async def budgets(self, group_ids: Sequence[int], on_or_after: date) -> list[Budget]:
        query = select(Budget).where(col(Budget.group_id).in_(group_ids), col(Budget.ends_on) >= on_or_after)
        return list(await self.session.exec(query.order_by(col(Budget.group_id), col(Budget.starts_on))))

    async def lock_budget(self, budget_id: int) -> bool:
        statement = update(Budget).where(col(Budget.id) == budget_id).values(lock_version=col(Budget.lock_version) + 1)
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        return bool(result.rowcount == 1)

    async def money_approved(self, group_id: int, since: datetime, until: datetime,
                             excluding: int | None = None) -> int:
        """Pence approved for the group's money requests dated within [since, until)."""
        query = select(func.coalesce(func.sum(ResourceRequest.amount), 0)).where(
            ResourceRequest.group_id == group_id, ResourceRequest.kind == "money", ResourceRequest.state == "approved",
            col(ResourceRequest.starts_at) >= since, col(ResourceRequest.starts_at) < until,
            col(ResourceRequest.id) != (excluding or 0),
        )
        return int((await self.session.exec(query)).one())

    # -- requests ----------------------------------------------------------------------------------

    async def request(self, request_id: int) -> ResourceRequest | None:
        return await self.session.get(ResourceRequest, request_id, populate_existing=True)

    async def transition(self, request: ResourceRequest, from_states: Sequence[str], **changes: object) -> bool:
        """Change a request only if it is still in one of `from_states` (compare-and-set on every engine):
        two coordinators pressing at once cannot both decide it."""
        statement = (update(ResourceRequest)
                     .where(col(ResourceRequest.id) == request.id, col(ResourceRequest.state).in_(from_states))
                     .values(**changes))
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        if result.rowcount != 1:
            return False
        await self.session.refresh(request)
        return True

    async def claim_cards(self, request_id: int) -> bool:
        """True once only: the caller sends the request's cards to the coordinators."""
        statement = (update(ResourceRequest)
                     .where(col(ResourceRequest.id) == request_id, col(ResourceRequest.cards_sent).is_(False))
                     .values(cards_sent=True))
        result = await self.session.exec(statement)  # type: ignore[call-overload]
        return bool(result.rowcount == 1)

    async def of_requester(self, person_id: int, limit: int) -> list[ResourceRequest]:
        query = (select(ResourceRequest).where(ResourceRequest.requester_id == person_id)
                 .order_by(col(ResourceRequest.created_at).desc(), col(ResourceRequest.id).desc()).limit(limit))
        return list(await self.session.exec(query))

    async def queue(self, organisation_id: int, limit: int) -> list[ResourceRequest]:
        """Requests still waiting for a decision (or for the member), oldest first."""
        query = (select(ResourceRequest)
                 .where(ResourceRequest.organisation_id == organisation_id,
                        col(ResourceRequest.state).in_(OPEN_STATES))
                 .order_by(col(ResourceRequest.created_at), col(ResourceRequest.id)).limit(limit))
        return list(await self.session.exec(query))

    async def of_groups(self, group_ids: Sequence[int], limit: int) -> list[ResourceRequest]:
        """The groups' requests still open, oldest first."""
        query = (select(ResourceRequest)
                 .where(col(ResourceRequest.group_id).in_(group_ids), col(ResourceRequest.state).in_(OPEN_STATES))
                 .order_by(col(ResourceRequest.created_at), col(ResourceRequest.id)).limit(limit))
        return list(await self.session.exec(query))

    async def of_meetup(self, meetup_id: int) -> list[ResourceRequest]:
        query = select(ResourceRequest).where(ResourceRequest.meetup_id == meetup_id).order_by(col(ResourceRequest.id))
        return list(await self.session.exec(query))

    async def cards(self, request_id: int) -> list[RequestCard]:
        return list(await self.session.exec(select(RequestCard).where(RequestCard.request_id == request_id)))

    async def card(self, request_id: int, chat_id: int) -> RequestCard | None:
        query = select(RequestCard).where(RequestCard.request_id == request_id, RequestCard.chat_id == chat_id)
        return (await self.session.exec(query)).first()

    # -- people --------------------------------------------------------------------------------------

    async def coordinators(self, organisation_id: int) -> list[Person]:
        """The organisation's coordinators (they decide its requests)."""
        query = select(Person).where(Person.coordinates_organisation == organisation_id).order_by(col(Person.id))
        return list(await self.session.exec(query))

    async def access_profile(self, person_id: int) -> AccessProfile | None:
        return await self.session.get(AccessProfile, person_id)

    async def access_needs(self, person_ids: Sequence[int]) -> dict[int, list[str]]:
        query = select(AccessProfile).where(col(AccessProfile.person_id).in_(person_ids))
        return {profile.person_id: list(profile.needs) for profile in await self.session.exec(query)}
