"""Your data: /mydata /fy_nata sends everything Criw holds about you (a summary in your language and the
full JSON file); /forgetme /anghofio erases it, after you confirm. Both only in a private chat.

```mermaid
stateDiagram-v2
    [*] --> asked: /forgetme
    asked --> forgotten: Yes, forget me (this very person, again checked)
    asked --> kept: No, keep my data
```

Also the retention job: what Criw keeps only for a while is cleared on schedule (bot/services/retention.py).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.chat.actions import SendDocument
from bot.chat.callbacks import ID, YES_NO, encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.clock import Clock
from bot.i18n.translator import render_in
from bot.services import data_rights, retention
from bot.services.errors import NotFound
from bot.settings import Settings
from bot.store.uow import UnitOfWorkFactory
from handlers import data_rights_text as text
from handlers.links import PRESS_START, open_private_keyboard

router = Router(name=__name__)
log = logging.getLogger(__name__)
FORGET = "forget"
SWEEP_EVERY = timedelta(hours=1)


async def _private_only(ctx: Context) -> bool:
    """Personal data never goes into a group: point to the private chat instead."""
    if ctx.event.is_private:
        return True
    keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
    await ctx.reply(text.ONLY_PRIVATE, keyboard)
    return False


@router.command("mydata", "fy_nata",
                menu=CommandInfo("fy_nata", "mydata", lambda tr: tr._("Everything Criw holds about you")))
async def my_data(ctx: Context) -> None:
    """Send the person a summary of their data and the full JSON file."""
    if not await _private_only(ctx):
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        data = await data_rights.my_data(uow, ctx.person.telegram_id)
    await ctx.reply(text.my_data(data))
    content = json.dumps(data.as_document(), ensure_ascii=False, indent=2).encode()
    caption = render_in(ctx.languages, text.file_caption)
    await ctx.platform.perform(SendDocument(ctx.event.chat_id, "criw-my-data.json", content, caption))


@router.command("forgetme", "anghofio",
                menu=CommandInfo("anghofio", "forgetme", lambda tr: tr._("Have Criw forget you")))
async def forget_me(ctx: Context) -> None:
    """Ask the person to confirm that Criw should forget them."""
    if not await _private_only(ctx):
        return
    assert ctx.person is not None
    keyboard = Keyboard.of([Button(ctx.label(text.yes_label), encode(FORGET, ctx.person.id, "y"))],
                           [Button(ctx.label(text.no_label), encode(FORGET, ctx.person.id, "n"))])
    await ctx.reply(text.ASK_FORGET, keyboard)


@router.callback(FORGET, (ID, YES_NO))
async def forget_answered(ctx: Context) -> None:
    """Erase the person (checked again: in private, this very person), or leave everything as it was."""
    assert ctx.callback is not None and ctx.person is not None
    person_id, answer = ctx.callback.int_arg(0), ctx.callback.args[1:2]
    if not ctx.event.is_private or person_id is None or answer not in (("y",), ("n",)):
        raise NotFound(ctx.callback)
    if answer == ("n",):
        await ctx.answer(message=False)
        await ctx.edit(text.KEPT)
        return
    async with ctx.uow() as uow:
        await data_rights.forget(uow, ctx.clock, ctx.person.telegram_id, person_id)
    log.info("person %s was erased at their request", person_id)
    await ctx.answer(message=False)
    await ctx.edit(text.FORGOTTEN)  # an edit, not a new message: nothing new is stored about them


def jobs(uow: UnitOfWorkFactory, clock: Clock, settings: Settings) -> dict[str, Callable[[], Awaitable[int]]]:
    """Scheduled work: clear what is kept only for a while, about once an hour."""
    last: list[datetime] = []

    async def clear_old_records() -> int:
        now = clock.now()
        if last and now - last[0] < SWEEP_EVERY:
            return 0
        async with uow() as work:
            swept = await retention.sweep(work, clock, settings.retention_days)
        last[:] = [now]
        if swept.total:
            log.info("retention: cleared %s update ids, %s conversations, %s reminders, %s audit details",
                     swept.updates, swept.conversations, swept.reminders, swept.audit_details)
        return swept.total

    return {"clear_old_records": clear_old_records}
