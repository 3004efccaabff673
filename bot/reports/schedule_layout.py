"""Where each line of the printable schedule goes (bot/reports/schedule_page.py draws them).

Every line is plain text (`PlainTr`: a place called `Caffi <Llaeth> & Siwgr` prints as that) without
emoji (the page's font, DejaVu Sans, has none: they would print as empty boxes). Meet-ups are placed
whole, each keeping room below it for the "and N more" line, so in a busy week that line always fits
under the last meet-up shown, in every language asked for, and nothing is drawn over anything else.
Words too long for the width (Llanfairpwllgwyngyll…) are broken to stay inside the margins.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import emoji

from bot.i18n.plain import PlainRender, PlainTr

WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dots per inch
MARGIN = 90
SIZES = {"title": 64, "subtitle": 40, "day": 50, "line": 42}
LEADING = 1.3  # line height, as a multiple of the font size
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
RULE_GAP = (30, 40)  # space above and below the rule under the heading
DAY_GAP = 20  # space above each day's name


@dataclass(frozen=True)
class Entry:
    """One meet-up on the page."""

    title: str
    starts_at: datetime
    place: str
    zone: ZoneInfo


@dataclass(frozen=True)
class Style:
    size: str
    bold: bool = False
    indent: int = 0
    colour: str = "black"


@dataclass(frozen=True)
class PrintedLine:
    text: str
    x: int
    y: int
    style: Style
    width: int

    @property
    def height(self) -> int:
        return int(SIZES[self.style.size] * LEADING)

    @property
    def box(self) -> tuple[int, int, int, int]:
        return self.x, self.y, self.x + self.width, self.y + self.height


@dataclass(frozen=True)
class Page:
    lines: list[PrintedLine]
    rule_y: int  # where the rule under the heading is drawn


def font_file(bold: bool) -> str | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    folders = [Path(folder) for folder in FONT_DIRS]
    matplotlib = importlib.util.find_spec("matplotlib")  # found, not imported: importing it is slow
    if matplotlib is not None and matplotlib.submodule_search_locations:
        folders += [Path(place) / "mpl-data" / "fonts" / "ttf" for place in matplotlib.submodule_search_locations]
    return next((str(folder / name) for folder in folders if (folder / name).exists()), None)


@functools.cache
def font(size: str, bold: bool) -> Any:
    from PIL import ImageFont

    path = font_file(bold)
    return ImageFont.truetype(path, SIZES[size]) if path else ImageFont.load_default(SIZES[size])


def on_paper(text: str) -> str:
    """Plain text the font can print: emoji left off, the spaces around them tidied."""
    return " ".join(emoji.replace_emoji(text, "").split())


def _wrap(text: str, style: Style) -> list[str]:
    face, width = font(style.size, style.bold), WIDTH - 2 * MARGIN - style.indent
    lines, current = [], ""
    for word in text.split():
        while face.getlength(word) > width:  # a word wider than the page: break it where it must
            cut = max(1, max(i for i in range(1, len(word) + 1) if face.getlength(word[:i]) <= width))
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:cut])
            word = word[cut:]
        trial = f"{current} {word}".strip()
        if current and face.getlength(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def _both(languages: Sequence[str], render: PlainRender) -> list[str]:
    """One paragraph in each language, Welsh first (each on lines of its own: one idea a line)."""
    return list(dict.fromkeys(render(PlainTr(language)) for language in languages))


def _day(moment: datetime, zone: ZoneInfo) -> PlainRender:
    return lambda tr: tr.when(moment, zone, "EEEE d MMMM")


def _where(place: str) -> PlainRender:
    # Translators: on the printed schedule; place is where a meet-up is.
    return lambda tr: tr._("Where: %(place)s", place=place)


def _more(left: int) -> PlainRender:
    return lambda tr: tr.n_("and %(n)s more: send /upcoming to see them", "and %(n)s more: send /upcoming to see them",
                            left)


Block = list[tuple[str, Style, int]]  # (paragraph, style, space above it)


def _block(paragraphs: list[str], style: Style, gap: int = 0) -> Block:
    return [(paragraph, style, gap if number == 0 else 0) for number, paragraph in enumerate(paragraphs)]


def _height(block: Block) -> int:
    return sum(gap + len(_wrap(on_paper(text), style)) * int(SIZES[style.size] * LEADING) for text, style, gap in block)


def _entry_blocks(languages: Sequence[str], entries: list[Entry]) -> list[Block]:
    blocks, shown_day = [], None
    for entry in entries:
        local = entry.starts_at.astimezone(entry.zone)
        block: Block = []
        if local.date() != shown_day:
            shown_day = local.date()
            block += _block(_both(languages, _day(local, entry.zone)), Style("day", bold=True), DAY_GAP)
        block += _block([f"{local:%H:%M} {entry.title}"], Style("line", indent=30))
        if on_paper(entry.place):
            block += _block(_both(languages, _where(entry.place)), Style("line", indent=130, colour="#222222"))
        blocks.append(block)
    return blocks


def schedule_layout(languages: Sequence[str], group_title: str, entries: list[Entry],
                    week: tuple[datetime, datetime], zone: ZoneInfo) -> Page:
    """Every line of the page and where it goes: heading, the group, the dates, then each day's meet-ups,
    and "and N more" under the last one that fits."""
    lines: list[PrintedLine] = []
    y = MARGIN

    def place(block: Block) -> None:
        nonlocal y
        for paragraph, style, gap in block:
            y += gap
            for text in _wrap(on_paper(paragraph), style):
                width = int(font(style.size, style.bold).getlength(text))
                lines.append(PrintedLine(text, MARGIN + style.indent, y, style, width))
                y += int(SIZES[style.size] * LEADING)

    start, end = week
    place(_block(_both(languages, lambda tr: tr._("What's on this week")), Style("title", bold=True)))
    place(_block([group_title], Style("subtitle")))
    # Translators: start and end are dates such as "Saturday 21 November"; the page covers the days between.
    place(_block(_both(languages, lambda tr: tr._("%(start)s to %(end)s", start=tr.when(start, zone, "EEEE d MMMM"),
                                                  end=tr.when(end, zone, "EEEE d MMMM"))),
                 Style("subtitle", colour="#333333")))
    rule_y = y + RULE_GAP[0]
    y = rule_y + RULE_GAP[1]
    if not entries:
        place(_block(_both(languages, lambda tr: tr._("No meet-ups this week.")), Style("day")))
    blocks = _entry_blocks(languages, entries)
    bottom = HEIGHT - MARGIN
    for number, block in enumerate(blocks):
        left_after = len(blocks) - number - 1
        more = _block(_both(languages, _more(left_after)), Style("line"), DAY_GAP) if left_after else []
        if y + _height(block) + _height(more) > bottom:
            place(_block(_both(languages, _more(len(blocks) - number)), Style("line"), DAY_GAP))
            break
        place(block)
    return Page(lines, rule_y)
