"""A Platform that carries out nothing but checks everything, the way Telegram (and the emulator) would:
text length after HTML parsing, valid Telegram HTML, callback_data of 1-64 bytes, button labels, pop-up
length. Every action is recorded; every problem is collected, so a property test can insist on none.

It also keeps each chat's latest keyboard, so a test can press the bot's real buttons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.chat.actions import (
    Action,
    AnswerCallback,
    EditKeyboard,
    EditMessage,
    SendDocument,
    SendMessage,
    SendVoice,
    Sent,
    SetMenu,
)
from bot.chat.keyboard import Keyboard
from bot.playground.emulator_html import HtmlEntityError, parse_html, strip_text
from bot.playground.emulator_messages import MAX_ALERT_TEXT, MAX_BUTTONS, MAX_CALLBACK_DATA_BYTES, MAX_CAPTION, MAX_TEXT


@dataclass
class CheckedPlatform:
    admins: set[int] = field(default_factory=set)
    members: set[int] = field(default_factory=set)
    bot_username: str = "criw_test_bot"
    actions: list[Action] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    keyboards: dict[int, tuple[int, Keyboard]] = field(default_factory=dict)  # chat -> (message id, its buttons)
    _next_id: int = 1000

    async def perform(self, action: Action) -> Sent | None:
        self.actions.append(action)
        match action:
            case SendMessage(chat_id, text, keyboard, _):
                self._text(text, MAX_TEXT, "message", empty_ok=False)
                self._next_id += 1
                self._keyboard(chat_id, self._next_id, keyboard)
                return Sent(chat_id, self._next_id)
            case EditMessage(chat_id, message_id, text, keyboard):
                self._text(text, MAX_TEXT, "edit", empty_ok=False)
                self._keyboard(chat_id, message_id, keyboard)
                return Sent(chat_id, message_id)
            case EditKeyboard(chat_id, message_id, keyboard):
                self._keyboard(chat_id, message_id, keyboard)
                return Sent(chat_id, message_id)
            case AnswerCallback(_, text, _):
                if len(text) > MAX_ALERT_TEXT:
                    self.problems.append(f"pop-up of {len(text)} characters: {text[:60]!r}")
                return None
            case SendDocument(chat_id, filename, content, caption) | SendVoice(chat_id, content, _, filename, caption):
                self._text(caption, MAX_CAPTION, "caption", empty_ok=True)
                if not content and not filename:
                    self.problems.append("an empty file")
                self._next_id += 1
                return Sent(chat_id, self._next_id)
            case SetMenu(_, language):
                if language not in ("cy", "en"):
                    self.problems.append(f"a menu in {language!r}")
                return None
        self.problems.append(f"unknown action {action!r}")
        return None

    async def member_status(self, chat_id: int, telegram_id: int) -> str:
        if telegram_id in self.admins:
            return "administrator"
        return "member" if telegram_id in self.members else "left"

    def _text(self, text: str, limit: int, what: str, *, empty_ok: bool) -> None:
        try:
            parsed = strip_text(parse_html(text))
        except HtmlEntityError as error:
            self.problems.append(f"{what} is not valid Telegram HTML ({error}): {text[:200]!r}")
            return
        if not parsed.text and not empty_ok:
            self.problems.append(f"an empty {what}")
        if len(parsed.text) > limit:
            self.problems.append(f"{what} of {len(parsed.text)} characters (limit {limit})")

    def _keyboard(self, chat_id: int, message_id: int, keyboard: Keyboard | None) -> None:
        if keyboard is None:
            return
        buttons = [button for row in keyboard.rows for button in row]
        if len(buttons) > MAX_BUTTONS:
            self.problems.append(f"{len(buttons)} buttons")
        for button in buttons:
            if not button.text.strip():
                self.problems.append("a button without a label")
            if button.data is not None and not 1 <= len(button.data.encode()) <= MAX_CALLBACK_DATA_BYTES:
                self.problems.append(f"callback_data of {len(button.data.encode())} bytes: {button.data!r}")
            if button.data is None and not button.url:
                self.problems.append(f"button {button.text!r} does nothing")
        self.keyboards[chat_id] = (message_id, keyboard)

    def buttons(self, chat_id: int) -> tuple[int, list[str]]:
        """The latest keyboard in the chat: its message id and the payloads of its buttons."""
        message_id, keyboard = self.keyboards.get(chat_id, (0, Keyboard()))
        return message_id, [button.data for row in keyboard.rows for button in row if button.data]
