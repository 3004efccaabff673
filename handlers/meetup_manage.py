"""Managing a meet-up (its organiser or a coordinator, in private): who's coming with lifts and pickups,
changing the time, place, transport or notes, cancelling, and stopping a series.

```mermaid
stateDiagram-v2
    [*] --> menu: Manage (from /upcoming or /next)
    menu --> time: Change the time
    time --> confirm_time: a day (and time) typed
    confirm_time --> [*]: Yes, move it (Going/Maybe told)
    menu --> text: Change the place / transport / notes
    text --> [*]: typed (Going/Maybe told)
    menu --> cancel: Cancel the meet-up
    cancel --> [*]: Yes, cancel it (Going/Maybe told)
```
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.chat.callbacks import ID, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import Router
from bot.domain.dates import local_to_utc, read_when
from bot.domain.meetups import Answer
from bot.domain.proposals import clean_text
from bot.i18n.easy import Readable, Subject, both
from bot.i18n.markup import BLANK, Markup, bold, one_per_line
from bot.i18n.translator import Render, Tr
from bot.services import conversations, meetup_changes, meetups, request_releases
from bot.services.errors import NotFound
from bot.services.meetup_changes import LIMITS, MeetupChanged
from bot.services.meetups import MeetupView
from bot.voice.words import when_words
from handlers import meetup_easy
from handlers import meetup_text as text
from handlers.attendance import TAKE
from handlers.meetup_post import tell_about_change
from handlers.meetups import MANAGE
from handlers.propose_problems import EARLIER_QUESTION, USE_BUTTONS, explain_date_problem, too_long
from handlers.request_post import after_meetup_cancelled, after_meetup_moved

router = Router(name=__name__)
FLOW = "meetup_edit"
CHANGE, MOVE, CANCEL, CANCEL_YES, CANCEL_ALL, STOP, QUIT = "mc", "mt", "mx", "mxy", "mxa", "ms", "mq"
FIELDS = ("time", "place", "transport", "notes")


def _meetup_id(ctx: Context) -> int:
    assert ctx.callback is not None
    meetup_id = ctx.callback.int_arg(0)
    if meetup_id is None or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    return meetup_id


@router.callback(MANAGE, (ID,))
async def menu(ctx: Context) -> None:
    """Show who's coming (names, lifts, pickups) and what can be changed."""
    assert ctx.person is not None
    meetup_id = _meetup_id(ctx)
    async with ctx.uow() as uow:
        answers = await meetups.answers(uow, meetup_id, ctx.person.telegram_id)
        view = await meetups.get_view(uow, meetup_id)
    assert view is not None
    await ctx.answer()
    await ctx.reply(both(lambda tr: _who(tr, view, answers), lambda tr: _easy_who(tr, view, answers),
                         about=Subject("m", view.id)), _menu_keyboard(ctx, view))


def _who(tr: Tr, view: MeetupView, answers: list) -> Markup:  # type: ignore[type-arg]
    lines = [tr._("⚙️ Manage: %(title)s", title=bold(view.meetup.title)), *text.details(tr, view), BLANK]
    for kind in (Answer.GOING, Answer.MAYBE, Answer.WAITING):
        people = [(person, lift, pickup) for answer, lift, pickup, person in answers if answer == kind]
        names = ", ".join(person.display_name for person, _, _ in people) or "–"
        lines.append(Markup("{}: {}").format(text.answer_word(tr, kind), names))
    for answer, lift, pickup, person in answers:
        if lift and answer != Answer.NO:
            lines.append(tr._("🚗 Lift for %(name)s, pickup: %(pickup)s", name=person.display_name,
                              pickup=pickup or "–"))
    return one_per_line(lines)


def _easy_who(tr: Tr, view: MeetupView, answers: list) -> Markup:  # type: ignore[type-arg]
    """The same in Easy Read: one line per answer, then the lifts, then what to do."""
    # Translators: Easy Read. title is a meet-up's title.
    lines = [tr.p_("easy", "⚙️ You run this meet-up: %(title)s", title=bold(view.meetup.title)),
             *meetup_easy.details(tr, view)]
    names = {kind: ", ".join(person.display_name for answer, _, _, person in answers if answer == kind) or "–"
             for kind in (Answer.GOING, Answer.MAYBE, Answer.WAITING)}
    # Translators: Easy Read. names are the people's names, with commas.
    lines.append(tr.p_("easy", "✅ Going: %(names)s", names=names[Answer.GOING]))
    lines.append(tr.p_("easy", "🤔 Maybe: %(names)s", names=names[Answer.MAYBE]))
    if names[Answer.WAITING] != "–":
        lines.append(tr.p_("easy", "🎟 Waiting list: %(names)s", names=names[Answer.WAITING]))
    for answer, lift, pickup, person in answers:
        if lift and answer != Answer.NO:
            # Translators: Easy Read. name is a person's name; pickup is where they want to be picked up.
            lines.append(tr.p_("easy", "🚗 %(name)s needs a lift. Pickup: %(pickup)s", name=person.display_name,
                               pickup=pickup or "–"))
    lines.append(tr.p_("easy", "👆 What do you want to do? Press a button."))
    return one_per_line(lines)


def _menu_keyboard(ctx: Context, view: MeetupView) -> Keyboard:
    def button(render: Render, prefix: str, *args: object) -> Button:
        return Button(ctx.label(render), encode(prefix, view.id, *args))

    rows: list[list[Button]] = []
    if view.is_on and view.meetup.starts_at > ctx.clock.now():
        rows += [[button(lambda tr: tr._("📅 Change the time"), CHANGE, "time"),
                  button(lambda tr: tr._("📍 Change the place"), CHANGE, "place")],
                 [button(lambda tr: tr._("🚌 Change the transport"), CHANGE, "transport"),
                  button(lambda tr: tr._("📝 Change the notes"), CHANGE, "notes")],
                 [button(lambda tr: tr._("❌ Cancel the meet-up"), CANCEL)]]
    if view.series is not None and view.series.active:
        rows.append([button(lambda tr: tr._("🔁 Stop repeating"), STOP)])
    if view.meetup.starts_at <= ctx.clock.now() and view.meetup.status != "cancelled":
        rows.append([button(lambda tr: tr._("✅ Tick who came"), TAKE)])
    return Keyboard.of(*rows)


PROMPTS: dict[str, Readable] = {
    "time": both(
        lambda tr: tr._("📅 When should it be now? Type a day and time, for example: Saturday 12 December 14:30."),
        lambda tr: tr.p_("easy", "📅 When is it now?\n✍️ Write the day and the time.\n"
                               "💡 For example: Saturday 12 December 14:30")),
    "place": both(lambda tr: tr._("📍 Where will it be now? Write the place."),
                  lambda tr: tr.p_("easy", "📍 Where is it now?\n✍️ Write the place.")),
    "transport": both(
        lambda tr: tr._("🚌 How will people get there? For example: Minibus from the library at 10:15."),
        lambda tr: tr.p_("easy", "🚌 How will people get there?\n✍️ Write it.\n"
                               "💡 For example: Minibus from the library at 10:15")),
    "notes": both(
        lambda tr: tr._("📝 Write the new notes for people going (what to bring, access, who to ask)."),
        lambda tr: tr.p_("easy", "💬 What should people know?\n✍️ Write it.\n"
                               "💡 For example: what to bring, or who to ask.")),
}


def _quit_keyboard(ctx: Context) -> Keyboard:
    return Keyboard.of([Button(ctx.label(lambda tr: tr._("✖️ Cancel")), encode(QUIT))])


@router.callback(CHANGE, (ID, one_of(*FIELDS)))
async def ask_change(ctx: Context) -> None:
    """Ask for the new time, place, transport or notes."""
    assert ctx.callback is not None and ctx.person is not None and ctx.person.id is not None
    meetup_id = _meetup_id(ctx)
    field = ctx.callback.args[1] if len(ctx.callback.args) > 1 else ""
    if field not in FIELDS:
        raise NotFound(field)
    async with ctx.uow() as uow:
        found = await meetups.answers(uow, meetup_id, ctx.person.telegram_id)  # checks they may manage it
        view = await meetups.get_view(uow, meetup_id)
        assert view is not None and found is not None
        await conversations.save(uow, ctx.clock, ctx.person.id, FLOW, field,
                                 {"meetup": meetup_id, "tz": view.group.timezone})
    await ctx.answer()
    await ctx.reply(PROMPTS[field], _quit_keyboard(ctx))


def _text_step(field: str):  # type: ignore[no-untyped-def]
    async def on_text(ctx: Context) -> None:
        """Read the new place, transport or notes, and tell everyone going or maybe."""
        assert ctx.person is not None and ctx.conversation is not None
        value = clean_text(ctx.event.text)
        if len(value) > LIMITS[field]:
            await ctx.reply(too_long(LIMITS[field]), _quit_keyboard(ctx))
            return
        meetup_id = int(ctx.conversation.data["meetup"])
        await _end(ctx)
        async with ctx.uow() as uow:
            change = await meetup_changes.change(uow, ctx.clock, meetup_id, ctx.person.telegram_id,
                                                 text={field: value})
        await _announce(ctx, change)

    return on_text


for _field in ("place", "transport", "notes"):
    router.step(FLOW, _field)(_text_step(_field))


@router.step(FLOW, "time")
async def read_time(ctx: Context) -> None:
    """Read the new day (and time); keep the old time of day if none was typed; then confirm."""
    assert ctx.person is not None and ctx.person.id is not None and ctx.conversation is not None
    data = dict(ctx.conversation.data)
    zone = ZoneInfo(data.get("tz", "Europe/London"))
    reading = read_when(ctx.event.text, ctx.clock.now(), zone)
    if reading.problem or reading.moment is None:
        await ctx.reply(explain_date_problem(reading.problem), _quit_keyboard(ctx))
        return
    moment = reading.moment
    if not reading.has_time:
        async with ctx.uow() as uow:
            view = await meetups.get_view(uow, int(data["meetup"]))
        if view is None:
            raise NotFound(data["meetup"])
        moment = local_to_utc(moment.astimezone(zone).date(), view.meetup.starts_at.astimezone(zone).time(), zone)
    if moment <= ctx.clock.now():
        await ctx.reply(explain_date_problem("past"), _quit_keyboard(ctx))
        return
    async with ctx.uow() as uow:
        await conversations.save(uow, ctx.clock, ctx.person.id, FLOW, "confirm_time",
                                 {**data, "starts_at": moment.isoformat()})
    yes = Button(ctx.label(lambda tr: tr._("✅ Yes, move it")), encode(MOVE, data["meetup"]))
    await ctx.reply(both(
        lambda tr: tr._("📅 Move it to %(when)s?", when=text.when(tr, moment, zone)),
        # Translators: Easy Read. when is the new day and time.
        lambda tr: tr.p_("easy", "📅 Move the meet-up to this time?\n📅 %(when)s\n✅ Press Yes to move it.",
                         when=text.when(tr, moment, zone)),
        # Translators: Easy Read, read aloud. when is a date and time in words.
        speech=lambda tr: tr.p_("easy", "Move the meet-up? The new time: %(when)s. Press Yes to move it.",
                                when=when_words(moment, zone, tr.language))),
        Keyboard.of([yes], *_quit_keyboard(ctx).rows))


@router.step(FLOW, "confirm_time")
async def use_the_buttons(ctx: Context) -> None:
    """Typing while a Yes/Cancel question waits: point at the buttons."""
    await ctx.reply(USE_BUTTONS, _quit_keyboard(ctx))


@router.callback(MOVE, (ID,))
async def move(ctx: Context) -> None:
    """Move the meet-up to the confirmed time and tell everyone going or maybe."""
    assert ctx.person is not None
    meetup_id = _meetup_id(ctx)
    conversation = ctx.conversation
    if conversation is None or conversation.step != "confirm_time" or conversation.data.get("meetup") != meetup_id:
        await ctx.answer(EARLIER_QUESTION)
        return
    starts_at = datetime.fromisoformat(conversation.data["starts_at"])
    await _end(ctx)
    async with ctx.uow() as uow:
        change = await meetup_changes.change(uow, ctx.clock, meetup_id, ctx.person.telegram_id, starts_at=starts_at)
        moved = await request_releases.read_moved(uow, ctx.clock, change.moved_requests, change.actor)
    await ctx.edit_keyboard_away()
    await _announce(ctx, change)
    await after_meetup_moved(ctx.outbound, ctx.uow, moved)


@router.callback(CANCEL, (ID,))
async def ask_cancel(ctx: Context) -> None:
    """Ask before cancelling: it can't be undone, and people will be told."""
    assert ctx.person is not None
    meetup_id = _meetup_id(ctx)
    async with ctx.uow() as uow:
        await meetups.answers(uow, meetup_id, ctx.person.telegram_id)  # checks they may manage it
        view = await meetups.get_view(uow, meetup_id)
    assert view is not None
    rows = [[Button(ctx.label(lambda tr: tr._("❌ Yes, cancel it")), encode(CANCEL_YES, meetup_id))]]
    if view.series is not None and view.series.active:
        rows.append([Button(ctx.label(lambda tr: tr._("❌ Cancel this and every later date")),
                            encode(CANCEL_ALL, meetup_id))])
    keyboard = Keyboard.of(*rows, [Button(ctx.label(lambda tr: tr._("⬅️ No, keep it")), encode(QUIT))])
    await ctx.answer()
    title = view.meetup.title
    await ctx.reply(both(
        lambda tr: tr._("❌ Cancel %(title)s? Everyone going or maybe will be told.", title=bold(title)),
        lambda tr: tr.p_("easy", "❌ Do you want to cancel this meet-up?") + "\n" + meetup_easy.what(tr, title)
        + "\n" + tr.p_("easy", "💬 I will tell everyone going or maybe."), about=Subject("m", meetup_id)), keyboard)


@router.callback(CANCEL_YES, (ID,))
async def cancel(ctx: Context) -> None:
    """Cancel the meet-up and tell everyone going or maybe, privately and in the group."""
    assert ctx.person is not None
    meetup_id = _meetup_id(ctx)
    async with ctx.uow() as uow:
        change = await meetup_changes.cancel(uow, ctx.clock, meetup_id, ctx.person.telegram_id)
        closed = await request_releases.read_back(uow, ctx.clock, change.closed_requests, change.actor)
    await ctx.answer()
    await ctx.edit_keyboard_away()
    await _announce(ctx, change)
    await after_meetup_cancelled(ctx.outbound, ctx.uow, closed)


@router.callback(CANCEL_ALL, (ID,))
async def cancel_series(ctx: Context) -> None:
    """Cancel this date and every later one of its series, stop it repeating, and tell everyone concerned."""
    assert ctx.person is not None
    meetup_id = _meetup_id(ctx)
    async with ctx.uow() as uow:
        changes = await meetup_changes.cancel_series(uow, ctx.clock, meetup_id, ctx.person.telegram_id)
        closed = [decided for change in changes
                  for decided in await request_releases.read_back(uow, ctx.clock, change.closed_requests, change.actor)]
    await ctx.answer()
    await ctx.edit_keyboard_away()
    told = sum([await tell_about_change(ctx.outbound, change) for change in changes])
    await after_meetup_cancelled(ctx.outbound, ctx.uow, closed)
    dates = len(changes)
    await ctx.reply(both(
        lambda tr: tr.n_("❌ %(n)s date cancelled, and it won't repeat.", "❌ %(n)s dates cancelled, and it won't "
                         "repeat.", dates) + " " + tr.n_(
            "%(n)s person going or maybe was told privately.", "%(n)s people going or maybe were told privately.",
            told),
        # Translators: Easy Read. dates is how many meet-up dates were cancelled; n is how many people were told.
        lambda tr: tr.p_("easy", "❌ The meet-ups are cancelled: %(dates)s\n🔁 It will not repeat now.", dates=dates)
        + "\n" + tr.p_("easy", "💬 People I told: %(n)s", n=told)))


@router.callback(STOP, (ID,))
async def stop_series(ctx: Context) -> None:
    """Stop a recurring meet-up: no new dates are added; those planned stay."""
    assert ctx.person is not None
    meetup_id = _meetup_id(ctx)
    async with ctx.uow() as uow:
        view = await meetup_changes.stop_series(uow, ctx.clock, meetup_id, ctx.person.telegram_id)
    await ctx.answer()
    await ctx.edit_keyboard_away()
    title = view.meetup.title
    await ctx.reply(both(
        lambda tr: tr._("🔁 No more dates will be added for %(title)s. The ones already planned stay.", title=title),
        lambda tr: tr.p_("easy", "🔁 It will not repeat now.") + "\n" + meetup_easy.what(tr, title) + "\n"
        + tr.p_("easy", "📅 The dates already planned stay.")))


@router.callback(QUIT, ())
async def quit_change(ctx: Context) -> None:
    """Leave the change without changing anything."""
    await ctx.answer()
    await ctx.edit_keyboard_away()
    await _end(ctx)
    await ctx.reply(both(lambda tr: tr._("✖️ Cancelled. Nothing was changed."),
                         lambda tr: tr.p_("easy", "✖️ Stopped.\nNothing was changed.")))


async def _end(ctx: Context) -> None:
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)


async def _announce(ctx: Context, change: MeetupChanged) -> None:
    told = await tell_about_change(ctx.outbound, change)
    cancelled = change.cancelled
    await ctx.reply(both(
        lambda tr: (tr._("❌ Cancelled.") if cancelled else tr._("✏️ Changed.")) + " " + tr.n_(
            "%(n)s person going or maybe was told privately.", "%(n)s people going or maybe were told privately.",
            told),
        # Translators: Easy Read. n is how many people were sent a private message about the change.
        lambda tr: (tr.p_("easy", "❌ The meet-up is cancelled.") if cancelled
                    else tr.p_("easy", "✏️ The meet-up is changed.")) + "\n"
        + tr.p_("easy", "💬 People I told: %(n)s", n=told)))
