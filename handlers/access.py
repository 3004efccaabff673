"""/access /mynediad: what a person needs from a room or vehicle (step-free access, a hearing loop ...).

Private to them: coordinators deciding a request see only how many people who are going need each thing
("2 people who are going need step-free access; this room hasn't got it"), never who.
"""

from __future__ import annotations

from bot.chat.callbacks import encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.bookings import Access
from bot.i18n.easy import both
from bot.i18n.translator import Render
from bot.services import resources
from bot.services.errors import NotFound
from handlers.links import PRESS_START, open_private_keyboard
from handlers.resource_text import my_need_label

router = Router(name=__name__)
TOGGLE = "acc"


@router.command("access", "mynediad", menu=CommandInfo(
    "mynediad", "access", lambda tr: tr._("What you need from a room or vehicle (private)")))
async def show_access(ctx: Context) -> None:
    """Show the person's access needs with a tick button for each."""
    if not ctx.event.is_private:
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: tr._("♿ Your access needs are private. Please open a chat with me and use "
                                        "/access."), keyboard)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        needs = await resources.access_needs(uow, ctx.person.telegram_id)
    await ctx.reply(_explained, _keyboard(ctx, needs))


_explained = both(
    lambda tr: tr._("♿ What do you need from a room or vehicle? Tap to tick or untick. Only you see this; "
                    "coordinators only see how many people need each thing, never who."),
    lambda tr: tr.p_("easy", "♿ What do you need from a room or a vehicle?\n👆 Tap to tick or untick.\n"
                           "🔒 Only you see this.\n👥 Coordinators see how many people need it, not who."))


def _keyboard(ctx: Context, needs: set[Access]) -> Keyboard:
    return Keyboard.column(*(Button(("☑️ " if need in needs else "⬜ ") + ctx.label(_labelled(need)),
                                    encode(TOGGLE, need.value)) for need in Access))


def _labelled(need: Access) -> Render:
    return lambda tr: my_need_label(tr, need)


@router.callback(TOGGLE, (one_of(*Access),))
async def toggle(ctx: Context) -> None:
    """Tick or untick one need, and redraw the list."""
    assert ctx.callback is not None and ctx.person is not None
    value = (ctx.callback.args or ("",))[0]
    if value not in {need.value for need in Access} or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        needs = await resources.toggle_access_need(uow, ctx.clock, ctx.person.telegram_id, Access(value))
    ticked = Access(value) in needs
    await ctx.answer(both(
        lambda tr: tr._("☑️ Ticked: %(need)s", need=my_need_label(tr, Access(value))) if ticked
        else tr._("⬜ Unticked: %(need)s", need=my_need_label(tr, Access(value))),
        # Translators: Easy Read. need is an access need, such as "Step-free access".
        lambda tr: tr.p_("easy", "☑️ You need: %(need)s", need=my_need_label(tr, Access(value))) if ticked
        else tr.p_("easy", "⬜ You do not need: %(need)s", need=my_need_label(tr, Access(value)))))
    await ctx.edit(_explained, _keyboard(ctx, needs))
