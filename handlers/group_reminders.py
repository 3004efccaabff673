"""/reminders /atgoffa in a group: which kinds of reminder the group gets (coordinators switch them)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.chat.callbacks import ON_OFF, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.reminders import DIGEST_HOURS
from bot.domain.roles import Role
from bot.i18n.easy import both
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Render, Tr
from bot.services import groups, meetup_reminders
from bot.services.errors import NotACoordinator, NotFound
from bot.store.models import Group

router = Router(name=__name__)
SWITCH, DIGEST_DAY, DIGEST_HOUR = "rk", "rkd", "rkh"
UTC = ZoneInfo("UTC")
A_MONDAY = datetime(2026, 11, 23, 12, tzinfo=UTC)  # any Monday: day names come from it and Babel

# The kinds a group can switch off, in the order shown. Other features add theirs here.
KINDS: dict[str, Render] = {
    "meetup_group": lambda tr: tr._("Meet-up reminder in the group, a day before"),
    "meetup_private": lambda tr: tr._("Private reminder to people going, 2 hours before"),
    "weekly_digest": lambda tr: tr._("Weekly list of the coming week's meet-ups"),
    "vote_nudge": lambda tr: tr._("Private nudge before a vote closes, to people who haven't voted"),
    "story_ask": lambda tr: tr._("Private question after a meet-up: what mattered to you?"),
}


def _day(tr: Tr, weekday: int) -> str:
    return tr.when(A_MONDAY + timedelta(days=weekday), UTC, "EEEE")


def _listing(tr: Tr, group: Group) -> Markup:
    off = group.reminders_off or []
    lines: list[Markup] = [tr._("⏰ Reminders in this group:")]
    for kind, describe in KINDS.items():
        lines.append(("✅ " if kind not in off else "⛔ ") + describe(tr))
    # Translators: weekday is a day name such as "Monday"; time is like 09:00 (the group's local time).
    lines.append(tr._("🗓 When the weekly list goes: %(weekday)s, %(time)s", weekday=_day(tr, group.digest_weekday),
                      time=f"{group.digest_hour:02d}:00"))
    return one_per_line(lines)


def _keyboard(ctx: Context, group: Group) -> Keyboard:
    off = group.reminders_off or []
    rows = []
    for kind, describe in KINDS.items():
        on = kind not in off
        label = ctx.label(lambda tr, d=describe, now_on=on: ("⛔ " if now_on else "✅ ") + d(tr))  # type: ignore[misc]
        rows.append([Button(label, encode(SWITCH, kind, 0 if on else 1))])
    rows.append([Button(ctx.label(lambda tr: tr._("🗓 Change the weekly list's day and time")), encode(DIGEST_DAY))])
    return Keyboard.of(*rows)


@router.command("reminders", "atgoffa",
                menu=CommandInfo("atgoffa", "reminders", lambda tr: tr._("Which reminders this group gets")))
async def show(ctx: Context) -> None:
    """Show the group's reminder kinds; coordinators get buttons to switch them."""
    if ctx.event.is_private or ctx.group is None:
        await ctx.reply(both(
            lambda tr: tr._("Please use /reminders in your group's chat. For your own reminders, use /settings."),
            # Translators: Easy Read. /reminders and /settings are commands: keep them as the Welsh ones are.
            lambda tr: tr.p_("easy", "⏰ A group's reminders are chosen in the group chat.\n👥 Use /reminders there.\n"
                                   "⚙️ Your own reminders: use /settings.")))
        return
    group = ctx.group
    keyboard = _keyboard(ctx, group) if ctx.role == Role.COORDINATOR else None
    await ctx.reply(lambda tr: _listing(tr, group), keyboard)


@router.callback(SWITCH, (one_of(*KINDS), ON_OFF))
async def switch(ctx: Context) -> None:
    """Switch one kind on or off (the service checks the presser is a coordinator of this group)."""
    assert ctx.callback is not None and ctx.person is not None
    kind, on = (*ctx.callback.args, "", "")[:2]
    if ctx.event.is_private or kind not in KINDS or on not in ("0", "1"):
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        group = await groups.switch_reminders(uow, ctx.clock, ctx.event.chat_id, ctx.person.telegram_id, kind,
                                              on == "1")
    if kind == meetup_reminders.DIGEST and on == "1":  # switched back on: plan the next list again
        async with ctx.uow() as uow:
            await meetup_reminders.ensure_digest(uow, ctx.clock, group)
            await uow.commit()
    await ctx.answer(lambda tr: tr._("Saved"))
    await ctx.edit(lambda tr: _listing(tr, group), _keyboard(ctx, group))


@router.callback(DIGEST_DAY, (), (one_of(*map(str, range(7))),))
async def choose_day(ctx: Context) -> None:
    """A coordinator changes the weekly list's day (then its hour); the panel shows the choices."""
    assert ctx.callback is not None
    if ctx.event.is_private or ctx.group is None:
        raise NotFound(ctx.callback)
    if ctx.role != Role.COORDINATOR:  # the panel is the group's shared message: only coordinators change it
        raise NotACoordinator(ctx.group.id)
    args = ctx.callback.args
    if not args:
        days = [Button(ctx.label(lambda tr, d=day: _day(tr, d)), encode(DIGEST_DAY, day))  # type: ignore[misc]
                for day in range(7)]
        await ctx.answer()
        await ctx.edit(lambda tr: tr._("🗓 Which day should the weekly list of meet-ups go?"),
                       Keyboard.of(*[days[i:i + 2] for i in range(0, 7, 2)]))
        return
    day = int(args[0]) if args[0].isdigit() else -1
    if not 0 <= day <= 6:
        raise NotFound(ctx.callback)
    hours = [Button(f"{hour:02d}:00", encode(DIGEST_HOUR, day, hour)) for hour in DIGEST_HOURS]
    await ctx.answer()
    await ctx.edit(lambda tr: tr._("🗓 %(weekday)s: at what time (the group's time)?", weekday=_day(tr, day)),
                   Keyboard.of(*[hours[i:i + 4] for i in range(0, len(hours), 4)]))


@router.callback(DIGEST_HOUR, (one_of(*map(str, range(7))), one_of(*map(str, DIGEST_HOURS))))
async def choose_hour(ctx: Context) -> None:
    """Save the weekly list's day and hour (the service checks the presser is a coordinator here)."""
    assert ctx.callback is not None and ctx.person is not None
    day, hour = (*ctx.callback.args, "", "")[:2]
    if ctx.event.is_private or not day.isdigit() or not hour.isdigit():
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        group = await meetup_reminders.set_digest_time(uow, ctx.clock, ctx.event.chat_id, ctx.person.telegram_id,
                                                       int(day), int(hour))
    await ctx.answer(lambda tr: tr._("Saved"))
    await ctx.edit(lambda tr: _listing(tr, group), _keyboard(ctx, group))
