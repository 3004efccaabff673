"""/credits /credydau: in private, my time credits, my latest entries, my record to download and my
public-thanks choice; in a group, what the group gave lately, naming only those who agreed."""

from __future__ import annotations

from bot.chat.actions import SendDocument
from bot.chat.callbacks import ON_OFF, encode, one_of
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.router import CommandInfo, Router
from bot.i18n.durations import hours_text
from bot.i18n.easy import both
from bot.i18n.markup import Markup
from bot.i18n.translator import Tr
from bot.reports.contributions_csv import record_csv
from bot.reports.labels import day_label
from bot.services import credit_reports, credits
from bot.services.credits import GroupThanks, Statement
from bot.services.errors import NotFound
from handlers import credit_text as text
from handlers import transfers

router = Router(name=__name__)
ACTION = "crk"


@router.command("credits", "credydau",
                menu=CommandInfo("credydau", "credits", lambda tr: tr._("Your time credits")))
async def show_credits(ctx: Context) -> None:
    """My balance and latest entries in private; the group's totals in a group."""
    if not ctx.event.is_private:
        async with ctx.uow() as uow:
            thanks = await credits.group_thanks(uow, ctx.clock, ctx.event.chat_id)
        if thanks is not None:
            await ctx.reply(lambda tr: group_text(tr, thanks))
        return
    assert ctx.person is not None
    async with ctx.uow() as uow:
        state = await credits.statement(uow, ctx.person.telegram_id)
    await ctx.reply(text.statement_message(state), _keyboard(ctx, state))


def _keyboard(ctx: Context, state: Statement) -> Keyboard:
    thanks = (ctx.label(lambda tr: tr._("🙈 Stop showing my name")), encode(ACTION, "thanks", "0")) \
        if state.public_thanks else (ctx.label(lambda tr: tr._("🙌 Show my name when thanking people")),
                                     encode(ACTION, "thanks", "1"))
    return Keyboard.column(
        Button(ctx.label(lambda tr: tr._("🎁 Give time credits")), encode(ACTION, "gift")),
        Button(ctx.label(lambda tr: tr._("📄 Download my record")), encode(ACTION, "record")),
        Button(*thanks),
    )


def group_text(tr: Tr, thanks: GroupThanks) -> Markup:
    since = day_label(tr, thanks.since)
    totals = thanks.totals
    if not totals.quarters:
        return tr._("🙌 No time given has been confirmed since %(since)s yet. Use /log in a private chat to "
                    "record yours.", since=since)
    # Translators: since is a date; members, hours and activities are counted phrases ("12 members").
    head = tr._("🙌 Since %(since)s, %(members)s gave %(hours)s across %(activities)s.", since=since,
                members=tr.n_("%(n)s member", "%(n)s members", totals.members),
                hours=hours_text(tr, totals.quarters),
                activities=tr.n_("%(n)s activity", "%(n)s activities", totals.activities))
    if thanks.names:
        # Translators: names is a list of people's names separated by commas.
        return head + "\n" + tr._("Thank you, %(names)s, and everyone else who gave their time!",
                                  names=", ".join(thanks.names))
    return head + "\n" + tr._("Thank you to everyone who gave their time!")


@router.callback(ACTION, ("thanks", ON_OFF), (one_of("gift", "record"),))
async def credits_button(ctx: Context) -> None:
    """Give, download my record, or change my public-thanks choice (private chat only)."""
    assert ctx.callback is not None and ctx.person is not None
    action, value = ((*ctx.callback.args, "", ""))[:2]
    if not ctx.event.is_private:
        raise NotFound(ctx.callback)
    if action == "gift":
        await ctx.answer()
        await transfers.begin(ctx, transfers.GIFT)
    elif action == "record":
        await ctx.answer()
        await _send_record(ctx)
    elif action == "thanks" and value in ("0", "1"):
        async with ctx.uow() as uow:
            await credits.set_public_thanks(uow, ctx.person.telegram_id, value == "1")
            state = await credits.statement(uow, ctx.person.telegram_id)
        await ctx.answer(both(
            lambda tr: tr._("🙌 Your name can be shown when thanking people.") if state.public_thanks
            else tr._("🙈 Your name won't be shown. The group still sees totals."),
            lambda tr: tr.p_("easy", "🙌 Done. Your name can be shown when the group says thank you.")
            if state.public_thanks else tr.p_("easy", "🙈 Done. Your name will not be shown.")))
        await ctx.edit(text.statement_message(state), _keyboard(ctx, state))


async def _send_record(ctx: Context) -> None:
    """My own record as a CSV, in my language."""
    assert ctx.person is not None
    async with ctx.uow() as uow:
        record = await credit_reports.my_record(uow, ctx.person.telegram_id)
    tr = ctx.tr
    name = f"criw-{ctx.clock.now().date().isoformat()}-{tr.language}.csv"
    await ctx.platform.perform(SendDocument(ctx.event.chat_id, name, record_csv(tr, record),
                                            tr._("📄 Your record: everything you've logged, given and received.")))
