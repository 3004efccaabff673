"""Meet-up reminders on a real database: planned with the meet-up or the answer that calls for them, moved
with the meet-up, cancelled with it, and the weekly list planned once per group and week."""

from datetime import timedelta

import pytest

from bot.domain.meetups import Answer
from bot.services import meetup_changes, meetup_reminders, reminders, rsvp
from bot.services.errors import NotACoordinator
from tests.integration.test_meetups import CHAT, answer, member, new_meetup


@pytest.fixture
async def walkers(uow, clock):
    """The same group as the meet-up tests: Dafydd coordinates; Alys, Ben, Ceri; Eryl never pressed Start."""
    await member(uow, clock, 1, "Dafydd", status="creator")
    for telegram_id, name in ((2, "Alys"), (3, "Ben"), (4, "Ceri")):
        await member(uow, clock, telegram_id, name)
    await member(uow, clock, 5, "Eryl", can_dm=False)


async def pending(uow, kind=None):
    async with uow() as work:
        return [r for r in await work.reminders.in_state("pending") if kind is None or r.kind == kind]


async def private_for(uow, telegram_id):
    """The pending private meet-up reminders to one person (a private chat's id is the person's)."""
    return [r for r in await pending(uow, "meetup_private") if r.chat_id == telegram_id]


async def test_a_new_meetup_plans_its_group_reminder_a_day_before_and_the_weekly_list(uow, clock, walkers):
    view = await new_meetup(uow, clock, days=10)
    [group_reminder] = await pending(uow, "meetup_group")
    assert group_reminder.due_at == view.meetup.starts_at - timedelta(hours=24)
    assert group_reminder.useful_until == view.meetup.starts_at and group_reminder.subject_id == view.id
    [digest] = await pending(uow, "weekly_digest")
    assert digest.due_at.isoformat() == "2026-11-23T09:00:00+00:00"  # Monday 09:00 in London (GMT)


async def test_a_meetup_made_for_tonight_gets_no_group_reminder_a_day_before(uow, clock, walkers):
    await new_meetup(uow, clock, days=0.4)
    assert await pending(uow, "meetup_group") == []


async def test_going_plans_a_private_reminder_maybe_cancels_it_and_going_again_brings_it_back(uow, clock, walkers):
    view = await new_meetup(uow, clock)
    await answer(uow, clock, 2, view.id, "going")
    [alys] = await private_for(uow, 2)
    assert alys.due_at == view.meetup.starts_at - timedelta(hours=2) and alys.chat_id == 2
    await answer(uow, clock, 2, view.id, "maybe")
    assert await private_for(uow, 2) == []
    await answer(uow, clock, 2, view.id, "going")
    assert [r.key for r in await private_for(uow, 2)] == [alys.key]  # the same row, planned again
    await answer(uow, clock, 2, view.id, "no")
    assert await private_for(uow, 2) == []


async def test_someone_moving_up_from_the_waiting_list_gets_their_reminder(uow, clock, walkers):
    view = await new_meetup(uow, clock, capacity=1)
    await answer(uow, clock, 2, view.id, "going")
    await answer(uow, clock, 3, view.id, "going")  # Ben waits
    assert await private_for(uow, 3) == []
    await answer(uow, clock, 2, view.id, "no")
    assert len(await private_for(uow, 3)) == 1 and await private_for(uow, 2) == []


async def test_asking_for_a_lift_counts_as_going(uow, clock, walkers):
    view = await new_meetup(uow, clock)
    async with uow() as work:
        await rsvp.toggle_lift(work, clock, view.id, 4)
    assert len(await private_for(uow, 4)) == 1


async def test_moving_a_meetup_moves_its_reminders_and_a_new_place_leaves_them(uow, clock, walkers):
    view = await new_meetup(uow, clock)
    await answer(uow, clock, 2, view.id, "going")
    await answer(uow, clock, 3, view.id, "maybe")
    later = view.meetup.starts_at + timedelta(days=2, hours=1)
    async with uow() as work:
        await meetup_changes.change(work, clock, view.id, 1, starts_at=later)
    group_reminders = await pending(uow, "meetup_group")
    private = await pending(uow, "meetup_private")
    assert [r.due_at for r in group_reminders] == [later - timedelta(hours=24)]
    assert [(r.chat_id, r.due_at) for r in private] == [(2, later - timedelta(hours=2))]
    async with uow() as work:
        cancelled = await work.reminders.in_state("cancelled")
    assert sorted(r.kind for r in cancelled) == ["meetup_group", "meetup_private"]
    async with uow() as work:
        await meetup_changes.change(work, clock, view.id, 1, text={"place": "Y Llyfrgell"})
    assert [r.key for r in await pending(uow, "meetup_group")] == [group_reminders[0].key]


async def test_moving_it_back_to_the_first_time_plans_the_first_reminders_again(uow, clock, walkers):
    view = await new_meetup(uow, clock)
    await answer(uow, clock, 2, view.id, "going")
    first = view.meetup.starts_at
    for starts_at in (first + timedelta(hours=1), first):
        async with uow() as work:
            await meetup_changes.change(work, clock, view.id, 1, starts_at=starts_at)
    assert [r.due_at for r in await pending(uow, "meetup_group")] == [first - timedelta(hours=24)]
    assert [r.due_at for r in await pending(uow, "meetup_private")] == [first - timedelta(hours=2)]


async def test_cancelling_a_meetup_cancels_every_reminder_about_it_in_the_same_commit(uow, clock, walkers):
    view = await new_meetup(uow, clock)
    await answer(uow, clock, 2, view.id, "going")
    await answer(uow, clock, 4, view.id, "going")
    async with uow() as work:
        await meetup_changes.cancel(work, clock, view.id, 1)
    assert await pending(uow, "meetup_group") == [] and await pending(uow, "meetup_private") == []


async def test_a_series_going_by_default_plans_reminders_for_everyone_counted_in(uow, clock, walkers):
    await new_meetup(uow, clock, every="weekly", by_default=True, days=2)
    group_reminders = await pending(uow, "meetup_group")
    assert len(group_reminders) == 3  # three weeks ahead, one reminder each
    async with uow() as work:
        going = [r for r in await work.reminders.in_state("pending") if r.kind == "meetup_private"]
        answers = [row.answer for meetup_id in {r.subject_id for r in going}
                   for row, _ in await work.meetups.rsvps(meetup_id)]
    assert len(going) == 3 * 5 and set(answers) == {Answer.GOING}  # five members, three meet-ups


async def test_the_weekly_list_is_planned_once_and_follows_a_new_day_and_hour(uow, clock, walkers):
    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        first = await meetup_reminders.ensure_digest(work, clock, group)
        again = await meetup_reminders.ensure_digest(work, clock, group)
        await work.commit()
    assert first is again and len(await pending(uow, "weekly_digest")) == 1
    async with uow() as work:
        await meetup_reminders.set_digest_time(work, clock, CHAT, 1, 4, 18)  # Dafydd: Fridays at 18:00
    [digest] = await pending(uow, "weekly_digest")
    assert digest.due_at.isoformat() == "2026-11-27T18:00:00+00:00"
    with pytest.raises(NotACoordinator):
        async with uow() as work:
            await meetup_reminders.set_digest_time(work, clock, CHAT, 2, 0, 9)


async def test_at_start_up_a_group_with_a_meetup_coming_gets_its_next_list_and_it_plans_the_one_after(
        uow, clock, walkers):
    assert await meetup_reminders.ensure_every_digest(uow, clock) == 0  # nothing on the calendar: no list yet
    assert await pending(uow, "weekly_digest") == []
    await new_meetup(uow, clock)
    async with uow() as work:  # say the list was cancelled while the bot was away from the group
        await reminders.cancel_pending(work, await work.reminders.pending_about("weekly_digest", 1))
        await work.commit()
    assert await meetup_reminders.ensure_every_digest(uow, clock) == 1
    [digest] = await pending(uow, "weekly_digest")
    for _ in range(2):  # a retried send plans the same next list, not a second one
        await meetup_reminders.digest_sent(uow, digest.subject_id, digest.due_at)
    dues = sorted(r.due_at.isoformat() for r in await pending(uow, "weekly_digest"))
    assert dues == ["2026-11-23T09:00:00+00:00", "2026-11-30T09:00:00+00:00"]


async def test_a_meetup_made_by_a_passed_vote_gets_its_group_reminder_a_day_before(uow, clock, walkers):
    from tests.integration.test_voting import proposal, vote

    view = await proposal(uow, clock)
    for telegram_id in (1, 2, 3, 4, 5):  # everyone has voted: it closes at once
        cast = await vote(uow, clock, telegram_id, view.id, "yes")
    assert cast.closing is not None
    async with uow() as work:
        meetup = await work.proposals.meetup_for(view.id)
    assert meetup is not None
    [group_reminder] = await pending(uow, "meetup_group")
    assert group_reminder.subject_id == meetup.id
    assert group_reminder.due_at == meetup.starts_at - timedelta(hours=24)
