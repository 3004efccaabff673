"""What a proposal may hold, and how a draft survives being stored between steps."""

from datetime import UTC, datetime

from bot.domain.proposals import (
    MAX_OPTIONS,
    Draft,
    Needs,
    TextProblem,
    check_text,
    clean_text,
    draft_from_data,
    draft_to_data,
    read_amount,
)


def test_text_is_normalised_and_trimmed_and_control_characters_dropped():
    assert clean_text("  Caf\u0065\u0301\x00 ") == "Café"
    assert clean_text("line one\nline two") == "line one\nline two"


def test_empty_and_too_long_texts_are_problems():
    assert check_text("", 10) is TextProblem.EMPTY
    assert check_text("x" * 11, 10) is TextProblem.TOO_LONG
    assert check_text("", 10, required=False) is None
    assert check_text("walk", 10) is None


def test_amounts_are_whole_numbers_within_the_limit():
    assert read_amount("£20", 1000) == 20
    assert read_amount("20.00", 1000) == 20
    assert read_amount("1,000", 1000) == 1000
    assert read_amount("1001", 1000) is None
    assert read_amount("0", 1000) is None
    assert read_amount("-5", 1000) is None
    assert read_amount("ugain", 1000) is None


def test_a_draft_takes_at_most_five_distinct_sorted_options():
    draft = Draft(group_chat_id=-1)
    moments = [datetime(2026, 12, day, 18, tzinfo=UTC) for day in (9, 2, 5, 7, 3, 4)]
    added = [draft.add_option(moment) for moment in moments]
    assert added == [True] * MAX_OPTIONS + [False]
    assert draft.options == sorted(moments[:MAX_OPTIONS])
    assert not Draft(-1, options=[moments[0]]).add_option(moments[0])


def test_a_draft_round_trips_through_stored_data():
    draft = Draft(-100, "Walk", "Gentle", [datetime(2026, 12, 5, 14, 30, tzinfo=UTC)], "Park", Needs(True, 8, 20), 3)
    assert draft_from_data(draft_to_data(draft)) == draft


def test_stored_data_with_bad_values_falls_back_to_safe_defaults():
    draft = draft_from_data({"group": -5, "vote_days": 99, "needs": {"money": -3, "transport_seats": "lots"}})
    assert draft.vote_days == 7
    assert draft.needs == Needs()
