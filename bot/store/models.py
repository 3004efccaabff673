"""The tables. Later features add theirs in modules of their own next to this one."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.types import UTCDateTime


def utc_column(**kwargs: Any) -> Any:
    return Field(sa_column=Column(UTCDateTime(), **kwargs))


class Organisation(SQLModel, table=True):
    """A charity or network that supports groups with rooms, transport, money and coordinators."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    created_at: datetime = utc_column(nullable=False)
    notice_days: int = 3  # how long before an activity it needs to hear of a room, transport or money


class Group(SQLModel, table=True):
    """A Telegram group chat of members; its chat id changes when Telegram migrates it."""

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    chat_id: int = Field(sa_column=Column(BigInteger, unique=True, nullable=False))
    title: str = Field(default="", max_length=255)
    language_mode: str = Field(default="bilingual", max_length=10)  # bilingual | cy | en
    timezone: str = Field(default="Europe/London", max_length=64)
    bot_present: bool = True
    reminders_off: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    digest_weekday: int = 0  # the weekly list of meet-ups goes on this day (0 = Monday) …
    digest_hour: int = 9  # … at this hour, group time
    # pending | admitted | refused: a group is part of its organisation only once admitted (services/admission.py)
    admission: str = Field(default="pending", max_length=10)
    created_at: datetime = utc_column(nullable=False)


class Person(SQLModel, table=True):
    """Someone the bot has met; language None means they have not chosen yet."""

    id: int | None = Field(default=None, primary_key=True)
    telegram_id: int = Field(sa_column=Column(BigInteger, unique=True, nullable=False))
    display_name: str = Field(default="", max_length=128)
    language: str | None = Field(default=None, max_length=2)
    language_hint: str | None = Field(default=None, max_length=16)
    easy_read: bool = False
    listen: bool = False  # 🔊 Listen buttons under private messages (always on with Easy Read)
    ask_stories: bool = True  # asked "what mattered?" after a meet-up they came to (/settings)
    reminders: bool = True
    quiet_start: str = Field(default="21:00", max_length=5)  # no private reminders from … (local time)
    quiet_end: str = Field(default="08:00", max_length=5)  # … until
    can_dm: bool = False
    # Set: they coordinate this organisation (shared rooms, vehicles, budgets, every group's queue), which is
    # granted only by another organisation coordinator or the operator, never by coordinating a group.
    # An organisation's id. No foreign key: adding one would rebuild the person table on SQLite, which every
    # table points at; there is one organisation per install and it is never deleted.
    coordinates_organisation: int | None = None
    created_at: datetime = utc_column(nullable=False)


class Membership(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("person_id", "group_id", name="uq_membership_person_group"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    role: str = Field(default="member", max_length=16)  # member | coordinator
    created_at: datetime = utc_column(nullable=False)


class ConversationState(SQLModel, table=True):
    """A half-finished guided flow, kept in the database so restarts and other workers lose nothing."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    flow: str = Field(max_length=32)
    step: str = Field(max_length=32)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    expires_at: datetime = utc_column(nullable=False)


class ProcessedUpdate(SQLModel, table=True):
    """Telegram update ids claimed for handling, so a re-delivered update changes nothing.

    A claim stays unfinished while its handler runs. If the process dies mid-update, Telegram delivers the
    update again and the next dispatcher takes the claim over: it runs the handler again when the first
    attempt changed nothing (`wrote` is false), and otherwise says so instead of doing it twice."""

    update_id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    handled_at: datetime = utc_column(nullable=False, index=True)  # when it was (last) claimed
    handler: str = Field(default="", max_length=32)  # the dispatcher handling it; "" once finished
    finished: bool = True
    wrote: bool = False  # the handler committed a change (set in that change's own transaction)


class AuditEntry(SQLModel, table=True):
    """Who did what that matters later: role changes, approvals, data erasure."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = utc_column(nullable=False, index=True)
    actor_person_id: int | None = Field(default=None, foreign_key="person.id")
    group_id: int | None = Field(default=None, foreign_key="group.id")
    action: str = Field(max_length=64)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
