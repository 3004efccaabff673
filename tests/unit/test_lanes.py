"""A polled batch is handled person by person: each person's updates in order, people side by side, a
chat's own events alone, and one failure stops nobody else."""

from __future__ import annotations

import asyncio

from bot.transports.lanes import in_lanes

Update = tuple[str | None, int]  # (whose, number)


class Recorder:
    def __init__(self, fail: int | None = None) -> None:
        self.started: list[int] = []
        self.finished: list[int] = []
        self.running = 0
        self.most_at_once = 0
        self.fail = fail

    async def run(self, update: Update) -> None:
        self.started.append(update[1])
        self.running += 1
        self.most_at_once = max(self.most_at_once, self.running)
        await asyncio.sleep(0.01)
        self.running -= 1
        if update[1] == self.fail:
            raise RuntimeError("this one broke")
        self.finished.append(update[1])


def whose(update: Update) -> str | None:
    return update[0]


async def test_each_persons_updates_keep_their_order_while_people_run_side_by_side():
    batch = [("alys", 1), ("ben", 2), ("alys", 3), ("ceri", 4), ("ben", 5), ("alys", 6)]
    recorder = Recorder()
    await in_lanes(batch, whose, recorder.run)
    assert sorted(recorder.finished) == [1, 2, 3, 4, 5, 6]
    for person in ("alys", "ben"):
        mine = [n for who, n in batch if who == person]
        assert [n for n in recorder.finished if n in mine] == mine
    assert recorder.most_at_once == 3


async def test_a_chats_own_event_waits_for_everything_before_it_and_runs_alone():
    batch = [("alys", 1), ("ben", 2), (None, 3), ("alys", 4), ("ceri", 5)]
    recorder = Recorder()
    await in_lanes(batch, whose, recorder.run)
    assert set(recorder.finished[:2]) == {1, 2}
    assert recorder.finished[2] == 3
    assert set(recorder.finished[3:]) == {4, 5}


async def test_no_more_people_at_once_than_the_limit():
    recorder = Recorder()
    await in_lanes([(f"person {n}", n) for n in range(20)], whose, recorder.run, limit=4)
    assert len(recorder.finished) == 20
    assert recorder.most_at_once == 4


async def test_one_failing_update_stops_neither_that_person_nor_anyone_else():
    recorder = Recorder(fail=1)
    await in_lanes([("alys", 1), ("alys", 2), ("ben", 3)], whose, recorder.run)
    assert recorder.started == [1, 3, 2]
    assert recorder.finished == [3, 2]


def test_messages_and_presses_are_their_senders_and_a_chats_own_events_are_no_ones():
    from bot.chat.events import ChatType, Event, EventKind, Sender
    from bot.transports.lanes import person_of

    alys = Sender(7, "Alys")
    common = {"chat_id": -100, "chat_type": ChatType.GROUP}
    assert person_of(Event(1, EventKind.MESSAGE, sender=alys, **common)) == 7
    assert person_of(Event(2, EventKind.CALLBACK, sender=alys, **common)) == 7
    assert person_of(Event(3, EventKind.BOT_ADDED, sender=alys, **common)) is None
    assert person_of(Event(4, EventKind.CHAT_MIGRATED, sender=None, new_chat_id=-1001, **common)) is None
    assert person_of(None) is None  # an update Criw does not act on
