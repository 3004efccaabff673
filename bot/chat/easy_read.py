"""Easy Read in the chat core: the buttons under a private message for someone who chose Easy Read (or
🔊 Listen). Each carries words as well as its emoji, for screen readers.

- 🔊 Listen: a voice note of the message (only where voice notes can be made: see bot/voice/synth.py);
- 🤔 Not sure: under a question, for someone who does not know what to choose;
- 🆘 I need help: tells the group's coordinators, who get in touch (handlers/easy_read.py).
"""

from __future__ import annotations

from bot.chat.callbacks import encode
from bot.chat.keyboard import Button, Keyboard
from bot.i18n.easy import Subject
from bot.i18n.translator import Tr

LISTEN, UNSURE, NEED_HELP = "say", "unsure", "needhelp"


def listen_button(tr: Tr, spoken_id: int) -> Button:
    return Button(tr._("🔊 Listen"), encode(LISTEN, spoken_id))


def help_button(tr: Tr, subject: Subject) -> Button:
    return Button(tr._("🆘 I need help"), encode(NEED_HELP, subject.kind, subject.ref))


def unsure_button(tr: Tr, subject: Subject) -> Button:
    return Button(tr._("🤔 Not sure"), encode(UNSURE, subject.kind, subject.ref))


def with_extras(keyboard: Keyboard | None, tr: Tr, *, easy: bool, spoken_id: int | None,
                subject: Subject) -> Keyboard | None:
    """The message's own buttons, then Not sure (under a question) and I need help, then Listen."""
    rows = list(keyboard.rows) if keyboard else []
    if easy:
        question = any(button.data for row in rows for button in row)
        rows.append((unsure_button(tr, subject), help_button(tr, subject)) if question else (help_button(tr, subject),))
    if spoken_id is not None:
        rows.append((listen_button(tr, spoken_id),))
    return Keyboard(tuple(rows)) if rows else None
