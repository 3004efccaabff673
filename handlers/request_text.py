"""How requests read: the coordinator's card with its checks, what the member is told, the line on the
meet-up post, the riders' pickup note, and /requests. Text only, no I/O."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.bookings import OVER_LIMIT, Access, ClosedBecause, DeclineReason, Kind, Problem, RequestState
from bot.i18n.easy import Readable, both, easy_form
from bot.i18n.markup import Markup, bold, escape, one_per_line
from bot.i18n.translator import Render, Tr
from bot.services.requests import RequestView, hours_of, target
from handlers.proposal_text import when
from handlers.resource_text import hours_text, money, need_label, needs_list

MEETUP_CLOSED = (ClosedBecause.MEETUP_CANCELLED, ClosedBecause.MEETUP_RELEASED)


def kind_label(tr: Tr, kind: str) -> Markup:
    return {Kind.ROOM: tr._("🏠 A room"), Kind.VEHICLE: tr._("🚌 Transport"), Kind.MONEY: tr._("💷 Money")}[Kind(kind)]


def state_label(tr: Tr, state: str) -> Markup:
    return {
        RequestState.PENDING: tr._("⏳ Waiting for a coordinator"),
        RequestState.NEEDS_INFO: tr._("❓ A coordinator has a question"),
        RequestState.OFFERED: tr._("🔁 Something else was offered"),
        RequestState.APPROVED: tr._("✅ Approved"),
        RequestState.DECLINED: tr._("❌ Declined"),
        RequestState.CANCELLED: tr._("✖️ Closed"),
        RequestState.REVOKED: tr._("↩️ Approval taken back"),
    }[RequestState(state)]


def reason_text(tr: Tr, code: str, typed: str) -> Markup:
    match code:
        case DeclineReason.BOOKED:
            return tr._("The room or vehicle is already booked then.")
        case DeclineReason.BUDGET:
            return tr._("There isn't enough money left in the budget.")
        case DeclineReason.NOTICE:
            return tr._("It's too short notice to arrange.")
        case DeclineReason.UNSUITABLE:
            return tr._("It isn't something we can support.")
    return escape(typed)


def time_range(tr: Tr, starts_at: datetime, ends_at: datetime | None, zone: ZoneInfo) -> Markup:
    if ends_at is None:
        return escape(when(tr, starts_at, zone))
    same_day = starts_at.astimezone(zone).date() == ends_at.astimezone(zone).date()
    ends = tr.when(ends_at, zone, 'HH:mm' if same_day else 'EEEE d MMMM, HH:mm')
    return escape(f"{when(tr, starts_at, zone)}–{ends}")


def heading(tr: Tr, view: RequestView) -> Markup:
    # Translators: id is the request's number; kind is "A room", "Transport" or "Money" with its emoji.
    return tr._("🧾 Request %(id)s: %(kind)s", id=view.id, kind=kind_label(tr, view.kind))


def _what(tr: Tr, view: RequestView) -> list[Markup]:
    request = view.request
    lines: list[Markup] = []
    if view.kind is Kind.ROOM:
        lines.append(tr._("🏠 Room: %(name)s", name=view.resource.name) if view.resource
                     else tr._("🏠 Room: any suitable room"))
        lines.append(tr._("👥 How many: %(n)s", n=max(request.people, view.going)))
        if request.access:
            lines.append(tr._("♿ Access asked for: %(needs)s", needs=needs_list(tr, request.access)))
    elif view.kind is Kind.VEHICLE:
        lines.append(tr._("🚌 Vehicle: %(name)s", name=view.resource.name) if view.resource
                     else tr._("🚌 Vehicle: any suitable vehicle"))
        lines.append(tr._("🪑 Seats: %(n)s", n=max(request.seats, len(view.riders))))
        if request.wheelchair_spaces:
            lines.append(tr._("♿ Wheelchair spaces: %(n)s", n=request.wheelchair_spaces))
        pickups = [place for _, place in view.riders if place] + ([request.pickups] if request.pickups else [])
        if view.riders:
            lines.append(tr._("🚗 Lifts asked for on the meet-up: %(n)s", n=len(view.riders)))
        if pickups:
            lines.append(tr._("📍 Pickup points: %(places)s", places="; ".join(pickups)))
    else:
        lines.append(tr._("💷 Amount: %(amount)s", amount=money(tr, request.amount)))
        if view.budget_left is not None and view.is_open:
            lines.append(tr._("💷 Left in the budget: %(left)s", left=money(tr, view.budget_left)))
    return lines


def summary(tr: Tr, view: RequestView) -> list[Markup]:
    """What is asked for, for whom and when: the lines every view of a request shares."""
    request = view.request
    lines: list[Markup] = [heading(tr, view), tr._("👥 Group: %(group)s", group=view.group.title),
             tr._("🙋 Asked by: %(name)s", name=view.requester.display_name)]
    if view.meetup is not None:
        lines.append(tr._("📍 Meet-up: %(title)s", title=view.meetup.title))
    if request.starts_at is not None and view.kind is not Kind.MONEY:
        lines.append(tr._("📅 When: %(when)s", when=time_range(tr, request.starts_at, request.ends_at, view.zone)))
    lines.extend(_what(tr, view))
    if request.note:
        lines.append(tr._("📝 What for: %(note)s", note=request.note))
    return lines


def _history(tr: Tr, view: RequestView) -> list[Markup]:
    request = view.request
    lines: list[Markup] = []
    if request.question:
        lines.append(tr._("❓ Question: %(question)s", question=request.question))
    if request.answer:
        lines.append(tr._("💬 Answer: %(answer)s", answer=request.answer))
    if view.state is RequestState.OFFERED:
        lines.extend(offer_lines(tr, view))
    if view.state is RequestState.DECLINED:
        lines.append(tr._("❌ Reason: %(reason)s", reason=reason_text(tr, request.reason_code, request.reason)))
    return lines + override_lines(tr, view) + closed_lines(tr, view)


def override_lines(tr: Tr, view: RequestView) -> list[Markup]:
    """An approval past a limit says so, with the coordinator's reason."""
    if view.state is not RequestState.APPROVED or view.request.reason_code != OVER_LIMIT:
        return []
    return [tr._("⚠️ Approved over the limit. Reason: %(reason)s", reason=view.request.reason)]


def freed_line(tr: Tr, view: RequestView) -> Markup:
    """What a released approval gives back."""
    if view.kind is Kind.MONEY:
        return tr._("💷 %(amount)s goes back to the budget.", amount=money(tr, view.request.amount))
    name = view.resource.name if view.resource is not None else "–"
    # Translators: name is a room's or a vehicle's name.
    return tr._("🔓 Free again at that time: %(name)s", name=name)


def closed_lines(tr: Tr, view: RequestView) -> list[Markup]:
    """Why a request closed without a decline (its meet-up was cancelled, the member took it back, a coordinator
    took the approval back), and what that freed."""
    request, name = view.request, view.requester.display_name
    if view.state is RequestState.REVOKED:
        return [tr._("↩️ Approval taken back. Reason: %(reason)s",
                     reason=reason_text(tr, request.reason_code, request.reason)), freed_line(tr, view)]
    if view.state is not RequestState.CANCELLED:
        return []
    match request.reason_code:
        case ClosedBecause.MEETUP_CANCELLED:
            return [tr._("📅 Closed: the meet-up was cancelled.")]
        case ClosedBecause.MEETUP_RELEASED:
            return [tr._("📅 Released: the meet-up was cancelled."), freed_line(tr, view)]
        case ClosedBecause.WITHDRAWN:
            return [tr._("✖️ Taken back by %(name)s.", name=name)]
        case ClosedBecause.RELEASED:
            return [tr._("↩️ Given back by %(name)s.", name=name), freed_line(tr, view)]
    return []


def offer_lines(tr: Tr, view: RequestView) -> list[Markup]:
    request = view.request
    lines: list[Markup] = []
    if view.offer is not None:
        lines.append(tr._("🔁 Offered instead: %(name)s", name=view.offer.name))
    if request.offer_starts_at is not None:
        lines.append(tr._("📅 Offered time: %(when)s", when=time_range(
            tr, request.offer_starts_at, request.offer_ends_at, view.zone)))
    return lines


def problem_line(tr: Tr, view: RequestView, problem: Problem) -> Markup:
    match problem.code:
        case "clash":
            return tr.n_("⛔ Already booked then: %(n)s approved booking overlaps (set-up time included).",
                         "⛔ Already booked then: %(n)s approved bookings overlap (set-up time included).", problem.n)
        case "gone":
            return tr._("⛔ This room or vehicle has been removed.")
        case "choose":
            return (tr._("🏠 No room chosen yet: choose one below.") if view.kind is Kind.ROOM
                    else tr._("🚌 No vehicle chosen yet: choose one below."))
        case "past":
            return tr._("⛔ This time has already passed.")
        case "capacity":
            return tr.n_("👥 Too small: %(n)s more person than the room holds.",
                         "👥 Too small: %(n)s more people than the room holds.", problem.n)
        case "seats":
            return tr.n_("🪑 Not enough seats: %(n)s seat short.", "🪑 Not enough seats: %(n)s seats short.", problem.n)
        case "wheelchair":
            return tr._("♿ Not enough wheelchair spaces: %(n)s short.", n=problem.n)
        case "driver":
            return tr._("🧑‍✈️ Needs a driver: please arrange one.")
        case "budget":
            return tr._("⛔ Not enough money left in the budget: %(left)s left.", left=money(tr, problem.n))
        case "no_budget":
            return tr._("💷 No budget is set for this period.")
        case "closed":
            booked = view.offer if view.state is RequestState.OFFERED else view.resource
            hours = hours_text(tr, hours_of(booked)) if booked is not None else ""
            return tr._("🕘 Outside the opening hours: %(hours)s", hours=hours)
    return access_line(tr, problem)


def access_line(tr: Tr, problem: Problem) -> Markup:
    need = need_label(tr, problem.need or Access.STEP_FREE)
    if problem.n:
        # Translators: need is e.g. "step-free access" or "a hearing loop".
        return tr.n_("♿ %(n)s person who is going needs %(need)s; this room hasn't got it.",
                     "♿ %(n)s people who are going need %(need)s; this room hasn't got it.", problem.n, need=need)
    return tr._("♿ Asked for: %(need)s; this room hasn't got it.", need=need)


def checks(tr: Tr, view: RequestView) -> list[Markup]:
    if not view.is_open:
        return []
    found = [problem_line(tr, view, problem) for problem in view.assessment.problems]
    return [tr._("🔎 Checks:"), *(found or [tr._("✅ No problems found.")])]


def card(tr: Tr, view: RequestView) -> Markup:
    """What a coordinator sees: the request, its history, where it stands, and the checks."""
    lines = [*summary(tr, view), *_history(tr, view), tr._("📌 Where it stands: %(state)s",
                                                          state=state_label(tr, view.state))]
    if view.decided_by is not None and not view.is_open:
        lines.append(tr._("🧑‍💼 Decided by: %(name)s", name=view.decided_by.display_name))
    found = checks(tr, view)
    return one_per_line([*lines, "", *found] if found else lines)


def easy_card(tr: Tr, view: RequestView) -> Markup:
    """The card in Easy Read: who asks for what and when, where it stands, and any problems."""
    request = view.request
    # Translators: Easy Read. id is the request's number; kind is "A room", "Transport" or "Money" with its emoji.
    lines: list[Markup] = [tr.p_("easy", "🧾 Request %(id)s: %(kind)s", id=view.id, kind=kind_label(tr, view.kind)),
             tr.p_("easy", "🙋 From: %(name)s", name=view.requester.display_name)]
    if request.starts_at is not None and view.kind is not Kind.MONEY:
        lines.append(tr.p_("easy", "📅 When: %(when)s", when=when(tr, request.starts_at, view.zone)))
    if view.kind is Kind.ROOM:
        lines.append(tr.p_("easy", "👥 For %(n)s people", n=max(request.people, view.going)))
    elif view.kind is Kind.VEHICLE:
        lines.append(tr.p_("easy", "🪑 Seats: %(n)s", n=max(request.seats, len(view.riders))))
    else:
        lines.append(tr.p_("easy", "💷 Money: %(amount)s", amount=money(tr, request.amount)))
    if request.note:
        lines.append(tr.p_("easy", "📝 For: %(what)s", what=request.note))
    lines.append(tr.p_("easy", "📌 Now: %(state)s", state=state_label(tr, view.state)))
    lines.extend(override_lines(tr, view) + closed_lines(tr, view))
    if view.is_open:
        found = [problem_line(tr, view, problem) for problem in view.assessment.problems]
        lines.extend(found or [tr.p_("easy", "✅ No problems found.")])
        lines.append(tr.p_("easy", "👆 Please press a button to answer."))
    return one_per_line(lines)


def card_message(view: RequestView, intro: Render | None = None) -> Readable:
    """A coordinator's card in both forms, after a line saying why it is shown (if any)."""

    def standard(tr: Tr) -> Markup:
        return Markup("\n\n").join([intro(tr), card(tr, view)]) if intro else card(tr, view)

    def easy(tr: Tr) -> Markup:
        return one_per_line([easy_form(intro)(tr), easy_card(tr, view)]) if intro else easy_card(tr, view)

    return both(standard, easy)


def booked_line(tr: Tr, view: RequestView) -> Markup:
    resource = view.resource
    if view.kind is Kind.MONEY:
        return tr._("💷 Amount: %(amount)s", amount=money(tr, view.request.amount))
    assert resource is not None
    if view.kind is Kind.VEHICLE:
        return tr._("🚌 Vehicle: %(name)s", name=resource.name)
    place = ", ".join(part for part in (resource.name, resource.address) if part)
    return tr._("📍 Where: %(place)s", place=place)


def told(view: RequestView) -> Readable:
    """What the member who asked is told when a request ends, or needs them (with an Easy Read form)."""
    return both(lambda tr: _told(tr, view), lambda tr: _told_easy(tr, view))


def _told(tr: Tr, view: RequestView) -> Markup:
    request = view.request
    head = {
        RequestState.APPROVED: tr._("✅ Good news: your request is approved."),
        RequestState.DECLINED: tr._("❌ Sorry: your request was not approved."),
        RequestState.NEEDS_INFO: tr._("❓ A coordinator has a question about your request."),
        RequestState.OFFERED: tr._("🔁 A coordinator can't give exactly what you asked for, and offers this instead."),
        RequestState.CANCELLED: (tr._("📅 The meet-up was cancelled, so your request is closed.")
                                 if request.reason_code in MEETUP_CLOSED else tr._("✖️ Your request is closed.")),
        RequestState.REVOKED: tr._("↩️ Sorry: a coordinator has taken back the approval of your request."),
        RequestState.PENDING: tr._("📨 Your request is with the coordinators."),
    }[view.state]
    lines = [head, heading(tr, view)]
    if view.meetup is not None:
        lines.append(tr._("📍 Meet-up: %(title)s", title=view.meetup.title))
    if view.state is RequestState.APPROVED:
        lines.append(booked_line(tr, view))
        if request.starts_at is not None and view.kind is not Kind.MONEY:
            lines.append(tr._("📅 When: %(when)s", when=time_range(tr, request.starts_at, request.ends_at, view.zone)))
    elif view.state is RequestState.DECLINED:
        lines.append(tr._("❌ Reason: %(reason)s", reason=reason_text(tr, request.reason_code, request.reason)))
        lines.append(tr._("You can ask again, or for something else, with /requests."))
    elif view.state is RequestState.NEEDS_INFO:
        lines.append(tr._("❓ Question: %(question)s", question=request.question))
        lines.append(tr._("Press Answer, then write your answer."))
    elif view.state is RequestState.OFFERED:
        lines.extend(offer_lines(tr, view))
    elif view.state is RequestState.REVOKED:
        lines.append(tr._("❌ Reason: %(reason)s", reason=reason_text(tr, request.reason_code, request.reason)))
        lines.append(tr._("You can ask again, or for something else, with /requests."))
    elif request.reason_code == ClosedBecause.MEETUP_RELEASED:
        lines.append(freed_line(tr, view))
    return one_per_line(lines)


def _told_easy(tr: Tr, view: RequestView) -> Markup:
    request = view.request
    match view.state:
        case RequestState.APPROVED:
            lines = [{Kind.ROOM: tr.p_("easy", "✅ Good news: you have the room."),
                      Kind.VEHICLE: tr.p_("easy", "✅ Good news: you have the transport."),
                      Kind.MONEY: tr.p_("easy", "✅ Good news: you can have the money.")}[view.kind],
                     booked_line(tr, view)]
            if request.starts_at is not None and view.kind is not Kind.MONEY:
                lines.append(tr.p_("easy", "📅 When: %(when)s", when=when(tr, request.starts_at, view.zone)))
        case RequestState.DECLINED:
            lines = [tr.p_("easy", "❌ Sorry. The answer is no."),
                     tr.p_("easy", "💬 Why: %(reason)s", reason=reason_text(tr, request.reason_code, request.reason)),
                     tr.p_("easy", "🙋 You can ask again. Use /requests.")]
        case RequestState.NEEDS_INFO:
            lines = [tr.p_("easy", "❓ A coordinator has a question for you."),
                     Markup("💬 {}").format(request.question),
                     tr.p_("easy", "✍️ Press Answer. Then write your answer.")]
        case RequestState.OFFERED:
            lines = [tr.p_("easy", "🔁 A coordinator offers something else."), *offer_lines(tr, view),
                     tr.p_("easy", "✅ Press Accept if it is OK for you.")]
        case RequestState.REVOKED:
            lines = [tr.p_("easy", "↩️ Sorry. A coordinator took back the yes to your request."),
                     tr.p_("easy", "💬 Why: %(reason)s", reason=reason_text(tr, request.reason_code, request.reason)),
                     tr.p_("easy", "🙋 You can ask again. Use /requests.")]
        case _ if request.reason_code in MEETUP_CLOSED:
            lines = [tr.p_("easy", "📅 The meet-up is cancelled."), tr.p_("easy", "✖️ So your request is closed.")]
        case _:
            lines = [tr.p_("easy", "✖️ Your request is closed.")]
    return one_per_line(lines)


def meetup_line(tr: Tr, view: RequestView) -> Markup:
    """The short line under the meet-up's group post once a request for it ends (no private details)."""
    approved = view.state is RequestState.APPROVED
    if view.state is RequestState.CANCELLED:
        # Translators: kind is "A room", "Transport" or "Money" with its emoji.
        return tr._("✖️ Request withdrawn: %(kind)s", kind=kind_label(tr, view.kind))
    if view.state is RequestState.REVOKED:
        # Translators: kind is "A room", "Transport" or "Money" with its emoji.
        return tr._("↩️ Approval taken back: %(kind)s", kind=kind_label(tr, view.kind))
    match view.kind:
        case Kind.ROOM:
            return (tr._("✅ Room booked: %(name)s", name=view.resource.name) if approved and view.resource
                    else tr._("❌ Room request: not approved"))
        case Kind.VEHICLE:
            return (tr._("✅ Transport booked: %(name)s", name=view.resource.name) if approved and view.resource
                    else tr._("❌ Transport request: not approved"))
    return (tr._("✅ Money approved: %(amount)s", amount=money(tr, view.request.amount)) if approved
            else tr._("❌ Money request: not approved"))


def booking_kept(view: RequestView) -> Readable:
    """To the coordinator who approved it: the meet-up moved and the booking moved with it, still free."""
    def what(tr: Tr) -> str:
        return view.resource.name if view.resource is not None else money(tr, view.request.amount)

    def standard(tr: Tr) -> Markup:
        lines = [tr._("📅 A meet-up moved, and its booking moved with it (still free): %(name)s", name=what(tr)),
                 heading(tr, view)]
        if view.request.starts_at is not None and view.kind is not Kind.MONEY:
            lines.append(tr._("📅 When: %(when)s", when=time_range(tr, view.request.starts_at, view.request.ends_at,
                                                                 view.zone)))
        return one_per_line(lines)

    return both(standard, lambda tr: tr.p_("easy", "📅 A meet-up moved.\n✅ The booking moved too: %(name)s",
                                           name=what(tr)))


BOOKING_CLASHED = both(
    lambda tr: tr._("📅 The meet-up moved, and this is already booked at the new time. It is waiting for you "
                    "again: offer another room, vehicle or time, or decline."),
    lambda tr: tr.p_("easy", "📅 The meet-up moved.\n⛔ It is already booked at the new time.\n"
                             "👆 Please choose what to do."))


def booking_lost_member() -> Readable:
    """To whoever asked: their booking could not move with the meet-up."""
    return both(
        lambda tr: tr._("📅 Your meet-up moved, but what was booked for it is taken at the new time. The "
                        "coordinators will look for another way and tell you."),
        lambda tr: tr.p_("easy", "📅 Your meet-up moved.\n⛔ What you booked is not free at the new time.\n"
                                 "🧑‍💼 The coordinators will help. I will tell you."))


def rider_note(view: RequestView, pickup: str) -> Readable:
    """Privately, to each person who asked for a lift, once the transport is booked."""
    assert view.resource is not None and view.meetup is not None and view.request.starts_at is not None
    meetup, vehicle, starts_at = view.meetup, view.resource, view.request.starts_at

    def standard(tr: Tr) -> Markup:
        return one_per_line([
            tr._("🚌 Your lift is booked: %(title)s", title=bold(meetup.title)),
            tr._("🚌 Vehicle: %(name)s", name=vehicle.name),
            tr._("🕑 Pickup time: %(when)s", when=when(tr, starts_at, view.zone)),
            tr._("📍 Pickup place: %(place)s", place=pickup) if pickup
            else tr._("📍 Pickup place: the organiser will let you know.")])

    def easy(tr: Tr) -> Markup:
        return one_per_line([
            tr.p_("easy", "🚌 You have a lift to the meet-up: %(title)s", title=meetup.title),
            tr.p_("easy", "🕑 We pick you up: %(when)s", when=when(tr, starts_at, view.zone)),
            tr.p_("easy", "📍 Where: %(place)s", place=pickup) if pickup
            else tr.p_("easy", "📍 Where: the organiser will tell you.")])

    return both(standard, easy)


def listing_line(tr: Tr, view: RequestView) -> Markup:
    _, starts_at, ends_at = target(view.request)
    parts = [escape(view.id), kind_label(tr, view.kind)]
    if view.title:
        parts.append(bold(view.title))
    if view.kind is Kind.MONEY:
        parts.append(escape(money(tr, view.request.amount)))
    elif starts_at is not None:
        parts.append(time_range(tr, starts_at, ends_at, view.zone))
    return Markup("• ") + Markup(" · ").join(parts) + Markup("\n   ") + state_label(tr, view.state)
