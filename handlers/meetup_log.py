"""A coordinator logs everyone's time at a meet-up at once (from /log: "👥 Everyone at a meet-up").

```mermaid
stateDiagram-v2
    [*] --> meetup: choose a recent meet-up
    meetup --> people: everyone who was there is ticked, with a role and suggested hours
    people --> people: tick / untick someone, change their role, all ±30 minutes
    people --> [*]: Log (each entry is confirmed at once; each member is told)
```
"""

from __future__ import annotations

from datetime import timedelta

from bot.chat.context import Context
from bot.chat.router import Router
from bot.domain.contributions import ROLE_CATEGORY, Role, suggested_quarters
from bot.domain.hours import DAY_LIMIT
from bot.i18n.durations import hours_text
from bot.i18n.easy import both
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Tr
from bot.reports.labels import category_label
from bot.services import contributions, credits
from bot.services import meetup_log as service
from bot.services.contributions import local_day
from bot.services.errors import InvalidContribution
from handlers import credit_text as text
from handlers.guided import Data, Guide, Rows, Step, steps
from handlers.log_problems import explain

router = Router(name=__name__)
ROLES = [Role.ATTENDED, Role.DRIVER, Role.ORGANISER, Role.LEADER]  # the order 🔁 goes through
STEP_MINUTES = 2  # quarters: "all ±30 minutes"


async def choose_meetup(ctx: Context, chat_id: int) -> None:
    """Offer the group's recent meet-ups (the coordinator's role is checked again with the roster)."""
    async with ctx.uow() as uow:
        group = await uow.groups.by_chat(chat_id)
        meetups = await contributions.recent_meetups(uow, ctx.clock, chat_id)
    assert group is not None
    listed = [[m.id, m.title, local_day(group, m.starts_at).strftime("%d.%m")] for m in meetups[:8]]
    await GUIDE.begin(ctx, "meetup", {"group": chat_id, "meetups": listed})


def _meetup_buttons(tr: Tr, data: Data) -> Rows:
    return [[(f"{title} · {day}", str(meetup_id))] for meetup_id, title, day in data["meetups"]]


def _line(tr: Tr, row: list) -> Markup:  # type: ignore[type-arg]
    _, name, role, quarters, ticked = row
    mark = "✅" if ticked else "⬜"
    what = category_label(tr, ROLE_CATEGORY[Role(role)])
    return Markup("{} {} · {} · {}").format(mark, name, what, hours_text(tr, quarters))


def _people_prompt(tr: Tr, data: Data) -> Markup:
    lines = [tr._("👥 %(title)s: who gave time, and how long?", title=data["title"]),
             tr._("Tap a name to tick or untick it, and 🔁 to change what they did. Each entry is confirmed by you "
                  "as it is logged. Log your own time with /log, for someone else to confirm.")]
    return one_per_line([*lines, "", *(_line(tr, row) for row in data["roster"])])


def _easy_people_prompt(tr: Tr, data: Data) -> Markup:
    lines = [tr.p_("easy", "👥 %(title)s: who gave time?", title=data["title"]),
             tr.p_("easy", "👆 Tap a name to tick it.\n🔁 Tap 🔁 to change what they did.\n✅ Then tap Log.")]
    return one_per_line([*lines, "", *(_line(tr, row) for row in data["roster"])])


def _people_buttons(tr: Tr, data: Data) -> Rows:
    rows: Rows = [[(("✅ " if ticked else "⬜ ") + name, f"t{pid}"),
                   ("🔁 " + category_label(tr, ROLE_CATEGORY[Role(role)]), f"r{pid}")]
                  for pid, name, role, _quarters, ticked in data["roster"]]
    rows.append([(tr._("➖ 30 minutes each"), "minus"), (tr._("➕ 30 minutes each"), "plus")])
    ticked = sum(1 for row in data["roster"] if row[4])
    if ticked:
        rows.append([(tr.n_("✅ Log for %(n)s person", "✅ Log for %(n)s people", ticked), "save")])
    return rows


async def _pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    """A meet-up chosen, or a tick, a role, a change of hours, or Log."""
    if step == "meetup" and value.isdigit():
        await _show_roster(ctx, int(value), data)
    elif step == "people" and value == "save":
        await _save(ctx, data)
    elif step == "people":
        await GUIDE.refresh(ctx, {**data, "roster": _changed(data, value)})


async def _show_roster(ctx: Context, meetup_id: int, data: Data) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        roster = await service.roster(uow, ctx.clock, ctx.person.telegram_id, meetup_id)
    if not roster.lines:
        await GUIDE.end(ctx)
        await ctx.reply(both(lambda tr: tr._("👥 Everyone at this meet-up has their time logged already."),
                             lambda tr: tr.p_("easy", "👥 Everyone at this meet-up has their time saved already.")))
        return
    lines = [[line.person.id, line.person.display_name, line.role.value, line.quarters, line.ticked]
             for line in roster.lines]
    length = int(roster.length / timedelta(minutes=15))
    await GUIDE.go(ctx, "people", {**data, "meetup": meetup_id, "title": roster.meetup.title, "length": length,
                                   "roster": lines})


def _changed(data: Data, value: str) -> list:  # type: ignore[type-arg]
    roster = [list(row) for row in data["roster"]]
    for row in roster:
        if value == f"t{row[0]}":
            row[4] = not row[4]
        elif value == f"r{row[0]}":
            row[2] = ROLES[(ROLES.index(Role(row[2])) + 1) % len(ROLES)].value
            row[3] = suggested_quarters(timedelta(minutes=15 * int(data["length"])), Role(row[2]))
        elif value in ("plus", "minus"):
            row[3] = min(DAY_LIMIT, max(1, row[3] + (STEP_MINUTES if value == "plus" else -STEP_MINUTES)))
    return roster


async def _save(ctx: Context, data: Data) -> None:
    """Log and confirm the ticked entries, and tell each member privately."""
    assert ctx.person is not None
    entries = [service.BulkEntry(pid, Role(role), quarters) for pid, _, role, quarters, ticked in data["roster"]
               if ticked]
    try:
        async with ctx.uow() as uow:
            views = await service.log_for_meetup(uow, ctx.clock, ctx.person.telegram_id, int(data["meetup"]), entries)
    except InvalidContribution as invalid:
        await GUIDE.ask(ctx, "people", data, explain(invalid.problem))
        return
    await GUIDE.end(ctx)
    logged = one_per_line(Markup("• {}").format(view.person.display_name) for view in views)
    await ctx.reply(both(
        lambda tr: tr.n_("✅ Logged and confirmed for %(n)s person:", "✅ Logged and confirmed for %(n)s "
                         "people:", len(views)) + "\n" + logged,
        lambda tr: tr.p_("easy", "✅ Saved. Time credits given to:") + "\n" + logged))
    for view in views:
        async with ctx.uow() as uow:
            balance = await credits.balance_of(uow, view.contribution.person_id)
        await ctx.send_private(view.person, text.confirmed_for_member(view, balance))


GUIDE = Guide(
    "logall", "crm",
    steps(Step("meetup", lambda tr, d: tr._("📍 Which meet-up are you logging for?"),
               lambda tr, d: tr.p_("easy", "📍 Which meet-up is it?\n👆 Press the meet-up."), _meetup_buttons),
          Step("people", _people_prompt, _easy_people_prompt, _people_buttons, stays=True)),
    _pressed, expired=both(lambda tr: tr._("This has expired or was cancelled. Use /log to start again."),
                           lambda tr: tr.p_("easy", "⌛ This has stopped.\n🕒 Use /log to start again.")),
)
GUIDE.register(router)
