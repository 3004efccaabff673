"""The questions of a new request: what each asks, its buttons, and which come next for a room, transport or
money. Everything a question shows is in the conversation's data, gathered by handlers/request_new.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.bookings import Access, Kind
from bot.domain.dates import local_to_utc
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Tr
from handlers.guided import EASY, Data, Rows, Step, steps
from handlers.proposal_text import day_label, when
from handlers.request_text import kind_label, time_range
from handlers.resource_text import money, need_label, needs_list

FLOW, BUTTON = "request", "rqn"
TIME_SLOTS = ("10:00", "11:00", "13:00", "14:00", "17:00", "18:00", "19:00", "20:00")
DAYS_SHOWN = 12
ACCESS_CHOICES = (Access.STEP_FREE, Access.HEARING_LOOP, Access.ACCESSIBLE_TOILET, Access.QUIET_SPACE)


def sequence(data: Data) -> list[str]:
    """The questions this request asks, in order (the group and kind come first)."""
    kind = data.get("kind")
    asked = ["meetup"] if data.get("meetups") else []
    if kind == Kind.MONEY:
        return [*asked, "amount", "note", "review"]
    if data.get("resources"):
        asked.append("resource")
    if not data.get("meetup"):
        asked.extend(["day", "time", "end"])
    if kind == Kind.ROOM:
        return [*asked, "people", "access", "note", "review"]
    return [*asked, "seats", "wheelchair", *([] if data.get("meetup") else ["pickups"]), "note", "review"]


def after(data: Data, step: str) -> str:
    order = sequence(data)
    return order[order.index(step) + 1] if step in order else order[0]


def zone(data: Data) -> ZoneInfo:
    return ZoneInfo(data.get("tz") or "Europe/London")


def _rows(buttons: list[tuple[str, str]], per_row: int) -> Rows:
    return [buttons[start:start + per_row] for start in range(0, len(buttons), per_row)]


def _group_buttons(tr: Tr, data: Data) -> Rows:
    return [[(title, str(chat_id))] for chat_id, title in data["groups"]]


def _kind_buttons(tr: Tr, data: Data) -> Rows:
    return [[(kind_label(tr, kind), kind.value)] for kind in Kind]


def _meetup_buttons(tr: Tr, data: Data) -> Rows:
    rows = [[(f"{title} · {tr.when(datetime.fromisoformat(start), zone(data), 'd MMM')}", str(meetup_id))]
            for meetup_id, title, start in data["meetups"]]
    return [*rows, [(tr._("Not for a meet-up"), "none")]]


def _resource_buttons(tr: Tr, data: Data) -> Rows:
    rows = [[(name, str(resource_id))] for resource_id, name in data["resources"]]
    anything = tr._("Any suitable room") if data.get("kind") == Kind.ROOM else tr._("Any suitable vehicle")
    return [*rows, [(anything, "any")]]


def _day_buttons(tr: Tr, data: Data) -> Rows:
    today = date.fromisoformat(data["today"])
    days = [today + timedelta(days=offset) for offset in range(1, DAYS_SHOWN + 1)]
    easy = bool(data.get(EASY))
    return _rows([(tr.when(local_to_utc(day, time(12), zone(data)), zone(data), day_label(easy)), day.isoformat())
                  for day in days], 2 if easy else 3)


def _time_buttons(tr: Tr, data: Data) -> Rows:
    return _rows([(slot, slot.replace(":", ".")) for slot in TIME_SLOTS], 4)


def _length_buttons(tr: Tr, data: Data) -> Rows:
    return _rows([(tr.n_("%(n)s hour", "%(n)s hours", hours), f"h{hours}") for hours in (1, 2, 3, 4)], 4)


def _number_buttons(*values: int) -> Callable[[Tr, Data], Rows]:
    return lambda tr, data: _rows([(str(value), f"n{value}") for value in values], 5)


def _access_buttons(tr: Tr, data: Data) -> Rows:
    ticked = set(data.get("access", []))
    rows: Rows = [[(("☑️ " if need.value in ticked else "⬜ ") + need_label(tr, need), need.value)]
                  for need in ACCESS_CHOICES]
    return [*rows, [(tr._("✅ Done"), "done")]]


def _review_buttons(tr: Tr, data: Data) -> Rows:
    return [[(tr._("📨 Send it to the coordinators"), "send")]]


def summary(tr: Tr, data: Data) -> Markup:
    lines: list[Markup] = [tr._("🧾 What: %(kind)s", kind=kind_label(tr, data["kind"]))]
    if data.get("meetup_title"):
        lines.append(tr._("📍 Meet-up: %(title)s", title=data["meetup_title"]))
    if data["kind"] != Kind.MONEY:
        if data.get("resource_name"):
            lines.append(tr._("🏷 Which: %(name)s", name=data["resource_name"]))
        if data.get("start") and data.get("end"):
            lines.append(tr._("📅 When: %(when)s", when=time_range(tr, datetime.fromisoformat(data["start"]),
                                                                  datetime.fromisoformat(data["end"]), zone(data))))
        elif data.get("meetup_title"):
            lines.append(tr._("📅 When: the meet-up's time"))
    lines.extend(_amounts(tr, data))
    if data.get("note"):
        lines.append(tr._("📝 What for: %(note)s", note=data["note"]))
    return one_per_line(lines)


def _amounts(tr: Tr, data: Data) -> list[Markup]:
    lines: list[Markup] = []
    if data["kind"] == Kind.ROOM:
        lines.append(tr._("👥 How many: %(n)s", n=data.get("people", 0)))
        if data.get("access"):
            lines.append(tr._("♿ Access asked for: %(needs)s", needs=needs_list(tr, data["access"])))
    elif data["kind"] == Kind.VEHICLE:
        lines.append(tr._("🪑 Seats: %(n)s", n=data.get("seats", 0)))
        lines.append(tr._("♿ Wheelchair spaces: %(n)s", n=data.get("wheelchair", 0)))
        if data.get("pickups"):
            lines.append(tr._("📍 Pickup points: %(places)s", places=data["pickups"]))
    else:
        lines.append(tr._("💷 Amount: %(amount)s", amount=money(tr, data.get("amount", 0))))
    return lines


def _time_prompt(tr: Tr, data: Data) -> Markup:
    day = date.fromisoformat(data["day"])
    label = tr.when(local_to_utc(day, time(12), zone(data)), zone(data), "EEEE d MMMM")
    # Translators: day is a date such as "Saturday 5 December".
    return tr._("🕑 From what time on %(day)s? Choose one, or type a time (for example 14:30).", day=label)


def _note_prompt(tr: Tr, data: Data) -> Markup:
    if data.get("kind") == Kind.MONEY:
        return tr._("📝 What is the money for? Write a few words, for example: paint and brushes for the mural.")
    return tr._("📝 Anything the coordinators should know? Write a few words, or press Skip.")


def _easy_summary(tr: Tr, data: Data) -> Markup:
    """The review in Easy Read: what, when, how many; one idea per line."""
    lines: list[Markup] = [tr.p_("easy", "🧾 You need: %(kind)s", kind=kind_label(tr, data["kind"]))]
    if data.get("meetup_title"):
        lines.append(tr.p_("easy", "📍 For the meet-up: %(title)s", title=data["meetup_title"]))
    if data["kind"] != Kind.MONEY and data.get("start"):
        starts = datetime.fromisoformat(data["start"])
        lines.append(tr.p_("easy", "📅 When: %(when)s", when=when(tr, starts, zone(data))))
    if data["kind"] == Kind.ROOM:
        lines.append(tr.p_("easy", "👥 For %(n)s people", n=data.get("people", 0)))
    elif data["kind"] == Kind.VEHICLE:
        lines.append(tr.p_("easy", "🪑 Seats: %(n)s", n=data.get("seats", 0)))
    else:
        lines.append(tr.p_("easy", "💷 Money: %(amount)s", amount=money(tr, data.get("amount", 0))))
    return one_per_line(lines)


def _easy_time_prompt(tr: Tr, data: Data) -> Markup:
    day = date.fromisoformat(data["day"])
    label = tr.when(local_to_utc(day, time(12), zone(data)), zone(data), "EEEE d MMMM")
    # Translators: Easy Read. day is a date such as "Saturday 5 December".
    return tr.p_("easy", "🕑 What time does it start on %(day)s?\n👆 Press a time.", day=label)


def _easy_note_prompt(tr: Tr, data: Data) -> Markup:
    if data.get("kind") == Kind.MONEY:
        return tr.p_("easy", "📝 What is the money for?\n✍️ Write a few words.")
    return tr.p_("easy", "📝 Do the coordinators need to know more?\n✍️ Write a few words.\n⏭ Or press Skip.")


STEPS = steps(
    Step("group", lambda tr, d: tr._("👥 Which group is this for?"),
         lambda tr, d: tr.p_("easy", "👥 Which group is it for?\n👆 Press the group."), _group_buttons),
    Step("kind", lambda tr, d: tr._("🧾 What do you need?"),
         lambda tr, d: tr.p_("easy", "🧾 What do you need?\n🏠 A room, 🚌 transport or 💷 money?\n👆 Press one."),
         _kind_buttons),
    Step("meetup", lambda tr, d: tr._("📍 Is it for one of these meet-ups?"),
         lambda tr, d: tr.p_("easy", "📍 Is it for a meet-up?\n👆 Press the meet-up.\n❌ Or press Not for a meet-up."),
         _meetup_buttons),
    Step("resource", lambda tr, d: tr._("🏠 Which room would you like?") if d.get("kind") == Kind.ROOM
         else tr._("🚌 Which vehicle would you like?"),
         lambda tr, d: tr.p_("easy", "🏠 Which room do you want?\n👆 Press one.") if d.get("kind") == Kind.ROOM
         else tr.p_("easy", "🚌 Which vehicle do you want?\n👆 Press one."), _resource_buttons),
    Step("day", lambda tr, d: tr._("📅 Which day? Choose one, or type a date and time (for example: 5 December "
                                   "14:30)."),
         lambda tr, d: tr.p_("easy", "📅 Which day?\n👆 Press a day."), _day_buttons, typed=True),
    Step("time", _time_prompt, _easy_time_prompt, _time_buttons, typed=True),
    Step("end", lambda tr, d: tr._("🕑 How long for? Choose, or type the time it ends (for example 16:30)."),
         lambda tr, d: tr.p_("easy", "🕑 How long do you need it?\n👆 Press a time."), _length_buttons, typed=True),
    Step("people", lambda tr, d: tr._("👥 How many people? Choose, or type a number."),
         lambda tr, d: tr.p_("easy", "👥 How many people?\n👆 Press a number."), _number_buttons(5, 10, 15, 20, 30),
         typed=True),
    Step("access", lambda tr, d: tr._("♿ Does anyone need any of these? Tap each one that applies, then Done."),
         lambda tr, d: tr.p_("easy", "♿ Does anyone need these?\n👆 Tap each one you need.\n✅ Then tap Done."),
         _access_buttons, stays=True),
    Step("seats", lambda tr, d: tr._("🪑 How many seats? Choose, or type a number."),
         lambda tr, d: tr.p_("easy", "🪑 How many seats?\n👆 Press a number."), _number_buttons(4, 8, 12, 16),
         typed=True),
    Step("wheelchair", lambda tr, d: tr._("♿ How many wheelchair spaces? Choose, or type a number."),
         lambda tr, d: tr.p_("easy", "♿ How many wheelchair spaces?\n👆 Press a number."), _number_buttons(0, 1, 2),
         typed=True),
    Step("pickups", lambda tr, d: tr._("📍 Where should people be picked up? Write the places, or press Skip."),
         lambda tr, d: tr.p_("easy", "📍 Where do we pick people up?\n✍️ Write the places.\n⏭ Or press Skip."),
         typed=True, skippable=True),
    Step("amount", lambda tr, d: tr._("💷 How much money, in pounds? Type an amount, for example £20 or 12.50."),
         lambda tr, d: tr.p_("easy", "💷 How much money do you need?\n✍️ Write the number of pounds.\n"
                                     "💡 For example: 20"),
         typed=True),
    Step("note", _note_prompt, _easy_note_prompt, typed=True, skippable=True),
    Step("review", lambda tr, d: tr._("👀 Here is your request:") + "\n\n" + summary(tr, d),
         lambda tr, d: tr.p_("easy", "👀 Please check this:") + "\n" + _easy_summary(tr, d), _review_buttons),
)
