"""The baseline: a bare aiogram bot that does nothing but answer button presses.

It polls exactly as Criw's aiogram transport does (one update handled before the next is fetched), so
the difference between the two is what Criw does with an update: the database, the rules, the tally.
Run on its own (`python -m bench.bare_bot API TOKEN`) it is the start-up benchmark's baseline process.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]  # as bot/transports/aiogram_transport.py


def make_bot(api: str, token: str) -> tuple[Bot, Dispatcher]:
    bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api.rstrip("/"))))
    dispatcher = Dispatcher()

    @dispatcher.callback_query()
    async def answer(query: CallbackQuery) -> None:
        await query.answer()

    @dispatcher.message()
    async def ignore(message: Message) -> None:
        """Take every message (so each update is handled, as Criw would), and do nothing with it."""

    return bot, dispatcher


async def poll(bot: Bot, dispatcher: Dispatcher) -> None:
    await bot.delete_webhook(drop_pending_updates=False)
    await dispatcher.start_polling(bot, handle_as_tasks=False, handle_signals=False, close_bot_session=False,
                                   allowed_updates=ALLOWED_UPDATES, polling_timeout=10)


@contextlib.asynccontextmanager
async def running(api: str, token: str) -> AsyncIterator[Bot]:
    """The bare bot polling in this process until the block ends."""
    bot, dispatcher = make_bot(api, token)
    task = asyncio.create_task(poll(bot, dispatcher))
    try:
        yield bot
    finally:
        with contextlib.suppress(RuntimeError):
            await dispatcher.stop_polling()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await bot.session.close()


def vote_buttons(proposal: int) -> InlineKeyboardMarkup:
    """Three buttons like a proposal post's, with payloads of the same size."""
    codes = (("✅ Yes", "y"), ("❌ No", "n"), ("🤷 Abstain", "a"))
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=label, callback_data=f"1|v|{proposal}|0|{code}") for label, code in codes
    ]])


async def main(api: str, token: str) -> None:
    bot, dispatcher = make_bot(api, token)
    try:
        await poll(bot, dispatcher)
    finally:
        await bot.session.close()


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(main(sys.argv[1], sys.argv[2]))
