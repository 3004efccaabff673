"""The questions of /resources: adding a room, adding a vehicle, setting a group's budget. Everything a
question shows is in the conversation's data, gathered by handlers/resources.py."""

from __future__ import annotations

from bot.domain.bookings import ROOM_FEATURES
from bot.domain.opening_hours import read_opening_hours
from bot.domain.resources import Period
from bot.i18n.easy import Readable, both
from bot.i18n.markup import BLANK, Markup, bold, one_per_line
from bot.i18n.translator import Tr
from handlers.guided import Data, Rows, Step, steps
from handlers.resource_text import hours_text, money, need_label, needs_list

ROOM_FLOW, ROOM_BUTTON = "res_room", "rsr"
VEHICLE_FLOW, VEHICLE_BUTTON = "res_vehicle", "rsv"
BUDGET_FLOW, BUDGET_BUTTON = "res_budget", "rsb"


def _number_buttons(*values: int) -> Rows:
    return [[(str(value), f"n{value}") for value in values]]


def _feature_buttons(tr: Tr, data: Data) -> Rows:
    ticked = set(data.get("features", []))
    rows: Rows = [[(("☑️ " if need.value in ticked else "⬜ ") + need_label(tr, need), need.value)]
                  for need in ROOM_FEATURES]
    return [*rows, [(tr._("✅ Done"), "done")]]


def _room_review(tr: Tr, data: Data) -> Markup:
    lines = [tr._("👀 Here is the room:"), BLANK, bold(data["name"])]
    if data.get("address"):
        lines.append(tr._("📍 Address: %(address)s", address=data["address"]))
    lines.append(tr._("👥 Holds: %(n)s", n=data["capacity"]))
    if data.get("features"):
        lines.append(tr._("♿ Has: %(features)s", features=needs_list(tr, data["features"])))
    lines.append(tr._("🕘 Opening hours: %(hours)s", hours=hours_text(tr, read_opening_hours(data.get("hours", "")))))
    if data.get("notes"):
        lines.append(tr._("📝 Notes: %(notes)s", notes=data["notes"]))
    return one_per_line(lines)


def _vehicle_review(tr: Tr, data: Data) -> Markup:
    lines = [tr._("👀 Here is the vehicle:"), BLANK, bold(data["name"]),
             tr._("🪑 Seats: %(n)s", n=data["seats"]), tr._("♿ Wheelchair spaces: %(n)s", n=data["wheelchair"]),
             tr._("🧑‍✈️ Needs a driver: yes") if data.get("driver") else tr._("🧑‍✈️ Needs a driver: no")]
    return one_per_line(lines)


def _save_buttons(tr: Tr, data: Data) -> Rows:
    return [[(tr._("💾 Save it"), "save")]]


def _easy_room_review(tr: Tr, data: Data) -> Markup:
    lines = [tr.p_("easy", "👀 Please check the room:"), bold(data["name"]),
             tr.p_("easy", "👥 It holds %(n)s people.", n=data["capacity"])]
    if data.get("features"):
        lines.append(tr.p_("easy", "♿ It has: %(features)s", features=needs_list(tr, data["features"])))
    lines.append(tr.p_("easy", "💾 Press Save it."))
    return one_per_line(lines)


def _easy_vehicle_review(tr: Tr, data: Data) -> Markup:
    return one_per_line([tr.p_("easy", "👀 Please check the vehicle:"), bold(data["name"]),
                      tr.p_("easy", "🪑 Seats: %(n)s", n=data["seats"]),
                      tr.p_("easy", "♿ Wheelchair spaces: %(n)s", n=data["wheelchair"]),
                      tr.p_("easy", "💾 Press Save it.")])


def _hours_buttons(tr: Tr, data: Data) -> Rows:
    return [[(tr._("Always open"), "always")]]


def _yes_no_buttons(tr: Tr, data: Data) -> Rows:
    return [[(tr._("Yes"), "yes"), (tr._("No"), "no")]]


ROOM_STEPS = steps(
    Step("name", lambda tr, d: tr._("🏠 What is the room called? For example: Town Centre, Room 2."),
         lambda tr, d: tr.p_("easy", "🏠 What is the room called?\n✍️ Write its name."), typed=True),
    Step("address", lambda tr, d: tr._("📍 What is its address? Write it, or press Skip."),
         lambda tr, d: tr.p_("easy", "📍 What is the address?\n✍️ Write it.\n⏭ Or press Skip."), typed=True,
         skippable=True),
    Step("capacity", lambda tr, d: tr._("👥 How many people does it hold? Choose, or type a number."),
         lambda tr, d: tr.p_("easy", "👥 How many people fit in the room?\n👆 Press a number."),
         lambda tr, d: _number_buttons(10, 20, 30, 50, 100), typed=True),
    Step("features", lambda tr, d: tr._("♿ What does it have? Tap each one, then Done."),
         lambda tr, d: tr.p_("easy", "♿ What does the room have?\n👆 Tap each one.\n✅ Then tap Done."),
         _feature_buttons, stays=True),
    Step("hours", lambda tr, d: tr._("🕘 When is it open? Write it like this: Mon-Fri 09:00-21:00; Sat 10:00-16:00. "
                                     "Or press Always open."),
         lambda tr, d: tr.p_("easy", "🕘 When is it open?\n💡 For example: Mon-Fri 09:00-21:00\n👆 Or press Always "
                                     "open."), _hours_buttons, typed=True),
    Step("notes", lambda tr, d: tr._("📝 Anything else people should know (parking, keys)? Write it, or press Skip."),
         lambda tr, d: tr.p_("easy", "📝 Do people need to know more?\n✍️ Write it.\n⏭ Or press Skip."),
         typed=True, skippable=True),
    Step("review", _room_review, _easy_room_review, _save_buttons),
)

VEHICLE_STEPS = steps(
    Step("name", lambda tr, d: tr._("🚌 What is the vehicle called? For example: Minibus."),
         lambda tr, d: tr.p_("easy", "🚌 What is the vehicle called?\n✍️ Write its name."), typed=True),
    Step("seats", lambda tr, d: tr._("🪑 How many passenger seats? Choose, or type a number."),
         lambda tr, d: tr.p_("easy", "🪑 How many seats for people?\n👆 Press a number."),
         lambda tr, d: _number_buttons(4, 8, 12, 16), typed=True),
    Step("wheelchair", lambda tr, d: tr._("♿ How many wheelchair spaces? Choose, or type a number."),
         lambda tr, d: tr.p_("easy", "♿ How many wheelchair spaces?\n👆 Press a number."),
         lambda tr, d: _number_buttons(0, 1, 2), typed=True),
    Step("driver", lambda tr, d: tr._("🧑‍✈️ Does it need a volunteer driver to be found each time?"),
         lambda tr, d: tr.p_("easy", "🧑‍✈️ Do we need to find a driver each time?\n👆 Press Yes or No."),
         _yes_no_buttons),
    Step("review", _vehicle_review, _easy_vehicle_review, _save_buttons),
)


def _period_buttons(tr: Tr, data: Data) -> Rows:
    return [[(tr._("This month"), Period.MONTH.value)], [(tr._("This quarter"), Period.QUARTER.value)],
            [(tr._("This year"), Period.YEAR.value)]]


BUDGET_STEPS = steps(
    Step("group", lambda tr, d: tr._("👥 Which group's budget?"),
         lambda tr, d: tr.p_("easy", "👥 Which group's money?\n👆 Press the group."),
         lambda tr, d: [[(title, str(chat_id))] for chat_id, title in d["groups"]]),
    Step("period", lambda tr, d: tr._("📅 For which period?"),
         lambda tr, d: tr.p_("easy", "📅 For how long?\n👆 Press one."), _period_buttons),
    Step("amount", lambda tr, d: tr._("💷 How much can the group spend in that period? Type an amount, for example "
                                      "£200."),
         lambda tr, d: tr.p_("easy", "💷 How much can the group spend?\n✍️ Write the number of pounds.\n"
                                     "💡 For example: 200"), typed=True),
)


def budget_saved(group: str, amount: int, left: int) -> Readable:
    # Translators: group is a group's name; amount and left are sums of money such as £200.
    return both(lambda tr: tr._("💾 Saved. %(group)s can spend %(amount)s; %(left)s is left after what is already "
                                "approved.", group=group, amount=money(tr, amount), left=money(tr, left)),
                # Translators: Easy Read. group is a group's name; amount and left are sums of money such as £200.
                lambda tr: tr.p_("easy", "💾 Saved.\n💷 %(group)s can spend %(amount)s.\n💷 %(left)s is still left.",
                                 group=group, amount=money(tr, amount), left=money(tr, left)))
