"""What /help says: short for members, everything else on request, coordinators' commands apart."""

from __future__ import annotations

from bot.i18n.markup import BLANK, Markup, one_per_line
from bot.i18n.translator import Tr


def help_text(tr: Tr, *, private: bool) -> Markup:
    """What most members need, short: the buttons under it (in private) do the rest."""
    lines = [
        tr._("ℹ️ Criw helps your group decide what to do together, and makes it happen."),
        tr._("Members suggest activities and vote on them. Coordinators help with rooms, transport and money."),
        BLANK,
        tr._("/propose – suggest an activity for your group (Welsh: /cynnig)"),
        tr._("/votes – open votes, and how you voted (Welsh: /pleidleisiau)"),
        tr._("/upcoming – meet-ups coming up, and who's going (Welsh: /i_ddod)"),
        tr._("/log – record time you gave, for someone to confirm (Welsh: /cofnodi)"),
        tr._("/credits – your time credits, and giving some to others (Welsh: /credydau)"),
        tr._("/requests – ask for a room, transport or money, and see your requests (Welsh: /ceisiadau)"),
        tr._("/needhelp – ask a coordinator to get in touch with you (Welsh: /angen_help)"),
        tr._("/support – where to get help now: Samaritans and other helplines (Welsh: /cefnogaeth)"),
        tr._("/settings – your language, Easy Read and reminders (Welsh: /gosodiadau)"),
        BLANK,
        tr._("Type menu at any time to see your buttons. Send /more for everything else I can do.")
        if private else tr._("Coordinators: send /help in a private chat with me to see your commands."),
    ]
    return one_per_line(lines)


def more_help_text(tr: Tr) -> Markup:
    """Everything else a member can do, for whoever asks for it."""
    return one_per_line([
        tr._("ℹ️ More that I can do:"),
        BLANK,
        tr._("/next – the next meet-up, and how to get there (Welsh: /nesaf)"),
        tr._("/calendar – put your meet-ups in your phone's calendar (Welsh: /calendr)"),
        tr._("/schedule – this week's meet-ups as a page to print (Welsh: /amserlen)"),
        tr._("/gift – give some of your time credits to another member (Welsh: /rhoi)"),
        tr._("/supporter – name someone who may answer for you (Welsh: /cefnogwr)"),
        tr._("/access – what you need from a room or vehicle, privately (Welsh: /mynediad)"),
        tr._("/language – choose Cymraeg or English (Welsh: /iaith)"),
        tr._("/mydata – everything I hold about you; /forgetme – have it erased (Welsh: /fy_nata, /anghofio)"),
    ])


def coordinator_help_text(tr: Tr) -> Markup:
    """Coordinators' commands, apart from members' help."""
    return one_per_line([
        tr._("🧭 For coordinators:"),
        BLANK,
        tr._("/newmeetup – coordinators: put a meet-up on the calendar (Welsh: /cyfarfod_newydd)"),
        tr._("/requests – the queue of requests for rooms, transport and money (Welsh: /ceisiadau)"),
        tr._("/resources – coordinators: rooms, vehicles and budgets (Welsh: /adnoddau)"),
        tr._("/report – coordinators: a report for funders, with a chart (Welsh: /adroddiad)"),
        tr._("/spend, /adjust – coordinators: record credits spent, or correct them (Welsh: /gwario, "
             "/addasu)"),
        tr._("/onbehalf – vote, answer a meet-up or log time for a member (Welsh: /ar_ran)"),
        tr._("In your group's chat:"),
        tr._("/rules – how the group decides, and changing it (Welsh: /rheolau)"),
        tr._("/reminders – which reminders the group gets (Welsh: /atgoffa)"),
        tr._("/coordinator – reply to someone's message to make them a coordinator (Welsh: /cydlynydd)"),
    ])


def easy_help_text(tr: Tr) -> Markup:
    """What Criw can do, in Easy Read (the commands in the reader's own language)."""
    return tr.p_("easy", "ℹ️ I help your group choose what to do.\n✍️ /propose: suggest an idea.\n"
                       "🗳️ /votes: see the votes.\n🆘 /needhelp: ask for help.\n⚙️ /settings: change how I talk to you.")


def easy_coordinator_help_text(tr: Tr) -> Markup:
    """Coordinators' commands that matter most, in Easy Read."""
    return tr.p_("easy", "🧭 For coordinators:\n📅 /newmeetup: put a meet-up on the calendar.\n"
                       "📋 /requests: rooms, transport and money people asked for.\n📊 /report: a report for funders.\n"
                       "🤝 /onbehalf: answer for a member.")
