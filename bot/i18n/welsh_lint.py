"""Welsh lint: the mechanical grammar slips an editor found in the catalog, made impossible to bring back.

Each rule looks at one Welsh msgstr (or one plural slot) and names the problem in a line a translator can act
on. `bot.i18n.checks` runs them over locales/cy, so `python -m bot.i18n.checks` and the catalog tests fail on
a new entry that breaks one. There is deliberately no allow-list: rephrase the sentence instead (see
locales/cy/REGISTER.md for how).

1. neu + an unmutated verb: *neu* causes soft mutation, verbs included (*neu bwyswch*, *neu deipiwch*,
   *neu ddewiswch*, *neu bwy*).
2. A placeholder straight after a mutation trigger (*i*, *ar*, *o*, *gan*, *at*, *a*, *â*, *neu*…): a value
   filled in at run time can't take the mutation (*i Dydd Sadwrn* should be *i ddydd Sadwrn*). Numbers and
   people's or groups' names are safe (figures don't mutate; house style leaves names as typed); anything
   else (dates, days, titles, hours in words) needs a label-and-value layout or a rebuilt sentence.
3. *person* / *pherson* after a figure above two, or in the zero, few, many or other slot of a plural entry:
   Welsh says *1 person*, *2 berson*, then *3 o bobl*, and *Neb…* for zero.
4. An English language name (*English*, *Welsh*) inside a Welsh sentence: *Cymraeg neu Saesneg*.
5. *gydag* before a consonant (including a /command that starts with one): *gydag* is only for a vowel.
6. The brand name mutated (*Griw*, *Nghriw*, *Chriw*): house style leaves *Criw* as it is (REGISTER.md).
"""

from __future__ import annotations

import re

# Rule 1. Imperatives (-wch) that begin with a consonant soft mutation changes. p/t/c/m/ll/rh are never the
# result of a soft mutation, so any such -wch verb is unmutated; b/d/g can be mutated forms (bwyswch <- pwyswch,
# deipiwch <- teipiwch, gadwch <- cadwch), so only the radical forms listed here count.
_RADICAL_BDG = [
    "byddwch", "bwciwch", "dewiswch", "defnyddiwch", "dywedwch", "dangoswch", "dechreuwch", "dewch", "darllenwch",
    "diweddarwch", "dilëwch", "gwiriwch", "gwnewch", "gofynnwch", "gadewch", "gallwch", "gwasgwch", "golygwch",
    "galwch", "gwyliwch", "gwrandewch", "gweithiwch",
]
_NEU_VERB = re.compile(
    r"\b[Nn]eu\s+((?:p|t|c(?!h)|m|ll|rh)[a-zâêîôûŵŷ']*wch|" + "|".join(_RADICAL_BDG) + r"|pwy)\b", re.IGNORECASE
)

# Rule 2. Words that cause a mutation of the next word (soft, aspirate or nasal) and are often followed by a value.
TRIGGERS = [
    "i", "ar", "o", "gan", "am", "at", "dan", "heb", "hyd", "drwy", "trwy", "wrth", "dros", "neu", "dy", "rhy",
    "mor", "pa",  # soft
    "a", "â", "gyda", "tua", "na", "tri", "chwe",  # aspirate (a/â/gyda/tua/na also before a vowel: ag, gydag, nag)
    "fy", "yn",  # nasal (yn before a noun or a place)
]
# Placeholders whose value never needs a mutation: figures (a figure is not mutated in writing) and names of
# people, groups and services, which house style leaves as typed (locales/cy/REGISTER.md).
SAFE_PLACEHOLDERS = frozenset([
    "n", "count", "limit", "low", "high", "amount", "left", "total", "number", "minutes", "size", "seats", "places",
    "spaces", "time", "times", "yes", "no", "abstain",  # figures (and clock times: 14:30)
    "name", "names", "member", "members", "actor", "group", "organiser", "coordinator", "supporter", "who", "person",
])
_AFTER_TRIGGER = re.compile(r"(?<![\w'’])(" + "|".join(TRIGGERS) + r")\s+%\((\w+)\)[sd]", re.IGNORECASE)
# The aspirate triggers only change c, p and t; a Welsh date starts with a figure or "dydd", so dates are safe there.
_ASPIRATE_ONLY = frozenset(["a", "â", "gyda", "tua", "na", "tri", "chwe"])
_DATES = frozenset(["start", "end", "since", "until", "when", "date", "day"])

# Rule 3.
_PERSON_AFTER_FIGURE = re.compile(r"(?<![\d.,])(?:[3-9]|\d{2,})\s+(?:person|pherson|berson)\b")
_COUNTED_PERSON = re.compile(r"%\(\w+\)[sd]\s+(?:person|pherson|berson)\b")

# Rule 4.
_ENGLISH_NAMES = re.compile(r"\b(English|Welsh)\b")

# Rule 5. After "gydag", skip a slash (a command) and markup before looking at the first letter.
_GYDAG = re.compile(r"\b[Gg]ydag\s+(?:<[^>]+>)*/?([^\s<])")
_VOWELS = set("aeiouwyâêîôûŵŷáéíóúàèìòùäëïöüAEIOUWYÂÊÎÔÛŴŶ")

# Rule 6.
_BRAND_MUTATED = re.compile(r"\b(?:Griw|Nghriw|Chriw)\b")

# Plural slots of the Welsh six-form rule: zero, one, two, few, many, other.
_SLOTS = ("zero", "one", "two", "few", "many", "other")


def _is_bare_language_name(text: str) -> bool:
    """A button or label that is only a language's own name ("English", "🇬🇧 English") is not a sentence."""
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) <= 1


def entry_problems(ident: str, strings: tuple[str, ...], plural: bool) -> list[str]:
    """The Welsh lint's findings for one entry (one line each, empty when it is fine)."""
    found: list[str] = []

    def add(rule: str, detail: str) -> None:
        line = f"cy: {rule} in {ident!r}: {detail}"
        if line not in found:
            found.append(line)

    for slot, text in enumerate(strings):
        if not text:
            continue
        for match in _NEU_VERB.finditer(text):
            add("neu + unmutated verb", f"{match.group(0)!r} (neu causes soft mutation: neu bwyswch, neu deipiwch)")
        for match in _AFTER_TRIGGER.finditer(text):
            trigger, name = match.group(1).lower(), match.group(2)
            if name not in SAFE_PLACEHOLDERS and not (trigger in _ASPIRATE_ONLY and name in _DATES):
                add("placeholder after a mutation trigger",
                    f"{match.group(0)!r} (the value can't mutate: use a label and value, or rebuild the sentence)")
        for match in _PERSON_AFTER_FIGURE.finditer(text):
            add("person after a figure above two", f"{match.group(0)!r} (say '3 o bobl')")
        if plural and slot not in (1, 2) and _COUNTED_PERSON.search(text):
            add("person in a plural slot", f"{_SLOTS[slot] if slot < 6 else slot}: {text!r} "
                "(1 person, 2 berson, then '%(n)s o bobl'; zero: 'Neb…')")
        if _ENGLISH_NAMES.search(text) and not _is_bare_language_name(text):
            add("English language name in Welsh", f"{text!r} (Cymraeg, Saesneg)")
        for match in _GYDAG.finditer(text):
            if match.group(1) not in _VOWELS:
                add("gydag before a consonant", f"{match.group(0)!r} (gyda before a consonant)")
        for match in _BRAND_MUTATED.finditer(text):
            add("brand name mutated", f"{match.group(0)!r} (Criw stays unmutated: i Criw, gan Criw)")
    return found
