"""Tables for proposals, their date options, votes and each group's decision rule (meet-ups: meetups.py)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.models import utc_column


class GroupRule(SQLModel, table=True):
    """A group's decision rule; a group without a row uses the defaults (bot/domain/decisions.py)."""

    group_id: int = Field(foreign_key="group.id", primary_key=True)
    quorum_min_voters: int = 3
    quorum_share: float | None = None
    majority: str = Field(default="simple", max_length=16)  # bot/domain/decisions.Majority
    tie_break: str = Field(default="not_passed", max_length=16)  # bot/domain/decisions.TieBreak
    earlier_date_wins: bool = False
    vote_days: int = 7
    anonymous: bool = True


class Proposal(SQLModel, table=True):
    """An activity a member proposes; the group votes on it until it closes."""

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    proposer_id: int = Field(foreign_key="person.id", index=True)
    title: str = Field(max_length=100)
    description: str = Field(default="", max_length=1000)
    place: str = Field(default="", max_length=200)
    needs: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    state: str = Field(default="open", max_length=16, index=True)  # see bot/domain/proposals.ProposalState
    opened_at: datetime = utc_column(nullable=False)
    closes_at: datetime = utc_column(nullable=False, index=True)
    extended: bool = False
    nudged: bool = False
    winner: int | None = None  # index of the winning option once passed
    post_message_id: int | None = None  # the group post with the vote buttons
    closed_reason: str = Field(default="", max_length=300)


class ProposalOption(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("proposal_id", "index", name="uq_option_proposal_index"),)

    id: int | None = Field(default=None, primary_key=True)
    proposal_id: int = Field(foreign_key="proposal.id", index=True)
    index: int
    starts_at: datetime = utc_column(nullable=False)


class Vote(SQLModel, table=True):
    """One person's current vote on one option: the database keeps it to one, however fast they press."""

    __table_args__ = (UniqueConstraint("proposal_id", "option_index", "person_id", name="uq_vote_once"),)

    id: int | None = Field(default=None, primary_key=True)
    proposal_id: int = Field(foreign_key="proposal.id", index=True)
    option_index: int
    person_id: int = Field(foreign_key="person.id", index=True)
    choice: str = Field(max_length=8)
    cast_at: datetime = utc_column(nullable=False)

