"""Turn aiogram's Update objects into Criw Events (the only place aiogram's update types are read)."""

from __future__ import annotations

import logging

from aiogram.types import CallbackQuery, ChatMemberUpdated, Message, Update, User

from bot.chat.events import ChatType, Event, EventKind, Media, Place, Sender

log = logging.getLogger(__name__)
_LEFT = {"left", "kicked"}
_PRESENT = {"creator", "administrator", "member", "restricted"}


def _sender(user: User | None) -> Sender | None:
    if user is None:
        return None
    name = " ".join(part for part in (user.first_name, user.last_name) if part)
    return Sender(user.id, name, user.language_code)


def _chat_type(kind: str) -> ChatType:
    return ChatType.PRIVATE if kind == "private" else ChatType.GROUP


def _from_message(update_id: int, message: Message) -> Event | None:
    chat = message.chat
    common = dict(chat_id=chat.id, chat_type=_chat_type(chat.type), chat_title=chat.title or "")
    if message.migrate_to_chat_id:
        return Event(update_id, EventKind.CHAT_MIGRATED, sender=None, new_chat_id=message.migrate_to_chat_id,
                     **common)  # type: ignore[arg-type]
    media = None if message.text is not None else _media(message)
    if message.text is None and media is None:
        return None  # a service message (someone joined, a pinned message, ...)
    reply = message.reply_to_message
    place = Place(message.location.latitude, message.location.longitude) if message.location else None
    return Event(
        update_id, EventKind.MESSAGE, sender=_sender(message.from_user), text=message.text or "",
        message_id=message.message_id, reply_to_sender=_sender(reply.from_user) if reply else None,
        media=media, place=place if media is Media.LOCATION else None,
        **common,  # type: ignore[arg-type]
    )


def _media(message: Message) -> Media | None:
    """What a message without text carries; None for service messages, which nobody sent to Criw."""
    if message.location is not None:
        return Media.LOCATION
    if message.sticker is not None:
        return Media.STICKER
    if message.photo:
        return Media.PHOTO
    if message.voice is not None or message.audio is not None:
        return Media.VOICE
    if message.document is not None:
        return Media.DOCUMENT
    if any(getattr(message, kind, None) for kind in _OTHER_MEDIA):
        return Media.OTHER
    return None


_OTHER_MEDIA = ("video", "video_note", "animation", "contact", "poll", "dice", "game", "story")


def _from_callback(update_id: int, query: CallbackQuery) -> Event | None:
    message = query.message
    if message is None:
        return None
    chat = message.chat
    return Event(
        update_id, EventKind.CALLBACK, chat_id=chat.id, chat_type=_chat_type(chat.type),
        chat_title=chat.title or "", sender=_sender(query.from_user), message_id=message.message_id,
        callback_id=query.id, callback_data=query.data or "",
    )


def _from_member_change(update_id: int, change: ChatMemberUpdated) -> Event | None:
    status = change.new_chat_member.status
    if status not in _LEFT | _PRESENT:  # a status a newer Bot API added: neither joined nor left
        log.debug("update %s: membership status %.20r is not one Criw knows; ignored", update_id, status)
        return None
    gone = status in _LEFT
    private = change.chat.type == "private"
    if private:
        kind = EventKind.BOT_BLOCKED if gone else EventKind.BOT_UNBLOCKED
    else:
        kind = EventKind.BOT_REMOVED if gone else EventKind.BOT_ADDED
    return Event(
        update_id, kind, chat_id=change.chat.id, chat_type=_chat_type(change.chat.type),
        chat_title=change.chat.title or "", sender=_sender(change.from_user),
    )


def to_event(update: Update) -> Event | None:
    """The Event for an update, or None for kinds Criw does not act on."""
    if update.message is not None:
        return _from_message(update.update_id, update.message)
    if update.callback_query is not None:
        return _from_callback(update.update_id, update.callback_query)
    if update.my_chat_member is not None:
        return _from_member_change(update.update_id, update.my_chat_member)
    return None
