"""Ticking who came, after a meet-up: one button per person (tap to tick or untick), then Done.

The organiser is asked privately once the meet-up has ended (handlers/meetup_jobs.py); the organiser
or a coordinator can also open the sheet from Manage.
"""

from __future__ import annotations

from bot.chat.callbacks import ID, encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import Router
from bot.i18n.easy import Readable, Subject, both
from bot.i18n.markup import Markup, bold, one_per_line
from bot.i18n.translator import Tr, label_in
from bot.services import attendance
from bot.services.attendance import Sheet
from bot.services.errors import NotFound
from handlers import meetup_easy

router = Router(name=__name__)
TAKE, TICK, DONE = "att", "atp", "atd"


def sheet_message(sheet: Sheet) -> Readable:
    """The attendance sheet's words, in both forms (its buttons are `sheet_keyboard`)."""
    return both(lambda tr: _sheet_text(tr, sheet), lambda tr: _easy_sheet_text(tr, sheet),
                about=Subject("m", sheet.view.id))


def _sheet_text(tr: Tr, sheet: Sheet) -> Markup:
    title = bold(sheet.view.meetup.title)
    if not sheet.people:
        return tr._("📋 Nobody said they were coming to %(title)s, so there is nobody to tick.", title=title)
    return one_per_line([
        tr._("📋 Who came to %(title)s? Tap each person who came, then Done.", title=title),
        tr.n_("☑️ %(n)s person ticked so far.", "☑️ %(n)s people ticked so far.", len(sheet.came)),
    ])


def _easy_sheet_text(tr: Tr, sheet: Sheet) -> Markup:
    what = meetup_easy.what(tr, sheet.view.meetup.title)
    if not sheet.people:
        return tr.p_("easy", "📋 Nobody said they were going.") + "\n" + what + "\n" + tr.p_(
            "easy", "✅ There is nobody to tick.")
    # Translators: Easy Read. n is how many people are ticked as having come.
    return one_per_line([tr.p_("easy", "📋 Who came to the meet-up?"), what,
                      tr.p_("easy", "👆 Tap each person who came.\n✅ Then tap Done."),
                      tr.p_("easy", "☑️ Ticked so far: %(n)s", n=len(sheet.came))])


def sheet_keyboard(sheet: Sheet, languages: tuple[str, ...]) -> Keyboard:
    rows = [[Button(("☑️ " if person.id in sheet.came else "⬜ ") + person.display_name,
                    encode(TICK, sheet.view.id, person.id))] for person in sheet.people]
    rows.append([Button(label_in(languages, lambda tr: tr._("✅ Done")), encode(DONE, sheet.view.id))])
    return Keyboard.of(*rows)


def _ids(ctx: Context) -> tuple[int, int | None]:
    assert ctx.callback is not None
    meetup_id = ctx.callback.int_arg(0)
    if meetup_id is None or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    return meetup_id, ctx.callback.int_arg(1)


@router.callback(TAKE, (ID,))
async def open_sheet(ctx: Context) -> None:
    """Send the attendance sheet (organiser or coordinator, once the meet-up has started)."""
    assert ctx.person is not None
    meetup_id, _ = _ids(ctx)
    async with ctx.uow() as uow:
        sheet = await attendance.sheet(uow, ctx.clock, meetup_id, ctx.person.telegram_id)
    await ctx.answer()
    await ctx.reply(sheet_message(sheet), sheet_keyboard(sheet, ctx.languages))


@router.callback(TICK, (ID, ID))
async def tick(ctx: Context) -> None:
    """Tick or untick one person, and redraw the sheet."""
    assert ctx.person is not None
    meetup_id, person_id = _ids(ctx)
    if person_id is None:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        sheet = await attendance.toggle(uow, ctx.clock, meetup_id, ctx.person.telegram_id, person_id)
    ticked = person_id in sheet.came
    await ctx.answer(lambda tr: tr._("☑️ Ticked.") if ticked else tr._("⬜ Unticked."),
                     message=False)  # the sheet itself changes: its button and its count
    await ctx.edit(sheet_message(sheet), sheet_keyboard(sheet, ctx.languages))


@router.callback(DONE, (ID,))
async def done(ctx: Context) -> None:
    """Finish the sheet: say how many came (the ticks are already saved)."""
    assert ctx.person is not None
    meetup_id, _ = _ids(ctx)
    async with ctx.uow() as uow:
        sheet = await attendance.sheet(uow, ctx.clock, meetup_id, ctx.person.telegram_id)
    title = sheet.view.meetup.title
    await ctx.answer()
    await ctx.edit(both(
        lambda tr: tr.n_("✅ Saved: %(n)s person came to %(title)s. Thank you!",
                         "✅ Saved: %(n)s people came to %(title)s. Thank you!", len(sheet.came), title=title),
        # Translators: Easy Read. n is how many people came.
        lambda tr: tr.p_("easy", "✅ Saved. Thank you!") + "\n" + meetup_easy.what(tr, title) + "\n"
        + tr.p_("easy", "👥 People who came: %(n)s", n=len(sheet.came))))
