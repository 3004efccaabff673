"""Reminders on a real database: planned once, claimed by one sender, recovered after a crash."""

import asyncio
from datetime import timedelta

from bot.chat.actions import SendMessage, Sent
from bot.chat.outbound import Outbound
from bot.domain.rate_limits import Limit
from bot.domain.reminders import ReminderState
from bot.i18n.markup import Markup
from bot.schedule.delivery import Delivery, DeliveryContext, Send
from bot.services import groups, people, reminders
from bot.transports.limiter import LimitedPlatform, RateLimiter


async def group_and_person(uow, clock, *, reminders_on=True):
    async with uow() as work:
        group = await groups.find_or_add(work, clock, -100, "Walkers")
        group.admission = "admitted"  # an organisation coordinator admitted it
        person = await people.meet(work, clock, 7, "Alys", None)
        person.reminders = reminders_on
        await work.commit()
        return group, person


async def plan(uow, clock, key, due, **extra):
    async with uow() as work:
        group = await work.groups.by_chat(-100)
        person = extra.pop("person", None)
        if person is not None:
            person = await work.people.by_telegram_id(person.telegram_id)
        reminder = await reminders.plan(work, kind="note", key=key, due_at=due, group=group, person=person, **extra)
        await work.commit()
        return reminder


async def test_the_same_key_is_planned_once_and_moving_it_changes_the_time(uow, clock):
    await group_and_person(uow, clock)
    await plan(uow, clock, "note:1", clock.now() + timedelta(hours=1))
    await plan(uow, clock, "note:1", clock.now() + timedelta(hours=2))
    async with uow() as work:
        pending = await work.reminders.in_state("pending")
    assert len(pending) == 1 and pending[0].due_at == clock.now() + timedelta(hours=2)


async def test_a_private_reminder_in_quiet_hours_is_sent_in_the_morning(uow, clock):
    _, person = await group_and_person(uow, clock)
    late_evening = clock.now().replace(hour=22)
    reminder = await plan(uow, clock, "note:2", late_evening, person=person)
    assert reminder.send_at.hour == 8 and reminder.send_at.date() == (late_evening + timedelta(days=1)).date()


async def test_choosing_other_quiet_hours_moves_the_reminders_already_waiting(uow, clock):
    _, person = await group_and_person(uow, clock)
    half_past_seven = clock.now().replace(hour=7, minute=30) + timedelta(days=1)  # London is on GMT in November
    await plan(uow, clock, "note:early", half_past_seven, person=person)
    async with uow() as work:
        [waiting] = await work.reminders.in_state("pending")
    assert waiting.send_at.hour == 8  # 21:00-08:00: it waits for eight o'clock
    for preset, hour, minute in (("none", 7, 30), ("20-09", 9, 0)):
        async with uow() as work:
            await people.set_quiet_hours(work, person.telegram_id, preset)
        async with uow() as work:
            [waiting] = await work.reminders.in_state("pending")
        assert (waiting.send_at.hour, waiting.send_at.minute) == (hour, minute)


async def test_nothing_is_planned_for_a_person_who_turned_reminders_off(uow, clock):
    _, person = await group_and_person(uow, clock, reminders_on=False)
    assert await plan(uow, clock, "note:3", clock.now(), person=person) is None


async def test_a_due_reminder_is_claimed_once_even_by_racing_senders(uow, clock):
    await group_and_person(uow, clock)
    await plan(uow, clock, "note:4", clock.now())

    async def claim():
        async with uow() as work:
            return await reminders.claim_next(work, clock, set())

    claimed = [r for r in await asyncio.gather(claim(), claim(), claim()) if r is not None]
    assert len(claimed) == 1 and claimed[0].state == ReminderState.SENDING


async def test_a_reminder_left_mid_send_by_a_crash_goes_back_in_the_queue(uow, clock):
    await group_and_person(uow, clock)
    await plan(uow, clock, "note:5", clock.now())
    async with uow() as work:
        await reminders.claim_next(work, clock, set())
    async with uow() as work:
        assert await reminders.recover(work) == 1
    async with uow() as work:
        again = await reminders.claim_next(work, clock, set())
    assert again is not None and again.attempts == 2


async def test_a_reminder_that_is_no_use_any_more_is_skipped_not_sent(uow, clock):
    await group_and_person(uow, clock)
    await plan(uow, clock, "note:6", clock.now() - timedelta(hours=3), useful_until=clock.now() - timedelta(hours=1))
    async with uow() as work:
        assert await reminders.claim_next(work, clock, set()) is None
        assert [r.state for r in await work.reminders.in_state("skipped")] == ["skipped"]


async def test_failures_back_off_then_fail_and_can_be_retried(uow, clock):
    await group_and_person(uow, clock)
    await plan(uow, clock, "note:7", clock.now())
    for _ in range(6):
        clock.advance(timedelta(hours=1))
        async with uow() as work:
            claimed = await reminders.claim_next(work, clock, set())
            await reminders.retry_later(work, clock, claimed, "boom")
    async with uow() as work:
        assert len(await work.reminders.in_state("failed")) == 1
        assert await reminders.retry_failed(work, clock) == 1
        assert len(await work.reminders.in_state("pending")) == 1


async def test_cancelling_about_a_subject_cancels_only_its_pending_reminders(uow, clock):
    await group_and_person(uow, clock)
    await plan(uow, clock, "vote:1", clock.now() + timedelta(hours=1), subject_id=1)
    await plan(uow, clock, "vote:2", clock.now() + timedelta(hours=1), subject_id=2)
    async with uow() as work:
        assert await reminders.cancel_about(work, "note", 1) == 1
        await work.commit()
    async with uow() as work:
        assert [r.subject_id for r in await work.reminders.in_state("pending")] == [2]


async def test_reminders_for_a_group_that_must_wait_are_held_while_everyone_elses_go(uow, clock):
    group, _ = await group_and_person(uow, clock)
    async with uow() as work:
        for n in range(4):  # planned first, so claimed first
            await reminders.plan(work, kind="note", key=f"group:{n}", due_at=clock.now(), group=group)
        for n in range(5):
            person = await people.meet(work, clock, 100 + n, f"Person {n}", None)
            await reminders.plan(work, kind="note", key=f"person:{n}", due_at=clock.now(), group=group, person=person)
        await work.commit()
    limiter = RateLimiter(per_group=Limit(2, 1.5))  # a group takes two, then waits
    sent: list[int] = []
    delivery = Delivery(DeliveryContext(uow, clock, Outbound(LimitedPlatform(Recorder(sent), limiter), uow),
                                        limiter.chat_wait), {"note": note_to_its_chat})
    assert await delivery.run_once() == 9
    assert sorted(sent) == sorted([-100] * 4 + [100 + n for n in range(5)])
    assert sent.index(100) < [n for n, chat in enumerate(sent) if chat == -100][2]  # not behind the held ones


class Recorder:
    """A transport that only notes which chat each message went to."""

    def __init__(self, sent: list[int]) -> None:
        self.sent, self.bot_username = sent, "criw_bot"

    async def perform_once(self, action):
        self.sent.append(action.chat_id)
        return Sent(action.chat_id, len(self.sent))

    perform = perform_once


async def note_to_its_chat(reminder, context):
    return Send(SendMessage(reminder.chat_id, Markup("⏰")))
