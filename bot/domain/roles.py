"""Who may do what in a group."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    MEMBER = "member"
    COORDINATOR = "coordinator"


class Admission(StrEnum):
    """Whether a group is part of the organisation: only an admitted group is."""

    PENDING = "pending"
    ADMITTED = "admitted"
    REFUSED = "refused"


TELEGRAM_ADMIN_STATUSES = frozenset({"creator", "administrator"})
TELEGRAM_PRESENT_STATUSES = TELEGRAM_ADMIN_STATUSES | {"member", "restricted"}


def may_appoint_coordinator(actor_role: str | None) -> bool:
    """Only a coordinator can make someone else a coordinator."""
    return actor_role == Role.COORDINATOR


def becomes_first_coordinator(group_has_coordinator: bool, telegram_status: str) -> bool:
    """A group's first Telegram administrator to use the bot becomes its first coordinator."""
    return not group_has_coordinator and telegram_status in TELEGRAM_ADMIN_STATUSES
