"""Each Telegram update is handled once, even when Telegram delivers it again after a restart or a crash.

A claim is a row written before the handler runs. Finished, it turns a re-delivery away. Unfinished, it
means the update is in hand, or its handler died with the process: then the next delivery takes it over
(at once where updates come by long polling, each batch finished before the next by one poller; after
`LEASE` with webhooks, where another worker may still be busy with it) and runs it again if nothing had been
written yet.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.domain.clock import Clock
from bot.store.models import ProcessedUpdate
from bot.store.uow import Conflict

if TYPE_CHECKING:
    from bot.store.uow import UnitOfWork

LEASE = timedelta(minutes=2)  # longer than Telegram waits for a webhook answer


class Claim(StrEnum):
    NEW = "new"  # ours to handle
    RETRY = "retry"  # an earlier attempt died before changing anything: handle it again
    INTERRUPTED = "interrupted"  # an earlier attempt died after changing something: don't do it twice
    DONE = "done"  # handled already: a re-delivery
    BUSY = "busy"  # someone else is handling it right now


async def claim(uow: UnitOfWork, clock: Clock, update_id: int, handler: str, *, exclusive: bool) -> Claim:
    """Claim the update for `handler`. `exclusive`: this process is the only one taking updates (long
    polling), so an unfinished claim it finds belongs to a handler that is gone."""
    now = clock.now()
    row = await uow.updates.get(update_id)
    if row is None:
        uow.updates.add(ProcessedUpdate(update_id=update_id, handled_at=now, handler=handler, finished=False))
        try:
            await uow.commit()
        except Conflict:
            return Claim.BUSY
        return Claim.NEW
    if row.finished:
        return Claim.DONE
    if not exclusive and row.handled_at > now - LEASE:
        return Claim.BUSY
    wrote = row.wrote
    if not await uow.updates.take_over(update_id, row.handler, handler, now):
        return Claim.BUSY
    await uow.commit()
    return Claim.INTERRUPTED if wrote else Claim.RETRY


async def finish(uow: UnitOfWork, update_id: int) -> None:
    """The update was handled: any later delivery of it changes nothing."""
    await uow.updates.finish(update_id)
    await uow.commit()


async def note_change(uow: UnitOfWork, update_id: int) -> None:
    """Inside a transaction of the update's handler: it is changing something (committed with it)."""
    await uow.updates.note_change(update_id)


async def release(uow: UnitOfWork, update_id: int) -> None:
    """Forget a claim whose handling failed before changing anything, so a redelivery gets another chance."""
    await uow.updates.forget(update_id)
    await uow.commit()
