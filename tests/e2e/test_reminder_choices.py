"""Reminders follow people's choices: turning them on plans them for meet-ups already answered Going (off
cancels them), and a group that gets the bot back has its weekly list again at once."""

from tests.e2e.conftest import ENGLISH as START_EN
from tests.e2e.conftest import WELSH as START_CY
from tests.e2e.conftest import add_bot, start_in
from tests.e2e.meetup_steps import GOING, new_meetup
from tests.e2e.test_meetup_reminders import SOON_CY, SOON_EN, at, group_texts, mentions


async def test_turning_reminders_on_after_saying_going_brings_the_reminder_and_off_takes_it_away(world, clock):
    people, group = world.people, world.group
    await add_bot(world)
    await start_in(people["Alys"], START_CY, reminders=False, group=group)
    await start_in(people["Ben"], START_EN, reminders=True, group=group)
    await start_in(people["Dafydd"], START_EN, group=group)
    await new_meetup(world)
    await people["Alys"].tap(GOING, chat=group)
    await people["Ben"].tap(GOING, chat=group)
    await people["Alys"].send("/gosodiadau")
    await people["Alys"].tap("Troi nodiadau atgoffa ymlaen")
    await people["Ben"].send("/settings")
    await people["Ben"].tap("Turn reminders off")
    at(clock, 12, 1, 16, 0)
    await world.tick()
    assert mentions(world, "Alys", SOON_CY) == 1 and SOON_CY in people["Alys"].last()
    assert mentions(world, "Ben", SOON_EN) == 0


async def test_a_group_that_gets_the_bot_back_has_its_weekly_list_planned_again_at_once(world, clock):
    people, group, emulator = world.people, world.group, world.emulator
    await add_bot(world)
    await start_in(people["Dafydd"], START_EN, group=group)
    await new_meetup(world, title="Paned", when="25 November 11:00")  # Wednesday of the coming week
    await new_meetup(world, title="Taith hir", when="2 December 10:00")  # Wednesday of the week after
    await world.tick()  # the scheduler has started: its start-up planning is behind us
    emulator.remove_bot_from_group(group["id"], people["Dafydd"].id)
    await emulator.settle()
    at(clock, 11, 23, 9, 0)  # Monday 09:00 while the bot is away: no list, and none planned after it
    await world.tick()
    assert not any("The coming week's meet-ups" in text for text in group_texts(world))
    at(clock, 11, 24, 12, 0)
    await add_bot(world)
    at(clock, 11, 30, 9, 0)  # the next Monday, no restart in between
    await world.tick()
    digest = emulator.last_bot_message(group["id"])["text"]
    assert "🗓 The coming week's meet-ups:" in digest and "Taith hir" in digest and "Paned" not in digest
    assert sum("The coming week's meet-ups" in text for text in group_texts(world)) == 1
