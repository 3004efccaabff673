"""The demo page as a person uses it: choose who you are, open a chat, press buttons, type, read.

Every wait is Playwright's auto-waiting on what the page shows (no sleeping).
"""

from __future__ import annotations

from typing import Any

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def expect(target: Any) -> Any:
    from playwright.async_api import expect as playwright_expect

    return playwright_expect(target)


class PlaygroundPage:
    def __init__(self, page: Any, errors: list[str]) -> None:
        self.page = page
        self.errors = errors  # JavaScript errors the page raised

    @classmethod
    async def open(cls, browser: Any, demo: Any, viewport: dict[str, int], **options: Any) -> PlaygroundPage:
        """A fresh context (no remembered language or persona) showing the demo page, loaded."""
        context = await browser.new_context(viewport=viewport, **options)
        context.set_default_timeout(10_000)
        page = await context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        await page.goto(demo.page_url)
        await page.wait_for_selector("body.ready")
        return cls(page, errors)

    async def close(self) -> None:
        await self.page.context.close()
        assert self.errors == [], f"the page raised JavaScript errors: {self.errors}"

    # -- acting -------------------------------------------------------------------------------------

    async def become(self, name: str) -> None:
        """Pick ``name`` in the persona switcher; the page opens their private chat with Criw."""
        value = await self.page.locator("#persona option", has_text=name).get_attribute("value")
        await self.page.select_option("#persona", value=value)
        await expect(self.page.locator("body")).to_have_attribute("data-as", value)
        await expect(self.page.locator("body")).to_have_attribute("data-chat", value)

    async def open_chat(self, title: str) -> None:
        await self.page.locator("#chat-list button", has_text=title).click()
        await expect(self.page.locator("#chat-title")).to_contain_text(title)

    async def press(self, label: str) -> None:
        """Press the inline button labelled ``label`` on the latest message that has one."""
        await self.page.locator("#messages .key", has_text=label).last.click()

    async def send(self, text: str) -> None:
        box = self.page.get_by_role("textbox")
        await box.fill(text)
        await box.press("Enter")

    # -- reading ------------------------------------------------------------------------------------

    def message(self, containing: str) -> Any:
        """The latest message whose text contains ``containing``."""
        return self.page.locator("#messages li.message", has_text=containing).last

    def bot_messages(self) -> Any:
        return self.page.locator("#messages li.message.bot")
