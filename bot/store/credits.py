"""Tables for contributions and the time-credit ledger (amounts in integer quarters of an hour).

CreditEntry is append-only: the migration adds database triggers that refuse UPDATE and DELETE on it.
CreditAccount holds each person's running balance, the row a debit locks (conditional UPDATE), and
whether they agreed to be thanked by name.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from bot.store.models import utc_column


class Contribution(SQLModel, table=True):
    """Time a member gave: pending until someone else confirms it (or rejects it, with a reason)."""

    __table_args__ = (CheckConstraint("quarters > 0 AND quarters <= 96", name="ck_contribution_quarters"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="group.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    meetup_id: int | None = Field(default=None, foreign_key="meetup.id")
    category: str = Field(max_length=16)
    note: str = Field(default="", max_length=200)
    day: date = Field(index=True)
    quarters: int
    state: str = Field(default="pending", max_length=12, index=True)  # bot/domain/contributions.ContributionState
    confirmer_id: int | None = Field(default=None, foreign_key="person.id")  # None: any coordinator
    logged_by_id: int = Field(foreign_key="person.id")
    logged_at: datetime = utc_column(nullable=False)
    decided_by_id: int | None = Field(default=None, foreign_key="person.id")
    decided_at: datetime | None = utc_column(nullable=True)
    reason: str = Field(default="", max_length=300)


class CreditAccount(SQLModel, table=True):
    """A person's running balance (always the sum of their entries) and their public-thanks choice."""

    person_id: int = Field(foreign_key="person.id", primary_key=True)
    balance_quarters: int = 0
    public_thanks: bool = False


class CreditEntry(SQLModel, table=True):
    """One immutable line of the ledger. An earn entry names its contribution, at most once."""

    __table_args__ = (
        UniqueConstraint("contribution_id", name="uq_creditentry_contribution"),
        CheckConstraint("quarters <> 0", name="ck_creditentry_nonzero"),
        CheckConstraint("kind IN ('earn', 'gift_out', 'gift_in', 'spend', 'adjust')", name="ck_creditentry_kind"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    kind: str = Field(max_length=12)  # bot/domain/credits.EntryKind
    quarters: int  # signed
    at: datetime = utc_column(nullable=False, index=True)
    group_id: int | None = Field(default=None, foreign_key="group.id")
    contribution_id: int | None = Field(default=None, foreign_key="contribution.id")
    counterpart_id: int | None = Field(default=None, foreign_key="person.id")  # the other side of a gift
    actor_id: int | None = Field(default=None, foreign_key="person.id")  # who made the entry happen
    note: str = Field(default="", max_length=300)


class CreditPolicy(SQLModel, table=True):
    """What an organisation allows; an organisation without a row allows no overdraft."""

    organisation_id: int = Field(foreign_key="organisation.id", primary_key=True)
    overdraft_quarters: int = 0
