"""CRIW_TIMEZONE is the groups' default time zone (README): a group the bot meets for the first time gets it,
and the times its members type are read in it."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.playground.demo import running_demo
from tests.e2e.conftest import ENGLISH, add_bot, start_in, write_proposal


async def test_a_new_group_gets_the_operators_time_zone_and_its_times_are_read_in_it(tmp_path, transport, clock):
    async with running_demo(db=str(tmp_path / "zone.db"), transport=transport, clock=clock,
                            group_edit_seconds=0.5, timezone="America/New_York") as world:
        ben = world.people["Ben"]
        await add_bot(world)
        await start_in(ben, ENGLISH, group=world.group)
        post = await write_proposal(world, ben, ENGLISH, "Bowling", dates=("5 December 14:30",))
        assert "📅 When: Saturday 5 December, 14:30" in post["text"]
        async with world.criw.uow() as uow:
            group = await uow.groups.by_chat(world.group["id"])
            assert group is not None and group.id is not None
            [proposal] = await uow.proposals.open_in_group(group.id)
            [option] = await uow.proposals.options(proposal.id or 0)
    assert group.timezone == "America/New_York"
    assert option.starts_at.astimezone(UTC) == datetime(2026, 12, 5, 19, 30, tzinfo=UTC)  # 14:30 EST, not GMT
