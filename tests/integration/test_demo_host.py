"""`criw demo` serves its web page on one address until Ctrl-C, and "reset demo" rebuilds the world there."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys

import aiohttp

URL = re.compile(r"open (http://127\.0\.0\.1:\d+/playground/) in your browser")


async def test_criw_demo_prints_the_page_address_serves_it_resets_behind_it_and_stops_on_ctrl_c(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith("CRIW_")}
    demo = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "demo", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert demo.stdout is not None
        found = URL.search((await asyncio.wait_for(demo.stdout.readline(), timeout=60)).decode())
        assert found, "criw demo did not print the page's address"
        page = found.group(1)
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
            async with http.get(page) as response:
                assert response.status == 200 and "Criw" in await response.text()
            async with http.get(page + "api/view") as response:
                before = await response.json()
            assert [p["name"] for p in before["personas"]] == ["Dafydd", "Alys", "Ben", "Ceri"]
            async with http.post(page + "api/reset", json={}) as response:
                assert response.status == 202
            after = await _next_world(http, page, before["world"])
        assert after != before["world"]
    finally:
        demo.send_signal(signal.SIGINT)
        _, errors = await asyncio.wait_for(demo.communicate(), timeout=30)
    assert demo.returncode == 0, errors.decode()
    assert b"Traceback" not in errors
    assert list(tmp_path.iterdir()) == []  # nothing left behind


async def _next_world(http: aiohttp.ClientSession, page: str, old: str) -> str:
    """Ask as the page does, through the moment the port is closed, until a new world is up and running
    (its controls appear once the bot in it has started)."""
    async with asyncio.timeout(30):
        while True:
            try:
                async with http.get(page + "api/view") as response:
                    view = await response.json()
            except aiohttp.ClientError:
                view = {}
            if view.get("world", old) != old and view.get("controls", {}).get("reset"):
                return str(view["world"])
            # Between worlds nothing listens; another process gives no event to wait on.
            await asyncio.sleep(0.05)
