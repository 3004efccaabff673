"""How long someone gave, typed in Welsh or English, read as whole quarters of an hour.

Buttons (30 min, 1 h, 2 h, half a day) come first; typing is the fallback. Amounts are kept as integer
quarters (1 hour = 4 quarters = 1 time credit), so no sum ever meets a floating-point error.
Understood: "1.5", "1,5", "1½", "1:30", "1h30", "90 munud", "90 minutes", "awr", "dwy awr a hanner",
"one and a half hours", "hanner awr", "tri chwarter awr", "half day", "hanner diwrnod".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

QUARTERS_PER_HOUR = 4
DAY_LIMIT = 24 * QUARTERS_PER_HOUR  # nobody gives more than 24 hours in one day
HALF_DAY = 4 * QUARTERS_PER_HOUR
PRESETS = (2, 4, 8, HALF_DAY)  # the buttons: 30 min, 1 h, 2 h, half a day
MAX_LENGTH = 60


class HoursProblem(StrEnum):
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    ZERO = "zero"
    NEGATIVE = "negative"
    TOO_LONG = "too_long"  # more than 24 hours in a day
    NOT_QUARTER = "not_quarter"  # 20 minutes, 1.3 hours: only quarters of an hour


@dataclass(frozen=True)
class HoursReading:
    quarters: int | None = None
    problem: HoursProblem | None = None


def _forms(table: dict[str, str]) -> dict[str, Fraction]:
    return {form: Fraction(value) for value, forms in table.items() for form in forms.split()}


# Soft and aspirate mutations too: "am ddwy awr" (for two hours), "a thri chwarter".
NUMBERS = _forms({
    "1": "un one", "2": "dau ddau dwy ddwy two", "3": "tri dri thri tair dair three",
    "4": "pedwar bedwar pedair bedair four", "5": "pump bump pum bum five", "6": "chwech chwe six",
    "7": "saith seven", "8": "wyth eight", "9": "naw nine", "10": "deg ddeg ten", "11": "eleven",
    "12": "deuddeg ddeuddeg twelve",
    "1/2": "hanner half", "1/4": "chwarter quarter",
})
UNITS = _forms({
    "1": "h hr hrs hour hours awr oriau", "1/60": "m min mins minute minutes munud funud munudau",
    "8": "day days diwrnod ddiwrnod niwrnod",  # so that half a day is four hours
})
FILLER = {"a", "an", "and", "ac", "of", "o", "am", "for", "i", "about", "around", "tua", "yr", "y", "just", "only",
          "llawn", "cyfan", "full", "whole"}
PHRASES = [  # in order: multi-word amounts become one number first
    (r"\bun ar ddeg\b", " 11 "),
    (r"\b(?:tri|thri|dri)\s+chwarter\b|\bthree\s+quarters?\b", " 3/4 "),
    (r"(\d)\s*(?:h|hr|hrs|awr)\s*(\d{1,2})\b(?!\s*(?:m|min|mins|minutes?|munud))", r"\1 h \2 m"),  # 1h30
    (r"(\d)(?=[a-z])", r"\1 "),  # 2h, 90min
]
_NEGATIVE = re.compile(r"(?:^|\s)(?:[-−–]\s*\d|minus\b)")


def read_hours(text: str, limit: int = DAY_LIMIT) -> HoursReading:
    """Read a duration of at most `limit` quarters; never raises. A bare number means hours."""
    if not isinstance(text, str) or not text.strip():
        return HoursReading(problem=HoursProblem.EMPTY)
    clean = _prepare(text)
    if len(text) > MAX_LENGTH or not clean:
        return HoursReading(problem=HoursProblem.UNREADABLE)
    if _NEGATIVE.search(clean):
        return HoursReading(problem=HoursProblem.NEGATIVE)
    hours = _total(clean.split())
    if hours is None:
        return HoursReading(problem=HoursProblem.UNREADABLE)
    return checked(hours * QUARTERS_PER_HOUR, limit)


def checked(quarters: Fraction | int, limit: int = DAY_LIMIT) -> HoursReading:
    """An amount of quarters, or why it can't be used (by default: given in one day)."""
    if quarters < 0:
        return HoursReading(problem=HoursProblem.NEGATIVE)
    if quarters == 0:
        return HoursReading(problem=HoursProblem.ZERO)
    if quarters > limit:
        return HoursReading(problem=HoursProblem.TOO_LONG)
    if Fraction(quarters).denominator != 1:
        return HoursReading(problem=HoursProblem.NOT_QUARTER)
    return HoursReading(quarters=int(quarters))


def _prepare(text: str) -> str:
    clean = text.replace("½", " 1/2 ").replace("¼", " 1/4 ").replace("¾", " 3/4 ")
    clean = unicodedata.normalize("NFKC", clean).lower().replace("’", "'")
    clean = re.sub(r"(\d)\s*,\s*(\d)", r"\1.\2", clean)
    clean = re.sub(r"\b(\d{1,2}):(\d{2})\b", r"\1 h \2 m", clean)
    clean = re.sub(r"[^\w\s./−–-]|_", " ", clean)
    for pattern, replacement in PHRASES:
        clean = re.sub(pattern, replacement, clean)
    return " ".join(clean.split())


def _number(word: str) -> Fraction | None:
    if word in NUMBERS:
        return NUMBERS[word]
    try:
        return Fraction(word) if re.fullmatch(r"\d{1,4}(?:\.\d{1,4})?|\d/\d", word) else None
    except (ValueError, ZeroDivisionError):
        return None


def _total(words: list[str]) -> Fraction | None:
    """Add up "number unit" terms; "and a half" after a unit is half of that unit, after a number it adds
    to the number; a number after hours with no unit of its own is minutes (1 h 30)."""
    total, pending, last_unit = Fraction(0), None, None
    for word in words:
        value = _number(word)
        if value is not None:
            if pending is None:
                pending = value
            elif value < 1 <= pending or (pending < 1 and value < 1):
                pending += value  # "one and a half", "1 1/2"
            else:
                return None
        elif word in UNITS:
            total += (Fraction(1) if pending is None else pending) * UNITS[word]
            pending, last_unit = None, UNITS[word]
        elif word not in FILLER:
            return None
    if pending is not None:
        if last_unit is None:
            total += pending  # a bare number means hours
        elif pending < 1:
            total += pending * last_unit  # "awr a hanner": half of the unit before
        elif last_unit == 1 and pending.denominator == 1 and pending < 60:
            total += pending * UNITS["munud"]  # "1 awr 30"
        else:
            return None
    return total if words else None
