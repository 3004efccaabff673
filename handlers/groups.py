"""The bot in groups: joining (a bilingual welcome), leaving, migration, and appointing coordinators."""

from __future__ import annotations

from bot.chat.callbacks import encode
from bot.chat.context import Context
from bot.chat.events import EventKind
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.i18n.easy import both
from bot.services import groups, meetup_reminders, people
from bot.services.errors import NotACoordinator
from handlers.links import PRESS_START, open_private_keyboard

router = Router(name=__name__)
APPOINT = "coord"


@router.on(EventKind.BOT_ADDED)
async def bot_added(ctx: Context) -> None:
    """Say hello bilingually and ask everyone to press Start once in private; a returning group's weekly list
    starts again."""
    async with ctx.uow() as uow:
        await meetup_reminders.bot_back(uow, ctx.clock, ctx.event.chat_id)
    keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
    await ctx.reply(
        lambda tr: tr._(
            "👋 Hello, I'm Criw. I help this group suggest activities, vote on them and plan meet-ups.\n"
            "Please each press Start once, so I can send you reminders and ask you things privately."
        ),
        keyboard,
    )


@router.on(EventKind.BOT_REMOVED)
async def bot_removed(ctx: Context) -> None:
    """Remember the bot is gone, so nothing is sent there; keep every record for a return."""
    async with ctx.uow() as uow:
        await groups.set_bot_present(uow, ctx.event.chat_id, False)


@router.on(EventKind.CHAT_MIGRATED)
async def chat_migrated(ctx: Context) -> None:
    """Telegram upgraded the group: move its records to the new chat id."""
    assert ctx.event.new_chat_id is not None
    async with ctx.uow() as uow:
        await groups.move_chat(uow, ctx.event.chat_id, ctx.event.new_chat_id)


@router.on(EventKind.BOT_BLOCKED)
async def bot_blocked(ctx: Context) -> None:
    """The person blocked the bot: stop writing to them privately until they press Start again."""
    async with ctx.uow() as uow:
        await people.set_reachable(uow, ctx.event.chat_id, False)


@router.command(
    "coordinator", "cydlynydd",
    menu=CommandInfo("cydlynydd", "coordinator", lambda tr: tr._("Make someone a coordinator (reply to them)")),
)
async def coordinator(ctx: Context) -> None:
    """Offer to make the person whose message this replies to a coordinator (coordinators only)."""
    if ctx.event.is_private:
        await ctx.reply(both(
            lambda tr: tr._("Please use /coordinator in your group, as a reply to the person's message."),
            # Translators: Easy Read. /coordinator is a command: keep it as the Welsh one is.
            lambda tr: tr.p_("easy", "👥 This works in the group chat.\n💬 Reply to the person's message there.\n"
                                   "⌨️ Then type /coordinator.")))
        return
    if ctx.role != "coordinator":
        raise NotACoordinator(ctx.event.chat_id)
    target = ctx.event.reply_to_sender
    if target is None:
        await ctx.reply(lambda tr: tr._("Reply to a message from the person you want to make a coordinator."))
        return
    name = target.name
    async with ctx.uow() as uow:
        lookup = lambda: ctx.platform.member_status(ctx.event.chat_id, target.telegram_id)  # noqa: E731
        await groups.recognise(uow, ctx.clock, ctx.event.chat_id, target.telegram_id, name, lookup)
    keyboard = Keyboard.of(
        # Translators: name is the person's Telegram name; a button label, keep it short.
        [Button(ctx.label(lambda tr: tr._("✅ Make %(name)s a coordinator", name=name)),
                encode(APPOINT, target.telegram_id))]
    )
    # Translators: name is the person's Telegram name.
    await ctx.reply(lambda tr: tr._("Make %(name)s a coordinator of this group?", name=name), keyboard)


@router.callback(APPOINT)
async def appoint(ctx: Context) -> None:
    """Appoint, after checking again that the presser is a coordinator of this very group."""
    assert ctx.callback is not None and ctx.person is not None
    target_id = ctx.callback.int_arg(0)
    if ctx.event.is_private or target_id is None:
        raise NotACoordinator(ctx.event.chat_id)
    async with ctx.uow() as uow:
        target = await groups.appoint_coordinator(
            uow, ctx.clock, ctx.event.chat_id, ctx.person.telegram_id, target_id
        )
    name, title = target.display_name, ctx.event.chat_title
    await ctx.answer(lambda tr: tr._("Done"))
    # Translators: name is the person's Telegram name.
    await ctx.edit(lambda tr: tr._("✅ %(name)s is now a coordinator of this group.", name=name))
    # Translators: title is the Telegram group's name.
    await ctx.send_private(target, both(
        lambda tr: tr._("🎉 You are now a coordinator of %(title)s.", title=title),
        # Translators: Easy Read. title is the Telegram group's name.
        lambda tr: tr.p_("easy", "🎉 You are now a coordinator.\n👥 Group: %(title)s", title=title)))
