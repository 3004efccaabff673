"""Easy Read: a private message can carry a second form, written for people who read with difficulty.

A handler gives both forms with `both(standard, easy)`; the result is itself a Render (it renders the
standard form), so every existing path that takes a Render keeps working, and group posts stay standard.
Whoever sends to one person (bot/chat/outbound.py) picks the Easy Read form when that person chose it.

Easy Read forms are their own catalog entries, with the message context "easy":
`tr.p_("easy", "📅 When: %(when)s")`. Rules (../shared/LANGUAGE.md): one idea per line, 3-5 lines,
a fixed emoji at the start of each line, short sentences, the person's one language, adult tone.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.i18n.markup import Markup
from bot.i18n.translator import Render, Tr

EASY = "easy"  # the msgctxt of every Easy Read form

# What an "I need help" press is about, so the coordinators' note can say it ("on the proposal: …").
SUBJECT_KINDS = {"p": "proposal", "m": "meetup", "w": "writing a proposal for a group (its chat id)", "-": "general"}


@dataclass(frozen=True)
class Subject:
    kind: str  # a key of SUBJECT_KINDS
    ref: int = 0  # the proposal's or meet-up's id, or the group's chat id

    def __post_init__(self) -> None:
        if self.kind not in SUBJECT_KINDS:
            raise ValueError(f"unknown help subject {self.kind!r}")


GENERAL = Subject("-")


@dataclass(frozen=True)
class Readable:
    """A message in its standard form, with its Easy Read form (and, optionally, words to speak).

    Called like any Render it gives the standard form."""

    standard: Render
    easy: Render
    speech: Render | None = None  # numbers, dates and times written as words; default: the easy form, read out
    about: Subject = GENERAL

    def __call__(self, tr: Tr) -> Markup:
        return self.standard(tr)


def both(standard: Render, easy: Render, *, speech: Render | None = None, about: Subject | None = None) -> Readable:
    """A private message in both forms; `about` says what "I need help" under it is about."""
    return Readable(standard, easy, speech, about or GENERAL)


def easy_form(render: Render) -> Render:
    """The Easy Read form of a message, or the message itself when it has none."""
    return render.easy if isinstance(render, Readable) else render


def speech_form(render: Render) -> Render:
    """What the 🔊 voice note says: its own speech form, else the Easy Read form."""
    if isinstance(render, Readable):
        return render.speech or render.easy
    return render


def subject_of(render: Render) -> Subject:
    return render.about if isinstance(render, Readable) else GENERAL


def has_easy_form(render: Render) -> bool:
    return isinstance(render, Readable)
