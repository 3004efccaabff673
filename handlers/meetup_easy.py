"""How meet-ups read in Easy Read (../shared/LANGUAGE.md): one idea per line, a fixed emoji first (📅 when,
📍 where, 🚌 transport, ✅ yes, ❌ no), short sentences, and numbers as "label: number" so no plural is
needed. `*_speech` is what the 🔊 voice note says: the same, with dates and times as words.

Text only; handlers/meetup_text.py pairs these with the standard forms (`both`)."""

from __future__ import annotations

from bot.domain.meetups import Answer, MeetupStatus
from bot.i18n.markup import BLANK, Markup, bold, escape, one_per_line
from bot.i18n.translator import Tr
from bot.services.meetup_changes import MeetupChanged
from bot.services.meetups import MeetupView, MyMeetup
from bot.voice.words import when_words
from handlers.proposal_text import when
from handlers.removed_words import shown


def what(tr: Tr, title: str) -> Markup:
    # Translators: Easy Read. title is a meet-up's title.
    return tr.p_("easy", "📝 What: %(title)s", title=bold(title))


def details(tr: Tr, view: MeetupView) -> list[Markup]:
    """When, where and how to get there: one line each."""
    meetup = view.meetup
    # Translators: Easy Read. when is a day and time, such as "Tuesday 1 December, 18:00".
    lines: list[Markup] = [tr.p_("easy", "📅 When: %(when)s", when=when(tr, meetup.starts_at, view.zone))]
    if meetup.place:
        # Translators: Easy Read. place is where the meet-up is.
        lines.append(tr.p_("easy", "📍 Where: %(place)s", place=meetup.place))
    if meetup.transport:
        # Translators: Easy Read. transport is how people get there, as the organiser wrote it.
        lines.append(tr.p_("easy", "🚌 Travel: %(transport)s", transport=meetup.transport))
    return lines


def details_speech(tr: Tr, view: MeetupView) -> list[Markup]:
    meetup = view.meetup
    # Translators: Easy Read, read aloud. when is a date and time in words.
    lines: list[Markup] = [tr.p_("easy", "When: %(when)s.", when=when_words(meetup.starts_at, view.zone, tr.language))]
    if meetup.place:
        # Translators: Easy Read, read aloud. place is where the meet-up is.
        lines.append(tr.p_("easy", "Where: %(place)s.", place=meetup.place))
    if meetup.transport:
        # Translators: Easy Read, read aloud. transport is how people get there.
        lines.append(tr.p_("easy", "Travel: %(transport)s.", transport=meetup.transport))
    return lines


def your_answer(tr: Tr, mine: MyMeetup) -> list[Markup]:
    """The person's own answer, and their lift, one idea a line."""
    lines: list[Markup] = [{
        Answer.GOING: tr.p_("easy", "✅ You are going."),
        Answer.MAYBE: tr.p_("easy", "🤔 You said maybe."),
        Answer.NO: tr.p_("easy", "❌ You are not going."),
        Answer.WAITING: tr.p_("easy", "🎟 You are on the waiting list."),
    }.get(Answer(mine.answer), BLANK) if mine.answer else tr.p_("easy", "❓ You have not answered yet.")]
    if mine.needs_lift:
        lines.append(tr.p_("easy", "🚗 You asked for a lift."))
        if mine.pickup:
            # Translators: Easy Read. pickup is where the driver picks the person up, as they wrote it.
            lines.append(tr.p_("easy", "📍 Pickup place: %(pickup)s", pickup=mine.pickup))
    return [line for line in lines if line]


def going(tr: Tr, view: MeetupView) -> Markup:
    # Translators: Easy Read. n is how many people are going.
    return tr.p_("easy", "👥 Going: %(n)s", n=view.counts.going)


def listing(tr: Tr, views: list[MeetupView], mine: list[MyMeetup]) -> Markup:
    """The private /upcoming: each meet-up with when, where and your answer; the group only when there
    are several."""
    if not views:
        return nothing(tr)
    several_groups = len({view.group.id for view in views}) > 1
    lines: list[Markup] = [tr.p_("easy", "📅 Meet-ups coming up:")]
    for view, found in zip(views, mine, strict=True):
        lines.append(BLANK)
        lines.append(what(tr, view.meetup.title))
        if several_groups:
            # Translators: Easy Read. group is a group's name.
            lines.append(tr.p_("easy", "👥 Group: %(group)s", group=view.group.title))
        lines.extend(details(tr, view)[:2])
        lines.extend(your_answer(tr, found)[:1])
    lines.extend([BLANK, tr.p_("easy", "👆 Press a meet-up to see more.")])
    return one_per_line(lines)


def listing_speech(tr: Tr, views: list[MeetupView], mine: list[MyMeetup]) -> Markup:
    if not views:
        return nothing(tr)
    lines: list[Markup] = [tr.p_("easy", "📅 Meet-ups coming up:")]
    for view, found in zip(views, mine, strict=True):
        lines.append(escape(view.meetup.title))
        lines.extend(details_speech(tr, view)[:2])
        lines.extend(your_answer(tr, found)[:1])
    return one_per_line(lines)


def nothing(tr: Tr) -> Markup:
    return tr.p_("easy", "📅 There are no meet-ups coming up.\n✍️ You can suggest an idea with /propose.")


def card(tr: Tr, view: MeetupView, mine: MyMeetup, *, next_one: bool = False) -> Markup:
    """One meet-up in private (opened from /upcoming, or /next)."""
    lines: list[Markup] = [tr.p_("easy", "⏭ This is the next meet-up.")] if next_one else []
    lines.append(what(tr, view.meetup.title))
    lines.extend(details(tr, view))
    if view.meetup.notes:
        # Translators: Easy Read. notes are the organiser's words for people going (what to bring ...).
        lines.append(tr.p_("easy", "💬 Good to know: %(notes)s", notes=shown(tr, view.meetup.notes)))
    lines.append(going(tr, view))
    lines.extend(your_answer(tr, mine))
    lines.append(ask_or_status(tr, view))
    return one_per_line(line for line in lines if line)


def card_speech(tr: Tr, view: MeetupView, mine: MyMeetup) -> Markup:
    lines: list[Markup] = [escape(view.meetup.title), *details_speech(tr, view), going(tr, view),
                           *your_answer(tr, mine), ask_or_status(tr, view)]
    return one_per_line(line for line in lines if line)


def ask_or_status(tr: Tr, view: MeetupView) -> Markup:
    """Whether the meet-up can still be answered, in words."""
    match view.meetup.status:
        case MeetupStatus.CANCELLED:
            return tr.p_("easy", "❌ This meet-up is cancelled.")
        case MeetupStatus.DONE:
            return tr.p_("easy", "🏁 This meet-up has happened.")
    return tr.p_("easy", "👆 Are you going? Press a button.") if view.is_on else BLANK


def changed(tr: Tr, change: MeetupChanged) -> Markup:
    """What a Going or Maybe member is told when a meet-up changes or is cancelled."""
    view, meetup = change.view, change.view.meetup
    if change.cancelled:
        return one_per_line([
            tr.p_("easy", "❌ A meet-up is cancelled."), what(tr, meetup.title),
            # Translators: Easy Read. when is the day and time the meet-up was going to be.
            tr.p_("easy", "📅 It was going to be: %(when)s", when=when(tr, change.before_start, view.zone)),
            tr.p_("easy", "👤 Ask the organiser if you have a question."),
        ])
    lines: list[Markup] = [tr.p_("easy", "✏️ A meet-up has changed."), what(tr, meetup.title)]
    if "time" in change.changed:
        # Translators: Easy Read. when is the new day and time.
        lines.append(tr.p_("easy", "📅 New time: %(when)s", when=when(tr, meetup.starts_at, view.zone)))
    if "place" in change.changed and meetup.place:
        # Translators: Easy Read. place is the new place.
        lines.append(tr.p_("easy", "📍 New place: %(place)s", place=meetup.place))
    if "transport" in change.changed and meetup.transport:
        lines.append(tr.p_("easy", "🚌 Travel: %(transport)s", transport=meetup.transport))
    if "notes" in change.changed and meetup.notes:
        lines.append(tr.p_("easy", "💬 Good to know: %(notes)s", notes=meetup.notes))
    if view.is_on:
        lines.append(tr.p_("easy", "👆 Are you still going? Press a button."))
    return one_per_line(lines)


def changed_speech(tr: Tr, change: MeetupChanged) -> Markup:
    view, meetup = change.view, change.view.meetup
    if change.cancelled:
        # Translators: Easy Read, read aloud. title is a meet-up's title; when is a date and time in words.
        return tr.p_("easy", "The meet-up %(title)s is cancelled. It was going to be on %(when)s.",
                     title=meetup.title, when=when_words(change.before_start, view.zone, tr.language))
    lines: list[Markup] = [tr.p_("easy", "✏️ A meet-up has changed."), escape(meetup.title)]
    if "time" in change.changed:
        # Translators: Easy Read, read aloud. when is the new date and time in words.
        lines.append(tr.p_("easy", "New time: %(when)s.", when=when_words(meetup.starts_at, view.zone, tr.language)))
    if "place" in change.changed and meetup.place:
        # Translators: Easy Read, read aloud. place is the new place.
        lines.append(tr.p_("easy", "New place: %(place)s.", place=meetup.place))
    return one_per_line(lines)
