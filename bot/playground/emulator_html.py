"""Telegram's HTML parse mode, reproduced strictly enough to catch what real Telegram rejects.

The rules follow the Bot API server (tdlib's ``parse_html``): only Telegram's tags, every tag
closed in order, attribute syntax checked, errors reported with a UTF-8 *byte* offset exactly as
Telegram words them. Entity offsets and lengths are counted in UTF-16 code units, as in the Bot API.

One deliberate difference: Telegram shows an unknown *named* entity such as ``&nbsp;`` literally
(the reader sees "&nbsp;"). That is always a bug in the bot, so here it is an error by default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Entity = dict[str, Any]

#: tag -> entity type for the simple tags that carry no argument.
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
}
SUPPORTED_TAGS = frozenset({*_SIMPLE_TAGS, "a", "code", "pre", "blockquote", "tg-emoji"})

_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY_RE = re.compile(r"&(?:#[xX]([0-9a-fA-F]*)|#([0-9]*)|([A-Za-z]*))(;?)")
_NAME_TOKEN_RE = re.compile(r"[A-Za-z0-9.\-]*")


class HtmlEntityError(ValueError):
    """The text is not valid Telegram HTML; ``str(error)`` is Telegram's reason."""


@dataclass(frozen=True)
class ParsedText:
    """Plain text plus its entities, as Telegram stores a formatted message."""

    text: str
    entities: list[Entity] = field(default_factory=list)


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: the unit of Bot API entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode("utf-8"))


@dataclass
class _OpenTag:
    name: str
    offset: int  # UTF-16 offset in the output where the tag's content starts
    text_start: int  # index into the output character list, for <a> without href
    argument: str = ""
    expandable: bool = False


class _HtmlParser:
    """A single-pass parser over the source; one instance per text."""

    def __init__(self, source: str, *, strict_entities: bool) -> None:
        self.src = source
        self.strict_entities = strict_entities
        self.i = 0
        self.out: list[str] = []
        self.offset = 0  # UTF-16 length of self.out
        self.stack: list[_OpenTag] = []
        self.entities: list[Entity] = []

    def error(self, message: str) -> HtmlEntityError:
        return HtmlEntityError(message)

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.offset += utf16_len(text)

    def parse(self) -> ParsedText:
        src = self.src
        while self.i < len(src):
            char = src[self.i]
            if char == "&":
                self.emit(self.decode_entity())
            elif char == "<":
                self.tag()
            else:
                self.emit(char)
                self.i += 1
        if self.stack:
            raise self.error(f"Can't find end tag corresponding to start tag {self.stack[-1].name}")
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return ParsedText("".join(self.out), self.entities)

    def decode_entity(self) -> str:
        """Decode the entity at ``self.i``; an ``&`` that starts none stays literal, as in Telegram."""
        start = self.i
        match = _ENTITY_RE.match(self.src, start)
        assert match is not None  # the pattern matches any "&"
        hex_digits, dec_digits, name, semicolon = match.groups()
        decoded: str | None = None
        if hex_digits is not None or dec_digits is not None:
            digits = hex_digits if hex_digits is not None else dec_digits
            code = int(digits, 16 if hex_digits is not None else 10) if digits else 0
            if 0 < code < 0x10FFFF and not 0xD800 <= code <= 0xDFFF and len(digits) < 8:
                decoded = chr(code)
        elif name in _NAMED:
            decoded = _NAMED[name]
        elif name and semicolon and self.strict_entities:
            where = _byte_offset(self.src, start)
            raise self.error(f'Unsupported HTML entity "&{name};" at byte offset {where}')
        if decoded is None:
            self.i = start + 1
            return "&"
        self.i = match.end()
        return decoded

    def skip_spaces(self) -> None:
        while self.i < len(self.src) and self.src[self.i].isspace():
            self.i += 1

    def at_end(self) -> bool:
        return self.i >= len(self.src)

    def tag(self) -> None:
        begin = self.i
        self.i += 1
        if not self.at_end() and self.src[self.i] == "/":
            self.end_tag(begin)
        else:
            self.start_tag(begin)

    def start_tag(self, begin: int) -> None:
        src, where = self.src, _byte_offset(self.src, begin)
        while not self.at_end() and not src[self.i].isspace() and src[self.i] != ">":
            self.i += 1
        if self.at_end():
            raise self.error(f"Unclosed start tag at byte offset {where}")
        name = src[begin + 1 : self.i].lower()
        if name not in SUPPORTED_TAGS:
            raise self.error(f'Unsupported start tag "{name}" at byte offset {where}')
        tag = _OpenTag(name, self.offset, len(self.out))
        attributes = self.attributes(tag, where)
        self.check_tag(tag, attributes, where)
        self.i += 1  # the closing ">"
        self.stack.append(tag)

    def attributes(self, tag: _OpenTag, where: int) -> dict[str, str]:
        src = self.src
        attributes: dict[str, str] = {}
        while True:
            self.skip_spaces()
            if self.at_end():
                raise self.error(f"Unclosed start tag at byte offset {where}")
            if src[self.i] == ">":
                return attributes
            name_start = self.i
            while not self.at_end() and not src[self.i].isspace() and src[self.i] not in "=>":
                self.i += 1
            attribute = src[name_start : self.i].lower()
            if not attribute:
                raise self.error(f'Empty attribute name in the tag "{tag.name}" at byte offset {where}')
            self.skip_spaces()
            has_value = not self.at_end() and src[self.i] == "="
            if tag.name == "blockquote" and attribute == "expandable" and not has_value:
                tag.expandable = True  # the one attribute Telegram accepts without a value
                continue
            if not has_value:
                declaration = f'declaration of an attribute of the tag "{tag.name}"'
                raise self.error(f"Expected equal sign in {declaration} at byte offset {where}")
            self.i += 1
            self.skip_spaces()
            if self.at_end():
                raise self.error(f'Unclosed start tag "{tag.name}" at byte offset {where}')
            attributes[attribute] = self.attribute_value(where)

    def attribute_value(self, where: int) -> str:
        src = self.src
        quote = src[self.i]
        if quote not in "\"'":
            token = _NAME_TOKEN_RE.match(src, self.i)
            assert token is not None
            self.i = token.end()
            if not self.at_end() and not src[self.i].isspace() and src[self.i] != ">":
                token_at = _byte_offset(src, token.start())
                raise self.error(f"Unexpected end of name token at byte offset {token_at}")
            return token.group().lower()
        self.i += 1
        value: list[str] = []
        while not self.at_end() and src[self.i] != quote:
            if src[self.i] == "&":
                value.append(self.decode_entity())
            else:
                value.append(src[self.i])
                self.i += 1
        if self.at_end():
            raise self.error(f"Unclosed start tag at byte offset {where}")
        self.i += 1
        return "".join(value)

    def check_tag(self, tag: _OpenTag, attributes: dict[str, str], where: int) -> None:
        if tag.name == "a":
            tag.argument = attributes.get("href", "")
        elif tag.name == "code" and attributes.get("class", "").startswith("language-"):
            tag.argument = attributes["class"].removeprefix("language-")
        elif tag.name == "span" and attributes.get("class") != "tg-spoiler":
            raise self.error(f'Tag "span" must have class "tg-spoiler" at byte offset {where}')
        elif tag.name == "tg-emoji":
            emoji_id = attributes.get("emoji-id", "")
            if not emoji_id.isdigit():
                raise self.error("Invalid custom emoji identifier specified")
            tag.argument = emoji_id

    def end_tag(self, begin: int) -> None:
        src, where = self.src, _byte_offset(self.src, begin)
        if not self.stack:
            raise self.error(f"Unexpected end tag at byte offset {where}")
        self.i += 1  # the "/"
        name_start = self.i
        while not self.at_end() and not src[self.i].isspace() and src[self.i] != ">":
            self.i += 1
        name = src[name_start : self.i].lower()
        self.skip_spaces()
        if self.at_end() or src[self.i] != ">":
            raise self.error(f"Unclosed end tag at byte offset {where}")
        self.i += 1
        tag = self.stack.pop()
        if name and name != tag.name:
            expected = f'expected "</{tag.name}>", found "</{name}>"'
            raise self.error(f"Unmatched end tag at byte offset {where}, {expected}")
        if self.offset > tag.offset:  # Telegram drops empty entities
            self.close(tag)

    def close(self, tag: _OpenTag) -> None:
        span = {"offset": tag.offset, "length": self.offset - tag.offset}
        if tag.name in _SIMPLE_TAGS:
            self.entities.append({"type": _SIMPLE_TAGS[tag.name], **span})
        elif tag.name == "a":
            url = tag.argument or "".join(self.out[tag.text_start :])
            if url.strip():  # Telegram silently drops links it cannot use
                self.entities.append({"type": "text_link", **span, "url": url})
        elif tag.name == "blockquote":
            kind = "expandable_blockquote" if tag.expandable else "blockquote"
            self.entities.append({"type": kind, **span})
        elif tag.name == "tg-emoji":
            self.entities.append({"type": "custom_emoji", **span, "custom_emoji_id": tag.argument})
        else:
            self.close_code_or_pre(tag, span)

    def close_code_or_pre(self, tag: _OpenTag, span: dict[str, int]) -> None:
        """``<pre><code class="language-x">`` covering the same text is one pre entity with a language."""
        last = self.entities[-1] if self.entities else None
        nested = last is not None and (last["offset"], last["length"]) == (span["offset"], span["length"])
        if tag.name == "pre":
            if nested and last is not None and last["type"] == "code" and "_lang" in last:
                self.entities[-1] = {"type": "pre", **span, "language": last["_lang"]}
            else:
                self.entities.append({"type": "pre", **span})
        elif nested and last is not None and last["type"] == "pre" and tag.argument:
            last["language"] = tag.argument
        else:
            code: Entity = {"type": "code", **span}
            if tag.argument:
                code["_lang"] = tag.argument
            self.entities.append(code)


def parse_html(source: str, *, strict_entities: bool = True) -> ParsedText:
    """Parse Telegram HTML into plain text and entities, or raise :class:`HtmlEntityError`.

    With ``strict_entities`` an unknown named entity (``&nbsp;``) is an error instead of literal text.
    """
    parsed = _HtmlParser(source, strict_entities=strict_entities).parse()
    for entity in parsed.entities:
        entity.pop("_lang", None)  # a language only survives on pre entities, as in Telegram
    return parsed


def strip_text(parsed: ParsedText) -> ParsedText:
    """Trim surrounding whitespace the way Telegram does, moving and clipping entities with it."""
    text = parsed.text
    lead = len(text) - len(text.lstrip())
    stripped = text.strip()
    start, end = utf16_len(text[:lead]), utf16_len(text[:lead]) + utf16_len(stripped)
    entities = []
    for entity in parsed.entities:
        first = max(entity["offset"], start)
        last = min(entity["offset"] + entity["length"], end)
        if last > first:
            entities.append({**entity, "offset": first - start, "length": last - first})
    return ParsedText(stripped, entities)
