"""The questions of /resources: adding a room, adding a vehicle, setting a group's budget. Everything a
question shows is in the conversation's data, gathered by handlers/resources.py."""

from __future__ import annotations

from bot.domain.bookings import ROOM_FEATURES
from bot.domain.opening_hours import read_opening_hours
from bot.domain.resources import Period
from bot.i18n.markup import bold
from bot.i18n.translator import Tr
from handlers.guided import Data, Rows, Step
from handlers.resource_text import hours_text, money, need_label, needs_list

ROOM_FLOW, ROOM_BUTTON = "res_room", "rsr"
VEHICLE_FLOW, VEHICLE_BUTTON = "res_vehicle", "rsv"
BUDGET_FLOW, BUDGET_BUTTON = "res_budget", "rsb"


def _numbers(*values: int) -> Rows:
    return [[(str(value), f"n{value}") for value in values]]


def _features(tr: Tr, data: Data) -> Rows:
    ticked = set(data.get("features", []))
    rows: Rows = [[(("☑️ " if need.value in ticked else "⬜ ") + need_label(tr, need), need.value)]
                  for need in ROOM_FEATURES]
    return [*rows, [(tr._("✅ Done"), "done")]]


def _room_review(tr: Tr, data: Data) -> str:
    lines = [tr._("👀 Here is the room:"), "", bold(data["name"])]
    if data.get("address"):
        lines.append(tr._("📍 Address: %(address)s", address=data["address"]))
    lines.append(tr._("👥 Holds: %(n)s", n=data["capacity"]))
    if data.get("features"):
        lines.append(tr._("♿ Has: %(features)s", features=needs_list(tr, data["features"])))
    lines.append(tr._("🕘 Opening hours: %(hours)s", hours=hours_text(tr, read_opening_hours(data.get("hours", "")))))
    if data.get("notes"):
        lines.append(tr._("📝 Notes: %(notes)s", notes=data["notes"]))
    return "\n".join(lines)


def _vehicle_review(tr: Tr, data: Data) -> str:
    lines = [tr._("👀 Here is the vehicle:"), "", bold(data["name"]),
             tr._("🪑 Seats: %(n)s", n=data["seats"]), tr._("♿ Wheelchair spaces: %(n)s", n=data["wheelchair"]),
             tr._("🧑‍✈️ Needs a driver: yes") if data.get("driver") else tr._("🧑‍✈️ Needs a driver: no")]
    return "\n".join(lines)


def _save(tr: Tr, data: Data) -> Rows:
    return [[(tr._("💾 Save it"), "save")]]


ROOM_STEPS: dict[str, Step] = {
    "name": Step(lambda tr, d: tr._("🏠 What is the room called? For example: Town Centre, Room 2."), typed=True),
    "address": Step(lambda tr, d: tr._("📍 What is its address? Write it, or press Skip."), typed=True,
                    skippable=True),
    "capacity": Step(lambda tr, d: tr._("👥 How many people does it hold? Choose, or type a number."),
                     lambda tr, d: _numbers(10, 20, 30, 50, 100), typed=True),
    "features": Step(lambda tr, d: tr._("♿ What does it have? Tap each one, then Done."), _features, stays=True),
    "hours": Step(lambda tr, d: tr._("🕘 When is it open? Write it like this: Mon-Fri 09:00-21:00; Sat 10:00-16:00. "
                                     "Or press Always open."),
                  lambda tr, d: [[(tr._("Always open"), "always")]], typed=True),
    "notes": Step(lambda tr, d: tr._("📝 Anything else people should know (parking, keys)? Write it, or press Skip."),
                  typed=True, skippable=True),
    "review": Step(_room_review, _save),
}

VEHICLE_STEPS: dict[str, Step] = {
    "name": Step(lambda tr, d: tr._("🚌 What is the vehicle called? For example: Minibus."), typed=True),
    "seats": Step(lambda tr, d: tr._("🪑 How many passenger seats? Choose, or type a number."),
                  lambda tr, d: _numbers(4, 8, 12, 16), typed=True),
    "wheelchair": Step(lambda tr, d: tr._("♿ How many wheelchair spaces? Choose, or type a number."),
                       lambda tr, d: _numbers(0, 1, 2), typed=True),
    "driver": Step(lambda tr, d: tr._("🧑‍✈️ Does it need a volunteer driver to be found each time?"),
                   lambda tr, d: [[(tr._("Yes"), "yes"), (tr._("No"), "no")]]),
    "review": Step(_vehicle_review, _save),
}


def _periods(tr: Tr, data: Data) -> Rows:
    return [[(tr._("This month"), Period.MONTH.value)], [(tr._("This quarter"), Period.QUARTER.value)],
            [(tr._("This year"), Period.YEAR.value)]]


BUDGET_STEPS: dict[str, Step] = {
    "group": Step(lambda tr, d: tr._("👥 Which group's budget?"),
                  lambda tr, d: [[(title, str(chat_id))] for chat_id, title in d["groups"]]),
    "period": Step(lambda tr, d: tr._("📅 For which period?"), _periods),
    "amount": Step(lambda tr, d: tr._("💷 How much can the group spend in that period? Type an amount, for example "
                                      "£200."), typed=True),
}


def budget_saved(tr: Tr, group: str, amount: int, left: int) -> str:
    # Translators: group is a group's name; amount and left are sums of money such as £200.
    return tr._("💾 Saved. %(group)s can spend %(amount)s; %(left)s is left after what is already approved.",
                group=group, amount=money(tr, amount), left=money(tr, left))
