"""/upcoming /i_ddod and /next /nesaf: what's on. In a group: that group's meet-ups, bilingually; in
private: every group the person belongs to, in their language, with their own answers."""

from __future__ import annotations

from bot.chat.callbacks import ID, ON_OFF, encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.i18n.translator import Render
from bot.services import meetups
from bot.services.errors import NotFound
from bot.services.meetups import MyMeetup
from handlers import meetup_text as text
from handlers.meetup_post import rsvp_keyboard

router = Router(name=__name__)
OPEN, SHOW_NAMES, MANAGE, NEW = "mo", "mnames", "mm", "mn"


@router.command("upcoming", "i_ddod",
                menu=CommandInfo("i_ddod", "upcoming", lambda tr: tr._("Meet-ups coming up, and who's going")))
async def upcoming(ctx: Context) -> None:
    """List the next meet-ups: this group's in a group, every group's (with your answers) in private."""
    if not ctx.event.is_private:
        async with ctx.uow() as uow:
            views = await meetups.upcoming_in_group(uow, ctx.clock, ctx.event.chat_id)
            show = await meetups.shows_names(uow, ctx.event.chat_id)
        keyboard = _names_keyboard(ctx, show) if ctx.role == "coordinator" else None
        await ctx.reply(lambda tr: text.listing(tr, views), keyboard)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        mine = await meetups.upcoming_for_person(uow, ctx.clock, ctx.person.telegram_id)
        coordinates = bool(await meetups.groups_coordinated(uow, ctx.person.telegram_id))
    rows = [[Button(ctx.label(_open_label(found.view.meetup.title)), encode(OPEN, found.view.id))] for found in mine]
    if coordinates:
        rows.append([Button(ctx.label(lambda tr: tr._("➕ New meet-up")), encode(NEW))])
    views = [found.view for found in mine]
    await ctx.reply(text.private_listing(views, mine), Keyboard.of(*rows) if rows else None)


def _open_label(title: str) -> Render:
    # Translators: title is a meet-up's title, cut short to fit on a button.
    return lambda tr: tr._("📋 %(title)s", title=title[:40])


def _names_keyboard(ctx: Context, showing: bool) -> Keyboard:
    if showing:
        label = ctx.label(lambda tr: tr._("🙈 Hide who's going"))
    else:
        label = ctx.label(lambda tr: tr._("👁 Show who's going"))
    return Keyboard.of([Button(label, encode(SHOW_NAMES, "0" if showing else "1"))])


@router.callback(SHOW_NAMES, (ON_OFF,))
async def show_names(ctx: Context) -> None:
    """A coordinator chooses whether the group's meet-ups show the names of who's going."""
    assert ctx.callback is not None and ctx.person is not None
    show = ctx.callback.args[:1] == ("1",)
    if ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        await meetups.set_show_names(uow, ctx.clock, ctx.event.chat_id, ctx.person.telegram_id, show)
        views = await meetups.upcoming_in_group(uow, ctx.clock, ctx.event.chat_id)
    await ctx.answer(lambda tr: tr._("Names are shown now.") if show else tr._("Names are hidden now."),
                     message=False)  # the listing itself changes
    await ctx.edit(lambda tr: text.listing(tr, views), _names_keyboard(ctx, show))


@router.command("next", "nesaf",
                menu=CommandInfo("nesaf", "next", lambda tr: tr._("The next meet-up, and how to get there")))
async def next_meetup(ctx: Context) -> None:
    """Show just the next meet-up, with how to get there and the RSVP buttons."""
    if not ctx.event.is_private:
        async with ctx.uow() as uow:
            views = await meetups.upcoming_in_group(uow, ctx.clock, ctx.event.chat_id, limit=1)
        if not views:
            await ctx.reply(text.nothing_next)
            return
        await ctx.reply(lambda tr: text.next_card(tr, views[0]), rsvp_keyboard(views[0], ctx.languages))
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        mine = await meetups.upcoming_for_person(uow, ctx.clock, ctx.person.telegram_id, limit=1)
    if not mine:
        await ctx.reply(text.nothing_next_private())
        return
    await show_card(ctx, mine[0], next_one=True)


@router.callback(OPEN, (ID,))
async def open_card(ctx: Context) -> None:
    """Open one meet-up from the private /upcoming list."""
    assert ctx.callback is not None and ctx.person is not None
    meetup_id = ctx.callback.int_arg(0)
    if meetup_id is None or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        found = await meetups.mine(uow, meetup_id, ctx.person.telegram_id)
    await ctx.answer()
    await show_card(ctx, found)


async def show_card(ctx: Context, found: MyMeetup, *, next_one: bool = False) -> None:
    """One meet-up in private: details, your answer, RSVP buttons, and Manage for its organisers."""
    view = found.view
    keyboard = rsvp_keyboard(view, ctx.languages)
    rows = [list(row) for row in keyboard.rows] if keyboard else []
    if found.manages:
        rows.append([Button(ctx.label(lambda tr: tr._("⚙️ Manage this meet-up")), encode(MANAGE, view.id))])
    await ctx.reply(text.private_card(found, next_one=next_one), Keyboard.of(*rows) if rows else None)
