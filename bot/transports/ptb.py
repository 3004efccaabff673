"""The python-telegram-bot transport: long polling or an aiohttp webhook in, Bot API calls out. Nothing else.

Same contract as the aiogram transport, so the core cannot tell them apart: every update is handled
completely before the next one is fetched (its offset is confirmed only then), a webhook POST is
answered only after its update was handled, and PTB's errors become Criw's neutral ones.
"""

from __future__ import annotations

import asyncio
import logging
import os
import warnings
from datetime import timedelta
from typing import Any, assert_never

from aiohttp import web
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import Application, ContextTypes, TypeHandler
from telegram.warnings import PTBDeprecationWarning

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
from bot.transports.incoming import last_id, readable
from bot.transports.lanes import in_lanes, person_of
from bot.transports.lookups import unreadable_member
from bot.transports.ptb_updates import to_event
from bot.transports.redact import redact
from bot.transports.sender import RateLimited, TelegramDown, with_retry_after
from bot.transports.webhook import webhook_app

log = logging.getLogger(__name__)
# PTB builds results with plain constructors (de_json): an object of the wrong shape raises one of these.
UNREADABLE = (TypeError, KeyError, ValueError)
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]
POLL_TIMEOUT = 10  # seconds a getUpdates may wait on the server for news
LONGEST_BACKOFF = 30.0
STOP_GRACE = 10.0  # how long stop() lets the update in hand finish before cancelling it
_PTB_LOGGERS = ("telegram.Bot", "telegram.ext.ExtBot")  # the loggers that log addresses and parameters
# getUpdates is asked for by name so its answer comes back as JSON, each update then read on its own
# (Bot.get_updates reads the whole batch at once: one unreadable update fails it, and is logged in full).
# Bot API method names are case-insensitive; the lower-case spelling is not one of PTB's own method names,
# which do_api_request would warn about.
RAW_GET_UPDATES = "getupdates"


def _markup(keyboard: Keyboard | None) -> InlineKeyboardMarkup | None:
    if keyboard is None:
        return None
    rows = [
        [InlineKeyboardButton(button.text, callback_data=button.data, url=button.url) for button in row]
        for row in keyboard.rows
    ]
    return InlineKeyboardMarkup(rows)


def _seconds(error: RetryAfter) -> float:
    """retry_after is an int or a timedelta in PTB 22 (PTB_TIMEDELTA decides); read without the warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        wait = error.retry_after
    return wait.total_seconds() if isinstance(wait, timedelta) else float(wait)


class PtbTransport:
    """Implements the Platform port with python-telegram-bot 22 and feeds every update to Criw's dispatcher."""

    def __init__(self, core: CriwDispatcher, token: str, api_base: str, profile: BotProfile, *,
                 timeout: float = 30) -> None:
        self.core = core
        self.profile = profile
        api = api_base.rstrip("/")
        # PTB logs the Bot API address, token and all, at DEBUG while it builds the bot.
        redact(_PTB_LOGGERS, token, token.split(":", 1)[-1])
        # No Updater (it fetches the next batch while the last is still being handled: see run_polling)
        # and no JobQueue (Criw schedules its own work).
        self.application = (
            Application.builder().token(token).base_url(f"{api}/bot").base_file_url(f"{api}/file/bot")
            .read_timeout(timeout).write_timeout(timeout).updater(None).job_queue(None).build()
        )
        self.application.add_handler(TypeHandler(Update, self._feed))
        self.application.add_error_handler(self._log_failure)
        self.bot = self.application.bot
        self.read_timeout = timeout
        self.bot_username = ""
        self._stopping = False
        self._stopped = asyncio.Event()
        self._stopped.set()  # not polling
        self._fetch: asyncio.Future[list[Any]] | None = None
        self._poller: asyncio.Task[Any] | None = None
        # httpx logs every request URL at INFO, and the URL holds the bot token.
        logging.getLogger("httpx").setLevel(logging.WARNING)
        # Opt in to PTB 23's timedelta periods now: otherwise every RetryAfter PTB builds warns that the
        # int form is deprecated. _seconds() reads either form.
        os.environ.setdefault("PTB_TIMEDELTA", "true")

    async def _feed(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        event = to_event(update)
        if event is not None:
            await self.core.handle(event, self)

    @staticmethod
    async def _log_failure(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log what escaped Criw's own error handling (the dispatcher catches handlers' errors)."""
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("update %s failed", update_id, exc_info=context.error)

    # -- Platform port -------------------------------------------------------------------------
    async def perform(self, action: Action) -> Sent | None:
        return await with_retry_after(lambda: self._call(action))

    async def perform_once(self, action: Action) -> Sent | None:
        """One attempt, raising RateLimited on a 429 (for callers that pace their own retries)."""
        return await self._call(action)

    async def member_status(self, chat_id: int, telegram_id: int) -> str:
        try:
            member = await with_retry_after(
                lambda: self._translate(self.bot.get_chat_member(chat_id, telegram_id), chat_id)
            )
        except BadRequest:
            return "left"
        except UNREADABLE as error:
            return unreadable_member(chat_id, telegram_id, error)
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
                    text, chat_id=chat_id, message_id=message_id, parse_mode="HTML",
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
                    chat_id, content, filename=filename, caption=caption or None, parse_mode="HTML"
                ), chat_id)
                return Sent(chat_id, message.message_id)
            case SendVoice(chat_id, content, seconds, file_id, caption):
                message = await self._translate(self.bot.send_voice(
                    chat_id, file_id or InputFile(content, filename="voice.ogg"), duration=seconds,
                    caption=caption or None, parse_mode="HTML",
                ), chat_id)
                return Sent(chat_id, message.message_id, message.voice.file_id if message.voice else None)
            case SetMenu(chat_id, language):
                commands = [BotCommand(name, text) for name, text in self.profile.commands[language]]
                await self._translate(self.bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id)), chat_id)
                return None
            case LeaveChat(chat_id):
                await self._translate(self.bot.leave_chat(chat_id), chat_id)
                return None
        assert_never(action)  # mypy names any Action this transport does not carry out yet

    @staticmethod
    async def _translate(call: Any, chat_id: int | None = None, message_id: int | None = None) -> Any:
        """Await a PTB call, mapping its errors to Criw's neutral ones."""
        try:
            return await call
        except RetryAfter as error:
            raise RateLimited(_seconds(error)) from error
        except Forbidden as error:
            raise Undeliverable(chat_id or 0, error.message) from error
        except ChatMigrated as error:
            raise ChatMoved(chat_id or 0, error.new_chat_id) from error
        except BadRequest as error:
            # PTB strips "Bad Request: " and capitalises what is left, so compare case-blind.
            if "message is not modified" in error.message.lower():
                return None
            if "message to edit not found" in error.message.lower() and message_id is not None:
                raise MessageGone(chat_id or 0, message_id) from error
            raise
        except TimedOut as error:
            raise TelegramDown("timed out", maybe_done=True) from error
        except NetworkError as error:
            # Telegram's own 5xx answer, or a failure to connect, means it was not carried out; a connection
            # lost after sending (the other httpx errors) may have been.
            lost = error.message.startswith(("httpx.", "Unknown error")) and "ConnectError" not in error.message
            raise TelegramDown(f"network: {error.message}", maybe_done=lost) from error

    # -- lifecycle -----------------------------------------------------------------------------
    async def prepare(self) -> None:
        """Learn our username and publish the command menus and descriptions for cy and en."""
        await self.application.initialize()  # getMe, once
        self.bot_username = self.bot.username or ""
        for code, commands in self.profile.commands.items():
            await self.bot.set_my_commands(
                [BotCommand(name, text) for name, text in commands],
                scope=BotCommandScopeDefault(), language_code=code or None,
            )
        for code, text in self.profile.descriptions.items():
            await self.bot.set_my_description(text, language_code=code or None)
        for code, text in self.profile.short_descriptions.items():
            await self.bot.set_my_short_description(text, language_code=code or None)

    async def run_polling(self) -> None:
        """Long polling: each batch is finished before its offset is confirmed, people's updates side by
        side and each person's in order (bot/transports/lanes.py).

        PTB's Updater asks for the next batch while the Application still handles the last one; this
        loop does not, so a crash never confirms an update that was not handled.
        """
        if self._stopping:
            return
        self._stopped.clear()
        self._poller = asyncio.current_task()
        offset: int | None = None
        try:
            await self.bot.delete_webhook(drop_pending_updates=False)
            await self.prepare()
            while not self._stopping:
                batch = await self._next_batch(offset)
                if batch:
                    updates = readable(batch, self._read)
                    await in_lanes(updates, lambda update: person_of(to_event(update)), self.application.process_update)
                    offset = (last_id(batch) or 0) + 1  # the unreadable ones are confirmed too
        finally:
            self._poller = None
            self._stopped.set()

    def _read(self, raw: dict[str, Any]) -> Update:
        update = Update.de_json(raw, self.bot)
        if update is None:
            raise ValueError("empty update")
        return update

    async def _next_batch(self, offset: int | None) -> list[Any]:
        """The next updates as JSON objects (confirming those before offset); [] when stop() interrupts."""
        self._fetch = asyncio.ensure_future(self._fetch_with_retries(offset))
        try:
            return await self._fetch
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if self._stopping and task is not None and not task.cancelling():
                return []  # stop() cancelled the wait, not our caller
            raise
        finally:
            self._fetch = None

    async def _fetch_with_retries(self, offset: int | None) -> list[Any]:
        """getUpdates until it answers: 429s are waited out, other failures backed off, a bad token raised."""
        backoff = 1.0
        while True:
            try:
                batch = await self.bot.do_api_request(
                    RAW_GET_UPDATES, {"offset": offset, "timeout": POLL_TIMEOUT, "allowed_updates": ALLOWED_UPDATES},
                    read_timeout=self.read_timeout + POLL_TIMEOUT,
                )
                return batch if isinstance(batch, list) else []
            except (InvalidToken, EndPointNotFound):  # the token was refused (after start, PTB says so thus)
                raise
            except RetryAfter as error:
                wait = _seconds(error)
            except TimedOut:
                continue  # the long poll outlived the connection: simply ask again
            except TelegramError as error:  # network trouble, 409 Conflict, 5xx, a proxy's page: try again, more slowly
                said = str(error).split(". Parsing the server response", 1)[0]  # not a proxy's whole page
                log.warning("getUpdates failed (%s); retrying in %.0fs", said, backoff)
                wait, backoff = backoff, min(backoff * 2, LONGEST_BACKOFF)
            await asyncio.sleep(wait)

    async def stop(self) -> None:
        """Stop polling (letting the update in hand finish) and close the HTTP clients."""
        self._stopping = True
        if self._fetch is not None:
            self._fetch.cancel()
        try:
            async with asyncio.timeout(STOP_GRACE):
                await self._stopped.wait()
        except TimeoutError:
            if self._poller is not None and self._poller is not asyncio.current_task():
                self._poller.cancel()
        await self.application.shutdown()

    def webhook_app(self, secret: str, path: str = "/telegram") -> web.Application:
        """An aiohttp app that takes Telegram's webhook POSTs (bot/transports/webhook.py)."""
        return webhook_app(secret, path, self._read, self._handle_posted)

    async def _handle_posted(self, update: Update) -> None:
        await self.application.initialize()
        event = to_event(update)
        if event is not None:
            await self.core.handle(event, self)  # handled before answering, as with aiogram

    async def set_webhook(self, url: str, secret: str) -> None:
        redact(_PTB_LOGGERS, secret)  # PTB logs every call's parameters at DEBUG, the secret among them
        await self.prepare()
        await self.bot.set_webhook(url, secret_token=secret or None, allowed_updates=ALLOWED_UPDATES)
