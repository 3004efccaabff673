"""Update claims on a real database: a re-delivered update is done once, an update whose handler died is
taken over (at once by a polling process, after the lease by a webhook worker), and a webhook worker never
acknowledges an update another worker may have died holding."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.bootstrap import build
from bot.chat.events import ChatType, Event, EventKind, Sender
from bot.chat.failures import TryLater
from bot.domain.clock import FixedClock
from bot.services import updates
from bot.services.updates import LEASE, Claim
from bot.settings import load_settings
from tests.integration.checked_platform import CheckedPlatform

BEN = 501


def help_from_ben(update_id: int) -> Event:
    return Event(update_id, EventKind.MESSAGE, BEN, ChatType.PRIVATE, Sender(BEN, "Ben", "en"), text="/help",
                 message_id=update_id)


@pytest.fixture
async def worker(tmp_path, request):
    """The real core as a webhook worker (or, with `polling`, a polling process) and a CheckedPlatform."""
    webhook = "" if getattr(request, "param", "webhook") == "polling" else "https://criw.example/telegram"
    settings = load_settings(bot_token="1:claims", database_url=f"sqlite+aiosqlite:///{tmp_path / 'claims.db'}",
                             webhook_url=webhook, webhook_secret="s3cret", voice=False)
    clock = FixedClock()
    criw = await build(settings, clock, migrate=True)
    criw.dispatcher.busy_wait = 0.4
    yield criw, CheckedPlatform(), clock
    await criw.close()


async def someone_else_claims(criw, clock, update_id, *, wrote=False):
    """Another worker claimed the update (and maybe changed something), then went quiet."""
    async with criw.uow() as uow:
        assert await updates.claim(uow, clock, update_id, "other-worker", exclusive=False) is Claim.NEW
    if wrote:
        async with criw.uow() as uow:
            await updates.note_change(uow, update_id)
            await uow.commit()


async def test_a_redelivered_update_is_answered_once(worker):
    criw, platform, _ = worker
    await criw.dispatcher.handle(help_from_ben(10), platform)
    await criw.dispatcher.handle(help_from_ben(10), platform)
    assert len(platform.actions) == 1


async def test_a_webhook_worker_waits_for_the_one_handling_it_and_then_answers_nothing_more(worker):
    criw, platform, clock = worker
    await someone_else_claims(criw, clock, 11)
    async with criw.uow() as uow:
        await updates.finish(uow, 11)  # the other worker finishes while this one waits
    await criw.dispatcher.handle(help_from_ben(11), platform)
    assert platform.actions == []


async def test_a_webhook_worker_never_acknowledges_an_update_another_may_have_died_holding(worker):
    criw, platform, clock = worker
    await someone_else_claims(criw, clock, 12)
    with pytest.raises(TryLater):  # the webhook answers 503: Telegram delivers it again later
        await criw.dispatcher.handle(help_from_ben(12), platform)
    assert platform.actions == []
    clock.advance(LEASE + timedelta(seconds=1))  # by then the claim is stale and is taken over
    await criw.dispatcher.handle(help_from_ben(12), platform)
    assert len(platform.actions) == 1 and "Criw helps" in platform.actions[0].text


@pytest.mark.parametrize("worker", ["polling"], indirect=True)
async def test_a_polling_process_takes_over_at_once_and_does_not_repeat_what_was_saved(worker):
    criw, platform, clock = worker
    await someone_else_claims(criw, clock, 13)  # died before changing anything: handled again
    await criw.dispatcher.handle(help_from_ben(13), platform)
    assert "Criw helps" in platform.actions[-1].text
    await someone_else_claims(criw, clock, 14, wrote=True)  # died after a change: said, not redone
    await criw.dispatcher.handle(help_from_ben(14), platform)
    assert "Sorry, I was interrupted before I could finish." in platform.actions[-1].text  # both languages
    async with criw.uow() as uow:
        assert (await uow.updates.get(14)).finished
