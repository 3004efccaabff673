"""An in-process Telegram Bot API server for tests and demos.

The real bot (aiogram 3, or python-telegram-bot 22) talks to it over HTTP exactly as it would talk
to api.telegram.org; tests play the people on the other side and watch what the bot does::

    async with TelegramEmulator() as emu:
        bot = Bot(emu.token, session=AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url)))
        ann = emu.add_user("Ann", language_code="cy")
        emu.user_sends(ann["id"], "/start")
        await emu.settle()
        assert "Croeso" in emu.last_bot_message(ann["id"])["text"]

Simulation methods (``add_user``, ``user_sends``...) are synchronous; their results may also be
awaited (``await emu.user_sends(...)``), so both styles work.

Module map: ``emulator_wire`` (HTTP formats), ``emulator_html`` (HTML parse mode),
``emulator_objects`` (Bot API objects), ``emulator_state`` (what Telegram knows),
``emulator_updates`` (queue, long polling, settling), ``emulator_messages`` / ``emulator_files`` /
``emulator_admin`` (the methods), ``emulator_limits`` (faults, flood limits, stats),
``emulator_server`` (routes and call pipeline), ``emulator_webhook``, ``emulator_people`` (events),
``emulator_playground`` (the web page's JSON API and the page itself, at ``/playground/``).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import re
import time
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Any

from aiohttp import web

from . import emulator_objects as objects
from . import emulator_people as people
from .emulator_limits import EmulatorStats
from .emulator_playground import Playground
from .emulator_server import BotApi, build_app
from .emulator_sinks import escaped_plain_texts
from .emulator_state import StoredFile, World
from .emulator_webhook import WebhookDelivery
from .emulator_wire import Params

Obj = dict[str, Any]
ChatRef = int | Obj  # a chat id or a Chat dict
MessagePredicate = Callable[[Obj], bool] | str | None

DEFAULT_TOKEN = "123456:criw-playground-token"
_TOKEN_RE = re.compile(r"\d+:[\w-]+")


class ReadyDict(dict[str, Any]):
    """A dict that may also be awaited (resolving to itself), so sync and async callers both work."""

    def __await__(self) -> Any:
        return _ready(self).__await__()


class ReadyInt(int):
    """An int that may also be awaited (resolving to itself)."""

    def __await__(self) -> Any:
        return _ready(self).__await__()


async def _ready(value: Any) -> Any:
    return value


def chat_id_of(chat: ChatRef) -> int:
    """Accept a chat id or a Chat / User dict."""
    return int(chat["id"]) if isinstance(chat, dict) else int(chat)


def _text_predicate(predicate: MessagePredicate) -> Callable[[Obj], bool]:
    if predicate is None:
        return lambda msg: True
    if isinstance(predicate, str):
        needle = predicate
        return lambda msg: needle in (msg.get("text") or msg.get("caption") or "")
    return predicate


class TelegramEmulator:
    """A fake api.telegram.org on 127.0.0.1, plus the people and groups that use the bot."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "criw_demo_bot",
        bot_name: str = "Criw",
        privacy_mode: bool = True,
        clock: Callable[[], float] = time.time,
        webhook_attempts: int = 3,
    ) -> None:
        if not _TOKEN_RE.fullmatch(token):
            raise ValueError(f"token {token!r} does not look like <digits>:<text>")
        bot = objects.user(int(token.split(":")[0]), bot_name, is_bot=True, username=bot_username)
        bot.update(
            can_join_groups=True,
            can_read_all_group_messages=not privacy_mode,
            supports_inline_queries=False,
            can_connect_to_business=False,
            has_main_web_app=False,
        )
        self.token = token
        self.world = World(bot, privacy_mode=privacy_mode, clock=clock)
        self.api = BotApi(self.world, token)
        self.playground = Playground(self.world)  # the web page's API and the page at /playground/
        self._webhook = WebhookDelivery(self.api, attempts=webhook_attempts)
        self._runner: web.AppRunner | None = None
        self._delivery: asyncio.Task[None] | None = None
        self._base_url: str | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    async def start(self, port: int = 0, host: str = "127.0.0.1") -> str:
        """Serve on ``host:port`` (0 = any free port); returns :attr:`base_url`."""
        if self._runner is not None:
            raise RuntimeError(f"the emulator is already running at {self._base_url}")
        self.world.queue.closing = False
        # handler_cancellation: a long poll whose client went away must stop counting as "waiting".
        self._runner = web.AppRunner(
            build_app(self.api, self.playground.routes()),
            access_log=None,
            shutdown_timeout=1.0,
            handler_cancellation=True,
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        bound_host, bound_port = self._runner.addresses[0][:2]
        self._base_url = f"http://{bound_host}:{bound_port}"
        self._delivery = asyncio.create_task(self._webhook.run(), name="emulator-webhook-delivery")
        return self._base_url

    async def stop(self) -> None:
        """Release parked long polls, stop webhook delivery and the server."""
        self.world.queue.closing = True
        self.world.touch()
        if self._delivery is not None:
            self._delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery
            self._delivery = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> TelegramEmulator:
        if self._runner is None:  # ``await emu.start(port=...)`` first is fine too
            await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>``: aiogram ``TelegramAPIServer.from_base(base_url)``; PTB
        ``base_url=f"{base_url}/bot"``, ``base_file_url=f"{base_url}/file/bot"``."""
        if self._base_url is None:
            raise RuntimeError("the emulator is not running: await emu.start() first")
        return self._base_url

    @property
    def bot_user(self) -> Obj:
        """What getMe returns."""
        return copy.deepcopy(self.world.bot)

    # -- people and groups ----------------------------------------------------------------------

    def add_user(
        self,
        first_name: str,
        *,
        user_id: int | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "en",
    ) -> ReadyDict:
        """A new person (User dict); their private chat with the bot has the same id."""
        return ReadyDict(
            people.add_user(
                self.world, first_name, user_id=user_id, last_name=last_name, username=username,
                language_code=language_code,
            )
        )  # fmt: skip

    def create_group(
        self,
        title: str,
        *,
        members: Iterable[int] = (),
        admins: Iterable[int] = (),
        creator: int | None = None,
        supergroup: bool = False,
        username: str | None = None,
    ) -> ReadyDict:
        """A group (negative id) without the bot; add it with :meth:`add_bot_to_group`."""
        chat = people.create_group(
            self.world, title, members=members, admins=admins, creator=creator, supergroup=supergroup,
            username=username,
        )  # fmt: skip
        return ReadyDict(chat)

    def rename_user(self, user_id: int, first_name: str, last_name: str | None = None) -> None:
        """The person changes their name in Telegram (anyone may, to anything): their next updates carry it."""
        user = self.world.person(user_id).user
        user["first_name"] = first_name
        user.pop("last_name", None)
        if last_name:
            user["last_name"] = last_name
        self.world.touch()

    def set_member_status(self, chat_id: ChatRef, user_id: int, status: str) -> ReadyDict:
        """Set creator/administrator/member/restricted/left/kicked; for the bot, sends my_chat_member."""
        return ReadyDict(people.set_member_status(self.world, chat_id_of(chat_id), user_id, status))

    # -- events (each enqueues the Update Telegram would send, and returns it) -------------------

    def user_sends(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: ChatRef | None = None,
        reply_to_message_id: int | None = None,
    ) -> ReadyDict:
        """A message from a person (private chat by default). Returns ``{}`` when, by Telegram's
        rules (privacy mode, bot not in the group), the bot is not told."""
        chat = None if chat_id is None else chat_id_of(chat_id)
        return ReadyDict(people.user_sends(self.world, user_id, text, chat, reply_to_message_id))

    def user_shares(
        self,
        user_id: int,
        kind: str,
        *,
        chat_id: ChatRef | None = None,
        reply_to_message_id: int | None = None,
        latitude: float = 51.4816,
        longitude: float = -3.1791,
    ) -> ReadyDict:
        """A photo, sticker, voice note, document or location from a person (private chat by default);
        ``{}`` when Telegram would not tell the bot."""
        chat = None if chat_id is None else chat_id_of(chat_id)
        return ReadyDict(people.user_shares(self.world, user_id, kind, chat, reply_to_message_id, latitude, longitude))

    def user_presses(
        self, user_id: int, chat_id: ChatRef, message_id: int, data: str, *, forged: bool = False
    ) -> ReadyDict:
        """A press on the inline button with ``data``; ``forged=True`` skips the button check."""
        chat = chat_id_of(chat_id)
        return ReadyDict(people.user_presses(self.world, user_id, chat, message_id, data, forged))

    def user_edits(self, user_id: int, chat_id: ChatRef, message_id: int, text: str) -> ReadyDict:
        """A person edits a message they sent (the bot hears only if it asked for ``edited_message``)."""
        return ReadyDict(people.user_edits(self.world, user_id, chat_id_of(chat_id), message_id, text))

    def user_deletes(self, user_id: int, chat_id: ChatRef, message_id: int) -> None:
        """A person deletes a message (an admin: anyone's, the bot's too); the bot is not told."""
        people.user_deletes(self.world, user_id, chat_id_of(chat_id), message_id)

    def add_bot_to_group(self, chat_id: ChatRef, by_user_id: int, *, as_admin: bool = False) -> ReadyDict:
        chat = chat_id_of(chat_id)
        return ReadyDict(people.add_bot_to_group(self.world, chat, by_user_id, as_admin=as_admin))

    def remove_bot_from_group(self, chat_id: ChatRef, by_user_id: int) -> ReadyDict:
        return ReadyDict(people.remove_bot_from_group(self.world, chat_id_of(chat_id), by_user_id))

    def user_blocks_bot(self, user_id: int) -> ReadyDict:
        return ReadyDict(people.user_blocks_bot(self.world, user_id))

    def migrate_to_supergroup(self, chat_id: ChatRef) -> ReadyInt:
        """Upgrade a basic group; returns the new supergroup id. The old id then answers 400."""
        return ReadyInt(people.migrate_to_supergroup(self.world, chat_id_of(chat_id)))

    def spread_webhook(self, urls: list[str], *, parallel: int = 40, to_every: bool = False) -> None:
        """Be the load balancer in front of several bot workers: POST updates to ``urls`` in turn, up to
        ``parallel`` at once (Telegram's max_connections), or with ``to_every`` each to all of them;
        ``[]`` goes back to the webhook's own URL, one update at a time. The webhook must still be set."""
        self._webhook.spread(urls, parallel=parallel, to_every=to_every)
        self.world.touch()

    def push_raw_update(self, kind: str, payload: Obj) -> ReadyDict:
        """Enqueue an update of ``kind`` with ``payload`` exactly as given, even one no library can read
        (a field a newer Bot API added, or one it dropped): what Telegram sends is not always what a
        library expects."""
        return ReadyDict(self.world.push(kind, payload))

    def redeliver(self, update: Obj) -> ReadyDict:
        """Enqueue the very same update again, with the same update_id (a lost confirmation)."""
        return ReadyDict(self.world.queue.redeliver(update))

    # -- observing ------------------------------------------------------------------------------

    def chat_messages(self, chat_id: ChatRef) -> list[Obj]:
        """The messages a chat shows now (edits applied, deleted ones gone); follows migrations."""
        record = self.world.chat(chat_id_of(chat_id), follow_migration=True)
        return copy.deepcopy(list(record.messages.values()))

    def bot_messages(self, chat_id: ChatRef) -> list[Obj]:
        return [msg for msg in self.chat_messages(chat_id) if self.world.is_bot_message(msg)]

    def last_bot_message(self, chat_id: ChatRef) -> Obj | None:
        messages = self.bot_messages(chat_id)
        return messages[-1] if messages else None

    def commands(
        self,
        scope_type: str = "default",
        language_code: str = "",
        *,
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> list[Obj]:
        """The command list setMyCommands stored for that scope and language ([] if none)."""
        return copy.deepcopy(self.world.commands.get((scope_type, chat_id, user_id, language_code), []))

    @property
    def descriptions(self) -> dict[str, dict[str, str]]:
        """``{"description" | "short_description" | "name": {language_code: text}}`` ("" = default)."""
        return copy.deepcopy(self.world.descriptions)

    @property
    def files(self) -> dict[str, StoredFile]:
        """Files the bot uploaded, by file_id, bytes included."""
        return dict(self.world.files)

    @property
    def calls(self) -> list[tuple[str, Params]]:
        """Every call the bot made, in order, as (canonical method name, decoded parameters)."""
        return self.api.calls

    @property
    def refused(self) -> list[tuple[str, str]]:
        """Calls refused as malformed (HTML Telegram can't parse, too long, a bad button), as (method,
        description). Injected faults are not listed: they are the test's doing."""
        return self.api.refused

    def escaped_plain_texts(self) -> list[tuple[str, str]]:
        """Texts readers see that show an HTML escape such as "&amp;", as (where, text): plain-text strings
        the bot sent (pop-ups, button labels, command menus, unformatted texts and captions) and formatted
        messages as Telegram shows them after parsing (an escape left there was escaped twice)."""
        return escaped_plain_texts(self.api.calls)

    @property
    def callback_answers(self) -> list[Obj]:
        """answerCallbackQuery calls: callback_query_id, user_id, text, show_alert, url, cache_time."""
        return self.world.callback_answers

    def callback_timings(self) -> list[tuple[float, float | None]]:
        """For every button press so far, in order: when it was queued for the bot and when the bot answered
        it (``time.perf_counter`` seconds; None while unanswered). Benchmarks measure latency with it."""
        return [(query.queued_at, query.answered_at) for query in self.world.queries.values()]

    @property
    def stats(self) -> EmulatorStats:
        return self.api.stats

    @property
    def updates(self) -> list[Obj]:
        """Every update ever enqueued, re-deliveries included."""
        return copy.deepcopy(self.world.queue.history)

    @property
    def pending_updates(self) -> list[Obj]:
        """Updates the bot has not confirmed yet."""
        return self.world.queue.pending

    @property
    def webhook_failures(self) -> list[tuple[Obj, str]]:
        """Updates webhook delivery gave up on, with the last error."""
        return self._webhook.failures

    # -- waiting without sleeping ---------------------------------------------------------------

    async def wait_for_message(
        self,
        chat_id: ChatRef,
        predicate: MessagePredicate = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - part of the documented test API
        *,
        after_message_id: int | None = None,
    ) -> Obj:
        """The earliest bot message in the chat (after ``after_message_id``) matching ``predicate``
        (a function, or text the message must contain), waiting for it if needed."""
        matches = _text_predicate(predicate)
        found: list[Obj] = []

        def ready() -> bool:
            found[:] = [
                msg for msg in self.bot_messages(chat_id)
                if (after_message_id is None or msg["message_id"] > after_message_id) and matches(msg)
            ][:1]  # fmt: skip
            return bool(found)

        try:
            async with asyncio.timeout(timeout):
                await self.world.changes.wait_until(ready)
        except TimeoutError:
            seen = [(m["message_id"], m.get("text") or m.get("caption")) for m in self.bot_messages(chat_id)]
            raise TimeoutError(
                f"no bot message in chat {chat_id_of(chat_id)} matched within {timeout}s; "
                f"bot messages there: {seen[-10:]}"
            ) from None
        return found[0]

    async def wait_until(self, predicate: Callable[[], bool], timeout: float = 5.0) -> None:  # noqa: ASYNC109
        """Wait (without polling) until ``predicate()`` holds, re-checking after every change the bot makes."""
        async with asyncio.timeout(timeout):
            await self.world.changes.wait_until(predicate)

    async def settle(self, timeout: float = 15.0) -> None:  # noqa: ASYNC109 - documented test API
        """Wait until the bot has handled every update enqueued so far and is idle.

        Polling: a getUpdates is parked with an offset past every update and no other call is in
        flight. Webhook: every POST has been answered. Raises TimeoutError saying what is missing.
        """
        queue = self.world.queue
        try:
            async with asyncio.timeout(timeout):
                await self.world.changes.wait_until(queue.settled)
        except TimeoutError:
            reason = queue.unsettled_reason()
            raise TimeoutError(f"the bot did not settle within {timeout}s: {reason}") from None

    # -- faults and limits ----------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        error_code: int = 429,
        description: str | None = None,
        retry_after: int | None = 1,
        times: int = 1,
        chat_id: ChatRef | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` ("*" = any), optionally only for one chat,
        fail with this error instead of running. 429s carry parameters.retry_after."""
        chat = None if chat_id is None else chat_id_of(chat_id)
        self.api.faults.add(
            method, error_code=error_code, description=description, retry_after=retry_after, times=times,
            chat_id=chat,
        )  # fmt: skip

    def garble_next(self, method: str, result: Any, times: int = 1) -> None:
        """Answer the next ``times`` calls of ``method`` with ``result`` ("ok": true) instead of running them:
        a Bot API server (or a newer Telegram) answering in a shape the client library can't decode."""
        self.api.faults.garble(method, result, times)

    def fail_next_with_page(self, method: str, status: int = 502, times: int = 1) -> None:
        """Make the next ``times`` calls of ``method`` ("*" = any) answer as a proxy in front of Telegram
        does when Telegram is unreachable: HTTP ``status`` with an HTML page, not the Bot API's JSON."""
        self.api.faults.add_page(method, status=status, times=times)

    def slow_next(self, method: str, seconds: float, times: int = 1, *, carried_out: bool = False) -> None:
        """Make the next ``times`` calls of ``method`` ("*" = any) wait ``seconds`` before being answered, as
        a slow Telegram does. A client that gives up first (its timeout) cancels the call: it never happens;
        unless ``carried_out``: then the call is done at once and only its answer is late, so a client that
        gives up has sent a message it was never told about."""
        self.api.faults.slow(method, seconds, times, carried_out=carried_out)

    def enforce_rate_limits(
        self,
        global_per_sec: int = 30,
        group_per_min: int = 20,
        chat_per_sec: int = 1,
        *,
        enabled: bool = True,
    ) -> None:
        """Answer over-limit sends with 429 + retry_after (violations are counted either way)."""
        self.api.limiter.configure(
            enforced=enabled, global_per_sec=global_per_sec, group_per_min=group_per_min,
            chat_per_sec=chat_per_sec,
        )  # fmt: skip
