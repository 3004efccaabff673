"""Guided conversations (like writing a proposal) kept in the database, so a restart or a second
worker picks up where the person left off. Each expires a day after the person last answered."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from bot.store.models import ConversationState

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

LIFETIME = timedelta(days=1)


async def save(uow: UnitOfWork, clock: Clock, person_id: int, flow: str, step: str, data: dict[str, Any]) -> None:
    """Start or move on a conversation: the step reached and everything gathered so far."""
    state = await uow.conversations.get(person_id)
    if state is None:
        state = ConversationState(person_id=person_id, flow=flow, step=step, expires_at=clock.now())
        uow.conversations.add(state)
    state.flow, state.step, state.data = flow, step, dict(data)
    state.expires_at = clock.now() + LIFETIME
    await uow.commit()


async def end(uow: UnitOfWork, person_id: int) -> None:
    await uow.conversations.clear(person_id)
    await uow.commit()
