"""Bursts of refresh requests become few refreshes, and the last one always shows the latest state."""

import asyncio

from bot.chat.coalesce import Coalescer


async def test_a_burst_makes_one_immediate_and_one_trailing_refresh_showing_the_latest_state():
    state = {"value": 0, "shown": [], "refreshes": 0}

    async def refresh():
        state["refreshes"] += 1
        await asyncio.sleep(0)
        state["shown"].append(state["value"])

    coalescer = Coalescer(interval=0.05)
    for value in range(1, 51):
        state["value"] = value
        await coalescer.request("tally", refresh)
    await coalescer.flush()
    assert state["refreshes"] == 2
    assert state["shown"][-1] == 50


async def test_flush_waits_for_a_refresh_that_is_already_running():
    started, release, finished = asyncio.Event(), asyncio.Event(), asyncio.Event()

    async def quick():
        return None

    async def slow_refresh():
        started.set()
        await release.wait()
        finished.set()

    coalescer = Coalescer(interval=0.01)
    await coalescer.request("k", quick)  # runs at once
    await coalescer.request("k", slow_refresh)  # trailing
    await started.wait()  # the trailing refresh is now running
    flushing = asyncio.create_task(coalescer.flush())
    for _ in range(5):
        await asyncio.sleep(0)  # let flush run as far as it can
    assert not flushing.done()
    release.set()
    await flushing
    assert finished.is_set()


async def test_a_failing_refresh_is_logged_and_does_not_break_the_caller(caplog):
    async def broken():
        raise RuntimeError("telegram said no")

    await Coalescer(interval=0).request("k", broken)
    assert "coalesced refresh failed" in caplog.text
