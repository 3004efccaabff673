"""The bot's own web server serves calendar feeds next to /healthz, whichever way it receives updates."""

from datetime import timedelta

import icalendar
from aiohttp.test_utils import TestClient, TestServer

from bot.bootstrap import build
from bot.domain.meetups import MeetupDraft
from bot.runner import _web_app
from bot.services import calendar_feeds, groups, meetups, people
from bot.settings import load_settings


async def test_the_runners_web_app_serves_a_feed_and_404s_a_wrong_token(tmp_path, clock):
    settings = load_settings(database_url=f"sqlite+aiosqlite:///{tmp_path / 'criw.db'}", bot_token="1:x")
    criw = await build(settings, clock)
    try:
        async with criw.uow() as uow:
            group = await groups.find_or_add(uow, clock, -100, "Walkers")
            group.admission = "admitted"  # an organisation coordinator admitted it
            person = await people.meet(uow, clock, 1, "Dafydd", None)

            async def creator():
                return "creator"

            await groups.note_presence(uow, clock, group, person, creator)
            await uow.commit()
        async with criw.uow() as uow:
            await meetups.create(uow, clock, 1, MeetupDraft(-100, "Walk & talk", clock.now() + timedelta(days=3)))
        async with criw.uow() as uow:
            token = await calendar_feeds.token_for(uow, clock, 1)
        async with TestClient(TestServer(_web_app(criw))) as client:
            good = await client.get(f"/calendar/{token}.ics")
            body = await good.read()
            wrong = await client.get(f"/calendar/{token[::-1]}.ics")
            refusal = await wrong.text()
            health = await client.get("/healthz")
        assert good.status == 200 and good.content_type == "text/calendar"
        assert [str(e["summary"]) for e in icalendar.Calendar.from_ical(body).walk("VEVENT")] == ["Walk & talk"]
        assert wrong.status == 404 and refusal == "Not found"
        assert health.status == 200
    finally:
        await criw.close()
