"""Tables for the organisation's rooms and vehicles, each group's budgets, requests for them (with the
coordinators' cards that show each request), and each person's access needs."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.models import utc_column


class Resource(SQLModel, table=True):
    """A room or vehicle of the organisation. Removing one keeps the row (requests still name it)."""

    __table_args__ = (UniqueConstraint("organisation_id", "kind", "name", name="uq_resource_name"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    kind: str = Field(max_length=8)  # room | vehicle (bot/domain/bookings.Kind)
    name: str = Field(max_length=100)
    address: str = Field(default="", max_length=200)
    notes: str = Field(default="", max_length=500)
    capacity: int | None = None  # rooms: people; None = not limited
    seats: int | None = None  # vehicles: passenger seats
    wheelchair_spaces: int = 0
    driver_needed: bool = False
    step_free: bool = False
    hearing_loop: bool = False
    accessible_toilet: bool = False
    quiet_space: bool = False
    opening_hours: str = Field(default="", max_length=300)  # bot/domain/opening_hours text; "" = always open
    buffer_minutes: int = 0  # kept free between two bookings, for setting up and clearing away
    active: bool = Field(default=True, index=True)
    # Bumped by every booking decision as that transaction's first write: two approvals of the same room
    # queue on it (a row lock on PostgreSQL, the write lock on SQLite) and the second sees the first.
    lock_version: int = 0
    created_at: datetime = utc_column(nullable=False)


class Budget(SQLModel, table=True):
    """Money a group may spend in a period (whole days, both ends included), in pence."""

    __table_args__ = (UniqueConstraint("group_id", "starts_on", name="uq_budget_group_period"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    starts_on: date
    ends_on: date
    amount: int  # pence
    lock_version: int = 0  # bumped first by every money approval, like Resource.lock_version
    created_at: datetime = utc_column(nullable=False)


class ResourceRequest(SQLModel, table=True):
    """A member's request for a room, a vehicle or money; coordinators decide, the member is always told."""

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    requester_id: int = Field(foreign_key="person.id", index=True)
    meetup_id: int | None = Field(default=None, foreign_key="meetup.id", index=True)
    kind: str = Field(max_length=8)  # room | vehicle | money
    resource_id: int | None = Field(default=None, foreign_key="resource.id", index=True)  # asked for, or booked
    starts_at: datetime | None = utc_column(nullable=True, index=True)
    ends_at: datetime | None = utc_column(nullable=True)
    people: int = 0  # how many it is for
    seats: int = 0
    wheelchair_spaces: int = 0
    amount: int = 0  # pence
    access: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    pickups: str = Field(default="", max_length=300)
    note: str = Field(default="", max_length=300)
    state: str = Field(default="pending", max_length=12, index=True)  # bot/domain/bookings.RequestState
    offer_resource_id: int | None = Field(default=None, foreign_key="resource.id")
    offer_starts_at: datetime | None = utc_column(nullable=True)
    offer_ends_at: datetime | None = utc_column(nullable=True)
    question: str = Field(default="", max_length=300)
    answer: str = Field(default="", max_length=300)
    reason_code: str = Field(default="", max_length=12)  # bot/domain/bookings.DeclineReason
    reason: str = Field(default="", max_length=300)
    decided_by_id: int | None = Field(default=None, foreign_key="person.id")
    decided_at: datetime | None = utc_column(nullable=True)
    cards_sent: bool = False  # the coordinators have been shown it (claimed once, so never twice)
    created_at: datetime = utc_column(nullable=False)


class RequestCard(SQLModel, table=True):
    """A message showing a request to a coordinator, kept so it can be updated once someone decides."""

    __table_args__ = (UniqueConstraint("request_id", "chat_id", name="uq_requestcard_chat"),)

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="resourcerequest.id", index=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    message_id: int


class AccessProfile(SQLModel, table=True):
    """What a person needs from a room or vehicle; private to them (coordinators see only counts)."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    needs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = utc_column(nullable=False)
