"""How answering for a member reads: the questions on the way, and "entered by X for Y" (standard and Easy
Read). Text only, no I/O."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.i18n.durations import hours_button
from bot.i18n.easy import Readable, both
from bot.i18n.markup import Markup, plain
from bot.i18n.translator import Label, Render, Tr
from bot.reports.labels import category_label

private_only = both(
    lambda tr: tr._("✍️ Answering for someone is done in a private chat with me: send me /onbehalf there."),
    lambda tr: tr.p_("easy", "✍️ Please send /onbehalf in a private chat with me."),
)
nobody = both(
    lambda tr: tr._("✍️ You can't answer for anyone yet. A member can name you as their supporter with /supporter; "
                    "coordinators can answer for the members of their group."),
    lambda tr: tr.p_("easy", "✍️ You can't answer for anyone yet.\n🤝 A member can choose you with /supporter."),
)
pick_member = both(
    lambda tr: tr._("✍️ Who are you answering for? (They phoned in, or asked you in person.)"),
    lambda tr: tr.p_("easy", "✍️ Who are you answering for?\n👆 Press their name."),
)


def pick_action(name: str) -> Readable:
    return both(
        # Translators: name is the member someone is answering for.
        lambda tr: tr._("✍️ What would you like to enter for %(name)s?", name=name),
        # Translators: Easy Read. name is the member someone is answering for.
        lambda tr: tr.p_("easy", "✍️ What do you want to do for %(name)s?", name=name),
    )


def pick_vote(name: str, any_open: bool) -> Readable:
    if not any_open:
        return both(lambda tr: tr._("🗳️ There are no open votes in that group right now."),
                    lambda tr: tr.p_("easy", "🗳️ There are no votes now."))
    return both(
        # Translators: name is the member someone is voting for.
        lambda tr: tr._("🗳️ How does %(name)s vote? Each button says the choice, then the proposal.", name=name),
        # Translators: Easy Read. name is the member someone is voting for.
        lambda tr: tr.p_("easy", "🗳️ How does %(name)s vote?\n👆 Press their choice.", name=name),
    )


def pick_meetup(name: str, any_coming: bool) -> Readable:
    if not any_coming:
        return both(lambda tr: tr._("📅 There are no meet-ups coming up in that group."),
                    lambda tr: tr.p_("easy", "📅 There are no meet-ups coming up."))
    return both(
        # Translators: name is the member someone is answering for.
        lambda tr: tr._("📅 What is %(name)s's answer? Each button says the answer, then the meet-up.", name=name),
        # Translators: Easy Read. name is the member someone is answering for.
        lambda tr: tr.p_("easy", "📅 Is %(name)s going?\n👆 Press their answer.", name=name),
    )


def pick_category(name: str) -> Readable:
    return both(
        # Translators: name is the member someone is logging time for.
        lambda tr: tr._("⏱ What did %(name)s do?", name=name),
        # Translators: Easy Read. name is the member someone is logging time for.
        lambda tr: tr.p_("easy", "⏱ What did %(name)s do?", name=name),
    )


def pick_hours(name: str) -> Readable:
    return both(
        # Translators: name is the member someone is logging time for.
        lambda tr: tr._("⏱ How much time did %(name)s give today?", name=name),
        # Translators: Easy Read. name is the member someone is logging time for.
        lambda tr: tr.p_("easy", "⏱ How long did %(name)s help today?", name=name),
    )


def choice_label(tr: Tr, code: str) -> Markup:
    return {"y": tr._("✅ Yes"), "n": tr._("❌ No")}.get(code) or tr._("🤷 Abstain")


def answer_label(tr: Tr, code: str) -> Markup:
    return {"g": tr._("✅ Going"), "m": tr._("🤔 Maybe")}.get(code) or tr._("❌ Not going")


def choice_button(code: str, title: str) -> Label:
    return lambda tr: f"{plain(choice_label(tr, code))} · {title}"


def answer_button(code: str, title: str) -> Label:
    return lambda tr: f"{plain(answer_label(tr, code))} · {title}"


def date_label(moment: datetime, zone: ZoneInfo, title: str) -> Label:
    return lambda tr: f"📅 {tr.when(moment, zone, 'EEE d MMM, HH:mm')} · {title}"


def category_button(category: str) -> Label:
    return lambda tr: category_label(tr, category)


def hours_label(quarters: int) -> Label:
    return lambda tr: hours_button(tr, quarters)


# The detail lines below are label: value lines (one idea, an emoji first): Easy Read already, and
# shared by both forms of the "entered" message.
def voted(tr: Tr, choice: str, title: str) -> Markup:
    # Translators: choice is Yes, No or Abstain (with its emoji); title is a proposal's title.
    return tr._("🗳️ Vote: %(choice)s\n📝 %(title)s", choice=choice, title=title)


def ticked(tr: Tr, when: str, title: str) -> Markup:
    # Translators: when is a date and time; title is a proposal's title.
    return tr._("🗳️ Date ticked: %(when)s\n📝 %(title)s", when=when, title=title)


def unticked(tr: Tr, when: str, title: str) -> Markup:
    # Translators: when is a date and time; title is a proposal's title.
    return tr._("🗳️ Tick taken away: %(when)s\n📝 %(title)s", when=when, title=title)


def answered(tr: Tr, answer: str, title: str) -> Markup:
    # Translators: answer is Going, Maybe or Not going; title is a meet-up's title.
    return tr._("📅 Answer: %(answer)s\n📝 %(title)s", answer=answer, title=title)


def logged(tr: Tr, hours: str, category: str) -> Markup:
    # Translators: hours is a length of time ("Two hours"); category is what the member did ("Driving").
    return tr._("⏱ Time given today: %(hours)s (%(category)s)\n⏳ Waiting to be confirmed", hours=hours,
                category=category)


def entered(actor: str, member: str, detail: Render, *, to_member: bool) -> Readable:
    """"Entered by X for Y", to the one who entered it or to the member, with what was entered."""
    if to_member:
        return both(
            # Translators: actor is the person who entered an answer for the member reading this.
            lambda tr: tr._("✍️ Entered by %(actor)s for you:", actor=actor) + "\n" + detail(tr),
            # Translators: Easy Read. actor is the person who answered for the member reading this.
            lambda tr: tr.p_("easy", "✍️ %(actor)s answered for you:", actor=actor) + "\n" + detail(tr))
    return both(
        # Translators: member is the person an answer was entered for.
        lambda tr: tr._("✍️ Entered by you for %(member)s:", member=member) + "\n" + detail(tr),
        # Translators: Easy Read. member is the person someone answered for.
        lambda tr: tr.p_("easy", "✍️ You answered for %(member)s:", member=member) + "\n" + detail(tr))
