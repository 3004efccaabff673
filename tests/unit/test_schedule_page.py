"""The printable schedule: plain text on paper (never HTML escapes), nothing drawn over anything else in a
busy week, long Welsh place names kept inside the margins, no emoji printed as empty boxes, in one
language or both (Welsh first)."""

import io
from datetime import UTC, datetime, timedelta
from itertools import combinations
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from bot.reports.schedule_layout import HEIGHT, MARGIN, WIDTH, schedule_layout
from bot.reports.schedule_page import Entry, schedule_png

ZONE = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
WEEK = (MONDAY, MONDAY + timedelta(days=6))
LONG_PLACE = "Canolfan Gymunedol Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch, Ffordd y Gogledd"


def busy_week(count=9, place="Neuadd y Dref, Aberystwyth"):
    return [Entry(f"Taith gerdded {number} 🚶", MONDAY + timedelta(hours=5 + 20 * number), place, ZONE)
            for number in range(count)]


def texts(page):
    return [line.text for line in page.lines]


def overlapping(page):
    return [(a.text, b.text) for a, b in combinations(page.lines, 2)
            if a.box[0] < b.box[2] and b.box[0] < a.box[2] and a.box[1] < b.box[3] and b.box[1] < a.box[3]]


def outside(page):
    return [line.text for line in page.lines
            if line.box[0] < MARGIN or line.box[2] > WIDTH - MARGIN or line.box[1] < MARGIN
            or line.box[3] > HEIGHT - MARGIN]


def test_names_and_places_print_as_typed_not_as_html_escapes():
    page = schedule_layout(("cy", "en"), "Cerddwyr <Caerdydd> & Co",
                           [Entry("Tom & Jerry", MONDAY, "Caffi <Llaeth> & Siwgr", ZONE)], WEEK, ZONE)
    lines = texts(page)
    assert "Cerddwyr <Caerdydd> & Co" in lines
    assert "Lle: Caffi <Llaeth> & Siwgr" in lines and "Where: Caffi <Llaeth> & Siwgr" in lines
    assert any(line.endswith("Tom & Jerry") for line in lines)
    assert not [line for line in lines if any(escape in line for escape in ("&amp;", "&lt;", "&gt;", "&quot;"))]


@pytest.mark.parametrize("languages", [("cy",), ("en",), ("cy", "en")])
def test_a_busy_week_ends_with_a_whole_and_more_line_drawn_over_nothing(languages):
    page = schedule_layout(languages, "Cerddwyr Caerdydd", busy_week(), WEEK, ZONE)
    shown = sum(1 for line in texts(page) if "Taith gerdded" in line)
    assert 0 < shown < 9
    more = {"cy": f"{9 - shown} arall hefyd", "en": f"and {9 - shown} more"}
    for language in languages:
        assert any(more[language] in line for line in texts(page)), language
    if languages == ("cy", "en"):
        welsh = next(i for i, line in enumerate(texts(page)) if more["cy"] in line)
        english = next(i for i, line in enumerate(texts(page)) if more["en"] in line)
        assert welsh < english == len(page.lines) - 1
    assert overlapping(page) == []
    assert outside(page) == []


@pytest.mark.parametrize("languages", [("cy",), ("cy", "en")])
def test_long_welsh_place_names_wrap_inside_the_margins(languages):
    page = schedule_layout(languages, "Grŵp Cymorth Cymheiriaid Gogledd Cymru", busy_week(4, LONG_PLACE), WEEK, ZONE)
    assert outside(page) == [] and overlapping(page) == []
    assert "Llanfairpwll" in "".join(texts(page))


def test_emoji_are_left_off_paper_and_the_words_kept():
    page = schedule_layout(("en",), "Cerddwyr 🥾", [Entry("☕ Te a chacen 🍰", MONDAY, "Caffi 🏴󠁧󠁢󠁷󠁬󠁳󠁿", ZONE)], WEEK, ZONE)
    lines = texts(page)
    assert "Cerddwyr" in lines and "Where: Caffi" in lines
    assert any(line.endswith(":00 Te a chacen") for line in lines)


def test_an_empty_week_says_so_in_both_languages_welsh_first():
    lines = texts(schedule_layout(("cy", "en"), "Cerddwyr", [], WEEK, ZONE))
    assert lines.index("Dim cyfarfodydd yr wythnos hon.") < lines.index("No meet-ups this week.")


def test_the_page_is_an_a4_png():
    image = Image.open(io.BytesIO(schedule_png(("cy", "en"), "Cerddwyr", busy_week(), WEEK, ZONE)))
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT)
