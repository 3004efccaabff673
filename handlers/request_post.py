"""Where requests go: cards to the coordinators (kept up to date once someone decides), the answer to the
member who asked, a line under the meet-up's group post, and each rider's pickup note.

Every request ends in a message to the member, in their language, and (for a meet-up) a line on its post.
"""

from __future__ import annotations

import logging

from bot.chat.actions import EditKeyboard, EditMessage, SendMessage
from bot.chat.callbacks import encode
from bot.chat.keyboard import Button, Keyboard
from bot.chat.outbound import Outbound
from bot.domain import language
from bot.domain.bookings import Kind, RequestState, over_limits
from bot.domain.clock import Clock
from bot.i18n.easy import both
from bot.i18n.markup import Markup
from bot.i18n.translator import Render, Tr, label_in, render_in
from bot.services import meetups, request_decisions, requests
from bot.services.request_decisions import Decided
from bot.services.requests import RequestView
from bot.store.models import Person
from bot.store.uow import UnitOfWorkFactory
from handlers import meetup_post
from handlers import request_text as text

log = logging.getLogger(__name__)
CARD, MEMBER = "rq", "rm"  # coordinators' buttons on a card; the member's buttons


def card_keyboard(view: RequestView, languages: tuple[str, ...]) -> Keyboard | None:
    """Approve, Decline, Ask, and (rooms and vehicles) choose or offer another; once approved, Take back;
    none once it is closed."""
    def button(render: Render, action: str) -> Button:
        return Button(label_in(languages, render), encode(CARD, action, view.id))

    if view.state is RequestState.APPROVED:
        return Keyboard.of([button(lambda tr: tr._("↩️ Take back the approval"), "u")])
    if not view.is_open:
        return None

    rows = [[button(lambda tr: tr._("✅ Approve"), "a"), button(lambda tr: tr._("❌ Decline"), "d")],
            [button(lambda tr: tr._("❓ Ask a question"), "q")]]
    if over_limits(view.assessment):  # approving past a limit needs a typed reason
        rows.append([button(lambda tr: tr._("⚠️ Approve over the limit, with a reason"), "l")])
    if view.kind is Kind.ROOM and view.resource is None:
        rows.append([button(lambda tr: tr._("🏠 Choose a room"), "o")])
    elif view.kind is Kind.VEHICLE and view.resource is None:
        rows.append([button(lambda tr: tr._("🚌 Choose a vehicle"), "o")])
    elif view.kind is not Kind.MONEY:
        rows.append([button(lambda tr: tr._("🔁 Offer another room or time") if view.kind is Kind.ROOM
                            else tr._("🔁 Offer another vehicle or time"), "o")])
    return Keyboard.of(*rows)


def member_keyboard(view: RequestView, languages: tuple[str, ...]) -> Keyboard | None:
    """Answer a question, or accept or refuse an offer."""
    def button(render: Render, action: str) -> Button:
        return Button(label_in(languages, render), encode(MEMBER, action, view.id))

    if view.state is RequestState.NEEDS_INFO:
        return Keyboard.of([button(lambda tr: tr._("✍️ Answer"), "ans")])
    if view.state is RequestState.OFFERED:
        return Keyboard.of([button(lambda tr: tr._("✅ Accept"), "yes"),
                            button(lambda tr: tr._("❌ No, thanks"), "no")])
    return None


async def show_card(outbound: Outbound, uow: UnitOfWorkFactory, view: RequestView, person: Person,
                    intro: Render | None = None) -> bool:
    """Send a coordinator the request's card (remembered, so a decision can update it)."""
    languages = language.for_person(person.language)
    message = await outbound.private_message(person, text.card_message(view, intro), card_keyboard(view, languages))
    sent = await outbound.send(message)
    if sent is None or sent.message_id is None:
        return False
    async with uow() as work:
        await request_decisions.record_card(work, view.id, person.telegram_id, sent.message_id)
    return True


async def show_to_coordinators(outbound: Outbound, uow: UnitOfWorkFactory, view: RequestView,
                               coordinators: list[Person], intro: Render | None = None) -> int:
    shown = 0
    for person in coordinators:
        shown += await show_card(outbound, uow, view, person, intro)
    return shown


async def send_new(outbound: Outbound, uow: UnitOfWorkFactory, clock: Clock, request_id: int) -> int:
    """Show a new request to the organisation's coordinators, once (a handler and the reminder may both try)."""
    claimed = await request_decisions.claim_cards(uow, clock, request_id)
    if claimed is None:
        return 0
    view, coordinators = claimed
    return await show_to_coordinators(outbound, uow, view, coordinators, both(
        lambda tr: tr._("📥 A new request needs a decision."),
        lambda tr: tr.p_("easy", "📥 A new request needs your answer.")))


async def send_for_proposal(outbound: Outbound, proposal_id: int) -> int:
    """A proposal just passed: show the requests made from its needs to the coordinators at once (the
    reminder planned with each would do it too, a little later)."""
    async with outbound.uow() as work:
        meetup = await meetups.for_proposal(work, proposal_id)
        found = await requests.of_meetup(work, meetup.id) if meetup is not None else []
    return sum([await send_new(outbound, outbound.uow, outbound.clock, request_id) for request_id in found])


async def update_cards(outbound: Outbound, uow: UnitOfWorkFactory, decided: Decided,
                       fresh_in: int | None = None) -> None:
    """Every coordinator's card for the request now shows where it stands (buttons gone once decided). In
    `fresh_in` (a chat about to get a new card) the old card just loses its buttons."""
    for card in decided.cards:
        async with uow() as work:
            person = await work.people.by_telegram_id(card.chat_id)
        languages = language.for_person(person.language if person else None)
        body = _card_text(person, languages, decided.view)
        action: EditMessage | EditKeyboard = (
            EditKeyboard(card.chat_id, card.message_id, None) if card.chat_id == fresh_in
            else EditMessage(card.chat_id, card.message_id, body, card_keyboard(decided.view, languages)))
        try:
            await outbound.platform.perform(action)
        except Exception:  # an old card that can't be edited any more is no reason to fail the decision
            log.info("request %s: card in chat %s could not be updated", decided.view.id, card.chat_id)


def _card_text(person: Person | None, languages: tuple[str, ...], view: RequestView) -> Markup:
    """A card edited in place reads as the coordinator chose: Easy Read in their one language, or standard."""
    if person is not None and person.easy_read:  # the same language Outbound.private_message chose for the card
        return text.easy_card(Tr(person.language or language.suggested(person.language_hint) or languages[0]), view)
    return render_in(languages, lambda tr: text.card(tr, view))


async def tell_member(outbound: Outbound, view: RequestView) -> bool:
    languages = language.for_person(view.requester.language)
    return bool(await outbound.to_person(view.requester, text.told(view), member_keyboard(view, languages)))


async def line_on_meetup(outbound: Outbound, uow: UnitOfWorkFactory, decided: Decided) -> None:
    """Under the meet-up's group post: how the request ended; and the post itself, if the place or transport
    was just filled in."""
    view = decided.view
    if view.meetup is None or view.meetup.id is None or not view.group.bot_present:
        return
    if decided.meetup_changed:
        async with uow() as work:
            current = await meetups.get_view(work, view.meetup.id)
        if current is not None:
            await meetup_post.edit_post(outbound, current)
    body = render_in(language.for_group(view.group.language_mode), lambda tr: text.meetup_line(tr, view))
    await outbound.send(SendMessage(view.group.chat_id, body, reply_to_message_id=view.meetup.post_message_id))


async def after_meetup_cancelled(outbound: Outbound, uow: UnitOfWorkFactory, closed: list[Decided]) -> int:
    """Each request a meet-up's cancellation closed: its cards say so, and whoever asked is told (unless they
    cancelled it themselves). Returns how many requesters were told."""
    told = 0
    for decided in closed:
        await update_cards(outbound, uow, decided)
        if decided.actor.id != decided.view.requester.id:
            told += await tell_member(outbound, decided.view)
    return told


async def after_meetup_moved(outbound: Outbound, uow: UnitOfWorkFactory, moved: list[tuple[Decided, str]]) -> None:
    """Each request a move carried along: its cards show the new time and fresh checks; a booking kept at the
    new time is confirmed to the coordinator who approved it; one that clashes there goes back to them, with
    its card, and whoever asked is told."""
    for decided, outcome in moved:
        await update_cards(outbound, uow, decided)
        view, approver = decided.view, decided.view.decided_by
        if outcome == "kept" and approver is not None and approver.can_dm:
            await outbound.to_person(approver, text.booking_kept(view))
        elif outcome == "clash":
            if approver is not None and approver.can_dm:
                await show_card(outbound, uow, view, approver, text.BOOKING_CLASHED)
            await outbound.to_person(view.requester, text.booking_lost_member())


async def tell_riders(outbound: Outbound, view: RequestView) -> int:
    """Privately, each rider's pickup time and place, once their transport is booked."""
    if view.kind is not Kind.VEHICLE or view.state is not RequestState.APPROVED or view.meetup is None:
        return 0
    told = 0
    for person, pickup in view.riders:
        if person.can_dm and await outbound.to_person(person, text.rider_note(view, pickup)):
            told += 1
    return told


async def after_decision(outbound: Outbound, uow: UnitOfWorkFactory, decided: Decided) -> None:
    """Tell everyone who needs to know what just happened to a request."""
    view = decided.view
    await update_cards(outbound, uow, decided)
    if decided.actor.id != view.requester.id and view.state is not RequestState.PENDING:
        await tell_member(outbound, view)
    if view.state in (RequestState.APPROVED, RequestState.DECLINED, RequestState.CANCELLED, RequestState.REVOKED):
        await line_on_meetup(outbound, uow, decided)
    await tell_riders(outbound, view)
