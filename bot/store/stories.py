""""What mattered" stories: after a meet-up someone came to, they may say what mattered to them (tags and,
if they like, a sentence) and whether a report may use it. One row per person per meet-up, so the
question is asked once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.models import utc_column

WORDS_MAX = 300


class Story(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("meetup_id", "person_id", name="uq_story_meetup_person"),)

    id: int | None = Field(default=None, primary_key=True)
    meetup_id: int = Field(foreign_key="meetup.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    tags: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # bot/domain/stories.Tag
    words: str = Field(default="", max_length=WORDS_MAX)  # their own sentence, if any
    consent: str = Field(default="", max_length=12)  # bot/domain/stories.Consent; "" until they choose
    state: str = Field(default="asked", max_length=12)  # asked | answered
    asked_at: datetime = utc_column(nullable=False)
    answered_at: datetime | None = utc_column(nullable=True, index=True)
