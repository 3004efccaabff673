"""Bot API methods that write, change and remove messages, and answer button presses."""

from __future__ import annotations

import copy
import time
from typing import Any

from . import emulator_objects as objects
from .emulator_html import HtmlEntityError, ParsedText, parse_html, strip_text
from .emulator_state import ChatRecord, World
from .emulator_wire import Call, bad_request

Obj = dict[str, Any]

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_ALERT_TEXT = 200
MAX_BUTTONS = 100
_BUTTON_ACTIONS = (
    "callback_data", "url", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
)  # fmt: skip
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
        "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    }
)  # fmt: skip
TEXT_BUTTONS_UNALLOWED = "Text buttons are unallowed in the inline keyboard"
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the same "
    "as a current content and reply markup of the message"
)


# -- validation shared by several methods -------------------------------------------------------


def formatted(call: Call, text_field: str, entities_field: str) -> ParsedText:
    """The text as Telegram stores it: HTML parsed (or explicit entities), surrounding space trimmed."""
    raw = call.get_str(text_field)
    explicit = call.get_json(entities_field, list, "entities")
    mode = call.get_str("parse_mode").lower()
    if explicit is not None or not mode:
        return strip_text(ParsedText(raw, explicit or []))
    if mode != "html":
        # Real Telegram knows Markdown too; Criw formats with HTML only, so the emulator does.
        mode = call.get_str("parse_mode")
        raise bad_request(f"unsupported parse_mode {mode!r} (the emulator speaks HTML only)")
    try:
        return strip_text(parse_html(raw))
    except HtmlEntityError as error:
        raise bad_request(f"can't parse entities: {error}") from None


def message_text(call: Call) -> ParsedText:
    parsed = formatted(call, "text", "entities")
    if not parsed.text:
        raise bad_request("message text is empty")
    if len(parsed.text) > MAX_TEXT:
        raise bad_request("message is too long")
    return parsed


def caption_text(call: Call) -> ParsedText:
    parsed = formatted(call, "caption", "caption_entities")
    if len(parsed.text) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return parsed


def inline_markup(call: Call) -> Obj | None:
    """A validated inline keyboard, or None (reply keyboards are accepted but never echoed back)."""
    markup = call.get_json("reply_markup", dict, "reply keyboard markup")
    if not markup or "inline_keyboard" not in markup:
        return None
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse inline keyboard markup: inline_keyboard must be an Array of Arrays")
    buttons = [_check_button(button) for row in rows for button in row]
    if len(buttons) > MAX_BUTTONS:
        raise bad_request("reply markup is too long")
    return {"inline_keyboard": [[objects.compact(button) for button in row] for row in rows]}


def _check_button(button: Any) -> Obj:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request('can\'t parse inline keyboard button: Field "text" must be of type String')
    if not any(button.get(action) is not None for action in _BUTTON_ACTIONS):
        raise bad_request(f"can't parse inline keyboard button: {TEXT_BUTTONS_UNALLOWED}")
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES:
        raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button and not str(button["url"]).strip():
        raise bad_request("BUTTON_URL_INVALID")
    return button


def reply_target(world: World, record: ChatRecord, call: Call) -> Obj | None:
    """The message being replied to, from reply_parameters or the older reply_to_message_id."""
    parameters = call.get_json("reply_parameters", dict, "reply parameters") or {}
    message_id = parameters.get("message_id", call.get_int("reply_to_message_id"))
    allow_missing = call.get_bool("allow_sending_without_reply")
    allow_missing = parameters.get("allow_sending_without_reply", allow_missing)
    if message_id is None:
        return None
    target = world.reply_target(record, int(message_id))
    if target is None and not allow_missing:
        raise bad_request("message to be replied not found")
    return target


def _own_message(world: World, call: Call, *, action: str) -> tuple[ChatRecord, Obj]:
    if call.has("inline_message_id"):
        raise bad_request("inline messages are not supported by the emulator")
    record = world.chat_for_bot(call)
    world.ensure_bot_can_post(record)
    msg = world.message_for_bot(record, call.req_int("message_id"), action=action)
    if not world.is_bot_message(msg):
        raise bad_request("message can't be edited")
    return record, msg


def _apply_edit(world: World, msg: Obj, changes: Obj) -> Obj:
    """Change a stored message in place; identical content is Telegram's "not modified" error."""
    if all(msg.get(key) == (value or None) for key, value in changes.items()):
        raise bad_request(NOT_MODIFIED)
    for key, value in changes.items():
        if value:
            msg[key] = value
        else:
            msg.pop(key, None)
    msg["edit_date"] = world.now()
    world.touch()
    return copy.deepcopy(msg)


# -- methods ----------------------------------------------------------------------------------


def send_message(world: World, call: Call) -> Obj:
    record = world.chat_for_bot(call)
    world.ensure_bot_can_post(record)
    parsed = message_text(call)
    markup = inline_markup(call)
    return world.add_message(
        record,
        world.bot_as_user(),
        reply_to_message=reply_target(world, record, call),
        text=parsed.text,
        entities=parsed.entities,
        reply_markup=markup,
    )


def edit_message_text(world: World, call: Call) -> Obj:
    _, msg = _own_message(world, call, action="edit")
    if "text" not in msg:
        raise bad_request("there is no text in the message to edit")
    parsed = message_text(call)
    # Leaving reply_markup out of an edit removes the keyboard, as on Telegram.
    changes = {"text": parsed.text, "entities": parsed.entities, "reply_markup": inline_markup(call)}
    return _apply_edit(world, msg, changes)


def edit_message_caption(world: World, call: Call) -> Obj:
    _, msg = _own_message(world, call, action="edit")
    if "text" in msg:
        raise bad_request("there is no caption in the message to edit")
    parsed = caption_text(call)
    changes = {
        "caption": parsed.text,
        "caption_entities": parsed.entities,
        "reply_markup": inline_markup(call),
    }
    return _apply_edit(world, msg, changes)


def edit_message_reply_markup(world: World, call: Call) -> Obj:
    _, msg = _own_message(world, call, action="edit")
    return _apply_edit(world, msg, {"reply_markup": inline_markup(call)})


def delete_message(world: World, call: Call) -> bool:
    record = world.chat_for_bot(call)
    message_id = call.req_int("message_id")
    msg = world.message_for_bot(record, message_id, action="delete")
    may_delete_others = record.is_private or world.bot_status(record) in ("creator", "administrator")
    if not world.is_bot_message(msg) and not may_delete_others:
        raise bad_request("message can't be deleted")
    del record.messages[message_id]
    world.touch()
    return True


def answer_callback_query(world: World, call: Call) -> bool:
    query = world.queries.get(call.get_str("callback_query_id"))
    if query is None or query.answered:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = call.get_str("text")
    if len(text) > MAX_ALERT_TEXT:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answered, query.answered_at = True, time.perf_counter()
    answer = {
        "callback_query_id": query.query_id,
        "user_id": query.user_id,
        "text": text,
        "show_alert": call.get_bool("show_alert"),
        "url": call.get_str("url") or None,
        "cache_time": call.get_int("cache_time", 0),
    }
    world.callback_answers.append(answer)
    world.touch()
    return True


def send_chat_action(world: World, call: Call) -> bool:
    record = world.chat_for_bot(call)
    world.ensure_bot_can_post(record)
    if call.get_str("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    return True


HANDLERS = {
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageCaption": edit_message_caption,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "answerCallbackQuery": answer_callback_query,
    "sendChatAction": send_chat_action,
}
