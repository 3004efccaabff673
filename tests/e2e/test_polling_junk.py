"""Polling that survives junk: a proxy's HTML error page instead of the Bot API's JSON, an update the library
cannot read, a membership status nobody has heard of. The bot waits out the first and skips the others with
one line each (the update's id and why, nobody's name or words), confirming them so they never come back."""

from __future__ import annotations

import logging

from tests.e2e.conftest import ENGLISH, start_in

NAME, WORDS = "Zebedee Quillfeather", "the words only Zebedee wrote"


def tracebacks(logs) -> list[str]:
    return [line for _, line in logs.lines if "Traceback" in line]


async def test_a_proxy_error_page_in_answer_to_getupdates_is_waited_out(world, logs):
    emulator, ben = world.emulator, world.people["Ben"]
    emulator.fail_next_with_page("getUpdates", 502, times=2)
    await ben.send("/start")  # answered; the two getUpdates after it are met by the proxy's page
    await emulator.wait_until(lambda: emulator.stats.errors[502] >= 2, timeout=10)
    await ben.tap(ENGLISH["language"])  # still polling, after backing off
    assert "I'll write to you in English" in ben.inbox()[0]["text"]
    assert [line for level, line in logs.lines if level >= logging.WARNING and "getUpdates" in line]


async def test_a_proxy_error_page_in_answer_to_a_reply_is_retried_like_any_outage(world):
    ben = world.people["Ben"]
    world.emulator.fail_next_with_page("sendMessage", 502, times=2)
    await ben.send("/start")
    assert [message["text"] for message in ben.inbox() if "Welcome to Criw" in message["text"]] == [ben.last()]
    assert world.emulator.stats.errors[502] == 2


def unreadable_message(world) -> dict:
    """A message whose sender lacks `is_bot` (which every library requires), from a distinctive name."""
    sender = {"id": 990_001, "first_name": NAME, "language_code": "en"}
    chat = {"id": 990_001, "type": "private", "first_name": NAME}
    return {"message_id": 1, "date": 1_700_000_000, "chat": chat, "from": sender, "text": WORDS}


async def test_an_update_the_library_cannot_read_is_skipped_with_one_line_and_confirmed(world, logs):
    emulator, ben = world.emulator, world.people["Ben"]
    junk = emulator.push_raw_update("message", unreadable_message(world))
    await start_in(ben, ENGLISH)  # the updates after it are handled
    assert "I'll write to you in English" in ben.inbox()[0]["text"]
    assert emulator.pending_updates == []  # confirmed: Telegram will not send it again
    said = [line for level, line in logs.lines if level >= logging.INFO and str(junk["update_id"]) in line]
    assert len(said) == 1 and "skipped" in said[0] and "is_bot" in said[0]
    assert tracebacks(logs) == []
    assert [line for _, line in logs.lines if "Zebedee" in line or "Quillfeather" in line] == []


async def test_a_membership_status_nobody_has_heard_of_is_ignored_quietly(world, logs):
    emulator, dafydd = world.emulator, world.people["Dafydd"]
    change = {
        "chat": world.group, "from": dafydd.user, "date": 1_700_000_000,
        "old_chat_member": {"user": emulator.bot_user, "status": "left"},
        "new_chat_member": {"user": emulator.bot_user, "status": "observer"},
    }
    odd = emulator.push_raw_update("my_chat_member", change)
    await emulator.settle()
    assert emulator.pending_updates == []
    said = [line for level, line in logs.lines if level >= logging.INFO and f"update {odd['update_id']}" in line]
    assert len(said) <= 1  # aiogram cannot read it (one line, as for any such update); PTB reads it and ignores it
    assert emulator.bot_messages(world.group) == []  # not taken for being added
    assert tracebacks(logs) == []
    assert [line for level, line in logs.lines if level >= logging.ERROR] == []
    await start_in(world.people["Ben"], ENGLISH)  # and polling goes on
    assert "I'll write to you in English" in world.people["Ben"].inbox()[0]["text"]
