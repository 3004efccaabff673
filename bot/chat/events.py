"""Event: one thing that happened in a chat, in Criw's own words (no Telegram library types)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChatType(StrEnum):
    PRIVATE = "private"
    GROUP = "group"


class EventKind(StrEnum):
    MESSAGE = "message"  # text, including commands
    CALLBACK = "callback"  # a button press
    BOT_ADDED = "bot_added"  # the bot joined a group
    BOT_REMOVED = "bot_removed"  # the bot left or was removed from a group
    BOT_BLOCKED = "bot_blocked"  # a person blocked the bot in private
    BOT_UNBLOCKED = "bot_unblocked"
    CHAT_MIGRATED = "chat_migrated"  # group became a supergroup; new_chat_id is set


class Media(StrEnum):
    """What a message without text carries (Criw reads none of it, but answers every one in private)."""

    PHOTO = "photo"
    STICKER = "sticker"
    VOICE = "voice"  # a voice note, or any audio
    DOCUMENT = "document"
    LOCATION = "location"  # a shared place (also a venue or a live location)
    OTHER = "other"  # video, contact, poll, dice, ...


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Sender:
    telegram_id: int
    name: str
    language_hint: str | None = None  # Telegram's language_code: only a hint


@dataclass(frozen=True)
class Event:
    update_id: int
    kind: EventKind
    chat_id: int
    chat_type: ChatType
    sender: Sender | None
    chat_title: str = ""
    text: str = ""
    message_id: int | None = None  # the message sent, or the one whose button was pressed
    reply_to_sender: Sender | None = None  # author of the message this one replies to
    callback_id: str | None = None
    callback_data: str | None = None
    new_chat_id: int | None = None
    media: Media | None = None  # a message without text: what it carried
    place: Place | None = None  # with Media.LOCATION: where

    @property
    def is_private(self) -> bool:
        return self.chat_type is ChatType.PRIVATE

    @property
    def command(self) -> tuple[str, str] | None:
        """("help", "args") for "/help@criw_bot args"; None if the text is no command."""
        if self.kind is not EventKind.MESSAGE or not self.text.startswith("/"):
            return None
        head, _, args = self.text[1:].partition(" ")
        name = head.split("@", 1)[0].lower()
        return (name, args.strip()) if name else None
