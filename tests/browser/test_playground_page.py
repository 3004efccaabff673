"""The demo page itself: Welsh first, the tour and reset buttons, accessibility, and a phone-sized screen."""

from __future__ import annotations

import os
import shutil
import struct

from tests.browser.playground_page import PHONE, PlaygroundPage, expect

SERIOUS = ("serious", "critical")


async def test_the_page_speaks_welsh_first_and_switches_its_own_words_to_english(page):
    html, heading = page.page.locator("html"), page.page.get_by_role("heading", level=1)
    await expect(html).to_have_attribute("lang", "cy")
    await expect(heading).to_have_text("Criw · maes chwarae")
    await expect(page.page.get_by_label("Pwy ydych chi?")).to_contain_text("Dafydd · cydlynydd")

    await page.page.get_by_role("button", name="Show this page in English").click()

    await expect(html).to_have_attribute("lang", "en")
    await expect(heading).to_have_text("Criw · playground")
    await expect(page.page.get_by_label("Who are you?")).to_contain_text("Alys · member, speaks Welsh")
    await expect(page.page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    await page.page.reload()
    await expect(html).to_have_attribute("lang", "en")  # remembered
    await page.page.get_by_role("button", name="Dangos y dudalen hon yn Gymraeg").click()
    await expect(heading).to_have_text("Criw · maes chwarae")


async def test_play_the_tour_plays_it_in_a_fresh_world_and_the_page_ends_where_it_ended(page, demo):
    first = demo.generation
    await page.page.get_by_role("button", name="Chwarae'r daith").click()

    await expect(page.page.get_by_role("status").first).to_have_text(
        "Dyna ddiwedd y daith. Rhowch gynnig arni eich hun!", timeout=180_000  # the whole tour, on a busy machine
    )
    assert demo.generation == first + 1
    last_step = demo.world.emulator.playground.tour
    assert last_step is not None and last_step.chat_id is not None
    await expect(page.page.locator("body")).to_have_attribute("data-chat", str(last_step.chat_id))
    await expect(page.page.get_by_role("button", name="Chwarae'r daith")).to_be_enabled()
    await page.open_chat("Cerddwyr Caerdydd")
    await expect(page.message("Mae Criw yn helpu")).to_be_visible()  # the tour's first chapter


async def test_the_page_follows_each_tour_step_to_the_persona_and_chat_it_happens_in(page, demo):
    playground, people, group = demo.world.emulator.playground, demo.world.people, demo.world.group
    status, body = page.page.get_by_role("status").first, page.page.locator("body")
    playground.tour_started()
    await expect(status).to_have_text("Mae'r daith yn dechrau…")
    await expect(page.page.get_by_role("button", name="Chwarae'r daith")).to_be_disabled()

    playground.tour_step(people["Alys"].id, "Alys taps [Cymraeg]")
    await expect(status).to_have_text("Taith, cam 1: Alys yn pwyso [Cymraeg]")
    await expect(body).to_have_attribute("data-as", str(people["Alys"].id))
    await expect(body).to_have_attribute("data-chat", str(people["Alys"].id))

    playground.tour_step(group["id"], "Dafydd: /help")
    await expect(status).to_have_text("Taith, cam 2: Dafydd yn anfon /help")
    await expect(body).to_have_attribute("data-chat", str(group["id"]))
    await expect(body).to_have_attribute("data-as", str(people["Alys"].id))  # everyone sees the group

    playground.tour_finished()
    await expect(status).to_have_text("Dyna ddiwedd y daith. Rhowch gynnig arni eich hun!")
    await page.page.get_by_role("button", name="Show this page in English").click()
    await expect(status).to_have_text("That's the end of the tour. Now try it yourself!")  # said again


async def test_tour_steps_are_described_in_the_pages_language(page):
    describe = "([lang, action]) => import('./i18n.js').then((i18n) => i18n.tourAction(lang, action))"
    cases = {
        ("cy", "Dafydd adds Criw to the group"): "Dafydd yn ychwanegu Criw at y grŵp",
        ("cy", "Alys taps [Cymraeg]"): "Alys yn pwyso [Cymraeg]",
        ("cy", "Ben: /settings"): "Ben yn anfon /settings",
        ("cy", "Ben taps [Yes] on the group post"): "Ben yn pwyso [Yes]",
        ("cy", "Alys follows the link to a private chat"): "Alys yn dilyn y ddolen i sgwrs breifat",
        ("en", "Alys taps [Cymraeg]"): "Alys taps [Cymraeg]",
        ("cy", "Something new happens"): None,  # the Welsh page says "Taith, cam N", never English
        ("en", "Something new happens"): "Something new happens",
    }
    for (lang, action), said in cases.items():
        assert await page.page.evaluate(describe, [lang, action]) == said


async def test_reset_demo_starts_a_fresh_world_behind_the_same_address(page, demo):
    await page.become("Alys")
    await page.page.get_by_role("button", name="Dechrau", exact=True).click()
    await expect(page.message("Croeso i Criw")).to_be_visible()
    first = demo.generation

    await page.page.get_by_role("button", name="Ailosod y demo").click()

    fresh = await demo.next_world(after=first)
    await expect(page.page.get_by_role("status").first).to_have_text("Mae'r demo yn barod o'r newydd.")
    await expect(page.page.locator("#no-messages")).to_be_visible()
    await expect(page.page.get_by_role("button", name="Dechrau", exact=True)).to_be_visible()
    assert fresh.emulator.chat_messages(fresh.people["Alys"].id) == []
    async with fresh.criw.uow() as uow:
        assert await uow.people.by_telegram_id(fresh.people["Alys"].id) is None  # a fresh database too


async def run_axe(page, axe_script) -> list[str]:
    await page.page.add_script_tag(path=str(axe_script))
    results = await page.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in SERIOUS
    ]


async def test_the_page_passes_axe_with_no_serious_violations_in_welsh_english_and_on_a_phone(
    browser, demo, axe_script
):
    ceri = demo.world.people["Ceri"]
    await ceri.send("/start")  # a conversation with buttons on screen
    for viewport in ({"width": 1280, "height": 800}, PHONE):
        page = await PlaygroundPage.open(browser, demo, viewport, bypass_csp=True)  # CSP would refuse axe's script
        await page.become("Ceri")
        await expect(page.message("Croeso i Criw")).to_be_visible()
        assert await run_axe(page, axe_script) == []
        await page.page.get_by_role("button", name="Show this page in English").click()
        await expect(page.page.locator("html")).to_have_attribute("lang", "en")
        assert await run_axe(page, axe_script) == []
        await page.close()


async def test_text_follows_the_browsers_font_size(page):
    await page.page.get_by_role("button", name="Dechrau", exact=True).click()
    text = page.message("Croeso i Criw").locator(".text")
    size = "element => parseFloat(getComputedStyle(element).fontSize)"
    assert await text.evaluate(size) == 16
    await page.page.evaluate("document.documentElement.style.fontSize = '150%'")  # as a 24px browser default does
    assert await text.evaluate(size) == 24


async def test_on_a_phone_sized_screen_the_chat_fits_and_looks_right(browser, demo, tmp_path):
    page = await PlaygroundPage.open(browser, demo, PHONE)
    await page.become("Alys")
    chats = page.page.get_by_role("navigation")
    await expect(page.page.get_by_role("main")).to_be_visible()  # choosing a persona opens their chat
    await expect(chats).to_be_hidden()
    await page.page.get_by_role("button", name="Dechrau", exact=True).click()
    await page.press("Cymraeg")
    await expect(page.message("Hoffech chi gael y fersiwn Hawdd ei Ddeall?")).to_be_visible()

    shot = tmp_path / "phone.png"
    await page.page.screenshot(path=str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", data[16:24]) == (390, 844)
    assert len(data) > 15_000  # a drawn page, not a blank one
    if os.environ.get("CRIW_SCREENSHOTS"):
        shutil.copy(shot, os.path.join(os.environ["CRIW_SCREENSHOTS"], "playground-phone.png"))
    assert await page.page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for name in ("Anfon", "Hoffwn, diolch", "Dim diolch"):
        box = await page.page.get_by_role("button", name=name).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], name

    await page.page.get_by_role("button", name="Yn ôl i'r sgyrsiau").click()
    await expect(chats).to_be_visible()
    await expect(chats.get_by_role("button", name="Cerddwyr Caerdydd")).to_be_visible()
    await page.close()
