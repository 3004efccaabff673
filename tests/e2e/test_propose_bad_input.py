"""Writing a proposal: every mistake gets a clear message in the person's language and another try."""

from tests.e2e.conftest import ENGLISH, WELSH, add_bot, start_in


async def begin(world, phone, words):
    await add_bot(world)
    await start_in(phone, words, group=world.group)
    await phone.start(f"p{world.group['id']}")


async def test_an_empty_title_is_asked_for_again(world):
    alys = world.people["Alys"]
    await begin(world, alys, WELSH)
    await alys.send("   ")
    assert alys.last().startswith("Roedd hwnna'n wag.")
    assert "✍️ Beth hoffech chi i'r grŵp ei wneud?" in alys.last()


async def test_a_5000_character_description_is_refused_with_the_limit(world):
    ben = world.people["Ben"]
    await begin(world, ben, ENGLISH)
    await ben.send("Walk")
    await ben.send("x" * 5000)
    assert ben.last().startswith("That's too long: please keep it under 1000 characters.")
    await ben.send("A gentle walk.")
    assert "📅 Which day?" in ben.last()


async def goto_dates(world, phone, words):
    await begin(world, phone, words)
    await phone.send("Walk")
    await phone.tap(words["skip"])


async def test_a_date_in_the_past_is_refused(world):
    alys = world.people["Alys"]
    await goto_dates(world, alys, WELSH)
    await alys.send("1 Ionawr 2020 10:00")
    assert alys.last().startswith("📅 Mae'r amser yna wedi mynd heibio.")


async def test_31_chwefror_is_refused_as_a_date_that_does_not_exist(world):
    alys = world.people["Alys"]
    await goto_dates(world, alys, WELSH)
    await alys.send("31 Chwefror")
    assert alys.last().startswith("📅 Dydy'r dyddiad yna ddim yn bodoli")


async def test_a_date_that_does_not_parse_gets_an_example(world):
    ben = world.people["Ben"]
    await goto_dates(world, ben, ENGLISH)
    await ben.send("whenever suits")
    assert ben.last().startswith("📅 Sorry, I couldn't read that date. Try something like 5 December 14:30")


async def test_a_day_without_a_time_asks_for_the_time_then_confirms(world):
    alys = world.people["Alys"]
    await goto_dates(world, alys, WELSH)
    await alys.send("dydd Sadwrn nesaf")
    assert "🕑 Faint o'r gloch? (Dydd Sadwrn 28 Tachwedd)" in alys.last()
    await alys.tap("14:00")
    assert "Dydd Sadwrn 28 Tachwedd, 14:00" in alys.last()


async def test_no_more_than_five_date_options(world):
    ben = world.people["Ben"]
    await goto_dates(world, ben, ENGLISH)
    for day in range(1, 6):
        if day > 1:
            await ben.tap("Add another date")
        await ben.send(f"{day + 1} December 18:00")
    assert "Add another date" not in " ".join(ben.buttons())
    message_id = ben.inbox()[-1]["message_id"]
    world.emulator.user_presses(ben.id, ben.id, message_id, "1|pf|confirm|more", forged=True)
    await world.emulator.settle()
    await ben.send("20 December 18:00")
    assert ben.last().startswith("You can offer up to 5 dates.")


async def test_back_returns_to_the_previous_question_and_cancel_posts_nothing(world):
    ben = world.people["Ben"]
    await goto_dates(world, ben, ENGLISH)
    await ben.tap("Back")
    assert "📝 Tell people a bit more" in ben.last()
    await ben.tap("Cancel")
    assert ben.last() == "✖️ Cancelled. Nothing was posted."
    assert all("New proposal" not in m["text"] for m in world.emulator.bot_messages(world.group["id"]))


async def test_an_old_button_from_an_earlier_question_does_nothing(world):
    ben = world.people["Ben"]
    await goto_dates(world, ben, ENGLISH)
    first_prompt = next(m for m in ben.inbox() if "📝 Tell people" in m["text"])
    world.emulator.user_presses(ben.id, ben.id, first_prompt["message_id"], "1|pf|description|skip", forged=True)
    await world.emulator.settle()
    assert world.emulator.callback_answers[-1]["text"] == "That button is from an earlier question."
    assert "📅 Which day?" in ben.last()


async def test_typing_where_buttons_are_needed_says_so(world):
    ben = world.people["Ben"]
    await goto_dates(world, ben, ENGLISH)
    await ben.send("7 December 18:00")
    await ben.send("looks good")
    assert ben.last().startswith("Please use the buttons below.")


async def test_a_proposal_for_a_group_the_person_is_not_in_is_refused(world):
    await add_bot(world)
    stranger = world.emulator.add_user("Stranger", language_code="en")
    world.emulator.user_sends(stranger["id"], f"/start p{world.group['id']}")
    await world.emulator.settle()
    reply = world.emulator.last_bot_message(stranger["id"])["text"]
    assert "only for members of the group" in reply
