"""The printable weekly schedule: one A4 page (PNG, 150 dpi) of the coming week's meet-ups for the group's
noticeboard, in large print and Easy Read layout (a day, then time, what and where, one idea a line), in one
language or both (Welsh first, each line then its English).

Drawn with Pillow; the font is DejaVu Sans (Debian's fonts-dejavu-core, or the copy matplotlib ships), which
has ŵ and ŷ. Pillow is imported only when a page is drawn.
"""

from __future__ import annotations

import functools
import importlib.util
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.i18n.translator import Label, Render, Tr

WIDTH, HEIGHT = 1240, 1754  # A4 at 150 dots per inch
MARGIN = 90
SIZES = {"title": 64, "subtitle": 40, "day": 50, "line": 42}
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)


@dataclass(frozen=True)
class Entry:
    """One meet-up on the page."""

    title: str
    starts_at: datetime
    place: str
    zone: ZoneInfo


def _font_file(bold: bool) -> str | None:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    folders = [Path(folder) for folder in FONT_DIRS]
    matplotlib = importlib.util.find_spec("matplotlib")  # found, not imported: importing it is slow
    if matplotlib is not None and matplotlib.submodule_search_locations:
        folders += [Path(place) / "mpl-data" / "fonts" / "ttf" for place in matplotlib.submodule_search_locations]
    return next((str(folder / name) for folder in folders if (folder / name).exists()), None)


@functools.cache
def _font(size: int, *, bold: bool = False) -> Any:
    from PIL import ImageFont

    path = _font_file(bold)
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _both(languages: Sequence[str], render: Label) -> str:
    """One line in each language, Welsh first (each on a line of its own: one idea a line)."""
    return "\n".join(dict.fromkeys(render(Tr(language)) for language in languages))


def _wrap(draw: Any, text: str, font: Any, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and draw.textlength(trial, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def _day_of(entry: Entry) -> Label:
    return lambda tr: tr.when(entry.starts_at, entry.zone, "EEEE d MMMM")


def _where(place: str) -> Render:
    # Translators: on the printed schedule; place is where a meet-up is.
    return lambda tr: tr._("Where: %(place)s", place=place)


def _more(left: int) -> Render:
    return lambda tr: tr.n_("and %(n)s more: send /upcoming to see them", "and %(n)s more: send /upcoming to see them",
                            left)


def schedule_png(languages: Sequence[str], group_title: str, entries: list[Entry], week: tuple[datetime, datetime],
                 zone: ZoneInfo) -> bytes:
    """The page as PNG bytes: heading, the group, the dates it covers, then each day's meet-ups."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    y = MARGIN

    def write(text: str, size: str, *, bold: bool = False, indent: int = 0, colour: str = "black") -> bool:
        nonlocal y
        font = _font(SIZES[size], bold=bold)
        for line in [part for paragraph in text.split("\n") for part in _wrap(draw, paragraph, font, width - indent)]:
            if y + SIZES[size] > HEIGHT - MARGIN:
                return False
            draw.text((MARGIN + indent, y), line, font=font, fill=colour)
            y += int(SIZES[size] * 1.3)
        return True

    write(_both(languages, lambda tr: tr._("What's on this week")), "title", bold=True)
    write(group_title, "subtitle")
    start, end = week
    # Translators: start and end are dates such as "Saturday 21 November"; the page covers the days between.
    write(_both(languages, lambda tr: tr._("%(start)s to %(end)s", start=tr.when(start, zone, "EEEE d MMMM"),
                                           end=tr.when(end, zone, "EEEE d MMMM"))), "subtitle", colour="#333333")
    y += 30
    draw.line((MARGIN, y, WIDTH - MARGIN, y), fill="black", width=4)
    y += 40
    if not entries:
        write(_both(languages, lambda tr: tr._("No meet-ups this week.")), "day")
    shown_day = None
    for number, entry in enumerate(entries):
        day = entry.starts_at.astimezone(entry.zone).date()
        fits = True
        if day != shown_day:
            shown_day = day
            y += 20
            fits = write(_both(languages, _day_of(entry)), "day", bold=True)
        time = entry.starts_at.astimezone(entry.zone).strftime("%H:%M")
        fits = fits and write(f"{time}   {entry.title}", "line", indent=30)
        if fits and entry.place:
            fits = write(_both(languages, _where(entry.place)), "line", indent=130, colour="#222222")
        if not fits:
            left = len(entries) - number
            y = HEIGHT - MARGIN - SIZES["line"] * 2
            write(_both(languages, _more(left)), "line")
            break
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(150, 150))
    return buffer.getvalue()
