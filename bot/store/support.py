"""Tables for Easy Read and ways in: supporters a member named (with their consent), and the words behind
each 🔊 Listen button (with the voice note's file id once Telegram holds it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.models import utc_column


class Supporter(SQLModel, table=True):
    """Someone a member named to answer for them (RSVP, vote, log time) when they phone or ask in person.

    The member's consent is the row itself, with when it was given; revoking keeps the row (and the audit
    trail) and sets revoked_at."""

    __table_args__ = (UniqueConstraint("group_id", "member_id", "supporter_id", name="uq_supporter"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    member_id: int = Field(foreign_key="person.id", index=True)
    supporter_id: int = Field(foreign_key="person.id", index=True)
    consented_at: datetime = utc_column(nullable=False)
    revoked_at: datetime | None = utc_column(nullable=True)


class SpokenText(SQLModel, table=True):
    """The words a 🔊 button reads out to one person (the button carries only this row's id)."""

    __table_args__ = (UniqueConstraint("person_id", "digest", name="uq_spokentext_person_digest"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    language: str = Field(max_length=2)
    digest: str = Field(max_length=64, index=True)  # of language and words: the same note for everyone
    text: str = Field(sa_column=Column(Text, nullable=False))
    file_id: str | None = Field(default=None, max_length=200)  # the voice note at Telegram, once sent
    created_at: datetime = utc_column(nullable=False, index=True)
