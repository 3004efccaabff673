"""Retention: what Criw keeps only for a while is cleared on schedule (CRIW_RETENTION_DAYS).

- update ids: a week (Telegram re-delivers an update for a day at most);
- half-finished conversations: once they have expired (a day after the last answer);
- reminders: once they are `days` past, sent or not (each names the chat it went to);
- audit entries: after `days` only who did what and when is kept, not the details (typed reasons).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

UPDATES_KEPT = timedelta(days=7)


@dataclass(frozen=True)
class Swept:
    updates: int
    conversations: int
    reminders: int
    audit_details: int

    @property
    def total(self) -> int:
        return self.updates + self.conversations + self.reminders + self.audit_details


async def sweep(uow: UnitOfWork, clock: Clock, days: int) -> Swept:
    """Clear everything past its time, in one transaction."""
    now, kept = clock.now(), timedelta(days=days)
    swept = Swept(
        updates=await uow.personal.forget_updates_before(now - UPDATES_KEPT),
        conversations=await uow.personal.forget_expired_conversations(now),
        reminders=await uow.personal.forget_reminders_due_before(now - kept),
        audit_details=await uow.personal.clear_audit_details_before(now - kept),
    )
    await uow.commit()
    return swept
