"""Inline keyboards in Criw's own terms; transports turn them into Telegram markup."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.i18n.markup import plain


@dataclass(frozen=True)
class Button:
    text: str  # plain text: Telegram shows a label as written, so Markup given here is unescaped
    data: str | None = None  # callback payload, built with bot.chat.callbacks.encode
    url: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", plain(self.text))


@dataclass(frozen=True)
class Keyboard:
    rows: tuple[tuple[Button, ...], ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, *rows: list[Button] | tuple[Button, ...]) -> Keyboard:
        return cls(tuple(tuple(row) for row in rows if row))

    @classmethod
    def column(cls, *buttons: Button) -> Keyboard:
        return cls(tuple((button,) for button in buttons))
