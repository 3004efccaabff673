"""A readable transcript of a conversation with the bot: what each person did, what the bot showed.

The Narrator runs each step, then prints the bot messages that appeared or changed in every chat it
watches, with their buttons. Used by `criw demo --tour` and handy when a test fails.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.playground.emulator import TelegramEmulator


def _shown(message: dict[str, Any]) -> str:
    """The text as a person sees it (the emulator keeps text after parsing, as Telegram does)."""
    return str(message.get("text") or message.get("caption") or "")


def _buttons(message: dict[str, Any]) -> str:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return "\n".join("      " + "  ".join(f"[{button['text']}]" for button in row) for row in rows)


#: Told about each step before it runs (the chat, the description): the web page follows the tour with it.
StepHook = Callable[[int, str], Awaitable[None]]


class Narrator:
    def __init__(self, emulator: TelegramEmulator, chats: dict[int, str], on_step: StepHook | None = None) -> None:
        self.emulator = emulator
        self.chats = chats  # chat id -> heading
        self.on_step = on_step
        self.lines: list[str] = []
        self._seen: dict[tuple[int, int], str] = {}
        self._current_chat: int | None = None
        self._snapshot()

    def _snapshot(self) -> dict[int, list[dict[str, Any]]]:
        return {chat_id: self.emulator.bot_messages(chat_id) for chat_id in self.chats}

    async def step(self, chat_id: int, action: str, run: Awaitable[Any]) -> None:
        """Do one thing in a chat (described for the reader), then show how the bot responded."""
        self._heading(chat_id)
        self.lines.append(f"» {action}")
        if self.on_step is not None:
            await self.on_step(chat_id, action)
        await run
        for watched, messages in self._snapshot().items():
            for message in messages:
                key = (watched, message["message_id"])
                shown = _shown(message) + _buttons(message)
                before = self._seen.get(key)
                self._seen[key] = shown
                if before == shown or (before is not None and before.startswith(shown) and not _buttons(message)):
                    continue  # unchanged, or only its buttons were taken away after a press
                edited = before is not None
                self._heading(watched)
                label = "Criw (edited)" if edited else "Criw"
                body = _shown(message).replace("\n", "\n      ")
                self.lines.append(f"{label}: {body}")
                if buttons := _buttons(message):
                    self.lines.append(buttons)

    def _heading(self, chat_id: int) -> None:
        if chat_id != self._current_chat:
            self._current_chat = chat_id
            self.lines.append(f"\n━━ {self.chats[chat_id]} ━━")

    def text(self) -> str:
        return "\n".join(self.lines).strip() + "\n"
