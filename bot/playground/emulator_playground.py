"""The playground page's own API on the emulator: a small JSON API under ``/playground/api/`` and the
static page at ``/playground/``. The emulator stays the one source of truth; the page acts as people.

    GET  /playground/api/view?as=<user>&chat=<chat>&lang=cy   what that person's client shows now
    GET  /playground/api/changes?since=<version>&world=<id>    long poll: returns once something changed
    POST /playground/api/send      {"as", "chat", "text"}      a person writes
    POST /playground/api/press     {"as", "chat", "message_id", "data"}   a person presses a button
    POST /playground/api/add-bot   {"as", "chat"}              a person adds the bot to a group
    POST /playground/api/reset, /playground/api/tour           the demo's controls, when a demo set them
    GET  /playground/api/files/<file_id>                       a file the bot sent
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

from aiohttp import web

from . import emulator_people as people
from . import emulator_playground_view as view
from .emulator_state import ChatRecord, World

Obj = dict[str, Any]

WEB_DIR = Path(__file__).with_name("web")
LONG_POLL_SECONDS = 25.0
MAX_TEXT = 4096
_CONTENT_POLICY = (
    "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class DemoControls(Protocol):
    """What `criw demo` lets the page do to the whole world."""

    def reset(self) -> None:
        """Start again: a fresh emulator and a fresh database behind the same address."""

    def play_tour(self) -> None:
        """Start again, then play the scripted tour slowly enough to watch."""


@dataclass(frozen=True)
class Persona:
    """Someone the page can be: a simulated person, their role, and what is special about them."""

    user_id: int
    role: str = "member"  # coordinator | member
    note: str = ""  # welsh | easy_read | ""


@dataclass
class TourProgress:
    step: int = 0
    chat_id: int | None = None
    action: str = ""
    running: bool = True
    failed: bool = False


class Playground:
    """The page's view of one emulator, plus the demo's personas, controls and tour progress."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.world_id = secrets.token_hex(6)  # a new world (after a reset) has a new id
        self.feed = view.Feed(world)
        self.personas: list[Persona] = []
        self.controls: DemoControls | None = None
        self.tour: TourProgress | None = None

    # -- the tour, as the demo plays it -------------------------------------------------------------

    def tour_started(self) -> None:
        self.tour = TourProgress()
        self.world.touch()

    def tour_step(self, chat_id: int, action: str) -> None:
        """Called before each step of the tour, so the page can follow it."""
        step = self.tour.step + 1 if self.tour else 1
        self.tour = TourProgress(step=step, chat_id=chat_id, action=action)
        self.world.touch()

    def tour_finished(self, *, failed: bool = False) -> None:
        progress = self.tour or TourProgress()
        self.tour = TourProgress(progress.step, progress.chat_id, progress.action, running=False, failed=failed)
        self.world.touch()

    def host(self, personas: list[Persona], controls: DemoControls) -> None:
        """A demo takes over this emulator: who the page can be, and what it may do to the world."""
        self.personas, self.controls = list(personas), controls
        self.world.touch()

    def version(self) -> int:
        extra = (asdict(self.tour) if self.tour else None, self.personas, self.controls is not None)
        return self.feed.version(repr(extra))

    # -- routes -------------------------------------------------------------------------------------

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/playground", _to_page),
            web.get("/playground/", self._page),
            web.get("/playground/api/view", self._view),
            web.get("/playground/api/changes", self._changes),
            web.post("/playground/api/send", self._send),
            web.post("/playground/api/press", self._press),
            web.post("/playground/api/add-bot", self._add_bot),
            web.post("/playground/api/reset", self._reset),
            web.post("/playground/api/tour", self._play_tour),
            web.get("/playground/api/files/{file_id}", self._file),
            web.get("/playground/{name}", self._static),
        ]

    async def _page(self, request: web.Request) -> web.StreamResponse:
        return _static_file("index.html")

    async def _static(self, request: web.Request) -> web.StreamResponse:
        return _static_file(request.match_info["name"])

    async def _view(self, request: web.Request) -> web.Response:
        persona = self._persona(request.query.get("as"))
        if persona is None:
            return _json({"world": self.world_id, "version": self.version(), "personas": []})
        record = self._chat_for(persona.user_id, request.query.get("chat"))
        language = "cy" if request.query.get("lang", "cy") == "cy" else "en"
        answers = [
            {"n": index, "text": answer["text"], "alert": bool(answer["show_alert"])}
            for index, answer in enumerate(self.world.callback_answers)
            if answer["user_id"] == persona.user_id and answer["text"]
        ]
        return _json(
            {
                "world": self.world_id,
                "version": self.version(),
                "bot": {"name": self.world.bot["first_name"], "username": self.world.bot.get("username")},
                "personas": [self._persona_view(p) for p in self._personas()],
                "as": persona.user_id,
                "controls": {"reset": self.controls is not None, "tour": self.controls is not None},
                "tour": asdict(self.tour) if self.tour else None,
                "chats": [view.chat_summary(self.world, r) for r in view.visible_chats(self.world, persona.user_id)],
                "chat": self._chat_view(record, persona.user_id, language),
                "answers": answers[-5:],
            }
        )

    def _chat_view(self, record: ChatRecord, user_id: int, language: str) -> Obj:
        return {
            **view.chat_summary(self.world, record),
            "started": self.world.people[user_id].started if record.is_private else True,
            "commands": view.commands_for(self.world, record, user_id, language),
            "messages": [view.message_view(self.world, m, user_id) for m in record.messages.values()],
        }

    async def _changes(self, request: web.Request) -> web.Response:
        """Answer as soon as the version passes ``since`` (at once for another world), else after a while."""
        since = _int(request.query.get("since"), -1)
        if request.query.get("world") == self.world_id:
            queue = self.world.queue
            try:
                async with asyncio.timeout(LONG_POLL_SECONDS):
                    await self.world.changes.wait_until(lambda: queue.closing or self.version() > since)
            except TimeoutError:
                pass
        return _json({"world": self.world_id, "version": self.version()})

    async def _send(self, request: web.Request) -> web.Response:
        body = await _body(request)
        persona, record = self._acting(body)
        text = str(body.get("text", "")).strip()
        if not text or len(text) > MAX_TEXT:
            raise _refuse(f"a message needs 1 to {MAX_TEXT} characters")
        chat = None if record.is_private else record.id
        return _act(lambda: people.user_sends(self.world, persona.user_id, text, chat))

    async def _press(self, request: web.Request) -> web.Response:
        body = await _body(request)
        persona, record = self._acting(body)
        message_id, data = _int(body.get("message_id"), 0), str(body.get("data", ""))
        return _act(lambda: people.user_presses(self.world, persona.user_id, record.id, message_id, data, False))

    async def _add_bot(self, request: web.Request) -> web.Response:
        persona, record = self._acting(await _body(request))
        return _act(lambda: people.add_bot_to_group(self.world, record.id, persona.user_id))

    async def _reset(self, request: web.Request) -> web.Response:
        if self.controls is None:
            raise _refuse("this emulator is not running a demo that can be reset", status=409)
        self.controls.reset()
        return _json({"ok": True}, status=202)

    async def _play_tour(self, request: web.Request) -> web.Response:
        if self.controls is None:
            raise _refuse("this emulator is not running a demo with a tour", status=409)
        self.controls.play_tour()
        return _json({"ok": True}, status=202)

    async def _file(self, request: web.Request) -> web.Response:
        stored = self.world.files.get(request.match_info["file_id"])
        if stored is None:
            raise _refuse("no such file", status=404)
        disposition = "attachment" if stored.kind == "document" else "inline"
        headers = {"Content-Disposition": f"{disposition}; filename*=UTF-8''{quote(stored.filename)}"}
        return web.Response(body=stored.data, content_type=stored.mime_type, headers=headers)

    # -- who is acting where ------------------------------------------------------------------------

    def _personas(self) -> list[Persona]:
        if self.personas:
            return self.personas
        return [Persona(uid) for uid, person in self.world.people.items() if not person.user.get("is_bot")]

    def _persona(self, raw: Any) -> Persona | None:
        personas = self._personas()
        wanted = _int(raw, 0)
        return next((p for p in personas if p.user_id == wanted), personas[0] if personas else None)

    def _persona_view(self, persona: Persona) -> Obj:
        name = view.display_name(self.world.people[persona.user_id].user)
        return {"id": persona.user_id, "name": name, "role": persona.role, "note": persona.note}

    def _chat_for(self, user_id: int, raw: Any) -> ChatRecord:
        """The chat asked for if this person can see it, else their private chat with the bot."""
        record = self.world.find_chat(raw)
        if record is not None and view.can_see(self.world, user_id, record):
            return record
        return self.world.private_chat(user_id)

    def _acting(self, body: Obj) -> tuple[Persona, ChatRecord]:
        persona = next((p for p in self._personas() if p.user_id == _int(body.get("as"), 0)), None)
        if persona is None:
            raise _refuse("'as' must be one of the personas")
        record = self.world.find_chat(body.get("chat"))
        if record is None or not view.can_see(self.world, persona.user_id, record):
            raise _refuse("that person cannot see that chat", status=403)
        return persona, record


async def _to_page(request: web.Request) -> web.Response:
    raise web.HTTPFound("/playground/")


def _static_file(name: str) -> web.StreamResponse:
    # Only files that ship in web/ by their plain name: no paths, so nothing else can be read.
    shipped = {path.name: path for path in WEB_DIR.iterdir() if path.is_file()}
    if name not in shipped:
        raise _refuse("not found", status=404)
    headers = {"Cache-Control": "no-cache", "Content-Security-Policy": _CONTENT_POLICY}
    return web.FileResponse(shipped[name], headers=headers)


def _act(action: Callable[[], Obj]) -> web.Response:
    """Run a simulation step; a step the emulator refuses (no such button...) is a 400 with the reason."""
    try:
        update = action()
    except ValueError as problem:
        raise _refuse(str(problem)) from None
    return _json({"ok": True, "update_id": (update or {}).get("update_id")})


async def _body(request: web.Request) -> Obj:
    try:
        body = await request.json()
    except ValueError:
        raise _refuse("send a JSON object") from None
    if not isinstance(body, dict):
        raise _refuse("send a JSON object")
    return body


def _int(raw: Any, default: int) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError):
        return default


def _json(payload: Obj, status: int = 200) -> web.Response:
    return web.json_response(payload, status=status, headers={"Cache-Control": "no-store"})


_ERRORS: dict[int, type[web.HTTPException]] = {
    400: web.HTTPBadRequest,
    403: web.HTTPForbidden,
    404: web.HTTPNotFound,
    409: web.HTTPConflict,
}


def _refuse(reason: str, status: int = 400) -> web.HTTPException:
    body = json.dumps({"ok": False, "error": reason})
    return _ERRORS[status](text=body, content_type="application/json")
