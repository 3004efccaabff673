"""The port a transport implements so the core can act in chats without knowing the messenger."""

from __future__ import annotations

from typing import Protocol

from bot.chat.actions import Action, Sent


class Platform(Protocol):
    @property
    def bot_username(self) -> str: ...

    async def perform(self, action: Action) -> Sent | None:
        """Carry out one action. Raises Undeliverable (private chat closed) or ChatMoved (migration)."""
        ...

    async def member_status(self, chat_id: int, telegram_id: int) -> str:
        """The person's status in the chat: creator, administrator, member, restricted, left or kicked."""
        ...
