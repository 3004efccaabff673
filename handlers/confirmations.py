"""Confirming time given: the private request, its Yes / Not right buttons, a kind reason when it isn't
right, and the one reminder when nobody has answered after a while (reminder kinds at the end).

```mermaid
stateDiagram-v2
    [*] --> pending: /log (the member), request sent to the chosen member or the coordinators
    pending --> confirmed: ✅ Yes (credits earned, the member is told)
    pending --> reason: ❌ Not right
    reason --> rejected: a quick reason or a few words (the member is told, kindly)
    pending --> pending: no answer after two days: one reminder each
```
"""

from __future__ import annotations

from bot.chat.actions import EditKeyboard
from bot.chat.callbacks import ID, YES_NO, encode
from bot.chat.context import Context
from bot.chat.keyboard import Button, Keyboard
from bot.chat.outbound import Outbound
from bot.chat.router import Router
from bot.domain import language
from bot.domain.contributions import REASON_MAX
from bot.domain.proposals import clean_text
from bot.domain.reminders import ReminderState
from bot.i18n.easy import both
from bot.i18n.markup import one_per_line
from bot.i18n.translator import Tr, label_in
from bot.schedule.delivery import DeliveryContext, Done, Handled, KindHandler, Send
from bot.services import contributions, credits
from bot.services.contributions import REMIND, ContributionView
from bot.services.errors import MayNotConfirm, NotFound
from bot.store.models import Person
from bot.store.reminders import Reminder
from bot.store.uow import UnitOfWorkFactory
from handlers import credit_text as text
from handlers.guided import Data, Guide, Step, steps

router = Router(name=__name__)
DECIDE = "crc"


def keyboard(view: ContributionView, languages: tuple[str, ...]) -> Keyboard:
    return Keyboard.of(
        [Button(label_in(languages, lambda tr: tr._("✅ Yes, confirm")), encode(DECIDE, view.id, "y"))],
        [Button(label_in(languages, lambda tr: tr._("❌ No, that's not right")), encode(DECIDE, view.id, "n"))],
    )


async def ask(outbound: Outbound, uow: UnitOfWorkFactory, view: ContributionView) -> list[Person]:
    """Send the request to whoever may confirm; if the chosen member can't be reached privately, the
    coordinators are asked instead. Returns who got it."""
    reached = await _send_requests(outbound, uow, view)
    if reached or view.confirmer is None:
        return reached
    async with uow() as work:
        await contributions.ask_coordinators_instead(work, view.id)
        instead = await contributions.still_pending(work, view.id)
    return await _send_requests(outbound, uow, instead) if instead else []


async def _send_requests(outbound: Outbound, uow: UnitOfWorkFactory, view: ContributionView) -> list[Person]:
    async with uow() as work:
        people = await contributions.confirmers_for(work, view)
    reached = []
    for person in people:
        languages = language.for_person(person.language)
        if await outbound.to_person(person, text.request(view), keyboard(view, languages)) is not None:
            reached.append(person)
    return reached


@router.callback(DECIDE, (ID, YES_NO))
async def decide(ctx: Context) -> None:
    """A confirmer pressed Yes or Not right: everything is checked again in the service."""
    assert ctx.callback is not None and ctx.person is not None
    contribution_id, answer = ctx.callback.int_arg(0), ctx.callback.args[1:2]
    if contribution_id is None or answer not in (("y",), ("n",)) or not ctx.event.is_private:
        raise NotFound(ctx.callback)
    try:
        if answer == ("y",):
            await _confirm(ctx, contribution_id)
        else:
            await _ask_reason(ctx, contribution_id)
    except MayNotConfirm:
        await ctx.answer(both(
            lambda tr: tr._("Sorry, you can't confirm this one. Nobody confirms their own time; the person asked, "
                            "or a coordinator, can."),
            lambda tr: tr.p_("easy", "🙋 Sorry, you cannot check this one.\n🧑‍💼 Someone else will check it.")),
            alert=True)


async def _confirm(ctx: Context, contribution_id: int) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        view = await contributions.confirm(uow, ctx.clock, contribution_id, ctx.person.telegram_id)
        balance = await credits.balance_of(uow, view.contribution.person_id)
    await ctx.answer(lambda tr: tr._("✅ Confirmed. Thank you!"), message=False)  # the edit below says so
    name = view.person.display_name
    await ctx.edit(both(
        lambda tr: one_per_line([tr._("✅ You confirmed %(name)s's time. Thank you!", name=name), "",
                              *text.details(tr, view)]),
        lambda tr: one_per_line([tr.p_("easy", "✅ Done. You said %(name)s's time is right.", name=name),
                              *text.easy_details(tr, view), tr.p_("easy", "🙏 Thank you!")])))
    await ctx.send_private(view.person, text.confirmed_for_member(view, balance))


async def _ask_reason(ctx: Context, contribution_id: int) -> None:
    assert ctx.person is not None
    async with ctx.uow() as uow:
        view = await contributions.may_decide(uow, contribution_id, ctx.person.telegram_id)
    await REASON.begin(ctx, "reason", {"contribution": view.id, "name": view.person.display_name,
                                       "message": ctx.event.message_id})


def _quick_buttons(tr: Tr, data: Data) -> list[list[tuple[str, str]]]:
    return [[(text.quick_reason_label(tr, code), code)] for code in text.QUICK_REASONS]


async def _reason_pressed(ctx: Context, step: str, value: str, data: Data) -> None:
    if value in text.QUICK_REASONS:
        await _reject(ctx, data, f":{value}")


async def _reason_typed(ctx: Context, step: str, typed: str, data: Data) -> None:
    reason = clean_text(typed)
    if not reason or len(reason) > REASON_MAX:
        await REASON.ask(ctx, step, data, both(
            lambda tr: tr._("Please write a short reason (up to %(limit)s characters).", limit=REASON_MAX),
            lambda tr: tr.p_("easy", "📝 Please write a short reason.\n✂️ Use fewer words.")))
        return
    await _reject(ctx, data, reason)


async def _reject(ctx: Context, data: Data, reason: str) -> None:
    """Record the reason and tell the member, kindly."""
    assert ctx.person is not None
    await REASON.end(ctx)
    async with ctx.uow() as uow:
        view = await contributions.reject(uow, ctx.clock, int(data["contribution"]), ctx.person.telegram_id, reason)
    if data.get("message"):  # the request's buttons can't change anything any more
        await ctx.platform.perform(EditKeyboard(ctx.event.chat_id, int(data["message"]), None))
    name = view.person.display_name
    await ctx.reply(both(lambda tr: tr._("💬 Thank you. I've let %(name)s know, kindly.", name=name),
                         lambda tr: tr.p_("easy", "💬 Thank you.\n🙋 I told %(name)s, kindly.", name=name)))
    await ctx.send_private(view.person, text.rejected_for_member(view))


REASON = Guide(
    flow="reject", button="crr",
    steps=steps(Step(
        "reason",
        lambda tr, d: tr._("💬 What isn't right? %(name)s will see your answer, so please be kind. Choose one, or "
                           "write a few words.", name=d["name"]),
        lambda tr, d: tr.p_("easy", "💬 What is not right?\n🙋 %(name)s will see your answer.\n👆 Press a reason, "
                                  "or write a few words.", name=d["name"]),
        _quick_buttons, typed=True)),
    on_button=_reason_pressed, on_text=_reason_typed,
    expired=both(lambda tr: tr._("This has expired. Nothing was changed."),
                 lambda tr: tr.p_("easy", "⌛ This has stopped.\n📝 Nothing was changed.")),
)
REASON.register(router)


async def remind(reminder: Reminder, context: DeliveryContext) -> Handled:
    """Two days on and still waiting: plan one private reminder for each person who may confirm it."""
    assert reminder.subject_id is not None
    async with context.uow() as uow:
        planned = await contributions.plan_reminders(uow, context.clock, reminder.subject_id)
    return Done() if planned else Done(ReminderState.SKIPPED, "decided, or nobody to remind")


async def remind_person(reminder: Reminder, context: DeliveryContext) -> Handled:
    """One confirmer's reminder, with the buttons again, unless it was decided meanwhile."""
    assert reminder.subject_id is not None
    async with context.uow() as uow:
        view = await contributions.still_pending(uow, reminder.subject_id)
        person = await uow.people.by_telegram_id(reminder.chat_id)
    if view is None or person is None or not person.can_dm:
        return Done(ReminderState.SKIPPED, "decided or unreachable")
    languages = language.for_person(person.language)
    return Send(await context.outbound.private_message(person, text.request(view, reminder=True),
                                                       keyboard(view, languages)))


KINDS: dict[str, KindHandler] = {REMIND: remind, f"{REMIND}_person": remind_person}
