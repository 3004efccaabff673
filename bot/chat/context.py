"""Context: what a handler knows about an event and what it can do in reply."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.chat.actions import AnswerCallback, EditKeyboard, EditMessage, SendMessage, Sent
from bot.chat.callbacks import Callback
from bot.chat.coalesce import Coalescer
from bot.chat.events import Event
from bot.chat.keyboard import Keyboard
from bot.chat.outbound import Outbound
from bot.chat.platform import Platform
from bot.domain import language
from bot.domain.clock import Clock
from bot.i18n.easy import easy_form
from bot.i18n.markup import Markup, plain
from bot.i18n.translator import Label, Render, Tr, label_in, render_in
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.store.models import ConversationState, Group, Membership, Person
    from bot.store.uow import UnitOfWorkFactory

POPUP_LIMIT = 200


@dataclass
class Context:
    event: Event
    platform: Platform
    uow: UnitOfWorkFactory
    clock: Clock
    settings: Settings
    person: Person | None = None
    group: Group | None = None
    membership: Membership | None = None
    conversation: ConversationState | None = None
    callback: Callback | None = None
    args: str = ""
    group_edits: Coalescer = field(default_factory=Coalescer)
    answered: bool = field(default=False, init=False)

    @property
    def languages(self) -> tuple[str, ...]:
        """The language(s) for this chat: the group's mode, or the person's choice (both until chosen)."""
        if self.event.is_private:
            return language.for_person(self.person.language if self.person else None)
        return language.for_group(self.group.language_mode if self.group else None)

    @property
    def tr(self) -> Tr:
        """The translator for this chat's first language (for single-language bits such as pop-ups)."""
        return Tr(self.languages[0])

    @property
    def personal_tr(self) -> Tr:
        """For what only this person sees (a pop-up): their choice, else their client's hint."""
        chosen = self.person.language if self.person else None
        sender = self.event.sender  # before the person is loaded (the database unreachable), the event's hint
        hint = self.person.language_hint if self.person else sender.language_hint if sender else None
        return Tr(chosen or language.suggested(hint) or self.languages[0])

    @property
    def role(self) -> str | None:
        return self.membership.role if self.membership else None

    def text(self, render: Render) -> Markup:
        return render_in(self.languages, render)

    def label(self, render: Label) -> str:
        return label_in(self.languages, render)

    @property
    def easy_read(self) -> bool:
        """This is a private chat with someone who chose Easy Read."""
        return self.event.is_private and self.person is not None and self.person.easy_read

    async def reply(self, render: Render, keyboard: Keyboard | None = None) -> Sent | None:
        """Send a message to the chat the event came from, in that chat's language(s) (in private: as the
        person chose, Easy Read included)."""
        if self.event.is_private and self.person is not None:
            return await self.outbound.to_person(self.person, render, keyboard)
        action = SendMessage(self.event.chat_id, self.text(render), keyboard)
        return await self._send(action)

    async def edit(self, render: Render, keyboard: Keyboard | None = None) -> Sent | None:
        """Replace the message whose button was pressed."""
        assert self.event.message_id is not None
        text = easy_form(render)(self.personal_tr) if self.easy_read else self.text(render)
        action = EditMessage(self.event.chat_id, self.event.message_id, text, keyboard)
        return await self.platform.perform(action)

    async def edit_keyboard_away(self) -> None:
        """Take the buttons off the message just pressed, so old answers can't be pressed again."""
        if self.event.message_id is not None:
            await self.platform.perform(EditKeyboard(self.event.chat_id, self.event.message_id, None))

    async def answer(self, render: Render | None = None, *, alert: bool = False, message: bool = True) -> None:
        """Answer the button press (a short pop-up in the presser's language), exactly once.

        Screen readers miss pop-ups: someone who chose Easy Read also gets it as a private message, unless
        the handler confirms the press with a message of its own (`message=False`)."""
        if self.event.callback_id is None or self.answered:
            return
        self.answered = True
        text = plain(render(self.personal_tr))[:POPUP_LIMIT] if render else ""  # cut after unescaping
        await self.platform.perform(AnswerCallback(self.event.callback_id, text, alert))
        person = self.person
        if render and message and person is not None and person.easy_read and (self.event.is_private or person.can_dm):
            await self.send_private(person, render)

    async def send_private(
        self, person: Person, render: Render, keyboard: Keyboard | None = None
    ) -> Sent | None:
        """Write to a person privately in their language; None if they can't be reached there."""
        return await self.outbound.to_person(person, render, keyboard)

    async def _send(self, action: SendMessage) -> Sent | None:
        return await self.outbound.send(action)

    @property
    def outbound(self) -> Outbound:
        return Outbound(self.platform, self.uow, self.clock, voice=self.settings.voice_notes.available)
