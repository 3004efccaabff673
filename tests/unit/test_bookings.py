"""Booking rules: overlaps with buffers, across midnight and the clock changes; capacity, access, budget."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.bookings import (
    Access,
    Booking,
    Facts,
    Kind,
    ResourceFacts,
    assess,
    budget_left,
    clashes,
    overlaps,
    shortfall,
    unmet_access,
)
from bot.domain.dates import local_to_utc
from bot.domain.opening_hours import OpeningHoursError, open_during, read_opening_hours

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return local_to_utc(day, time(hour, minute), LONDON)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


FRIDAY = date(2026, 12, 4)


def test_touching_bookings_do_not_overlap():
    assert not overlaps(at(FRIDAY, 10), at(FRIDAY, 12), at(FRIDAY, 12), at(FRIDAY, 14))
    assert not overlaps(at(FRIDAY, 12), at(FRIDAY, 14), at(FRIDAY, 10), at(FRIDAY, 12))


def test_bookings_sharing_even_a_minute_overlap():
    assert overlaps(at(FRIDAY, 10), at(FRIDAY, 12, 1), at(FRIDAY, 12), at(FRIDAY, 14))
    assert overlaps(at(FRIDAY, 11), at(FRIDAY, 13), at(FRIDAY, 10), at(FRIDAY, 14))  # one inside the other


def test_a_set_up_buffer_makes_touching_bookings_clash():
    gap = timedelta(minutes=30)
    assert overlaps(at(FRIDAY, 10), at(FRIDAY, 12), at(FRIDAY, 12), at(FRIDAY, 14), gap)
    assert overlaps(at(FRIDAY, 10), at(FRIDAY, 12), at(FRIDAY, 12, 29), at(FRIDAY, 14), gap)
    assert not overlaps(at(FRIDAY, 10), at(FRIDAY, 12), at(FRIDAY, 12, 30), at(FRIDAY, 14), gap)
    assert not overlaps(at(FRIDAY, 12, 30), at(FRIDAY, 14), at(FRIDAY, 10), at(FRIDAY, 12), gap)


def test_a_booking_across_midnight_clashes_with_one_the_next_morning():
    saturday = FRIDAY + timedelta(days=1)
    late = (at(FRIDAY, 22), at(saturday, 1))
    assert overlaps(*late, at(saturday, 0, 30), at(saturday, 2))
    assert not overlaps(*late, at(saturday, 1), at(saturday, 2))


def test_in_the_repeated_autumn_hour_wall_clock_times_are_not_compared():
    sunday = date(2026, 10, 25)  # 02:00 BST becomes 01:00 GMT
    first_half_past_one = utc(2026, 10, 25, 0, 30)  # 01:30 BST
    second_quarter_past_one = utc(2026, 10, 25, 1, 15)  # 01:15 GMT, an hour later although "earlier"
    assert first_half_past_one.astimezone(LONDON).time() > second_quarter_past_one.astimezone(LONDON).time()
    assert not overlaps(at(sunday - timedelta(days=1), 23), first_half_past_one,
                        second_quarter_past_one, utc(2026, 10, 25, 3))


def test_a_night_across_the_spring_change_is_an_hour_shorter():
    sunday = date(2026, 3, 29)  # 01:00 GMT becomes 02:00 BST
    start, end = at(sunday, 0), at(sunday, 4)
    assert end - start == timedelta(hours=3)
    assert overlaps(start, end, utc(2026, 3, 29, 2, 30), utc(2026, 3, 29, 4))  # 03:30 BST
    assert not overlaps(start, end, utc(2026, 3, 29, 3), utc(2026, 3, 29, 4))  # 04:00 BST


def test_clashes_lists_the_overlapping_bookings_soonest_first():
    bookings = [Booking(at(FRIDAY, 18), at(FRIDAY, 20), 2), Booking(at(FRIDAY, 9), at(FRIDAY, 11), 1),
                Booking(at(FRIDAY, 13), at(FRIDAY, 14), 3)]
    found = clashes(at(FRIDAY, 10), at(FRIDAY, 19), bookings, timedelta(0))
    assert [booking.request_id for booking in found] == [1, 3, 2]
    assert clashes(at(FRIDAY, 11), at(FRIDAY, 13), bookings, timedelta(0)) == []


def test_opening_hours_read_english_and_welsh_day_names():
    hours = read_opening_hours("Mon-Fri 09:00-21:00; Sad 10:00-16:00")
    assert hours.text() == "mon-fri 09:00-21:00; sat 10:00-16:00"
    assert read_opening_hours("Llun-Gwener 9.00-21.00; Saturday 10:00-16:00") == hours
    assert read_opening_hours("always").always and read_opening_hours("").always


@pytest.mark.parametrize("text", ["Mon 9-5", "Funday 09:00-17:00", "Mon 25:00-26:00", "sometimes"])
def test_opening_hours_that_cannot_be_read_are_refused(text):
    with pytest.raises(OpeningHoursError):
        read_opening_hours(text)


def test_a_booking_must_fit_inside_the_opening_hours():
    hours = read_opening_hours("Mon-Fri 09:00-21:00")
    assert open_during(hours, at(FRIDAY, 18), at(FRIDAY, 21), LONDON)
    assert not open_during(hours, at(FRIDAY, 20), at(FRIDAY, 22), LONDON)
    assert not open_during(hours, at(FRIDAY + timedelta(days=1), 10), at(FRIDAY + timedelta(days=1), 12), LONDON)


def test_opening_hours_can_run_past_midnight():
    hours = read_opening_hours("Fri 18:00-02:00")
    saturday = FRIDAY + timedelta(days=1)
    assert open_during(hours, at(FRIDAY, 23), at(saturday, 1, 30), LONDON)
    assert not open_during(hours, at(saturday, 1), at(saturday, 3), LONDON)


def test_opening_hours_hold_in_local_time_across_the_autumn_change():
    hours = read_opening_hours("Sat 20:00-04:00")  # 24 October 2026: nine hours, the clocks go back
    assert open_during(hours, utc(2026, 10, 24, 19), utc(2026, 10, 25, 4), LONDON)
    assert not open_during(hours, utc(2026, 10, 25, 3), utc(2026, 10, 25, 5), LONDON)


def test_capacity_and_seats_shortfall():
    assert shortfall(12, 20) == 0
    assert shortfall(25, 20) == 5
    assert shortfall(500, None) == 0


def test_access_needs_are_matched_against_the_room():
    needs = {Access.STEP_FREE: 2, Access.HEARING_LOOP: 1, Access.QUIET_SPACE: 0}
    room = frozenset({Access.HEARING_LOOP})
    assert unmet_access(needs, room) == [(Access.STEP_FREE, 2)]
    assert unmet_access(needs, frozenset({Access.STEP_FREE, Access.HEARING_LOOP})) == []


def test_a_wheelchair_user_needs_a_step_free_room():
    assert unmet_access({Access.WHEELCHAIR: 1, Access.STEP_FREE: 2}, frozenset()) == [(Access.STEP_FREE, 2)]
    assert unmet_access({Access.WHEELCHAIR: 3}, frozenset()) == [(Access.STEP_FREE, 3)]


def test_budget_left_subtracts_what_was_approved():
    assert budget_left(20_000, [5_000, 2_500]) == 12_500
    assert budget_left(1_000, [1_500]) == -500


def room_facts(**changes) -> Facts:
    defaults = dict(kind=Kind.ROOM, now=NOW, zone=LONDON, starts_at=at(FRIDAY, 18), ends_at=at(FRIDAY, 20),
                    resource=ResourceFacts(capacity=20, features=frozenset({Access.HEARING_LOOP})), people=12)
    return Facts(**{**defaults, **changes})


def codes(facts: Facts) -> list[str]:
    return [problem.code for problem in assess(facts).problems]


def test_a_room_that_fits_has_no_problems():
    assert codes(room_facts()) == []
    assert not assess(room_facts()).blocked


def test_a_double_booking_blocks_approval_but_a_small_room_only_warns():
    assert assess(room_facts(clashes=1)).blocked
    too_small = assess(room_facts(people=25))
    assert [(p.code, p.n, p.blocking) for p in too_small.problems] == [("capacity", 5, False)]


def test_people_going_who_need_step_free_access_are_counted_against_the_room():
    problems = assess(room_facts(access={Access.STEP_FREE: 2}, asked_access=frozenset({Access.QUIET_SPACE}))).problems
    assert [(p.code, p.need, p.n, p.asked) for p in problems] == [
        ("access", Access.STEP_FREE, 2, False), ("access", Access.QUIET_SPACE, 0, True)]


def test_a_removed_room_a_past_time_and_no_room_chosen_block():
    assert codes(room_facts(resource=ResourceFacts(active=False))) == ["gone"]
    assert codes(room_facts(starts_at=NOW - timedelta(hours=1))) == ["past"]
    assert codes(room_facts(resource=None)) == ["choose"]


def test_a_vehicle_checks_seats_wheelchair_spaces_and_the_driver():
    minibus = ResourceFacts(seats=8, wheelchair_spaces=1, driver_needed=True)
    facts = room_facts(kind=Kind.VEHICLE, resource=minibus, riders=10, wheelchairs=2)
    assert [(p.code, p.n) for p in assess(facts).problems] == [("seats", 2), ("wheelchair", 1), ("driver", 0)]


def test_money_over_what_is_left_blocks_and_no_budget_warns():
    money = room_facts(kind=Kind.MONEY, resource=None, amount=5_000)
    assert codes(money) == ["no_budget"] and not assess(money).blocked
    assert assess(room_facts(kind=Kind.MONEY, resource=None, amount=5_000, budget_left=4_999)).blocked
    assert codes(room_facts(kind=Kind.MONEY, resource=None, amount=5_000, budget_left=5_000)) == []
