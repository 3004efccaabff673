"""Hostile input, generated: random text, dates, numbers, button payloads and update shapes go through the
real dispatcher, router and handlers (on a real database). Whatever arrives, no update fails with an
unhandled error and everything the bot sends would be accepted by Telegram (CheckedPlatform).

Settings: EXAMPLES below (max_examples of each property); derandomize keeps every run the same (repeatable
in CI); together they deliver over a thousand hostile updates in about a minute. The totals are logged at
INFO when each property ends (`-o log_cli=true --log-cli-level=INFO`) and reported in docs/SECURITY.md.
"""

from __future__ import annotations

import logging
from itertools import count

import pytest
from aiogram.types import Update as AiogramUpdate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update as PtbUpdate

from bot.bootstrap import build
from bot.chat.events import ChatType, Event, EventKind, Sender
from bot.domain.clock import FixedClock
from bot.playground import emulator_objects as objects
from bot.settings import load_settings
from bot.transports.aiogram_updates import to_event as aiogram_event
from bot.transports.ptb_updates import to_event as ptb_event
from handlers import build_router
from tests.integration.checked_platform import CheckedPlatform

GROUP, OTHER_GROUP = -1001, -1002
ADMIN, MEMBERS, STRANGER = 501, (502, 503, 504), 599
PEOPLE = (ADMIN, *MEMBERS, STRANGER)
EXAMPLES = {"text": 150, "buttons": 150, "walks": 60, "shapes": 300}  # max_examples of each property
FUZZ = settings(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck), database=None)


class Harness:
    """The real core on SQLite, a group with an admin and three members, and a CheckedPlatform."""

    def __init__(self, criw, platform: CheckedPlatform) -> None:
        self.criw, self.platform = criw, platform
        self.update_ids = count(1)
        self.callback_ids = count(1)
        self.errors: list[str] = []
        self.delivered = 0

    async def deliver(self, event: Event) -> None:
        self.delivered += 1
        await self.criw.dispatcher.handle(event, self.platform)
        await self.criw.dispatcher.group_edits.flush()

    async def say(self, person: int, text: str, chat: int | None = None) -> None:
        private = chat is None
        await self.deliver(Event(next(self.update_ids), EventKind.MESSAGE, chat or person,
                                 ChatType.PRIVATE if private else ChatType.GROUP, Sender(person, f"P{person}", "en"),
                                 chat_title="" if private else "Walkers", text=text, message_id=next(self.update_ids)))

    async def press(self, person: int, data: str, chat: int | None = None) -> None:
        chat_id = chat or person
        message_id, _ = self.platform.buttons(chat_id)
        await self.deliver(Event(next(self.update_ids), EventKind.CALLBACK, chat_id,
                                 ChatType.PRIVATE if chat is None else ChatType.GROUP,
                                 Sender(person, f"P{person}", "cy"), chat_title="Walkers", message_id=message_id,
                                 callback_id=str(next(self.callback_ids)), callback_data=data))


class ErrorLog(logging.Handler):
    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.ERROR)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(f"{record.name}: {record.getMessage()}")


@pytest.fixture
async def harness(tmp_path):
    settings_ = load_settings(bot_token="1:fuzz", database_url=f"sqlite+aiosqlite:///{tmp_path / 'fuzz.db'}",
                              group_edit_seconds=0, voice=False, webhook_url="", helplines="")
    criw = await build(settings_, FixedClock(), migrate=True)
    found = Harness(criw, CheckedPlatform(admins={ADMIN}, members=set(MEMBERS)))
    handler = ErrorLog(found.errors)
    logging.getLogger().addHandler(handler)
    await found.deliver(Event(next(found.update_ids), EventKind.BOT_ADDED, GROUP, ChatType.GROUP,
                              Sender(ADMIN, "Admin"), chat_title="Walkers"))
    for person, language in zip(PEOPLE, ("lang|cy", "lang|en", "lang|cy", "lang|en", "lang|en"), strict=True):
        await found.say(person, "/start")
        await found.press(person, f"1|{language}|setup")
        await found.say(person, "/help", GROUP if person != STRANGER else None)
    yield found
    logging.getLogger(__name__).info("fuzzed: %s updates delivered, %s actions checked, %s errors, %s problems",
                                     found.delivered, len(found.platform.actions), len(found.errors),
                                     len(found.platform.problems))
    logging.getLogger().removeHandler(handler)
    await criw.close()


def assert_all_well(harness: Harness) -> None:
    assert harness.errors == []
    assert harness.platform.problems == []


# -- strategies ------------------------------------------------------------------------------------------

ROUTER = build_router()
COMMANDS, PREFIXES = sorted(ROUTER.commands), sorted(ROUTER.callbacks)
hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from("<>&\"'/;:#@%\u200f\u202e\u0000\n\t ŵŷâêîôû😀\ufe0f"), max_size=200),
    st.text(min_size=4000, max_size=6000, alphabet="ab <&>"),
    st.sampled_from(["<b>bold</b>", "&amp;", "&nbsp;", "<a href='javascript:x'>x</a>", "</i>", "\\", "NaN",
                     "-1", "99999999999999999999", "0", "31 February", "yfory am 2pm", "ddoe", "1/1/1900",
                     "2099-12-31 25:61", "ymhen 3 diwrnod", "5 Ragfyr 14:30", "-0.25", "1e309", "½"]),
    st.integers().map(str),
    st.dates().map(lambda day: day.strftime("%d %B %Y")),
)
command_text = st.builds(lambda name, at, args: f"/{name}{at} {args}".rstrip(), st.sampled_from(COMMANDS),
                         st.sampled_from(["", "@criw_test_bot", "@other_bot"]), hostile_text)
deep_link = st.builds(lambda kind, chat: f"/start {kind}{chat}", st.sampled_from("gpm"),
                      st.sampled_from([GROUP, OTHER_GROUP, 0, -1, 10**20]))
any_text = st.one_of(hostile_text, command_text, deep_link)
arg = st.one_of(st.integers(min_value=-(10**12), max_value=10**12).map(str), st.sampled_from(["y", "n", "x", "0",
                                                                                            "ask", "setup", "-"]))
structured_payload = st.builds(lambda prefix, args: "|".join(["1", prefix, *args]), st.sampled_from(PREFIXES),
                               st.lists(arg, max_size=4))
any_payload = st.one_of(st.text(max_size=80), structured_payload, st.sampled_from(["", "1|", "1||", "2|lang|cy"]))
person = st.sampled_from(PEOPLE)
where = st.sampled_from([None, GROUP])


@settings(FUZZ, max_examples=EXAMPLES["text"])
@given(st.lists(st.tuples(person, where, any_text), min_size=1, max_size=4))
async def test_any_text_anyone_sends_anywhere_is_answered_safely(harness, said):
    for who, chat, text in said:
        if chat == GROUP and who == STRANGER:
            chat = None
        await harness.say(who, text, chat)
    assert_all_well(harness)


@settings(FUZZ, max_examples=EXAMPLES["buttons"])
@given(st.lists(st.tuples(person, where, any_payload), min_size=1, max_size=4))
async def test_any_button_payload_forged_by_anyone_is_refused_or_handled_safely(harness, presses):
    for who, chat, data in presses:
        await harness.press(who, data, chat)
    assert_all_well(harness)


openers = st.sampled_from([("/propose", GROUP), (f"/start p{GROUP}", None), ("/newmeetup", None), ("/log", None),
                           ("/gift", None), ("/report", None), ("/settings", None), ("/forgetme", None),
                           ("/requests", None), ("/resources", None), ("/rules", GROUP), ("/upcoming", None),
                           ("/mydata", None), ("/coordinator", GROUP), ("/support", GROUP), ("/next", None)])
step = st.one_of(st.integers(min_value=0, max_value=20), hostile_text)


@settings(FUZZ, max_examples=EXAMPLES["walks"])
@given(person, openers, st.lists(step, min_size=1, max_size=8))
async def test_random_walks_through_the_real_buttons_and_typed_answers_never_break(harness, who, opener, steps):
    text, chat = opener
    if chat == GROUP and who == STRANGER:
        chat = None
    await harness.say(who, text, chat)
    for choice in steps:
        if isinstance(choice, int):  # press one of the buttons the bot last showed this person
            _, payloads = harness.platform.buttons(who)
            if payloads:
                await harness.press(who, payloads[choice % len(payloads)])
                continue
            choice = str(choice)
        await harness.say(who, choice)
    assert_all_well(harness)


# -- update shapes: whatever Telegram sends, both libraries read it as the same Event -----------------------

user = st.builds(lambda uid, first, last, code: objects.user(uid, first, last_name=last, language_code=code),
                 st.integers(min_value=1, max_value=2**40), st.text(min_size=1, max_size=40),
                 st.one_of(st.none(), st.text(min_size=1, max_size=20)), st.sampled_from([None, "cy", "en", "xx-YY"]))
chat = st.one_of(user.map(objects.private_chat),
                 st.builds(lambda cid, title, sup: objects.group_chat(-cid, title, supergroup=sup),
                           st.integers(min_value=1, max_value=2**40), st.text(max_size=60), st.booleans()))


def _message(message_id, sender, where_, text, extra):
    fields = {"text": text} if text is not None else {}
    return objects.message(message_id, sender, where_, 1_700_000_000, **fields, **extra)


extras = st.sampled_from([{}, {"migrate_to_chat_id": -1009}, {"migrate_from_chat_id": -9},
                          {"photo": [{"file_id": "f", "file_unique_id": "u", "width": 1, "height": 1}]},
                          {"new_chat_members": [objects.user(1, "Criw", is_bot=True)]}])
message = st.builds(_message, st.integers(min_value=1, max_value=2**31), user, chat,
                    st.one_of(st.none(), any_text), extras)
status = st.sampled_from(objects.MEMBER_STATUSES)
update = st.one_of(
    st.builds(lambda m: {"message": m}, message),
    st.builds(lambda m: {"edited_message": m}, message),
    st.builds(lambda m: {"channel_post": m}, message),
    st.builds(lambda q, sender, msg, data: {"callback_query": objects.callback_query(str(q), sender, msg, "ci", data)},
              st.integers(min_value=1), user,
              st.one_of(message, chat.map(lambda c: objects.inaccessible_message(c, 7))),
              any_payload.filter(bool)),
    st.builds(lambda where_, actor, old, new: {"my_chat_member": objects.chat_member_updated(
        where_, actor, 1_700_000_000, objects.chat_member(objects.user(1, "Criw", is_bot=True), old),
        objects.chat_member(objects.user(1, "Criw", is_bot=True), new))}, chat, user, status, status),
)


@settings(FUZZ, max_examples=EXAMPLES["shapes"])
@given(update)
async def test_every_update_shape_reads_as_the_same_event_on_both_libraries_and_is_handled_safely(harness, body):
    raw = {"update_id": next(harness.update_ids), **body}
    from_aiogram = aiogram_event(AiogramUpdate.model_validate(raw))
    from_ptb = ptb_event(PtbUpdate.de_json(raw, None))
    assert from_aiogram == from_ptb
    if "edited_message" in body or "channel_post" in body:
        assert from_aiogram is None  # edits and channel posts are not acted on: the bot doesn't even ask for them
    if from_aiogram is not None:
        await harness.deliver(from_aiogram)
    assert_all_well(harness)
