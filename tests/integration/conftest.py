import pytest

from bot.domain.clock import FixedClock
from bot.store.database import create_engine, session_factory
from bot.store.migrate import upgrade
from bot.store.uow import uow_factory


@pytest.fixture
async def uow(database_url):
    """A unit-of-work factory over a freshly migrated database."""
    engine = create_engine(database_url)
    await upgrade(engine)
    yield uow_factory(session_factory(engine))
    await engine.dispose()


@pytest.fixture
def clock():
    return FixedClock()
