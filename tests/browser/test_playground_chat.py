"""Using Criw through the demo page: Start, choosing Cymraeg, buttons that edit messages live, commands, files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import aiohttp

from tests.browser import media
from tests.browser.playground_page import expect
from tests.e2e.conftest import ENGLISH, WELSH, add_bot, start_in, write_proposal


async def test_a_member_who_presses_start_and_chooses_cymraeg_reads_the_reply_in_welsh(page):
    await page.become("Alys")
    await page.page.get_by_role("button", name="Dechrau", exact=True).click()
    welcome = page.message("Croeso i Criw")
    await expect(welcome).to_contain_text("Welcome to Criw")  # bilingual until Alys chooses
    welcome_id = await welcome.get_attribute("data-id")

    await page.press("Cymraeg")

    same_message = page.page.locator(f'#messages li[data-id="{welcome_id}"]')
    await expect(same_message).to_contain_text("Bydda i'n ysgrifennu atoch chi yn Gymraeg.")
    await expect(same_message).to_contain_text("golygwyd")  # edited in place, as Telegram shows it
    await expect(page.message("Hoffech chi gael y fersiwn Hawdd ei Ddeall?")).to_be_visible()
    await expect(page.page.locator(".toast", has_text="Iaith wedi'i chadw: Cymraeg")).to_be_visible()


async def test_pressing_a_settings_button_edits_that_message_live_without_reloading(page, demo):
    ben = demo.world.people["Ben"]
    for step in ("/start", "English", "No, thanks", "Yes, please"):
        await (ben.send(step) if step.startswith("/") else ben.tap(step))
    await page.become("Ben")
    await page.send("/settings")
    settings = page.message("Turn Easy Read on")  # a message's buttons belong to it on the page
    await expect(settings).to_contain_text("⚙️ Your settings")
    settings_id = await settings.get_attribute("data-id")
    await page.page.evaluate("window.stillTheSamePage = true")

    await page.press("Turn Easy Read on")

    pressed = page.page.locator(f'#messages li[data-id="{settings_id}"]')
    await expect(pressed).to_contain_text("📖 Easy Read is on.")
    await expect(pressed.locator(".edited")).to_be_visible()
    await expect(pressed.get_by_role("button")).to_have_count(0)  # the edit took the buttons away
    await expect(page.bot_messages().last.get_by_role("button", name="Turn Easy Read off")).to_be_visible()
    assert await page.page.evaluate("window.stillTheSamePage") is True


async def test_a_vote_by_button_shows_in_the_group_posts_tally_live(page, demo):
    world = demo.world
    await add_bot(world)
    for name, words in (("Alys", WELSH), ("Ben", ENGLISH), ("Dafydd", ENGLISH)):
        await start_in(world.people[name], words, group=world.group)
    soon = f"{datetime.now(UTC) + timedelta(days=10):%d %B} 14:30"  # the demo's clock is today's: a date still ahead
    await write_proposal(world, world.people["Alys"], WELSH, "Taith gerdded ar Lwybr Taf", dates=(soon,),
                         place="Parc Bute")
    await page.become("Ben")
    await page.open_chat("Cerddwyr Caerdydd")
    post = page.message("Cynnig newydd gan Alys")
    await expect(post).to_contain_text("📊 Yes 0 · No 0 · Abstain 0")
    post_id = await post.get_attribute("data-id")

    await post.get_by_role("button", name="Yes").click()

    same_post = page.page.locator(f'#messages li[data-id="{post_id}"]')
    await expect(same_post).to_contain_text("📊 Ie 1 · Na 0 · Ymatal 0")
    await expect(same_post).to_contain_text("📊 Yes 1 · No 0 · Abstain 0")
    await expect(page.page.locator(".toast", has_text="Your vote is counted: Yes")).to_be_visible()


async def test_a_keyboard_user_can_press_start_and_send_a_command(page):
    start = page.page.get_by_role("button", name="Dechrau", exact=True)
    for _ in range(30):
        if await start.evaluate("button => button === document.activeElement"):
            break
        await page.page.keyboard.press("Tab")
    else:
        raise AssertionError("Tab never reached the Start button")
    await page.page.keyboard.press("Enter")
    await expect(page.message("Croeso i Criw")).to_be_visible()
    await expect(page.page.get_by_role("textbox", name="Neges")).to_be_focused()
    await page.page.keyboard.type("/help")
    await page.page.keyboard.press("Enter")
    await expect(page.message("/help")).to_be_visible()
    await expect(page.bot_messages()).to_have_count(2)


async def test_a_live_update_keeps_the_keyboard_focus_where_it_was(page, demo):
    group_button = page.page.locator("#chat-list button", has_text="Cerddwyr Caerdydd")
    await group_button.focus()
    demo.world.emulator.user_sends(demo.world.people["Ben"].id, "Bore da!", chat_id=demo.world.group["id"])
    await expect(group_button).to_contain_text("Bore da!")  # the chat list was redrawn...
    await expect(group_button).to_be_focused()  # ...and the focus stayed


async def test_the_command_menu_lists_the_bots_commands_in_the_pages_language_and_sends_one(page):
    await page.page.get_by_role("button", name="Dechrau", exact=True).click()
    await page.page.get_by_role("button", name="Gorchmynion").click()
    menu = page.page.locator("#commands")
    await expect(menu).to_contain_text("/cymorth")
    await menu.get_by_role("button", name="/cymorth").click()
    await expect(menu).to_be_hidden()
    await expect(page.page.locator("#messages li.message.mine").last).to_contain_text("/cymorth")


async def test_the_coordinator_adds_criw_to_the_group_from_the_page(page):
    await page.open_chat("Cerddwyr Caerdydd")
    banner = page.page.locator("#bot-absent")
    await expect(banner).to_contain_text("Dydy Criw ddim yn y grŵp hwn eto.")
    await banner.get_by_role("button", name="Ychwanegu Criw at y grŵp").click()
    await expect(banner).to_be_hidden()
    await expect(page.page.locator("#messages li.service")).to_contain_text("Ychwanegodd Dafydd Criw at y grŵp")
    await expect(page.bot_messages().first).to_be_visible()


async def send_file(emulator, method: str, chat_id: int, field: str, name: str, data: bytes, mime: str) -> None:
    """The bot's side: upload a file through the Bot API, as Criw does for charts, invitations and voice."""
    form = aiohttp.FormData()
    form.add_field("chat_id", str(chat_id))
    form.add_field(field, data, filename=name, content_type=mime)
    url = f"{emulator.base_url}/bot{emulator.token}/{method}"
    async with aiohttp.ClientSession() as session, session.post(url, data=form) as response:
        assert (await response.json())["ok"], await response.text()


async def test_files_from_the_bot_show_as_a_picture_a_download_and_a_playable_voice_note(page, demo):
    ceri, emulator = demo.world.people["Ceri"], demo.world.emulator
    await ceri.send("/start")
    await send_file(emulator, "sendPhoto", ceri.id, "photo", "chart.png", media.png_chart(), "image/png")
    await send_file(emulator, "sendDocument", ceri.id, "document", "taith.ics", media.ics_invite(), "text/calendar")
    await send_file(emulator, "sendVoice", ceri.id, "voice", "llais.ogg", media.ogg_opus_voice(), "audio/ogg")
    await page.become("Ceri")

    picture = page.page.locator("#messages img.photo")
    await expect(picture).to_have_attribute("alt", "Llun")
    await page.page.wait_for_function("document.querySelector('#messages img.photo').naturalWidth === 120")

    download = page.page.locator("#messages a.document")
    await expect(download).to_have_attribute("download", "taith.ics")
    await expect(download).to_contain_text("Lawrlwytho taith.ics")
    invite = await page.page.evaluate("url => fetch(url).then(r => r.text())", await download.get_attribute("href"))
    assert invite.startswith("BEGIN:VCALENDAR")

    voice = page.page.locator("#messages audio")
    await expect(voice).to_have_attribute("aria-label", "Neges llais")
    await page.page.wait_for_function(
        "() => { const a = document.querySelector('#messages audio'); return a.readyState >= 1 && a.duration > 0.5 }"
    )
