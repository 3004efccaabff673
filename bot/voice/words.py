"""Speech text: numbers, dates and times written as words, in Welsh and English, for the 🔊 voice notes.

A speech synthesiser reads "14:30" as "fourteen thirty" and "5 Rhagfyr" as "pump Rhagfyr"; people say
"hanner awr wedi dau yn y prynhawn" and "y pumed o Ragfyr". `when_words` writes a moment as people say it;
`speakable` turns any message (HTML, emoji and all) into plain words for espeak-ng.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, get_month_names

_CY_UNITS = ["dim", "un", "dau", "tri", "pedwar", "pump", "chwech", "saith", "wyth", "naw"]
_CY_UNITS_BEFORE = ["", "un", "dau", "tri", "pedwar", "pum", "chwe", "saith", "wyth", "naw"]  # "pum deg", "chwe chant"
_CY_FEMININE = {2: "dwy", 3: "tair", 4: "pedair"}
_CY_CLOCK = ["deuddeg", "un", "dau", "tri", "pedwar", "pump", "chwech", "saith", "wyth", "naw", "deg", "un ar ddeg"]
_CY_ORDINALS = [
    "", "cyntaf", "ail", "trydydd", "pedwerydd", "pumed", "chweched", "seithfed", "wythfed", "nawfed", "degfed",
    "unfed ar ddeg", "deuddegfed", "trydydd ar ddeg", "pedwerydd ar ddeg", "pymthegfed", "unfed ar bymtheg",
    "ail ar bymtheg", "deunawfed", "pedwerydd ar bymtheg", "ugeinfed", "unfed ar hugain", "ail ar hugain",
    "trydydd ar hugain", "pedwerydd ar hugain", "pumed ar hugain", "chweched ar hugain", "seithfed ar hugain",
    "wythfed ar hugain", "nawfed ar hugain", "degfed ar hugain", "unfed ar ddeg ar hugain",
]
_EN_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                "eighteenth", "nineteenth", "twentieth"]
_SOFT = [("ll", "l"), ("rh", "r"), ("p", "b"), ("t", "d"), ("c", "g"), ("b", "f"), ("d", "dd"), ("g", ""),
         ("m", "f")]


def soft_mutation(word: str) -> str:
    """Treiglad meddal: Rhagfyr -> Ragfyr, Mawrth -> Fawrth, tri -> dri (ch and other letters stay)."""
    lower = word.lower()
    if lower.startswith("ch"):
        return word
    for start, becomes in _SOFT:
        if lower.startswith(start):
            rest = word[len(start):]
            mutated = becomes + rest
            return mutated[:1].upper() + mutated[1:] if word[:1].isupper() and mutated else mutated
    return word


def number(n: int, language: str, *, feminine: bool = False, before_noun: bool = False) -> str:
    """A whole number in words (Welsh in the decimal system people learn today: 21 = dau ddeg un).
    `before_noun`: it counts a noun that follows, so Welsh says "pum awr", "chwe awr", not "pump", "chwech"."""
    if n < 0:
        return ("minws " if language == "cy" else "minus ") + number(-n, language, feminine=feminine,
                                                                      before_noun=before_noun)
    if n >= 10000:
        return " ".join(number(int(digit), language) for digit in str(n))
    if language != "cy":
        return _english(n)
    words = _welsh(n, feminine)
    if before_noun:
        words = re.sub(r"\bpump$", "pum", re.sub(r"\bchwech$", "chwe", words))
    return words


def _welsh(n: int, feminine: bool) -> str:
    if feminine and n in _CY_FEMININE:
        return _CY_FEMININE[n]
    if n < 10:
        return _CY_UNITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        if tens == 1:
            return f"un deg {_welsh(units, feminine)}" if units else "deg"
        head = "dau ddeg" if tens == 2 else f"{_CY_UNITS_BEFORE[tens]} deg"
        return head if not units else f"{head} {_welsh(units, feminine)}"
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        mutated = {1: "cant", 2: "dau gant", 3: "tri chant", 6: "chwe chant"}
        head = mutated.get(hundreds, f"{_CY_UNITS_BEFORE[hundreds]} cant")
        return head if not rest else f"{head} {_welsh(rest, feminine)}"
    thousands, rest = divmod(n, 1000)
    head = {1: "mil", 2: "dwy fil"}.get(thousands) or f"{_welsh(thousands, True)} mil"
    return head if not rest else f"{head} {_welsh(rest, feminine)}"


def _english(n: int) -> str:
    if n < 20:
        return _EN_UNITS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_UNITS[units]}" if units else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_EN_UNITS[hundreds]} hundred" + (f" and {_english(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    return f"{_english(thousands)} thousand" + ((" and " if rest < 100 else " ") + _english(rest) if rest else "")


def ordinal_day(day: int, language: str) -> str:
    """The day of a month as said before the month: "y pumed" / "the fifth"."""
    if language == "cy":
        word = _CY_ORDINALS[day]
        return ("yr " if word[0] in "aeiouwy" else "y ") + word
    if day <= 20:
        return "the " + _EN_ORDINALS[day]
    tens, units = divmod(day, 10)
    return "the " + (_EN_TENS[tens] + "-" + _EN_ORDINALS[units] if units else _EN_TENS[tens][:-1] + "ieth")


def _part_of_day(hour: int, language: str) -> str:
    if language == "cy":
        return "yn y bore" if hour < 12 else "yn y prynhawn" if hour < 18 else "gyda'r nos"
    return "in the morning" if hour < 12 else "in the afternoon" if hour < 18 else "in the evening"


def clock(hour: int, minute: int, language: str) -> str:
    """A time as people say it: "hanner awr wedi dau yn y prynhawn" / "half past two in the afternoon"."""
    if minute == 0 and hour in (0, 12):
        return {("cy", 0): "hanner nos", ("cy", 12): "hanner dydd", ("en", 0): "midnight",
                ("en", 12): "midday"}[(language if language == "cy" else "en", hour)]
    to_next = minute > 30
    shown = (hour + 1 if to_next else hour) % 12
    gap = 60 - minute if to_next else minute
    part = _part_of_day(hour, language)
    if language == "cy":
        name = _CY_CLOCK[shown]
        if minute == 0:
            return f"{name} o'r gloch {part}"
        said = {15: "chwarter", 30: "hanner awr"}.get(gap) or _welsh_minutes(gap)
        return f"{said} {'i ' + soft_mutation(name) if to_next else 'wedi ' + name} {part}"
    name = _EN_UNITS[shown or 12]
    if minute == 0:
        return f"{name} o'clock {part}"
    said = {15: "quarter", 30: "half"}.get(gap) or (_english(gap) + (" minute" if gap == 1 else " minutes"))
    return f"{said} {'to' if to_next else 'past'} {name} {part}"


def _welsh_minutes(gap: int) -> str:
    traditional = {5: "pum munud", 10: "deg munud", 20: "ugain munud", 25: "pum munud ar hugain", 1: "un munud"}
    return traditional.get(gap) or f"{_welsh(gap, False)} munud"


def date(moment: datetime, language: str) -> str:
    """A day as people say it: "dydd Sadwrn y pumed o Ragfyr" / "Saturday the fifth of December"."""
    weekday = format_datetime(moment, "EEEE", locale=language)
    month = format_datetime(moment, "MMMM", locale=language)
    if language == "cy":
        return f"{weekday[:1].lower()}{weekday[1:]} {ordinal_day(moment.day, 'cy')} o {soft_mutation(month)}"
    return f"{weekday} {ordinal_day(moment.day, 'en')} of {month}"


def when_words(moment: datetime, zone: ZoneInfo, language: str, *, in_sentence: bool = False) -> str:
    """A moment in the group's time zone, said aloud: "dydd Sadwrn y pumed o Ragfyr, hanner awr wedi dau …".

    `in_sentence`: the date follows a verb as an adverb ("Mae'n dechrau ddydd Sadwrn …"), so Welsh mutates it."""
    local = moment.astimezone(zone)
    day = date(local, language)
    if language == "cy" and in_sentence:
        day = soft_mutation(day)
    return f"{day}, {clock(local.hour, local.minute, language)}"


_TAG = re.compile(r"<[^>]+>")
_TIME = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b")
_POUNDS = re.compile(r"£\s?(\d+)")
# Feminine nouns counted with a figure: dwy awr, tair sedd, pedair archeb, pum wythnos, chwe noson
_HOURS = re.compile(r"\b(\d+) (awr|sedd|archeb|wythnos|noson)\b")
_NUMBER = re.compile(r"\d+")


def _months(language: str) -> dict[str, int]:
    names = get_month_names("wide", locale=language)
    return {str(name): number for number, name in names.items()}


def speakable(text: str, language: str) -> str:
    """A message as plain words for a speech synthesiser: no markup or emoji; dates, times, money and
    numbers written out ("5 Rhagfyr, 14:30" -> "y pumed o Ragfyr, hanner awr wedi dau yn y prynhawn")."""
    plain = html.unescape(_TAG.sub("", text))
    months = _months(language)
    month_pattern = re.compile(r"\b([1-9]|[12]\d|3[01]) (" + "|".join(map(re.escape, months)) + r")\b")
    if language == "cy":
        plain = month_pattern.sub(lambda m: f"{ordinal_day(int(m[1]), 'cy')} o {soft_mutation(m[2])}", plain)
    else:
        plain = month_pattern.sub(lambda m: f"{ordinal_day(int(m[1]), 'en')} of {m[2]}", plain)
    plain = _TIME.sub(lambda m: clock(int(m[1]), int(m[2]), language), plain)
    money = _punnoedd if language == "cy" else (lambda n: f"{number(n, 'en')} pound" + ("" if n == 1 else "s"))
    plain = _POUNDS.sub(lambda m: money(int(m[1])), plain)
    if language == "cy":
        plain = _HOURS.sub(lambda m: f"{number(int(m[1]), 'cy', feminine=True, before_noun=True)} {m[2]}", plain)
    plain = _NUMBER.sub(lambda m: number(int(m[0]), language), plain)
    plain = plain.replace("–", " i " if language == "cy" else " to ").replace("•", ",").replace("·", ",")
    kept = re.sub(r"\s+([,.])", r"\1", "".join(ch for ch in plain if _spoken(ch)))
    lines = [" ".join(line.split()) for line in kept.splitlines()]
    return ".\n".join(line.rstrip(".") for line in lines if line.strip(" .,:")) + ("." if kept.strip() else "")


def _punnoedd(n: int) -> str:
    """Pounds in Welsh: "punt" is feminine and mutates after the number's last word (un bunt, dwy bunt,
    chwe phunt, pum punt, dau ddeg punt)."""
    words = number(n, "cy", feminine=True, before_noun=True)
    last = words.split()[-1]
    return f"{words} {'bunt' if last in ('un', 'dwy') else 'phunt' if last == 'chwe' else 'punt'}"


def _spoken(ch: str) -> bool:
    """Letters, digits, spaces and ordinary punctuation; emoji and other symbols are not read out."""
    category = unicodedata.category(ch)
    return not (category in ("So", "Sk", "Cs", "Co", "Cn") or ch in "\ufe0f\u200d")
