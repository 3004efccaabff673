"""`criw demo` with its web page: one address, and a world that the page can reset or tour.

Resetting is a restart of the whole world (a new emulator and a fresh database, as if `criw demo` had
been started again) behind the same port, so nothing from before can leak into the new world. The
page notices the new world by its id and redraws; while the port is briefly closed it retries.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from bot.playground.demo import PEOPLE, DemoWorld, running_demo
from bot.playground.emulator_playground import Persona
from bot.playground.tour import play_tour

log = logging.getLogger(__name__)

#: What the persona switcher says about each demo person, beyond their role.
NOTES = {"Alys": "welsh", "Ceri": "easy_read"}
#: Seconds between tour steps: slow enough for a person to follow on the page.
TOUR_PACE = 0.8

Announce = Callable[[str, str], None]  # (page URL, Bot API URL)


class DemoHost:
    """Runs the demo world behind one port and rebuilds it when the page asks (reset, or play the tour)."""

    def __init__(
        self, *, db: str | None = None, port: int = 0, transport: str | None = None, pace: float = TOUR_PACE
    ) -> None:
        self.db, self.port, self.transport, self.pace = db, port, transport, pace
        self.world: DemoWorld | None = None
        self.generation = 0  # how many worlds have been built
        self._restart = asyncio.Event()
        self._changed = asyncio.Event()
        self._tour_next = False

    @property
    def page_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/playground/"

    # -- the controls the page uses (emulator_playground.DemoControls) -----------------------------

    def reset(self) -> None:
        """Start again with a fresh world, behind the same port."""
        self._tour_next = False
        self._restart.set()

    def play_tour(self) -> None:
        """Start again with a fresh world, then play the tour in it, step by step."""
        self._tour_next = True
        self._restart.set()

    # -- running ----------------------------------------------------------------------------------

    async def run(self, on_ready: Announce | None = None) -> None:
        """Serve until cancelled; ``on_ready`` hears the page's address once the first world is up."""
        while True:
            self._restart = asyncio.Event()
            async with running_demo(db=self.db, port=self.port, transport=self.transport) as world:
                self.port = urlsplit(world.emulator.base_url).port or self.port
                tour = self._adopt(world)
                if on_ready is not None:
                    on_ready(self.page_url, world.emulator.base_url)
                    on_ready = None
                try:
                    await self._restart.wait()
                finally:
                    self.world = None
                    if tour is not None:
                        tour.cancel()
                        with contextlib.suppress(asyncio.CancelledError):
                            await tour

    async def next_world(self, after: int) -> DemoWorld:
        """The first world built after generation ``after`` (for tests that reset the demo)."""
        while self.world is None or self.generation <= after:
            changed = self._changed
            await changed.wait()
        return self.world

    def _adopt(self, world: DemoWorld) -> asyncio.Task[None] | None:
        """Make ``world`` the current one: personas and controls for its page, and the tour if asked."""
        playground = world.emulator.playground
        roles = {name: role for name, _, role in PEOPLE}
        personas = [
            Persona(phone.id, roles.get(name, "member"), NOTES.get(name, "")) for name, phone in world.people.items()
        ]
        playground.host(personas, self)
        tour = None
        if self._tour_next:
            self._tour_next = False
            playground.tour_started()
            tour = asyncio.create_task(self._play(world), name="criw-demo-tour")
        self.world = world
        self.generation += 1
        self._changed.set()
        self._changed = asyncio.Event()
        return tour

    async def _play(self, world: DemoWorld) -> None:
        """The scripted tour, told to the page step by step, with a pause before each step."""
        playground = world.emulator.playground

        async def step(chat_id: int, action: str) -> None:
            playground.tour_step(chat_id, action)
            await asyncio.sleep(self.pace)

        try:
            await asyncio.sleep(self.pace)  # let the page pick up the new world before the first step
            await play_tour(world, on_step=step)
        except Exception:
            log.exception("the demo tour stopped part-way")
            playground.tour_finished(failed=True)
        else:
            playground.tour_finished()
