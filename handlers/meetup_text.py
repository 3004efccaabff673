"""How meet-ups read: the group post, the /upcoming listing, /next, change notices. Text only, no I/O.

What one person reads privately is a `Readable`: the standard form here, paired with its Easy Read form
and spoken words from handlers/meetup_easy.py. Group posts stay standard."""

from __future__ import annotations

from urllib.parse import quote_plus

from bot.domain.meetups import Answer, MeetupStatus
from bot.domain.recurrence import Every, Recurrence
from bot.i18n.easy import Readable, Subject, both
from bot.i18n.markup import BLANK, Markup, bold, escape, one_per_line
from bot.i18n.translator import Tr
from bot.services.meetup_changes import MeetupChanged
from bot.services.meetups import MeetupView, MyMeetup
from handlers import meetup_easy as easy
from handlers.proposal_text import when
from handlers.removed_words import shown

MAP_SEARCH = "https://www.openstreetmap.org/search?query="


def time_range(tr: Tr, view: MeetupView) -> Markup:
    """ "Tuesday 1 December, 18:00–20:00" (the end date too when it ends on another day)."""
    start, end, zone = view.meetup.starts_at, view.ends_at, view.zone
    same_day = start.astimezone(zone).date() == end.astimezone(zone).date()
    return escape(f"{when(tr, start, zone)}–{tr.when(end, zone, 'HH:mm' if same_day else 'EEEE d MMMM, HH:mm')}")


def repeats(tr: Tr, view: MeetupView) -> Markup | None:
    series = view.series
    if series is None or not series.active:
        return None
    rule = Recurrence(Every(series.every), series.first_start, view.zone)
    weekday, clock = tr.when(series.first_start, view.zone, "EEEE"), tr.when(series.first_start, view.zone, "HH:mm")
    if rule.every is Every.WEEKLY:
        # Translators: weekday is a day name such as "Tuesday"; time is like 18:00.
        return tr._("🔁 Every week: %(weekday)s at %(time)s", weekday=weekday, time=clock)
    if rule.every is Every.FORTNIGHTLY:
        # Translators: weekday is a day name such as "Tuesday"; time is like 18:00.
        return tr._("🔁 Every two weeks: %(weekday)s at %(time)s", weekday=weekday, time=clock)
    if rule.week_of_month == -1:
        # Translators: weekday is a day name such as "Tuesday"; time is like 18:00.
        return tr._("🔁 Every month: last week, %(weekday)s at %(time)s", weekday=weekday, time=clock)
    # Translators: week is 1 to 4 (days 1-7 of the month are week 1); weekday is a day name; time is like 18:00.
    return tr._("🔁 Every month: week %(week)s, %(weekday)s at %(time)s", week=rule.week_of_month,
                weekday=weekday, time=clock)


def transport(tr: Tr, view: MeetupView) -> Markup | None:
    meetup = view.meetup
    if meetup.transport:
        return tr._("🚌 Transport: %(transport)s", transport=meetup.transport)
    seats = meetup.needs.get("transport_seats")
    if isinstance(seats, int) and seats > 0:
        return tr.n_("🚌 Transport: requested for %(n)s person", "🚌 Transport: requested for %(n)s people", seats)
    return None


def counts(tr: Tr, view: MeetupView) -> list[Markup]:
    """How many are going (and who, if the group shows names), places left, the waiting list, lifts."""
    found = view.counts
    lines: list[Markup] = [tr._("👥 Going: %(going)s · Maybe: %(maybe)s", going=found.going, maybe=found.maybe)]
    if view.show_names and view.going:
        lines.append(tr._("🙋 Who's going: %(names)s", names=", ".join(p.display_name for p in view.going)))
    capacity = view.meetup.capacity
    if capacity is not None and view.is_full:
        lines.append(tr.n_("🎟 Full: %(n)s person on the waiting list", "🎟 Full: %(n)s people on the waiting list",
                           found.waiting))
    elif capacity is not None:
        lines.append(tr.n_("🎟 %(n)s place left", "🎟 %(n)s places left", capacity - found.going))
    if found.lifts:
        lines.append(tr.n_("🚗 %(n)s person needs a lift", "🚗 %(n)s people need a lift", found.lifts))
    return lines


def details(tr: Tr, view: MeetupView) -> list[Markup]:
    """When, where, transport and how often: the lines every view of a meet-up shares."""
    meetup = view.meetup
    lines: list[Markup] = [tr._("📅 When: %(when)s", when=time_range(tr, view))]
    if meetup.place:
        lines.append(tr._("📍 Where: %(place)s", place=meetup.place))
    lines.extend(line for line in (transport(tr, view), repeats(tr, view)) if line)
    return lines


def status_line(tr: Tr, view: MeetupView) -> Markup | None:
    match view.meetup.status:
        case MeetupStatus.CANCELLED:
            return tr._("❌ This meet-up is cancelled.")
        case MeetupStatus.CHANGED:
            return tr._("✏️ The time or place has changed.")
        case MeetupStatus.DONE:
            return tr._("🏁 This meet-up has happened.")
    return None


def post(tr: Tr, view: MeetupView) -> Markup:
    """The group post: what, when, where, who organises it, and the live count of answers."""
    meetup = view.meetup
    lines: list[Markup] = [tr._("📅 Meet-up: %(title)s", title=bold(meetup.title))]
    if meetup.notes:
        lines.append(escape(shown(tr, meetup.notes)))
    lines.extend(details(tr, view))
    if view.organiser is not None:
        lines.append(tr._("👤 Organiser: %(name)s", name=view.organiser.display_name))
    lines.append(BLANK)
    lines.extend(counts(tr, view))
    if (status := status_line(tr, view)) is not None:
        lines.append(status)
    elif view.is_on:
        lines.append(tr._("Tap below to say if you're coming."))
    return one_per_line(lines)


def listing(tr: Tr, views: list[MeetupView], mine: list[MyMeetup] | None = None) -> Markup:
    """/upcoming: the next meet-ups, each with when, where, transport and how many are going."""
    if not views:
        return tr._("📅 Nothing is planned yet. Members can suggest something with /propose.")
    lines: list[Markup] = [tr._("📅 Coming up:")]
    for index, view in enumerate(views):
        lines.extend([BLANK, Markup("• ") + bold(view.meetup.title)])
        if mine is not None:
            lines.append(tr._("👥 Group: %(group)s", group=view.group.title))
        lines.extend(details(tr, view))
        lines.extend(counts(tr, view))
        if mine is not None:
            lines.append(my_answer(tr, mine[index]))
    return one_per_line(lines)


def my_answer(tr: Tr, mine: MyMeetup) -> Markup:
    said = answer_word(tr, mine.answer) if mine.answer else tr._("not answered yet")
    line = tr._("🙂 Your answer: %(answer)s", answer=said)
    if mine.needs_lift:
        line += Markup("\n") + (tr._("🚗 You asked for a lift. Pickup: %(pickup)s", pickup=mine.pickup) if mine.pickup
                        else tr._("🚗 You asked for a lift."))
    return line


def answer_word(tr: Tr, answer: str) -> Markup:
    return {Answer.GOING: tr._("Going"), Answer.MAYBE: tr._("Maybe"), Answer.NO: tr._("Not going"),
            Answer.WAITING: tr._("On the waiting list")}.get(Answer(answer), escape(answer))


def map_link(place: str) -> Markup:
    url = MAP_SEARCH + quote_plus(place)
    return Markup('<a href="{}">{}</a>').format(url, place)


def getting_there(tr: Tr, view: MeetupView, *, asked_for_lift: bool = False) -> Markup:
    """/next's "how do I get there" lines: a map of the place, and the lift button (transport is in details)."""
    lines: list[Markup] = []
    if view.meetup.place:
        lines.append(tr._("🧭 How to get there: %(map)s (map)", map=map_link(view.meetup.place)))
    if view.is_on and not asked_for_lift:
        lines.append(tr._("🚗 Need a lift? Tap “I need a lift” below."))
    return one_per_line(lines)


def next_card(tr: Tr, view: MeetupView, mine: MyMeetup | None = None) -> Markup:
    lines: list[Markup] = [tr._("⏭ Next meet-up: %(title)s", title=bold(view.meetup.title))]
    if view.meetup.notes:
        lines.append(escape(shown(tr, view.meetup.notes)))
    lines.extend(details(tr, view))
    lines.extend(counts(tr, view))
    lines.append(getting_there(tr, view, asked_for_lift=mine is not None and mine.needs_lift))
    if mine is not None:
        lines.append(my_answer(tr, mine))
    return one_per_line(lines)


def nothing_next(tr: Tr) -> Markup:
    return tr._("📅 Nothing is planned yet. Members can suggest something with /propose.")


def changed(tr: Tr, change: MeetupChanged) -> Markup:
    """What a Going or Maybe member (and the group) is told when a meet-up changes or is cancelled."""
    view, meetup = change.view, change.view.meetup
    if change.cancelled:
        return one_per_line([tr._("❌ Cancelled: %(title)s", title=bold(meetup.title)),
                          tr._("📅 It was: %(when)s", when=when(tr, change.before_start, view.zone))])
    lines: list[Markup] = [tr._("✏️ Changed: %(title)s", title=bold(meetup.title))]
    if "time" in change.changed:
        lines.append(tr._("📅 New time: %(when)s (was %(before)s)", when=time_range(tr, view),
                          before=when(tr, change.before_start, view.zone)))
    if "place" in change.changed:
        lines.append(tr._("📍 New place: %(place)s (was %(before)s)", place=meetup.place or "–",
                          before=change.before_place or "–"))
    if "transport" in change.changed and meetup.transport:
        lines.append(tr._("🚌 Transport: %(transport)s", transport=meetup.transport))
    if "notes" in change.changed and meetup.notes:
        lines.append(tr._("📝 Notes: %(notes)s", notes=meetup.notes))
    return one_per_line(lines)



# What one person reads privately: both forms, and "I need help" about this meet-up.

def private_listing(views: list[MeetupView], mine: list[MyMeetup]) -> Readable:
    """The private /upcoming: every group's meet-ups with the person's own answers."""
    return both(lambda tr: listing(tr, views, mine), lambda tr: easy.listing(tr, views, mine),
                speech=lambda tr: easy.listing_speech(tr, views, mine))


def nothing_next_private() -> Readable:
    return both(nothing_next, easy.nothing)


def private_card(found: MyMeetup, *, next_one: bool = False) -> Readable:
    """One meet-up in private (opened from /upcoming, or /next), with the person's own answer."""
    view = found.view

    def standard(tr: Tr) -> Markup:
        return next_card(tr, view, found) if next_one else post(tr, view) + "\n" + my_answer(tr, found)

    return both(standard, lambda tr: easy.card(tr, view, found, next_one=next_one),
                speech=lambda tr: easy.card_speech(tr, view, found), about=Subject("m", view.id))


def change_notice(change: MeetupChanged) -> Readable:
    """A Going or Maybe member's private notice of a change or cancellation."""
    return both(lambda tr: changed(tr, change), lambda tr: easy.changed(tr, change),
                speech=lambda tr: easy.changed_speech(tr, change), about=Subject("m", change.view.id))
