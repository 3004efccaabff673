"""The steps of setting up a meet-up: what each asks and its buttons. A button carries its step's
name, so a press on an old question is recognised as stale."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.chat.callbacks import encode
from bot.chat.keyboard import Button, Keyboard
from bot.domain.dates import local_to_utc
from bot.domain.meetups import MeetupDraft
from bot.domain.recurrence import Every
from bot.i18n.easy import Readable, both
from bot.i18n.markup import Markup, bold, escape, one_per_line, plain
from bot.i18n.translator import Tr, label_in
from handlers.proposal_text import day_label, when

FLOW = "newmeetup"
BUTTON = "nm"
TIME_SLOTS = ("10:00", "11:00", "13:00", "14:00", "18:00", "18:30", "19:00", "19:30")
DAYS_SHOWN = 12
CAPACITIES = (8, 12, 20, 30)
NEXT = {"place": "repeat"}
PREVIOUS = {"day": "title", "time": "day", "place": "day", "repeat": "place", "default": "repeat",
            "capacity": "default", "review": "capacity"}


def _how_often(tr: Tr, draft: MeetupDraft) -> Markup:
    return {"": tr._("just once"), Every.WEEKLY: tr._("every week"), Every.FORTNIGHTLY: tr._("every two weeks"),
            Every.MONTHLY: tr._("every month, in the same week")}.get(draft.every, escape(draft.every))


def summary(tr: Tr, draft: MeetupDraft, zone: ZoneInfo) -> Markup:
    lines = [bold(draft.title)]
    if draft.starts_at is not None:
        lines.append(tr._("📅 When: %(when)s", when=when(tr, draft.starts_at, zone)))
    if draft.place:
        lines.append(tr._("📍 Where: %(place)s", place=draft.place))
    lines.append(tr._("🔁 How often: %(often)s", often=_how_often(tr, draft)))
    if draft.every:
        lines.append(tr._("🙋 Members are going unless they say not") if draft.going_by_default
                     else tr._("🙋 Members say if they're going"))
    lines.append(tr._("🎟 Places: %(n)s", n=draft.capacity) if draft.capacity else tr._("🎟 Places: no limit"))
    return one_per_line(lines)


def easy_summary(tr: Tr, draft: MeetupDraft, zone: ZoneInfo) -> Markup:
    """The draft in Easy Read: what, when, where, how often, places; one line each."""
    # Translators: Easy Read. title is the meet-up's title.
    lines = [tr.p_("easy", "📝 What: %(title)s", title=bold(draft.title))]
    if draft.starts_at is not None:
        lines.append(tr.p_("easy", "📅 When: %(when)s", when=when(tr, draft.starts_at, zone)))
    if draft.place:
        lines.append(tr.p_("easy", "📍 Where: %(place)s", place=draft.place))
    # Translators: Easy Read. often is "just once", "every week", "every two weeks" or "every month ...".
    lines.append(tr.p_("easy", "🔁 How often: %(often)s", often=_how_often(tr, draft)))
    if draft.every:
        lines.append(tr.p_("easy", "🙋 Members are going, unless they say no.") if draft.going_by_default
                     else tr.p_("easy", "🙋 Members say if they are going."))
    # Translators: Easy Read. n is how many people can come.
    lines.append(tr.p_("easy", "🎟 Places: %(n)s", n=draft.capacity) if draft.capacity
                 else tr.p_("easy", "🎟 Places: no limit"))
    return one_per_line(lines)


def _easy_prompt(tr: Tr, step: str, draft: MeetupDraft, zone: ZoneInfo, data: dict[str, str]) -> Markup:
    """Each question in Easy Read: what to do, one line each; buttons first."""
    match step:
        case "title":
            return tr.p_("easy", "✍️ What is the meet-up?\n📝 Write a short name for it.\n"
                               "💡 For example: Coffee and a chat.")
        case "day":
            return tr.p_("easy", "📅 Which day?\n👆 Press a day.")
        case "time":
            # Translators: Easy Read. day is a date such as "Saturday 5 December".
            return tr.p_("easy", "🕑 What time on %(day)s?\n👆 Press a time.", day=_day(tr, zone, data))
        case "place":
            return tr.p_("easy", "📍 Where will it be?\n✍️ Write the place.\n⏭ Or press Skip.")
        case "repeat":
            return tr.p_("easy", "🔁 Will it happen again?\n👆 Press how often.")
        case "default":
            return tr.p_("easy", "🙋 Are members going, unless they say no?\n👆 Press Yes or No.\n"
                               "💬 They can still say no each time.")
        case "capacity":
            return tr.p_("easy", "🎟 How many people can come?\n👆 Press a number.")
    return tr.p_("easy", "👀 This is your meet-up:") + "\n" + easy_summary(tr, draft, zone) + "\n" + tr.p_(
        "easy", "📣 Send it to the group?")


def _day(tr: Tr, zone: ZoneInfo, data: dict[str, str]) -> str:
    return tr.when(local_to_utc(date.fromisoformat(data["day"]), time(12), zone), zone, "EEEE d MMMM")


def prompt(step: str, draft: MeetupDraft, zone: ZoneInfo, data: dict[str, str]) -> Readable:
    """The step's question, in both forms."""

    def render(tr: Tr) -> Markup:
        match step:
            case "title":
                return tr._("✍️ What is the meet-up? Write a short title, for example: Coffee and a chat.")
            case "day":
                return tr._("📅 Which day? Choose one, or type a date (for example: Tuesday 1 December 18:00).")
            case "time":
                # Translators: day is a date such as "Saturday 5 December".
                return tr._("🕑 What time on %(day)s? Choose one, or type a time (for example 14:30).",
                            day=_day(tr, zone, data))
            case "place":
                return tr._("📍 Where? Write the place, or press Skip.")
            case "repeat":
                return tr._("🔁 Does it happen again? Choose how often.")
            case "default":
                return tr._("🙋 Should members be going by default? They can still tap to drop out each time.")
            case "capacity":
                return tr._("🎟 How many places are there? Choose, or type a number.")
        return tr._("👀 Here is the meet-up:") + "\n\n" + summary(tr, draft, zone) + "\n\n" + tr._(
            "Post it to the group?")

    return both(render, lambda tr: _easy_prompt(tr, step, draft, zone, data))


def _choices(tr: Tr, step: str, zone: ZoneInfo, now: datetime, easy: bool = False) -> list[list[tuple[str, str]]]:
    if step == "day":
        today = now.astimezone(zone).date()
        days = [today + timedelta(days=offset) for offset in range(0, DAYS_SHOWN)]
        labels = [(tr.when(local_to_utc(day, time(12), zone), zone, day_label(easy)), f"day:{day.isoformat()}")
                  for day in days]
        per_row = 2 if easy else 3
        return [labels[row:row + per_row] for row in range(0, len(labels), per_row)]
    if step == "time":
        slots = [(slot, "time:" + slot.replace(":", ".")) for slot in TIME_SLOTS]
        return [slots[row:row + 4] for row in range(0, len(slots), 4)]
    if step == "repeat":
        return [[(tr._("Just once"), "once")], [(tr._("🔁 Every week"), Every.WEEKLY)],
                [(tr._("🔁 Every two weeks"), Every.FORTNIGHTLY)], [(tr._("🔁 Every month"), Every.MONTHLY)]]
    if step == "default":
        return [[(tr._("✅ Yes, going by default"), "yes")], [(tr._("❌ No, they say each time"), "no")]]
    if step == "capacity":
        return [[(tr._("No limit"), "n:0")], [(str(n), f"n:{n}") for n in CAPACITIES]]
    if step == "review":
        return [[(tr._("📣 Post it to the group"), "post")]]
    return []


def keyboard(step: str, draft: MeetupDraft, zone: ZoneInfo, now: datetime, languages: tuple[str, ...],
             easy: bool = False) -> Keyboard:
    """The step's own buttons (labels in each language, joined), then Skip, Back and Cancel. Easy Read
    spells the days out."""
    layouts = [_choices(Tr(language), step, zone, now, easy) for language in languages]
    rows = [[Button(" / ".join(dict.fromkeys(plain(layout[r][c][0]) for layout in layouts)),
                    encode(BUTTON, step, value))
             for c, (_, value) in enumerate(row)] for r, row in enumerate(layouts[0])]
    navigation = []
    if step in NEXT:
        navigation.append(Button(label_in(languages, lambda tr: tr._("⏭ Skip")), encode(BUTTON, step, "skip")))
    if step != "title":
        navigation.append(Button(label_in(languages, lambda tr: tr._("⬅️ Back")), encode(BUTTON, step, "back")))
    navigation.append(Button(label_in(languages, lambda tr: tr._("✖️ Cancel")), encode(BUTTON, step, "cancel")))
    return Keyboard.of(*rows, navigation)
