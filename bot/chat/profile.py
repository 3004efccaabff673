"""What the bot publishes about itself: command menus and descriptions, per language code.

"" is Telegram's default (every client without a menu of its own): Criw makes it bilingual, Welsh
first, because most Welsh speakers' Telegram clients say "en".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.chat.router import Router
from bot.i18n.translator import Render, Tr

DEFAULT = ""


@dataclass(frozen=True)
class BotProfile:
    commands: dict[str, list[tuple[str, str]]]  # language code -> (command, description)
    descriptions: dict[str, str]
    short_descriptions: dict[str, str]


def _per_language(render: Callable[[Tr], str], limit: int, joiner: str) -> dict[str, str]:
    return {
        DEFAULT: joiner.join(render(Tr(code)) for code in ("cy", "en"))[:limit],
        "cy": render(Tr("cy"))[:limit],
        "en": render(Tr("en"))[:limit],
    }


def build_profile(router: Router, description: Render, short_description: Render) -> BotProfile:
    welsh = [(info.cy, info.describe(Tr("cy"))) for info in router.menu]
    english = [(info.en, info.describe(Tr("en"))) for info in router.menu]
    both = [pair for pairs in zip(welsh, english, strict=True) for pair in pairs]
    return BotProfile(
        commands={DEFAULT: both[:100], "cy": welsh, "en": english},
        descriptions=_per_language(description, 512, "\n\n"),
        short_descriptions=_per_language(short_description, 120, " · "),
    )
