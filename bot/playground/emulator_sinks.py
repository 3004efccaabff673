"""What readers see of what the bot sent, and the calls Telegram refused as malformed.

Pop-ups, button labels, command menus, descriptions, and texts or captions sent without a parse mode are
shown exactly as written: an HTML escape there ("Tom &amp; Jerry") is a bug the reader sees. So is one
left in a formatted message after Telegram has parsed it (text escaped twice). Messages Telegram refuses
for their content (HTML it can't parse, too long, a bad button) never reach anyone.
Tests read both through the emulator (`TelegramEmulator.plain_texts`, `.refused`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .emulator_html import HtmlEntityError, parse_html

Params = dict[str, Any]

#: an HTML escape, named or numeric: never right in plain text
HTML_ESCAPE = re.compile(r"&(?:amp|lt|gt|quot|apos);|&#[0-9xX]")

#: the starts of Telegram's 400 descriptions that mean "this message itself is malformed"
MALFORMED = (
    "Bad Request: can't parse",  # entities (HTML), inline keyboard, bot commands
    "Bad Request: message text is empty",
    "Bad Request: message is too long",
    "Bad Request: message caption is too long",
    "Bad Request: MESSAGE_TOO_LONG",  # a pop-up over 200 characters
    "Bad Request: BUTTON_DATA_INVALID",
    "Bad Request: BUTTON_URL_INVALID",
    "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID",
    "Bad Request: unsupported parse_mode",
)


def is_malformed(description: str) -> bool:
    return description.startswith(MALFORMED)


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value


def _button_labels(markup: Any) -> Iterator[str]:
    markup = _json(markup)
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
    for row in rows if isinstance(rows, list) else []:
        for button in row if isinstance(row, list) else []:
            if isinstance(button, dict):
                yield str(button.get("text", ""))


def plain_texts(calls: Iterable[tuple[str, Params]]) -> Iterator[tuple[str, str]]:
    """(where, text) for every plain-text string in these Bot API calls."""
    for method, params in calls:
        for label in _button_labels(params.get("reply_markup")):
            yield f"{method} button", label
        if method == "answerCallbackQuery" and params.get("text"):
            yield "pop-up", str(params["text"])
        for field in ("text", "caption"):
            if params.get(field) and method != "answerCallbackQuery":
                yield from _as_shown(method, field, str(params[field]), str(params.get("parse_mode", "")))
        if method == "setMyCommands":
            commands = _json(params.get("commands"))
            for command in commands if isinstance(commands, list) else []:
                if isinstance(command, dict):
                    yield "command description", str(command.get("description", ""))
        for field in ("description", "short_description"):
            if method in ("setMyDescription", "setMyShortDescription") and params.get(field):
                yield method, str(params[field])


def _as_shown(method: str, field: str, text: str, mode: str) -> Iterator[tuple[str, str]]:
    if not mode:
        yield f"{method} {field} (no parse mode)", text
    elif mode.lower() == "html":
        try:
            shown = parse_html(text).text
        except HtmlEntityError:
            return  # refused, and listed as such
        yield f"{method} {field} (as shown)", shown


def escaped_plain_texts(calls: Iterable[tuple[str, Params]]) -> list[tuple[str, str]]:
    """The texts readers see (plain sinks, and formatted messages after parsing) that show an HTML escape:
    each one a bug, unless a person typed it so."""
    return [(where, text) for where, text in plain_texts(calls) if HTML_ESCAPE.search(text)]
