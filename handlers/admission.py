"""The organisation's boundary in chat: a group the bot joins waits to be admitted, organisation
coordinators admit or refuse it from a card, and name other organisation coordinators."""

from __future__ import annotations

import contextlib

from bot.chat.actions import LeaveChat, Undeliverable
from bot.chat.callbacks import ID, YES_NO, encode
from bot.chat.context import Context
from bot.chat.events import EventKind
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain import language
from bot.i18n.easy import both
from bot.i18n.translator import Render, label_in
from bot.services import admission, groups
from bot.services.errors import NotAnOrganisationCoordinator
from bot.store.models import Group, Person
from handlers.links import PRESS_START, open_private_keyboard

router = Router(name=__name__)
ADMIT = "adm"
GRANT = "org"


WELCOME: Render = lambda tr: tr._(  # noqa: E731
    "👋 Hello, I'm Criw. I help this group suggest activities, vote on them and plan meet-ups.\n"
    "Please each press Start once, so I can send you reminders and ask you things privately."
)
WAITING: Render = lambda tr: tr._(  # noqa: E731
    "⏳ Hello, I'm Criw. This group isn't part of the organisation yet: I've asked its coordinators to "
    "admit it. Until they do, I won't do anything here."
)


@router.on(EventKind.BOT_ADDED)
async def bot_added(ctx: Context) -> None:
    """Welcome an admitted group; tell a new one it is waiting and ask the organisation's coordinators."""
    adder = ctx.event.sender.telegram_id if ctx.event.sender else None
    async with ctx.uow() as uow:
        arrival = await admission.arrive(uow, ctx.clock, ctx.event.chat_id, adder,
                                         admitted_chats=ctx.settings.admitted_chat_ids,
                                         named=ctx.settings.organisation_coordinator_ids)
    if arrival.refused:
        await _leave(ctx, ctx.event.chat_id)
    elif arrival.admitted:
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(WELCOME, keyboard)
    else:
        await ctx.reply(WAITING)
        adder_name = ctx.event.sender.name if ctx.event.sender else ""
        for coordinator in arrival.ask:
            await _send_card(ctx, coordinator, arrival.group, adder_name)


async def _send_card(ctx: Context, coordinator: Person, group: Group, adder_name: str) -> None:
    assert group.id is not None
    title, languages = group.title, language.for_person(coordinator.language)  # their words, not the group's
    keyboard = Keyboard.of([
        Button(label_in(languages, lambda tr: tr._("✅ Admit")), encode(ADMIT, group.id, "y")),
        Button(label_in(languages, lambda tr: tr._("❌ Refuse")), encode(ADMIT, group.id, "n")),
    ])
    await ctx.send_private(coordinator, both(
        # Translators: title is the Telegram group's name; name is the Telegram name of who added the bot.
        lambda tr: tr._("🏠 A new group wants to join the organisation.\nGroup: %(title)s\nAdded by: %(name)s\n"
                        "Admit it? Its coordinators will then be able to ask for rooms, transport and money.",
                        title=title, name=adder_name),
        # Translators: Easy Read. title is the Telegram group's name; name is who added the bot.
        lambda tr: tr.p_("easy", "🏠 A new group wants to join.\n👥 Group: %(title)s\n👤 Added by: %(name)s\n"
                                 "❓ Let it join?", title=title, name=adder_name)), keyboard)


@router.callback(ADMIT, (ID, YES_NO))
async def decide(ctx: Context) -> None:
    """Admit or refuse a waiting group, after checking again that the presser coordinates the organisation."""
    assert ctx.callback is not None and ctx.person is not None
    group_id, admit = int(ctx.callback.args[0]), ctx.callback.args[1] == "y"
    if not ctx.event.is_private:
        raise NotAnOrganisationCoordinator(None)
    async with ctx.uow() as uow:
        group = await admission.decide(uow, ctx.clock, group_id, ctx.person.telegram_id, admit)
    title = group.title
    await ctx.answer(lambda tr: tr._("Done"))
    if admit:
        # Translators: title is the Telegram group's name.
        await ctx.edit(lambda tr: tr._("✅ Admitted: %(title)s", title=title))
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, group.chat_id)
        await ctx.outbound.to_group(group, WELCOME, keyboard)
        return
    await ctx.edit(both(
        # Translators: title is the Telegram group's name.
        lambda tr: tr._("❌ Refused: %(title)s. I have left that group.", title=title),
        # Translators: Easy Read. title is the Telegram group's name.
        lambda tr: tr.p_("easy", "❌ Group not let in: %(title)s\n👋 I have left it.", title=title)))
    await _leave(ctx, group.chat_id)


async def _leave(ctx: Context, chat_id: int) -> None:
    with contextlib.suppress(Undeliverable):  # the bot is no longer there: nothing to leave
        await ctx.platform.perform(LeaveChat(chat_id))


@router.command(
    "orgcoordinator", "cydlynydd_sefydliad",
    menu=CommandInfo("cydlynydd_sefydliad", "orgcoordinator",
                     lambda tr: tr._("Make someone an organisation coordinator (reply to them)")),
)
async def offer_grant(ctx: Context) -> None:
    """Offer to make the person this replies to an organisation coordinator (organisation coordinators only)."""
    target = ctx.event.reply_to_sender
    if ctx.event.is_private or target is None:
        await ctx.reply(both(
            lambda tr: tr._("In a group, reply to the person's message with /orgcoordinator."),
            # Translators: Easy Read. /orgcoordinator is a command: keep it as the Welsh one is.
            lambda tr: tr.p_("easy", "👥 This works in the group chat.\n💬 Reply to the person's message there.\n"
                                     "⌨️ Then type /orgcoordinator.")))
        return
    async with ctx.uow() as uow:
        if ctx.person is None or not await admission.is_organisation_coordinator(uow, ctx.person.telegram_id):
            raise NotAnOrganisationCoordinator(None)
        lookup = lambda: ctx.platform.member_status(ctx.event.chat_id, target.telegram_id)  # noqa: E731
        await groups.recognise(uow, ctx.clock, ctx.event.chat_id, target.telegram_id, target.name, lookup)
    name = target.name
    keyboard = Keyboard.of([Button(
        # Translators: name is the person's Telegram name; a button label, keep it short.
        ctx.label(lambda tr: tr._("✅ Make %(name)s an organisation coordinator", name=name)),
        encode(GRANT, target.telegram_id))])
    # Translators: name is the person's Telegram name.
    await ctx.reply(lambda tr: tr._("Make %(name)s an organisation coordinator? They will manage rooms, "
                                    "vehicles and budgets and see every group's requests.", name=name), keyboard)


@router.callback(GRANT, (ID,))
async def grant(ctx: Context) -> None:
    """Grant, after checking again that the presser coordinates the organisation."""
    assert ctx.callback is not None and ctx.person is not None
    if ctx.event.is_private:
        raise NotAnOrganisationCoordinator(None)
    async with ctx.uow() as uow:
        target = await admission.grant(uow, ctx.clock, ctx.event.chat_id, ctx.person.telegram_id,
                                       int(ctx.callback.args[0]))
    name = target.display_name
    await ctx.answer(lambda tr: tr._("Done"))
    # Translators: name is the person's Telegram name.
    await ctx.edit(lambda tr: tr._("✅ %(name)s is now an organisation coordinator.", name=name))
