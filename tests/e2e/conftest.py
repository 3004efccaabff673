"""End-to-end: the real bot (real transport, real HTTP) against the local Telegram emulator."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

import pytest

from bot.domain.clock import FixedClock
from bot.playground.demo import running_demo
from bot.playground.emulator_sinks import HTML_ESCAPE
from tests.conftest import E2E_ON_POSTGRES, reset_postgres

TRANSPORTS = ["aiogram", "ptb"]
# Every e2e group has members whose names are hostile text (docs/SECURITY.md, "Untrusted text"): whatever a
# feature shows of them must arrive as the very characters they chose, and break no message.
HOSTILE_SURNAMES = {"Alys": "Siân & Co <3", "Ben": '<a href="https://example.org/">Dai</a>'}
FULL_NAME = {name: f"{name} {HOSTILE_SURNAMES[name]}" if name in HOSTILE_SURNAMES else name
             for name in ("Dafydd", "Alys", "Ben", "Ceri")}  # as Criw stores and shows them


@pytest.fixture(params=TRANSPORTS)
def transport(request):
    """The Telegram library under the bot: every e2e scenario runs once on each."""
    return request.param


@pytest.fixture
def clock():
    """Time stands still at Saturday 21 November 2026, 10:00 UTC until a test moves it."""
    return FixedClock(datetime(2026, 11, 21, 10, 0, tzinfo=UTC))


@pytest.fixture
async def world(request, tmp_path, transport, clock):
    """A demo world: emulator, bot, a group "Cerddwyr Caerdydd" and four people (not yet started).

    On SQLite, or on an empty PostgreSQL database when CRIW_TEST_DATABASE=postgres (see tests/conftest.py)."""
    database_url = None
    if E2E_ON_POSTGRES:
        database_url = request.getfixturevalue("postgres_database")
        await reset_postgres(database_url)
    async with running_demo(db=str(tmp_path / "e2e.db"), transport=transport, clock=clock,
                            database_url=database_url, surnames=HOSTILE_SURNAMES, group_edit_seconds=0.5) as world:
        yield world
        # Telegram refused none of the bot's messages (HTML it can't parse, too long, a bad button) ...
        assert world.emulator.refused == []
        # ... and no pop-up, button label, menu or unformatted text shows an HTML escape such as "&amp;"
        # (other than in text a person typed that way, named by the test's typed_text marker).
        typed = [text for mark in request.node.iter_markers("typed_text") for text in mark.args]
        assert [(where, text) for where, text in world.emulator.escaped_plain_texts()
                if HTML_ESCAPE.search(_without(text, typed))] == []
        # Screen readers read a button's words: no button the bot sent in this scenario may be only emoji.
        assert emoji_only_buttons(world.emulator) == []


def _without(text: str, typed: list[str]) -> str:
    for literal in typed:
        text = text.replace(literal, "")
    return text


def emoji_only_buttons(emulator) -> list[str]:
    """Labels of inline buttons the bot sent (messages, edits, keyboards) that have no letter or digit."""
    labels = []
    for _, params in emulator.calls:
        markup = params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        for row in (markup or {}).get("inline_keyboard", []) if isinstance(markup, dict) else []:
            labels += [str(button.get("text", "")) for button in row]
    return [label for label in labels if not any(ch.isalnum() for ch in label)]


class Captured(logging.Handler):
    """Every record, formatted with its traceback, as a log file would hold it."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.levelno, self.format(record)))


@pytest.fixture
def logs():
    """Every log record at every level, from every logger, while the test runs."""
    root, captured = logging.getLogger(), Captured()
    level = root.level
    root.setLevel(logging.DEBUG)
    root.addHandler(captured)
    yield captured
    root.removeHandler(captured)
    root.setLevel(level)


@pytest.fixture
def emulator(world):
    return world.emulator


@pytest.fixture
def group(world):
    return world.group


@pytest.fixture
def people(world):
    return world.people


async def reply_in_group(emulator, group, author, text, replier, command):
    """`author` says something in the group (the bot, in privacy mode, does not see it); then
    `replier` answers that message with `command`, which the bot does see."""
    emulator.user_sends(author.id, text, chat_id=group["id"])
    said = [m for m in emulator.chat_messages(group["id"]) if m.get("from", {}).get("id") == author.id][-1]
    emulator.user_sends(replier.id, command, chat_id=group["id"], reply_to_message_id=said["message_id"])
    await emulator.settle()


WELSH = {"language": "Cymraeg", "no": "Dim diolch", "yes": "Hoffwn", "skip": "Symud ymlaen",
         "carry_on": "Yn eich blaen", "done": "Wedi gorffen", "post": "Ei bostio", "room": "Ystafell",
         "more": "Ychwanegu dyddiad"}
ENGLISH = {"language": "English", "no": "No, thanks", "yes": "Yes, please", "skip": "Skip", "carry_on": "Carry on",
           "done": "Done", "post": "Post it", "room": "A room", "more": "Add another date"}


async def start_in(phone, words, *, easy_read=False, reminders=True, group=None):
    """The person presses Start (from the group's welcome link, when given) and makes their choices in
    the language `words` belongs to."""
    await phone.start(f"g{group['id']}" if group else "")
    await phone.tap(words["language"])
    await phone.tap(words["yes"] if easy_read else words["no"])
    await phone.tap(words["yes"] if reminders else words["no"])


async def add_bot(world):
    world.emulator.add_bot_to_group(world.group["id"], world.people["Dafydd"].id)
    await world.emulator.settle()


async def admit_waiting_group(world):
    """Dafydd, the organisation's coordinator (he pressed Start), presses Admit on the latest group's card."""
    emulator, dafydd = world.emulator, world.people["Dafydd"]
    for card in reversed(emulator.bot_messages(dafydd.id)):
        buttons = [b for row in (card.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]
        admit = [b["callback_data"] for b in buttons if b.get("callback_data", "").startswith("1|adm|")][:1]
        if admit:
            emulator.user_presses(dafydd.id, dafydd.id, card["message_id"], admit[0])
            await emulator.settle()
            return
    raise AssertionError("no admission card was sent to Dafydd")


async def write_proposal(world, phone, words, title, dates=("5 December 14:30",), days="7", place=None, room=False):
    """`phone` proposes from the group: the deep link, then each step of the private conversation."""
    await phone.start(f"p{world.group['id']}")
    await phone.send(title)
    await phone.tap(words["skip"])
    for index, when in enumerate(dates):
        if index:
            await phone.tap(words["more"])
        await phone.send(when)
    await phone.tap(words["carry_on"])
    if place:
        await phone.send(place)
    else:
        await phone.tap(words["skip"])
    if room:
        await phone.tap(words["room"])
    await phone.tap(words["done"])
    await phone.tap(days)
    await phone.tap(words["post"])
    return world.emulator.last_bot_message(world.group["id"])


def group_post(world, message_id):
    return next(m for m in world.emulator.chat_messages(world.group["id"]) if m["message_id"] == message_id)
