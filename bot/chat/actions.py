"""Actions: what a handler wants done in a chat. A transport carries them out."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.chat.keyboard import Keyboard
from bot.i18n.markup import Markup, plain


def _require_markup(text: str, what: str) -> None:
    """HTML sinks take only Markup, so no f-string or raw join can reach Telegram's parser unescaped."""
    if not isinstance(text, Markup):
        raise TypeError(f"{what} must be Markup (bot/i18n/markup.py), not {type(text).__name__}")


@dataclass(frozen=True)
class SendMessage:
    chat_id: int
    text: Markup  # Telegram HTML
    keyboard: Keyboard | None = None
    reply_to_message_id: int | None = None

    def __post_init__(self) -> None:
        _require_markup(self.text, "a message's text")


@dataclass(frozen=True)
class EditMessage:
    chat_id: int
    message_id: int
    text: Markup  # Telegram HTML
    keyboard: Keyboard | None = None

    def __post_init__(self) -> None:
        _require_markup(self.text, "a message's text")


@dataclass(frozen=True)
class EditKeyboard:
    """Replace (or, with None, remove) the buttons under a message, leaving its text."""

    chat_id: int
    message_id: int
    keyboard: Keyboard | None = None


@dataclass(frozen=True)
class AnswerCallback:
    callback_id: str
    text: str = ""  # plain text: a pop-up shows escapes literally
    alert: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", plain(self.text))


@dataclass(frozen=True)
class SendDocument:
    chat_id: int
    filename: str
    content: bytes
    caption: Markup = field(default_factory=Markup)  # sent with parse_mode HTML

    def __post_init__(self) -> None:
        _require_markup(self.caption, "a caption")


@dataclass(frozen=True)
class SendVoice:
    """A voice note (OGG/Opus bytes), or one Telegram already holds (file_id, sent again without uploading)."""

    chat_id: int
    content: bytes
    seconds: int = 1
    file_id: str | None = None
    caption: Markup = field(default_factory=Markup)  # sent with parse_mode HTML

    def __post_init__(self) -> None:
        _require_markup(self.caption, "a caption")


@dataclass(frozen=True)
class SetMenu:
    """Give one person's private chat the command menu in the language they chose in Criw (the profile's
    list for that language), whatever language their Telegram app is set to."""

    chat_id: int
    language: str


@dataclass(frozen=True)
class LeaveChat:
    """The bot leaves a group (one refused by the organisation)."""

    chat_id: int


Action = SendMessage | EditMessage | EditKeyboard | AnswerCallback | SendDocument | SendVoice | SetMenu | LeaveChat


@dataclass(frozen=True)
class Sent:
    """What a carried-out action produced (the new message's id, when there is one)."""

    chat_id: int
    message_id: int | None = None
    file_id: str | None = None  # an uploaded file's id at the messenger, for sending it again


class Undeliverable(Exception):
    """The person cannot be messaged privately (never pressed Start, or blocked the bot)."""

    def __init__(self, chat_id: int, reason: str) -> None:
        super().__init__(f"chat {chat_id}: {reason}")
        self.chat_id = chat_id
        self.reason = reason


class ChatMoved(Exception):
    """The group was upgraded to a supergroup; send again to new_chat_id."""

    def __init__(self, chat_id: int, new_chat_id: int) -> None:
        super().__init__(f"chat {chat_id} moved to {new_chat_id}")
        self.chat_id = chat_id
        self.new_chat_id = new_chat_id


class MessageGone(Exception):
    """The message to edit no longer exists (someone deleted it); a live post is sent again instead."""

    def __init__(self, chat_id: int, message_id: int) -> None:
        super().__init__(f"message {message_id} in chat {chat_id} is gone")
        self.chat_id = chat_id
        self.message_id = message_id
