"""What simulated people do: join, write, press buttons, add and remove the bot, block it, upgrade groups.

Each event changes the world and enqueues the Update(s) Telegram would send the bot. Mistakes in a
test (unknown user, a button that is not there) raise ``ValueError`` at once, with the reason.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from typing import Any

from . import emulator_objects as objects
from .emulator_html import utf16_len
from .emulator_state import (
    FIRST_USER_ID,
    GROUP_ID_BASE,
    SUPERGROUP_ID_BASE,
    CallbackRecord,
    ChatRecord,
    Person,
    World,
)

Obj = dict[str, Any]

_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
FIRST_QUERY_ID = 4_400_000_000_000_000_001


def add_user(
    world: World,
    first_name: str,
    *,
    user_id: int | None = None,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = "en",
) -> Obj:
    if user_id is None:
        user_id = world.next_number("user", FIRST_USER_ID)
        while user_id in world.people:
            user_id = world.next_number("user", FIRST_USER_ID)
    if user_id <= 0 or user_id in world.people or user_id == world.bot_id:
        raise ValueError(f"user id {user_id} is invalid or already taken")
    person = objects.user(
        user_id, first_name, last_name=last_name, username=username, language_code=language_code or None
    )
    world.people[user_id] = Person(person)
    world.chats[user_id] = ChatRecord(objects.private_chat(person), members={user_id: "member"})
    world.touch()
    return copy.deepcopy(person)


def create_group(
    world: World,
    title: str,
    *,
    members: Iterable[int] = (),
    admins: Iterable[int] = (),
    creator: int | None = None,
    supergroup: bool = False,
    username: str | None = None,
) -> Obj:
    statuses = {uid: "member" for uid in members} | {uid: "administrator" for uid in admins}
    if creator is not None:
        statuses[creator] = "creator"
    for uid in statuses:
        world.person(uid)
    number = world.next_number("group")
    chat_id = -(SUPERGROUP_ID_BASE + number) if supergroup else -(GROUP_ID_BASE + number)
    chat = objects.group_chat(chat_id, title, supergroup=supergroup, username=username)
    world.chats[chat_id] = ChatRecord(chat, members=statuses)
    world.touch()
    return copy.deepcopy(chat)


def _group(world: World, chat_id: int) -> ChatRecord:
    record = world.chat(chat_id, follow_migration=True)
    if record.is_private:
        raise ValueError(f"chat {chat_id} is a private chat, not a group")
    return record


def _actor(world: World, record: ChatRecord) -> Obj:
    """Someone to attribute group-wide events to: the creator, else an admin, else any member."""
    for wanted in ("creator", "administrator", "member"):
        for uid, status in record.members.items():
            if status == wanted and uid in world.people:
                return world.people[uid].user
    return world.bot_as_user()


def set_member_status(world: World, chat_id: int, user_id: int, status: str) -> Obj:
    record = _group(world, chat_id)
    if user_id == world.bot_id:
        world.set_bot_status(record, status, _actor(world, record))
    else:
        world.person(user_id)
        objects.chat_member({}, status)  # validates the status name
        record.members[user_id] = status
        world.touch()
    return world.member_object(record, user_id)


def bot_receives(world: World, record: ChatRecord, msg: Obj) -> bool:
    """Whether Telegram delivers a person's message to the bot (privacy mode rules for groups)."""
    if record.is_private:
        return True
    status = world.bot_status(record)
    if status not in objects.PRESENT_STATUSES:
        return False
    if not world.privacy_mode or status in ("creator", "administrator"):
        return True
    command = _COMMAND_RE.match(msg.get("text", ""))
    if command:
        _, _, target = command.group().partition("@")
        return not target or target.lower() == str(world.bot.get("username", "")).lower()
    reply = msg.get("reply_to_message")
    return reply is not None and world.is_bot_message(reply)


def _private_chat_member(world: World, person: Person, old: str, new: str) -> Obj:
    record = world.chats[person.user["id"]]
    bot = world.bot_as_user()
    change = objects.chat_member_updated(
        record.chat, person.user, world.now(), objects.chat_member(bot, old), objects.chat_member(bot, new)
    )
    return world.push("my_chat_member", change)


def user_sends(
    world: World, user_id: int, text: str, chat_id: int | None = None, reply_to_message_id: int | None = None
) -> Obj:
    """A person writes; returns the Update, or ``{}`` when Telegram would not tell the bot."""
    person = world.person(user_id)
    record = world.private_chat(user_id) if chat_id is None else world.chat(chat_id, follow_migration=True)
    if record.is_private:
        _open_private_chat(world, person, text)
    elif record.members.get(user_id) not in objects.PRESENT_STATUSES:
        raise ValueError(f"user {user_id} is not a member of chat {record.id}; add them to the group first")
    reply = world.reply_target(record, reply_to_message_id)
    if reply_to_message_id is not None and reply is None:
        raise ValueError(f"there is no message {reply_to_message_id} in chat {record.id} to reply to")
    command = _COMMAND_RE.match(text)
    entities = [{"type": "bot_command", "offset": 0, "length": utf16_len(command.group())}] if command else []
    msg = world.add_message(record, person.user, text=text, entities=entities, reply_to_message=reply)
    return world.push("message", msg) if bot_receives(world, record, msg) else {}


MEDIA_KINDS = ("photo", "sticker", "voice", "document", "location")


def user_shares(
    world: World, user_id: int, kind: str, chat_id: int | None = None, reply_to_message_id: int | None = None,
    latitude: float = 51.4816, longitude: float = -3.1791,
) -> Obj:
    """A person sends a photo, sticker, voice note, document or location (no text), as Telegram shapes them."""
    if kind not in MEDIA_KINDS:
        raise ValueError(f"kind must be one of {MEDIA_KINDS}, not {kind!r}")
    person = world.person(user_id)
    record = world.private_chat(user_id) if chat_id is None else world.chat(chat_id, follow_migration=True)
    if record.is_private:
        _open_private_chat(world, person, "")
    elif record.members.get(user_id) not in objects.PRESENT_STATUSES:
        raise ValueError(f"user {user_id} is not a member of chat {record.id}; add them to the group first")
    reply = world.reply_target(record, reply_to_message_id)
    number = world.next_number("shared_file")
    msg = world.add_message(record, person.user, reply_to_message=reply,
                            **{kind: _shared(kind, number, latitude, longitude)})
    return world.push("message", msg) if bot_receives(world, record, msg) else {}


def _shared(kind: str, number: int, latitude: float, longitude: float) -> Any:
    ids = {"file_id": f"{kind}-{number}", "file_unique_id": f"u{kind}{number}"}
    match kind:
        case "photo":  # a photo comes as several sizes
            return [{**ids, "width": 90, "height": 67, "file_size": 1200},
                    {**ids, "file_id": f"{kind}-{number}-big", "width": 1280, "height": 960, "file_size": 90000}]
        case "sticker":
            return {**ids, "type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False,
                    "emoji": "👍"}
        case "voice":
            return {**ids, "duration": 4, "mime_type": "audio/ogg", "file_size": 8000}
        case "document":
            return {**ids, "file_name": "notes.pdf", "mime_type": "application/pdf", "file_size": 20000}
    return {"latitude": latitude, "longitude": longitude}


def _open_private_chat(world: World, person: Person, text: str) -> None:
    """Writing to the bot lets it write back; after a block only (re)starting it does."""
    if person.blocked:
        if not text.startswith("/start"):
            raise ValueError(f"user {person.user['id']} blocked the bot; only /start (Restart) unblocks it")
        person.blocked = False
        _private_chat_member(world, person, "kicked", "member")
    person.started = True


def user_presses(world: World, user_id: int, chat_id: int, message_id: int, data: str, forged: bool) -> Obj:
    """A person presses an inline button; ``forged`` skips the checks, as a hostile client would."""
    person = world.person(user_id)
    record = world.chat(chat_id, follow_migration=True)
    msg = record.messages.get(message_id)
    if not forged:
        _check_press(world, record, msg, message_id, data)
    query_id = str(world.next_number("query", FIRST_QUERY_ID))
    shown = copy.deepcopy(msg) if msg is not None else objects.inaccessible_message(record.chat, message_id)
    world.queries[query_id] = CallbackRecord(query_id, user_id, record.id, message_id, data)  # until answered
    query = objects.callback_query(query_id, person.user, shown, world.chat_instance(record.id), data)
    return world.push("callback_query", query)


def _check_press(world: World, record: ChatRecord, msg: Obj | None, message_id: int, data: str) -> None:
    if msg is None:
        raise ValueError(f"message {message_id} is not in chat {record.id} (never sent, or deleted)")
    if not world.is_bot_message(msg):
        raise ValueError(f"message {message_id} in chat {record.id} was not sent by the bot")
    if world.find_button(msg, data) is None:
        buttons = objects.inline_buttons(msg.get("reply_markup"))
        offered = [(button.get("text"), button.get("callback_data")) for button in buttons]
        raise ValueError(f"message {message_id} has no button with callback_data {data!r}; it has {offered}")


def add_bot_to_group(world: World, chat_id: int, by_user_id: int, *, as_admin: bool = False) -> Obj:
    """Someone adds the bot: my_chat_member, plus the new_chat_members service message."""
    record = _group(world, chat_id)
    actor = world.person(by_user_id).user
    if world.bot_status(record) in objects.PRESENT_STATUSES:
        raise ValueError(f"the bot is already in chat {record.id}")
    update = world.set_bot_status(record, "administrator" if as_admin else "member", actor)
    service = world.add_message(record, actor, new_chat_members=[world.bot_as_user()])
    world.push("message", service)
    return update


def remove_bot_from_group(world: World, chat_id: int, by_user_id: int) -> Obj:
    """Someone removes the bot; removal from a supergroup is a ban, as on Telegram."""
    record = _group(world, chat_id)
    actor = world.person(by_user_id).user
    if world.bot_status(record) not in objects.PRESENT_STATUSES:
        raise ValueError(f"the bot is not in chat {record.id}")
    update = world.set_bot_status(record, "kicked" if record.chat["type"] == "supergroup" else "left", actor)
    world.add_message(record, actor, left_chat_member=world.bot_as_user())  # the bot no longer sees it
    return update


def user_blocks_bot(world: World, user_id: int) -> Obj:
    person = world.person(user_id)
    if person.blocked:
        raise ValueError(f"user {user_id} has already blocked the bot")
    old = world.bot_status(world.chats[user_id])
    person.blocked = True
    return _private_chat_member(world, person, old, "kicked")


def migrate_to_supergroup(world: World, chat_id: int) -> int:
    """Upgrade a group: a new chat id, the same people and history, service messages on both sides."""
    old = world.chat(chat_id)
    if old.chat["type"] != "group" or old.migrated_to is not None:
        raise ValueError(f"chat {chat_id} is not a basic group that can be upgraded")
    new_id = -(SUPERGROUP_ID_BASE + world.next_number("group"))
    new_chat = objects.group_chat(new_id, old.chat["title"], supergroup=True)
    new = ChatRecord(new_chat, members=dict(old.members), next_message_id=old.next_message_id)
    for message_id, msg in old.messages.items():
        moved = copy.deepcopy(msg)
        moved["chat"] = copy.deepcopy(new_chat)
        new.messages[message_id] = moved
    actor = _actor(world, old)
    bot_present = world.bot_status(old) in objects.PRESENT_STATUSES
    old_notice = world.add_message(old, actor, migrate_to_chat_id=new_id)
    old.migrated_to = new_id
    world.chats[new_id] = new
    new_notice = world.add_message(new, actor, migrate_from_chat_id=old.id)
    if bot_present:  # service messages reach the bot even in privacy mode
        world.push("message", old_notice)
        world.push("message", new_notice)
    return new_id


def user_edits(world: World, user_id: int, chat_id: int, message_id: int, text: str) -> Obj:
    """A person edits a message they sent. Returns the ``edited_message`` Update, or ``{}`` when Telegram
    would not tell the bot (privacy mode; and the queue drops it unless the bot asked for edits)."""
    record = world.chat(chat_id, follow_migration=True)
    msg = record.messages.get(message_id)
    if msg is None or msg.get("from", {}).get("id") != user_id or "text" not in msg:
        raise ValueError(f"user {user_id} has no text message {message_id} in chat {record.id} to edit")
    msg["text"], msg["edit_date"] = text, world.now()
    world.touch()
    return world.push("edited_message", copy.deepcopy(msg)) if bot_receives(world, record, msg) else {}


def user_deletes(world: World, user_id: int, chat_id: int, message_id: int) -> None:
    """A person deletes a message: their own, or (a group's admin) anyone's, the bot's posts included.
    Telegram tells the bot nothing; it finds out when it next edits the message."""
    record = world.chat(chat_id, follow_migration=True)
    msg = record.messages.get(message_id)
    if msg is None:
        raise ValueError(f"there is no message {message_id} in chat {record.id}")
    own = msg.get("from", {}).get("id") == user_id
    if not own and not record.is_private and record.members.get(user_id) not in ("creator", "administrator"):
        raise ValueError(f"user {user_id} may not delete others' messages in chat {record.id}: not an admin")
    del record.messages[message_id]
    world.touch()
