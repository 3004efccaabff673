"""Import every table module so SQLModel.metadata knows them all (Alembic and tests use this)."""

from bot.store.credits import Contribution, CreditAccount, CreditEntry, CreditPolicy  # noqa: F401
from bot.store.edit_slots import PostEdit  # noqa: F401
from bot.store.installation import Installation  # noqa: F401
from bot.store.meetups import Attendance, CalendarToken, Meetup, MeetupSeries, MeetupSettings, Rsvp  # noqa: F401
from bot.store.models import (  # noqa: F401
    AuditEntry,
    ConversationState,
    Group,
    Membership,
    Organisation,
    Person,
    ProcessedUpdate,
)
from bot.store.proposals import GroupRule, Proposal, ProposalOption, Vote  # noqa: F401
from bot.store.reminders import Reminder  # noqa: F401
from bot.store.resources import AccessProfile, Budget, RequestCard, Resource, ResourceRequest  # noqa: F401
from bot.store.stories import Story  # noqa: F401
from bot.store.support import SpokenText, Supporter  # noqa: F401
