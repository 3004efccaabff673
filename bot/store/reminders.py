"""Planned messages. The database is the source of truth: each row is one message to one chat, with a
unique key so it can exist only once, and a state that says whether Telegram has accepted it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Index
from sqlmodel import Field, SQLModel

from bot.store.models import utc_column


class Reminder(SQLModel, table=True):
    # The sender's claim: the earliest pending one by send_at, found in the index, not by sorting every
    # pending reminder (a fan-out leaves thousands pending at once: see bench/fanout.py).
    __table_args__ = (Index("ix_reminder_state_send_at", "state", "send_at"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32, index=True)
    key: str = Field(max_length=160, unique=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    group_id: int | None = Field(default=None, foreign_key="group.id", index=True)
    subject_id: int | None = Field(default=None, index=True)  # the proposal, meet-up, request … it is about
    due_at: datetime = utc_column(nullable=False)
    send_at: datetime = utc_column(nullable=False, index=True)  # due_at moved out of quiet hours
    useful_until: datetime | None = utc_column(nullable=True)
    state: str = Field(default="pending", max_length=16, index=True)
    attempts: int = 0
    last_error: str = Field(default="", max_length=300)
    sent_at: datetime | None = utc_column(nullable=True)
    claimed_at: datetime | None = utc_column(nullable=True)  # when a sender last took it (see LEASE)
