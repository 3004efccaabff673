"""iCalendar (RFC 5545) files: a person's feed of meet-ups, or one meet-up to add to a phone's calendar.

Times are written in the group's own time zone (with its VTIMEZONE), so a calendar shows 18:00 as 18:00
on both sides of the March and October clock changes. Text is plain: no Telegram HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar

PRODUCT = "-//Criw//Criw meet-ups//CY"


def meetup_uid(installation: str, meetup_id: int) -> str:
    """A meet-up's UID: the same every time this database writes it, and never another installation's
    (`installation` is the database's own random key, bot/store/installation.py)."""
    return f"meetup-{meetup_id}-{installation}@criw"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    title: str
    starts_at: datetime  # aware
    ends_at: datetime
    zone: ZoneInfo
    place: str
    description: str  # Welsh first, then English
    cancelled: bool
    sequence: int
    stamp: datetime  # when it last changed (aware)


def calendar_file(events: Sequence[CalendarEvent], name: str, stamp: datetime) -> bytes:
    """A VCALENDAR holding the events, with the VTIMEZONEs they use."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-published-ttl", "PT1H")
    for event in events:
        calendar.add_component(_event(event, stamp))
    if events:
        first = min(event.starts_at for event in events).date() - timedelta(days=366)
        last = max(event.ends_at for event in events).date() + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()


def _event(event: CalendarEvent, stamp: datetime) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", event.uid)
    item.add("dtstamp", stamp)
    item.add("last-modified", event.stamp)
    item.add("sequence", event.sequence)
    item.add("summary", event.title)
    item.add("dtstart", event.starts_at.astimezone(event.zone))
    item.add("dtend", event.ends_at.astimezone(event.zone))
    if event.place:
        item.add("location", event.place)
    item.add("description", event.description)
    item.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return item

