"""Router: maps commands (English and Welsh names), button prefixes, conversation steps and chat
events to handlers. Handlers are plain `async def handler(ctx) -> None`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from bot.chat.callbacks import Shape, fits
from bot.chat.context import Context
from bot.chat.events import EventKind

T = TypeVar("T")
Handler = Callable[[Context], Awaitable[None]]
COMMAND_SHAPE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True)
class CommandInfo:
    """A command as published in Telegram's menu, one name per language."""

    cy: str
    en: str
    describe: Callable[..., str]  # (tr) -> description, in that language
    private_only: bool = False


@dataclass
class Router:
    name: str = "root"
    commands: dict[str, Handler] = field(default_factory=dict)
    callbacks: dict[str, Handler] = field(default_factory=dict)
    shapes: dict[str, tuple[Shape, ...]] = field(default_factory=dict)  # each button kind's exact fields
    steps: dict[tuple[str, str], Handler] = field(default_factory=dict)
    place_steps: dict[tuple[str, str], Handler] = field(default_factory=dict)  # steps that take a shared location
    events: dict[EventKind, Handler] = field(default_factory=dict)
    menu: list[CommandInfo] = field(default_factory=list)
    fallback: Handler | None = None
    media: Handler | None = None  # a photo, sticker, voice note, file or place no step asked for, in private

    def command(self, *names: str, menu: CommandInfo | None = None) -> Callable[[Handler], Handler]:
        for name in names:
            if not 1 <= len(name) <= 32 or set(name) - COMMAND_SHAPE:
                raise ValueError(f"Telegram commands are 1-32 of a-z, 0-9 and _: {name!r}")

        def register(handler: Handler) -> Handler:
            for name in names:
                self._put(self.commands, name, handler)
            if menu:
                self.menu.append(menu)
            return handler

        return register

    def callback(self, prefix: str, *shapes: Shape) -> Callable[[Handler], Handler]:
        """Route a button kind; `shapes` are the only argument shapes it accepts (a payload with another
        shape, such as an extra field or "00" for 0, goes to the fallback as an old or forged button)."""
        if not shapes:
            raise ValueError(f"button {prefix!r} must declare the shapes of its fields")
        self._put(self.shapes, prefix, shapes)
        return lambda handler: self._put(self.callbacks, prefix, handler)

    def step(self, flow: str, step: str) -> Callable[[Handler], Handler]:
        return lambda handler: self._put(self.steps, (flow, step), handler)

    def place_step(self, flow: str, step: str) -> Callable[[Handler], Handler]:
        """A conversation step that also accepts a shared location (the event's `place`)."""
        return lambda handler: self._put(self.place_steps, (flow, step), handler)

    def on(self, kind: EventKind) -> Callable[[Handler], Handler]:
        return lambda handler: self._put(self.events, kind, handler)

    def include(self, other: Router) -> None:
        for table in ("commands", "callbacks", "shapes", "steps", "place_steps", "events"):
            for key, handler in getattr(other, table).items():
                self._put(getattr(self, table), key, handler)
        self.menu.extend(other.menu)
        self.fallback = other.fallback or self.fallback
        self.media = other.media or self.media

    @staticmethod
    def _put(table: dict, key: object, value: T) -> T:  # type: ignore[type-arg]
        if key in table:
            raise ValueError(f"{key!r} is routed twice")
        table[key] = value
        return value

    def resolve(self, ctx: Context) -> Handler | None:
        """The handler for this event, or None to ignore it (ordinary group chatter, for example)."""
        event = ctx.event
        if event.kind is EventKind.CALLBACK:
            return self._button(ctx)
        if event.kind is not EventKind.MESSAGE:
            return self.events.get(event.kind)
        if event.media is not None:
            return self._for_media(ctx)
        if event.command:
            return self.commands.get(event.command[0], self.fallback)
        if ctx.conversation is not None:
            return self.steps.get((ctx.conversation.flow, ctx.conversation.step), self.fallback)
        return self.fallback if event.is_private else None

    def accepts(self, prefix: str, args: tuple[str, ...]) -> bool:
        """A payload of a kind routed here, shaped exactly as that kind declared."""
        return prefix in self.callbacks and any(fits(args, shape) for shape in self.shapes[prefix])

    def _button(self, ctx: Context) -> Handler | None:
        pressed = ctx.callback
        if pressed is None or not self.accepts(pressed.prefix, pressed.args):
            return self.fallback
        return self.callbacks[pressed.prefix]

    def _for_media(self, ctx: Context) -> Handler | None:
        """A photo, sticker, voice note, file or place: answered in private (a place where one was asked
        for goes to its step), never in a group."""
        if not ctx.event.is_private:
            return None
        if ctx.conversation is not None:
            place_step = self.place_steps.get((ctx.conversation.flow, ctx.conversation.step))
            if place_step is not None and ctx.event.place is not None:
                return place_step
        return self.media or self.fallback
