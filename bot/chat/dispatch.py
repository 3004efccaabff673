"""Dispatcher: the one path every event takes, whatever the transport.

claim the update id (handled once) -> meet the person and group -> route -> handler -> answer any
button press left unanswered. Refusals (CriwError) and crashes become friendly replies in one place.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.chat.actions import AnswerCallback
from bot.chat.callbacks import decode
from bot.chat.coalesce import Coalescer
from bot.chat.context import Context
from bot.chat.events import Event, EventKind
from bot.chat.platform import Platform
from bot.chat.router import Router
from bot.domain.clock import Clock
from bot.services import groups, people, updates
from bot.services.errors import CriwError
from bot.settings import Settings
from bot.store.uow import UnitOfWorkFactory

log = logging.getLogger(__name__)

ErrorHandler = Callable[[Context, Exception], Awaitable[None]]
# Events about the bot's own membership must not make anyone a member.
_NO_PRESENCE = {EventKind.BOT_REMOVED, EventKind.BOT_BLOCKED, EventKind.BOT_UNBLOCKED, EventKind.CHAT_MIGRATED}


@dataclass
class Dispatcher:
    router: Router
    uow: UnitOfWorkFactory
    clock: Clock
    settings: Settings
    on_error: ErrorHandler
    group_edits: Coalescer = field(default_factory=Coalescer)

    async def handle(self, event: Event, platform: Platform) -> None:
        """Handle one event exactly once."""
        async with self.uow() as uow:
            if not await updates.claim(uow, self.clock, event.update_id):
                log.info("update %s was handled already", event.update_id)
                return
        ctx = Context(event, platform, self.uow, self.clock, self.settings, group_edits=self.group_edits)
        try:
            await self._load(ctx)
            handler = self.router.resolve(ctx)
            if handler is not None:
                await handler(ctx)
            await ctx.answer()
        except CriwError as refusal:
            await self.on_error(ctx, refusal)
        except Exception as error:  # one place logs and apologises; the claim is released for a retry
            log.exception("update %s failed (%s)", event.update_id, type(error).__name__)
            async with self.uow() as uow:
                await updates.release(uow, event.update_id)
            await self._apologise(ctx, error)

    async def _apologise(self, ctx: Context, error: Exception) -> None:
        try:
            await self.on_error(ctx, error)
        except Exception:
            log.exception("could not tell the person about the failure")
            if ctx.event.callback_id and not ctx.answered:
                await ctx.platform.perform(AnswerCallback(ctx.event.callback_id))

    async def _load(self, ctx: Context) -> None:
        """Fill the context: who, which group, their membership, any conversation in progress."""
        event = ctx.event
        ctx.callback = decode(event.callback_data) if event.kind is EventKind.CALLBACK else None
        ctx.args = event.command[1] if event.command else ""
        async with self.uow() as uow:
            if event.sender is not None:
                sender = event.sender
                ctx.person = await people.meet(
                    uow, self.clock, sender.telegram_id, sender.name, sender.language_hint
                )
                if event.is_private and event.kind is EventKind.MESSAGE:
                    ctx.person.can_dm = True  # they wrote to the bot, so the bot may write back
            if not event.is_private and event.kind not in _NO_PRESENCE:
                ctx.group = await groups.find_or_add(
                    uow, self.clock, event.chat_id, event.chat_title,
                    organisation_name=self.settings.organisation_name,
                )
                if ctx.person is not None:
                    ctx.membership = await groups.note_presence(
                        uow, self.clock, ctx.group, ctx.person, self._status_lookup(ctx)
                    )
            elif event.is_private and ctx.person is not None and ctx.person.id is not None:
                ctx.conversation = await uow.conversations.get(ctx.person.id)
                if ctx.conversation is not None and ctx.conversation.expires_at <= self.clock.now():
                    await uow.conversations.clear(ctx.person.id)
                    ctx.conversation = None
            await uow.commit()

    @staticmethod
    def _status_lookup(ctx: Context) -> groups.StatusLookup | None:
        """A person who wrote in the group is plainly in it; anyone else (a button press, the person
        who added the bot) is checked with Telegram."""
        event = ctx.event
        if event.kind is EventKind.MESSAGE and not event.command:
            return None
        sender = event.sender
        assert sender is not None
        return lambda: ctx.platform.member_status(event.chat_id, sender.telegram_id)
