"""The questions of a new request: what each asks, its buttons, and which come next for a room, transport or
money. Everything a question shows is in the conversation's data, gathered by handlers/request_new.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.bookings import Access, Kind
from bot.domain.dates import local_to_utc
from bot.i18n.translator import Tr
from handlers.guided import Data, Rows, Step
from handlers.request_text import kind_label, time_range
from handlers.resource_text import money, need_label, needs_list

FLOW, BUTTON = "request", "rqn"
TIME_SLOTS = ("10:00", "11:00", "13:00", "14:00", "17:00", "18:00", "19:00", "20:00")
DAYS_SHOWN = 12
ACCESS_CHOICES = (Access.STEP_FREE, Access.HEARING_LOOP, Access.ACCESSIBLE_TOILET, Access.QUIET_SPACE)


def sequence(data: Data) -> list[str]:
    """The questions this request asks, in order (the group and kind come first)."""
    kind = data.get("kind")
    steps = ["meetup"] if data.get("meetups") else []
    if kind == Kind.MONEY:
        return [*steps, "amount", "note", "review"]
    if data.get("resources"):
        steps.append("resource")
    if not data.get("meetup"):
        steps.extend(["day", "time", "end"])
    if kind == Kind.ROOM:
        return [*steps, "people", "access", "note", "review"]
    return [*steps, "seats", "wheelchair", *([] if data.get("meetup") else ["pickups"]), "note", "review"]


def after(data: Data, step: str) -> str:
    order = sequence(data)
    return order[order.index(step) + 1] if step in order else order[0]


def zone(data: Data) -> ZoneInfo:
    return ZoneInfo(data.get("tz") or "Europe/London")


def _rows(buttons: list[tuple[str, str]], per_row: int) -> Rows:
    return [buttons[start:start + per_row] for start in range(0, len(buttons), per_row)]


def _groups(tr: Tr, data: Data) -> Rows:
    return [[(title, str(chat_id))] for chat_id, title in data["groups"]]


def _kinds(tr: Tr, data: Data) -> Rows:
    return [[(kind_label(tr, kind), kind.value)] for kind in Kind]


def _meetups(tr: Tr, data: Data) -> Rows:
    rows = [[(f"{title} · {tr.when(datetime.fromisoformat(start), zone(data), 'd MMM')}", str(meetup_id))]
            for meetup_id, title, start in data["meetups"]]
    return [*rows, [(tr._("Not for a meet-up"), "none")]]


def _resources(tr: Tr, data: Data) -> Rows:
    rows = [[(name, str(resource_id))] for resource_id, name in data["resources"]]
    anything = tr._("Any suitable room") if data.get("kind") == Kind.ROOM else tr._("Any suitable vehicle")
    return [*rows, [(anything, "any")]]


def _days(tr: Tr, data: Data) -> Rows:
    today = date.fromisoformat(data["today"])
    days = [today + timedelta(days=offset) for offset in range(1, DAYS_SHOWN + 1)]
    return _rows([(tr.when(local_to_utc(day, time(12), zone(data)), zone(data), "EEE d MMM"), day.isoformat())
                  for day in days], 3)


def _times(tr: Tr, data: Data) -> Rows:
    return _rows([(slot, slot.replace(":", ".")) for slot in TIME_SLOTS], 4)


def _lengths(tr: Tr, data: Data) -> Rows:
    return _rows([(tr.n_("%(n)s hour", "%(n)s hours", hours), f"h{hours}") for hours in (1, 2, 3, 4)], 4)


def _numbers(*values: int) -> Callable[[Tr, Data], Rows]:
    return lambda tr, data: _rows([(str(value), f"n{value}") for value in values], 5)


def _access(tr: Tr, data: Data) -> Rows:
    ticked = set(data.get("access", []))
    rows: Rows = [[(("☑️ " if need.value in ticked else "⬜ ") + need_label(tr, need), need.value)]
                  for need in ACCESS_CHOICES]
    return [*rows, [(tr._("✅ Done"), "done")]]


def _review(tr: Tr, data: Data) -> Rows:
    return [[(tr._("📨 Send it to the coordinators"), "send")]]


def summary(tr: Tr, data: Data) -> str:
    lines: list[str] = [tr._("🧾 What: %(kind)s", kind=kind_label(tr, data["kind"]))]
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
    return "\n".join(lines)


def _amounts(tr: Tr, data: Data) -> list[str]:
    lines: list[str] = []
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


def _time_prompt(tr: Tr, data: Data) -> str:
    day = date.fromisoformat(data["day"])
    label = tr.when(local_to_utc(day, time(12), zone(data)), zone(data), "EEEE d MMMM")
    # Translators: day is a date such as "Saturday 5 December".
    return tr._("🕑 From what time on %(day)s? Choose one, or type a time (for example 14:30).", day=label)


def _note_prompt(tr: Tr, data: Data) -> str:
    if data.get("kind") == Kind.MONEY:
        return tr._("📝 What is the money for? Write a few words, for example: paint and brushes for the mural.")
    return tr._("📝 Anything the coordinators should know? Write a few words, or press Skip.")


STEPS: dict[str, Step] = {
    "group": Step(lambda tr, d: tr._("👥 Which group is this for?"), _groups),
    "kind": Step(lambda tr, d: tr._("🧾 What do you need?"), _kinds),
    "meetup": Step(lambda tr, d: tr._("📍 Is it for one of these meet-ups?"), _meetups),
    "resource": Step(lambda tr, d: tr._("🏠 Which room would you like?") if d.get("kind") == Kind.ROOM
                     else tr._("🚌 Which vehicle would you like?"), _resources),
    "day": Step(lambda tr, d: tr._("📅 Which day? Choose one, or type a date and time (for example: 5 December "
                                   "14:30)."), _days, typed=True),
    "time": Step(_time_prompt, _times, typed=True),
    "end": Step(lambda tr, d: tr._("🕑 How long for? Choose, or type the time it ends (for example 16:30)."),
                _lengths, typed=True),
    "people": Step(lambda tr, d: tr._("👥 How many people? Choose, or type a number."), _numbers(5, 10, 15, 20, 30),
                   typed=True),
    "access": Step(lambda tr, d: tr._("♿ Does anyone need any of these? Tap each one that applies, then Done."),
                   _access, stays=True),
    "seats": Step(lambda tr, d: tr._("🪑 How many seats? Choose, or type a number."), _numbers(4, 8, 12, 16),
                  typed=True),
    "wheelchair": Step(lambda tr, d: tr._("♿ How many wheelchair spaces? Choose, or type a number."),
                       _numbers(0, 1, 2), typed=True),
    "pickups": Step(lambda tr, d: tr._("📍 Where should people be picked up? Write the places, or press Skip."),
                    typed=True, skippable=True),
    "amount": Step(lambda tr, d: tr._("💷 How much money, in pounds? Type an amount, for example £20 or 12.50."),
                   typed=True),
    "note": Step(_note_prompt, typed=True, skippable=True),
    "review": Step(lambda tr, d: tr._("👀 Here is your request:") + "\n\n" + summary(tr, d), _review),
}
