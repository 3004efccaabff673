"""Meet-up reminders through the real bot and emulator: the group's reminder a day before, the private
reminder two hours before to people going (with their pickup, in Easy Read for an Easy Read member), a
moved meet-up's reminders at the new time, none for a cancelled one, and the weekly list on Monday 09:00."""

from datetime import UTC, datetime

from tests.e2e.meetup_steps import GOING, LIFT, MAYBE, everyone_started, manage, new_meetup

TOMORROW_CY, TOMORROW_EN = "⏰ Yfory: Coffee and a chat", "⏰ Tomorrow: Coffee and a chat"
SOON_EN = "⏰ Soon: Coffee and a chat. You said you're going."
SOON_CY = "⏰ Cyn bo hir: Coffee and a chat. Fe ddywedoch chi eich bod chi'n mynd."
EASY_CY = "⏰ Nodyn atgoffa: rydych chi'n mynd i'r cyfarfod yma: Coffee and a chat."


def at(clock, month, day, hour, minute=0):
    """Move the clock to this moment (UTC; London is on GMT from November to March)."""
    clock.moment = datetime(2026, month, day, hour, minute, tzinfo=UTC)


def group_texts(world):
    return [m.get("text", "") for m in world.emulator.bot_messages(world.group["id"])]


def texts(world, name):
    return [m.get("text", "") for m in world.emulator.bot_messages(world.people[name].id)]


def mentions(world, name, words):
    return sum(words in text for text in texts(world, name))


async def test_the_group_reminder_arrives_a_day_before_in_welsh_and_english_with_the_rsvp_buttons(world, clock):
    await everyone_started(world)
    await new_meetup(world)  # Tuesday 1 December, 18:00
    await world.people["Ben"].tap(GOING, chat=world.group)
    at(clock, 11, 30, 17, 59)
    await world.tick()
    assert not any(TOMORROW_EN in text for text in group_texts(world))
    at(clock, 11, 30, 18, 0)
    await world.tick()
    reminder = world.emulator.last_bot_message(world.group["id"])
    text = reminder["text"]
    assert text.index(TOMORROW_CY) < text.index(TOMORROW_EN)
    assert "📅 Pryd: Dydd Mawrth 1 Rhagfyr, 18:00–20:00" in text and "📅 When: Tuesday 1 December, 18:00–20:00" in text
    assert "👥 Going: 1 · Maybe: 0" in text
    labels = [button["text"] for row in reminder["reply_markup"]["inline_keyboard"] for button in row]
    assert "✅ Yn mynd / ✅ Going" in labels and "❌ Ddim yn mynd / ❌ Not going" in labels
    await world.tick()
    assert sum(TOMORROW_EN in text for text in group_texts(world)) == 1  # once only


async def test_people_going_get_a_private_reminder_with_their_pickup_and_easy_read_in_welsh(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world)
    await people["Ben"].tap(LIFT, chat=group)  # a lift means going
    await people["Ben"].send("Outside the library")
    await people["Ceri"].tap(GOING, chat=group)
    await people["Alys"].tap(MAYBE, chat=group)
    at(clock, 12, 1, 15, 59)
    await world.tick()
    assert mentions(world, "Ben", SOON_EN) == 0
    at(clock, 12, 1, 16, 0)
    await world.tick()
    ben = people["Ben"].last()
    assert SOON_EN in ben and "🚗 You asked for a lift. Pickup: Outside the library" in ben
    assert "📍 Where: Canolfan y Dref" in ben and "Yfory" not in ben and "Cyn bo hir" not in ben
    assert "❌ Not going" in people["Ben"].buttons()
    ceri = people["Ceri"].last()
    assert EASY_CY in ceri and "📅 Mae'n dechrau: Dydd Mawrth 1 Rhagfyr, 18:00" in ceri
    assert "Reminder" not in ceri and "Soon" not in ceri  # a Welsh speaker never meets English
    assert any("Ddim yn mynd" in label for label in people["Ceri"].buttons())
    assert mentions(world, "Alys", "Coffee and a chat. Fe ddywedoch") == 0  # Maybe: no reminder


async def test_saying_not_going_from_the_reminder_means_no_reminder_next_time(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world)
    await people["Alys"].tap(GOING, chat=group)
    await people["Alys"].tap("/ ❌ Not going", chat=group)
    at(clock, 12, 1, 16, 0)
    await world.tick()
    assert mentions(world, "Alys", SOON_CY) == 0


async def test_a_moved_meetups_reminders_arrive_at_the_new_time_only(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world)
    await people["Alys"].tap(GOING, chat=group)
    dafydd = await manage(world)
    await dafydd.tap("Change the time")
    await dafydd.send("3 December")  # Thursday, still 18:00
    await dafydd.tap("Yes, move it")
    at(clock, 11, 30, 18, 0)  # the old times: nothing
    await world.tick()
    at(clock, 12, 1, 16, 0)
    await world.tick()
    assert not any(TOMORROW_EN in text for text in group_texts(world))
    assert mentions(world, "Alys", SOON_CY) == 0
    at(clock, 12, 2, 18, 0)
    await world.tick()
    assert "📅 When: Thursday 3 December, 18:00–20:00" in world.emulator.last_bot_message(group["id"])["text"]
    assert sum(TOMORROW_EN in text for text in group_texts(world)) == 1
    at(clock, 12, 3, 16, 0)
    await world.tick()
    assert SOON_CY in people["Alys"].last() and "📅 Pryd: Dydd Iau 3 Rhagfyr, 18:00–20:00" in people["Alys"].last()


async def test_a_cancelled_meetups_reminders_never_arrive(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    await new_meetup(world)
    await people["Ben"].tap(GOING, chat=group)
    dafydd = await manage(world)
    await dafydd.tap("Cancel the meet-up")
    await dafydd.tap("Yes, cancel it")
    for day, hour in ((30, 18), (1, 16), (1, 19)):
        at(clock, 11 if day == 30 else 12, day, hour)
        await world.tick()
    assert not any(TOMORROW_EN in text for text in group_texts(world))
    assert mentions(world, "Ben", SOON_EN) == 0


async def test_the_weekly_list_goes_on_monday_at_0900_with_the_weeks_meetups(world, clock):
    await everyone_started(world)
    await new_meetup(world, title="Paned", when="25 November 11:00")  # Wednesday this week
    await new_meetup(world, title="Taith hir", when="5 December 10:00")  # the week after: not in this list
    await world.tick()  # the scheduler starts: every group's next list is planned
    at(clock, 11, 23, 8, 59)
    await world.tick()
    assert not any("The coming week's meet-ups" in text for text in group_texts(world))
    at(clock, 11, 23, 9, 0)
    await world.tick()
    digest = world.emulator.last_bot_message(world.group["id"])["text"]
    assert digest.index("🗓 Cyfarfodydd yr wythnos i ddod:") < digest.index("🗓 The coming week's meet-ups:")
    assert "📅 Pryd: Dydd Mercher 25 Tachwedd, 11:00–13:00" in digest and "Paned" in digest
    assert "Taith hir" not in digest and "/nesaf" in digest and "/next" in digest
    at(clock, 11, 30, 9, 0)  # next Monday: Taith hir is in the coming week
    await world.tick()
    second = world.emulator.last_bot_message(world.group["id"])["text"]
    assert "Taith hir" in second and "Paned" not in second
    assert sum("The coming week's meet-ups" in text for text in group_texts(world)) == 2


async def test_a_coordinator_moves_the_weekly_list_to_friday_evening(world, clock):
    await everyone_started(world)
    dafydd, group = world.people["Dafydd"], world.group
    await new_meetup(world, title="Paned", when="28 November 11:00")  # Saturday
    await dafydd.send("/atgoffa", chat=group)
    assert "🗓 When the weekly list goes: Monday, 09:00" in dafydd.last(group)
    assert "🗓 Pryd mae'r rhestr wythnosol yn mynd: Dydd Llun, 09:00" in dafydd.last(group)
    await dafydd.tap("Change the weekly list's day and time", chat=group)
    await dafydd.tap("Dydd Gwener / Friday", chat=group)
    await dafydd.tap("18:00", chat=group)
    assert "🗓 When the weekly list goes: Friday, 18:00" in dafydd.last(group)
    at(clock, 11, 23, 9, 0)
    await world.tick()
    assert not any("The coming week's meet-ups" in text for text in group_texts(world))
    at(clock, 11, 27, 18, 0)
    await world.tick()
    assert "Paned" in world.emulator.last_bot_message(group["id"])["text"]
    assert "🗓 The coming week's meet-ups:" in world.emulator.last_bot_message(group["id"])["text"]
