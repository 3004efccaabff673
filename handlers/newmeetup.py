"""/newmeetup /cyfarfod_newydd: a coordinator puts a meet-up on the calendar directly, one-off or
recurring, in a guided private conversation kept in the database (members propose with /propose).

```mermaid
stateDiagram-v2
    [*] --> title: /newmeetup (private, deep link from the group, or ➕ on /upcoming)
    title --> day
    day --> time: a day without a time
    day --> place: a typed date and time
    time --> place
    place --> repeat: text or Skip
    repeat --> default: every week / two weeks / month
    repeat --> capacity: just once
    default --> capacity
    capacity --> review
    review --> [*]: Post it (the group gets the post with RSVP buttons)
```
Every step has Cancel, and every step after the first has Back.
"""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from bot.chat.callbacks import CHAT_ID, TOKEN, WORD, encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.dates import local_to_utc, parse_time, read_when
from bot.domain.meetups import CAPACITY_MAX, PLACE_MAX, TITLE_MAX, MeetupDraft, read_capacity
from bot.domain.places import map_link
from bot.domain.proposals import check_text, clean_text
from bot.i18n.easy import Readable, both, easy_form
from bot.i18n.markup import Markup
from bot.i18n.translator import Render
from bot.services import conversations, meetups, series
from bot.services.errors import InvalidMeetup, NotACoordinator
from handlers import newmeetup_steps as steps
from handlers.links import open_private_keyboard_to
from handlers.meetup_post import publish
from handlers.meetup_problems import MEETUP_POST_PENDING
from handlers.meetups import NEW
from handlers.propose_problems import EARLIER_QUESTION, EMPTY, USE_BUTTONS, explain_date_problem, too_long

router = Router(name=__name__)
PICK = "nmg"


@router.command("newmeetup", "cyfarfod_newydd", menu=CommandInfo(
    "cyfarfod_newydd", "newmeetup", lambda tr: tr._("Put a meet-up on the calendar (coordinators)")))
async def new_meetup(ctx: Context) -> None:
    """Start setting up a meet-up: in a group, go to a private chat; in private, pick the group."""
    if not ctx.event.is_private:
        if ctx.role != "coordinator":
            raise NotACoordinator(ctx.event.chat_id)
        label = ctx.label(lambda tr: tr._("📅 Set up a meet-up"))
        keyboard = open_private_keyboard_to(label, ctx.platform.bot_username, f"m{ctx.event.chat_id}")
        await ctx.reply(lambda tr: tr._("📅 Let's set it up in a private chat, so the group stays tidy."), keyboard)
        return
    await _choose_group(ctx)


@router.callback(NEW, ())
async def new_from_upcoming(ctx: Context) -> None:
    """The ➕ New meet-up button under the private /upcoming list."""
    await ctx.answer()
    await _choose_group(ctx)


async def _choose_group(ctx: Context) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        groups = await meetups.groups_coordinated(uow, ctx.person.telegram_id)
    if not groups:
        await ctx.reply(both(
            lambda tr: tr._("Only coordinators can put a meet-up on the calendar directly. "
                            "Anyone can suggest one for the group to vote on with /propose."),
            lambda tr: tr.p_("easy", "❌ Only a coordinator can add a meet-up.\n"
                                   "✍️ You can suggest an idea with /propose.\n🗳️ Then the group votes on it.")))
    elif len(groups) == 1:
        await begin(ctx, groups[0].chat_id)
    else:
        keyboard = Keyboard.column(*(Button(group.title or str(group.chat_id), encode(PICK, group.chat_id))
                                     for group in groups))
        await ctx.reply(both(lambda tr: tr._("Which group is this meet-up for?"),
                             lambda tr: tr.p_("easy", "👥 Which group?")), keyboard)


@router.callback(PICK, (CHAT_ID,))
async def pick_group(ctx: Context) -> None:
    """The coordinator chose which of their groups the meet-up is for."""
    assert ctx.callback is not None
    chat_id = ctx.callback.int_arg(0)
    await ctx.answer()
    if chat_id is not None and ctx.event.is_private:
        await begin(ctx, chat_id)


async def begin(ctx: Context, group_chat_id: int) -> None:
    """Open a fresh draft, if the person coordinates that group (checked again here)."""
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        coordinated = {group.chat_id: group for group in await meetups.groups_coordinated(uow, ctx.person.telegram_id)}
        group = coordinated.get(group_chat_id)
        if group is None:
            raise NotACoordinator(group_chat_id)
        await conversations.save(uow, ctx.clock, ctx.person.id, steps.FLOW, "title",
                                 {"draft": MeetupDraft(group_chat_id).to_data(), "tz": group.timezone})
    await _ask(ctx, "title", MeetupDraft(group_chat_id), {"tz": group.timezone})


async def _ask(ctx: Context, step: str, draft: MeetupDraft, data: dict, problem: Render | None = None  # type: ignore[type-arg]
               ) -> None:
    """Ask the step's question, after what was wrong with the last answer, if anything."""
    zone = ZoneInfo(data.get("tz", "Europe/London"))
    question = steps.prompt(step, draft, zone, data)
    keyboard = steps.keyboard(step, draft, zone, ctx.clock.now(), ctx.languages, easy=ctx.easy_read)
    await ctx.reply(_after_problem(problem, question) if problem else question, keyboard)


def _after_problem(problem: Render, question: Render) -> Readable:
    return both(lambda tr: Markup("\n\n").join([problem(tr), question(tr)]),
                lambda tr: Markup("\n\n").join([easy_form(problem)(tr), easy_form(question)(tr)]))


async def _go(ctx: Context, draft: MeetupDraft, data: dict, step: str,  # type: ignore[type-arg]
              problem: Render | None = None) -> None:
    """Save the draft at `step`, then ask that step's question."""
    assert ctx.person is not None and ctx.person.id is not None
    data = {**data, "draft": draft.to_data()}
    async with ctx.uow() as uow:
        await conversations.save(uow, ctx.clock, ctx.person.id, steps.FLOW, step, data)
    await _ask(ctx, step, draft, data, problem)


def _state(ctx: Context) -> tuple[MeetupDraft, dict, ZoneInfo]:  # type: ignore[type-arg]
    assert ctx.conversation is not None
    data = dict(ctx.conversation.data)
    return MeetupDraft.from_data(data["draft"]), data, ZoneInfo(data.get("tz", "Europe/London"))


@router.step(steps.FLOW, "title")
async def read_title(ctx: Context) -> None:
    """Read the meet-up's title."""
    await _read_text(ctx, "title", TITLE_MAX, "day")


@router.step(steps.FLOW, "place")
async def read_place(ctx: Context) -> None:
    """Read where the meet-up is."""
    await _read_text(ctx, "place", PLACE_MAX, "repeat")


@router.place_step(steps.FLOW, "place")
async def read_place_shared(ctx: Context) -> None:
    """A location shared as the meet-up's place: kept as a map link everyone can open."""
    assert ctx.event.place is not None
    draft, data, _ = _state(ctx)
    draft.place = map_link(ctx.event.place.latitude, ctx.event.place.longitude)
    await _go(ctx, draft, data, "repeat")


async def _read_text(ctx: Context, name: str, limit: int, following: str) -> None:
    draft, data, _ = _state(ctx)
    value = clean_text(ctx.event.text)
    problem = check_text(value, limit)
    if problem is not None:
        await _ask(ctx, name, draft, data, EMPTY if not value else too_long(limit))
        return
    setattr(draft, name, value)
    await _go(ctx, draft, data, following)


@router.step(steps.FLOW, "day")
async def read_day(ctx: Context) -> None:
    """Read a typed date (and perhaps a time)."""
    draft, data, zone = _state(ctx)
    reading = read_when(ctx.event.text, ctx.clock.now(), zone)
    if reading.problem or reading.moment is None:
        await _ask(ctx, "day", draft, data, explain_date_problem(reading.problem))
    elif reading.has_time:
        draft.starts_at = reading.moment
        await _go(ctx, draft, data, "place")
    else:
        await _go(ctx, draft, {**data, "day": reading.moment.astimezone(zone).date().isoformat()}, "time")


@router.step(steps.FLOW, "time")
async def read_time(ctx: Context) -> None:
    """Read a typed time for the chosen day."""
    draft, data, zone = _state(ctx)
    await _set_time(ctx, draft, data, zone, parse_time(ctx.event.text))


async def _set_time(ctx: Context, draft: MeetupDraft, data: dict, zone: ZoneInfo,  # type: ignore[type-arg]
                    hour_minute: tuple[int, int] | None) -> None:
    if hour_minute is None or not data.get("day"):
        await _ask(ctx, "time", draft, data, both(
            lambda tr: tr._("Sorry, I couldn't read that time. Try 14:30, or choose one."),
            lambda tr: tr.p_("easy", "🕑 Sorry, I could not read that time.\n👆 Please press a time.")))
        return
    moment = local_to_utc(date.fromisoformat(data["day"]), time(*hour_minute), zone)
    if moment <= ctx.clock.now():
        await _ask(ctx, "time", draft, data, explain_date_problem("past"))
        return
    draft.starts_at = moment
    await _go(ctx, draft, data, "place")


@router.step(steps.FLOW, "capacity")
async def read_capacity_typed(ctx: Context) -> None:
    """Read a typed number of places."""
    draft, data, _ = _state(ctx)
    capacity = read_capacity(ctx.event.text)
    if capacity is None:
        await _ask(ctx, "capacity", draft, data, both(
            lambda tr: tr._("Please type a whole number from 1 to %(limit)s.", limit=CAPACITY_MAX),
            # Translators: Easy Read. limit is the largest number allowed.
            lambda tr: tr.p_("easy", "🔢 Please write a number from 1 to %(limit)s.", limit=CAPACITY_MAX)))
        return
    draft.capacity = capacity
    await _go(ctx, draft, data, "review")


for _name in ("repeat", "default", "review"):
    router.step(steps.FLOW, _name)(lambda ctx, _n=_name: _ask(  # type: ignore[misc]
        ctx, _n, *_state(ctx)[:2], USE_BUTTONS))


@router.callback(steps.BUTTON, (WORD, TOKEN))
async def pressed(ctx: Context) -> None:
    """A button on one of the steps: a choice, Back, Skip, Cancel or Post it."""
    assert ctx.callback is not None
    step, value = ((*ctx.callback.args, "", ""))[:2]
    if ctx.conversation is None or ctx.conversation.flow != steps.FLOW:
        await ctx.answer(both(
            lambda tr: tr._("This has expired or was cancelled. Use /newmeetup to start again."),
            lambda tr: tr.p_("easy", "⌛ This has stopped.\n📅 Send /newmeetup to start again.")), alert=True)
        return
    if step != ctx.conversation.step:
        await ctx.answer(EARLIER_QUESTION)
        return
    await ctx.answer()
    await ctx.edit_keyboard_away()
    draft, data, zone = _state(ctx)
    kind, _, detail = value.partition(":")
    if kind == "cancel":
        await _cancel(ctx)
    elif kind == "back":
        await _go(ctx, draft, data, steps.PREVIOUS[step] if step != "capacity" or draft.every else "repeat")
    elif kind == "skip":
        await _go(ctx, draft, data, steps.NEXT[step])
    elif kind == "day":
        await _go(ctx, draft, {**data, "day": detail}, "time")
    elif kind == "time":
        hour, _, minute = detail.partition(".")
        await _set_time(ctx, draft, data, zone, (int(hour), int(minute)) if hour.isdigit() else None)
    else:
        await _choose(ctx, draft, data, step, kind, detail)


async def _choose(ctx: Context, draft: MeetupDraft, data: dict, step: str, kind: str,  # type: ignore[type-arg]
                  detail: str) -> None:
    if step == "repeat":
        draft.every = "" if kind == "once" else kind
        draft.going_by_default = False
        await _go(ctx, draft, data, "default" if draft.every else "capacity")
    elif step == "default":
        draft.going_by_default = kind == "yes"
        await _go(ctx, draft, data, "capacity")
    elif step == "capacity":
        draft.capacity = int(detail) if detail.isdigit() and int(detail) > 0 else None
        await _go(ctx, draft, data, "review")
    elif kind == "post":
        await _post(ctx, draft, data)


async def _cancel(ctx: Context) -> None:
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)
    await ctx.reply(both(lambda tr: tr._("✖️ Cancelled. Nothing was posted."),
                         lambda tr: tr.p_("easy", "✖️ Stopped.\nNothing was sent to the group.")))


async def _post(ctx: Context, draft: MeetupDraft, data: dict) -> None:  # type: ignore[type-arg]
    """Put the meet-up (or the series' first dates) on the calendar and post each one to the group."""
    assert ctx.person is not None and ctx.person.id is not None
    try:
        async with ctx.uow() as uow:
            if draft.every:
                made = await series.start(uow, ctx.clock, ctx.person.telegram_id, draft)
            else:
                made = [await meetups.create(uow, ctx.clock, ctx.person.telegram_id, draft)]
    except InvalidMeetup as invalid:
        problem = explain_date_problem("past") if invalid.problem == "past" else None
        await _go(ctx, draft, data, "day" if problem else "title", problem)
        return
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)
    if not await publish(ctx.outbound, made):  # saved with them: posted when Telegram is back
        await ctx.reply(MEETUP_POST_PENDING)
        return
    await ctx.reply(both(
        lambda tr: tr.n_("📣 Posted to the group: %(n)s meet-up. People can say if they're coming now.",
                         "📣 Posted to the group: %(n)s meet-ups. People can say if they're coming now.", len(made)),
        # Translators: Easy Read. n is how many meet-ups were posted (a repeating one posts a few dates at once).
        lambda tr: tr.p_("easy", "📣 Your meet-up is in the group now.\n📅 Dates posted: %(n)s\n"
                               "🙋 People can say if they are going.", n=len(made))))

