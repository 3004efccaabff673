"""How contributions and time credits read: label-and-value lines, statements, confirmations. Text only.

Values go after a label ("⏱ How long: dwy awr") so Welsh never needs a mutation on them.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.credits import EntryKind
from bot.domain.hours import HoursProblem
from bot.i18n.durations import hours_text
from bot.i18n.easy import Readable, both
from bot.i18n.markup import BLANK, Markup, bold, escape, one_per_line
from bot.i18n.translator import Tr
from bot.reports.labels import category_label, day_label
from bot.services.contributions import ContributionView
from bot.services.credits import Line, Statement, Transfer
from bot.voice.words import number

Hours = Callable[[Tr, int], str]  # hours_text on screen, spoken_hours in a voice note

QUICK_REASONS = ("not_there", "hours", "other_group")


def details(tr: Tr, view: ContributionView) -> list[Markup]:
    """What, when, how long, where: the lines every view of a contribution shares."""
    contribution = view.contribution
    what = category_label(tr, contribution.category)
    lines: list[Markup] = [tr._("🧺 What: %(what)s", what=what)]
    if contribution.note:
        lines.append(tr._("📝 Details: %(note)s", note=contribution.note))
    if view.meetup is not None:
        lines.append(tr._("📍 Meet-up: %(title)s", title=view.meetup.title))
    lines.append(tr._("📅 When: %(day)s", day=day_label(tr, contribution.day)))
    lines.append(tr._("⏱ How long: %(hours)s", hours=hours_text(tr, contribution.quarters)))
    lines.append(tr._("👥 Group: %(group)s", group=view.group.title))
    return lines


def spoken_hours(tr: Tr, quarters: int) -> Markup:
    """A length of time said aloud: "two and a half hours" / "dwy awr a hanner" (on screen: "2½ hours")."""
    whole, part = divmod(abs(quarters), 4)
    if whole == 0 or part == 0:
        return escape(hours_text(tr, quarters))  # "half an hour", "2 hours": speakable reads the digits
    words = number(whole, tr.language, feminine=True, before_noun=True)
    if part == 1:
        # Translators: Easy Read, read aloud. number is a count of hours in words ("two", "dwy").
        return tr.p_("easy", "%(number)s and a quarter hours", number=words)
    if part == 2:
        # Translators: Easy Read, read aloud. number is a count of hours in words ("two", "dwy").
        return tr.p_("easy", "%(number)s and a half hours", number=words)
    # Translators: Easy Read, read aloud. number is a count of hours in words ("two", "dwy").
    return tr.p_("easy", "%(number)s and three quarters hours", number=words)


def easy_details(tr: Tr, view: ContributionView, hours: Hours = hours_text) -> list[Markup]:
    """What, when and how long, in Easy Read: one idea per line."""
    contribution = view.contribution
    return [tr.p_("easy", "🧺 What: %(what)s", what=category_label(tr, contribution.category)),
            tr.p_("easy", "📅 When: %(day)s", day=day_label(tr, contribution.day)),
            tr.p_("easy", "⏱ How long: %(hours)s", hours=hours(tr, contribution.quarters))]


def request(view: ContributionView, *, reminder: bool = False) -> Readable:
    """The private message asking someone to confirm."""
    name = view.person.display_name

    def render(tr: Tr) -> Markup:
        head = (tr._("⏰ A reminder: %(name)s is still waiting for you to confirm this.", name=name) if reminder
                else tr._("🙋 %(name)s gave some time and asked you to confirm it:", name=name))
        return one_per_line([head, "", *details(tr, view), "", tr._("Is this right?")])

    def easy(hours: Hours) -> Callable[[Tr], Markup]:
        def render(tr: Tr) -> Markup:
            head = (tr.p_("easy", "⏰ Reminder: %(name)s is waiting for you.", name=name) if reminder
                    else tr.p_("easy", "🙋 %(name)s gave some time.", name=name))
            return one_per_line([head, *easy_details(tr, view, hours), tr.p_("easy", "❓ Is this right?")])

        return render

    return both(render, easy(hours_text), speech=easy(spoken_hours))


def reason_text(tr: Tr, reason: str) -> Markup:
    """A rejection reason: one of the quick ones (in the reader's language) or the confirmer's words."""
    match reason:
        case ":not_there":
            return tr._("They weren't there, so they can't say.")
        case ":hours":
            return tr._("The time looks different to them.")
        case ":other_group":
            return tr._("It seems to belong to another group.")
    return escape(reason)


def quick_reason_label(tr: Tr, code: str) -> Markup:
    return {"not_there": tr._("I wasn't there"), "hours": tr._("The time looks different"),
            "other_group": tr._("It's for another group")}[code]


def confirmed_for_member(view: ContributionView, balance: int) -> Readable:
    decider = view.decided_by.display_name if view.decided_by else ""

    def render(tr: Tr) -> Markup:
        return one_per_line([
            tr._("✅ %(name)s confirmed your time. Thank you!", name=decider), "", *details(tr, view), "",
            balance_line(tr, balance),
        ])

    def easy(hours: Hours) -> Callable[[Tr], Markup]:
        def render(tr: Tr) -> Markup:
            return one_per_line([tr.p_("easy", "✅ %(name)s says your time is right. Thank you!", name=decider),
                              *easy_details(tr, view, hours)[::2], easy_balance_line(tr, balance, hours)])

        return render

    return both(render, easy(hours_text), speech=easy(spoken_hours))


def rejected_for_member(view: ContributionView) -> Readable:
    decider = view.decided_by.display_name if view.decided_by else ""

    def render(tr: Tr) -> Markup:
        return one_per_line([
            tr._("💬 %(name)s couldn't confirm this one:", name=decider), "", *details(tr, view), "",
            tr._("Their reason: %(reason)s", reason=reason_text(tr, view.contribution.reason)), "",
            tr._("That's all right: things get mixed up. If something needs changing, you can log it again with "
                 "/log."),
        ])

    def easy(tr: Tr) -> Markup:
        return one_per_line([
            tr.p_("easy", "💬 %(name)s says this is not right.", name=decider),
            tr.p_("easy", "🧺 What: %(what)s", what=category_label(tr, view.contribution.category)),
            tr.p_("easy", "❓ Why: %(reason)s", reason=reason_text(tr, view.contribution.reason)),
            tr.p_("easy", "🙂 That is all right. Mistakes happen.\n🕒 You can use /log again."),
        ])

    return both(render, easy)


def balance_line(tr: Tr, quarters: int) -> Markup:
    amount = hours_text(tr, quarters)
    if quarters < 0:
        return tr._("💳 Your time credits: minus %(hours)s", hours=amount)
    return tr._("💳 Your time credits: %(hours)s", hours=amount)


def easy_balance_line(tr: Tr, quarters: int, hours: Hours = hours_text) -> Markup:
    amount = hours(tr, quarters)
    if quarters < 0:
        return tr.p_("easy", "💳 Your time credits: %(hours)s below zero", hours=amount)
    return tr.p_("easy", "💳 Your time credits: %(hours)s", hours=amount)


def statement_message(state: Statement) -> Readable:
    """/credits in private, in both forms."""

    def easy(hours: Hours) -> Callable[[Tr], Markup]:
        def render(tr: Tr) -> Markup:
            lines = [easy_balance_line(tr, state.balance, hours),
                     tr.p_("easy", "🕒 1 hour you give = 1 time credit.")]
            if state.pending:
                lines.append(tr.p_("easy", "⏳ Waiting to be checked: %(n)s", n=state.pending))
            if state.lines:
                lines.append(tr.p_("easy", "🧾 Your last one: %(line)s", line=entry_line(tr, state.lines[0])))
            else:
                lines.append(tr.p_("easy", "🕒 Nothing yet. Use /log to add time you gave."))
            return one_per_line(lines)

        return render

    return both(lambda tr: statement(tr, state), easy(hours_text), speech=easy(spoken_hours))


def statement(tr: Tr, state: Statement) -> Markup:
    """/credits in private: my balance, what's waiting, my latest entries, and my thanks choice."""
    lines = [balance_line(tr, state.balance), tr._("One hour given is one time credit.")]
    if state.pending:
        lines.append(tr.n_("⏳ Waiting for confirmation: %(n)s entry", "⏳ Waiting for confirmation: %(n)s entries",
                           state.pending))
    if state.lines:
        lines += [BLANK, bold(tr._("Latest:"))]
        lines += [entry_line(tr, line) for line in state.lines]
    else:
        lines += [BLANK, tr._("Nothing yet. Use /log to record time you've given.")]
    lines.append(BLANK)
    lines.append(tr._("🙌 Public thanks: your name can be shown") if state.public_thanks
                 else tr._("🙌 Public thanks: your name is not shown"))
    return one_per_line(lines)


def entry_line(tr: Tr, line: Line) -> Markup:
    entry = line.entry
    amount = hours_text(tr, entry.quarters)
    sign = "➕" if entry.quarters > 0 else "➖"
    when = day_label(tr, entry.at.date(), year=False)
    other = line.counterpart.display_name if line.counterpart else ""
    match entry.kind:
        case EntryKind.EARN:
            # Translators: amount is a length of time; what is a kind of help such as "Driving"; when is a date.
            return tr._("%(sign)s %(amount)s · %(what)s · %(when)s", sign=sign, amount=amount,
                        what=category_label(tr, line.category), when=when)
        case EntryKind.GIFT_OUT:
            return tr._("%(sign)s %(amount)s · a gift to %(name)s · %(when)s", sign=sign, amount=amount, name=other,
                        when=when)
        case EntryKind.GIFT_IN:
            return tr._("%(sign)s %(amount)s · a gift from %(name)s · %(when)s", sign=sign, amount=amount,
                        name=other, when=when)
        case EntryKind.SPEND:
            return tr._("%(sign)s %(amount)s · spent on %(what)s · %(when)s", sign=sign, amount=amount,
                        what=entry.note, when=when)
    return tr._("%(sign)s %(amount)s · a correction: %(reason)s · %(when)s", sign=sign, amount=amount,
                reason=entry.note, when=when)


def transfer_message(transfer: Transfer, *, for_member: bool) -> Readable:
    """A gift, spend or adjustment done, in both forms, for the giver (or coordinator) or the member."""

    def easy(hours: Hours) -> Callable[[Tr], Markup]:
        def render(tr: Tr) -> Markup:
            return easy_transfer_done(tr, transfer, for_member=for_member, hours=hours)

        return render

    return both(lambda tr: transfer_done(tr, transfer, for_member=for_member), easy(hours_text),
                speech=easy(spoken_hours))


def easy_transfer_done(tr: Tr, transfer: Transfer, *, for_member: bool, hours: Hours = hours_text) -> Markup:
    amount = hours(tr, transfer.amount)
    member, actor = transfer.member.display_name, transfer.actor.display_name
    match transfer.kind, for_member:
        case EntryKind.GIFT_IN, False:
            head = tr.p_("easy", "🎁 You gave %(amount)s of time credits to %(name)s.", amount=amount, name=member)
        case EntryKind.GIFT_IN, True:
            head = tr.p_("easy", "🎁 %(name)s gave you %(amount)s of time credits.", name=actor, amount=amount)
        case EntryKind.SPEND, False:
            head = tr.p_("easy", "🧾 Saved: %(name)s used %(amount)s of time credits.\n📝 For: %(what)s",
                         name=member, amount=amount, what=transfer.note)
        case EntryKind.SPEND, True:
            head = tr.p_("easy", "🧾 You used %(amount)s of time credits.\n📝 For: %(what)s", amount=amount,
                         what=transfer.note)
        case _, False:
            head = tr.p_("easy", "🛠 You changed %(name)s's time credits.\n📝 Why: %(reason)s", name=member,
                         reason=transfer.note)
        case _:
            head = tr.p_("easy", "🛠 A coordinator changed your time credits.\n📝 Why: %(reason)s",
                         reason=transfer.note)
    if for_member:
        return head + "\n" + easy_balance_line(tr, transfer.member_balance, hours)
    if transfer.kind is EntryKind.GIFT_IN:
        return head + "\n" + easy_balance_line(tr, transfer.actor_balance, hours)
    balance = hours(tr, transfer.member_balance)
    if transfer.member_balance < 0:
        return head + "\n" + tr.p_("easy", "💳 %(name)s's time credits now: %(hours)s below zero", name=member,
                                    hours=balance)
    return head + "\n" + tr.p_("easy", "💳 %(name)s's time credits now: %(hours)s", name=member, hours=balance)


def transfer_done(tr: Tr, transfer: Transfer, *, for_member: bool) -> Markup:
    """What the giver (or coordinator) and the member are told after a gift, spend or adjustment."""
    amount = hours_text(tr, transfer.amount)
    member, actor = transfer.member.display_name, transfer.actor.display_name
    match transfer.kind, for_member:
        case EntryKind.GIFT_IN, False:
            head = tr._("🎁 You gave %(amount)s of time credit to %(name)s.", amount=amount, name=member)
        case EntryKind.GIFT_IN, True:
            head = tr._("🎁 %(name)s gave you %(amount)s of time credit.", name=actor, amount=amount)
        case EntryKind.SPEND, False:
            head = tr._("🧾 Recorded: %(name)s spent %(amount)s on %(what)s.", name=member, amount=amount,
                        what=transfer.note)
        case EntryKind.SPEND, True:
            head = tr._("🧾 You spent %(amount)s of time credit on %(what)s.", amount=amount, what=transfer.note)
        case _, False:
            head = tr._("🛠 Corrected %(name)s's time credits: %(reason)s", name=member, reason=transfer.note)
        case _:
            head = tr._("🛠 A coordinator corrected your time credits: %(reason)s", reason=transfer.note)
    if for_member:
        return head + "\n" + balance_line(tr, transfer.member_balance)
    if transfer.kind is EntryKind.GIFT_IN:
        return head + "\n" + balance_line(tr, transfer.actor_balance)
    return head + "\n" + their_balance_line(tr, member, transfer.member_balance)


def their_balance_line(tr: Tr, name: str, quarters: int) -> Markup:
    amount = hours_text(tr, quarters)
    if quarters < 0:
        return tr._("💳 %(name)s's time credits now: minus %(hours)s", name=name, hours=amount)
    return tr._("💳 %(name)s's time credits now: %(hours)s", name=name, hours=amount)


def hours_problem(problem: str | None) -> Readable:
    """Why a typed length of time can't be used, kindly."""
    match problem:
        case HoursProblem.ZERO:
            return both(lambda tr: tr._("⏱ That's no time at all. How long did you give?"),
                        lambda tr: tr.p_("easy", "⏱ That is no time at all.\n👆 Please press a time."))
        case HoursProblem.NEGATIVE:
            return both(lambda tr: tr._("⏱ Time given can't be less than nothing. Please type how long, e.g. 2 or "
                                        "1.5."),
                        lambda tr: tr.p_("easy", "⏱ Time cannot be less than nothing.\n👆 Please press a time."))
        case HoursProblem.TOO_LONG:
            return both(lambda tr: tr._("⏱ That's more than 24 hours, more than there is in a day. Please check it."),
                        lambda tr: tr.p_("easy", "⏱ That is more than 24 hours.\n👆 Please press a time."))
        case HoursProblem.NOT_QUARTER:
            return both(lambda tr: tr._("⏱ Please round to the nearest quarter of an hour, e.g. 1.25, 1.5 or 1.75."),
                        lambda tr: tr.p_("easy", "⏱ Please use quarters of an hour.\n👆 Or press a time."))
    return both(lambda tr: tr._("⏱ Sorry, I couldn't read that. Type hours like 2, 1.5 or 90 minutes, or choose "
                                "below."),
                lambda tr: tr.p_("easy", "⏱ Sorry, I could not read that.\n👆 Please press a time."))
