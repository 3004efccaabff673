"""Each Telegram update is handled once, even when Telegram delivers it again after a restart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.domain.clock import Clock
from bot.store.models import ProcessedUpdate
from bot.store.uow import Conflict

if TYPE_CHECKING:
    from bot.store.uow import UnitOfWork


async def claim(uow: UnitOfWork, clock: Clock, update_id: int) -> bool:
    """Mark the update as ours to handle; False if it was handled (or is being handled) already."""
    if await uow.updates.seen(update_id):
        return False
    uow.updates.add(ProcessedUpdate(update_id=update_id, handled_at=clock.now()))
    try:
        await uow.commit()
    except Conflict:
        return False
    return True


async def release(uow: UnitOfWork, update_id: int) -> None:
    """Forget a claim whose handling failed, so a redelivery gets another chance."""
    await uow.updates.forget(update_id)
    await uow.commit()
