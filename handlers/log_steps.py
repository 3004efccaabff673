"""The questions of /log: what each asks and its buttons. Everything a question shows is in the
conversation's data, gathered by handlers/log_time.py."""

from __future__ import annotations

from datetime import date, timedelta

from babel.dates import format_date

from bot.domain.contributions import Category
from bot.domain.hours import PRESETS
from bot.i18n.durations import hours_button, hours_text
from bot.i18n.translator import Tr
from bot.reports.labels import category_label, day_label
from handlers.guided import Data, Rows, Step

FLOW, BUTTON = "log", "crl"
EVERYONE = "everyone"  # a coordinator logs for a whole meet-up
DAYS_SHOWN = 6


def _pairs(buttons: list[tuple[str, str]], per_row: int) -> Rows:
    return [buttons[start:start + per_row] for start in range(0, len(buttons), per_row)]


def _groups(tr: Tr, data: Data) -> Rows:
    return [[(title, str(chat_id))] for chat_id, title in data["groups"]]


def _categories(tr: Tr, data: Data) -> Rows:
    rows = _pairs([(category_label(tr, category), category.value) for category in Category], 2)
    if data.get("coordinator") and data.get("meetups"):
        rows.append([(tr._("👥 Everyone at a meet-up"), EVERYONE)])
    return rows


def _meetups(tr: Tr, data: Data) -> Rows:
    rows = [[(f"{title} · {format_date(date.fromisoformat(day), 'd MMM', locale=tr.language)}", str(meetup_id))]
            for meetup_id, title, day in data["meetups"]]
    return [*rows, [(tr._("Not at a meet-up"), "none")]]


def _days(tr: Tr, data: Data) -> Rows:
    today = date.fromisoformat(data["today"])
    buttons: list[tuple[str, str]] = [(tr._("Today"), today.isoformat()),
                                      (tr._("Yesterday"), (today - timedelta(days=1)).isoformat())]
    for back in range(2, DAYS_SHOWN):
        day = today - timedelta(days=back)
        buttons.append((format_date(day, "EEE d MMM", locale=tr.language), day.isoformat()))
    return _pairs(buttons, 2)


def _hours(tr: Tr, data: Data) -> Rows:
    labels = [hours_button(tr, quarters) for quarters in PRESETS[:-1]] + [tr._("Half a day")]
    return _pairs([(label, f"q{quarters}") for label, quarters in zip(labels, PRESETS, strict=True)], 2)


def _confirmers(tr: Tr, data: Data) -> Rows:
    rows = _pairs([(name, str(person_id)) for person_id, name in data.get("candidates", [])], 2)
    return [*rows, [(tr._("🧑‍💼 A coordinator"), "coord")]]


def _review(tr: Tr, data: Data) -> Rows:
    return [[(tr._("📨 Send it to be confirmed"), "send")]]


def summary(tr: Tr, data: Data) -> str:
    lines = [tr._("🧺 What: %(what)s", what=category_label(tr, data["category"]))]
    if data.get("note"):
        lines.append(tr._("📝 Details: %(note)s", note=data["note"]))
    if data.get("meetup_title"):
        lines.append(tr._("📍 Meet-up: %(title)s", title=data["meetup_title"]))
    lines.append(tr._("📅 When: %(day)s", day=day_label(tr, date.fromisoformat(data["day"]))))
    lines.append(tr._("⏱ How long: %(hours)s", hours=hours_text(tr, data["quarters"])))
    confirmer = data.get("confirmer_name") or tr._("a coordinator")
    lines.append(tr._("🙋 Who confirms: %(name)s", name=confirmer))
    return "\n".join(lines)


STEPS: dict[str, Step] = {
    "group": Step(lambda tr, d: tr._("👥 Which group did you give this time to?"), _groups),
    "category": Step(lambda tr, d: tr._("🧺 What did you do? Choose the closest."), _categories),
    "note": Step(lambda tr, d: tr._("📝 Say what you did in a few words, for example: took three people to the "
                                    "walk. Or press Skip.") if d.get("category") != Category.OTHER
                 else tr._("📝 Say what you did in a few words."), typed=True, skippable=True),
    "meetup": Step(lambda tr, d: tr._("📍 Was it for one of these meet-ups?"), _meetups),
    "day": Step(lambda tr, d: tr._("📅 Which day? Choose one, or type a date, for example 14 November."), _days,
                typed=True),
    "hours": Step(lambda tr, d: tr._("⏱ How long did you give? Choose, or type it, for example 1.5 or 90 minutes."),
                  _hours, typed=True),
    "confirmer": Step(lambda tr, d: tr._("🙋 Who can confirm it? Someone from the group who was there, or a "
                                         "coordinator. You can't confirm your own time."), _confirmers),
    "review": Step(lambda tr, d: tr._("👀 Here is what you gave:") + "\n\n" + summary(tr, d), _review),
}
