"""/help /cymorth: what Criw can do, in the person's language (in a group: both, Welsh first)."""

from __future__ import annotations

from bot.chat.context import Context
from bot.chat.router import CommandInfo, Router
from bot.i18n.easy import both
from bot.i18n.markup import BLANK, Markup, one_per_line
from bot.i18n.translator import Tr
from handlers.links import PRESS_START, open_private_keyboard

router = Router(name=__name__)


def help_text(tr: Tr, *, private: bool) -> Markup:
    lines = [
        tr._("ℹ️ Criw helps your group decide what to do together, and makes it happen."),
        tr._("Members suggest activities and vote on them. Coordinators help with rooms, transport and money."),
        BLANK,
        tr._("/propose – suggest an activity for your group (Welsh: /cynnig)"),
        tr._("/votes – open votes, and how you voted (Welsh: /pleidleisiau)"),
        tr._("/upcoming – meet-ups coming up, and who's going (Welsh: /i_ddod)"),
        tr._("/next – the next meet-up, and how to get there (Welsh: /nesaf)"),
        tr._("/calendar – put your meet-ups in your phone's calendar (Welsh: /calendr)"),
        tr._("/help – what I can do (Welsh: /cymorth)"),
        tr._("/settings – your language, Easy Read and reminders (Welsh: /gosodiadau)"),
        tr._("/language – choose Cymraeg or English (Welsh: /iaith)"),
        tr._("/needhelp – ask a coordinator to get in touch with you (Welsh: /angen_help)"),
        tr._("/schedule – this week's meet-ups as a page to print (Welsh: /amserlen)"),
        tr._("/log – record time you gave, for someone to confirm (Welsh: /cofnodi)"),
        tr._("/credits – your time credits, and giving some to others (Welsh: /credydau)"),
        tr._("/requests – ask for a room, transport or money, and see your requests (Welsh: /ceisiadau)"),
        tr._("/access – what you need from a room or vehicle, privately (Welsh: /mynediad)"),
        tr._("/support – where to get help now: Samaritans and other helplines (Welsh: /cefnogaeth)"),
        tr._("/mydata – everything I hold about you; /forgetme – have it erased (Welsh: /fy_nata, /anghofio)"),
    ]
    lines.append(tr._("/newmeetup – coordinators: put a meet-up on the calendar (Welsh: /cyfarfod_newydd)"))
    lines.append(tr._("/report – coordinators: a report for funders, with a chart (Welsh: /adroddiad)"))
    lines.append(tr._("/spend, /adjust – coordinators: record credits spent, or correct them (Welsh: /gwario, "
                      "/addasu)"))
    lines.append(tr._("/resources – coordinators: rooms, vehicles and budgets (Welsh: /adnoddau)"))
    if not private:
        lines.append(tr._("/coordinator – reply to someone's message to make them a coordinator (Welsh: /cydlynydd)"))
    return one_per_line(lines)


def easy_help_text(tr: Tr) -> Markup:
    """What Criw can do, in Easy Read (the commands in the reader's own language)."""
    return tr.p_("easy", "ℹ️ I help your group choose what to do.\n✍️ /propose: suggest an idea.\n"
                       "🗳️ /votes: see the votes.\n🆘 /needhelp: ask for help.\n⚙️ /settings: change how I talk to you.")


def about(tr: Tr) -> Markup:
    """The bot's description shown before anyone presses Start."""
    return tr._(
        "Criw helps member-led peer-support groups decide what to do together: suggest activities, vote, "
        "and get reminders. Cymraeg and English."
    )


def short_about(tr: Tr) -> Markup:
    return tr._("Your group decides together, in Welsh or English.")


@router.command("help", "cymorth", menu=CommandInfo("cymorth", "help", lambda tr: tr._("What I can do")))
async def show_help(ctx: Context) -> None:
    """List what the bot can do."""
    private = ctx.event.is_private
    keyboard = None
    if not private:
        label = ctx.label(PRESS_START)
        keyboard = open_private_keyboard(label, ctx.platform.bot_username, ctx.event.chat_id)
    await ctx.reply(both(lambda tr: help_text(tr, private=private), easy_help_text), keyboard)
