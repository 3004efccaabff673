"""Builders for Bot API objects as plain dicts, shaped so aiogram 3 and PTB 22 both accept them.

Every required field of the libraries' models is filled in (checked by tests that parse the
output with ``aiogram.types.Update.model_validate`` and ``telegram.Update.de_json``).
"""

from __future__ import annotations

import copy
from typing import Any

Obj = dict[str, Any]

MEMBER_STATUSES = ("creator", "administrator", "member", "restricted", "left", "kicked")
#: Statuses of someone who is in the chat (can read it, counts in getChatMemberCount).
PRESENT_STATUSES = frozenset({"creator", "administrator", "member", "restricted"})

_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_send_welcome_messages": False,
    "can_pin_messages": True,
    "can_manage_topics": False,
}
_RESTRICTED_RIGHTS = {
    "is_member": True,
    "can_send_messages": True,
    "can_send_audios": False,
    "can_send_documents": False,
    "can_send_photos": False,
    "can_send_videos": False,
    "can_send_video_notes": False,
    "can_send_voice_notes": False,
    "can_send_polls": False,
    "can_send_other_messages": False,
    "can_add_web_page_previews": False,
    "can_react_to_messages": True,
    "can_edit_tag": False,
    "can_change_info": False,
    "can_invite_users": False,
    "can_pin_messages": False,
    "can_manage_topics": False,
    "until_date": 0,
}
_ACCEPTED_GIFTS = {
    "unlimited_gifts": False,
    "limited_gifts": False,
    "unique_gifts": False,
    "premium_subscription": False,
    "gifts_from_channels": False,
}


def compact(obj: Obj) -> Obj:
    """Drop absent optional fields: Telegram omits them rather than sending null."""
    return {key: value for key, value in obj.items() if value is not None}


def user(
    user_id: int,
    first_name: str,
    *,
    is_bot: bool = False,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
) -> Obj:
    return compact(
        {
            "id": user_id,
            "is_bot": is_bot,
            "first_name": first_name,
            "last_name": last_name,
            "username": username,
            "language_code": language_code,
        }
    )


def private_chat(person: Obj) -> Obj:
    """The Chat object of a person's private chat with the bot (chat id == user id)."""
    return compact(
        {
            "id": person["id"],
            "type": "private",
            "first_name": person["first_name"],
            "last_name": person.get("last_name"),
            "username": person.get("username"),
        }
    )


def group_chat(chat_id: int, title: str, *, supergroup: bool, username: str | None = None) -> Obj:
    return compact(
        {"id": chat_id, "type": "supergroup" if supergroup else "group", "title": title, "username": username}
    )


def chat_full_info(chat: Obj) -> Obj:
    """getChat's ChatFullInfo: the Chat plus the fields both libraries require."""
    return {
        **chat,
        "accent_color_id": 0,
        "max_reaction_count": 11,
        "accepted_gift_types": dict(_ACCEPTED_GIFTS),
    }


def chat_member(person: Obj, status: str) -> Obj:
    """A ChatMember of the given status with every field that status requires."""
    if status not in MEMBER_STATUSES:
        raise ValueError(f"unknown chat member status {status!r}; use one of {MEMBER_STATUSES}")
    member: Obj = {"status": status, "user": copy.deepcopy(person)}
    if status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(_ADMIN_RIGHTS)
    elif status == "restricted":
        member.update(_RESTRICTED_RIGHTS)
    elif status == "kicked":
        member["until_date"] = 0  # banned forever
    return member


def chat_member_updated(chat: Obj, actor: Obj, date: int, old: Obj, new: Obj) -> Obj:
    return {
        "chat": copy.deepcopy(chat),
        "from": copy.deepcopy(actor),
        "date": date,
        "old_chat_member": old,
        "new_chat_member": new,
    }


def message(message_id: int, sender: Obj | None, chat: Obj, date: int, **fields: Any) -> Obj:
    """A Message; ``fields`` are optional Message fields (text, entities, reply_markup, ...)."""
    base: Obj = {"message_id": message_id}
    if sender is not None:
        base["from"] = copy.deepcopy(sender)
    base.update({"chat": copy.deepcopy(chat), "date": date})
    base.update(compact(fields))
    if not base.get("entities"):
        base.pop("entities", None)
    if not base.get("caption_entities"):
        base.pop("caption_entities", None)
    return base


def quoted(original: Obj) -> Obj:
    """A message as it appears in someone's reply_to_message: one level deep, like Telegram."""
    shallow = copy.deepcopy(original)
    shallow.pop("reply_to_message", None)
    return shallow


def inaccessible_message(chat: Obj, message_id: int) -> Obj:
    """What a callback query carries when its message is gone (date 0 marks it)."""
    return {"chat": copy.deepcopy(chat), "message_id": message_id, "date": 0}


def callback_query(query_id: str, sender: Obj, msg: Obj, chat_instance: str, data: str) -> Obj:
    return {
        "id": query_id,
        "from": copy.deepcopy(sender),
        "message": msg,
        "chat_instance": chat_instance,
        "data": data,
    }


def inline_buttons(markup: Obj | None) -> list[Obj]:
    """All inline keyboard buttons of a reply_markup, row by row."""
    if not markup:
        return []
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def update_type(update: Obj) -> str:
    """The kind of an Update: the one key besides update_id (``message``, ``callback_query``...)."""
    return next((key for key in update if key != "update_id"), "unknown")


def describe_update(update: Obj) -> str:
    """A one-line summary for error messages: ``#17 message from 1001 in 1001: '/start'``."""
    kind = update_type(update)
    body = update.get(kind) or {}
    sender = (body.get("from") or {}).get("id")
    chat = (body.get("chat") or (body.get("message") or {}).get("chat") or {}).get("id")
    detail = body.get("text") or body.get("data") or ""
    return f"#{update.get('update_id')} {kind} from {sender} in {chat}: {detail!r}"
