"""/report /adroddiad: evidence for funders, for coordinators, in a private chat: a short bilingual
summary, the evidence report (a PDF and a CSV per table: what members did, decided, used and gave), a CSV of
confirmed contributions and a PNG chart of hours per month, in Welsh or English. A coordinator of several
groups may choose all the organisation's groups at once (numbers only, small ones hidden).

```mermaid
stateDiagram-v2
    [*] --> group: several groups coordinated
    [*] --> period
    group --> period: one group, or all of them
    period --> language: a button, or two dates typed
    language --> [*]: Cymraeg / English (the summary, the PDF and its CSVs, then the two files)
```
"""

from __future__ import annotations

import asyncio
from datetime import date
from zoneinfo import ZoneInfo

from bot.chat.actions import SendDocument, SendMessage
from bot.chat.context import Context
from bot.chat.router import CommandInfo, Router
from bot.domain.contributions import read_period
from bot.domain.credits import PERIODS, report_period
from bot.domain.language import BOTH
from bot.i18n.durations import hours_text
from bot.i18n.easy import Readable, both
from bot.i18n.markup import Markup, escape, one_per_line
from bot.i18n.translator import Tr, render_in
from bot.reports.evidence import evidence
from bot.reports.evidence_files import evidence_files
from bot.reports.summary import summary
from bot.services import credit_reports, credits, evidence_report
from bot.services.credit_reports import Report
from bot.services.errors import InvalidContribution
from handlers.evidence_text import worded
from handlers.guided import Data, Guide, Rows, Step, steps
from handlers.links import PRESS_START, open_private_keyboard
from handlers.transfers import COORDINATORS_ONLY

router = Router(name=__name__)


@router.command("report", "adroddiad",
                menu=CommandInfo("adroddiad", "report", lambda tr: tr._("Coordinators: a report for funders")))
async def report(ctx: Context) -> None:
    """Start a report in private, for a group the person coordinates."""
    if not ctx.event.is_private:
        keyboard = open_private_keyboard(ctx.label(PRESS_START), ctx.platform.bot_username, ctx.event.chat_id)
        await ctx.reply(lambda tr: tr._("📊 Reports are made in a private chat. Please open one with me and use "
                                        "/report."), keyboard)
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        groups = await credits.groups_of(uow, ctx.person.telegram_id, coordinating=True)
    if not groups:
        await ctx.reply(COORDINATORS_ONLY)
        return
    data: Data = {"groups": [[group.chat_id, group.title, group.timezone] for group in groups]}
    if len(groups) == 1:
        await GUIDE.begin(ctx, "period", _chosen(ctx, data, groups[0].chat_id))
    else:
        await GUIDE.begin(ctx, "group", data)


def _chosen(ctx: Context, data: Data, chat_id: int, *, everyone: bool = False) -> Data:
    zone = next(ZoneInfo(tz) for chat, _, tz in data["groups"] if chat == chat_id)
    return {**data, "group": chat_id, "all": everyone, "today": ctx.clock.now().astimezone(zone).date().isoformat()}


def _group_buttons(tr: Tr, data: Data) -> Rows:
    return [*([(title, str(chat))] for chat, title, _ in data["groups"]), [(tr._("🌐 All our groups"), "all")]]


def _period_label(tr: Tr, name: str) -> Markup:
    return {"this_month": tr._("This month"), "last_month": tr._("Last month"),
            "last_3_months": tr._("The last 3 months"), "this_year": tr._("This year")}[name]


def _period_buttons(tr: Tr, data: Data) -> Rows:
    return [[(_period_label(tr, name), name)] for name in PERIODS]


STEPS = steps(
    Step("group", lambda tr, d: tr._("👥 Which group is the report for?"),
         lambda tr, d: tr.p_("easy", "👥 Which group is the report for?\n👆 Press the group."),
         _group_buttons),
    Step("period", lambda tr, d: tr._("📅 Which period? Choose one, or type two dates, for example 1 September - "
                                      "30 November."),
         lambda tr, d: tr.p_("easy", "📅 Which months?\n👆 Press one."), _period_buttons, typed=True),
    # Language names are written in their own language, Welsh first.
    Step("language", lambda tr, d: tr._("🗣 Which language for the spreadsheet and the chart?"),
         lambda tr, d: tr.p_("easy", "🗣 Which language for the files?\n👆 Press one."),
         lambda tr, d: [[("Cymraeg", "cy"), ("English", "en")]]),
)


async def _pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    """A group, a period or a language chosen."""
    if step == "group" and value.lstrip("-").isdigit() and any(str(c) == value for c, _, _ in data["groups"]):
        await GUIDE.go(ctx, "period", _chosen(ctx, data, int(value)))
    elif step == "group" and value == "all":  # any group of theirs stands for the organisation
        await GUIDE.go(ctx, "period", _chosen(ctx, data, data["groups"][0][0], everyone=True))
    elif step == "period" and value in PERIODS:
        start, end = report_period(value, date.fromisoformat(data["today"]))
        await GUIDE.go(ctx, "language", {**data, "start": start.isoformat(), "end": end.isoformat()})
    elif step == "language" and value in ("cy", "en"):
        await GUIDE.end(ctx)
        await _send(ctx, data, value)


async def _typed(ctx: Context, step: str, typed: str, data: Data) -> None:
    """Two dates typed as the period."""
    period = read_period(typed, date.fromisoformat(data["today"]))
    if period is None:
        await GUIDE.ask(ctx, step, data, both(
            lambda tr: tr._("📅 Sorry, I couldn't read those dates. Try 1 September - 30 November, or choose a "
                            "period."),
            lambda tr: tr.p_("easy", "📅 Sorry, I could not read those dates.\n👆 Please press one.")))
        return
    await GUIDE.go(ctx, "language", {**data, "start": period[0].isoformat(), "end": period[1].isoformat()})


async def _send(ctx: Context, data: Data, language: str) -> None:
    """The summary (Welsh first, then English), the evidence report's files, and for one group the
    contributions' CSV and chart, in the chosen language."""
    assert ctx.person is not None
    start, end = date.fromisoformat(data["start"]), date.fromisoformat(data["end"])
    try:
        async with ctx.uow() as uow:
            found = await credit_reports.for_coordinator(uow, ctx.person.telegram_id, int(data["group"]), start, end)
            figures = await evidence_report.for_coordinator(uow, ctx.person.telegram_id, int(data["group"]), start,
                                                            end, ctx.clock.now(), organisation=bool(data.get("all")))
    except InvalidContribution:
        await ctx.reply(both(
            lambda tr: tr._("📅 A report can cover up to three years. Please choose a shorter period."),
            lambda tr: tr.p_("easy", "📅 That is too long.\n📊 A report can be 3 years or less.")))
        return
    chat = ctx.event.chat_id
    if figures.organisation:  # one group's hours would mislead here: the files say it all
        await ctx.reply(both(lambda tr: tr._("📊 The report for all your groups is below."),
                             lambda tr: one_per_line([tr.p_("easy", "📊 Your report is ready."),
                                                       tr.p_("easy", "📄 The files are below.")])))
    elif ctx.easy_read:  # the summary in their one language, in Easy Read (funders get the bilingual one)
        await ctx.reply(_easy_summary(found))
    else:
        text = render_in(BOTH, lambda tr: Markup("📊 ") + escape(summary(tr, found)))
        await ctx.outbound.send(SendMessage(chat, text))
    tr = Tr(language)
    stem = f"criw-{'evidence' if figures.organisation else 'group'}-{start.isoformat()}-{end.isoformat()}-{language}"
    for name, content in await asyncio.to_thread(evidence_files, worded(tr, figures), stem):
        caption = tr._("📕 The evidence report: what members did, decided, used and gave. Numbers only; it says "
                       "what it leaves out.") if name.endswith(".pdf") else tr._("📄 One of the report's tables.")
        await ctx.platform.perform(SendDocument(chat, name, content, caption))
    if figures.organisation:
        return
    files = await asyncio.to_thread(evidence, found, language)
    await ctx.platform.perform(SendDocument(chat, files.csv_name, files.csv, tr._(
        "📄 Confirmed contributions, one a row. Names only for members who agreed.")))
    await ctx.platform.perform(SendDocument(chat, files.chart_name, files.chart, tr._(
        "📊 Hours given per month, by what people did.")))


def _easy_summary(found: Report) -> Readable:
    totals = found.totals
    return both(lambda tr: Markup("📊 ") + escape(summary(tr, found)), lambda tr: one_per_line([
        tr.p_("easy", "📊 Your report is ready."),
        tr.p_("easy", "🕒 Time given: %(hours)s", hours=hours_text(tr, totals.quarters)),
        tr.p_("easy", "👥 People who gave time: %(n)s", n=totals.members),
        tr.p_("easy", "📄 The files are below.")]))


GUIDE = Guide("report", "crp", STEPS, _pressed, on_text=_typed,
              expired=both(lambda tr: tr._("This has expired or was cancelled. Use /report to start again."),
                           lambda tr: tr.p_("easy", "⌛ This has stopped.\n📊 Use /report to start again.")))
GUIDE.register(router)

