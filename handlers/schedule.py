"""/schedule /amserlen: this week's meet-ups as a one-page picture to print for the noticeboard, large print
and Easy Read, in the person's language (a button gives both languages); in a group, in the group's."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.chat.actions import SendDocument
from bot.chat.callbacks import CHAT_ID, encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.language import BOTH
from bot.i18n.easy import both, easy_form
from bot.reports.schedule_page import Entry, schedule_png
from bot.services import schedule
from bot.services.errors import NotFound
from bot.services.schedule import Week

router = Router(name=__name__)
BOTH_LANGUAGES = "schb"
GROUPS_SHOWN = 3

_caption = both(
    lambda tr: tr._("🖨 This week's meet-ups, ready to print for the noticeboard."),
    lambda tr: tr.p_("easy", "🖨 This week's meet-ups.\n📌 You can print it."),
)


@router.command("schedule", "amserlen", menu=CommandInfo(
    "amserlen", "schedule", lambda tr: tr._("This week's meet-ups as a page to print")))
async def show_schedule(ctx: Context) -> None:
    """Send this week's page: the group's here, or each of the person's groups in private."""
    assert ctx.person is not None
    if not ctx.event.is_private:
        await _send(ctx, ctx.event.chat_id, ctx.languages, None)
        return
    async with ctx.uow() as uow:
        groups = await schedule.groups_of(uow, ctx.person.telegram_id)
    if not groups:
        await ctx.reply(both(
            lambda tr: tr._("I don't know which group you're in yet. Please use /schedule in your group's chat."),
            lambda tr: tr.p_("easy", "❓ I don't know your group yet.\n"
                                     "👥 Please send /schedule in your group's chat.")))
    for group in groups[:GROUPS_SHOWN]:
        keyboard = Keyboard.of([Button(ctx.label(lambda tr: tr._("🖨 Cymraeg and English on one page")),
                                       encode(BOTH_LANGUAGES, group.chat_id))])
        await _send(ctx, group.chat_id, ctx.languages[:1], keyboard)


@router.callback(BOTH_LANGUAGES, (CHAT_ID,))
async def both_languages(ctx: Context) -> None:
    """The same page with Welsh and English on it."""
    assert ctx.callback is not None
    chat_id = ctx.callback.int_arg(0)
    if chat_id is None or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    await ctx.answer(message=False)
    await _send(ctx, chat_id, BOTH, None)


async def _send(ctx: Context, chat_id: int, languages: tuple[str, ...], keyboard: Keyboard | None) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        week = await schedule.coming_week(uow, ctx.clock, ctx.person.telegram_id, chat_id)
    page = _page(week, languages)
    caption = easy_form(_caption)(ctx.personal_tr) if ctx.easy_read else ctx.text(_caption)
    name = f"criw-{week.start.astimezone(ZoneInfo(week.group.timezone)).date().isoformat()}-{'-'.join(languages)}.png"
    await ctx.platform.perform(SendDocument(ctx.event.chat_id, name, page, caption))
    if keyboard is not None:
        await ctx.reply(both(lambda tr: tr._("Would you like it in both languages?"),
                             lambda tr: tr.p_("easy", "🗣 Do you want Welsh and English on it?")), keyboard)


def _page(week: Week, languages: tuple[str, ...]) -> bytes:
    zone = ZoneInfo(week.group.timezone)
    entries = [Entry(view.meetup.title, view.meetup.starts_at, view.meetup.place, view.zone) for view in week.views]
    return schedule_png(languages, week.group.title, entries, (week.start, week.end), zone)
