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
from bot.i18n.markup import bold
from bot.i18n.translator import Render, Tr, label_in
from handlers.proposal_text import when

FLOW = "newmeetup"
BUTTON = "nm"
TIME_SLOTS = ("10:00", "11:00", "13:00", "14:00", "18:00", "18:30", "19:00", "19:30")
DAYS_SHOWN = 12
CAPACITIES = (8, 12, 20, 30)
NEXT = {"place": "repeat"}
PREVIOUS = {"day": "title", "time": "day", "place": "day", "repeat": "place", "default": "repeat",
            "capacity": "default", "review": "capacity"}


def summary(tr: Tr, draft: MeetupDraft, zone: ZoneInfo) -> str:
    lines = [bold(draft.title)]
    if draft.starts_at is not None:
        lines.append(tr._("📅 When: %(when)s", when=when(tr, draft.starts_at, zone)))
    if draft.place:
        lines.append(tr._("📍 Where: %(place)s", place=draft.place))
    how_often = {"": tr._("just once"), Every.WEEKLY: tr._("every week"), Every.FORTNIGHTLY: tr._("every two weeks"),
                 Every.MONTHLY: tr._("every month, in the same week")}.get(draft.every, draft.every)
    lines.append(tr._("🔁 How often: %(often)s", often=how_often))
    if draft.every:
        lines.append(tr._("🙋 Members are going unless they say not") if draft.going_by_default
                     else tr._("🙋 Members say if they're going"))
    lines.append(tr._("🎟 Places: %(n)s", n=draft.capacity) if draft.capacity else tr._("🎟 Places: no limit"))
    return "\n".join(lines)


def prompt(step: str, draft: MeetupDraft, zone: ZoneInfo, data: dict[str, str]) -> Render:
    def render(tr: Tr) -> str:
        match step:
            case "title":
                return tr._("✍️ What is the meet-up? Write a short title, for example: Coffee and a chat.")
            case "day":
                return tr._("📅 Which day? Choose one, or type a date (for example: Tuesday 1 December 18:00).")
            case "time":
                day = tr.when(local_to_utc(date.fromisoformat(data["day"]), time(12), zone), zone, "EEEE d MMMM")
                # Translators: day is a date such as "Saturday 5 December".
                return tr._("🕑 What time on %(day)s? Choose one, or type a time (for example 14:30).", day=day)
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

    return render


def _choices(tr: Tr, step: str, zone: ZoneInfo, now: datetime) -> list[list[tuple[str, str]]]:
    if step == "day":
        today = now.astimezone(zone).date()
        days = [today + timedelta(days=offset) for offset in range(0, DAYS_SHOWN)]
        labels = [(tr.when(local_to_utc(day, time(12), zone), zone, "EEE d MMM"), f"day:{day.isoformat()}")
                  for day in days]
        return [labels[row:row + 3] for row in range(0, len(labels), 3)]
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


def keyboard(step: str, draft: MeetupDraft, zone: ZoneInfo, now: datetime, languages: tuple[str, ...]) -> Keyboard:
    """The step's own buttons (labels in each language, joined), then Skip, Back and Cancel."""
    layouts = [_choices(Tr(language), step, zone, now) for language in languages]
    rows = [[Button(" / ".join(dict.fromkeys(layout[r][c][0] for layout in layouts)), encode(BUTTON, step, value))
             for c, (_, value) in enumerate(row)] for r, row in enumerate(layouts[0])]
    navigation = []
    if step in NEXT:
        navigation.append(Button(label_in(languages, lambda tr: tr._("⏭ Skip")), encode(BUTTON, step, "skip")))
    if step != "title":
        navigation.append(Button(label_in(languages, lambda tr: tr._("⬅️ Back")), encode(BUTTON, step, "back")))
    navigation.append(Button(label_in(languages, lambda tr: tr._("✖️ Cancel")), encode(BUTTON, step, "cancel")))
    return Keyboard.of(*rows, navigation)
