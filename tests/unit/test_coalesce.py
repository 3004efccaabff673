"""Coalescing tally edits: a burst makes few edits, and two workers sharing the edit record edit a post
at most once per interval between them."""

from __future__ import annotations

import asyncio
import itertools
import time

from bot.chat.coalesce import Coalescer, LocalSlots, Slot

INTERVAL = 0.05


class Post:
    """A live post that records when it was edited."""

    def __init__(self) -> None:
        self.edits: list[float] = []

    async def edit(self) -> None:
        self.edits.append(time.time())


async def test_a_burst_of_votes_makes_one_edit_now_and_one_trailing_edit():
    post, edits = Post(), Coalescer(INTERVAL)
    first_vote = time.time()
    for _ in range(10):
        await edits.request(("tally", 1), post.edit)
    await edits.flush()
    assert len(post.edits) == 2
    assert post.edits[1] >= first_vote + INTERVAL


async def test_two_workers_sharing_the_record_make_one_trailing_edit_between_them():
    shared = LocalSlots()
    post = Post()
    first, second = Coalescer(INTERVAL, shared), Coalescer(INTERVAL, shared)
    first_vote = time.time()
    await first.request(("tally", 1), post.edit)  # edits at once
    await second.request(("tally", 1), post.edit)  # too soon: waits
    await first.request(("tally", 1), post.edit)  # too soon: waits
    await first.flush()
    await second.flush()
    assert len(post.edits) == 2  # whichever trailing edit came first showed both votes; the other dropped
    assert post.edits[1] >= first_vote + INTERVAL


async def test_other_posts_are_not_held_back():
    post, other, edits = Post(), Post(), Coalescer(INTERVAL)
    await edits.request(("tally", 1), post.edit)
    await edits.request(("tally", 2), other.edit)
    assert len(post.edits) == len(other.edits) == 1


async def test_without_the_edit_record_the_post_is_still_edited():
    class Broken:
        async def take(self, key: str, now: float, interval: float) -> Slot:
            raise ConnectionError("database gone")

    post = Post()
    await Coalescer(INTERVAL, Broken()).request(("tally", 1), post.edit)
    assert len(post.edits) == 1


async def test_posts_in_one_chat_take_turns_and_the_waiting_is_never_inside_the_update():
    posts, edits = [Post() for _ in range(3)], Coalescer(INTERVAL, chat_interval=INTERVAL)
    for number, post in enumerate(posts):
        await edits.request(("tally", number), post.edit, chat=-100)
    assert [len(post.edits) for post in posts] == [1, 0, 0]  # the others wait for the chat's turn, in a task
    await edits.flush()
    times = sorted(moment for post in posts for moment in post.edits)
    assert len(times) == 3
    assert all(later - earlier >= INTERVAL * 0.99 for earlier, later in itertools.pairwise(times))


async def test_a_post_in_another_chat_does_not_wait_for_this_chats_turn():
    busy, elsewhere, edits = Post(), Post(), Coalescer(INTERVAL, chat_interval=INTERVAL)
    await edits.request(("tally", 1), busy.edit, chat=-100)
    await edits.request(("tally", 2), elsewhere.edit, chat=-200)
    assert len(busy.edits) == len(elsewhere.edits) == 1


def test_a_chat_never_waits_longer_than_a_post_so_no_coalescing_means_no_waiting():
    assert Coalescer(0).chat_interval == 0
    assert Coalescer(3.5).chat_interval == 1.5


async def test_many_votes_arriving_together_while_the_record_is_asked_still_make_one_trailing_edit():
    class Remote(LocalSlots):
        """An edit record that, like the database, makes the caller wait for its answer."""

        async def take(self, key: str, now: float, interval: float) -> Slot:
            await asyncio.sleep(0)
            return await super().take(key, now, interval)

    post, edits = Post(), Coalescer(INTERVAL, Remote())
    await edits.request(("tally", 1), post.edit)
    last_vote = time.time()
    await asyncio.gather(*(edits.request(("tally", 1), post.edit) for _ in range(20)))
    await edits.flush()
    assert len(post.edits) == 2  # one at once, then exactly one showing all twenty
    assert post.edits[1] >= last_vote


async def test_a_chats_next_turn_counts_from_when_the_last_edit_went_not_from_when_it_began():
    went: list[float] = []

    async def slow_edit() -> None:  # reading a big tally took a while before the edit went
        await asyncio.sleep(INTERVAL * 2)
        went.append(time.time())

    other, edits = Post(), Coalescer(INTERVAL, chat_interval=INTERVAL)
    await edits.request(("tally", 1), slow_edit, chat=-100)
    await edits.request(("tally", 2), other.edit, chat=-100)
    await edits.flush()
    assert other.edits[0] - went[0] >= INTERVAL * 0.99
