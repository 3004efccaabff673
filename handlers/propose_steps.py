"""The steps of writing a proposal: what each one asks, its buttons, and how it reads typed answers.

A step's buttons carry its own name, so a button pressed on an old prompt is recognised as stale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.chat.callbacks import encode
from bot.chat.keyboard import Button, Keyboard
from bot.domain.dates import local_to_utc, shows_year
from bot.domain.proposals import MAX_OPTIONS, VOTE_DAYS, Draft
from bot.i18n.markup import BLANK, Markup, escape, one_per_line, plain
from bot.i18n.translator import Tr, label_in
from handlers.proposal_text import day_label, draft_summary, easy_draft_summary, when
from handlers.propose_deadlines import deadline_notes, easy_deadline_notes

FLOW = "propose"
BUTTON = "pf"
TIME_SLOTS = ("10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "18:00", "19:00")
DAYS_SHOWN = 12


Extra = dict[str, str]  # what a prompt needs beyond the draft: the day chosen, the voting window, "now"
Prompt = Callable[[Tr, Draft, ZoneInfo, Extra], Markup]
Rows = list[list[tuple[str, str, str]]]
Buttons = Callable[[Tr, Draft, ZoneInfo, datetime, Extra], Rows]


@dataclass(frozen=True)
class Step:
    name: str
    prompt: Prompt
    easy: Prompt  # the same question in Easy Read
    buttons: Buttons | None = None
    skippable: bool = False


def _choices(step: str, pairs: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    return [(label, step, value) for label, value in pairs]


def _day_buttons(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime, extra: Extra, easy: bool = False) -> Rows:
    today = now.astimezone(zone).date()
    days = [today + timedelta(days=offset) for offset in range(1, DAYS_SHOWN + 1)]
    labels = [(tr.when(local_to_utc(day, time(12), zone), zone, day_label(easy)), f"day:{day.isoformat()}")
              for day in days]
    per_row = 2 if easy else 3
    return [_choices("day", labels[row:row + per_row]) for row in range(0, len(labels), per_row)]


def _time_buttons(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime, extra: Extra) -> Rows:
    slots = [(slot, "time:" + slot.replace(":", ".")) for slot in TIME_SLOTS]
    return [_choices("time", slots[row:row + 4]) for row in range(0, len(slots), 4)]


def _confirm_buttons(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime, extra: Extra) -> Rows:
    rows = [_choices("confirm", [(tr._("✅ Carry on"), "next")])]
    if len(draft.options) < MAX_OPTIONS:
        rows.append(_choices("confirm", [(tr._("➕ Add another date to choose from"), "more")]))
    rows.append(_choices("confirm", [(tr._("🗑 Remove the last date"), "drop")]))
    return rows


def _needs_buttons(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime, extra: Extra) -> Rows:
    needs = draft.needs

    def mark(on: bool, label: str) -> str:
        return ("☑️ " if on else "⬜ ") + label

    return [
        _choices("needs", [(mark(needs.room, tr._("A room")), "room")]),
        _choices("needs", [(mark(needs.transport_seats > 0, tr._("Transport")), "transport")]),
        _choices("needs", [(mark(needs.money > 0, tr._("Money")), "money")]),
        _choices("needs", [(tr._("✅ Done"), "done")]),
    ]


def _seat_buttons(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime, extra: Extra) -> Rows:
    return [_choices("seats", [(str(n), f"n:{n}") for n in (2, 4, 8, 12, 16)])]


def _days_buttons(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime, extra: Extra) -> Rows:
    return [_choices("days", [(tr.n_("%(n)s day", "%(n)s days", n), f"n:{n}") for n in VOTE_DAYS])]


def _review_buttons(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime, extra: Extra) -> Rows:
    rows = [_choices("review", [(tr._("📣 Post it to the group"), "post")])]
    notice_close, period_close = extra.get("notice_close"), extra.get("period_close")
    if notice_close and period_close and draft.closes_at is not None:
        if draft.closes_at.isoformat() == notice_close:
            label = tr._("⏳ Keep the voting period: %(when)s", when=_short(tr, period_close, zone))
            rows.append(_choices("review", [(label, "close:period")]))
        else:
            label = tr._("⏳ Close earlier: %(when)s", when=_short(tr, notice_close, zone))
            rows.append(_choices("review", [(label, "close:notice")]))
    return rows


def _short(tr: Tr, moment: str, zone: ZoneInfo) -> str:
    return tr.when(datetime.fromisoformat(moment), zone, "EEE d MMM, HH:mm")


def _next_year_buttons(tr: Tr, draft: Draft, zone: ZoneInfo, now: datetime, extra: Extra) -> Rows:
    # Translators: answers to "Did you mean …?" (Welsh: Oeddwn / Nac oeddwn).
    return [_choices("next_year", [(tr._("✅ Yes, that date"), "yes"), (tr._("❌ No, another date"), "no")])]


def _pending(tr: Tr, zone: ZoneInfo, extra: Extra) -> str:
    moment = datetime.fromisoformat(extra["pending"])
    return tr.when(moment, zone, "EEEE d MMMM y, HH:mm" if extra.get("pending_time") else "EEEE d MMMM y")


def _next_year_prompt(tr: Tr, draft: Draft, zone: ZoneInfo, extra: Extra) -> Markup:
    # Translators: when is a date with its year, such as "Friday 20 November 2027".
    return tr._("📅 That date has already passed this year. Did you mean %(when)s?", when=_pending(tr, zone, extra))


def _easy_next_year_prompt(tr: Tr, draft: Draft, zone: ZoneInfo, extra: Extra) -> Markup:
    # Translators: Easy Read. when is a date with its year, such as "Friday 20 November 2027".
    return tr.p_("easy", "📅 That date has gone this year.\n❓ Do you mean %(when)s?", when=_pending(tr, zone, extra))


def _now(extra: Extra) -> datetime:
    return datetime.fromisoformat(extra["now"])


def _review(tr: Tr, draft: Draft, zone: ZoneInfo, extra: Extra) -> Markup:
    notes = deadline_notes(tr, draft, zone, extra)
    parts = [tr._("👀 Here is your proposal:"), draft_summary(tr, draft, zone, _now(extra)),
             *([notes] if notes else []), tr._("Post it to the group?")]
    return one_per_line(line for index, part in enumerate(parts) for line in ([BLANK, part] if index else [part]))


def _dates_so_far(tr: Tr, draft: Draft, zone: ZoneInfo, extra: Extra) -> Markup:
    listed = one_per_line(escape(f"   • {when(tr, moment, zone, _now(extra))}") for moment in draft.options)
    return one_per_line([tr._("📅 Dates so far:"), listed, tr._(
        "Add another date if you'd like people to choose between dates, or carry on.")])


def _easy_dates_so_far(tr: Tr, draft: Draft, zone: ZoneInfo, extra: Extra) -> Markup:
    listed = one_per_line(escape(f"• {when(tr, moment, zone, _now(extra))}") for moment in draft.options)
    return one_per_line([tr.p_("easy", "📅 Your dates:"), listed, tr.p_(
        "easy", "✅ Press Carry on.\n➕ Or add another date.")])


def _day_label(tr: Tr, zone: ZoneInfo, extra: Extra) -> str:
    moment = local_to_utc(date.fromisoformat(extra["day"]), time(12), zone)
    return tr.when(moment, zone, "EEEE d MMMM y" if shows_year(moment, _now(extra)) else "EEEE d MMMM")


def _time_prompt(tr: Tr, draft: Draft, zone: ZoneInfo, extra: Extra) -> Markup:
    # Translators: day is a date such as "Saturday 5 December".
    return tr._("🕑 What time on %(day)s? Choose one, or type a time (for example 14:30).",
                day=_day_label(tr, zone, extra))


def _easy_time_prompt(tr: Tr, draft: Draft, zone: ZoneInfo, extra: Extra) -> Markup:
    # Translators: Easy Read. day is a date such as "Saturday 5 December".
    return tr.p_("easy", "🕑 What time on %(day)s?\n👆 Press a time.", day=_day_label(tr, zone, extra))


def _easy_review(tr: Tr, draft: Draft, zone: ZoneInfo, extra: Extra) -> Markup:
    notes = easy_deadline_notes(tr, draft, zone, extra)
    return one_per_line([tr.p_("easy", "👀 This is your idea:"), easy_draft_summary(tr, draft, zone, _now(extra)),
                         *([notes] if notes else []), tr.p_("easy", "📣 Send it to the group?")])


STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        Step("title", lambda tr, d, z, e: tr._(
            "✍️ What would you like the group to do? Write a short title, for example: Walk along the Taff Trail."),
            lambda tr, d, z, e: tr.p_("easy", "✍️ What do you want the group to do?\n📝 Write a short name for it.\n"
                                            "💡 For example: Walk by the river.")),
        Step("description", lambda tr, d, z, e: tr._(
            "📝 Tell people a bit more in a few lines, or press Skip."),
            lambda tr, d, z, e: tr.p_("easy", "📝 Do you want to say more?\n✍️ Write a few words.\n⏭ Or press Skip."),
            skippable=True),
        Step("day", lambda tr, d, z, e: tr._(
            "📅 Which day? Choose one, or type a date (for example: Saturday 5 December 14:30)."),
            lambda tr, d, z, e: tr.p_("easy", "📅 Which day?\n👆 Press a day."), _day_buttons),
        Step("time", _time_prompt, _easy_time_prompt, _time_buttons),
        Step("confirm", _dates_so_far, _easy_dates_so_far, _confirm_buttons),
        Step("place", lambda tr, d, z, e: tr._("📍 Where? Write the place, or press Skip."),
             lambda tr, d, z, e: tr.p_("easy", "📍 Where will it be?\n✍️ Write the place.\n⏭ Or press Skip."),
             skippable=True),
        Step("needs", lambda tr, d, z, e: tr._(
            "🧰 What does it need from the organisation? Tap each one that applies, then Done."),
            lambda tr, d, z, e: tr.p_("easy", "🧰 What do you need for it?\n👆 Tap each thing you need.\n"
                                            "✅ Then tap Done."), _needs_buttons),
        Step("seats", lambda tr, d, z, e: tr._(
            "🚌 How many people will need transport? Choose, or type a number."),
            lambda tr, d, z, e: tr.p_("easy", "🚌 How many people need transport?\n👆 Press a number."), _seat_buttons),
        Step("money", lambda tr, d, z, e: tr._(
            "💷 How much money will it need, in pounds? Type a whole number, for example 20."),
            lambda tr, d, z, e: tr.p_("easy", "💷 How much money do you need?\n✍️ Write the number of pounds.\n"
                                            "💡 For example: 20")),
        Step("days", lambda tr, d, z, e: tr._("⏳ How long should voting stay open?"),
             lambda tr, d, z, e: tr.p_("easy", "⏳ How many days can people vote?\n👆 Press a number."), _days_buttons),
        Step("review", _review, _easy_review, _review_buttons),
        Step("next_year", _next_year_prompt, _easy_next_year_prompt, _next_year_buttons),
    )
}


def keyboard(step: Step, draft: Draft, zone: ZoneInfo, now: datetime, languages: tuple[str, ...],
             first: bool, extra: Extra, easy: bool = False) -> Keyboard:
    """The step's own buttons, then Skip, Back and Cancel (which every step has). Easy Read spells days out."""
    def buttons(tr: Tr) -> Rows:
        assert step.buttons is not None
        if step.buttons is _day_buttons:
            return _day_buttons(tr, draft, zone, now, extra, easy)
        return step.buttons(tr, draft, zone, now, extra)
    layouts = [buttons(Tr(language)) for language in languages] if step.buttons else []
    rows = [
        [
            Button(" / ".join(dict.fromkeys(plain(layout[r][c][0]) for layout in layouts)), encode(BUTTON, name, value))
            for c, (_, name, value) in enumerate(row)
        ]
        for r, row in enumerate(layouts[0] if layouts else [])
    ]
    navigation = []
    if step.skippable:
        navigation.append(Button(label_in(languages, lambda tr: tr._("⏭ Skip")), encode(BUTTON, step.name, "skip")))
    if not first:
        navigation.append(Button(label_in(languages, lambda tr: tr._("⬅️ Back")), encode(BUTTON, step.name, "back")))
    navigation.append(Button(label_in(languages, lambda tr: tr._("✖️ Cancel")), encode(BUTTON, step.name, "cancel")))
    return Keyboard.of(*rows, navigation)
