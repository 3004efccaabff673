"""Webhook delivery: POST each update to the bot, retrying like Telegram does.

One update at a time by default. ``spread`` plays a load balancer in front of several bot workers:
updates go to the given URLs in turn, ``parallel`` at once, and with ``to_every`` each update goes to
every URL (the same update arriving at two workers, as after a lost answer), all with the webhook's
secret.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp

from .emulator_server import BotApi
from .emulator_updates import Webhook
from .emulator_wire import ApiError, Call, UploadedFile, read_multipart

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
Obj = dict[str, Any]


class WebhookDelivery:
    """Runs for the emulator's lifetime; idle unless a webhook is set and updates are queued.

    An update is confirmed (removed from the queue) only after the bot answered 2xx and any method
    in its answer was executed, so ``settle`` waits for the whole exchange. After ``attempts``
    failures the update is dropped and the failure is reported by getWebhookInfo.
    """

    def __init__(self, api: BotApi, *, attempts: int = 3, backoff: float = 0.05, timeout: float = 30) -> None:
        self.api = api
        self.queue = api.world.queue
        self.attempts = attempts
        self.backoff = backoff
        self.timeout = timeout
        self.failures: list[tuple[Obj, str]] = []  # updates given up on, with the last error
        self.urls: list[str] = []  # set by spread(): where updates go instead of the webhook's URL
        self.to_every = False
        self.parallel = 1  # updates on their way at once
        self._in_flight = 0
        self._freed = asyncio.Event()
        self._turn = 0

    def spread(self, urls: list[str], *, parallel: int = 40, to_every: bool = False) -> None:
        """Deliver to `urls` in turn (or, `to_every`, to all of them), up to `parallel` updates at once;
        an empty list goes back to the webhook's own URL, one update at a time."""
        if not 1 <= parallel <= 100:
            raise ValueError("parallel must be between 1 and 100, like max_connections")
        self.urls, self.to_every = list(urls), to_every
        self.parallel = parallel if urls else 1
        self._freed.set()

    async def run(self) -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout)) as session:
            tasks: set[asyncio.Task[None]] = set()
            try:
                while True:
                    while self._in_flight >= self.parallel:
                        self._freed.clear()
                        await self._freed.wait()
                    update, hook = await self.queue.next_for_webhook()
                    self._in_flight += 1
                    task = asyncio.create_task(self._guarded(session, update, hook))
                    tasks.add(task)  # keep a reference until it ends
                    task.add_done_callback(tasks.discard)
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

    async def _guarded(self, session: aiohttp.ClientSession, update: Obj, hook: Webhook) -> None:
        try:
            await self._deliver(session, update, hook)
        except Exception:  # an emulator bug must not silently stop all deliveries
            log.exception("webhook delivery of update %s failed", update.get("update_id"))
            self.failures.append((update, "emulator error"))
            self.queue.webhook_done(update)
        finally:
            self._in_flight -= 1
            self._freed.set()

    def _targets(self, hook: Webhook) -> list[str]:
        if not self.urls:
            return [hook.url]
        if self.to_every:
            return list(self.urls)
        self._turn += 1
        return [self.urls[self._turn % len(self.urls)]]

    async def _deliver(self, session: aiohttp.ClientSession, update: Obj, hook: Webhook) -> None:
        error: str | None = None
        targets = self._targets(hook)
        for attempt in range(self.attempts):
            errors = await asyncio.gather(*(self._post(session, update, hook, url) for url in targets))
            error = next((problem for problem in errors if problem is not None), None)
            if error is None or self.queue.webhook is not hook:
                break
            hook.last_error_date = self.api.world.now()
            hook.last_error_message = error
            self.api.world.touch()
            if attempt + 1 < self.attempts:
                # Telegram spaces its retries out; a short backoff keeps tests fast.
                await asyncio.sleep(self.backoff * 2**attempt)
        if error is not None and self.queue.webhook is not hook:
            self.queue.webhook_released(update)
            return  # the webhook went away mid-delivery: the update waits for getUpdates instead
        if error is not None:
            log.warning("webhook gave up on update %s: %s", update.get("update_id"), error)
            self.failures.append((update, error))
        self.queue.webhook_done(update)

    async def _post(self, session: aiohttp.ClientSession, update: Obj, hook: Webhook, url: str) -> str | None:
        """POST one update; returns Telegram's wording of the failure, or None on success."""
        headers = {SECRET_HEADER: hook.secret_token} if hook.secret_token else {}
        try:
            async with session.post(url, json=update, headers=headers) as response:
                if not 200 <= response.status < 300:
                    return f"Wrong response from the webhook: {response.status} {response.reason}"
                reply, files = await _read_reply(response)
        except (aiohttp.ClientError, TimeoutError) as exc:
            return f"Connection failed: {exc!r}"
        if reply.get("method"):
            await self._execute(reply, files)
        return None

    async def _execute(self, reply: Obj, files: dict[str, UploadedFile]) -> None:
        """Run the method a bot may return in its webhook answer; its result goes nowhere."""
        params = dict(reply)
        raw_method = str(params.pop("method"))
        method = self.api.canonical(raw_method)
        if method is None:
            log.warning("webhook answer named unknown method %r", raw_method)
            return
        try:
            await self.api.invoke(Call(method, params, files))
        except ApiError as error:
            log.warning("method %s from a webhook answer failed: %s", method, error.description)


async def _read_reply(response: aiohttp.ClientResponse) -> tuple[Obj, dict[str, UploadedFile]]:
    """A webhook answer may carry a method call, as JSON or (aiogram's way) as multipart form data."""
    if response.content_type == "application/json":
        try:
            body = await response.json()
        except ValueError:  # Telegram ignores an answer it cannot read; so does the emulator
            return {}, {}
        return (body if isinstance(body, dict) else {}), {}
    if response.content_type.startswith("multipart/"):
        return await read_multipart(aiohttp.MultipartReader(response.headers, response.content))
    return {}, {}
