"""Reminder kinds for meet-ups: the group's reminder a day before, each Going person's private reminder
two hours before (with their pickup point and the RSVP buttons, so they can still say they can't come),
and the group's weekly list of the coming week's meet-ups.

Each is checked again when it is due: a meet-up that was cancelled or moved, a person no longer Going, or
a kind the group switched off since, is skipped, never sent. A week with no meet-ups gets no list: a
"nothing this week" post every week would teach a quiet group to mute the bot, and then the reminders
that matter go unseen too; /upcoming still answers anyone who asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.chat.actions import SendMessage
from bot.domain import language
from bot.domain.meetups import ON, Answer
from bot.domain.reminders import DIGEST_SPAN, DIGEST_USEFUL, ReminderState
from bot.i18n.easy import Readable, Subject, both
from bot.i18n.markup import BLANK, Markup, bold, one_per_line
from bot.i18n.translator import Render, Tr, render_in
from bot.schedule.delivery import DeliveryContext, Done, Handled, KindHandler, Send
from bot.services import meetup_reminders, meetups
from bot.services.meetup_reminders import DIGEST, GROUP, PRIVATE
from bot.voice.words import when_words
from handlers import meetup_text
from handlers.meetup_post import rsvp_keyboard
from handlers.proposal_text import when

if TYPE_CHECKING:
    from bot.services.meetups import MeetupView
    from bot.store.models import Group, Person
    from bot.store.reminders import Reminder
    from bot.store.uow import UnitOfWork


async def _still_on(uow: UnitOfWork, reminder: Reminder) -> MeetupView | str:
    """The meet-up, if the reminder still fits it; else why it is skipped."""
    assert reminder.subject_id is not None
    meetup = await uow.meetups.get(reminder.subject_id)
    if meetup is None or meetup.status not in ON:
        return "meet-up cancelled or gone"
    if meetup.starts_at != reminder.useful_until:
        return "meet-up moved"
    view = await meetups.view(uow, meetup)
    if reminder.kind in (view.group.reminders_off or []):
        return "switched off by the group"
    return view


def _to_group(group: Group, render: Render, keyboard_for: MeetupView | None = None) -> SendMessage:
    languages = language.for_group(group.language_mode)
    keyboard = rsvp_keyboard(keyboard_for, languages) if keyboard_for is not None else None
    return SendMessage(group.chat_id, render_in(languages, render), keyboard)


async def group_reminder(reminder: Reminder, context: DeliveryContext) -> Handled:
    """A day before: the meet-up in the group chat again, with its RSVP buttons."""
    async with context.uow() as uow:
        found = await _still_on(uow, reminder)
    if isinstance(found, str):
        return Done(ReminderState.SKIPPED, found)
    if not found.group.bot_present:
        return Done(ReminderState.SKIPPED, "bot not in the group")
    return Send(_to_group(found.group, lambda tr: _tomorrow(tr, found), found))


def _tomorrow(tr: Tr, view: MeetupView) -> Markup:
    lines = [tr._("⏰ Tomorrow: %(title)s", title=bold(view.meetup.title)), *meetup_text.details(tr, view),
             *meetup_text.counts(tr, view), tr._("Tap below to say if you're coming.")]
    return one_per_line(lines)


@dataclass(frozen=True)
class _Going:
    view: MeetupView
    person: Person
    needs_lift: bool
    pickup: str


async def private_reminder(reminder: Reminder, context: DeliveryContext) -> Handled:
    """Two hours before: a private note to someone Going, unless they changed their answer."""
    assert reminder.person_id is not None
    async with context.uow() as uow:
        found = await _still_on(uow, reminder)
        person = await uow.people.by_telegram_id(reminder.chat_id)
        rsvp = await uow.meetups.rsvp_of(reminder.subject_id or 0, reminder.person_id)
    if isinstance(found, str):
        return Done(ReminderState.SKIPPED, found)
    if person is None or person.id != reminder.person_id or not person.reminders or not person.can_dm:
        return Done(ReminderState.SKIPPED, "reminders off or unreachable")
    if rsvp is None or rsvp.answer != Answer.GOING:
        return Done(ReminderState.SKIPPED, "no longer going")
    going = _Going(found, person, rsvp.needs_lift, rsvp.pickup)
    keyboard = rsvp_keyboard(found, language.for_person(person.language))
    return Send(await context.outbound.private_message(person, _soon(going), keyboard))


def _soon(going: _Going) -> Readable:
    return both(lambda tr: _soon_standard(tr, going), lambda tr: _soon_easy(tr, going),
                speech=lambda tr: _soon_speech(tr, going), about=Subject("m", going.view.id))


def _soon_standard(tr: Tr, going: _Going) -> Markup:
    view = going.view
    lines = [tr._("⏰ Soon: %(title)s. You said you're going.", title=bold(view.meetup.title)),
             *meetup_text.details(tr, view)]
    if going.needs_lift:
        lines.append(tr._("🚗 You asked for a lift. Pickup: %(pickup)s", pickup=going.pickup) if going.pickup
                     else tr._("🚗 You asked for a lift."))
    lines.append(tr._("If you can't come after all, tap “Not going” below."))
    return one_per_line(lines)


def _soon_easy(tr: Tr, going: _Going) -> Markup:
    meetup, zone = going.view.meetup, going.view.zone
    # Translators: Easy Read. title is a meet-up's title.
    lines = [tr.p_("easy", "⏰ Reminder: you are going to %(title)s.", title=bold(meetup.title)),
             # Translators: Easy Read. when is a day and time, such as "Tuesday 1 December, 18:00".
             tr.p_("easy", "📅 It starts: %(when)s", when=when(tr, meetup.starts_at, zone))]
    if meetup.place:
        # Translators: Easy Read. place is where the meet-up is.
        lines.append(tr.p_("easy", "📍 Place: %(place)s", place=meetup.place))
    if going.needs_lift:
        # Translators: Easy Read. pickup is where the driver picks the person up.
        lines.append(tr.p_("easy", "🚗 Your lift picks you up at: %(pickup)s", pickup=going.pickup) if going.pickup
                     else tr.p_("easy", "🚗 You asked for a lift."))
    lines.append(tr.p_("easy", "❌ Cannot go? Tap “Not going”."))
    return one_per_line(lines)


def _soon_speech(tr: Tr, going: _Going) -> Markup:
    meetup, zone = going.view.meetup, going.view.zone
    # Translators: Easy Read, read aloud. title is a meet-up's title; when is a date and time in words.
    lines = [tr.p_("easy", "Reminder: you are going to %(title)s. It starts on %(when)s.", title=meetup.title,
                   when=when_words(meetup.starts_at, zone, tr.language, in_sentence=True))]
    if meetup.place:
        # Translators: Easy Read, read aloud. place is where the meet-up is.
        lines.append(tr.p_("easy", "The place is %(place)s.", place=meetup.place))
    if going.needs_lift and going.pickup:
        # Translators: Easy Read, read aloud. pickup is where the driver picks the person up.
        lines.append(tr.p_("easy", "Your lift picks you up at %(pickup)s.", pickup=going.pickup))
    lines.append(tr.p_("easy", "If you cannot go, tap Not going."))
    return Markup(" ").join(lines)


async def weekly_digest(reminder: Reminder, context: DeliveryContext) -> Handled:
    """The group's list of the coming week's meet-ups; the next week's list is planned first."""
    assert reminder.subject_id is not None
    now = context.clock.now()
    async with context.uow() as uow:
        group = await uow.groups.get(reminder.subject_id)
        if group is None or not group.bot_present or DIGEST in (group.reminders_off or []):
            return Done(ReminderState.SKIPPED, "switched off, or the bot left the group")
        found = await meetup_reminders.week_ahead(uow, group, now, reminder.due_at + DIGEST_SPAN)
        views = [await meetups.view(uow, meetup) for meetup in found]
    await meetup_reminders.digest_sent(context.uow, reminder.subject_id, reminder.due_at)
    if now >= reminder.due_at + DIGEST_USEFUL:  # the scheduler was down: next week's list will go
        return Done(ReminderState.SKIPPED, "too late")
    if not views:
        return Done(ReminderState.SKIPPED, "no meet-ups in the coming week")
    return Send(_to_group(group, lambda tr: _week(tr, views)))


def _week(tr: Tr, views: list[MeetupView]) -> Markup:
    lines: list[Markup] = [tr._("🗓 The coming week's meet-ups:")]
    for view in views:
        lines.extend([BLANK, Markup("• ") + bold(view.meetup.title), *meetup_text.details(tr, view),
                      *meetup_text.counts(tr, view)])
    lines.extend([BLANK, tr._("Say if you're coming on each meet-up's post in this chat, or privately with /next.")])
    return one_per_line(lines)


KINDS: dict[str, KindHandler] = {GROUP: group_reminder, PRIVATE: private_reminder, DIGEST: weekly_digest}
