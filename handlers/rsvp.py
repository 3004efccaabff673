"""Answering a meet-up: Going / Maybe / Not going, "I need a lift" and its pickup point, the waiting list.

The buttons work on the group post and in private (/next, reminders); every press is checked again by
bot/services/rsvp.py. Whoever moves up the waiting list is told privately.
"""

from __future__ import annotations

from bot.chat.callbacks import ID, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import Router
from bot.domain import language
from bot.domain.meetups import PICKUP_MAX, Answer
from bot.domain.places import map_link
from bot.domain.proposals import clean_text
from bot.i18n.easy import Readable, Subject, both
from bot.i18n.markup import Markup, bold, escape, one_per_line
from bot.i18n.translator import Tr, label_in
from bot.services import conversations, rsvp
from bot.services.errors import NotFound
from bot.services.meetups import MeetupView
from bot.services.rsvp import Answered
from handlers import meetup_easy
from handlers import meetup_text as text
from handlers.meetup_post import ANSWER_CODES, LIFT, RSVP, refresh, rsvp_keyboard
from handlers.propose_problems import EMPTY, too_long

router = Router(name=__name__)
PICKUP_FLOW, NO_PICKUP = "pickup", "rnp"


def _target(ctx: Context) -> tuple[int, int | None]:
    """The meet-up pressed, and the group chat it was pressed in (None in private)."""
    assert ctx.callback is not None
    meetup_id = ctx.callback.int_arg(0)
    if meetup_id is None:
        raise NotFound(ctx.callback)
    return meetup_id, None if ctx.event.is_private else ctx.event.chat_id


@router.callback(RSVP, (ID, one_of(*ANSWER_CODES)))
async def answer(ctx: Context) -> None:
    """Going, Maybe or Not going: answer at once, then update the group post (coalesced)."""
    assert ctx.callback is not None and ctx.person is not None
    meetup_id, chat_id = _target(ctx)
    code = ctx.callback.args[1] if len(ctx.callback.args) > 1 else ""
    if code not in ANSWER_CODES:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        answered = await rsvp.respond(uow, ctx.clock, meetup_id, ctx.person.telegram_id,
                                      Answer(ANSWER_CODES[code]), chat_id)
    await ctx.answer(_said(answered))
    await _after(ctx, answered)


def _said(answered: Answered) -> Readable:
    """The answer confirmed: a pop-up, and (for Easy Read) a message too, as screen readers miss pop-ups."""
    title, place = answered.view.meetup.title, answered.waiting_place or 1

    def standard(tr: Tr) -> Markup:
        match answered.answer:
            case Answer.GOING:
                return tr._("✅ You're going to %(title)s. See you there!", title=title)
            case Answer.MAYBE:
                return tr._("🤔 Noted: maybe, for %(title)s.", title=title)
            case Answer.WAITING:
                # Translators: n is the person's place on the waiting list (1 = first).
                return tr._("🎟 %(title)s is full. You're number %(n)s on the waiting list: I'll tell you if a "
                            "place comes free.", title=title, n=place)
        return tr._("❌ Noted: you're not going to %(title)s.", title=title)

    def easy(tr: Tr) -> Markup:
        match answered.answer:
            case Answer.GOING:
                said = tr.p_("easy", "✅ You are going.\n👋 See you there!")
            case Answer.MAYBE:
                said = tr.p_("easy", "🤔 You said maybe.")
            case Answer.WAITING:
                # Translators: Easy Read. n is the person's place on the waiting list (1 = first).
                said = tr.p_("easy", "🎟 The meet-up is full.\n⏳ Your place on the waiting list: %(n)s\n"
                                     "💬 I will tell you if a place is free.", n=place)
            case _:
                said = tr.p_("easy", "❌ You are not going.")
        return said + "\n" + meetup_easy.what(tr, title)

    return both(standard, easy, about=Subject("m", answered.view.id))


def _promoted(view: MeetupView) -> Readable:
    """A place came free: whoever was first on the waiting list is going now."""
    title = view.meetup.title
    return both(
        lambda tr: tr._("🎉 A place came free at %(title)s: you're going now!", title=title)
        + "\n" + one_per_line(text.details(tr, view)),
        lambda tr: one_per_line([tr.p_("easy", "🎉 Good news: a place is free.\n✅ You are going now."),
                              meetup_easy.what(tr, title), *meetup_easy.details(tr, view)]),
        speech=lambda tr: one_per_line([tr.p_("easy", "🎉 Good news: a place is free.\n✅ You are going now."),
                                     escape(title), *meetup_easy.details_speech(tr, view)]),
        about=Subject("m", view.id))


async def _after(ctx: Context, answered: Answered) -> None:
    """Tell whoever moved up the waiting list, and refresh the group post."""
    view = answered.view
    for person in answered.promoted:
        keyboard = rsvp_keyboard(view, language.for_person(person.language))
        await ctx.send_private(person, _promoted(view), keyboard)
    await refresh(ctx.outbound, ctx.group_edits, view.id, view.group.chat_id)


@router.callback(LIFT, (ID,))
async def lift(ctx: Context) -> None:
    """Ask for a lift (then for a pickup point, privately), or take the request back."""
    assert ctx.person is not None and ctx.person.id is not None
    meetup_id, chat_id = _target(ctx)
    async with ctx.uow() as uow:
        answered = await rsvp.toggle_lift(uow, ctx.clock, meetup_id, ctx.person.telegram_id, chat_id)
    title = answered.view.meetup.title
    if not answered.needs_lift:
        await ctx.answer(both(lambda tr: tr._("🚗 Lift request taken back for %(title)s.", title=title),
                              lambda tr: tr.p_("easy", "🚗 You do not need a lift now.") + "\n"
                              + meetup_easy.what(tr, title)))
    elif not ctx.person.can_dm:  # a pop-up only: they can't be written to privately yet
        await ctx.answer(lambda tr: tr._("🚗 Noted: you need a lift to %(title)s. Press Start in a private chat "
                                         "with me to add a pickup point.", title=title), alert=True, message=False)
    else:
        await ctx.answer(lambda tr: tr._("🚗 Noted: you need a lift to %(title)s.", title=title), message=False)
        await _ask_pickup(ctx, answered)
    await _after(ctx, answered)


async def _ask_pickup(ctx: Context, answered: Answered) -> None:
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        await conversations.save(uow, ctx.clock, ctx.person.id, PICKUP_FLOW, "place", {"meetup": answered.view.id})
    languages = language.for_person(ctx.person.language)
    skip = Button(label_in(languages, lambda tr: tr._("⏭ No pickup point")), encode(NO_PICKUP, answered.view.id))
    title = answered.view.meetup.title
    await ctx.send_private(ctx.person, both(
        lambda tr: tr._("🚗 You asked for a lift to %(title)s. Where should the driver pick you up? Write a place "
                        "(for example: outside the library), or press No pickup point.", title=bold(title))
        + "\n" + tr._("📎 You can also share a location: press 📎, then Location."),
        lambda tr: tr.p_("easy", "🚗 You asked for a lift.") + "\n" + meetup_easy.what(tr, title) + "\n" + tr.p_(
            "easy", "📍 Where can the driver pick you up?\n✍️ Write the place.\n⏭ Or press No pickup point.")
        + "\n" + tr.p_("easy", "📎 Or share where you are: press 📎, then Location."),
        about=Subject("m", answered.view.id)), Keyboard.of([skip]))


@router.step(PICKUP_FLOW, "place")
async def pickup(ctx: Context) -> None:
    """Store the pickup point typed for a lift."""
    place = clean_text(ctx.event.text)
    if not place:
        await ctx.reply(EMPTY)
        return
    if len(place) > PICKUP_MAX:
        await ctx.reply(too_long(PICKUP_MAX))
        return
    await _save_pickup(ctx, place)


@router.place_step(PICKUP_FLOW, "place")
async def pickup_shared(ctx: Context) -> None:
    """A location shared as the pickup point: kept as a map link the organiser can open."""
    assert ctx.event.place is not None
    await _save_pickup(ctx, map_link(ctx.event.place.latitude, ctx.event.place.longitude))


async def _save_pickup(ctx: Context, place: str) -> None:
    assert ctx.person is not None and ctx.person.id is not None and ctx.conversation is not None
    meetup_id = int(ctx.conversation.data["meetup"])
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)
    async with ctx.uow() as uow:
        answered = await rsvp.set_pickup(uow, ctx.clock, meetup_id, ctx.person.telegram_id, place)
    await ctx.reply(both(
        lambda tr: tr._("🚗 Pickup point saved: %(pickup)s. The organiser will be in touch about your lift.",
                        pickup=answered.pickup),
        # Translators: Easy Read. pickup is where the driver picks the person up, as they wrote it.
        lambda tr: tr.p_("easy", "🚗 Your pickup place is saved.\n📍 Pickup place: %(pickup)s\n"
                               "👤 The organiser will get in touch about your lift.", pickup=answered.pickup),
        about=Subject("m", meetup_id)))


@router.callback(NO_PICKUP, (ID,))
async def no_pickup(ctx: Context) -> None:
    """The person needs a lift but gives no pickup point."""
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        await conversations.end(uow, ctx.person.id)
    await ctx.answer()
    await ctx.edit_keyboard_away()
    await ctx.reply(both(
        lambda tr: tr._("🚗 No pickup point, then. The organiser will be in touch about your lift."),
        lambda tr: tr.p_("easy", "🚗 OK, no pickup place.\n👤 The organiser will get in touch about your lift.")))
