"""The keyboards for a person's choices (language, Easy Read, reminders), shared by /start and
/settings. A payload's last field says where the press came from: "setup" continues the /start flow."""

from __future__ import annotations

from bot.chat.callbacks import encode
from bot.chat.keyboard import Button, Keyboard
from bot.i18n.translator import Tr
from bot.services.people import QUIET_PRESETS

LANGUAGE, EASY_READ, REMINDERS, QUIET, LISTEN_SETTING = "lang", "easy", "remind", "quiet", "listenset"
STORIES_SETTING = "storyset"  # "what mattered?" after meet-ups: 1 on, 0 off
SETUP, SETTINGS = "setup", "set"


def language_keyboard(origin: str) -> Keyboard:
    # Language names are never translated: each is written in its own language, Welsh first.
    return Keyboard.of(
        [Button("Cymraeg", encode(LANGUAGE, "cy", origin)), Button("English", encode(LANGUAGE, "en", origin))]
    )


def yes_no_keyboard(tr: Tr, prefix: str, origin: str) -> Keyboard:
    return Keyboard.of(
        [
            Button(tr._("✅ Yes, please"), encode(prefix, "1", origin)),
            Button(tr._("❌ No, thanks"), encode(prefix, "0", origin)),
        ]
    )


def settings_keyboard(tr: Tr, easy_read: bool, reminders: bool, listen: bool | None = None,
                      stories: bool = True) -> Keyboard:
    """The /settings buttons; `listen` (🔊 buttons on or off) is offered only where voice notes can be made."""
    listening = [] if listen is None else [Button(
        tr._("🔊 Turn Listen buttons off") if listen else tr._("🔊 Turn Listen buttons on"),
        encode(LISTEN_SETTING, "0" if listen else "1"))]
    return Keyboard.column(
        Button(tr._("🗣 Change language"), encode(LANGUAGE, "ask", SETTINGS)),
        Button(
            tr._("📖 Turn Easy Read off") if easy_read else tr._("📖 Turn Easy Read on"),
            encode(EASY_READ, "0" if easy_read else "1", SETTINGS),
        ),
        Button(
            tr._("⏰ Turn reminders off") if reminders else tr._("⏰ Turn reminders on"),
            encode(REMINDERS, "0" if reminders else "1", SETTINGS),
        ),
        Button(tr._("🌙 Change quiet hours"), encode(QUIET, "ask")),
        Button(tr._("💬 Stop asking what mattered") if stories else tr._("💬 Ask me what mattered after meet-ups"),
               encode(STORIES_SETTING, "0" if stories else "1")),
        *listening,
    )


def quiet_keyboard(tr: Tr) -> Keyboard:
    return Keyboard.column(
        *(Button(f"{start}–{end}", encode(QUIET, preset)) for preset, (start, end) in QUIET_PRESETS.items()
          if preset != "none"),
        Button(tr._("No quiet hours"), encode(QUIET, "none")),
    )
