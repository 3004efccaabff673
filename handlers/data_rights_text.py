"""How /mydata and /forgetme read, in the person's language (and Easy Read). Text only.

The summary gives a count per kind of record, label first ("🗳️ Proposals you made: 2"), so no Welsh
number needs a mutation; the JSON file beside it has every row in full.
"""

from __future__ import annotations

from bot.i18n.easy import Readable, both
from bot.i18n.markup import BLANK, Markup, one_per_line
from bot.i18n.translator import Tr
from bot.services.data_rights import MyData
from handlers.credit_text import balance_line
from handlers.settings import quiet_line

# Counted one by one (their own rows); the other tables' rows are counted together.
COUNTED = ("proposal", "vote", "rsvp", "contribution", "creditentry", "resourcerequest", "story")
NOT_COUNTED = {"membership", "creditaccount"}  # shown as groups, and as the balance


def _count_line(tr: Tr, table: str, n: int) -> Markup:
    labels = {
        # Translators: n is a number (of proposals, votes ...); the label comes first so it needs no mutation.
        "proposal": tr._("🗳️ Proposals you made: %(n)s", n=n),
        "vote": tr._("✅ Your votes: %(n)s", n=n),
        "rsvp": tr._("📅 Your answers to meet-ups: %(n)s", n=n),
        "contribution": tr._("⏱ Time you logged: %(n)s", n=n),
        "creditentry": tr._("📒 Lines in your credit ledger: %(n)s", n=n),
        "resourcerequest": tr._("🏠 Your requests for rooms, transport or money: %(n)s", n=n),
        "story": tr._("💬 What mattered to you, after meet-ups: %(n)s", n=n),
    }
    return labels[table]


def _group_line(tr: Tr, title: str, role: str) -> Markup:
    if role == "coordinator":
        # Translators: group is a Telegram group's name.
        return tr._("👥 %(group)s: coordinator", group=title)
    # Translators: group is a Telegram group's name.
    return tr._("👥 %(group)s: member", group=title)


def _settings_lines(tr: Tr, data: MyData) -> list[Markup]:
    person = data.person
    return [
        # Translators: name the language of this catalog itself (Cymraeg in Welsh).
        tr._("🗣 Language: English") if person.language else tr._("🗣 Language: not chosen yet"),
        tr._("📖 Easy Read: on") if person.easy_read else tr._("📖 Easy Read: off"),
        tr._("⏰ Reminders: on") if person.reminders else tr._("⏰ Reminders: off"),
        quiet_line(tr, person),
    ]


def summary(tr: Tr, data: MyData) -> Markup:
    """Everything in the export, counted, in the reader's language."""
    lines = [tr._("🗂 Everything Criw holds about you"), BLANK,
             # Translators: name is the person's Telegram name.
             tr._("👤 Name: %(name)s", name=data.person.display_name), *_settings_lines(tr, data)]
    lines += [_group_line(tr, title, role) for title, role in data.groups] or [tr._("👥 Groups: none")]
    lines += [_count_line(tr, table, data.count(table, own=True)) for table in COUNTED if data.count(table, own=True)]
    lines.append(balance_line(tr, data.balance))
    others = sum(len(rows) for table, rows in data.records.items() if table not in NOT_COUNTED) - sum(
        data.count(table, own=True) for table in COUNTED)
    if others:
        # Translators: n is a number of records (reminders, attendance ticks, calendar link ...).
        lines.append(tr._("📦 Other records about you: %(n)s", n=others))
    lines += [BLANK, tr._("📎 The file below has all of it, in full."),
              tr._("🗑 To have it erased, use /forgetme.")]
    return one_per_line(lines)


def _easy_summary(tr: Tr, data: MyData) -> Markup:
    # Translators: Easy Read. name is the person's Telegram name; n is how many groups.
    return tr.p_("easy", "🗂 This is what Criw knows about you.\n👤 Your name: %(name)s\n👥 Your groups: %(n)s\n"
                       "📎 The file has all of it.\n🗑 To delete it, use /forgetme.",
                 name=data.person.display_name, n=len(data.groups))


def my_data(data: MyData) -> Readable:
    return both(lambda tr: summary(tr, data), lambda tr: _easy_summary(tr, data))


def file_caption(tr: Tr) -> Markup:
    return tr._("📎 Your data from Criw, in full (a JSON file: any text editor opens it).")


ONLY_PRIVATE = both(
    lambda tr: tr._("🔒 Your data is private. Please open a private chat with me and use it there."),
    lambda tr: tr.p_("easy", "🔒 This is private.\n💬 Please use it in your chat with me."),
)

ASK_FORGET = both(
    lambda tr: tr._("🗑 Do you want Criw to forget you?\n\nThis erases your name, your settings and your private "
                    "records, and takes you out of your groups in Criw.\nYour votes, answers and hours stay in the "
                    "groups' totals, without your name.\n⚠️ This can't be undone."),
    lambda tr: tr.p_("easy", "🗑 Do you want Criw to forget you?\n❌ Your name and settings will be deleted.\n"
                           "👥 Your votes still count, without your name.\n⚠️ You cannot undo this."),
)

FORGOTTEN = both(
    lambda tr: tr._("🗑 Done: Criw has forgotten you. If you write to me again, I'll treat you as someone new."),
    lambda tr: tr.p_("easy", "🗑 Done. Criw has forgotten you.\n👋 If you write again, you start again."),
)

KEPT = both(
    lambda tr: tr._("👍 Nothing was erased. Your data is as it was."),
    lambda tr: tr.p_("easy", "👍 OK. Nothing was deleted."),
)


def yes_label(tr: Tr) -> Markup:
    return tr._("🗑 Yes, forget me")


def no_label(tr: Tr) -> Markup:
    return tr._("↩️ No, keep my data")
