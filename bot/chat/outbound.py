"""Outbound: sending to groups and people, from a handler or from scheduled work with no update.

Private messages go in the recipient's own language; group posts in the group's. A closed private
chat is recorded (so nobody retries into a wall), and a group that moved to a supergroup is followed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bot.chat.actions import ChatMoved, EditMessage, MessageGone, SendMessage, Sent, Undeliverable
from bot.chat.easy_read import with_extras
from bot.chat.keyboard import Keyboard
from bot.chat.platform import Platform
from bot.domain import language
from bot.domain.clock import Clock, SystemClock
from bot.i18n.easy import easy_form, speech_form, subject_of
from bot.i18n.translator import Render, Tr, render_in
from bot.services import groups, people, voice
from bot.voice.words import speakable

if TYPE_CHECKING:
    from bot.store.models import Group, Person
    from bot.store.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass
class Outbound:
    platform: Platform
    uow: UnitOfWorkFactory
    clock: Clock = field(default_factory=SystemClock)
    voice: bool = False  # voice notes can be made here, so 🔊 Listen buttons are offered

    async def to_person(self, person: Person, render: Render, keyboard: Keyboard | None = None) -> Sent | None:
        """Write privately in the person's language (Easy Read, if they chose it); None if they can't be
        reached there."""
        return await self.send(await self.private_message(person, render, keyboard))

    async def private_message(self, person: Person, render: Render, keyboard: Keyboard | None = None) -> SendMessage:
        """The message as this person gets it: in Easy Read, the Easy Read form in their one language with
        Not sure / I need help buttons; with 🔊 Listen where voice notes can be made and they want them."""
        languages = language.for_person(person.language)
        if not (person.easy_read or person.listen) or person.id is None:
            return SendMessage(person.telegram_id, render_in(languages, render), keyboard)
        tr = Tr(person.language or language.suggested(person.language_hint) or languages[0])
        text = easy_form(render)(tr) if person.easy_read else render_in(languages, render)
        spoken_id = None
        if self.voice:
            words = speakable(speech_form(render)(tr) if person.easy_read else render(tr), tr.language)
            async with self.uow() as uow:
                spoken_id = await voice.remember(uow, self.clock, person.id, tr.language, words) if words else None
        extras = with_extras(keyboard, tr, easy=person.easy_read, spoken_id=spoken_id, subject=subject_of(render))
        return SendMessage(person.telegram_id, text, extras)

    async def to_group(self, group: Group, render: Render, keyboard: Keyboard | None = None) -> Sent | None:
        """Post in the group's language(s); nothing is sent to a group the bot has left."""
        if not group.bot_present:
            return None
        return await self.send(self.group_message(group, render, keyboard))

    @staticmethod
    def group_message(group: Group, render: Render, keyboard: Keyboard | None = None) -> SendMessage:
        """A post as the group reads it: in its language(s)."""
        return SendMessage(group.chat_id, render_in(language.for_group(group.language_mode), render), keyboard)

    async def edit_group_post(
        self, group: Group, message_id: int, render: Render, keyboard: Keyboard | None = None
    ) -> Sent | None:
        """Bring a live post up to date. If it is gone (an admin deleted it), post it again: the Sent then
        carries the new message id, which the caller keeps for the next edit."""
        if not group.bot_present:
            return None
        text = render_in(language.for_group(group.language_mode), render)
        try:
            return await self.platform.perform(EditMessage(group.chat_id, message_id, text, keyboard))
        except MessageGone:
            log.info("post %s in group %s was deleted; posting it again", message_id, group.id)
            return await self.send(SendMessage(group.chat_id, text, keyboard))

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
