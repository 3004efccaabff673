"""Hours as people read them, from integer quarters: "dwy awr a hanner" / "2½ hours".

Welsh counts hours with number words before the feminine noun (dwy awr, tair awr, pedair awr), so the
number itself comes from the catalog ("a number of hours" context) and each template places it; past ten,
digits. Fractions are quarters only, so each has its own whole sentence-part in both languages.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.i18n.translator import Tr

# One literal call per number so `pybabel extract` finds each.
_WORDS: dict[int, Callable[[Tr], str]] = {
    1: lambda tr: tr.p_("a number of hours", "1"),
    2: lambda tr: tr.p_("a number of hours", "2"),
    3: lambda tr: tr.p_("a number of hours", "3"),
    4: lambda tr: tr.p_("a number of hours", "4"),
    5: lambda tr: tr.p_("a number of hours", "5"),
    6: lambda tr: tr.p_("a number of hours", "6"),
    7: lambda tr: tr.p_("a number of hours", "7"),
    8: lambda tr: tr.p_("a number of hours", "8"),
    9: lambda tr: tr.p_("a number of hours", "9"),
    10: lambda tr: tr.p_("a number of hours", "10"),
}


def _number(tr: Tr, whole: int) -> str:
    return _WORDS[whole](tr) if whole in _WORDS else tr.number(whole)


def hours_text(tr: Tr, quarters: int) -> str:
    """A length of time (the sign is the caller's business: this reads the absolute value)."""
    whole, part = divmod(abs(quarters), 4)
    if whole == 0:
        return {
            0: lambda: tr._("0 hours"),
            1: lambda: tr._("a quarter of an hour"),
            2: lambda: tr._("half an hour"),
            3: lambda: tr._("three quarters of an hour"),
        }[part]()
    number = _number(tr, whole)
    if part == 0:
        # Translators: number is a count of hours, already in words up to ten ("dwy" in Welsh).
        return tr.n_("%(number)s hour", "%(number)s hours", whole, number=number)
    if part == 1:
        # Translators: number is a count of whole hours, in words up to ten; this adds a quarter of an hour.
        return tr._("%(number)s¼ hours", number=number)
    if part == 2:
        # Translators: number is a count of whole hours, in words up to ten; this adds half an hour.
        return tr._("%(number)s½ hours", number=number)
    # Translators: number is a count of whole hours, in words up to ten; this adds three quarters of an hour.
    return tr._("%(number)s¾ hours", number=number)


def hours_decimal(quarters: int) -> str:
    """Hours as a plain decimal for spreadsheets ("2.5", "0.25", "-1"), whatever the language."""
    whole, part = divmod(abs(quarters), 4)
    sign = "-" if quarters < 0 else ""
    return f"{sign}{whole}" + ("", ".25", ".5", ".75")[part]


def hours_button(tr: Tr, quarters: int) -> str:
    """A length of time on a button: "Hanner awr", "Dwy awr", "Half an hour", "2 hours"."""
    text = hours_text(tr, quarters)
    return text[:1].upper() + text[1:]
