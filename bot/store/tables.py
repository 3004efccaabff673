"""Import every table module so SQLModel.metadata knows them all (Alembic and tests use this)."""

from bot.store.models import (  # noqa: F401
    AuditEntry,
    ConversationState,
    Group,
    Membership,
    Organisation,
    Person,
    ProcessedUpdate,
)
from bot.store.proposals import GroupRule, Meetup, Proposal, ProposalOption, Vote  # noqa: F401
