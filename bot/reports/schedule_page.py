"""The printable weekly schedule: one A4 page (PNG, 150 dpi) of the coming week's meet-ups for the group's
noticeboard, in large print and Easy Read layout (a day, then time, what and where, one idea a line), in one
language or both (Welsh first, each line then its English).

`schedule_layout.py` decides every line and where it goes (plain text, no emoji, nothing overlapping);
this draws them with Pillow in DejaVu Sans (Debian's fonts-dejavu-core, or the copy matplotlib ships),
which has ŵ and ŷ. Pillow is imported only when a page is drawn.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.reports.schedule_layout import HEIGHT, MARGIN, WIDTH, Entry, font, schedule_layout

__all__ = ["Entry", "schedule_png"]


def schedule_png(languages: Sequence[str], group_title: str, entries: list[Entry], week: tuple[datetime, datetime],
                 zone: ZoneInfo) -> bytes:
    """The page as PNG bytes."""
    from PIL import Image, ImageDraw

    page = schedule_layout(languages, group_title, entries, week, zone)
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    for line in page.lines:
        draw.text((line.x, line.y), line.text, font=font(line.style.size, line.style.bold), fill=line.style.colour)
    draw.line((MARGIN, page.rule_y, WIDTH - MARGIN, page.rule_y), fill="black", width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(150, 150))
    return buffer.getvalue()
