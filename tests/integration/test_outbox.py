"""The outbox on a real database (SQLite and PostgreSQL): a group post or announcement is saved in the same
transaction as the change that causes it, or not at all; and a send whose answer was lost is never repeated,
except a live post, whose message id the tally needs."""

from datetime import timedelta

import pytest

from bot.chat.actions import SendMessage, Sent
from bot.chat.outbound import Outbound
from bot.domain.decisions import Outcome, OutcomeKind
from bot.domain.reminders import ReminderState
from bot.i18n.markup import Markup
from bot.schedule.delivery import Delivery, DeliveryContext, Send
from bot.services import outbox, reminders
from bot.services.errors import BotNotInGroup
from bot.transports.sender import TelegramDown
from handlers.proposal_post import OUTBOX_KINDS
from tests.integration.test_meetups import new_meetup
from tests.integration.test_voting import CHAT, member, proposal, vote


@pytest.fixture
async def walkers(uow, clock):
    """A group of four (as in test_voting), the first its Telegram creator."""
    await member(uow, clock, 1, "Dafydd", status="creator")
    for telegram_id, name in ((2, "Alys"), (3, "Ben"), (4, "Ceri")):
        await member(uow, clock, telegram_id, name)


async def rows(uow, *states):
    async with uow() as work:
        return {r.key: r for r in await work.reminders.in_state(*(states or ("pending",)))}


async def test_a_new_proposal_and_its_group_post_are_saved_together(uow, clock, walkers):
    view = await proposal(uow, clock)
    post = (await rows(uow))[outbox.proposal_post_key(view.id)]
    assert (post.kind, post.chat_id, post.subject_id, post.send_at) == ("proposal_post", CHAT, view.id, clock.now())


async def test_a_proposal_to_a_group_the_bot_left_is_refused_and_nothing_is_saved(uow, clock, walkers):
    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        group.bot_present = False
        await work.commit()
    with pytest.raises(BotNotInGroup):
        await proposal(uow, clock)
    async with uow() as work:
        assert await work.proposals.open_in_group(group.id) == []
    assert await rows(uow) == {}


async def test_a_passed_vote_saves_its_announcement_and_meetup_post_with_the_decision(uow, clock, walkers):
    view = await proposal(uow, clock)
    for telegram_id in (1, 2, 3, 4):
        cast = await vote(uow, clock, telegram_id, view.id, "yes")
    closing = cast.closing
    async with uow() as work:
        meetup = await work.proposals.meetup_for(view.id)
    assert closing.outbox == (outbox.outcome_key(view.id, closing.outcome), outbox.meetup_post_key(meetup.id))
    pending = await rows(uow)
    assert all(key in pending for key in closing.outbox)
    assert outbox.outcome_of(closing.outbox[0]) == (view.id, Outcome(OutcomeKind.PASSED, winner=0))


class LostAnswer:
    """Telegram took the message but its answer never came (a timeout): every send is "maybe done"."""

    bot_username = "criw_bot"

    def __init__(self) -> None:
        self.calls = 0

    async def perform(self, action):
        self.calls += 1
        raise TelegramDown("timed out", maybe_done=True)


async def plan_and_deliver(uow, clock, key, *, live):
    platform = LostAnswer()
    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        await reminders.plan(work, kind="post", key=key, due_at=clock.now(), group=group)
        await work.commit()

    async def post(reminder, context):
        return Send(SendMessage(reminder.chat_id, Markup("📣")), live=live)

    delivery = Delivery(DeliveryContext(uow, clock, Outbound(platform, uow)), {"post": post})
    state = await delivery.deliver_now(key)
    return state, platform


async def test_a_message_whose_answer_was_lost_is_unknown_and_never_sent_again(uow, clock, walkers):
    state, platform = await plan_and_deliver(uow, clock, "post:once", live=False)
    assert state is ReminderState.UNKNOWN
    delivery = Delivery(DeliveryContext(uow, clock, Outbound(platform, uow)), {})
    clock.advance(timedelta(hours=1))  # long past any backoff
    await delivery.run_once()
    assert platform.calls == 1
    assert "post:once" in await rows(uow, "unknown")


async def test_a_live_post_whose_answer_was_lost_is_posted_again(uow, clock, walkers):
    state, platform = await plan_and_deliver(uow, clock, "post:live", live=True)
    assert state is None and platform.calls == 1
    assert (await rows(uow))["post:live"].attempts == 1  # back in the queue, its attempt counted


async def test_a_sent_posts_message_id_is_recorded_when_telegram_accepts_it(uow, clock, walkers):
    view = await proposal(uow, clock)

    class Accepts:
        bot_username = "criw_bot"

        async def perform(self, action):
            return Sent(action.chat_id, 42)

    delivery = Delivery(DeliveryContext(uow, clock, Outbound(Accepts(), uow)), OUTBOX_KINDS)
    assert await delivery.deliver_now(outbox.proposal_post_key(view.id)) is ReminderState.SENT
    async with uow() as work:
        assert (await work.proposals.get(view.id)).post_message_id == 42


async def test_a_claim_left_by_a_sender_that_died_goes_back_after_the_lease_and_a_fresh_one_stays(uow, clock, walkers):
    view = await proposal(uow, clock)
    async with uow() as work:
        assert await reminders.claim(work, clock, outbox.proposal_post_key(view.id)) is not None  # then it "dies"
    async with uow() as work:
        assert await reminders.release_stale(work, clock) == 0  # still within the lease
    clock.advance(reminders.LEASE + timedelta(seconds=1))
    async with uow() as work:
        assert await reminders.release_stale(work, clock) == 1
    assert outbox.proposal_post_key(view.id) in await rows(uow)


@pytest.mark.parametrize("every", ["", "weekly"])
async def test_a_coordinators_new_meetup_or_series_date_and_its_group_post_are_saved_together(uow, clock, walkers,
                                                                                              every):
    first = await new_meetup(uow, clock, every=every)
    async with uow() as work:
        made = [m.id for m in await work.meetups.of_series(first.meetup.series_id)] if every else [first.id]
    pending = await rows(uow)
    assert made and all(outbox.meetup_post_key(meetup_id) in pending for meetup_id in made)
