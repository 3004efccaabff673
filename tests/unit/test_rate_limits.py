"""Telegram's flood limits, kept by a sliding-window limiter with a clock the test controls."""

import pytest

from bot.domain.rate_limits import Limit, Window
from bot.transports.limiter import SAFETY, RateLimiter


class FakeTime:
    def __init__(self):
        self.now = 0.0
        self.slept = []

    def clock(self):
        return self.now

    async def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_a_window_lets_count_through_then_says_how_long_to_wait():
    window = Window(Limit(2, 1.0))
    for moment in (0.0, 0.1):
        assert window.wait(moment) == 0
        window.record(moment)
    assert window.wait(0.5) == 0.5
    assert window.wait(1.0) == 0


async def test_the_limiter_keeps_30_a_second_for_the_whole_bot():
    time = FakeTime()
    limiter = RateLimiter(now=time.clock, sleep=time.sleep)
    for person in range(1, 91):
        await limiter.acquire(person)
    assert 2 * SAFETY <= time.now <= 3 * SAFETY + 0.01  # 90 messages need three windows


async def test_the_limiter_keeps_20_a_minute_for_a_group():
    time = FakeTime()
    limiter = RateLimiter(now=time.clock, sleep=time.sleep)
    for _ in range(21):
        await limiter.acquire(-100)
    assert time.now >= 60  # the 21st message waits for the first to leave the minute


async def test_private_chats_get_one_a_second_each_but_different_people_do_not_wait():
    time = FakeTime()
    limiter = RateLimiter(now=time.clock, sleep=time.sleep)
    await limiter.acquire(1)
    await limiter.acquire(2)
    assert time.now == 0
    await limiter.acquire(1)
    assert time.now >= 1.0


async def test_chat_wait_says_how_long_a_busy_group_must_wait_and_ignores_the_whole_bots_pacing():
    time = FakeTime()
    limiter = RateLimiter(now=time.clock, sleep=time.sleep)
    assert limiter.chat_wait(-100) == 0
    for _ in range(20):
        await limiter.acquire(-100)
    assert limiter.chat_wait(-100) == pytest.approx(60 * SAFETY - time.now)  # until its minute has passed
    for person in range(1, 11):
        await limiter.acquire(person)  # with the bot-wide 30/s now full ...
    assert limiter.chat_wait(11) == 0  # ... a new chat still need not be held back
