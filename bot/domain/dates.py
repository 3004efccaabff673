"""Reading the dates and times people type, in Welsh or English.

Buttons come first; typing is the fallback, and the caller always confirms a reading with buttons.
dateparser knows some Welsh but not mutated months ("5 Ragfyr"), "dydd Sadwrn nesaf" or "heno", and it
reads Welsh "am" ("at") as AM. So we normalise first, take out the explicit date, the weekday and the time
ourselves, and ask dateparser only about what is left ("ymhen 3 diwrnod", "next week").
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Container
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import dateparser

EMPTY, UNREADABLE, PAST, IMPOSSIBLE_DATE, TOO_FAR = "empty", "unreadable", "past", "impossible_date", "too_far"
IMPOSSIBLE_TIME = "impossible_time"
MAX_LENGTH = 100  # nobody types a date longer than this; longer text is not a date
EVENING = time(19, 0)  # "heno" / "tonight" / "nos Wener" with no time given
HORIZON_YEARS = 2
NEAR = timedelta(days=120)  # "the next few months": nearer dates are shown without their year


class _Problem(Exception):
    """Stops reading as soon as we know what is wrong; read_when turns it into Reading.problem."""

    def __init__(self, code: str, month: date | None = None, clock: str = "") -> None:
        super().__init__(code)
        self.code, self.month, self.clock = code, month, clock


@dataclass(frozen=True)
class Reading:
    """What we understood: an aware UTC moment (local midnight when has_time is False) or a problem code.

    `next_year` is a day and month typed without a year that has passed this year and is read as next
    year's, far enough ahead that the person must be asked first. For an impossible date `month` is the
    month typed (its first day) when there is one; for an impossible time `clock` is the time typed."""

    moment: datetime | None = None
    has_time: bool = False
    problem: str | None = None
    next_year: bool = False
    month: date | None = None
    clock: str = ""


def _forms(table: dict[int, str]) -> dict[str, int]:
    return {form: key for key, forms in table.items() for form in forms.split()}


# Mutated forms people type: soft (5 Ragfyr, fis Fai), nasal (yng Ngorffennaf), aspirate (a Thachwedd).
MONTHS = _forms({
    1: "ionawr hionawr ion january jan", 2: "chwefror chwefrol gwefror chwef february feb",
    3: "mawrth fawrth maw march mar", 4: "ebrill hebrill ebr april apr", 5: "mai fai may",
    6: "mehefin fehefin meh june jun", 7: "gorffennaf orffennaf ngorffennaf gorff july jul",
    8: "awst hawst august aug", 9: "medi fedi september sept sep", 10: "hydref october oct",
    11: "tachwedd dachwedd nhachwedd thachwedd tach november nov", 12: "rhagfyr ragfyr rhag december dec",
})
# "Mawrth" is both March and Tuesday: next to a day number it is the month, otherwise the weekday.
WEEKDAYS = _forms({
    0: "llun monday mon", 1: "mawrth fawrth tuesday tue tues", 2: "mercher fercher wednesday wed",
    3: "iau thursday thu thur thurs", 4: "gwener wener friday fri", 5: "sadwrn saturday sat", 6: "sul sunday sun",
})
DAY_OFFSETS = _forms({0: "heddiw today", 1: "yfory fory tomorrow tmrw", 2: "drennydd trennydd"})
NUMBERS = _forms({
    1: "un one", 2: "dau ddau dwy ddwy two", 3: "tri dri tair dair three", 4: "pedwar bedwar pedair bedair four",
    5: "pump bump five", 6: "chwech six", 7: "saith seven", 8: "wyth eight", 9: "naw nine", 10: "deg ddeg ten",
    11: "eleven", 12: "deuddeg ddeuddeg twelve",
})
FILLER = {"am", "at", "@", "on", "in", "ar", "the", "of", "this", "yma", "y", "yr", "yn", "yng", "ym", "nesaf",
          "nesa", "next", "coming", "dydd", "ddydd", "o", "a", "ac", "and", "i", "ddod"}
AM, PM = {"am", "yb", "#am"}, {"pm", "yh", "#pm", "#eve"}

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMBER = "|".join(sorted(NUMBERS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th|af|il|ydd|ed|fed|eg|ain)?"
_YEAR = r"(?:,?\s+(?P<y>\d{4}))?"
DAY_MONTH = re.compile(rf"(?<![\d:.])\b(?P<d>\d{{1,2}}){_ORDINAL}\s+(?:o\s+|of\s+)?(?P<mon>{_MONTH})\b{_YEAR}")
MONTH_DAY = re.compile(rf"(?<!dydd )(?<!#eve )\b(?P<mon>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORDINAL}\b{_YEAR}")
NUMERIC = [
    re.compile(r"(?<![\d/.:-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d/.:-])"),
    re.compile(r"(?<![\d/.:-])(?P<d>\d{1,2})([/-])(?P<m>\d{1,2})(?:\2(?P<y>\d{4}|\d{2}))?(?![\d/.:-])"),
    re.compile(r"(?<![\d/.:-])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})(?![\d/.:-])"),
]
TIME = re.compile(
    r"(?:(?<![\w#])(?P<at>am|at|@)\s*)?(?<![\d/.:-])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?(?![\d/:]|\.\d)"
    r"(?:\s*(?P<ampm>am|pm|yb|yh)\b)?(?:\s*(?P<clock>o'r gloch|o'clock))?(?:\s*(?P<period>#\w+))?"
)
PHRASES: list[tuple[str, str | Callable[[re.Match[str]], str]]] = [  # in order: each step relies on the ones before
    (r"\b(?:ym|yn)\s+mis\b|\bo\s+fis\b", " "),  # "ym mis Mai", "5ed o fis Mai": the month name is enough
    (r"\b(?:hanner|canol|ganol)\s+dydd\b|\bmidday\b|\bnoon\b", " 12:00 "),
    (r"\b(?:hanner|canol|ganol)\s+nos\b|\bmidnight\b", " 00:00 "),
    (r"\bheno\b|\btonight\b", " today #eve "),
    (r"\b(?:yn\s+)?(?:y\s+)?bore\b|\b(?:in\s+the\s+|this\s+)?morning\b", " #am "),
    (r"\b(?:yn\s+)?(?:y\s+)?(?:prynhawn|pnawn)\b|\b(?:in\s+the\s+|this\s+)?afternoon\b", " #pm "),
    (r"\b(?:yn\s+)?(?:yr?\s+)?(?:hwyr|nos)\b|\b(?:in\s+the\s+|this\s+|at\s+)?(?:evening|night)\b", " #eve "),
    (r"\bun ar ddeg\b", "11"),
    (rf"\b(wedi|i|am|at|past|to|half|ymhen|mewn|in)\s+({_NUMBER})\b", lambda m: f"{m[1]} {NUMBERS[m[2]]}"),
    (rf"\b({_NUMBER})(?=\s+(?:o'r gloch|o'clock|#))", lambda m: str(NUMBERS[m[1]])),
    (r"\b(?:hanner awr wedi|half past|half)\s+(\d{1,2})\b", r"\1:30"),
    (r"\b(?:chwarter wedi|quarter past)\s+(\d{1,2})\b", r"\1:15"),
    (r"\b(?:chwarter i|quarter to)\s+(\d{1,2})\b", lambda m: f"{int(m[1]) - 1 or 12}:45"),
]
RELATIVE = [  # Welsh relative phrases into the English dateparser reads reliably; after dates are taken out
    (r"\b(?:yr\s+)?wythnos\s+(?:nesaf|nesa|i ddod)\b", "next week"),
    (r"\b(?:y\s+)?mis\s+(?:nesaf|nesa)\b", "next month"),
    (r"\b(?:ymhen|mewn)\b", "in"),
    (r"\bpythefnos\b", "2 weeks"),
    (r"\b(?:diwrnod|ddiwrnod|niwrnod|diwrnodau|dyddiau)\b", "days"),
    (r"\b(?:wythnos|wythnosau)\b", "weeks"),
    (r"\b(?:mis|fis|misoedd)\b", "months"),
    (r"\b(?:awr|oriau)\b", "hours"),
    (r"\b(?:munud|munudau)\b", "minutes"),
    (r"\bin\s+(?=(?:days|weeks|months|hours|minutes)\b)", "in 1 "),
]
CLOCK_UNITS = re.compile(r"\b(?:hours?|minutes?|mins?)\b")


def local_to_utc(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """A day and a wall-clock time in the group's zone as an aware UTC instant.

    In the spring gap (01:30 on the March change) this lands an hour later on the wall clock; in the
    repeated autumn hour it takes the first (summer time) 01:30. Both get confirmed with the person.
    """
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


def _utc(wall_clock: datetime, zone: ZoneInfo) -> datetime:
    return local_to_utc(wall_clock.date(), wall_clock.time(), zone)


def parse_time(text: str) -> tuple[int, int] | None:
    """A time typed on its own ("14:30", "2.30pm", "2 y prynhawn", "hanner awr wedi dau") as (hour, minute)."""
    clean = _prepare(text)
    if not clean:
        return None
    bare = re.fullmatch(r"(?:am |at )?(\d{1,2})", clean)
    if bare:
        return _clock(int(bare[1]), 0, None, bare[1].startswith("0"))
    try:
        found, rest = _take_time(clean)
    except _Problem:
        return None
    return None if _words(rest) else found


def read_when(text: str, now: datetime, zone: ZoneInfo) -> Reading:
    """Read a date and perhaps a time, in Welsh or English, relative to now (aware); never raises.

    A weekday is the next one strictly after today (unless the text also says heddiw/today); a time alone
    is the next time the clock shows it; an evening with no time (heno, nos Wener) is 19:00; a day alone
    comes back with has_time False so the caller asks for the time. An explicit date wins over a weekday
    typed beside it (the confirmation buttons show the real weekday). A past reading keeps its moment.
    """
    if not isinstance(text, str) or not text.strip():
        return Reading(problem=EMPTY)
    try:
        return _read(_prepare(text), now, zone)
    except _Problem as problem:
        return Reading(problem=problem.code, month=problem.month, clock=problem.clock)
    except (ValueError, OverflowError):  # a date the calendar can't hold, such as day 0 or month 13
        return Reading(problem=UNREADABLE)


def _read(clean: str, now: datetime, zone: ZoneInfo) -> Reading:
    now_local = now.astimezone(zone).replace(tzinfo=None)
    if not clean or clean.isdigit():
        raise _Problem(UNREADABLE)
    day, clean, rolled = _take_date(clean, now_local.date())
    for pattern, replacement in RELATIVE:
        clean = re.sub(pattern, replacement, clean)
    hour_minute, clean = _take_time(clean)
    exact = None
    if day is None:
        day, exact = _day_from_words(clean.split(), now_local)
    elif _words(clean, allow=WEEKDAYS):
        raise _Problem(UNREADABLE)  # an explicit date with something else we don't understand
    if hour_minute is None and "#eve" in clean.split():
        hour_minute = (EVENING.hour, EVENING.minute)
    reading = _combined(day, hour_minute, exact, now, zone)
    if rolled and reading.moment is not None and reading.moment > now + NEAR:
        return Reading(reading.moment, reading.has_time, reading.problem, next_year=True)
    return reading


def shows_year(moment: datetime, now: datetime) -> bool:
    """Whether a date needs its year to be clear: it is past, or further away than the next few months."""
    return not now - timedelta(days=1) <= moment <= now + NEAR


def impossible_time(text: str) -> str | None:
    """A typed time no clock shows ("25:99"), as typed, so the reply can name it."""
    found = re.search(r"(?<![\d/.:-])(\d{1,2})[:.](\d{2})(?![\d/.:-])", text)
    if found and (int(found[1]) > 23 or int(found[2]) > 59):
        return f"{found[1]}:{found[2]}"
    return None


def _combined(day: date | None, hour_minute: tuple[int, int] | None, exact: datetime | None,
              now: datetime, zone: ZoneInfo) -> Reading:
    """Day and time put together; a time alone means the next time the clock shows it."""
    if hour_minute is None:
        if exact is not None:
            return _checked(exact, True, now, zone)
        if day is None:
            raise _Problem(UNREADABLE)
        return _checked(datetime.combine(day, time()), False, now, zone)
    today = now.astimezone(zone).date()
    moment = datetime.combine(day or today, time(*hour_minute))
    if day is None and _utc(moment, zone) <= now:
        moment += timedelta(days=1)
    return _checked(moment, True, now, zone)


def _prepare(text: str) -> str:
    """NFC, lower case, one kind of apostrophe, no symbols; Welsh time phrases in a form we can match."""
    if not isinstance(text, str) or len(text) > MAX_LENGTH:
        return ""
    clean = unicodedata.normalize("NFC", text).lower().replace("’", "'").replace("‘", "'")
    clean = re.sub(r"[^\w\s:./@'-]|_", " ", clean)
    clean = re.sub(r"\b([ap]|y)\.([mbh])\b\.?", r"\1\2", clean)  # a.m. p.m. y.b. y.h.
    clean = re.sub(r"(?<!\d)[:./-]|[:./-](?!\d)", " ", clean)  # keep . : / - only inside numbers
    for pattern, replacement in PHRASES:
        clean = re.sub(pattern, replacement, clean)
    return " ".join(clean.split())


def _take_date(clean: str, today: date) -> tuple[date | None, str, bool]:
    """An explicit day and month (named or numeric) taken out of the text, and whether it was moved to
    next year (no year typed, and this year's has passed); IMPOSSIBLE_DATE for 31 Chwefror."""
    for pattern in (DAY_MONTH, MONTH_DAY, *NUMERIC):
        found = pattern.search(clean)
        if found:
            month = MONTHS[found["mon"]] if "mon" in found.groupdict() else int(found["m"])
            year = int(found["y"]) if found["y"] else None
            rest = clean[: found.start()] + " " + clean[found.end():]
            day = _calendar_day(int(found["d"]), month, year, today)
            return day, rest, year is None and day.year > today.year and (month, day.day) < (today.month, today.day)
    return None, clean, False


def _calendar_day(day: int, month: int, year: int | None, today: date) -> date:
    if not 1 <= month <= 12 or day < 1:
        raise _Problem(IMPOSSIBLE_DATE)
    if year is not None and year < 100:
        year += 2000
    if year is None:
        year = today.year if (month, day) >= (today.month, today.day) else today.year + 1
    if day > calendar.monthrange(year, month)[1]:
        raise _Problem(IMPOSSIBLE_DATE, month=date(year, month, 1))
    return date(year, month, day)


def _take_time(clean: str) -> tuple[tuple[int, int] | None, str]:
    """The first thing that is clearly a time, as (hour, minute), taken out of the text."""
    for found in TIME.finditer(clean):
        if not any(found[part] for part in ("at", "m", "ampm", "clock", "period")):
            continue  # a bare number is a day or a count, not a time
        qualifier = found["ampm"] or found["period"] or _flag(clean)
        if int(found["h"]) > 23 or int(found["m"] or 0) > 59:
            raise _Problem(IMPOSSIBLE_TIME, clock=f"{found['h']}:{found['m'] or '00'}")
        hour_minute = _clock(int(found["h"]), int(found["m"] or 0), qualifier, found["h"].startswith("0"))
        rest = clean[: found.start()] + " " + clean[found.end():] + (" " + found["period"] if found["period"] else "")
        if hour_minute is None:
            raise _Problem(UNREADABLE)
        return hour_minute, rest
    return None, clean


def _flag(clean: str) -> str | None:
    """A morning/afternoon/evening said elsewhere in the text ("nos Wener am 8", "bore yfory am 10")."""
    return next((word for word in clean.split() if word.startswith("#")), None)


def _clock(hour: int, minute: int, qualifier: str | None, zero_padded: bool) -> tuple[int, int] | None:
    """Hour and minute on a 24-hour clock.

    Welsh "am" before a time means "at", so only "am"/"a.m." after the number means morning. With no
    morning/afternoon given, 1 to 6 (not 01 to 06) mean the afternoon: nobody meets at 2 in the morning.
    """
    if hour > 23 or minute > 59:
        return None
    if qualifier in AM:
        return (hour % 12, minute) if 1 <= hour <= 12 else None
    if qualifier in PM:
        return (hour + 12 if hour < 12 else hour, minute) if hour >= 1 else None
    if not zero_padded and 1 <= hour <= 6:
        return hour + 12, minute
    return hour, minute


def _day_from_words(words: list[str], now_local: datetime) -> tuple[date | None, datetime | None]:
    """The day named by words: today/tomorrow, a weekday (the next one after today), or a relative phrase."""
    today = now_local.date()
    weekdays = {WEEKDAYS[word] for word in words if word in WEEKDAYS}
    offsets = {DAY_OFFSETS[word] for word in words if word in DAY_OFFSETS}
    if _words(" ".join(words), allow=WEEKDAYS.keys() | DAY_OFFSETS.keys()):
        if weekdays or offsets:
            raise _Problem(UNREADABLE)
        return _relative_day(words, now_local)
    if len(weekdays) > 1 or len(offsets) > 1:
        raise _Problem(UNREADABLE)
    if offsets:
        day = today + timedelta(days=offsets.pop())
        if weekdays and weekdays != {day.weekday()}:
            raise _Problem(UNREADABLE)  # "yfory, dydd Llun" when tomorrow is a Sunday
        return day, None
    if weekdays:
        return today + timedelta(days=(weekdays.pop() - today.weekday() - 1) % 7 + 1), None
    return None, None


def _relative_day(words: list[str], now_local: datetime) -> tuple[date, datetime | None]:
    """A phrase like "ymhen 3 diwrnod" or "next week", read by dateparser; exact too if it counts hours."""
    phrase = " ".join(word for word in words if word not in {"am", "at", "@", "on", "ar", "dydd", "ddydd"}
                      and not word.startswith("#"))
    if re.fullmatch(r"[\d\s]+", phrase):
        raise _Problem(UNREADABLE)  # dateparser reads "1 2" as 1 February
    try:
        parsed = dateparser.parse(phrase, languages=["cy", "en"], settings={
            "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "future", "RELATIVE_BASE": now_local,
            "RETURN_AS_TIMEZONE_AWARE": False, "REQUIRE_PARTS": ["day", "month"]})
    except Exception as error:  # a third-party parser must not turn a typo into a crash
        raise _Problem(UNREADABLE) from error
    if parsed is None:
        raise _Problem(UNREADABLE)
    return parsed.date(), parsed if CLOCK_UNITS.search(phrase) else None


def _words(clean: str, allow: Container[str] = ()) -> list[str]:
    """Words left over that mean something (not filler, not a morning/evening marker, not allowed)."""
    return [word for word in clean.split() if word not in FILLER and word not in allow and not word.startswith("#")]


def _checked(wall_clock: datetime, has_time: bool, now: datetime, zone: ZoneInfo) -> Reading:
    moment = _utc(wall_clock, zone)
    today = now.astimezone(zone).date()
    if (moment < now) if has_time else (wall_clock.date() < today):
        return Reading(moment=moment, has_time=has_time, problem=PAST)
    if wall_clock.date() > _years_later(today, HORIZON_YEARS):
        return Reading(problem=TOO_FAR)
    return Reading(moment=moment, has_time=has_time)


def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
