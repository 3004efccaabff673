"""A simulated person's phone: send text, tap buttons by their label, read what the bot said.

Every action waits until the bot has finished reacting (``emu.settle``), so a test reads like a
conversation::

    ann = Phone(emu, emu.add_user("Ann", language_code="cy"))
    await ann.send("/start")
    await ann.tap("Cymraeg")
    assert "Croeso" in ann.last()
"""

from __future__ import annotations

from typing import Any

from .emulator import ChatRef, TelegramEmulator, chat_id_of
from .emulator_objects import inline_buttons

Obj = dict[str, Any]


class Phone:
    """One simulated person using Telegram; ``chat=None`` always means their private chat with the bot."""

    def __init__(self, emu: TelegramEmulator, user: Obj, *, timeout: float = 5.0) -> None:
        self.emu = emu
        self.user = user
        self.timeout = timeout  # how long each action waits for the bot to settle

    def __repr__(self) -> str:
        return f"Phone({self.name!r}, id={self.id})"

    @property
    def id(self) -> int:
        return int(self.user["id"])

    @property
    def name(self) -> str:
        return str(self.user.get("first_name", self.id))

    def _chat(self, chat: ChatRef | None) -> int:
        return self.id if chat is None else chat_id_of(chat)

    # -- acting -----------------------------------------------------------------------------------

    async def send(self, text: str, chat: ChatRef | None = None) -> Obj:
        """Write ``text`` (private chat by default) and wait for the bot to finish; returns the Update."""
        update = self.emu.user_sends(self.id, text, chat_id=None if chat is None else chat_id_of(chat))
        await self.emu.settle(self.timeout)
        return dict(update)

    async def share(self, kind: str, chat: ChatRef | None = None, *, latitude: float = 51.4816,
                    longitude: float = -3.1791) -> Obj:
        """Send a photo, sticker, voice note, document or location (at ``latitude``, ``longitude``)."""
        update = self.emu.user_shares(self.id, kind, chat_id=None if chat is None else chat_id_of(chat),
                                      latitude=latitude, longitude=longitude)
        await self.emu.settle(self.timeout)
        return dict(update)

    async def start(self, payload: str = "") -> Obj:
        """Press Start in the private chat (optionally through a deep link with ``payload``)."""
        return await self.send(f"/start {payload}".strip())

    async def tap(self, label: str, chat: ChatRef | None = None, message: Obj | int | None = None) -> Obj:
        """Press the button labelled ``label`` (exact text, else the one containing it) on the latest
        bot message in the chat that has one, or on ``message``; waits for the bot; returns the Update."""
        chat_id = self._chat(chat)
        msg, button = self._find_button(chat_id, label, message)
        if "callback_data" not in button:
            raise AssertionError(f"{self.name}: button {button['text']!r} is not a callback button: {button}")
        update = self.emu.user_presses(self.id, chat_id, msg["message_id"], button["callback_data"])
        await self.emu.settle(self.timeout)
        return dict(update)

    def _find_button(self, chat_id: int, label: str, message: Obj | int | None) -> tuple[Obj, Obj]:
        messages = list(reversed(self.emu.bot_messages(chat_id)))
        if message is not None:
            wanted = message["message_id"] if isinstance(message, dict) else int(message)
            messages = [m for m in messages if m["message_id"] == wanted]
        for msg in messages:
            button = _pick(msg, label, who=self.name)
            if button is not None:
                return msg, button
        seen = [(m["message_id"], labels) for m in messages[:5] if (labels := _labels(m))]
        raise AssertionError(
            f"{self.name} sees no button {label!r} in chat {chat_id}; "
            f"buttons on the latest bot messages (id, labels): {seen or 'none'}"
        )

    # -- reading ----------------------------------------------------------------------------------

    def inbox(self, chat: ChatRef | None = None) -> list[Obj]:
        """The bot's messages in the chat, oldest first, as they look now."""
        return self.emu.bot_messages(self._chat(chat))

    def last(self, chat: ChatRef | None = None) -> str | None:
        """Text (or caption) of the bot's latest message in the chat, None if it has said nothing."""
        message = self.emu.last_bot_message(self._chat(chat))
        if message is None:
            return None
        return message.get("text") or message.get("caption") or ""

    def buttons(self, chat: ChatRef | None = None) -> list[str]:
        """Labels on the latest bot message in the chat that has buttons."""
        for msg in reversed(self.inbox(chat)):
            if labels := _labels(msg):
                return labels
        return []

    @property
    def popups(self) -> list[str]:
        """Texts of the button-press answers (toasts and alerts) this person was shown."""
        return [a["text"] for a in self.emu.callback_answers if a["user_id"] == self.id and a["text"]]


def _labels(msg: Obj) -> list[str]:
    return [str(button.get("text")) for button in inline_buttons(msg.get("reply_markup"))]


def _pick(msg: Obj, label: str, *, who: str) -> Obj | None:
    """The button whose text is ``label``, else the only one containing it (case-insensitively)."""
    buttons = inline_buttons(msg.get("reply_markup"))
    exact = [b for b in buttons if b.get("text") == label]
    if exact:
        return exact[0]
    partial = [b for b in buttons if label.casefold() in str(b.get("text", "")).casefold()]
    if len(partial) > 1:
        raise AssertionError(
            f"{who}: {label!r} matches several buttons on message {msg['message_id']}: "
            f"{[b.get('text') for b in partial]}; use the full label"
        )
    return partial[0] if partial else None
