"""Meet-ups in the phone's calendar: /calendar /calendr gives each person a private feed URL (which they
can reset), and "Add to calendar" on a meet-up sends a one-off .ics file privately.

The feed itself is served over HTTP by bot/web/calendar.py, from what `feed_file` builds here.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from bot.chat.actions import SendDocument, Undeliverable
from bot.chat.callbacks import ID, encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain import language
from bot.domain.language import BOTH
from bot.i18n.easy import Readable, both, easy_form
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Tr, render_in
from bot.reports.icalendar import CalendarEvent, calendar_file, meetup_uid
from bot.services import calendar_feeds, meetups, people
from bot.services.errors import NotFound
from bot.services.meetups import MeetupView
from bot.settings import Settings
from bot.store.models import Person
from handlers import meetup_text as text
from handlers.links import PRESS_START, open_private_keyboard
from handlers.meetup_post import ICS
from handlers.removed_words import shown

router = Router(name=__name__)
RESET = "calreset"


def feed_url(settings: Settings, token: str) -> str:
    return f"{settings.public_base_url}/calendar/{token}.ics"


def _plain(markup: str) -> str:
    """Telegram HTML to the plain text calendars want."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def _describe(tr: Tr, view: MeetupView) -> Markup:
    lines = [tr._("👥 Group: %(group)s", group=view.group.title), *text.details(tr, view)]
    if view.meetup.notes:
        lines.append(tr._("📝 Notes: %(notes)s", notes=shown(tr, view.meetup.notes)))
    if (status := text.status_line(tr, view)) is not None:
        lines.append(status)
    return one_per_line(lines)


def event_for(view: MeetupView, installation: str) -> CalendarEvent:
    """A meet-up as a calendar event, its description in Welsh and then English."""
    meetup = view.meetup
    return CalendarEvent(
        uid=meetup_uid(installation, view.id), title=meetup.title, starts_at=meetup.starts_at, ends_at=view.ends_at,
        zone=view.zone, place=meetup.place, description=_plain(render_in(BOTH, lambda tr: _describe(tr, view))),
        cancelled=meetup.status == "cancelled", sequence=meetup.version,
        stamp=meetup.updated_at or meetup.starts_at,
    )


def calendar_name() -> str:
    return " · ".join(Tr(code)._("Criw meet-ups") for code in BOTH)


def feed_file(views: list[MeetupView], now: datetime, installation: str) -> bytes:
    return calendar_file([event_for(view, installation) for view in views], calendar_name(), now)


def _link_message(url: str, *, renewed: bool = False) -> Readable:
    """The private feed link, in both forms; the voice note never reads the link out."""
    def standard(tr: Tr) -> Markup:
        done = tr._("🔄 Done: your old link no longer works.") + "\n\n" if renewed else ""
        return done + _link_text(tr, url)

    def easy(tr: Tr) -> Markup:
        done = tr.p_("easy", "🔄 Done. Your old link does not work now.") + "\n" if renewed else ""
        return done + tr.p_("easy", "📅 This is your own calendar link:") + "\n" + _code(url) + "\n" + tr.p_(
            "easy", "📱 Add it to the calendar on your phone.\n🔒 Keep it to yourself. Do not share it.")

    def speech(tr: Tr) -> Markup:
        done = tr.p_("easy", "🔄 Done. Your old link does not work now.") + "\n" if renewed else ""
        return done + tr.p_("easy", "The link is in the message. Add it to the calendar on your phone. "
                                  "Keep it to yourself. Do not share it.")

    return both(standard, easy, speech=speech)


def _code(url: str) -> Markup:
    return Markup("<code>{}</code>").format(url)


def _link_text(tr: Tr, url: str) -> Markup:
    return one_per_line([
        tr._("📅 Your private calendar link:"),
        _code(url),
        "",
        tr._("Add it to your phone's calendar as a subscription (\"From URL\" or \"Subscribed calendar\"). "
             "Your groups' meet-ups will appear there, in Welsh and English, and stay up to date."),
        tr._("🔒 Keep it to yourself: anyone with the link can see your groups' meet-ups."),
    ])


@router.command("calendar", "calendr",
                menu=CommandInfo("calendr", "calendar", lambda tr: tr._("Put your meet-ups in your phone's calendar")))
async def calendar(ctx: Context) -> None:
    """Send the person their private calendar feed link (in private only)."""
    if not ctx.event.is_private:
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: tr._("Your calendar link is private. Please open a private chat with me."),
                        keyboard)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        token = await calendar_feeds.token_for(uow, ctx.clock, ctx.person.telegram_id)
    url = feed_url(ctx.settings, token)
    reset = Button(ctx.label(lambda tr: tr._("🔄 Make a new link")), encode(RESET))
    await ctx.reply(_link_message(url), Keyboard.of([reset]))


@router.callback(RESET, ())
async def reset(ctx: Context) -> None:
    """Replace the person's feed token: the old link stops working at once."""
    assert ctx.person is not None
    if not ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        token = await calendar_feeds.token_for(uow, ctx.clock, ctx.person.telegram_id, reset=True)
    url = feed_url(ctx.settings, token)
    await ctx.answer(lambda tr: tr._("🔄 Done: your old link no longer works."),
                     message=False)  # the new link's message says so too
    await ctx.edit_keyboard_away()
    await ctx.reply(_link_message(url, renewed=True))


@router.callback(ICS, (ID,))
async def one_off_file(ctx: Context) -> None:
    """Send this meet-up as an .ics file in the person's private chat (never into the group)."""
    assert ctx.callback is not None and ctx.person is not None
    meetup_id = ctx.callback.int_arg(0)
    if meetup_id is None:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        found = await meetups.mine(uow, meetup_id, ctx.person.telegram_id,
                                   None if ctx.event.is_private else ctx.event.chat_id)
        installation = await calendar_feeds.installation(uow)
    view = found.view
    content = calendar_file([event_for(view, installation)], calendar_name(), ctx.clock.now())
    caption = _caption(ctx.person, view.meetup.title)
    document = SendDocument(ctx.person.telegram_id, f"criw-{view.id}.ics", content, caption)
    try:
        await ctx.platform.perform(document)
    except Undeliverable:
        async with ctx.uow() as uow:
            await people.set_reachable(uow, ctx.person.telegram_id, False)
        await ctx.answer(lambda tr: tr._("Please press Start in a private chat with me first, then tap again."),
                         alert=True, message=False)  # a pop-up only: they can't be written to privately
        return
    if not ctx.event.is_private:
        await ctx.answer(lambda tr: tr._("📅 I've sent you the calendar file in our private chat."), message=False)


def _caption(person: Person, title: str) -> Markup:
    """The .ics file's caption: in Easy Read for someone who chose it, in their one language."""
    message = both(lambda tr: tr._("📅 Open this file to add %(title)s to your calendar.", title=title),
                   # Translators: Easy Read. title is a meet-up's title.
                   lambda tr: tr.p_("easy", "📅 Open this file.\n📲 It puts %(title)s in your calendar.", title=title))
    languages = language.for_person(person.language)
    if not person.easy_read:
        return render_in(languages, message)
    return easy_form(message)(Tr(person.language or language.suggested(person.language_hint) or languages[0]))

