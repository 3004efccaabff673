"""What the emulated Telegram knows: people, chats with their messages and members, files, menus.

Two kinds of lookup live here: simulation-side ones (``person``, ``chat``) raise ``ValueError``
because a test made a mistake; bot-side ones (``chat_for_bot``, ``message_for_bot``...) raise
:class:`ApiError` because the bot made one, and Telegram would answer it with an error.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import emulator_objects as objects
from .emulator_updates import Changes, UpdateQueue
from .emulator_wire import Call, bad_request, forbidden

Obj = dict[str, Any]
CommandKey = tuple[str, int | None, int | None, str]  # scope type, scope chat, scope user, language

FIRST_USER_ID = 1001
GROUP_ID_BASE = 4_100_000_000  # basic groups: -41000000xx
SUPERGROUP_ID_BASE = 1_002_100_000_000  # supergroups: -10021000000xx (the "-100" prefix)


@dataclass
class Person:
    """A simulated Telegram user and their relationship with the bot."""

    user: Obj
    started: bool = False  # has written to the bot, so the bot may write to them
    blocked: bool = False


@dataclass
class ChatRecord:
    """A chat as the server sees it: messages by id (deleted ones removed) and member statuses."""

    chat: Obj
    members: dict[int, str] = field(default_factory=dict)
    messages: dict[int, Obj] = field(default_factory=dict)
    next_message_id: int = 1
    migrated_to: int | None = None

    @property
    def id(self) -> int:
        return int(self.chat["id"])

    @property
    def is_private(self) -> bool:
        return self.chat["type"] == "private"

    def take_message_id(self) -> int:
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id


@dataclass
class StoredFile:
    """A file the bot uploaded: kept whole so tests can inspect it and the bot can download it."""

    file_id: str
    file_unique_id: str
    file_path: str
    filename: str
    mime_type: str
    data: bytes
    kind: str  # document, photo or voice

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class CallbackRecord:
    query_id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    answered: bool = False
    # Monotonic seconds (time.perf_counter): when the press was queued for the bot, and when it was answered.
    queued_at: float = field(default_factory=time.perf_counter)
    answered_at: float | None = None


class World:
    """All emulator state. Every mutation should end with :meth:`touch` so waiters re-check."""

    def __init__(self, bot_user: Obj, *, privacy_mode: bool, clock: Callable[[], float] = time.time) -> None:
        self.bot = bot_user
        self.default_name = str(bot_user["first_name"])
        self.privacy_mode = privacy_mode
        self.clock = clock
        self.changes = Changes()
        self.queue = UpdateQueue(self.changes)
        self.people: dict[int, Person] = {}
        self.chats: dict[int, ChatRecord] = {}
        self.files: dict[str, StoredFile] = {}
        self.queries: dict[str, CallbackRecord] = {}
        self.callback_answers: list[Obj] = []
        self.commands: dict[CommandKey, list[Obj]] = {}
        self.descriptions: dict[str, dict[str, str]] = {
            "description": {},
            "short_description": {},
            "name": {},
        }
        self._counters: dict[str, int] = {}

    @property
    def bot_id(self) -> int:
        return int(self.bot["id"])

    def now(self) -> int:
        """Telegram dates are whole Unix seconds."""
        return int(self.clock())

    def next_number(self, series: str, start: int = 1) -> int:
        value = self._counters.get(series, start)
        self._counters[series] = value + 1
        return value

    def touch(self) -> None:
        self.changes.notify()

    def push(self, kind: str, payload: Obj) -> Obj:
        return self.queue.push(kind, payload)

    # -- simulation-side lookups (a wrong id is the test's mistake) ---------------------------

    def person(self, user_id: int) -> Person:
        if user_id not in self.people:
            raise ValueError(f"no simulated user {user_id}; create one with add_user()")
        return self.people[user_id]

    def chat(self, chat_id: int, *, follow_migration: bool = False) -> ChatRecord:
        if chat_id not in self.chats:
            raise ValueError(f"no chat {chat_id} in the emulator")
        record = self.chats[chat_id]
        while follow_migration and record.migrated_to is not None:
            record = self.chats[record.migrated_to]
        return record

    def private_chat(self, user_id: int) -> ChatRecord:
        self.person(user_id)
        return self.chats[user_id]

    def chat_instance(self, chat_id: int) -> str:
        """A stable opaque id per chat, as CallbackQuery.chat_instance is."""
        return str((chat_id * 2_654_435_761) % (2**63))

    # -- bot-side lookups (a wrong id is the bot's mistake: answer like Telegram) -------------

    def chat_for_bot(self, call: Call, name: str = "chat_id") -> ChatRecord:
        """Resolve a chat_id parameter (number or @username), refusing migrated groups."""
        raw = call.params.get(name)
        if raw in (None, ""):
            raise bad_request(f"{name} is empty")
        record = self.find_chat(raw)
        if record is None:
            raise bad_request("chat not found")
        if record.migrated_to is not None:
            upgraded = "group chat was upgraded to a supergroup chat"
            raise bad_request(upgraded, migrate_to_chat_id=record.migrated_to)
        return record

    def find_chat(self, raw: Any) -> ChatRecord | None:
        if isinstance(raw, str) and raw.startswith("@"):
            wanted = raw[1:].lower()
            named = (c for c in self.chats.values() if (c.chat.get("username") or "").lower() == wanted)
            return next(named, None)
        try:
            return self.chats.get(int(raw))
        except (TypeError, ValueError):
            return None

    def bot_status(self, record: ChatRecord) -> str:
        if record.is_private:
            person = self.people[record.id]
            return "kicked" if person.blocked else ("member" if person.started else "left")
        return record.members.get(self.bot_id, "left")

    def ensure_bot_can_post(self, record: ChatRecord) -> None:
        """The 403s Telegram gives when the bot may not write to a chat."""
        if record.is_private:
            person = self.people[record.id]
            if person.user.get("is_bot"):
                raise forbidden("bot can't send messages to bots")
            if person.blocked:
                raise forbidden("bot was blocked by the user")
            if not person.started:
                raise forbidden("bot can't initiate conversation with a user")
            return
        status = record.members.get(self.bot_id, "left")
        kind = record.chat["type"]
        if status == "kicked":
            raise forbidden(f"bot was kicked from the {kind} chat")
        if status not in objects.PRESENT_STATUSES:
            raise forbidden(f"bot is not a member of the {kind} chat")

    def message_for_bot(self, record: ChatRecord, message_id: int, *, action: str) -> Obj:
        """A message the bot refers to; ``action`` ("edit", "delete") words Telegram's error."""
        found = record.messages.get(message_id)
        if found is None:
            raise bad_request(f"message to {action} not found")
        return found

    def user_for_bot(self, call: Call) -> Obj:
        user_id = call.req_int("user_id")
        if user_id == self.bot_id:
            return self.bot_as_user()
        if user_id not in self.people:
            raise bad_request("user not found")
        return self.people[user_id].user

    def bot_as_user(self) -> Obj:
        """The bot as it appears in ChatMember and Message.from objects (no getMe extras)."""
        name, username = self.bot["first_name"], self.bot.get("username")
        return objects.user(self.bot_id, name, is_bot=True, username=username)

    # -- messages -----------------------------------------------------------------------------

    def add_message(self, record: ChatRecord, sender: Obj | None, **fields: Any) -> Obj:
        """Store a new message in a chat and return a copy of it."""
        msg = objects.message(record.take_message_id(), sender, record.chat, self.now(), **fields)
        record.messages[msg["message_id"]] = msg
        self.touch()
        return copy.deepcopy(msg)

    def reply_target(self, record: ChatRecord, message_id: int | None) -> Obj | None:
        if message_id is None:
            return None
        original = record.messages.get(message_id)
        return objects.quoted(original) if original is not None else None

    def is_bot_message(self, msg: Obj) -> bool:
        return (msg.get("from") or {}).get("id") == self.bot_id

    def find_button(self, msg: Obj, data: str) -> Obj | None:
        buttons = objects.inline_buttons(msg.get("reply_markup"))
        return next((button for button in buttons if button.get("callback_data") == data), None)

    # -- chats and members --------------------------------------------------------------------

    def member_status(self, record: ChatRecord, user_id: int) -> str:
        if user_id == self.bot_id:
            return self.bot_status(record)
        if record.is_private:
            return "member" if user_id == record.id else "left"
        return record.members.get(user_id, "left")

    def member_object(self, record: ChatRecord, user_id: int) -> Obj:
        person = self.bot_as_user() if user_id == self.bot_id else self.person(user_id).user
        return objects.chat_member(person, self.member_status(record, user_id))

    def set_bot_status(self, record: ChatRecord, status: str, actor: Obj) -> Obj:
        """Change the bot's status in a group and enqueue the my_chat_member update Telegram sends."""
        old = objects.chat_member(self.bot_as_user(), self.bot_status(record))
        record.members[self.bot_id] = status
        new = objects.chat_member(self.bot_as_user(), status)
        change = objects.chat_member_updated(record.chat, actor, self.now(), old, new)
        return self.push("my_chat_member", change)
