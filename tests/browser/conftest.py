"""Browser tests: the `criw demo` page in Debian's Chromium, driven by Playwright, against the real bot.

Skipped as a whole, with the reason, where Chromium or the playwright package is missing
(`scripts/test` installs both). Playwright's own browser download is never used.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import shutil
from pathlib import Path

import pytest

from bot.playground.demo_host import DemoHost
from tests.browser.playground_page import DESKTOP, PlaygroundPage

HERE = Path(__file__).parent
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: apt-get install chromium (scripts/test does, as root)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is missing: pip install -e '.[test]'"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    reason = _missing()
    if reason is None:
        return
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
async def demo():
    """`criw demo` in-process: the emulator with its page, the real bot, the demo people; tours run at full speed."""
    host = DemoHost(pace=0)
    serving = asyncio.create_task(host.run())
    try:
        async with asyncio.timeout(30):
            await host.next_world(after=0)
        yield host
    finally:
        serving.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await serving


@pytest.fixture
async def browser():
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        yield chromium
        await chromium.close()


@pytest.fixture
async def page(browser, demo):
    """The page as a first-time visitor on a desktop sees it; fails the test on any JavaScript error."""
    playground = await PlaygroundPage.open(browser, demo, DESKTOP)
    yield playground
    await playground.close()


@pytest.fixture
def axe_script() -> Path:
    if not AXE.exists():
        npm = "npm is installed" if shutil.which("npm") else "npm is missing"
        pytest.skip(f"axe-core is not installed ({npm}): cd tests/browser && npm install (scripts/test does)")
    return AXE
