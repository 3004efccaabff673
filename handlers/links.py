"""Deep links: a group post sends people to a private chat with the bot, with a reason attached."""

from __future__ import annotations

from bot.chat.callbacks import ID_LIMIT
from bot.chat.keyboard import Button, Keyboard
from bot.i18n.translator import Render


def start_link(bot_username: str, payload: str) -> str:
    return f"https://t.me/{bot_username}?start={payload}"


def group_payload(chat_id: int) -> str:
    return f"g{chat_id}"


def parse_group_payload(payload: str) -> int | None:
    """The group chat id in a "g-100123" start payload, or None if it is anything else."""
    if not payload.startswith("g"):
        return None
    try:
        chat_id = int(payload[1:])
    except ValueError:
        return None
    return chat_id if -ID_LIMIT < chat_id < ID_LIMIT else None


def open_private_keyboard(label: str, bot_username: str, chat_id: int) -> Keyboard:
    return open_private_keyboard_to(label, bot_username, group_payload(chat_id))


def open_private_keyboard_to(label: str, bot_username: str, payload: str) -> Keyboard:
    """A button that opens the private chat with the bot and sends /start with `payload`."""
    return Keyboard.of([Button(label, url=start_link(bot_username, payload))])


def parse_propose_payload(payload: str) -> int | None:
    """The group chat id in a "p-100123" (propose for this group) start payload."""
    return parse_group_payload("g" + payload[1:]) if payload.startswith("p") else None


def parse_meetup_payload(payload: str) -> int | None:
    """The group chat id in a "m-100123" (set up a meet-up for this group) start payload."""
    return parse_group_payload("g" + payload[1:]) if payload.startswith("m") else None


PRESS_START: Render = lambda tr: tr._("Press Start")  # noqa: E731
