"""Tables for meet-ups: the meet-up itself, recurring series, RSVPs (with lifts and the waiting list),
attendance, each group's meet-up preferences, and each person's private calendar feed token."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.models import utc_column


class MeetupSeries(SQLModel, table=True):
    """A recurring meet-up ("every Tuesday 18:00 at the hall"); its meet-ups are made a few weeks ahead."""

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    organiser_id: int | None = Field(default=None, foreign_key="person.id")
    title: str = Field(max_length=100)
    place: str = Field(default="", max_length=200)
    notes: str = Field(default="", max_length=1000)
    capacity: int | None = None
    every: str = Field(max_length=16)  # weekly | fortnightly | monthly (bot/domain/recurrence.Every)
    first_start: datetime = utc_column(nullable=False)  # the first meet-up; fixes weekday, time and week
    minutes: int = 120  # how long each meet-up lasts
    going_by_default: bool = False  # members are Going unless they tap to drop out
    active: bool = Field(default=True, index=True)
    created_at: datetime = utc_column(nullable=False)


class Meetup(SQLModel, table=True):
    """A meet-up on the calendar: born from a passed proposal, made by a coordinator, or from a series."""

    __table_args__ = (UniqueConstraint("series_id", "slot", name="uq_meetup_series_slot"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    proposal_id: int | None = Field(default=None, foreign_key="proposal.id")
    series_id: int | None = Field(default=None, foreign_key="meetupseries.id", index=True)
    organiser_id: int | None = Field(default=None, foreign_key="person.id")
    title: str = Field(max_length=100)
    starts_at: datetime = utc_column(nullable=False, index=True)
    slot: datetime | None = utc_column(nullable=True)  # which of its series' dates this is, even once moved
    ends_at: datetime | None = utc_column(nullable=True)  # None: DEFAULT_LENGTH after the start
    place: str = Field(default="", max_length=200)
    notes: str = Field(default="", max_length=1000)
    transport: str = Field(default="", max_length=200)  # how people get there, e.g. "Minibus from the library"
    needs: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    capacity: int | None = None
    status: str = Field(default="scheduled", max_length=16)  # bot/domain/meetups.MeetupStatus
    version: int = 0  # goes up with every change: calendars' SEQUENCE, and reminders planned for a version
    post_message_id: int | None = None  # the group post with the RSVP buttons
    attendance_asked: bool = False  # the organiser was asked to tick who came
    updated_at: datetime | None = utc_column(nullable=True)


class Rsvp(SQLModel, table=True):
    """One person's answer to one meet-up; one row each, however fast they press."""

    __table_args__ = (UniqueConstraint("meetup_id", "person_id", name="uq_rsvp_once"),)

    id: int | None = Field(default=None, primary_key=True)
    meetup_id: int = Field(foreign_key="meetup.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    answer: str = Field(max_length=8)  # going | maybe | no | waiting
    needs_lift: bool = False
    pickup: str = Field(default="", max_length=200)
    by_default: bool = False  # set by a "going by default" series, not by the person
    answered_at: datetime = utc_column(nullable=False)  # also the order of the waiting list


class Attendance(SQLModel, table=True):
    """Someone who came to a meet-up, ticked by the organiser or a coordinator afterwards."""

    __table_args__ = (UniqueConstraint("meetup_id", "person_id", name="uq_attendance_once"),)

    id: int | None = Field(default=None, primary_key=True)
    meetup_id: int = Field(foreign_key="meetup.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    marked_by_id: int | None = Field(default=None, foreign_key="person.id")
    marked_at: datetime = utc_column(nullable=False)


class MeetupSettings(SQLModel, table=True):
    """A group's meet-up preferences; a group without a row hides who is going (recovery groups)."""

    group_id: int = Field(foreign_key="group.id", primary_key=True)
    show_names: bool = False


class CalendarToken(SQLModel, table=True):
    """A person's private calendar feed: the URL carries `token`; `lookup` (its SHA-256) finds the row,
    then the token is compared in constant time. Resetting replaces both, so the old URL stops working."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    token: str = Field(max_length=64)
    lookup: str = Field(max_length=64, unique=True)
    created_at: datetime = utc_column(nullable=False)

