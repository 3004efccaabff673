"""Dispatcher: the one path every event takes, whatever the transport.

claim the update id (handled once) -> meet the person and group -> route -> handler -> answer any
button press left unanswered -> mark the claim finished. Refusals (CriwError) and crashes become friendly
replies in one place.

Faults: while the database is briefly unreachable or locked, the update is tried again a few times, as
long as nothing has been written yet. Every commit made while handling an update also notes on its claim,
in the same transaction, that the update changed something; so after a crash, or a failure once a change
was saved, the update is not done twice: the person is told what happened instead.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.chat.actions import AnswerCallback
from bot.chat.callbacks import decode
from bot.chat.coalesce import Coalescer
from bot.chat.context import Context
from bot.chat.events import Event, EventKind
from bot.chat.failures import DatabaseUnavailable, TryLater, Unfinished
from bot.chat.platform import Platform
from bot.chat.router import Router
from bot.domain.clock import Clock
from bot.domain.roles import Admission
from bot.services import admission, groups, people, updates
from bot.services.errors import CriwError
from bot.services.updates import Claim
from bot.settings import Settings
from bot.store.database import is_unavailable
from bot.store.uow import Conflict, UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)

ErrorHandler = Callable[[Context, Exception], Awaitable[None]]
# Events about the bot's own membership must not make anyone a member.
_NO_PRESENCE = {EventKind.BOT_REMOVED, EventKind.BOT_BLOCKED, EventKind.BOT_UNBLOCKED, EventKind.CHAT_MIGRATED}
# A group waiting to be admitted (or refused) hears only about the bot joining it: nothing else is routed.
_ADMISSION_EVENTS = {EventKind.BOT_ADDED, EventKind.BOT_REMOVED, EventKind.CHAT_MIGRATED}
RETRY_WAITS = (0.1, 0.3, 0.6)  # seconds between tries while the database is unavailable
BUSY_POLL, BUSY_WAIT = 0.2, 20.0  # a webhook duplicate waits this long for the worker that has it to finish


@dataclass
class Progress:
    """What handling one update has done so far (`wrote` is also kept on its claim, for a successor)."""

    wrote: bool = False


@dataclass
class Dispatcher:
    router: Router
    uow: UnitOfWorkFactory
    clock: Clock
    settings: Settings
    on_error: ErrorHandler
    group_edits: Coalescer = field(default_factory=Coalescer)
    name: str = field(default_factory=lambda: secrets.token_hex(8))  # this dispatcher, on its claims
    busy_wait: float = BUSY_WAIT
    _in_hand: dict[int, asyncio.Task[object] | None] = field(default_factory=dict, init=False, repr=False)

    @property
    def exclusive(self) -> bool:
        """Long polling: one process takes updates, and finishes each batch before it fetches the next, so
        an unfinished claim it meets was left by a handler that is gone. With webhooks another worker may be
        busy with it."""
        return not self.settings.webhook_url

    async def handle(self, event: Event, platform: Platform) -> None:
        """Handle one event: its changes are made once, however often it is delivered."""
        if event.update_id in self._in_hand:
            log.info("update %s is already being handled here", event.update_id)
            return
        self._in_hand[event.update_id] = asyncio.current_task()
        try:
            await self._handle(event, platform)
        finally:
            self._in_hand.pop(event.update_id, None)

    def abandon(self) -> None:
        """Cancel every update in hand, wherever it has got to, as a crash would: their claims stay
        unfinished, so each is taken over when Telegram delivers it again."""
        for task in self._in_hand.values():
            if task is not None:
                task.cancel()

    async def _handle(self, event: Event, platform: Platform) -> None:
        progress = Progress()
        ctx = self._context(event, platform, progress)
        claim = await self._claim_or_wait(event)
        if claim is None:
            await self._apologise(ctx, DatabaseUnavailable())
        elif claim in (Claim.DONE, Claim.BUSY):
            log.info("update %s: %s", event.update_id, claim)
        elif claim is Claim.INTERRUPTED:
            log.warning("update %s was interrupted after a change; not doing it twice", event.update_id)
            await self._settle(event.update_id, keep=True)
            await self._load_quietly(ctx)
            await self._apologise(ctx, Unfinished())
        else:
            await self._attempt(ctx, progress)

    async def _claim_or_wait(self, event: Event) -> Claim | None:
        """Claim the update. With webhooks, while another worker has it, wait a little for it to finish;
        still unfinished, it may be dead: TryLater, so the webhook doesn't acknowledge the update."""
        claim = await self._claim(event)
        waited = 0.0
        while claim is Claim.BUSY and not self.exclusive and waited < self.busy_wait:
            await asyncio.sleep(BUSY_POLL)
            waited += BUSY_POLL
            claim = await self._claim(event)
        if claim is Claim.BUSY and not self.exclusive:
            raise TryLater(event.update_id)
        return claim

    async def _attempt(self, ctx: Context, progress: Progress) -> None:
        """Run the handler, again while the database is unavailable and nothing has been written."""
        event = ctx.event
        for wait in (*RETRY_WAITS, None):
            try:
                await self._run(ctx)
            except CriwError as refusal:
                await self._apologise(ctx, refusal)
            except Exception as error:
                if wait is not None and is_unavailable(error) and not progress.wrote:
                    log.warning("update %s: the database is unavailable (%s); trying again", event.update_id,
                                type(error).__name__)
                    await asyncio.sleep(wait)
                    ctx = self._context(event, ctx.platform, progress, answered=ctx.answered)
                    continue
                await self._fail(ctx, progress, error)
                return
            await self._settle(event.update_id, keep=True)
            return

    async def _run(self, ctx: Context) -> None:
        await self._load(ctx)
        handler = self.router.resolve(ctx) if _within_organisation(ctx) else None
        if handler is not None:
            await handler(ctx)
        await ctx.answer()

    def _context(self, event: Event, platform: Platform, progress: Progress, *, answered: bool = False) -> Context:
        ctx = Context(event, platform, self._tracked(event.update_id, progress), self.clock, self.settings,
                      group_edits=self.group_edits)
        ctx.answered = answered
        return ctx

    def _tracked(self, update_id: int, progress: Progress) -> UnitOfWorkFactory:
        """Units of work for handlers: each commit also notes, atomically, that the update changed something."""

        def unit_of_work() -> UnitOfWork:
            work = self.uow()

            async def note(inner: UnitOfWork) -> None:
                progress.wrote = True
                await updates.note_change(inner, update_id)

            work.before_commit = note
            return work

        return unit_of_work

    async def _claim(self, event: Event) -> Claim | None:
        """Claim the update, trying again while the database is unavailable; None if it stays so."""
        for wait in (*RETRY_WAITS, None):
            try:
                async with self.uow() as uow:
                    return await updates.claim(uow, self.clock, event.update_id, self.name, exclusive=self.exclusive)
            except Exception as error:
                if not is_unavailable(error):
                    raise
                if wait is None:
                    break
                log.warning("update %s: the database is unavailable (%s); trying again", event.update_id,
                            type(error).__name__)
                await asyncio.sleep(wait)
        log.error("update %s: the database stayed unavailable; nothing was done", event.update_id)
        return None

    async def _settle(self, update_id: int, *, keep: bool) -> None:
        """Finish the claim (`keep`), or release it so a redelivery gets another chance."""
        try:
            async with self.uow() as uow:
                if keep:
                    await updates.finish(uow, update_id)
                else:
                    await updates.release(uow, update_id)
        except Exception as error:  # an unfinished claim is taken over by the next delivery anyway
            log.warning("update %s: could not settle its claim (%s)", update_id, type(error).__name__)

    async def _fail(self, ctx: Context, progress: Progress, error: Exception) -> None:
        """One place logs and apologises; what was saved is kept and said, nothing else is left claimed."""
        log.exception("update %s failed (%s)", ctx.event.update_id, type(error).__name__)
        await self._settle(ctx.event.update_id, keep=progress.wrote)
        if progress.wrote:
            error = Unfinished()
        elif is_unavailable(error):
            error = DatabaseUnavailable()
        await self._apologise(ctx, error)

    async def _load_quietly(self, ctx: Context) -> None:
        """Learn who and where, to apologise in the right language; without it, both languages."""
        try:
            await self._load(ctx)
        except Exception as error:
            log.warning("update %s: could not load its context (%s)", ctx.event.update_id, type(error).__name__)

    async def _apologise(self, ctx: Context, error: Exception) -> None:
        """Tell the person; a press too old to answer (re-delivered after a crash) gets a message instead."""
        for attempt in ("as usual", "as a message"):
            try:
                await self.on_error(ctx, error)
                return
            except Exception as failure:
                if attempt == "as a message" or not ctx.event.callback_id:
                    log.exception("could not tell the person about the failure")
                    break
                log.warning("could not answer the button press (%s); sending a message", type(failure).__name__)
                ctx.answered = True
        if ctx.event.callback_id and not ctx.answered:
            try:
                await ctx.platform.perform(AnswerCallback(ctx.event.callback_id))
            except Exception:
                log.warning("could not answer the button press either")

    async def _load(self, ctx: Context) -> None:
        """Fill the context: who, which group, their membership, any conversation in progress.

        Two workers meeting the same new person or group at once both try to add it; the database's
        unique constraint refuses the second, and trying again finds the first one's row."""
        try:
            await self._load_once(ctx)
        except Conflict:
            log.info("update %s met a row another worker was adding; loading again", ctx.event.update_id)
            await self._load_once(ctx)

    async def _load_once(self, ctx: Context) -> None:
        event = ctx.event
        ctx.callback = decode(event.callback_data) if event.kind is EventKind.CALLBACK else None
        ctx.args = event.command[1] if event.command else ""
        async with self.uow() as uow:
            if event.sender is not None:
                sender = event.sender
                ctx.person = await people.meet(
                    uow, self.clock, sender.telegram_id, sender.name, sender.language_hint
                )
                await admission.name_by_operator(
                    uow, self.clock, ctx.person, self.settings.organisation_coordinator_ids,
                    self.settings.organisation_name,
                )
                if event.is_private and event.kind is EventKind.MESSAGE:
                    ctx.person.can_dm = True  # they wrote to the bot, so the bot may write back
            if not event.is_private and event.kind not in _NO_PRESENCE:
                ctx.group = await groups.find_or_add(
                    uow, self.clock, event.chat_id, event.chat_title,
                    organisation_name=self.settings.organisation_name, timezone=self.settings.timezone,
                )
                if ctx.person is not None and _within_organisation(ctx):
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


def _within_organisation(ctx: Context) -> bool:
    """Private chats, admitted groups, and the bot joining or leaving any group are handled; a group outside
    the organisation (waiting or refused) gets nothing else, whoever writes there."""
    group = ctx.group
    return group is None or group.admission == Admission.ADMITTED or ctx.event.kind in _ADMISSION_EVENTS
