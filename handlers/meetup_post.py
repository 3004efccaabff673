"""The meet-up's life in the group: the post with RSVP buttons, its live count, and change notices.

`rsvp_keyboard` is the one keyboard for answering a meet-up: on the group post, on /next, and on
private reminders (the reminders feature attaches it too).
"""

from __future__ import annotations

from bot.chat.actions import Sent
from bot.chat.callbacks import encode
from bot.chat.coalesce import Coalescer
from bot.chat.keyboard import Button, Keyboard
from bot.chat.outbound import Outbound
from bot.domain import language
from bot.domain.reminders import ReminderState
from bot.i18n.translator import label_in
from bot.schedule.delivery import DeliveryContext, Done, Handled, Send, send_now
from bot.services import meetups, outbox
from bot.services.meetup_changes import MeetupChanged
from bot.services.meetups import MeetupView
from bot.store.reminders import Reminder
from handlers import meetup_text as text

RSVP, LIFT, ICS = "r", "rl", "ics"
ANSWER_CODES = {"g": "going", "m": "maybe", "n": "no"}


def rsvp_keyboard(view: MeetupView, languages: tuple[str, ...]) -> Keyboard | None:
    """Going / Maybe / Not going, I need a lift, and the calendar file; none once it is off or over."""
    if not view.is_on:
        return None

    def button(render, prefix: str, *args: object) -> Button:  # type: ignore[no-untyped-def]
        return Button(label_in(languages, render), encode(prefix, view.id, *args))

    return Keyboard.of(
        [button(lambda tr: tr._("✅ Going"), RSVP, "g"), button(lambda tr: tr._("🤔 Maybe"), RSVP, "m")],
        [button(lambda tr: tr._("❌ Not going"), RSVP, "n")],
        [button(lambda tr: tr._("🚗 I need a lift"), LIFT), button(lambda tr: tr._("📅 Add to calendar"), ICS)],
    )


async def publish(outbound: Outbound, views: list[MeetupView]) -> bool:
    """Post new meet-ups (already in the outbox) to their groups now; False if Telegram isn't taking them,
    and the scheduler will post them when Telegram is back."""
    keys = [outbox.meetup_post_key(view.id) for view in views]
    return await send_now(outbound, {outbox.MEETUP_POST: post_from_outbox}, keys)


async def post_from_outbox(reminder: Reminder, context: DeliveryContext) -> Handled:
    """Outbox kind `meetup_post`: a passed proposal's new meet-up, posted so people can say if they're coming;
    its message id is recorded when Telegram accepts it, for the live counts."""
    assert reminder.subject_id is not None
    async with context.uow() as work:
        view = await meetups.get_view(work, reminder.subject_id)
    if view is None or view.meetup.post_message_id is not None or not view.is_on:
        return Done(ReminderState.SKIPPED, "posted already, or off")
    if not view.group.bot_present:
        return Done(ReminderState.CANCELLED, "the bot is not in the group")
    keyboard = rsvp_keyboard(view, language.for_group(view.group.language_mode))

    async def record(sent: Sent) -> None:
        if sent.message_id is not None:
            async with context.uow() as work:
                await meetups.record_post(work, view.id, sent.message_id)

    return Send(Outbound.group_message(view.group, lambda tr: text.post(tr, view), keyboard), record, live=True)


async def refresh(outbound: Outbound, edits: Coalescer, meetup_id: int, chat: int | None = None) -> None:
    """Bring the group post (in `chat`) up to date, coalescing bursts of answers into few edits."""

    async def edit() -> None:
        async with outbound.uow() as work:
            current = await meetups.get_view(work, meetup_id)
        if current is not None:
            await edit_post(outbound, current)

    await edits.request(("meetup", meetup_id), edit, chat)


async def edit_post(outbound: Outbound, view: MeetupView) -> None:
    if view.meetup.post_message_id is None:
        return
    keyboard = rsvp_keyboard(view, language.for_group(view.group.language_mode))
    sent = await outbound.edit_group_post(view.group, view.meetup.post_message_id, lambda tr: text.post(tr, view),
                                          keyboard)
    if sent is not None and sent.message_id not in (None, view.meetup.post_message_id):  # it was posted again
        async with outbound.uow() as work:
            await meetups.record_post(work, view.id, sent.message_id)


async def tell_about_change(outbound: Outbound, change: MeetupChanged) -> int:
    """Update the group post, tell the group, and tell each Going or Maybe member privately in their own
    language; returns how many were told privately."""
    view = change.view
    await edit_post(outbound, view)
    await outbound.to_group(view.group, lambda tr: text.changed(tr, change))
    told = 0
    for person in change.tell:
        keyboard = rsvp_keyboard(view, language.for_person(person.language))
        if await outbound.to_person(person, text.change_notice(change), keyboard) is not None:
            told += 1
    return told
