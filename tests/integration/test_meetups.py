"""Meet-up services on a real database: answers, the waiting list, changes, series, attendance, feeds."""

from datetime import timedelta

import pytest

from bot.domain.meetups import Answer, MeetupDraft
from bot.services import attendance, calendar_feeds, groups, meetup_changes, meetups, people, rsvp, series
from bot.services.errors import InvalidMeetup, MeetupNotOpen, NotACoordinator, NotAMember, NotFound

CHAT = -100


async def member(uow, clock, telegram_id, name, chat=CHAT, status="member", can_dm=True):
    async with uow() as work:
        group = await groups.find_or_add(work, clock, chat, "Walkers")
        group.admission = "admitted"  # an organisation coordinator admitted it
        person = await people.meet(work, clock, telegram_id, name, None)
        person.can_dm = can_dm

        async def lookup():
            return status

        await groups.note_presence(work, clock, group, person, lookup)
        await work.commit()


@pytest.fixture
async def walkers(uow, clock):
    await member(uow, clock, 1, "Dafydd", status="creator")  # the first coordinator
    for telegram_id, name in ((2, "Alys"), (3, "Ben"), (4, "Ceri")):
        await member(uow, clock, telegram_id, name)
    await member(uow, clock, 5, "Eryl", can_dm=False)


async def new_meetup(uow, clock, capacity=None, every="", by_default=False, days=10):
    draft = MeetupDraft(CHAT, "Walk", clock.now() + timedelta(days=days), "Y Parc", capacity=capacity, every=every,
                        going_by_default=by_default)
    async with uow() as work:
        if every:
            return (await series.start(work, clock, 1, draft))[0]
        return await meetups.create(work, clock, 1, draft)


async def answer(uow, clock, telegram_id, meetup_id, wanted, chat=CHAT):
    async with uow() as work:
        return await rsvp.respond(work, clock, meetup_id, telegram_id, Answer(wanted), chat)


async def stored(uow, meetup_id=1):
    async with uow() as work:
        return {person.display_name: (row.answer, row.needs_lift, row.pickup)
                for row, person in await work.meetups.rsvps(meetup_id)}


async def test_only_a_coordinator_creates_a_meetup_directly(uow, clock, walkers):
    draft = MeetupDraft(CHAT, "Walk", clock.now() + timedelta(days=3))
    with pytest.raises(NotACoordinator):
        async with uow() as work:
            await meetups.create(work, clock, 2, draft)
    view = await new_meetup(uow, clock)
    assert view.organiser is not None and view.organiser.display_name == "Dafydd"


async def test_the_waiting_list_moves_up_first_come_first_served(uow, clock, walkers):
    view = await new_meetup(uow, clock, capacity=1)
    assert (await answer(uow, clock, 2, view.id, "going")).answer is Answer.GOING
    clock.advance(timedelta(minutes=1))
    assert (await answer(uow, clock, 3, view.id, "going")).waiting_place == 1
    clock.advance(timedelta(minutes=1))
    assert (await answer(uow, clock, 4, view.id, "going")).waiting_place == 2
    assert (await answer(uow, clock, 3, view.id, "going")).waiting_place == 1  # pressing again keeps the place
    freed = await answer(uow, clock, 2, view.id, "maybe")
    assert [person.display_name for person in freed.promoted] == ["Ben"]
    assert {name: found[0] for name, found in (await stored(uow)).items()} == {
        "Alys": "maybe", "Ben": "going", "Ceri": "waiting"}


async def test_a_press_from_another_groups_chat_or_by_a_stranger_changes_nothing(uow, clock, walkers):
    view = await new_meetup(uow, clock)
    await member(uow, clock, 9, "Other", chat=-200)
    with pytest.raises(NotFound):
        await answer(uow, clock, 2, view.id, "going", chat=-200)
    with pytest.raises(NotAMember):
        await answer(uow, clock, 9, view.id, "going", chat=None)
    with pytest.raises(NotFound):
        await answer(uow, clock, 2, 999, "going")
    assert await stored(uow) == {}


async def test_answers_to_a_cancelled_or_past_meetup_are_refused(uow, clock, walkers):
    view = await new_meetup(uow, clock)
    async with uow() as work:
        await meetup_changes.cancel(work, clock, view.id, 1)
    with pytest.raises(MeetupNotOpen):
        await answer(uow, clock, 2, view.id, "going")
    other = await new_meetup(uow, clock, days=1)
    clock.advance(timedelta(days=2))
    with pytest.raises(MeetupNotOpen):
        await answer(uow, clock, 2, other.id, "going")
    assert await stored(uow, view.id) == {} and await stored(uow, other.id) == {}


async def test_a_lift_needs_going_and_a_pickup_point_is_checked(uow, clock, walkers):
    view = await new_meetup(uow, clock)
    async with uow() as work:
        with pytest.raises(InvalidMeetup):
            await rsvp.set_pickup(work, clock, view.id, 2, "Tesco")  # no lift asked for
    async with uow() as work:
        lift = await rsvp.toggle_lift(work, clock, view.id, 2)
    assert lift.answer is Answer.GOING and lift.needs_lift
    async with uow() as work:
        with pytest.raises(InvalidMeetup):
            await rsvp.set_pickup(work, clock, view.id, 2, "x" * 2000)
    assert await stored(uow) == {"Alys": ("going", True, "")}
    async with uow() as work:
        await rsvp.set_pickup(work, clock, view.id, 2, "  Tesco\u0000 Llandaf ")
    assert await stored(uow) == {"Alys": ("going", True, "Tesco Llandaf")}
    await answer(uow, clock, 2, view.id, "no")
    assert await stored(uow) == {"Alys": ("no", False, "")}


async def test_a_change_tells_exactly_the_going_and_maybe_people_who_can_be_messaged(uow, clock, walkers):
    view = await new_meetup(uow, clock, capacity=2)
    for telegram_id, wanted in ((2, "going"), (3, "maybe"), (4, "no"), (5, "going"), (1, "going")):
        await answer(uow, clock, telegram_id, view.id, wanted)
    await member(uow, clock, 6, "Ffion")
    await answer(uow, clock, 6, view.id, "going")  # full: waiting
    async with uow() as work:
        change = await meetup_changes.change(work, clock, view.id, 1, text={"place": "Y Neuadd"})
    # Dafydd made the change himself; Eryl can't be messaged; Ceri isn't going; Ffion is only waiting.
    assert sorted(person.display_name for person in change.tell) == ["Alys", "Ben"]
    assert change.changed == ("place",) and change.before_place == "Y Parc"
    assert change.view.meetup.status == "changed" and change.view.meetup.version == 1
    async with uow() as work:
        with pytest.raises(NotACoordinator):
            await meetup_changes.cancel(work, clock, view.id, 2)


async def test_moving_a_meetup_keeps_its_length(uow, clock, walkers):
    view = await new_meetup(uow, clock)
    later = view.meetup.starts_at + timedelta(days=2, hours=1)
    async with uow() as work:
        change = await meetup_changes.change(work, clock, view.id, 1, starts_at=later)
    assert change.view.meetup.starts_at == later
    assert change.view.ends_at == later + timedelta(hours=2)
    async with uow() as work:
        with pytest.raises(InvalidMeetup):
            await meetup_changes.change(work, clock, view.id, 1, starts_at=clock.now() - timedelta(hours=1))


async def test_a_series_is_filled_ahead_once_however_often_the_job_runs(uow, clock, walkers):
    first = await new_meetup(uow, clock, every="weekly", by_default=True, days=1)
    assert first.counts.going == 5  # every member is going by default
    for _ in range(2):
        assert await series.extend(uow, clock) == []
    clock.advance(timedelta(days=7))
    made = await series.extend(uow, clock)
    assert len(made) == 1
    assert await series.extend(uow, clock) == []
    async with uow() as work:
        starts = [meetup.starts_at for meetup in await work.meetups.of_series(first.meetup.series_id)]
    assert len(starts) == len(set(starts)) == 4


async def test_a_moved_series_meetup_is_not_made_again_on_its_old_date(uow, clock, walkers):
    first = await new_meetup(uow, clock, every="weekly", days=1)
    async with uow() as work:
        await meetup_changes.change(work, clock, first.id, 1, starts_at=first.meetup.starts_at + timedelta(hours=3))
    assert await series.extend(uow, clock) == []


async def test_attendance_is_ticked_after_the_start_and_read_back_for_credits(uow, clock, walkers):
    view = await new_meetup(uow, clock, days=1)
    await answer(uow, clock, 2, view.id, "going")
    await answer(uow, clock, 3, view.id, "maybe")
    async with uow() as work:
        with pytest.raises(MeetupNotOpen):
            await attendance.sheet(work, clock, view.id, 1)
    clock.advance(timedelta(days=1, hours=3))
    wrapped = await attendance.wrap_up_due(uow, clock)
    assert [(done.id, [person.display_name for person in ask]) for done, ask in wrapped] == [(view.id, ["Dafydd"])]
    assert await attendance.wrap_up_due(uow, clock) == []
    async with uow() as work:
        sheet = await attendance.toggle(work, clock, view.id, 1, 2)
    assert {person.display_name for person in sheet.people} == {"Alys", "Ben"}
    async with uow() as work:
        with pytest.raises(NotFound):
            await attendance.toggle(work, clock, view.id, 1, 4)  # Ceri never answered
        with pytest.raises(NotACoordinator):
            await attendance.toggle(work, clock, view.id, 3, 2)
    async with uow() as work:
        assert [person.display_name for person in await attendance.attendees(work, view.id)] == ["Alys"]


async def test_a_calendar_token_is_long_stable_and_dies_when_reset(uow, clock, walkers):
    await new_meetup(uow, clock)
    async with uow() as work:
        token = await calendar_feeds.token_for(work, clock, 2)
    async with uow() as work:
        assert await calendar_feeds.token_for(work, clock, 2) == token
    assert len(token) >= 43
    async with uow() as work:
        feed = await calendar_feeds.feed(work, clock, token)
    assert feed is not None and [view.meetup.title for view in feed.meetups] == ["Walk"]
    async with uow() as work:
        fresh = await calendar_feeds.token_for(work, clock, 2, reset=True)
    async with uow() as work:
        assert await calendar_feeds.feed(work, clock, token) is None
        assert await calendar_feeds.feed(work, clock, "") is None
        assert await calendar_feeds.feed(work, clock, "ü" * 20) is None
        assert await calendar_feeds.feed(work, clock, fresh) is not None
