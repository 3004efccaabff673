"""Outbound: sending to groups and people, from a handler or from scheduled work with no update.

Private messages go in the recipient's own language; group posts in the group's. A closed private
chat is recorded (so nobody retries into a wall), and a group that moved to a supergroup is followed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.chat.actions import ChatMoved, EditMessage, SendMessage, Sent, Undeliverable
from bot.chat.keyboard import Keyboard
from bot.chat.platform import Platform
from bot.domain import language
from bot.i18n.translator import Render, render_in
from bot.services import groups, people

if TYPE_CHECKING:
    from bot.store.models import Group, Person
    from bot.store.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass
class Outbound:
    platform: Platform
    uow: UnitOfWorkFactory

    async def to_person(self, person: Person, render: Render, keyboard: Keyboard | None = None) -> Sent | None:
        """Write privately in the person's language; None if they can't be reached there."""
        text = render_in(language.for_person(person.language), render)
        return await self.send(SendMessage(person.telegram_id, text, keyboard))

    async def to_group(self, group: Group, render: Render, keyboard: Keyboard | None = None) -> Sent | None:
        """Post in the group's language(s); nothing is sent to a group the bot has left."""
        if not group.bot_present:
            return None
        text = render_in(language.for_group(group.language_mode), render)
        return await self.send(SendMessage(group.chat_id, text, keyboard))

    async def edit_group_post(
        self, group: Group, message_id: int, render: Render, keyboard: Keyboard | None = None
    ) -> Sent | None:
        if not group.bot_present:
            return None
        text = render_in(language.for_group(group.language_mode), render)
        return await self.platform.perform(EditMessage(group.chat_id, message_id, text, keyboard))

    async def send(self, action: SendMessage) -> Sent | None:
        """Send, recording a closed private chat, and following a group to its new supergroup id."""
        try:
            return await self.platform.perform(action)
        except Undeliverable:
            log.info("private chat %s is closed to the bot", action.chat_id)
            async with self.uow() as uow:
                await people.set_reachable(uow, action.chat_id, False)
            return None
        except ChatMoved as moved:
            async with self.uow() as uow:
                await groups.move_chat(uow, moved.chat_id, moved.new_chat_id)
            return await self.platform.perform(replace(action, chat_id=moved.new_chat_id))
