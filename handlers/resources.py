"""/resources /adnoddau: coordinators see and manage the organisation's rooms, vehicles and budgets, in a
private chat (a file can load them too: `criw resources import FILE`).

Adding a room: name → address → how many it holds → access (ticks) → opening hours → notes → save.
Adding a vehicle: name → seats → wheelchair spaces → needs a driver → save.
Setting a budget: group → month, quarter or year → amount (saved at once).
Every question has Back and Cancel; the service checks everything again (and that the person coordinates).
"""

from __future__ import annotations

from bot.chat.callbacks import ID, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.domain.bookings import Access
from bot.domain.opening_hours import OpeningHoursError, read_opening_hours
from bot.domain.proposals import clean_text
from bot.domain.resources import (
    ADDRESS_MAX,
    BUDGET_MAX,
    CAPACITY_MAX,
    NAME_MAX,
    NOTES_MAX,
    SEATS_MAX,
    WHEELCHAIR_MAX,
    Period,
    RoomSpec,
    VehicleSpec,
    read_count,
    read_money,
)
from bot.i18n.easy import Readable, both
from bot.services import resources
from bot.services.errors import NotFound
from handlers import resource_steps as steps
from handlers import resource_text as text
from handlers.guided import Data, Guide
from handlers.links import PRESS_START, open_private_keyboard
from handlers.request_problems import explain_count, explain_input, explain_money

router = Router(name=__name__)
MANAGE = "rs"
LIMITS = {"name": NAME_MAX, "address": ADDRESS_MAX, "notes": NOTES_MAX}
COUNTS = {"capacity": (1, CAPACITY_MAX), "seats": (1, SEATS_MAX), "wheelchair": (0, WHEELCHAIR_MAX)}


@router.command("resources", "adnoddau", menu=CommandInfo(
    "adnoddau", "resources", lambda tr: tr._("Rooms, vehicles and budgets (coordinators)")))
async def show_resources(ctx: Context) -> None:
    """List the rooms, vehicles and budgets, with buttons to add, remove and set them."""
    if not ctx.event.is_private:
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: tr._("🏠 Rooms, vehicles and budgets are managed in a private chat. Please open "
                                        "one with me and use /resources."), keyboard)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        found = await resources.catalogue(uow, ctx.clock, ctx.person.telegram_id)
    keyboard = Keyboard.of(
        [Button(ctx.label(lambda tr: tr._("➕ Add a room")), encode(MANAGE, "room")),
         Button(ctx.label(lambda tr: tr._("➕ Add a vehicle")), encode(MANAGE, "veh"))],
        [Button(ctx.label(lambda tr: tr._("💷 Set a budget")), encode(MANAGE, "bud"))],
        [Button(ctx.label(lambda tr: tr._("🗑 Remove a room or vehicle")), encode(MANAGE, "del"))],
    )
    await ctx.reply(text.catalogue_message(found), keyboard)


@router.callback(MANAGE, (one_of("room", "veh", "bud", "del"),), ("rm", ID))
async def manage(ctx: Context) -> None:
    """A button under /resources (checked again: only coordinators manage resources)."""
    assert ctx.callback is not None and ctx.person is not None
    action = (ctx.callback.args or ("",))[0]
    if not ctx.event.is_private:
        raise NotFound(ctx.callback)
    async with ctx.uow() as uow:
        me = await resources.coordinator(uow, ctx.person.telegram_id)
    await ctx.answer()
    if action == "room":
        await ROOM.begin(ctx, "name", {})
    elif action == "veh":
        await VEHICLE.begin(ctx, "name", {})
    elif action == "bud" and len(me.groups) == 1:
        await BUDGET.begin(ctx, "period", {"group": me.groups[0].chat_id, "title": me.groups[0].title})
    elif action == "bud":
        await BUDGET.begin(ctx, "group", {"groups": [[g.chat_id, g.title] for g in me.groups]})
    elif action == "del":
        await _choose_removal(ctx)
    elif action == "rm" and (resource_id := ctx.callback.int_arg(1)) is not None:
        async with ctx.uow() as uow:
            removed = await resources.remove(uow, ctx.clock, ctx.person.telegram_id, resource_id)
        await ctx.edit_keyboard_away()
        name = removed.name
        await ctx.reply(both(
            lambda tr: tr._("🗑 Removed: %(name)s. Its past bookings are kept; nobody can ask for it now.", name=name),
            lambda tr: tr.p_("easy", "🗑 Removed: %(name)s.\n❌ Nobody can ask for it now.", name=name)))


async def _choose_removal(ctx: Context) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        found = await resources.catalogue(uow, ctx.clock, ctx.person.telegram_id)
    rows = [[Button(resource.name, encode(MANAGE, "rm", resource.id))] for resource in found.rooms + found.vehicles]
    if not rows:
        await ctx.reply(both(lambda tr: tr._("There are no rooms or vehicles to remove."),
                             lambda tr: tr.p_("easy", "🏠 There are no rooms or vehicles to remove.")))
        return
    await ctx.reply(both(lambda tr: tr._("🗑 Which one should nobody be able to ask for any more?"),
                         lambda tr: tr.p_("easy", "🗑 Which one do you want to remove?\n👆 Press it.")),
                    Keyboard.of(*rows))


# -- adding a room ---------------------------------------------------------------------------------


async def _room_pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    order = list(steps.ROOM_STEPS)
    following = order[order.index(step) + 1] if step in order[:-1] else "review"
    if value == "skip":
        await ROOM.go(ctx, following, {**data, step: ""})
    elif step == "capacity" and value[1:].isdigit():
        await ROOM.go(ctx, following, {**data, "capacity": int(value[1:])})
    elif step == "features" and value == "done":
        await ctx.edit_keyboard_away()
        await ROOM.go(ctx, following, data)
    elif step == "features" and value in {need.value for need in Access}:
        await ROOM.refresh(ctx, {**data, "features": sorted(set(data.get("features", [])) ^ {value})})
    elif step == "hours" and value == "always":
        await ROOM.go(ctx, following, {**data, "hours": ""})
    elif step == "review" and value == "save":
        await _save_room(ctx, data)


async def _room_typed(ctx: Context, step: str, typed: str, data: Data) -> None:
    order = list(steps.ROOM_STEPS)
    following = order[order.index(step) + 1]
    if step == "capacity":
        await _count(ctx, ROOM, step, following, typed, data)
    elif step == "hours":
        try:
            hours = read_opening_hours(typed)
        except OpeningHoursError:
            await ROOM.ask(ctx, step, data, explain_input("hours"))
            return
        await ROOM.go(ctx, following, {**data, "hours": hours.text()})
    else:
        await _words(ctx, ROOM, step, following, typed, data)


async def _save_room(ctx: Context, data: Data) -> None:
    assert ctx.person is not None
    spec = RoomSpec(data["name"], data.get("address", ""), data.get("capacity"),
                    {Access(need) for need in data.get("features", [])}, data.get("notes", ""),
                    read_opening_hours(data.get("hours", "")))
    async with ctx.uow() as uow:
        room = await resources.add_room(uow, ctx.clock, ctx.person.telegram_id, spec)
    await ROOM.end(ctx)
    await ctx.reply(_saved(room.name))


def _saved(name: str) -> Readable:
    return both(lambda tr: tr._("💾 Saved: %(name)s. Members can ask for it now.", name=name),
                lambda tr: tr.p_("easy", "💾 Saved: %(name)s.\n🙋 Members can ask for it now.", name=name))


# -- adding a vehicle ------------------------------------------------------------------------------


async def _vehicle_pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    order = list(steps.VEHICLE_STEPS)
    following = order[order.index(step) + 1] if step in order[:-1] else "review"
    if step in COUNTS and value[1:].isdigit():
        await VEHICLE.go(ctx, following, {**data, step: int(value[1:])})
    elif step == "driver" and value in ("yes", "no"):
        await VEHICLE.go(ctx, following, {**data, "driver": value == "yes"})
    elif step == "review" and value == "save":
        assert ctx.person is not None
        spec = VehicleSpec(data["name"], data["seats"], data["wheelchair"], bool(data.get("driver")))
        async with ctx.uow() as uow:
            vehicle = await resources.add_vehicle(uow, ctx.clock, ctx.person.telegram_id, spec)
        await VEHICLE.end(ctx)
        await ctx.reply(_saved(vehicle.name))


async def _vehicle_typed(ctx: Context, step: str, typed: str, data: Data) -> None:
    order = list(steps.VEHICLE_STEPS)
    following = order[order.index(step) + 1]
    if step in COUNTS:
        await _count(ctx, VEHICLE, step, following, typed, data)
    else:
        await _words(ctx, VEHICLE, step, following, typed, data)


# -- shared readers --------------------------------------------------------------------------------


async def _count(ctx: Context, guide: Guide, step: str, following: str, typed: str, data: Data) -> None:
    low, high = COUNTS[step]
    reading = read_count(typed, low, high)
    if reading.value is None:
        await guide.ask(ctx, step, data, explain_count(reading.problem, low, high))
        return
    await guide.go(ctx, following, {**data, step: reading.value})


async def _words(ctx: Context, guide: Guide, step: str, following: str, typed: str, data: Data) -> None:
    words, limit = clean_text(typed), LIMITS.get(step, NOTES_MAX)
    if not words or len(words) > limit:
        await guide.ask(ctx, step, data, both(
            lambda tr: tr._("Please write a few words (up to %(limit)s characters).", limit=limit),
            lambda tr: tr.p_("easy", "📝 Please write a few words.\n✂️ Keep it short.")))
        return
    await guide.go(ctx, following, {**data, step: words})


# -- setting a budget ------------------------------------------------------------------------------


async def _budget_pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    if step == "group":
        titles = {str(chat_id): title for chat_id, title in data.get("groups", [])}
        if value in titles:
            await BUDGET.go(ctx, "period", {**data, "group": int(value), "title": titles[value]})
    elif step == "period" and value in set(Period):
        await BUDGET.go(ctx, "amount", {**data, "period": value})


async def _budget_typed(ctx: Context, step: str, typed: str, data: Data) -> None:
    assert ctx.person is not None
    reading = read_money(typed, BUDGET_MAX)
    if step != "amount" or reading.value is None:
        await BUDGET.ask(ctx, "amount", data, explain_money(reading.problem))
        return
    async with ctx.uow() as uow:
        line = await resources.set_budget(uow, ctx.clock, ctx.person.telegram_id, int(data["group"]),
                                          Period(data["period"]), reading.value)
    await BUDGET.end(ctx)
    await ctx.reply(steps.budget_saved(line.group.title, line.budget.amount, line.left))


_expired = both(lambda tr: tr._("This has expired or was cancelled. Use /resources to start again."),
                lambda tr: tr.p_("easy", "⌛ This has stopped.\n🏠 Use /resources to start again."))


ROOM = Guide(steps.ROOM_FLOW, steps.ROOM_BUTTON, steps.ROOM_STEPS, _room_pressed, _expired, _room_typed)
VEHICLE = Guide(steps.VEHICLE_FLOW, steps.VEHICLE_BUTTON, steps.VEHICLE_STEPS, _vehicle_pressed, _expired,
                _vehicle_typed)
BUDGET = Guide(steps.BUDGET_FLOW, steps.BUDGET_BUTTON, steps.BUDGET_STEPS, _budget_pressed, _expired, _budget_typed)
for _guide in (ROOM, VEHICLE, BUDGET):
    _guide.register(router)
