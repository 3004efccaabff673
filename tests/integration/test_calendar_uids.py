"""Calendar UIDs: the same for a meet-up every time its feed is built, and never the same as another
installation's (or a rebuilt database's) meet-up with the same number."""

from datetime import timedelta

import icalendar

from bot.domain.meetups import MeetupDraft
from bot.services import calendar_feeds, groups, meetups, people
from bot.store.database import create_engine, session_factory
from bot.store.migrate import downgrade, upgrade
from bot.store.uow import uow_factory
from handlers.calendar import feed_file


async def a_feeds_uids(url: str, clock) -> list[str]:
    """Migrate, add one meet-up (if none yet), and read the UIDs in its owner's feed."""
    engine = create_engine(url)
    try:
        await upgrade(engine)
        uow = uow_factory(session_factory(engine))
        async with uow() as work:
            group = await groups.find_or_add(work, clock, -100, "Cerddwyr")
            group.admission = "admitted"  # an organisation coordinator admitted it
            person = await people.meet(work, clock, 1, "Dafydd", None)

            async def creator():
                return "creator"

            await groups.note_presence(work, clock, group, person, creator)
            await work.commit()
        async with uow() as work:
            token = await calendar_feeds.token_for(work, clock, 1)
            found = await calendar_feeds.feed(work, clock, token)
        if found is not None and not found.meetups:
            async with uow() as work:
                await meetups.create(work, clock, 1, MeetupDraft(-100, "Taith", clock.now() + timedelta(days=3)))
            async with uow() as work:
                found = await calendar_feeds.feed(work, clock, token)
        assert found is not None
        body = feed_file(found.meetups, clock.now(), found.installation)
        return [str(event["uid"]) for event in icalendar.Calendar.from_ical(body).walk("VEVENT")]
    finally:
        await engine.dispose()


async def rebuild(url: str) -> None:
    engine = create_engine(url)
    try:
        await downgrade(engine, "base")
    finally:
        await engine.dispose()


async def test_a_feed_built_again_gives_the_same_uids(database_url, clock):
    first = await a_feeds_uids(database_url, clock)
    again = await a_feeds_uids(database_url, clock)
    assert len(first) == 1 and first == again
    assert first[0].startswith("meetup-1-") and first[0].endswith("@criw")


async def test_a_rebuilt_database_never_reuses_a_uid(database_url, clock):
    before = await a_feeds_uids(database_url, clock)
    await rebuild(database_url)
    after = await a_feeds_uids(database_url, clock)
    assert before != after and len(after) == 1


async def test_two_installations_never_share_a_uid(tmp_path, clock):
    one = await a_feeds_uids(f"sqlite+aiosqlite:///{tmp_path / 'one.db'}", clock)
    two = await a_feeds_uids(f"sqlite+aiosqlite:///{tmp_path / 'two.db'}", clock)
    assert set(one).isdisjoint(two)
