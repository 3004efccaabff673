"""The questions of /log: what each asks and its buttons. Everything a question shows is in the
conversation's data, gathered by handlers/log_time.py."""

from __future__ import annotations

from datetime import date, timedelta

from babel.dates import format_date

from bot.domain.contributions import Category
from bot.domain.hours import PRESETS
from bot.i18n.durations import hours_button, hours_text
from bot.i18n.markup import Markup, one_per_line
from bot.i18n.translator import Tr
from bot.reports.labels import category_label, day_label
from handlers.guided import EASY, Data, Rows, Step, steps
from handlers.proposal_text import day_label as day_button_label

FLOW, BUTTON = "log", "crl"
EVERYONE = "everyone"  # a coordinator logs for a whole meet-up
DAYS_SHOWN = 6


def _pairs(buttons: list[tuple[str, str]], per_row: int) -> Rows:
    return [buttons[start:start + per_row] for start in range(0, len(buttons), per_row)]


def _group_buttons(tr: Tr, data: Data) -> Rows:
    return [[(title, str(chat_id))] for chat_id, title in data["groups"]]


def _category_buttons(tr: Tr, data: Data) -> Rows:
    rows = _pairs([(category_label(tr, category), category.value) for category in Category], 2)
    if data.get("coordinator") and data.get("meetups"):
        rows.append([(tr._("👥 Everyone at a meet-up"), EVERYONE)])
    return rows


def _meetup_buttons(tr: Tr, data: Data) -> Rows:
    rows = [[(f"{title} · {format_date(date.fromisoformat(day), 'd MMM', locale=tr.language)}", str(meetup_id))]
            for meetup_id, title, day in data["meetups"]]
    return [*rows, [(tr._("Not at a meet-up"), "none")]]


def _day_buttons(tr: Tr, data: Data) -> Rows:
    today = date.fromisoformat(data["today"])
    buttons: list[tuple[str, str]] = [(tr._("Today"), today.isoformat()),
                                      (tr._("Yesterday"), (today - timedelta(days=1)).isoformat())]
    for back in range(2, DAYS_SHOWN):
        day = today - timedelta(days=back)
        buttons.append((format_date(day, day_button_label(bool(data.get(EASY))), locale=tr.language), day.isoformat()))
    return _pairs(buttons, 2)


def _hour_buttons(tr: Tr, data: Data) -> Rows:
    labels = [hours_button(tr, quarters) for quarters in PRESETS[:-1]] + [tr._("Half a day")]
    return _pairs([(label, f"q{quarters}") for label, quarters in zip(labels, PRESETS, strict=True)], 2)


def _confirmer_buttons(tr: Tr, data: Data) -> Rows:
    rows = _pairs([(name, str(person_id)) for person_id, name in data.get("candidates", [])], 2)
    return [*rows, [(tr._("🧑‍💼 A coordinator"), "coord")]]


def _review_buttons(tr: Tr, data: Data) -> Rows:
    return [[(tr._("📨 Send it to be confirmed"), "send")]]


def summary(tr: Tr, data: Data) -> Markup:
    lines = [tr._("🧺 What: %(what)s", what=category_label(tr, data["category"]))]
    if data.get("note"):
        lines.append(tr._("📝 Details: %(note)s", note=data["note"]))
    if data.get("meetup_title"):
        lines.append(tr._("📍 Meet-up: %(title)s", title=data["meetup_title"]))
    lines.append(tr._("📅 When: %(day)s", day=day_label(tr, date.fromisoformat(data["day"]))))
    lines.append(tr._("⏱ How long: %(hours)s", hours=hours_text(tr, data["quarters"])))
    confirmer = data.get("confirmer_name") or tr._("a coordinator")
    lines.append(tr._("🙋 Who confirms: %(name)s", name=confirmer))
    return one_per_line(lines)


def easy_summary(tr: Tr, data: Data) -> Markup:
    """The review in Easy Read: what, when, how long, who checks it; one idea per line."""
    lines = [tr.p_("easy", "🧺 You did: %(what)s", what=category_label(tr, data["category"]))]
    lines.append(tr.p_("easy", "📅 When: %(day)s", day=day_label(tr, date.fromisoformat(data["day"]))))
    lines.append(tr.p_("easy", "⏱ How long: %(hours)s", hours=hours_text(tr, data["quarters"])))
    if data.get("confirmer_name"):
        lines.append(tr.p_("easy", "🙋 %(name)s will check it.", name=data["confirmer_name"]))
    else:
        lines.append(tr.p_("easy", "🙋 A coordinator will check it."))
    return one_per_line(lines)


def _note(tr: Tr, data: Data) -> Markup:
    if data.get("category") != Category.OTHER:
        return tr._("📝 Say what you did in a few words, for example: took three people to the walk. Or press Skip.")
    return tr._("📝 Say what you did in a few words.")


def _easy_note(tr: Tr, data: Data) -> Markup:
    if data.get("category") != Category.OTHER:
        return tr.p_("easy", "📝 What did you do?\n✍️ Write a few words.\n⏭ Or press Skip.")
    return tr.p_("easy", "📝 What did you do?\n✍️ Write a few words.")


STEPS = steps(
    Step("group", lambda tr, d: tr._("👥 Which group did you give this time to?"),
         lambda tr, d: tr.p_("easy", "👥 Which group was it for?\n👆 Press the group."), _group_buttons),
    Step("category", lambda tr, d: tr._("🧺 What did you do? Choose the closest."),
         lambda tr, d: tr.p_("easy", "🧺 What did you do?\n👆 Press the closest one."), _category_buttons),
    Step("note", _note, _easy_note, typed=True, skippable=True),
    Step("meetup", lambda tr, d: tr._("📍 Was it for one of these meet-ups?"),
         lambda tr, d: tr.p_("easy", "📍 Was it for a meet-up?\n👆 Press the meet-up.\n❌ Or press Not at a meet-up."),
         _meetup_buttons),
    Step("day", lambda tr, d: tr._("📅 Which day? Choose one, or type a date, for example 14 November."),
         lambda tr, d: tr.p_("easy", "📅 Which day did you do it?\n👆 Press a day."), _day_buttons, typed=True),
    Step("hours", lambda tr, d: tr._("⏱ How long did you give? Choose, or type it, for example 1.5 or 90 minutes."),
         lambda tr, d: tr.p_("easy", "⏱ How long did it take?\n👆 Press the time."), _hour_buttons, typed=True),
    Step("confirmer", lambda tr, d: tr._("🙋 Who can confirm it? Someone from the group who was there, or a "
                                         "coordinator. You can't confirm your own time."),
         lambda tr, d: tr.p_("easy", "🙋 Who can check it?\n👥 Someone who was there.\n🧑‍💼 Or a coordinator."),
         _confirmer_buttons),
    Step("review", lambda tr, d: tr._("👀 Here is what you gave:") + "\n\n" + summary(tr, d),
         lambda tr, d: tr.p_("easy", "👀 Please check this:") + "\n" + easy_summary(tr, d), _review_buttons),
)
