"""Planning reminders (inside the caller's transaction) and the sender's side of their life:
claim one that is due, then mark it sent only once Telegram has accepted it."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.domain.reminders import MAX_ATTEMPTS, QuietHours, ReminderState, retry_delay, send_time, too_late
from bot.store.reminders import Reminder

LEASE = timedelta(minutes=15)  # a claim older than this was left by a sender that died

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.models import Group, Person
    from bot.store.uow import UnitOfWork



def quiet_hours(person: Person) -> QuietHours:
    try:
        return QuietHours(time.fromisoformat(person.quiet_start), time.fromisoformat(person.quiet_end))
    except ValueError:
        return QuietHours()


async def plan(
    uow: UnitOfWork, *, kind: str, key: str, due_at: datetime, group: Group, person: Person | None = None,
    useful_until: datetime | None = None, subject_id: int | None = None, revive: bool = False,
) -> Reminder | None:
    """Plan (or move) one reminder to a group, or to a person privately; the caller commits.

    Nothing is planned when the group switched this kind off, or the person turned reminders off.
    A private reminder that falls in the person's quiet hours waits for the morning, unless that
    would be after the thing it is about. With `revive`, a reminder cancelled under the same key is
    planned again (someone said Not going, then Going again).
    """
    if kind in (group.reminders_off or []) or (person is not None and not person.reminders):
        return None
    zone = ZoneInfo(group.timezone)
    send_at = due_at if person is None else send_time(due_at, zone, quiet_hours(person), useful_until)
    reminder = await uow.reminders.by_key(key)
    if reminder is None:
        reminder = Reminder(kind=kind, key=key, chat_id=person.telegram_id if person else group.chat_id,
                            person_id=person.id if person else None, group_id=group.id, subject_id=subject_id,
                            due_at=due_at, send_at=send_at, useful_until=useful_until)
        uow.reminders.add(reminder)
    elif reminder.state == ReminderState.PENDING or (revive and reminder.state == ReminderState.CANCELLED):
        if reminder.state == ReminderState.CANCELLED:
            reminder.state, reminder.attempts, reminder.last_error = ReminderState.PENDING, 0, ""
        reminder.due_at, reminder.send_at, reminder.useful_until = due_at, send_at, useful_until
    return reminder


async def cancel_pending(uow: UnitOfWork, pending: list[Reminder]) -> int:
    """Cancel these pending reminders (found by the caller); the caller commits."""
    for reminder in pending:
        reminder.state = ReminderState.CANCELLED
    return len(pending)


async def follow_quiet_hours(uow: UnitOfWork, person: Person) -> None:
    """The person chose other quiet hours: their waiting private reminders move to fit (the caller commits)."""
    if person.id is None:
        return
    for reminder in await uow.reminders.pending_for(person.id):
        if reminder.attempts:  # waiting to be tried again after a failure: its time is the backoff's
            continue
        group = await uow.groups.get(reminder.group_id) if reminder.group_id is not None else None
        zone = ZoneInfo(group.timezone if group is not None else "Europe/London")
        reminder.send_at = send_time(reminder.due_at, zone, quiet_hours(person), reminder.useful_until)


async def cancel_about(uow: UnitOfWork, kind_prefix: str, subject_id: int) -> int:
    """Cancel the pending reminders of these kinds about one thing (a vote closed early, a meet-up
    cancelled); the caller commits, so the change and the cancellation land together."""
    pending = await uow.reminders.pending_about(kind_prefix, subject_id)
    for reminder in pending:
        reminder.state = ReminderState.CANCELLED
    return len(pending)


async def claim_next(uow: UnitOfWork, clock: Clock, skip: set[int]) -> Reminder | None:
    """Take the next due reminder for sending; one that is no use any more is skipped instead."""
    while True:
        reminder = await uow.reminders.next_due(clock.now(), skip)
        if reminder is None or reminder.id is None:
            return None
        if too_late(clock.now(), reminder.useful_until):
            await uow.reminders.move_state(reminder.id, ReminderState.PENDING, state=ReminderState.SKIPPED)
            await uow.commit()
            continue
        attempts = reminder.attempts + 1
        if await uow.reminders.move_state(reminder.id, ReminderState.PENDING, state=ReminderState.SENDING,
                                          attempts=attempts, claimed_at=clock.now()):
            await uow.commit()
            reminder.state, reminder.attempts = ReminderState.SENDING, attempts  # what we just wrote: no re-read
            return reminder
        await uow.commit()  # another sender took it


async def claim(uow: UnitOfWork, clock: Clock, key: str) -> Reminder | None:
    """Take one pending row by its key to send it now (an outbox row, for the person waiting on it); None
    if it is not pending (sent already, or another sender has it)."""
    reminder = await uow.reminders.by_key(key)
    if reminder is None or reminder.id is None or reminder.state != ReminderState.PENDING:
        return None
    attempts = reminder.attempts + 1
    claimed = await uow.reminders.move_state(reminder.id, ReminderState.PENDING, state=ReminderState.SENDING,
                                             attempts=attempts, claimed_at=clock.now())
    await uow.commit()
    if not claimed:
        return None
    reminder.state, reminder.attempts = ReminderState.SENDING, attempts
    return reminder


async def finish(uow: UnitOfWork, clock: Clock, reminder_id: int, state: ReminderState, error: str = "") -> None:
    """Record the outcome of a send (sent, skipped, cancelled), only if we still hold it."""
    changes: dict[str, object] = {"state": state, "last_error": error[:300]}
    if state == ReminderState.SENT:
        changes["sent_at"] = clock.now()
    await uow.reminders.move_state(reminder_id, ReminderState.SENDING, **changes)
    await uow.commit()


async def retry_later(uow: UnitOfWork, clock: Clock, reminder: Reminder, error: str) -> None:
    """A send failed for a passing reason: try again with backoff, a bounded number of times."""
    assert reminder.id is not None
    if reminder.attempts >= MAX_ATTEMPTS:
        await finish(uow, clock, reminder.id, ReminderState.FAILED, error)
        return
    await uow.reminders.move_state(reminder.id, ReminderState.SENDING, state=ReminderState.PENDING,
                                   send_at=clock.now() + retry_delay(reminder.attempts), last_error=error[:300])
    await uow.commit()


async def postpone(uow: UnitOfWork, reminder_id: int, until: datetime) -> None:
    """Give a claimed reminder back to wait for its chat's rate limit."""
    await uow.reminders.move_state(reminder_id, ReminderState.SENDING, state=ReminderState.PENDING, send_at=until)
    await uow.commit()


async def recover(uow: UnitOfWork) -> int:
    """At start-up: reminders that were mid-send when the process died go back in the queue."""
    count = await uow.reminders.release_stuck()
    await uow.commit()
    return count


async def release_stale(uow: UnitOfWork, clock: Clock) -> int:
    """Claims older than LEASE go back in the queue: the worker that took them died mid-send (the scheduler's
    own are put back at its start-up by `recover`). No live sender holds one that long: a chat's wait and
    Telegram's 429s are seconds to a minute or two."""
    count = await uow.reminders.release_stale(clock.now() - LEASE)
    await uow.commit()
    return count


async def retry_failed(uow: UnitOfWork, clock: Clock) -> int:
    failed = await uow.reminders.in_state(ReminderState.FAILED)
    for reminder in failed:
        reminder.state, reminder.attempts, reminder.send_at = ReminderState.PENDING, 0, clock.now()
    await uow.commit()
    return len(failed)
