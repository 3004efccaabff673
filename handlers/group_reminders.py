"""/reminders /atgoffa in a group: which kinds of reminder the group gets (coordinators switch them)."""

from __future__ import annotations

from bot.chat.callbacks import encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.i18n.translator import Render, Tr
from bot.services import groups
from bot.services.errors import NotFound

router = Router(name=__name__)
SWITCH = "rk"

# The kinds a group can switch off, in the order shown. Other features add theirs here.
KINDS: dict[str, Render] = {
    "meetup_group": lambda tr: tr._("Meet-up reminder in the group, a day before"),
    "meetup_private": lambda tr: tr._("Private reminder to people going, 2 hours before"),
    "weekly_digest": lambda tr: tr._("Weekly list of the coming week's meet-ups"),
    "vote_nudge": lambda tr: tr._("Private nudge before a vote closes, to people who haven't voted"),
}


def _listing(tr: Tr, off: list[str]) -> str:
    lines: list[str] = [tr._("⏰ Reminders in this group:")]
    for kind, describe in KINDS.items():
        lines.append(("✅ " if kind not in off else "⛔ ") + describe(tr))
    return "\n".join(lines)


def _keyboard(ctx: Context, off: list[str]) -> Keyboard:
    rows = []
    for kind, describe in KINDS.items():
        on = kind not in off
        label = ctx.label(lambda tr, d=describe, now_on=on: ("⛔ " if now_on else "✅ ") + d(tr))  # type: ignore[misc]
        rows.append([Button(label, encode(SWITCH, kind, 0 if on else 1))])
    return Keyboard.of(*rows)


@router.command("reminders", "atgoffa",
                menu=CommandInfo("atgoffa", "reminders", lambda tr: tr._("Which reminders this group gets")))
async def show(ctx: Context) -> None:
    """Show the group's reminder kinds; coordinators get buttons to switch them."""
    if ctx.event.is_private or ctx.group is None:
        await ctx.reply(lambda tr: tr._(
            "Please use /reminders in your group's chat. For your own reminders, use /settings."))
        return
    off = list(ctx.group.reminders_off or [])
    keyboard = _keyboard(ctx, off) if ctx.role == "coordinator" else None
    await ctx.reply(lambda tr: _listing(tr, off), keyboard)


@router.callback(SWITCH)
async def switch(ctx: Context) -> None:
    """Switch one kind on or off (the service checks the presser is a coordinator of this group)."""
    assert ctx.callback is not None and ctx.person is not None
    kind, on = (*ctx.callback.args, "", "")[:2]
    if ctx.event.is_private or kind not in KINDS or on not in ("0", "1"):
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        group = await groups.switch_reminders(uow, ctx.clock, ctx.event.chat_id, ctx.person.telegram_id, kind,
                                              on == "1")
    off = list(group.reminders_off or [])
    await ctx.answer(lambda tr: tr._("Saved"))
    await ctx.edit(lambda tr: _listing(tr, off), _keyboard(ctx, off))
