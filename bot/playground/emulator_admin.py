"""Bot API methods about the bot itself, its menus, chats and members, and how it gets updates."""

from __future__ import annotations

import copy
import re
from typing import Any

from . import emulator_objects as objects
from .emulator_state import CommandKey, World
from .emulator_updates import Webhook
from .emulator_wire import Call, bad_request, forbidden

Obj = dict[str, Any]

_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE_RE = re.compile(r"[a-z]{2}")
_SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")
MAX_COMMANDS = 100
MAX_COMMAND_DESCRIPTION = 256
_TEXT_LIMITS = {"description": 512, "short_description": 120, "name": 64}
_SCOPES_WITH_CHAT = frozenset({"chat", "chat_administrators", "chat_member"})  # need scope.chat_id
_PLAIN_SCOPES = frozenset({"default", "all_private_chats", "all_group_chats", "all_chat_administrators"})
_SCOPES = _PLAIN_SCOPES | _SCOPES_WITH_CHAT


# -- the bot and its updates --------------------------------------------------------------------


def get_me(world: World, call: Call) -> Obj:
    return copy.deepcopy(world.bot)


async def get_updates(world: World, call: Call) -> list[Obj]:
    limit = min(max(call.get_int("limit", 100) or 100, 1), 100)
    timeout = max(call.get_int("timeout", 0) or 0, 0)
    allowed = call.get_json("allowed_updates", list, "allowed updates")
    return await world.queue.get_updates(call.get_int("offset", 0) or 0, limit, timeout, allowed)


def set_webhook(world: World, call: Call) -> bool:
    url = call.get_str("url").strip()
    drop = call.get_bool("drop_pending_updates")
    if not url:
        world.queue.set_webhook(None, drop_pending=drop)
        return True
    # Telegram insists on HTTPS; a local emulator has to accept plain HTTP as well.
    if not url.startswith(("https://", "http://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = call.get_str("secret_token") or None
    if secret is not None and not _SECRET_RE.fullmatch(secret):
        raise bad_request("secret token contains unallowed characters")
    max_connections = call.get_int("max_connections", 40) or 40
    if not 1 <= max_connections <= 100:
        raise bad_request("bad webhook: max_connections must be between 1 and 100")
    allowed = call.get_json("allowed_updates", list, "allowed updates")
    if allowed is not None:
        world.queue.allowed_updates = list(allowed)
    hook = Webhook(url, secret, max_connections, call.get_str("ip_address") or None)
    world.queue.set_webhook(hook, drop_pending=drop)
    return True


def delete_webhook(world: World, call: Call) -> bool:
    world.queue.set_webhook(None, drop_pending=call.get_bool("drop_pending_updates"))
    return True


def get_webhook_info(world: World, call: Call) -> Obj:
    return world.queue.webhook_info()


def no_op(world: World, call: Call) -> bool:
    """close and logOut: nothing to release in an emulator."""
    return True


# -- menus and descriptions -----------------------------------------------------------------------


def _language(call: Call) -> str:
    language = call.get_str("language_code")
    if language and not _LANGUAGE_RE.fullmatch(language):
        raise bad_request("invalid language code specified")
    return language


def _command_key(world: World, call: Call) -> CommandKey:
    scope = call.get_json("scope", dict, "bot command scope") or {"type": "default"}
    kind = scope.get("type")
    if kind not in _SCOPES:
        raise bad_request("wrong bot command scope type specified")
    chat_id = user_id = None
    if kind in _SCOPES_WITH_CHAT:
        chat_id = world.chat_for_bot(Call("scope", {"chat_id": scope.get("chat_id")})).id
    if kind == "chat_member":
        user_id = world.user_for_bot(Call("scope", {"user_id": scope.get("user_id")}))["id"]
    return (kind, chat_id, user_id, _language(call))


def _checked_command(command: Any) -> Obj:
    if not isinstance(command, dict):
        raise bad_request("can't parse bot commands JSON object")
    name, description = command.get("command"), command.get("description")
    if not isinstance(name, str) or not _COMMAND_RE.fullmatch(name):
        raise bad_request("BOT_COMMAND_INVALID")
    if not isinstance(description, str) or not 1 <= len(description.strip()) <= MAX_COMMAND_DESCRIPTION:
        raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return {"command": name, "description": description}


def set_my_commands(world: World, call: Call) -> bool:
    commands = call.get_json("commands", list, "bot commands")
    if commands is None:
        raise bad_request("commands is empty")
    if len(commands) > MAX_COMMANDS:
        raise bad_request("too many commands specified")
    checked = [_checked_command(command) for command in commands]
    key = _command_key(world, call)
    if checked:
        world.commands[key] = checked
    else:
        world.commands.pop(key, None)
    world.touch()
    return True


def get_my_commands(world: World, call: Call) -> list[Obj]:
    return copy.deepcopy(world.commands.get(_command_key(world, call), []))


def menu_in_private_chat(world: World, user_id: int, language: str) -> list[Obj]:
    """The menu a person sees in their private chat with the bot, chosen as Telegram documents: the first
    list set for the chat, then all private chats, then the default, each with the app's language before
    without it."""
    for kind, chat_id in (("chat", user_id), ("all_private_chats", None), ("default", None)):
        for code in (language, ""):
            found = world.commands.get((kind, chat_id, None, code))
            if found:
                return copy.deepcopy(found)
    return []


def delete_my_commands(world: World, call: Call) -> bool:
    world.commands.pop(_command_key(world, call), None)
    world.touch()
    return True


def _set_text(world: World, call: Call, kind: str) -> bool:
    language, value = _language(call), call.get_str(kind)
    if len(value) > _TEXT_LIMITS[kind]:
        raise bad_request(f"{kind} is too long")
    texts = world.descriptions[kind]
    if value:
        texts[language] = value
    else:
        texts.pop(language, None)  # an empty text removes the one for that language
    if kind == "name" and not language:
        world.bot["first_name"] = value or world.default_name
    world.touch()
    return True


def _get_text(world: World, call: Call, kind: str) -> Obj:
    texts, language = world.descriptions[kind], _language(call)
    value = texts.get(language, "")
    if kind == "name":  # a bot always has a name: fall back to the default one
        value = value or texts.get("", "") or world.bot["first_name"]
    return {kind: value}


# -- chats and members ------------------------------------------------------------------------------


def get_chat(world: World, call: Call) -> Obj:
    return objects.chat_full_info(copy.deepcopy(world.chat_for_bot(call).chat))


def get_chat_member(world: World, call: Call) -> Obj:
    record = world.chat_for_bot(call)
    return world.member_object(record, world.user_for_bot(call)["id"])


def get_chat_administrators(world: World, call: Call) -> list[Obj]:
    record = world.chat_for_bot(call)
    if record.is_private:
        raise bad_request("there are no administrators in the private chat")
    admins = [uid for uid, status in record.members.items() if status in ("creator", "administrator")]
    return [world.member_object(record, uid) for uid in admins]


def get_chat_member_count(world: World, call: Call) -> int:
    record = world.chat_for_bot(call)
    if record.is_private:
        return 2
    return sum(1 for status in record.members.values() if status in objects.PRESENT_STATUSES)


def leave_chat(world: World, call: Call) -> bool:
    record = world.chat_for_bot(call)
    if record.is_private:
        raise bad_request("chat member status can't be changed in private chats")
    if world.bot_status(record) not in objects.PRESENT_STATUSES:
        raise forbidden(f"bot is not a member of the {record.chat['type']} chat")
    world.set_bot_status(record, "left", actor=world.bot_as_user())
    return True


HANDLERS = {
    "getMe": get_me,
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "close": no_op,
    "logOut": no_op,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setMyDescription": lambda world, call: _set_text(world, call, "description"),
    "getMyDescription": lambda world, call: _get_text(world, call, "description"),
    "setMyShortDescription": lambda world, call: _set_text(world, call, "short_description"),
    "getMyShortDescription": lambda world, call: _get_text(world, call, "short_description"),
    "setMyName": lambda world, call: _set_text(world, call, "name"),
    "getMyName": lambda world, call: _get_text(world, call, "name"),
    "getChat": get_chat,
    "getChatMember": get_chat_member,
    "getChatAdministrators": get_chat_administrators,
    "getChatMemberCount": get_chat_member_count,
    "leaveChat": leave_chat,
}
