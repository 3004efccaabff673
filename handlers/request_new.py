"""Asking for a room, transport or money: a guided private conversation (➕ New request under /requests).

```mermaid
stateDiagram-v2
    [*] --> group: when you are in several groups
    [*] --> kind
    group --> kind
    kind --> meetup: the group has meet-ups coming up
    kind --> resource: a room or transport
    kind --> amount: money
    meetup --> resource: a room or transport (the meet-up gives the time)
    meetup --> amount: money
    resource --> day: not for a meet-up
    day --> time: a day without a time
    day --> end: a typed date and time
    time --> end
    resource --> people: a room
    end --> people: a room
    people --> access
    access --> note
    resource --> seats: transport
    end --> seats: transport
    seats --> wheelchair
    wheelchair --> pickups: not for a meet-up (a meet-up's riders give their own)
    wheelchair --> note
    pickups --> note
    amount --> note
    note --> review
    review --> [*]: Send (the coordinators get the request with its checks)
```
Every question has Back and Cancel; everything is checked again by the service when it is sent.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bot.chat.context import Context
from bot.domain.bookings import Access, Kind
from bot.domain.dates import local_to_utc, parse_time, read_when
from bot.domain.proposals import clean_text
from bot.domain.resources import (
    CAPACITY_MAX,
    MONEY_MAX,
    NOTE_MAX,
    PICKUPS_MAX,
    SEATS_MAX,
    WHEELCHAIR_MAX,
    RequestDraft,
    check_times,
    read_count,
    read_money,
)
from bot.i18n.easy import both
from bot.services import requests
from bot.services.errors import InvalidRequest
from handlers.guided import Data, Guide
from handlers.log_problems import NO_GROUP_YET
from handlers.propose_problems import explain_date_problem
from handlers.request_post import send_new
from handlers.request_problems import explain_count, explain_input, explain_money, explain_request_problem
from handlers.request_steps import BUTTON, FLOW, STEPS, after, sequence, zone

COUNTS = {"people": (1, CAPACITY_MAX), "seats": (1, SEATS_MAX), "wheelchair": (0, WHEELCHAIR_MAX)}
BACK_TO = {"end_before_start": "end", "too_long": "end", "past": "day", "people": "people", "seats": "seats",
           "wheelchair": "wheelchair", "amount": "amount", "gone": "resource", "meetup": "meetup"}


async def start(ctx: Context) -> None:
    """Begin a new request (in private), choosing the group first when the person is in several."""
    assert ctx.person is not None and ctx.person.id is not None
    async with ctx.uow() as uow:
        groups = await uow.memberships.groups_of(ctx.person.id)
    if not groups:
        await ctx.reply(NO_GROUP_YET)
    elif len(groups) == 1:
        await GUIDE.begin(ctx, "kind", await _group_data(ctx, groups[0].chat_id))
    else:
        await GUIDE.begin(ctx, "group", {"groups": [[group.chat_id, group.title] for group in groups]})


async def _group_data(ctx: Context, chat_id: int) -> Data:
    async with ctx.uow() as uow:
        group = await uow.groups.by_chat(chat_id)
        coming = await requests.upcoming_meetups(uow, ctx.clock, chat_id)
    assert group is not None
    tz = group.timezone
    today = ctx.clock.now().astimezone(zone({"tz": tz})).date()
    return {"group": chat_id, "tz": tz, "today": today.isoformat(),
            "meetups": [[m.id, m.title, m.starts_at.isoformat()] for m in coming]}


async def _pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    """A button on one of the questions."""
    if step == "group" and value.lstrip("-").isdigit():
        await GUIDE.go(ctx, "kind", {**data, **await _group_data(ctx, int(value))})
    elif step == "kind" and value in set(Kind):
        await _choose_kind(ctx, Kind(value), data)
    elif step == "meetup":
        chosen = [m for m in data.get("meetups", []) if str(m[0]) == value]
        picked = {"meetup": chosen[0][0], "meetup_title": chosen[0][1]} if chosen else {"meetup": None,
                                                                                         "meetup_title": ""}
        await _next(ctx, step, {**data, **picked})
    elif step == "resource":
        names = {str(resource_id): name for resource_id, name in data.get("resources", [])}
        picked = {"resource": int(value), "resource_name": names[value]} if value in names else {
            "resource": None, "resource_name": ""}
        await _next(ctx, step, {**data, **picked})
    elif step == "day":
        await GUIDE.go(ctx, "time", {**data, "day": value})
    elif step == "time":
        hour, _, minute = value.partition(".")
        await _choose_start(ctx, (int(hour), int(minute)) if hour.isdigit() and minute.isdigit() else None, data)
    elif step == "end" and value[1:].isdigit():
        start = datetime.fromisoformat(data["start"])
        await _choose_end(ctx, start + timedelta(hours=int(value[1:])), data)
    elif step in COUNTS and value[1:].isdigit():
        await _next(ctx, step, {**data, step: int(value[1:])})
    elif step == "access":
        await _tick(ctx, value, data)
    elif step in ("note", "pickups") and value == "skip":
        await _skip(ctx, step, data)
    elif step == "review" and value == "send":
        await _send(ctx, data)


async def _choose_kind(ctx: Context, kind: Kind, data: Data) -> None:
    resources = []
    if kind is not Kind.MONEY:
        async with ctx.uow() as uow:
            resources = [[r.id, r.name] for r in await requests.choices(uow, int(data["group"]), kind)]
    fresh = {key: value for key, value in data.items() if key in ("group", "groups", "tz", "today", "meetups")}
    await _next(ctx, "kind", {**fresh, "kind": kind.value, "resources": resources})


async def _next(ctx: Context, step: str, data: Data) -> None:
    await GUIDE.go(ctx, after(data, step), data)


async def _tick(ctx: Context, value: str, data: Data) -> None:
    if value == "done":
        await ctx.edit_keyboard_away()
        await _next(ctx, "access", data)
    elif value in {need.value for need in Access}:
        await GUIDE.refresh(ctx, {**data, "access": sorted(set(data.get("access", [])) ^ {value})})


async def _skip(ctx: Context, step: str, data: Data) -> None:
    if step == "note" and data.get("kind") == Kind.MONEY:
        await GUIDE.ask(ctx, step, data, both(lambda tr: tr._("That was empty. Please write a few words."),
                                              lambda tr: tr.p_("easy", "📝 Please write a few words about it.")))
        return
    await _next(ctx, step, {**data, step: ""})


async def _typed(ctx: Context, step: str, typed: str, data: Data) -> None:
    """A typed answer: a date, a time, a number, an amount, or a few words."""
    if step == "day":
        reading = read_when(typed, ctx.clock.now(), zone(data))
        if reading.problem or reading.moment is None:
            await GUIDE.ask(ctx, step, data, explain_date_problem(reading.problem))
        elif reading.has_time:
            await GUIDE.go(ctx, "end", {**data, "start": reading.moment.isoformat()})
        else:
            await GUIDE.go(ctx, "time", {**data, "day": reading.moment.astimezone(zone(data)).date().isoformat()})
    elif step == "time":
        await _choose_start(ctx, parse_time(typed), data)
    elif step == "end":
        await _read_end(ctx, typed, data)
    elif step in COUNTS:
        low, high = COUNTS[step]
        count = read_count(typed, low, high)
        if count.value is None:
            await GUIDE.ask(ctx, step, data, explain_count(count.problem, low, high))
            return
        await _next(ctx, step, {**data, step: count.value})
    elif step == "amount":
        money = read_money(typed, MONEY_MAX)
        if money.value is None:
            await GUIDE.ask(ctx, step, data, explain_money(money.problem))
            return
        await _next(ctx, step, {**data, "amount": money.value})
    else:
        await _words(ctx, step, clean_text(typed), data)


async def _words(ctx: Context, step: str, words: str, data: Data) -> None:
    limit = PICKUPS_MAX if step == "pickups" else NOTE_MAX
    if not words or len(words) > limit:
        await GUIDE.ask(ctx, step, data, explain_input("note"))
        return
    await _next(ctx, step, {**data, step: words})


async def _choose_start(ctx: Context, hour_minute: tuple[int, int] | None, data: Data) -> None:
    if hour_minute is None or not data.get("day"):
        await GUIDE.ask(ctx, "time", data, both(
            lambda tr: tr._("Sorry, I couldn't read that time. Try 14:30, or choose one."),
            lambda tr: tr.p_("easy", "🕑 Sorry, I could not read that time.\n👆 Please press a time.")))
        return
    moment = local_to_utc(date.fromisoformat(data["day"]), time(*hour_minute), zone(data))
    if moment <= ctx.clock.now():
        await GUIDE.ask(ctx, "time", data, explain_date_problem("past"))
        return
    await GUIDE.go(ctx, "end", {**data, "start": moment.isoformat()})


async def _read_end(ctx: Context, typed: str, data: Data) -> None:
    """The end as a time on the starting day ("16:30"), or a full date and time past midnight."""
    start = datetime.fromisoformat(data["start"])
    hour_minute = parse_time(typed)
    if hour_minute is not None:
        end = local_to_utc(start.astimezone(zone(data)).date(), time(*hour_minute), zone(data))
    else:
        reading = read_when(typed, ctx.clock.now(), zone(data))
        if reading.moment is None or not reading.has_time:
            await GUIDE.ask(ctx, "end", data, both(
                lambda tr: tr._("Sorry, I couldn't read that time. Try 16:30."),
                lambda tr: tr.p_("easy", "🕑 Sorry, I could not read that time.\n👆 Please press how long.")))
            return
        end = reading.moment
    await _choose_end(ctx, end, data)


async def _choose_end(ctx: Context, end: datetime, data: Data) -> None:
    problem = check_times(datetime.fromisoformat(data["start"]), end)
    if problem is not None:
        await GUIDE.ask(ctx, "end", data, explain_input(problem.value))
        return
    await _next(ctx, "end", {**data, "end": end.isoformat()})


def draft_of(data: Data) -> RequestDraft:
    return RequestDraft(
        int(data["group"]), data["kind"], meetup_id=data.get("meetup"), resource_id=data.get("resource"),
        starts_at=datetime.fromisoformat(data["start"]) if data.get("start") else None,
        ends_at=datetime.fromisoformat(data["end"]) if data.get("end") else None,
        people=int(data.get("people", 0)), seats=int(data.get("seats", 0)),
        wheelchair_spaces=int(data.get("wheelchair", 0)), amount=int(data.get("amount", 0)),
        access=list(data.get("access", [])), pickups=data.get("pickups", ""), note=data.get("note", ""))


async def _send(ctx: Context, data: Data) -> None:
    """Store the request (checked again), end the conversation, and show it to the coordinators."""
    assert ctx.person is not None
    try:
        async with ctx.uow() as uow:
            view = await requests.create(uow, ctx.clock, ctx.person.telegram_id, draft_of(data))
    except InvalidRequest as invalid:
        back = BACK_TO.get(invalid.problem, "review")
        await GUIDE.go(ctx, back if back in sequence(data) else "review", data,
                       problem=explain_request_problem(invalid))
        return
    await GUIDE.end(ctx)
    shown = await send_new(ctx.outbound, ctx.uow, ctx.clock, view.id)
    await ctx.reply(both(
        lambda tr: tr._("📨 Sent to the coordinators. I'll tell you their answer here.") if shown
        else tr._("📨 Saved. No coordinator can be reached privately yet; they will see it in /requests."),
        lambda tr: tr.p_("easy", "📨 Sent to the coordinators.\n⏳ I will tell you their answer here.") if shown
        else tr.p_("easy", "📨 Saved.\n🧑‍💼 The coordinators will see it.\n⏳ I will tell you their answer here.")))


GUIDE = Guide(FLOW, BUTTON, STEPS, _pressed, on_text=_typed,
              expired=both(lambda tr: tr._("This has expired or was cancelled. Use /requests to start again."),
                           lambda tr: tr.p_("easy", "⌛ This has stopped.\n🧾 Use /requests to start again.")))
