"""The meet-up rules: who may still answer, places and the waiting list, counts, attendance."""

from datetime import UTC, datetime, timedelta

from bot.domain.meetups import (
    Answer,
    Counts,
    MeetupDraft,
    MeetupStatus,
    Refusal,
    answer_refused,
    ends,
    may_take_attendance,
    promotions,
    read_capacity,
    seat,
)

START = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
BEFORE = START - timedelta(days=1)


def test_answers_are_taken_only_while_the_meetup_is_on_and_has_not_started():
    assert answer_refused(MeetupStatus.SCHEDULED, START, BEFORE) is None
    assert answer_refused(MeetupStatus.CHANGED, START, BEFORE) is None
    assert answer_refused(MeetupStatus.CANCELLED, START, BEFORE) is Refusal.CANCELLED
    assert answer_refused(MeetupStatus.DONE, START, BEFORE) is Refusal.PAST
    assert answer_refused(MeetupStatus.SCHEDULED, START, START) is Refusal.PAST


def test_going_to_a_full_meetup_joins_the_waiting_list_and_maybe_never_does():
    assert seat(Answer.GOING, None, 50) is Answer.GOING
    assert seat(Answer.GOING, 2, 1) is Answer.GOING
    assert seat(Answer.GOING, 2, 2) is Answer.WAITING
    assert seat(Answer.MAYBE, 2, 2) is Answer.MAYBE


def test_freed_places_go_to_the_waiting_list_first_come_first_served():
    assert promotions(3, 2, [7, 8, 9]) == [7]
    assert promotions(3, 0, [7, 8]) == [7, 8]
    assert promotions(3, 3, [7]) == []
    assert promotions(2, 3, [7]) == []  # a coordinator lowered the places: nobody moves up
    assert promotions(None, 9, [7, 8]) == [7, 8]


def test_counts_include_lifts_only_for_people_going_or_maybe():
    counts = Counts.of([("going", True), ("maybe", True), ("no", True), ("waiting", False), ("going", False)])
    assert counts == Counts(going=2, maybe=1, no=1, waiting=1, lifts=2)


def test_a_meetup_without_an_end_lasts_two_hours():
    assert ends(START, None) == START + timedelta(hours=2)
    assert ends(START, START + timedelta(hours=3)) == START + timedelta(hours=3)
    assert ends(START, START - timedelta(hours=1)) == START + timedelta(hours=2)


def test_attendance_is_taken_after_the_start_for_a_month_unless_cancelled():
    assert not may_take_attendance(MeetupStatus.SCHEDULED, START, BEFORE)
    assert may_take_attendance(MeetupStatus.DONE, START, START + timedelta(hours=3))
    assert not may_take_attendance(MeetupStatus.CANCELLED, START, START + timedelta(hours=3))
    assert not may_take_attendance(MeetupStatus.DONE, START, START + timedelta(days=31))


def test_capacity_typed_must_be_a_sensible_whole_number():
    assert read_capacity(" 12 ") == 12
    assert [read_capacity(text) for text in ("0", "-3", "501", "ten", "1.5", "")] == [None] * 6


def test_a_draft_survives_the_conversation_store_and_drops_nonsense():
    draft = MeetupDraft(-100, "Paned", START, "Y Neuadd", "", 12, "weekly", True)
    assert MeetupDraft.from_data(draft.to_data()) == draft
    forged = MeetupDraft.from_data({"group": "-100", "capacity": 10_000, "going_by_default": "yes"})
    assert forged.capacity is None and forged.going_by_default is False
