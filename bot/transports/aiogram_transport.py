"""The aiogram transport: long polling or an aiohttp webhook in, Bot API calls out. Nothing else."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, cast

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import GetUpdates
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from aiohttp import web
from pydantic import ValidationError

from bot.chat.actions import (
    Action,
    AnswerCallback,
    ChatMoved,
    EditKeyboard,
    EditMessage,
    LeaveChat,
    MessageGone,
    SendDocument,
    SendMessage,
    SendVoice,
    Sent,
    SetMenu,
    Undeliverable,
)
from bot.chat.dispatch import Dispatcher as CriwDispatcher
from bot.chat.keyboard import Keyboard
from bot.chat.profile import BotProfile
from bot.transports.aiogram_updates import to_event
from bot.transports.incoming import last_id, readable
from bot.transports.lanes import in_lanes, person_of
from bot.transports.lookups import unreadable_member
from bot.transports.sender import RateLimited, TelegramDown, with_retry_after
from bot.transports.webhook import webhook_app

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
POLL_SECONDS = 10  # how long Telegram holds getUpdates open when there is nothing new
STOP_SECONDS = 30  # how long stop() waits for the updates in hand
LONGEST_BACKOFF = 30.0


class _RawGetUpdates(GetUpdates):
    """getUpdates answered as plain JSON objects: each is read on its own (one unreadable update must not
    make the whole batch, and with it polling, fail)."""

    __returning__ = list[dict[str, Any]]  # type: ignore[assignment]


def _markup(keyboard: Keyboard | None) -> InlineKeyboardMarkup | None:
    if keyboard is None:
        return None
    rows = [
        [InlineKeyboardButton(text=button.text, callback_data=button.data, url=button.url) for button in row]
        for row in keyboard.rows
    ]
    return InlineKeyboardMarkup(inline_keyboard=rows)


class AiogramTransport:
    """Implements the Platform port with aiogram 3 and feeds every update to Criw's dispatcher."""

    def __init__(self, core: CriwDispatcher, token: str, api_base: str, profile: BotProfile, *,
                 timeout: float = 30) -> None:
        self.core = core
        self.profile = profile
        session = AiohttpSession(api=TelegramAPIServer.from_base(api_base.rstrip("/")), timeout=timeout)
        self.bot = Bot(token, session=session)
        self.bot_username = ""
        self.timeout = timeout
        self.aiogram = Dispatcher()
        self.aiogram.update.outer_middleware(self._feed)  # type: ignore[arg-type]
        self._stopping = asyncio.Event()
        self._idle = asyncio.Event()  # set while not polling
        self._idle.set()

    async def _feed(self, _handler: Any, update: Update, _data: dict[str, Any]) -> None:
        event = to_event(update)
        if event is not None:
            await self.core.handle(event, self)

    # -- Platform port -------------------------------------------------------------------------
    async def perform(self, action: Action) -> Sent | None:
        return await with_retry_after(lambda: self._call(action))

    async def perform_once(self, action: Action) -> Sent | None:
        """One attempt, raising RateLimited on a 429 (for callers that pace their own retries)."""
        return await self._call(action)

    async def member_status(self, chat_id: int, telegram_id: int) -> str:
        try:
            member = await with_retry_after(lambda: self._translate(self.bot.get_chat_member(chat_id, telegram_id)))
        except TelegramBadRequest:
            return "left"
        except TelegramDown as error:
            if isinstance(error.__cause__, ClientDecodeError):  # _translate wraps an answer it can't read
                return unreadable_member(chat_id, telegram_id, error.__cause__)
            raise
        return str(member.status)

    async def _call(self, action: Action) -> Sent | None:
        match action:
            case SendMessage(chat_id, text, keyboard, reply_to):
                message = await self._translate(self.bot.send_message(
                    chat_id, text, parse_mode="HTML", reply_markup=_markup(keyboard),
                    reply_to_message_id=reply_to,
                ), chat_id)
                return Sent(chat_id, message.message_id)
            case EditMessage(chat_id, message_id, text, keyboard):
                await self._translate(self.bot.edit_message_text(
                    text=text, chat_id=chat_id, message_id=message_id, parse_mode="HTML",
                    reply_markup=_markup(keyboard),
                ), chat_id, message_id)
                return Sent(chat_id, message_id)
            case EditKeyboard(chat_id, message_id, keyboard):
                await self._translate(self.bot.edit_message_reply_markup(
                    chat_id=chat_id, message_id=message_id, reply_markup=_markup(keyboard)
                ), chat_id, message_id)
                return Sent(chat_id, message_id)
            case AnswerCallback(callback_id, text, alert):
                await self._translate(self.bot.answer_callback_query(callback_id, text or None, alert))
                return None
            case SendDocument(chat_id, filename, content, caption):
                message = await self._translate(self.bot.send_document(
                    chat_id, BufferedInputFile(content, filename), caption=caption or None, parse_mode="HTML"
                ), chat_id)
                return Sent(chat_id, message.message_id)
            case SendVoice(chat_id, content, seconds, file_id, caption):
                voice = file_id or BufferedInputFile(content, "voice.ogg")
                message = await self._translate(self.bot.send_voice(
                    chat_id, voice, duration=seconds, caption=caption or None, parse_mode="HTML"
                ), chat_id)
                return Sent(chat_id, message.message_id, message.voice.file_id if message.voice else None)
            case SetMenu(chat_id, language):
                menu = self.profile.commands[language]
                commands = [BotCommand(command=name, description=text) for name, text in menu]
                await self._translate(self.bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id=chat_id)),
                                      chat_id)
                return None
            case LeaveChat(chat_id):
                await self._translate(self.bot.leave_chat(chat_id), chat_id)
                return None
        raise TypeError(f"unknown action {action!r}")

    @staticmethod
    async def _translate(call: Any, chat_id: int | None = None, message_id: int | None = None) -> Any:
        """Await an aiogram call, mapping its errors to Criw's neutral ones."""
        try:
            return await call
        except TelegramRetryAfter as error:
            raise RateLimited(error.retry_after) from error
        except TelegramForbiddenError as error:
            raise Undeliverable(chat_id or 0, error.message) from error
        except TelegramMigrateToChat as error:
            raise ChatMoved(chat_id or 0, error.migrate_to_chat_id) from error
        except TelegramBadRequest as error:
            if "message is not modified" in error.message:
                return None
            if "message to edit not found" in error.message and message_id is not None:
                raise MessageGone(chat_id or 0, message_id) from error
            raise
        except TelegramServerError as error:
            raise TelegramDown(f"server error: {error.message}") from error
        except ClientDecodeError as error:
            # Not JSON (a proxy's error page): Telegram never answered, as with its own 5xx. JSON that aiogram
            # could not read: Telegram did answer, so the call was carried out.
            answered = isinstance(error.original, ValidationError)
            raise TelegramDown(f"not a Bot API answer: {error.message}", maybe_done=answered) from error
        except TelegramNetworkError as error:  # only a failure to connect is sure not to have been carried out
            raise TelegramDown(f"network: {error.message}",
                               maybe_done="cannot connect" not in error.message.lower()) from error

    # -- lifecycle -----------------------------------------------------------------------------
    async def prepare(self) -> None:
        """Learn our username and publish the command menus and descriptions for cy and en."""
        me = await self.bot.get_me()
        self.bot_username = me.username or ""
        for code, commands in self.profile.commands.items():
            await self.bot.set_my_commands(
                [BotCommand(command=name, description=text) for name, text in commands],
                scope=BotCommandScopeDefault(), language_code=code or None,
            )
        for code, text in self.profile.descriptions.items():
            await self.bot.set_my_description(text, language_code=code or None)
        for code, text in self.profile.short_descriptions.items():
            await self.bot.set_my_short_description(text, language_code=code or None)

    async def run_polling(self) -> None:
        """Long polling until stop(). Each batch is finished before its offset is confirmed (by asking for
        the next one), people's updates side by side and each person's in order (bot/transports/lanes.py)."""
        await self.bot.delete_webhook(drop_pending_updates=False)
        await self.prepare()
        self._stopping.clear()
        self._idle.clear()
        try:
            await self._poll()
        finally:
            self._idle.set()

    async def _poll(self) -> None:
        offset: int | None = None
        failures = 0
        while not self._stopping.is_set():
            try:
                batch = await self._next_batch(offset)
            except TelegramRetryAfter as error:
                await self._pause(error.retry_after)
                continue
            except (TelegramNetworkError, TelegramServerError, TelegramConflictError, ClientDecodeError) as error:
                failures += 1  # ClientDecodeError: not JSON, e.g. a proxy's HTML "502 Bad Gateway" page
                wait = min(2.0 ** (failures - 1), LONGEST_BACKOFF)
                log.warning("getUpdates failed (%s); retrying in %.0fs", error.message, wait)
                await self._pause(wait)
                continue
            failures = 0
            if batch:
                updates = readable(batch, self._read)
                await in_lanes(updates, lambda update: person_of(to_event(update)),
                               lambda update: self.aiogram.feed_update(self.bot, update))
                offset = (last_id(batch) or 0) + 1  # the unreadable ones are confirmed too

    def _read(self, raw: dict[str, Any]) -> Update:
        return Update.model_validate(raw, context={"bot": self.bot})

    async def _next_batch(self, offset: int | None) -> list[dict[str, Any]] | None:
        """The next updates, as JSON objects, or None once stop() is called while waiting for them."""
        call = _RawGetUpdates(offset=offset, timeout=POLL_SECONDS, allowed_updates=ALLOWED_UPDATES)
        fetch = asyncio.ensure_future(self.bot(call, request_timeout=int(POLL_SECONDS + self.timeout)))
        fetch.add_done_callback(lambda done: done.cancelled() or done.exception())  # a dropped one is quiet
        stopping = asyncio.ensure_future(self._stopping.wait())
        try:
            await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopping.cancel()
            if not fetch.done():
                fetch.cancel()  # it ends later: this wait is over now
        batch = fetch.result() if fetch.done() and not fetch.cancelled() else None
        return cast("list[dict[str, Any]] | None", batch)  # _RawGetUpdates answers JSON objects

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    async def stop(self) -> None:
        """End polling once the batch in hand is handled, and close the connection to Telegram."""
        self._stopping.set()
        with contextlib.suppress(TimeoutError):  # the batch in hand still answers people
            await asyncio.wait_for(self._idle.wait(), STOP_SECONDS)
        await self.bot.session.close()

    def webhook_app(self, secret: str, path: str = "/telegram") -> web.Application:
        """An aiohttp app that takes Telegram's webhook POSTs (bot/transports/webhook.py)."""
        return webhook_app(secret, path, self._read, lambda update: self.aiogram.feed_update(self.bot, update))

    async def set_webhook(self, url: str, secret: str) -> None:
        await self.prepare()
        await self.bot.set_webhook(url, secret_token=secret or None, allowed_updates=ALLOWED_UPDATES)
