from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.dates import Reading, impossible_time, parse_time, read_when, shows_year

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)  # Saturday 21 November 2026, 10:00 in London (GMT)


def read(text: str, now: datetime = NOW) -> Reading:
    return read_when(text, now, LONDON)


def when(reading: Reading) -> datetime:
    """The reading on a London wall clock."""
    assert reading.problem is None, reading.problem
    assert reading.moment is not None
    return reading.moment.astimezone(LONDON)


def local(reading: Reading) -> tuple[int, int, int, int, int]:
    """The reading as (year, month, day, hour, minute) on a London wall clock."""
    moment = when(reading)
    return moment.year, moment.month, moment.day, moment.hour, moment.minute


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 Rhagfyr 14:30", (2026, 12, 5, 14, 30)),
        ("5 Ragfyr 14:30", (2026, 12, 5, 14, 30)),
        ("Dydd Sadwrn, 5 Rhagfyr, 14:30", (2026, 12, 5, 14, 30)),
        ("dydd Sadwrn am 14:30", (2026, 11, 28, 14, 30)),
        ("yfory am 2pm", (2026, 11, 22, 14, 0)),
        ("YFORY AM 2PM", (2026, 11, 22, 14, 0)),
        ("fory am 2 y prynhawn", (2026, 11, 22, 14, 0)),
        ("yfory am 10 y bore", (2026, 11, 22, 10, 0)),
        ("nos Wener am 8", (2026, 11, 27, 20, 0)),
        ("8 yr hwyr", (2026, 11, 21, 20, 0)),
        ("heno am 7", (2026, 11, 21, 19, 0)),
        ("hanner awr wedi dau yfory", (2026, 11, 22, 14, 30)),
        ("ymhen 3 diwrnod am 11:00", (2026, 11, 24, 11, 0)),
        ("3ydd o Dachwedd 2027 am 10:00", (2027, 11, 3, 10, 0)),
    ],
)
def test_welsh_dates_and_times_are_read_on_the_groups_wall_clock(text, expected):
    reading = read(text)
    assert reading.has_time
    assert local(reading) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("saturday 2pm", (2026, 11, 28, 14, 0)),
        ("next tuesday 18:00", (2026, 11, 24, 18, 0)),
        ("5 december 14:30", (2026, 12, 5, 14, 30)),
        ("tomorrow at 10", (2026, 11, 22, 10, 0)),
        ("tomorrow 2.30pm", (2026, 11, 22, 14, 30)),
        ("5/12/2026 at 19:30", (2026, 12, 5, 19, 30)),
        ("in 2 hours", (2026, 11, 21, 12, 0)),
    ],
)
def test_english_dates_and_times_are_read_on_the_groups_wall_clock(text, expected):
    reading = read(text)
    assert reading.has_time
    assert local(reading) == expected


def test_welsh_am_before_a_time_means_at_not_morning():
    assert local(read("yfory am 2pm"))[3] == 14
    assert local(read("yfory am 9:15"))[3:] == (9, 15)


def test_dydd_sadwrn_nesaf_is_the_coming_saturday_and_asks_for_a_time():
    for text in ("dydd Sadwrn nesaf", "ddydd Sadwrn", "sadwrn", "Saturday"):
        reading = read(text)
        assert not reading.has_time
        assert when(reading).date().isoformat() == "2026-11-28"


def test_a_weekday_is_never_today_unless_the_text_says_today():
    assert when(read("dydd Sadwrn")).day == 28
    assert when(read("heddiw dydd Sadwrn")).day == 21


def test_dydd_mawrth_is_tuesday_but_5_mawrth_is_march():
    assert when(read("dydd Mawrth")).date().isoformat() == "2026-11-24"
    assert when(read("5 Mawrth")).date().isoformat() == "2027-03-05"


def test_heno_means_seven_this_evening_when_no_time_is_given():
    reading = read("heno")
    assert reading.has_time
    assert local(reading) == (2026, 11, 21, 19, 0)
    assert local(read("tonight")) == (2026, 11, 21, 19, 0)


def test_yfory_heddiw_and_ymhen_3_diwrnod_without_a_time_ask_for_the_time():
    for text, day in (("yfory", 22), ("fory", 22), ("heddiw", 21), ("ymhen 3 diwrnod", 24), ("in 3 days", 24)):
        reading = read(text)
        assert not reading.has_time, text
        assert when(reading).day == day, text


def test_mutated_month_names_are_read_as_the_month():
    for text, month in (("5 Fai", 5), ("5 Orffennaf", 7), ("yng Ngorffennaf 5", 7), ("5 Fedi", 9),
                        ("5 Dachwedd", 11), ("5 Gwefror", 2), ("5 Fawrth", 3), ("5 Fehefin", 6)):
        assert when(read(text)).month == month, text


def test_a_date_without_a_year_is_the_next_one_to_come():
    assert when(read("1 Tachwedd")).year == 2027
    assert when(read("5 Rhagfyr")).year == 2026


def test_a_time_alone_is_today_if_still_ahead_otherwise_tomorrow():
    assert local(read("14:30")) == (2026, 11, 21, 14, 30)
    assert local(read("09:00")) == (2026, 11, 22, 9, 0)


def test_a_day_that_does_not_exist_in_the_month_is_an_impossible_date():
    for text in ("31 Chwefror", "31 February", "31 Ebrill 2027", "31/02/2027", "29 Chwefror 2027"):
        assert read(text).problem == "impossible_date", text


def test_a_date_that_has_passed_is_past():
    assert read("1 Tachwedd 2026").problem == "past"
    assert read("heddiw am 9:00").problem == "past"
    assert read("ddoe").problem == "past"


def test_a_date_more_than_two_years_ahead_is_too_far():
    assert read("5 Rhagfyr 2029").problem == "too_far"
    assert read("5 Tachwedd 2028").problem is None


@pytest.mark.parametrize(
    "text",
    ["a" * 5000, "🎉🎉🎉", "<b>", "<b>yfory</b> 🎉" * 20, "\x00", "12345",
     "hello", "december", "2026", "\u202e\u202d", "yfory heddiw", "sadwrn 5", "' OR 1=1 --"],
)
def test_hostile_or_meaningless_text_is_unreadable_without_raising(text):
    assert read(text).problem == "unreadable"


WORDS = ["5", "31", "14:30", "2pm", "am", "at", "y", "prynhawn", "nos", "heno", "yfory", "dydd", "sadwrn", "mawrth",
         "rhagfyr", "ragfyr", "chwefror", "2026", "9999", "/", ".", "-", ":", "ymhen", "diwrnod", "wythnos", "next",
         "hanner", "awr", "wedi", "dau", "chwarter", "i", "o'r", "gloch", "00", "99", "🎉", "<b>", "\x00", "'"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)))
def test_any_text_at_all_gives_a_reading_or_a_problem_and_never_raises(text):
    reading = read(text)
    assert reading.problem in {None, "empty", "unreadable", "past", "impossible_date", "impossible_time", "too_far"}
    assert (reading.moment is None) == (reading.problem not in {None, "past"})
    assert reading.moment is None or reading.moment.utcoffset() == timedelta(0)
    parse_time(text)


def test_nothing_typed_is_empty():
    assert read("").problem == "empty"
    assert read("   \n").problem == "empty"


def test_case_spacing_and_punctuation_do_not_change_the_reading():
    assert read("5 Rhagfyr 14:30") == read("  5   RHAGFYR,   14:30! ")
    assert read("dydd sadwrn") == read("Dydd Sadwrn.")


def test_a_time_on_the_day_the_clocks_go_back_converts_to_the_right_utc_instant():
    saturday = datetime(2026, 10, 24, 9, 0, tzinfo=UTC)
    assert read_when("yfory am 12:00", saturday, LONDON).moment == datetime(2026, 10, 25, 12, 0, tzinfo=UTC)
    assert read_when("heddiw am 12:00", saturday, LONDON).moment == datetime(2026, 10, 24, 11, 0, tzinfo=UTC)


def test_a_time_on_the_day_the_clocks_go_forward_converts_to_the_right_utc_instant():
    saturday = datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    assert read_when("29 Mawrth 12:00", saturday, LONDON).moment == datetime(2026, 3, 29, 11, 0, tzinfo=UTC)
    assert read_when("dydd Sul am 12:00", saturday, LONDON).moment == datetime(2026, 3, 29, 11, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("14:30", (14, 30)), ("2.30pm", (14, 30)), ("2pm", (14, 0)), ("2 y prynhawn", (14, 0)),
     ("hanner awr wedi dau", (14, 30)), ("chwarter i dri", (14, 45)), ("10 y bore", (10, 0)), ("12am", (0, 0)),
     ("am 2", (14, 0)), ("07:00", (7, 0)), ("hanner dydd", (12, 0))],
)
def test_a_time_typed_alone_is_read_on_a_24_hour_clock(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "13am", "yfory", "", "🎉", "2pm yfory", "x" * 1000])
def test_anything_but_a_time_alone_is_not_a_time(text):
    assert parse_time(text) is None


def test_a_day_that_passed_this_year_is_never_moved_to_next_year_without_asking():
    yesterday = read("20 November")  # typed on Saturday 21 November 2026
    assert yesterday.problem is None and yesterday.next_year
    assert yesterday.moment == datetime(2027, 11, 20, 0, 0, tzinfo=UTC)
    assert read("20 Tachwedd 19:00").next_year


def test_a_date_within_the_next_few_months_or_with_its_year_is_not_asked_about():
    assert not read("5 Ionawr").next_year  # next January: what anyone typing it in November means
    assert not read("20 November 2027").next_year
    assert not read("5 Rhagfyr").next_year


def test_impossible_dates_and_times_say_what_was_wrong():
    february = read("31 Chwefror")
    assert february.problem == "impossible_date"
    assert (february.month.year, february.month.month) == (2027, 2)
    assert read("32/13/2026").problem == "impossible_date"
    assert (read("25:99").problem, read("25:99").clock) == ("impossible_time", "25:99")
    assert read("25:00 yfory").problem == "impossible_time"
    assert impossible_time("25:99") == "25:99" and impossible_time("14:30") is None


def test_the_year_is_shown_for_dates_beyond_the_next_few_months_and_for_past_ones():
    assert not shows_year(NOW + timedelta(days=30), NOW)
    assert shows_year(NOW + timedelta(days=364), NOW)
    assert shows_year(NOW - timedelta(days=40), NOW)
