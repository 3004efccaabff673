"""The Telegram emulator over real HTTP, driven by the real aiogram and python-telegram-bot clients."""

from __future__ import annotations

import asyncio
import contextlib
import io
from collections.abc import AsyncIterator

import aiohttp
import pytest
import telegram
import telegram.error
from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.filters import Command
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

from bot.playground.emulator import TelegramEmulator
from bot.playground.phone import Phone


@contextlib.asynccontextmanager
async def aiogram_bot(emu: TelegramEmulator) -> AsyncIterator[Bot]:
    bot = Bot(emu.token, session=AiohttpSession(api=TelegramAPIServer.from_base(emu.base_url)))
    try:
        yield bot
    finally:
        await bot.session.close()


@pytest.fixture
async def emu():
    async with TelegramEmulator() as emulator:
        yield emulator


@pytest.fixture
async def bot(emu):
    async with aiogram_bot(emu) as client:
        yield client


@pytest.fixture
async def ptb(emu):
    client = telegram.Bot(emu.token, base_url=f"{emu.base_url}/bot", base_file_url=f"{emu.base_url}/file/bot")
    await client.initialize()
    yield client
    await client.shutdown()


def keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=text, callback_data=data) for text, data in buttons]]
    )


def started(emu: TelegramEmulator, name: str = "Ann", **details) -> dict:
    """A person who has pressed Start (their /start update stays queued)."""
    person = emu.add_user(name, **details)
    emu.user_sends(person["id"], "/start")
    return person


@contextlib.asynccontextmanager
async def polling(bot: Bot, dispatcher: Dispatcher, emu: TelegramEmulator) -> AsyncIterator[None]:
    """Run the dispatcher the way Criw does in tests: one update at a time."""
    task = asyncio.create_task(
        dispatcher.start_polling(bot, handle_as_tasks=False, handle_signals=False, close_bot_session=False)
    )
    await emu.settle()
    try:
        yield
    finally:
        await dispatcher.stop_polling()
        await task


def welcome_dispatcher() -> Dispatcher:
    """A tiny bot: /start offers languages, a choice edits the message, anything else is echoed."""
    dispatcher = Dispatcher()

    @dispatcher.message(Command("start"))
    async def start(message: Message) -> None:
        languages = keyboard(("Cymraeg", "cy"), ("English", "en"))
        await message.answer("Croeso! Pick a language", reply_markup=languages)

    @dispatcher.callback_query(F.data.in_({"cy", "en"}))
    async def choose(query: CallbackQuery) -> None:
        await query.answer("Iawn!" if query.data == "cy" else "OK!")
        assert isinstance(query.message, Message)
        await query.message.edit_text(f"Language: {query.data}")

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(f"You said: {message.text}")

    return dispatcher


# -- the basic round trip with aiogram -------------------------------------------------------------


async def test_get_me_describes_the_bot(bot):
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.username, me.first_name) == (123456, True, "criw_demo_bot", "Criw")
    assert me.can_join_groups is True
    assert me.can_read_all_group_messages is False
    assert me.supports_inline_queries is False


async def test_a_message_with_html_and_a_keyboard_is_stored_as_telegram_would_show_it(emu, bot):
    ann = started(emu)
    sent = await bot.send_message(
        ann["id"], "<b>Croeso</b> &amp; welcome", parse_mode="HTML", reply_markup=keyboard(("Iawn", "ok"))
    )
    assert sent.text == "Croeso & welcome"
    assert [(e.type, e.offset, e.length) for e in sent.entities] == [("bold", 0, 6)]
    shown = emu.last_bot_message(ann["id"])
    assert shown["message_id"] == sent.message_id
    assert shown["reply_markup"] == {"inline_keyboard": [[{"text": "Iawn", "callback_data": "ok"}]]}


async def test_editing_changes_the_message_and_an_identical_edit_is_not_modified(emu, bot):
    ann = started(emu)
    sent = await bot.send_message(ann["id"], "Votes: 0", reply_markup=keyboard(("+1", "vote")))
    edited = await bot.edit_message_text("Votes: 1", chat_id=ann["id"], message_id=sent.message_id)
    assert edited.edit_date is not None
    assert emu.chat_messages(ann["id"])[-1]["text"] == "Votes: 1"
    assert "reply_markup" not in emu.last_bot_message(ann["id"])  # an edit without markup drops it
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("Votes: 1", chat_id=ann["id"], message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("Votes: 2", chat_id=ann["id"], message_id=999)


async def test_a_button_press_reaches_the_bot_and_its_answer_is_recorded(emu, bot):
    ann = started(emu)
    sent = await bot.send_message(ann["id"], "Coming?", reply_markup=keyboard(("Yes", "rsvp:y")))
    press = emu.user_presses(ann["id"], ann["id"], sent.message_id, "rsvp:y")
    updates = await bot.get_updates(offset=press["update_id"], timeout=1)
    query = updates[-1].callback_query
    assert (query.data, query.from_user.id, query.message.message_id) == (
        "rsvp:y",
        ann["id"],
        sent.message_id,
    )
    assert await bot.answer_callback_query(query.id, text="Diolch!", show_alert=True)
    assert emu.callback_answers[-1] | {"callback_query_id": "-"} == {
        "callback_query_id": "-", "user_id": ann["id"], "text": "Diolch!", "show_alert": True,
        "url": None, "cache_time": 0,
    }  # fmt: skip
    with pytest.raises(TelegramBadRequest, match="query ID is invalid"):
        await bot.answer_callback_query(query.id)  # a query is answered once


async def test_each_press_records_when_it_was_queued_and_when_the_bot_answered_it(emu, bot):
    ann = started(emu)
    sent = await bot.send_message(ann["id"], "Coming?", reply_markup=keyboard(("Yes", "rsvp:y")))
    first = emu.user_presses(ann["id"], ann["id"], sent.message_id, "rsvp:y")
    emu.user_presses(ann["id"], ann["id"], sent.message_id, "rsvp:y")
    updates = await bot.get_updates(offset=first["update_id"], timeout=1)
    (queued, unanswered), (_, still_unanswered) = emu.callback_timings()
    assert unanswered is None and still_unanswered is None
    await bot.answer_callback_query(updates[0].callback_query.id)
    (queued_again, answered), (_, not_yet) = emu.callback_timings()
    assert queued_again == queued and answered is not None and answered >= queued
    assert not_yet is None  # the second press is still waiting for its answer


async def test_pressing_a_button_that_is_not_there_is_a_test_mistake_unless_forged(emu, bot):
    ann = started(emu)
    sent = await bot.send_message(ann["id"], "Coming?", reply_markup=keyboard(("Yes", "rsvp:y")))
    with pytest.raises(ValueError, match="no button with callback_data 'rsvp:n'"):
        emu.user_presses(ann["id"], ann["id"], sent.message_id, "rsvp:n")
    forged = emu.user_presses(ann["id"], ann["id"], sent.message_id, "admin:delete-all", forged=True)
    assert forged["callback_query"]["data"] == "admin:delete-all"


async def test_menus_are_stored_per_scope_and_language(emu, bot):
    await bot.set_my_commands([BotCommand(command="help", description="Help")])
    await bot.set_my_commands([BotCommand(command="cymorth", description="Cymorth")], language_code="cy")
    group_menu = [BotCommand(command="pleidlais", description="Pleidlais")]
    await bot.set_my_commands(group_menu, scope=BotCommandScopeAllGroupChats(), language_code="cy")
    assert emu.commands() == [{"command": "help", "description": "Help"}]
    assert emu.commands(language_code="cy") == [{"command": "cymorth", "description": "Cymorth"}]
    assert emu.commands("all_group_chats", "cy")[0]["command"] == "pleidlais"
    assert [c.command for c in await bot.get_my_commands(language_code="cy")] == ["cymorth"]
    await bot.delete_my_commands(language_code="cy")
    assert emu.commands(language_code="cy") == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Help-Me", description="x")])


async def test_descriptions_and_names_are_kept_per_language(emu, bot):
    await bot.set_my_description("Criw helps groups decide together", language_code="en")
    await bot.set_my_short_description("Penderfynu gyda'n gilydd", language_code="cy")
    await bot.set_my_name("Criw Cymru", language_code="cy")
    assert emu.descriptions["description"] == {"en": "Criw helps groups decide together"}
    assert (await bot.get_my_short_description(language_code="cy")).short_description.startswith("Penderfynu")
    assert (await bot.get_my_name(language_code="cy")).name == "Criw Cymru"
    assert (await bot.get_my_name()).name == "Criw"


# -- errors Telegram gives, as aiogram exceptions --------------------------------------------------


async def test_sending_to_a_person_who_never_started_the_bot_is_forbidden(emu, bot):
    stranger = emu.add_user("Stranger")
    with pytest.raises(TelegramForbiddenError, match="bot can't initiate conversation with a user"):
        await bot.send_message(stranger["id"], "Helo")


async def test_sending_to_a_person_who_blocked_the_bot_is_forbidden_until_they_restart_it(emu, bot):
    ann = started(emu)
    blocked = emu.user_blocks_bot(ann["id"])
    assert blocked["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(ann["id"], "Helo")
    emu.user_sends(ann["id"], "/start")
    assert (await bot.send_message(ann["id"], "Croeso'n ôl")).text == "Croeso'n ôl"


async def test_an_injected_429_carries_retry_after_and_the_retry_succeeds(emu, bot):
    ann = started(emu)
    emu.fail_next("sendMessage", retry_after=3)
    with pytest.raises(TelegramRetryAfter) as refused:
        await bot.send_message(ann["id"], "Helo")
    assert refused.value.retry_after == 3
    assert (await bot.send_message(ann["id"], "Helo")).text == "Helo"
    assert emu.stats.retry_after_sent == 1
    assert emu.stats.calls["sendMessage"] == 2


async def test_an_injected_502_only_hits_the_chosen_chat(emu, bot):
    ann, ben = started(emu), started(emu, "Ben")
    emu.fail_next("sendmessage", error_code=502, description="Bad Gateway", chat_id=ben["id"])
    assert (await bot.send_message(ann["id"], "Helo")).chat.id == ann["id"]
    with pytest.raises(TelegramServerError, match="Bad Gateway"):
        await bot.send_message(ben["id"], "Helo")


async def test_text_longer_than_4096_characters_is_refused(emu, bot):
    ann = started(emu)
    assert len((await bot.send_message(ann["id"], "ŵ" * 4096)).text) == 4096
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(ann["id"], "ŵ" * 4097)


async def test_callback_data_over_64_bytes_is_refused(emu, bot):
    ann = started(emu)
    await bot.send_message(ann["id"], "ok", reply_markup=keyboard(("a", "x" * 64)))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(ann["id"], "too long", reply_markup=keyboard(("a", "x" * 65)))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(ann["id"], "33 letters, 66 bytes", reply_markup=keyboard(("a", "ŵ" * 33)))


async def test_malformed_html_is_refused_with_the_parsers_reason(emu, bot):
    ann = started(emu)
    with pytest.raises(TelegramBadRequest, match='can\'t parse entities: Unsupported start tag "br"'):
        await bot.send_message(ann["id"], "line<br>line", parse_mode="HTML")


async def test_a_long_answer_to_a_button_press_is_refused(emu, bot):
    ann = started(emu)
    sent = await bot.send_message(ann["id"], "?", reply_markup=keyboard(("Yes", "y")))
    query_id = emu.user_presses(ann["id"], ann["id"], sent.message_id, "y")["callback_query"]["id"]
    with pytest.raises(TelegramBadRequest):
        await bot.answer_callback_query(query_id, text="a" * 201)


async def test_sending_to_a_group_after_its_upgrade_names_the_new_supergroup(emu, bot):
    ann = emu.add_user("Ann")
    group = emu.create_group("Cerddwyr", members=[ann["id"]], creator=ann["id"])
    emu.add_bot_to_group(group, ann["id"])
    await bot.send_message(group["id"], "Helo bawb")
    new_id = emu.migrate_to_supergroup(group)
    assert new_id < -1_000_000_000_000
    with pytest.raises(TelegramMigrateToChat) as refused:
        await bot.send_message(group["id"], "Helo eto")
    assert refused.value.migrate_to_chat_id == new_id
    assert (await bot.send_message(new_id, "Helo eto")).chat.type == "supergroup"
    texts = [m.get("text") for m in emu.chat_messages(new_id)]
    assert texts[-1] == "Helo eto" and "Helo bawb" in texts  # the history moved with the group
    service = [u["message"] for u in emu.updates if "message" in u and "migrate_to_chat_id" in u["message"]]
    assert service[0]["migrate_to_chat_id"] == new_id


async def test_get_updates_is_refused_while_a_webhook_is_set(bot):
    await bot.set_webhook("https://criw.example/hook")
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates()
    await bot.delete_webhook()
    assert await bot.get_updates() == []


async def test_a_wrong_token_is_unauthorized(emu):
    api = TelegramAPIServer.from_base(emu.base_url)
    stranger = Bot("999:not-our-token", session=AiohttpSession(api=api))
    try:
        with pytest.raises(TelegramUnauthorizedError):
            await stranger.get_me()
    finally:
        await stranger.session.close()


# -- long polling, confirmation and re-delivery ---------------------------------------------------------


async def test_long_polling_returns_as_soon_as_a_person_writes_and_offset_confirms(emu, bot):
    ann = emu.add_user("Ann")
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await emu.settle()  # the long poll is now parked, waiting
    sent = emu.user_sends(ann["id"], "Helo")
    updates = await asyncio.wait_for(poll, timeout=5)
    assert [(u.update_id, u.message.text) for u in updates] == [(sent["update_id"], "Helo")]
    assert len(emu.pending_updates) == 1  # delivered but not yet confirmed
    assert await bot.get_updates(offset=sent["update_id"] + 1) == []
    assert emu.pending_updates == []


async def test_a_redelivered_update_has_the_same_update_id(emu, bot):
    ann = emu.add_user("Ann")
    first = emu.user_sends(ann["id"], "/start")
    [update] = await bot.get_updates()
    assert await bot.get_updates(offset=update.update_id + 1) == []
    again = emu.redeliver(first)
    [repeat] = await bot.get_updates(offset=update.update_id + 1)
    assert repeat.update_id == again["update_id"] == first["update_id"]
    assert repeat.message.message_id == update.message.message_id


async def test_in_groups_the_bot_only_hears_commands_and_replies_to_it(emu, bot):
    ann = emu.add_user("Ann")
    group = emu.create_group("Criw", members=[ann["id"]])
    assert emu.user_sends(ann["id"], "/help", chat_id=group) == {}  # the bot is not in the group yet
    emu.add_bot_to_group(group, ann["id"])
    assert emu.user_sends(ann["id"], "just chatting", chat_id=group) == {}
    assert emu.user_sends(ann["id"], "/help@other_bot", chat_id=group) == {}
    command = emu.user_sends(ann["id"], "/help@criw_demo_bot", chat_id=group)
    assert command["message"]["entities"] == [{"type": "bot_command", "offset": 0, "length": 19}]
    asked = await bot.send_message(group["id"], "Who is coming?")
    reply = emu.user_sends(ann["id"], "Me!", chat_id=group, reply_to_message_id=asked.message_id)
    assert reply["message"]["reply_to_message"]["message_id"] == asked.message_id


# -- a running aiogram bot, settle() and the phone -------------------------------------------------


async def test_settle_waits_until_a_polling_bot_has_handled_everything(emu, bot):
    ann = emu.add_user("Ann")
    async with polling(bot, welcome_dispatcher(), emu):
        for number in range(3):
            emu.user_sends(ann["id"], f"message {number}")
        await emu.settle()
        replies = [m["text"] for m in emu.bot_messages(ann["id"])]
        assert replies == [f"You said: message {n}" for n in range(3)]
        assert emu.pending_updates == []


async def test_a_phone_sends_taps_by_label_and_reads_popups(emu, bot):
    ann = Phone(emu, emu.add_user("Ann", language_code="cy"))
    async with polling(bot, welcome_dispatcher(), emu):
        await ann.start()
        assert ann.last() == "Croeso! Pick a language"
        assert ann.buttons() == ["Cymraeg", "English"]
        await ann.tap("Cym")
        assert ann.last() == "Language: cy"
        assert ann.popups == ["Iawn!"]
        with pytest.raises(AssertionError, match="sees no button 'Français'"):
            await ann.tap("Français")


async def test_wait_for_message_resolves_on_a_later_bot_message(emu, bot):
    ann = started(emu)
    waiting = asyncio.create_task(emu.wait_for_message(ann["id"], "second"))
    await bot.send_message(ann["id"], "first")
    await bot.send_message(ann["id"], "second")
    assert (await waiting)["text"] == "second"
    with pytest.raises(TimeoutError, match="no bot message"):
        await emu.wait_for_message(ann["id"], "third", timeout=0.05)


async def test_settle_explains_what_is_missing_when_nobody_polls(emu):
    ann = emu.add_user("Ann")
    emu.user_sends(ann["id"], "Helo?")
    with pytest.raises(TimeoutError, match=r"unconsumed updates: #\d+ message from \d+ in \d+: 'Helo\?'"):
        await emu.settle(timeout=0.05)


# -- webhook delivery ------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def serving(app: web.Application) -> AsyncIterator[str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


async def test_webhook_updates_are_posted_with_the_secret_and_answers_are_executed(emu, bot):
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def answer_in_the_response(message: Message):
        return message.answer("Diolch!")  # aiogram puts this call in the webhook response

    app = web.Application()
    # Handled before answering, so settle() (which waits for the POST) covers the whole exchange.
    handler = SimpleRequestHandler(dispatcher, bot, secret_token="cyfrinach", handle_in_background=False)
    handler.register(app, path="/hook")
    async with serving(app) as url:
        await bot.set_webhook(f"{url}/hook", secret_token="cyfrinach")
        ann = emu.add_user("Ann")
        emu.user_sends(ann["id"], "Helo")
        await emu.settle()
        assert emu.last_bot_message(ann["id"])["text"] == "Diolch!"
        info = await bot.get_webhook_info()
        assert (info.url, info.pending_update_count, info.last_error_message) == (f"{url}/hook", 0, None)


async def test_a_failing_webhook_is_retried_then_reported(bot):
    attempts: list[str | None] = []

    async def broken(request: web.Request) -> web.Response:
        attempts.append(request.headers.get("X-Telegram-Bot-Api-Secret-Token"))
        return web.Response(status=500)

    app = web.Application()
    app.router.add_post("/hook", broken)
    async with TelegramEmulator(webhook_attempts=2) as emu, aiogram_bot(emu) as client, serving(app) as url:
        await client.set_webhook(f"{url}/hook", secret_token="s3cret")
        ann = emu.add_user("Ann")
        emu.user_sends(ann["id"], "Helo")
        await emu.settle()
        assert attempts == ["s3cret", "s3cret"]
        info = await client.get_webhook_info()
        assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
        assert len(emu.webhook_failures) == 1


# -- flood limits ----------------------------------------------------------------------------------


async def test_enforced_rate_limits_answer_429_and_count_the_violation():
    now = [1_000.0]
    async with TelegramEmulator(clock=lambda: now[0]) as emu, aiogram_bot(emu) as client:
        ann = started(emu)
        await client.send_message(ann["id"], "one")
        await client.send_message(ann["id"], "two")  # not enforced yet: counted only
        assert emu.stats.violations == 1
        emu.enforce_rate_limits(chat_per_sec=1)
        await client.send_message(ann["id"], "three")
        with pytest.raises(TelegramRetryAfter) as refused:
            await client.send_message(ann["id"], "four")
        assert refused.value.retry_after == 1
        now[0] += 1
        await client.send_message(ann["id"], "four")
        assert (emu.stats.violations, emu.stats.retry_after_sent) == (2, 1)


# -- files -----------------------------------------------------------------------------------------


async def test_uploaded_files_are_kept_and_can_be_downloaded(emu, bot):
    ann = started(emu)
    notes = BufferedInputFile(b"Cofnodion y cyfarfod", filename="cofnodion.txt")
    sent = await bot.send_document(ann["id"], notes, caption="<i>Notes</i>", parse_mode="HTML")
    assert (sent.document.file_name, sent.document.mime_type, sent.caption) == (
        "cofnodion.txt",
        "text/plain",
        "Notes",
    )
    assert emu.files[sent.document.file_id].data == b"Cofnodion y cyfarfod"
    file = await bot.get_file(sent.document.file_id)
    downloaded = await bot.download(file)
    assert downloaded is not None and downloaded.read() == b"Cofnodion y cyfarfod"
    photo = await bot.send_photo(ann["id"], BufferedInputFile(b"not really a jpeg", filename="llun.jpg"))
    assert photo.photo[-1].file_unique_id
    voice = await bot.send_voice(ann["id"], BufferedInputFile(b"OggS", filename="llais.ogg"), duration=3)
    assert voice.voice.duration == 3


# -- the raw wire ----------------------------------------------------------------------------------


async def test_the_wire_accepts_any_case_json_and_form_bodies_and_answers_errors_in_the_envelope(emu):
    ann = started(emu)
    api = f"{emu.base_url}/bot{emu.token}"
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{api}/GETME") as response:
            assert (response.status, (await response.json())["result"]["is_bot"]) == (200, True)
        form = {"chat_id": str(ann["id"]), "text": "123", "reply_markup": '{"inline_keyboard": [[]]}'}
        async with http.post(f"{api}/sendMessage", data=form) as response:
            assert (await response.json())["result"]["text"] == "123"
        async with http.post(f"{api}/sendMessage", json={"chat_id": ann["id"], "text": ""}) as response:
            assert response.status == 400
            assert await response.json() == {
                "ok": False, "error_code": 400, "description": "Bad Request: message text is empty",
            }  # fmt: skip
        async with http.get(f"{api}/sendTelepathy") as response:
            assert (response.status, (await response.json())["description"]) == (404, "Not Found")
        async with http.get(f"{emu.base_url}/bot1:nope/getMe") as response:
            assert (response.status, (await response.json())["description"]) == (401, "Unauthorized")
    # Calls refused before reaching the API (unknown method, wrong token) are not the bot's calls.
    assert [method for method, _ in emu.calls] == ["getMe", "sendMessage", "sendMessage"]
    form_params = emu.calls[1][1]
    assert (form_params["chat_id"], form_params["text"]) == (ann["id"], "123")  # numbers coerced, text kept


# -- objects both libraries accept -----------------------------------------------------------------


async def test_every_update_the_emulator_makes_parses_in_aiogram_and_ptb(emu, bot, ptb):
    ann, ben = (
        emu.add_user("Ann", last_name="Jones", username="ann_j"),
        emu.add_user("Ben", language_code="cy"),
    )
    emu.user_sends(ann["id"], "/start")
    group = emu.create_group("Criw", members=[ben["id"]], admins=[ann["id"]])
    emu.add_bot_to_group(group, ann["id"])
    vote = keyboard(("Yes", "v"))
    asked = await bot.send_message(group["id"], "<b>Vote</b>", parse_mode="HTML", reply_markup=vote)
    emu.user_sends(ben["id"], "/help@criw_demo_bot", chat_id=group)
    emu.user_sends(ben["id"], "Yes", chat_id=group, reply_to_message_id=asked.message_id)
    emu.user_presses(ann["id"], group, asked.message_id, "v")
    emu.user_presses(ann["id"], group, 999, "gone", forged=True)  # an inaccessible message
    for status in ("administrator", "restricted", "member", "kicked"):
        emu.set_member_status(group, emu.bot_user["id"], status)
    emu.set_member_status(group, emu.bot_user["id"], "member")
    emu.migrate_to_supergroup(group)
    emu.user_blocks_bot(ann["id"])
    emu.user_sends(ann["id"], "/start")
    assert len(emu.updates) >= 14
    for raw in emu.updates:
        assert Update.model_validate(raw, context={"bot": bot}).update_id == raw["update_id"]
        assert telegram.Update.de_json(raw, ptb).update_id == raw["update_id"]


async def test_chat_members_of_every_status_and_full_chat_info_parse_in_both_libraries(emu, bot, ptb):
    ann, ben = emu.add_user("Ann"), emu.add_user("Ben")
    group = emu.create_group("Criw", members=[ben["id"]], creator=ann["id"], supergroup=True)
    emu.add_bot_to_group(group, ann["id"], as_admin=True)
    for status in ("creator", "administrator", "member", "restricted", "left", "kicked"):
        emu.set_member_status(group, ben["id"], status)
        assert (await bot.get_chat_member(group["id"], ben["id"])).status == status
        assert (await ptb.get_chat_member(group["id"], ben["id"])).status == status
    assert (await bot.get_chat(group["id"])).title == "Criw"
    assert (await ptb.get_chat(group["id"])).title == "Criw"
    admins = await bot.get_chat_administrators(group["id"])
    assert {a.user.id for a in admins} == {ann["id"], emu.bot_user["id"]}
    assert await bot.get_chat_member_count(group["id"]) == 2  # Ann and the bot: Ben was banned last


# -- python-telegram-bot ------------------------------------------------------------------------------


async def test_python_telegram_bot_does_the_same_round_trip(emu, ptb):
    assert ptb.username == "criw_demo_bot"
    ann = started(emu)
    updates = await ptb.get_updates(timeout=1)
    assert [u.message.text for u in updates] == ["/start"]
    markup = telegram.InlineKeyboardMarkup([[telegram.InlineKeyboardButton("Iawn", callback_data="ok")]])
    sent = await ptb.send_message(ann["id"], "<b>Helo</b>", parse_mode="HTML", reply_markup=markup)
    assert (sent.text, sent.entities[0].type) == ("Helo", "bold")
    assert await ptb.get_updates(offset=updates[-1].update_id + 1) == ()
    stranger = emu.add_user("Stranger")
    with pytest.raises(telegram.error.Forbidden, match="can't initiate conversation"):
        await ptb.send_message(stranger["id"], "Helo")


async def test_python_telegram_bot_uploads_downloads_and_sees_migrations(emu, ptb):
    ann = started(emu)
    sent = await ptb.send_document(ann["id"], document=io.BytesIO(b"agenda"), filename="agenda.txt")
    file = await ptb.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == b"agenda"
    group = emu.create_group("Criw", members=[ann["id"]], creator=ann["id"])
    emu.add_bot_to_group(group, ann["id"])
    new_id = emu.migrate_to_supergroup(group)
    with pytest.raises(telegram.error.ChatMigrated) as refused:
        await ptb.send_message(group["id"], "Helo")
    assert refused.value.new_chat_id == new_id


# -- what the e2e suite checks after every scenario ----------------------------------------------------


async def test_malformed_messages_are_refused_as_telegram_does_and_logged_but_injected_faults_are_not(emu, bot):
    ann = started(emu)
    for text in ("Siân <b>&amp; Co", 'Hi <a href="x">Dai', "x" * 4097, "<script>1</script>"):
        with pytest.raises(TelegramBadRequest):
            await bot.send_message(ann["id"], text, parse_mode="HTML")
    emu.fail_next("sendMessage", error_code=400, description="Bad Request: can't parse entities: injected")
    with pytest.raises(TelegramBadRequest):
        await bot.send_message(ann["id"], "fine", parse_mode="HTML")
    reasons = [description for _, description in emu.refused]
    assert reasons == [
        "Bad Request: can't parse entities: Can't find end tag corresponding to start tag b",
        "Bad Request: can't parse entities: Can't find end tag corresponding to start tag a",
        "Bad Request: message is too long",
        'Bad Request: can\'t parse entities: Unsupported start tag "script" at byte offset 0',
    ]
    await bot.send_message(ann["id"], "Siân &lt;b&gt;&amp;amp; Co &#39;&#34;", parse_mode="HTML")
    assert emu.last_bot_message(ann["id"])["text"] == "Siân <b>&amp; Co '\""  # numeric entities decoded
    assert len(emu.refused) == 4


async def test_escapes_a_reader_would_see_are_listed_wherever_they_are(emu, bot):
    ann = started(emu)
    await bot.send_message(ann["id"], "<b>Tom &amp; Jerry</b>", parse_mode="HTML",
                           reply_markup=keyboard(("Tom &amp; Jerry", "a"), ("Tom & Jerry", "b")))
    await bot.send_message(ann["id"], "Tom &amp;amp; Jerry", parse_mode="HTML")  # escaped twice
    await bot.send_message(ann["id"], "Tom &lt; Jerry")  # no parse mode: shown as written
    await bot.set_my_commands([BotCommand(command="start", description="Start &amp; go")])
    assert emu.escaped_plain_texts() == [
        ("sendMessage button", "Tom &amp; Jerry"),
        ("sendMessage text (as shown)", "Tom &amp; Jerry"),
        ("sendMessage text (no parse mode)", "Tom &lt; Jerry"),
        ("command description", "Start &amp; go"),
    ]
