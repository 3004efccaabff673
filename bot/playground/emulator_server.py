"""The HTTP face of the emulator: routes, the pipeline every Bot API call goes through, downloads."""

from __future__ import annotations

import asyncio
import copy
import inspect
import logging
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from aiohttp import web

from . import emulator_admin, emulator_files, emulator_messages
from .emulator_limits import EmulatorStats, FaultInjector, RateLimiter
from .emulator_sinks import is_malformed
from .emulator_state import World
from .emulator_wire import (
    ApiError,
    Call,
    Params,
    ProxyPage,
    error_response,
    ok_response,
    read_call,
    too_many_requests,
)

log = logging.getLogger(__name__)

Handler = Callable[[World, Call], Any]
MAX_UPLOAD_BYTES = 50 * 1024 * 1024  # Telegram's limit for files sent by bots
_HANDLERS: dict[str, Handler] = {
    **emulator_admin.HANDLERS,
    **emulator_messages.HANDLERS,
    **emulator_files.HANDLERS,
}


class BotApi:
    """The Bot API methods plus what wraps them: call log, injected faults, flood limits, stats."""

    def __init__(self, world: World, token: str) -> None:
        self.world = world
        self.token = token
        self.calls: list[tuple[str, Params]] = []
        self.refused: list[tuple[str, str]] = []  # (method, description): calls refused as malformed
        self.stats = EmulatorStats()
        self.faults = FaultInjector()
        self.limiter = RateLimiter(world.clock)
        self._methods = {name.lower(): name for name in _HANDLERS}  # method names are case-insensitive

    def canonical(self, method: str) -> str | None:
        """``sendmessage`` -> ``sendMessage``; None for methods the emulator does not know."""
        return self._methods.get(method.lower())

    async def invoke(self, call: Call) -> Any:
        """Run one call as Telegram would: maybe refuse it (fault, flood), else execute it."""
        self.calls.append((call.method, copy.deepcopy(call.params)))
        self.stats.calls[call.method] += 1
        try:
            delay, carried_out = self.faults.take_delay(call.method)
            if delay and not carried_out:
                await asyncio.sleep(delay)  # a slow Telegram; a client that gives up cancels the call
            fault = self.faults.take(call.method, call.params)
            if fault is not None:
                raise fault
            garbled, answer = self.faults.take_garbled(call.method)
            if garbled:
                return copy.deepcopy(answer)
            self._check_flood(call)
            try:
                result = _HANDLERS[call.method](self.world, call)
                result = await result if inspect.isawaitable(result) else result
            except ApiError as error:  # an injected fault is the test's doing, not a malformed call
                if is_malformed(error.description):
                    self.refused.append((call.method, error.description))
                raise
            if delay and carried_out:
                await asyncio.sleep(delay)  # done already, answered late: a client that gives up can't know
            return result
        except ApiError as error:
            self.stats.errors[error.error_code] += 1
            if error.error_code == 429:
                self.stats.retry_after_sent += 1
            raise
        except ProxyPage as page:
            self.stats.errors[page.status] += 1
            raise
        finally:
            self.world.touch()

    def _check_flood(self, call: Call) -> None:
        record = self.world.find_chat(call.params.get("chat_id")) if call.has("chat_id") else None
        is_group = record is not None and not record.is_private
        retry_after = self.limiter.check(call.method, record.id if record else None, is_group)
        if retry_after:
            self.stats.violations += 1
            if self.limiter.enforced:
                raise too_many_requests(retry_after)


def build_app(api: BotApi, extra_routes: Iterable[web.RouteDef] = ()) -> web.Application:
    """Routes: ``/bot<token>/<method>``, ``/file/bot<token>/<path>``, ``extra_routes`` (the playground
    page and its API), and a JSON 404 for the rest."""
    app = web.Application(client_max_size=MAX_UPLOAD_BYTES)
    app.router.add_route("*", "/bot{token}/{method}", partial(_api_call, api))
    app.router.add_route("GET", "/file/bot{token}/{path:.+}", partial(_download, api))
    app.router.add_routes(extra_routes)
    app.router.add_route("*", "/{tail:.*}", _not_found)
    return app


async def _api_call(api: BotApi, request: web.Request) -> web.Response:
    raw_method = request.match_info["method"]
    method = api.canonical(raw_method)
    queue = api.world.queue
    # Counted as in flight from the first byte, so settle() can never miss a call being read.
    queue.call_started(method or raw_method)
    try:
        if request.match_info["token"] != api.token:
            raise ApiError(401, "Unauthorized")
        if method is None:
            raise ApiError(404, "Not Found")
        try:
            call = await read_call(request, method)
        except web.HTTPRequestEntityTooLarge:
            raise ApiError(413, "Request Entity Too Large") from None
        return ok_response(await api.invoke(call))
    except ApiError as error:
        return error_response(error)
    except ProxyPage as page:
        return page.response()
    except Exception as error:  # a bug in the emulator: say so loudly rather than hang the bot
        log.exception("emulator failed on %s", raw_method)
        return error_response(ApiError(500, f"Internal Server Error: emulator bug: {error!r}"))
    finally:
        queue.call_finished(method or raw_method)


async def _download(api: BotApi, request: web.Request) -> web.Response:
    if request.match_info["token"] != api.token:
        return error_response(ApiError(401, "Unauthorized"))
    stored = emulator_files.file_at(api.world, request.match_info["path"])
    if stored is None:
        return error_response(ApiError(404, "Not Found"))
    return web.Response(body=stored.data, content_type=stored.mime_type)


async def _not_found(request: web.Request) -> web.Response:
    return error_response(ApiError(404, "Not Found"))
