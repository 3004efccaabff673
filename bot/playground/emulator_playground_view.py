"""What the playground page shows one person: their chats, each message as a client draws it, the
command menu a client would offer, and a version number that moves only when any of that changes.

Pure functions of the emulator's :class:`World`; the routes live in ``emulator_playground``.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from . import emulator_objects as objects
from .emulator_state import ChatRecord, World

Obj = dict[str, Any]

FILES_PATH = "/playground/api/files/"
_PREVIEW_CHARS = 80


def display_name(user: Obj) -> str:
    return " ".join(part for part in (user.get("first_name"), user.get("last_name")) if part) or "?"


def revision(value: Any) -> str:
    """A short fingerprint: the page redraws a message only when its revision changes."""
    encoded = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    return hashlib.blake2b(encoded, digest_size=8).hexdigest()


def can_see(world: World, user_id: int, record: ChatRecord) -> bool:
    """A person sees their own private chat with the bot and the groups they are in."""
    if record.is_private:
        return record.id == user_id
    return record.migrated_to is None and record.members.get(user_id) in objects.PRESENT_STATUSES


def visible_chats(world: World, user_id: int) -> list[ChatRecord]:
    """The person's private chat with the bot first, then their groups in the order they were made."""
    groups = [r for r in world.chats.values() if not r.is_private and can_see(world, user_id, r)]
    return [world.private_chat(user_id), *groups]


def chat_title(world: World, record: ChatRecord) -> str:
    """A private chat is shown under the bot's name, as a Telegram client shows it."""
    return str(world.bot["first_name"]) if record.is_private else str(record.chat.get("title", ""))


def chat_summary(world: World, record: ChatRecord) -> Obj:
    last = next(reversed(record.messages.values()), None) if record.messages else None
    present = [uid for uid, status in record.members.items() if status in objects.PRESENT_STATUSES]
    return {
        "id": record.id,
        "type": record.chat["type"],
        "title": chat_title(world, record),
        "members": len([uid for uid in present if uid != world.bot_id]),
        "bot_present": world.bot_status(record) in objects.PRESENT_STATUSES,
        "last_id": last["message_id"] if last else 0,
        "last_text": _preview(last) if last else "",
        "last_from_bot": bool(last and world.is_bot_message(last)),
    }


def _preview(message: Obj) -> str:
    text = str(message.get("text") or message.get("caption") or "")
    first_line = text.strip().split("\n", 1)[0]
    return first_line[:_PREVIEW_CHARS]


# -- messages ---------------------------------------------------------------------------------------


def message_view(world: World, message: Obj, viewer_id: int) -> Obj:
    """One message as the page draws it: sender, text with entities, buttons, file, service event."""
    sender = message.get("from") or {}
    reply = message.get("reply_to_message")
    view = {
        "id": message["message_id"],
        "rev": revision(message),
        "date": message.get("date", 0),
        "edited": "edit_date" in message,
        "from": {"id": sender.get("id"), "name": display_name(sender), "is_bot": bool(sender.get("is_bot"))},
        "mine": sender.get("id") == viewer_id,
        "text": str(message.get("text") or message.get("caption") or ""),
        "entities": message.get("entities") or message.get("caption_entities") or [],
        "buttons": [
            [button_view(world, button) for button in row]
            for row in (message.get("reply_markup") or {}).get("inline_keyboard", [])
        ],
        "file": file_view(world, message),
        "service": service_view(message),
        "reply_to": None,
    }
    if reply:
        view["reply_to"] = {
            "id": reply.get("message_id"),
            "name": display_name(reply.get("from") or {}),
            "text": _preview(reply),
        }
    return view


def button_view(world: World, button: Obj) -> Obj:
    """An inline button and what pressing it does; a deep link to this bot opens its chat in-page."""
    text = str(button.get("text", ""))
    if "callback_data" in button:
        return {"text": text, "kind": "callback", "data": button["callback_data"]}
    if "url" in button:
        payload = start_payload(world, str(button["url"]))
        if payload is not None:
            return {"text": text, "kind": "start", "payload": payload}
        return {"text": text, "kind": "url", "url": str(button["url"])}
    if "copy_text" in button:
        return {"text": text, "kind": "copy", "copy": str((button["copy_text"] or {}).get("text", ""))}
    return {"text": text, "kind": "other"}


def start_payload(world: World, url: str) -> str | None:
    """``https://t.me/<this bot>?start=<payload>`` -> payload ("" without one); None for other links."""
    username = re.escape(str(world.bot.get("username", "")))
    found = re.fullmatch(rf"(?:https?://)?t\.me/{username}(?:\?start=([\w-]{{0,64}}))?", url, re.IGNORECASE)
    return None if found is None else found.group(1) or ""


def file_view(world: World, message: Obj) -> Obj | None:
    """A photo (charts), voice note or document, with the address the page downloads it from."""
    if message.get("photo"):
        largest = max(message["photo"], key=lambda size: size.get("width", 0) * size.get("height", 0))
        return {"kind": "photo", "url": FILES_PATH + largest["file_id"], **_dimensions(largest)}
    if message.get("voice"):
        voice = message["voice"]
        return {"kind": "voice", "url": FILES_PATH + voice["file_id"], "duration": voice.get("duration", 0)}
    if message.get("document"):
        document = message["document"]
        stored = world.files.get(document["file_id"])
        return {
            "kind": "document",
            "url": FILES_PATH + document["file_id"],
            "name": document.get("file_name") or (stored.filename if stored else "file"),
            "mime": document.get("mime_type", ""),
            "size": document.get("file_size", 0),
        }
    return None


def _dimensions(size: Obj) -> Obj:
    return {"width": size.get("width", 0), "height": size.get("height", 0)}


def service_view(message: Obj) -> Obj | None:
    """Group events (people added or removed, upgrades), for the page to word in its own language."""
    actor = display_name(message.get("from") or {})
    if "new_chat_members" in message:
        return {"kind": "added", "actor": actor, "names": [display_name(u) for u in message["new_chat_members"]]}
    if "left_chat_member" in message:
        return {"kind": "removed", "actor": actor, "names": [display_name(message["left_chat_member"])]}
    if "migrate_to_chat_id" in message or "migrate_from_chat_id" in message:
        return {"kind": "upgraded", "actor": actor, "names": []}
    return None


# -- the command menu ---------------------------------------------------------------------------------


def commands_for(world: World, record: ChatRecord, user_id: int, language: str) -> list[Obj]:
    """The menu a client in ``language`` shows, resolving scopes in Telegram's documented order."""
    scopes: list[tuple[str, int | None, int | None]]
    if record.is_private:
        scopes = [("chat", record.id, None), ("all_private_chats", None, None)]
    else:
        admin = record.members.get(user_id) in ("creator", "administrator")
        scopes = [("chat_member", record.id, user_id)]
        scopes += [("chat_administrators", record.id, None)] if admin else []
        scopes += [("chat", record.id, None)]
        scopes += [("all_chat_administrators", None, None)] if admin else []
        scopes += [("all_group_chats", None, None)]
    for kind, chat_id, scope_user in [*scopes, ("default", None, None)]:
        for code in (language, ""):
            commands = world.commands.get((kind, chat_id, scope_user, code))
            if commands:
                return [dict(command) for command in commands]
    return []


# -- the change feed ----------------------------------------------------------------------------------


class Feed:
    """A version number for everything the page can show; it moves only when that content changes.

    The emulator wakes waiters on every change, polls and bookkeeping included; recomputing a digest
    (only when the emulator's change count moved) keeps the page from redrawing for nothing.
    """

    def __init__(self, world: World) -> None:
        self.world = world
        self._version = 0
        self._count = -1
        self._digest = ""

    def version(self, extra: Any = None) -> int:
        """The current version; ``extra`` is page state kept outside the world (the tour's progress)."""
        count = self.world.changes.count
        if count != self._count:
            self._count = count
            digest = revision([_visible_state(self.world), extra])
            if digest != self._digest:
                self._digest = digest
                self._version += 1
        return self._version


def _visible_state(world: World) -> list[Any]:
    chats = [
        (record.id, record.chat, record.members, record.migrated_to, list(record.messages.values()))
        for record in world.chats.values()
    ]
    people = [(uid, person.started, person.blocked) for uid, person in world.people.items()]
    return [chats, people, len(world.callback_answers), sorted(world.commands.items(), key=str)]
