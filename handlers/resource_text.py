"""How rooms, vehicles, budgets, money and access needs read. Text only, no I/O."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date, get_day_names

from bot.domain.bookings import Access, Kind
from bot.domain.opening_hours import OpeningHours
from bot.i18n.easy import Readable, both
from bot.i18n.markup import BLANK, Markup, bold, escape, one_per_line
from bot.i18n.translator import Tr
from bot.services.requests import features_of, hours_of
from bot.services.resources import BudgetLine, Catalogue
from bot.store.resources import Resource


def money(tr: Tr, pence: int) -> str:
    """£20, or £12.50 when there are pence."""
    pounds, rest = divmod(abs(pence), 100)
    text = tr.number(pounds) if not rest else f"{tr.number(pounds)}.{rest:02d}"
    return ("-" if pence < 0 else "") + "£" + text


def need_label(tr: Tr, need: Access | str) -> Markup:
    return {
        Access.STEP_FREE: tr._("step-free access"),
        Access.WHEELCHAIR: tr._("a wheelchair space"),
        Access.HEARING_LOOP: tr._("a hearing loop"),
        Access.ACCESSIBLE_TOILET: tr._("an accessible toilet"),
        Access.QUIET_SPACE: tr._("a quiet space"),
    }[Access(need)]


def my_need_label(tr: Tr, need: Access) -> Markup:
    """What a person ticks about themselves in /access."""
    return {
        Access.STEP_FREE: tr._("I need step-free access"),
        Access.WHEELCHAIR: tr._("I use a wheelchair"),
        Access.HEARING_LOOP: tr._("I use a hearing loop"),
        Access.ACCESSIBLE_TOILET: tr._("I need an accessible toilet"),
        Access.QUIET_SPACE: tr._("I need a quiet space"),
    }[need]


def needs_list(tr: Tr, needs: list[str] | set[Access] | frozenset[Access]) -> Markup:
    return Markup(", ").join(need_label(tr, need) for need in Access if need in {Access(n) for n in needs})


def hours_text(tr: Tr, hours: OpeningHours) -> Markup:
    if hours.always:
        return tr._("always open")
    names = get_day_names("abbreviated", locale=tr.language)
    day_names = tuple(str(names[day]).rstrip(".") for day in range(7))
    return escape("; ".join(f"{days} {opens}–{closes}" for days, opens, closes in hours.grouped(day_names)))


def room_line(tr: Tr, room: Resource) -> Markup:
    """ "Hall — 30 people; step-free access, a hearing loop" """
    parts: list[Markup] = [tr.n_("%(n)s person", "%(n)s people", room.capacity) if room.capacity
                        else tr._("any number of people")]
    if features := features_of(room):
        parts.append(needs_list(tr, features))
    return bold(room.name) + Markup(" — ") + Markup("; ").join(parts)


def vehicle_line(tr: Tr, vehicle: Resource) -> Markup:
    parts: list[Markup] = [tr.n_("%(n)s seat", "%(n)s seats", vehicle.seats or 0)]
    if vehicle.wheelchair_spaces:
        parts.append(tr.n_("%(n)s wheelchair space", "%(n)s wheelchair spaces", vehicle.wheelchair_spaces))
    if vehicle.driver_needed:
        parts.append(tr._("needs a driver"))
    return bold(vehicle.name) + Markup(" — ") + Markup(", ").join(parts)


def resource_line(tr: Tr, resource: Resource) -> Markup:
    return room_line(tr, resource) if resource.kind == Kind.ROOM else vehicle_line(tr, resource)


def day(tr: Tr, value: date) -> str:
    return format_date(value, "d MMM yyyy", locale=tr.language)


def budget_line(tr: Tr, line: BudgetLine) -> Markup:
    # Translators: group is a group's name; amount and left are sums of money; start and end are dates.
    return tr._("%(group)s: %(amount)s (%(start)s – %(end)s), %(left)s left", group=line.group.title,
                amount=money(tr, line.budget.amount), start=day(tr, line.budget.starts_on),
                end=day(tr, line.budget.ends_on), left=money(tr, line.left))


def catalogue(tr: Tr, found: Catalogue) -> Markup:
    """/resources: the organisation's rooms, vehicles and the budgets of the coordinator's groups."""
    lines: list[Markup] = [tr._("🏠 Rooms:")]
    for room in found.rooms:
        lines.append("• " + room_line(tr, room))
        details = [Markup("📍 {}").format(room.address)] if room.address else []
        details.append(Markup("🕘 ") + hours_text(tr, hours_of(room)))
        lines.append(Markup("   ") + Markup(" · ").join(details))
    if not found.rooms:
        lines.append(tr._("None yet."))
    lines.extend([BLANK, tr._("🚌 Vehicles:")])
    lines.extend("• " + vehicle_line(tr, vehicle) for vehicle in found.vehicles)
    if not found.vehicles:
        lines.append(tr._("None yet."))
    lines.extend([BLANK, tr._("💷 Budgets:")])
    lines.extend("• " + budget_line(tr, line) for line in found.budgets)
    if not found.budgets:
        lines.append(tr._("None set."))
    return one_per_line(lines)


def easy_catalogue(tr: Tr, found: Catalogue) -> Markup:
    """/resources in Easy Read: the names only, and what each budget has left."""
    rooms = ", ".join(room.name for room in found.rooms)
    vehicles = ", ".join(vehicle.name for vehicle in found.vehicles)
    lines = [tr.p_("easy", "🏠 Rooms: %(names)s", names=rooms) if rooms else tr.p_("easy", "🏠 No rooms yet."),
             tr.p_("easy", "🚌 Vehicles: %(names)s", names=vehicles) if vehicles
             else tr.p_("easy", "🚌 No vehicles yet.")]
    lines.extend(tr.p_("easy", "💷 %(group)s has %(left)s left to spend.", group=line.group.title,
                       left=money(tr, line.left)) for line in found.budgets)
    if not found.budgets:
        lines.append(tr.p_("easy", "💷 No money is set yet."))
    return one_per_line(lines)


def catalogue_message(found: Catalogue) -> Readable:
    return both(lambda tr: catalogue(tr, found), lambda tr: easy_catalogue(tr, found))
