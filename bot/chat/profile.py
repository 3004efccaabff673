"""What the bot publishes about itself: command menus and descriptions, per language code.

"" is Telegram's default (every client without a menu of its own): Criw makes it bilingual, Welsh
first, each command once. Most Welsh speakers' Telegram clients say "en", so a person who chooses a
language in Criw also gets a menu of their own in it (`SetMenu`, published to their private chat).
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


def _bilingual(welsh: list[tuple[str, str]], english: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each Welsh command then its English one; a command both share (/start) once, described in both."""
    menu: dict[str, str] = {}
    for name, text in (pair for pairs in zip(welsh, english, strict=True) for pair in pairs):
        menu[name] = f"{menu[name]} / {text}"[:256] if name in menu and menu[name] != text else text
    return list(menu.items())


def build_profile(router: Router, description: Render, short_description: Render) -> BotProfile:
    welsh = [(info.cy, info.describe(Tr("cy"))) for info in router.menu]
    english = [(info.en, info.describe(Tr("en"))) for info in router.menu]
    return BotProfile(
        commands={DEFAULT: _bilingual(welsh, english)[:100], "cy": welsh, "en": english},
        descriptions=_per_language(description, 512, "\n\n"),
        short_descriptions=_per_language(short_description, 120, " · "),
    )
