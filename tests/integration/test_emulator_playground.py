"""The playground page's JSON API on the emulator, over real HTTP: what each person sees, acting as them,
the change feed, files, menus, the demo's controls, and the page's own files."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest

from bot.playground.emulator import TelegramEmulator


@pytest.fixture
async def emu():
    async with TelegramEmulator() as emulator:
        yield emulator


@pytest.fixture
async def http():
    async with aiohttp.ClientSession() as session:
        yield session


async def bot_calls(http, emu, method: str, **params: Any) -> Any:
    """The bot's side: a Bot API call, as Criw makes it."""
    async with http.post(f"{emu.base_url}/bot{emu.token}/{method}", json=params) as response:
        body = await response.json()
    assert body["ok"], body
    return body["result"]


async def page_get(http, emu, path: str, **query: Any) -> tuple[int, Any]:
    async with http.get(f"{emu.base_url}/playground/api/{path}", params=query) as response:
        return response.status, await response.json()


async def page_post(http, emu, path: str, **body: Any) -> tuple[int, Any]:
    async with http.post(f"{emu.base_url}/playground/api/{path}", json=body) as response:
        return response.status, await response.json()


async def test_a_person_sees_their_private_chat_and_their_groups_but_not_other_groups(emu, http):
    ann, bob = emu.add_user("Ann"), emu.add_user("Bob")
    group = emu.create_group("Walkers", members=[ann["id"]])

    _, as_bob = await page_get(http, emu, "view", **{"as": bob["id"], "chat": group["id"]})
    _, as_ann = await page_get(http, emu, "view", **{"as": ann["id"], "chat": group["id"]})

    assert [chat["id"] for chat in as_bob["chats"]] == [bob["id"]]
    assert as_bob["chat"]["id"] == bob["id"]  # not a member: shown their own chat instead
    assert [chat["id"] for chat in as_ann["chats"]] == [ann["id"], group["id"]]
    assert as_ann["chat"]["title"] == "Walkers" and as_ann["chat"]["bot_present"] is False
    assert as_ann["chats"][0]["title"] == "Criw"  # a private chat shows the bot's name
    status, refused = await page_post(http, emu, "send", **{"as": bob["id"], "chat": group["id"], "text": "hi"})
    assert status == 403 and "cannot see" in refused["error"]


async def test_writing_and_pressing_through_the_page_reach_the_bot_as_telegram_updates(emu, http):
    ann = emu.add_user("Ann")
    status, _ = await page_post(http, emu, "send", **{"as": ann["id"], "chat": ann["id"], "text": "/start"})
    assert status == 200 and emu.updates[-1]["message"]["text"] == "/start"
    keyboard = {"inline_keyboard": [[{"text": "Cymraeg", "callback_data": "1|lang|cy"}]]}
    sent = await bot_calls(http, emu, "sendMessage", chat_id=ann["id"], text="Iaith?", reply_markup=keyboard)

    press = {"as": ann["id"], "chat": ann["id"], "message_id": sent["message_id"], "data": "1|lang|cy"}
    status, _ = await page_post(http, emu, "press", **press)

    assert status == 200 and emu.updates[-1]["callback_query"]["data"] == "1|lang|cy"
    status, refused = await page_post(http, emu, "press", **{**press, "data": "1|lang|xx"})
    assert status == 400 and "no button" in refused["error"]
    status, refused = await page_post(http, emu, "send", **{"as": ann["id"], "chat": ann["id"], "text": "  "})
    assert status == 400


async def test_messages_carry_entities_buttons_and_show_edits_with_a_new_revision(emu, http):
    ann = emu.add_user("Ann")
    emu.user_sends(ann["id"], "/start")
    keyboard = {
        "inline_keyboard": [
            [{"text": "Ie / Yes", "callback_data": "1|v|1"}],
            [{"text": "Press Start", "url": "https://t.me/criw_demo_bot?start=g-4100000001"}],
            [{"text": "Elsewhere", "url": "https://example.org/"}],
        ]
    }
    html = '<b>Cynnig</b> <a href="https://example.org/">link</a>'
    sent = await bot_calls(http, emu, "sendMessage", chat_id=ann["id"], text=html, parse_mode="HTML",
                           reply_markup=keyboard)  # fmt: skip
    _, before = await page_get(http, emu, "view", **{"as": ann["id"]})
    shown = before["chat"]["messages"][-1]

    assert shown["text"] == "Cynnig link" and shown["from"]["is_bot"] and not shown["edited"]
    assert [(e["type"], e["offset"], e["length"]) for e in shown["entities"]] == [("bold", 0, 6), ("text_link", 7, 4)]
    assert [row[0] for row in shown["buttons"]] == [
        {"text": "Ie / Yes", "kind": "callback", "data": "1|v|1"},
        {"text": "Press Start", "kind": "start", "payload": "g-4100000001"},
        {"text": "Elsewhere", "kind": "url", "url": "https://example.org/"},
    ]
    await bot_calls(http, emu, "editMessageText", chat_id=ann["id"], message_id=sent["message_id"], text="Ie 1")
    _, after = await page_get(http, emu, "view", **{"as": ann["id"]})
    edited = after["chat"]["messages"][-1]
    assert edited["id"] == shown["id"] and edited["rev"] != shown["rev"]
    assert edited["edited"] and edited["text"] == "Ie 1" and edited["buttons"] == []


async def test_the_change_feed_moves_only_for_what_a_person_could_see(emu, http):
    ann = emu.add_user("Ann")
    _, view = await page_get(http, emu, "view", **{"as": ann["id"]})
    version = view["version"]
    emu.world.touch()  # bookkeeping wakes waiters, but nothing visible changed
    assert emu.playground.version() == version

    waiting = asyncio.create_task(page_get(http, emu, "changes", since=version, world=view["world"]))
    emu.user_sends(ann["id"], "helo")
    _, change = await asyncio.wait_for(waiting, timeout=5)

    assert change == {"world": view["world"], "version": version + 1}
    _, other_world = await asyncio.wait_for(page_get(http, emu, "changes", since=0, world="gone"), timeout=5)
    assert other_world["world"] == view["world"]  # a page from another world is answered at once


async def test_files_the_bot_sent_are_served_with_their_type_and_name(emu, http):
    ann = emu.add_user("Ann")
    emu.user_sends(ann["id"], "/start")
    form = aiohttp.FormData({"chat_id": str(ann["id"])})
    form.add_field("document", b"BEGIN:VCALENDAR\r\n", filename="cyfarfod.ics", content_type="text/calendar")
    async with http.post(f"{emu.base_url}/bot{emu.token}/sendDocument", data=form) as response:
        assert (await response.json())["ok"]
    _, view = await page_get(http, emu, "view", **{"as": ann["id"]})
    file = view["chat"]["messages"][-1]["file"]

    async with http.get(f"{emu.base_url}{file['url']}") as response:
        assert response.status == 200 and await response.read() == b"BEGIN:VCALENDAR\r\n"
        assert response.content_type == "text/calendar"
        assert response.headers["Content-Disposition"] == "attachment; filename*=UTF-8''cyfarfod.ics"
    assert (file["kind"], file["name"]) == ("document", "cyfarfod.ics")
    async with http.get(f"{emu.base_url}/playground/api/files/nope") as response:
        assert response.status == 404


async def test_the_command_menu_follows_telegrams_scope_order_in_the_pages_language(emu, http):
    ann = emu.add_user("Ann")
    group = emu.create_group("Walkers", members=[ann["id"]])
    for language, name in (("", "help"), ("cy", "cymorth")):
        await bot_calls(http, emu, "setMyCommands", language_code=language,
                        commands=[{"command": name, "description": name}])  # fmt: skip
    await bot_calls(http, emu, "setMyCommands", scope={"type": "all_group_chats"},
                    commands=[{"command": "votes", "description": "votes"}])  # fmt: skip

    def menu(view: Any) -> list[str]:
        return [command["command"] for command in view["chat"]["commands"]]

    assert menu((await page_get(http, emu, "view", **{"as": ann["id"], "lang": "cy"}))[1]) == ["cymorth"]
    assert menu((await page_get(http, emu, "view", **{"as": ann["id"], "lang": "en"}))[1]) == ["help"]
    in_group = await page_get(http, emu, "view", **{"as": ann["id"], "chat": group["id"], "lang": "cy"})
    assert menu(in_group[1]) == ["votes"]


class FakeDemo:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def reset(self) -> None:
        self.asked.append("reset")

    def play_tour(self) -> None:
        self.asked.append("tour")


async def test_reset_and_tour_are_offered_only_when_a_demo_runs_the_emulator(emu, http):
    emu.add_user("Ann")
    assert (await page_post(http, emu, "reset"))[0] == 409
    assert (await page_get(http, emu, "view"))[1]["controls"] == {"reset": False, "tour": False}
    demo = FakeDemo()
    emu.playground.host([], demo)

    assert (await page_post(http, emu, "reset"))[0] == 202
    assert (await page_post(http, emu, "tour"))[0] == 202
    assert demo.asked == ["reset", "tour"]


async def test_the_page_is_served_with_a_strict_content_policy_and_nothing_outside_it_is(emu, http):
    async with http.get(f"{emu.base_url}/playground", allow_redirects=False) as response:
        assert response.status == 302 and response.headers["Location"] == "/playground/"
    async with http.get(f"{emu.base_url}/playground/") as response:
        page = await response.text()
        assert response.status == 200 and '<html lang="cy">' in page
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    async with http.get(f"{emu.base_url}/playground/app.js") as response:
        assert response.status == 200 and "javascript" in response.content_type
    for path in ("/playground/emulator.py", "/playground/..%2Femulator.py", "/playground/nothing.js"):
        async with http.get(f"{emu.base_url}{path}") as response:
            assert response.status == 404, path
