"""Decisions people can trust (issue 20): exactly the group's rule, ties the group chose how to break,
honest deadlines and dates that never surprise; on both transports, in Welsh and English."""

from datetime import timedelta

import pytest

from tests.e2e.conftest import ENGLISH, WELSH, add_bot, start_in, write_proposal

EIGHT_DAYS = timedelta(days=8)


async def everyone_started(world):
    people = world.people
    await add_bot(world)
    await start_in(people["Alys"], WELSH, group=world.group)
    await start_in(people["Ben"], ENGLISH, group=world.group)
    await start_in(people["Ceri"], WELSH, group=world.group)
    await start_in(people["Dafydd"], ENGLISH, group=world.group)


def announcement(world):
    """The group's latest announcement (a passed proposal's meet-up post follows it)."""
    return [m for m in world.emulator.bot_messages(world.group["id"]) if "📅 Meet-up:" not in m.get("text", "")][-1][
        "text"]


async def set_rule(world, *labels):
    dafydd = world.people["Dafydd"]  # the group's coordinator
    await dafydd.send("/rules", chat=world.group)
    for label in labels:
        await dafydd.tap(label, chat=world.group)


async def vote(world, **choices):
    for name, choice in choices.items():
        await world.people[name].tap(choice, chat=world.group)


TWO_TO_ONE = {"Alys": "Ie", "Ceri": "Na", "Dafydd": "Yes"}
AGREED = ("✅ Wedi'i gytuno: Picnic", "✅ Agreed: Picnic")


@pytest.mark.parametrize("rule, votes, welsh, english", [
    ("More yes than no", TWO_TO_ONE, *AGREED),
    ("Two thirds", TWO_TO_ONE, *AGREED),
    ("Everyone", {**TWO_TO_ONE, "Ben": "Yes"}, "❌ Dim cytundeb y tro hwn: Picnic", "❌ Not agreed this time: Picnic"),
])
async def test_the_groups_outcome_post_is_exactly_what_its_rule_says(world, clock, rule, votes, welsh, english):
    await everyone_started(world)
    await set_rule(world, rule)
    await write_proposal(world, world.people["Ben"], ENGLISH, "Picnic")
    await vote(world, **votes)
    clock.advance(EIGHT_DAYS)
    await world.tick()
    outcome = announcement(world)
    assert welsh in outcome and english in outcome
    assert "tie" not in outcome


async def test_exactly_two_thirds_passes_and_is_not_treated_as_a_tie(world, clock):
    await everyone_started(world)
    await set_rule(world, "Two thirds")
    await write_proposal(world, world.people["Alys"], WELSH, "Picnic")
    await vote(world, Alys="Ie", Ceri="Na", Dafydd="Yes")  # 2 yes, 1 no: exactly two thirds
    clock.advance(EIGHT_DAYS)
    await world.tick()
    outcome = announcement(world)
    assert "✅ Agreed: Picnic" in outcome and "✅ Wedi'i gytuno: Picnic" in outcome
    async with world.criw.uow() as uow:
        assert await uow.proposals.meetup_for(1) is not None


async def tie(world, clock):
    await write_proposal(world, world.people["Ben"], ENGLISH, "Karaoke", dates=("20 December 19:00",))
    await vote(world, Alys="Ie", Ceri="Na", Dafydd="Yes", Ben="No")
    clock.advance(timedelta(days=7, hours=1))
    await world.tick()


async def test_by_default_a_tie_does_not_pass_and_nobody_is_asked_to_choose(world, clock):
    await everyone_started(world)
    await tie(world, clock)
    outcome = announcement(world)
    assert "⚖️ It's a tie on Karaoke, so it doesn't go ahead: nothing changes without a majority." in outcome
    assert "⚖️ Mae'n gyfartal: Karaoke\nDydy e ddim yn mynd yn ei flaen" in outcome
    assert "Karaoke" not in (world.people["Ben"].last() or "")  # the proposer gets no buttons to decide
    async with world.criw.uow() as uow:
        assert (await uow.proposals.get(1)).state == "not_passed"


async def test_a_tie_under_one_more_day_is_extended_once_then_does_not_pass(world, clock):
    await everyone_started(world)
    await set_rule(world, "Tie: one more day")
    await tie(world, clock)
    assert "⚖️ It's a tie on Karaoke. Voting stays open until" in announcement(world)
    clock.advance(timedelta(days=1, hours=1))
    await world.tick()
    outcome = announcement(world)
    assert "so it doesn't go ahead" in outcome and "Dydy e ddim yn mynd yn ei flaen" in outcome


async def test_a_tie_under_coordinators_decide_is_decided_by_a_coordinator_with_a_reason_shown_and_audited(
        world, clock):
    await everyone_started(world)
    people = world.people
    await set_rule(world, "Tie: coordinators decide")
    await tie(world, clock)
    assert "As the group's rule says, the coordinators will decide and say why." in announcement(world)
    assert "⚖️ The vote on Karaoke is a tie" in people["Dafydd"].last()
    world.emulator.user_presses(people["Ben"].id, people["Ben"].id, 1, "1|pt|1|0", forged=True)  # the proposer
    await world.emulator.settle()
    assert "only the group's coordinators" in world.emulator.callback_answers[-1]["text"]
    await people["Dafydd"].tap("✅ Go ahead")
    await people["Dafydd"].send("The room is booked already")
    outcome = announcement(world)
    assert "✅ Agreed: Karaoke" in outcome and "✅ Wedi'i gytuno: Karaoke" in outcome
    assert "⚖️ The tie was decided by a coordinator, Dafydd. Reason: The room is booked already" in outcome
    assert "⚖️ Cydlynydd a benderfynodd y bleidlais gyfartal: Dafydd." in outcome
    async with world.criw.uow() as uow:
        assert "proposal.tie_decided" in [entry.action for entry in await uow.audit.for_group(1)]


async def review_of_a_soon_event(world, phone, words, day):
    """`phone` proposes an event on `day` needing a room, with a week's voting: the review step."""
    await phone.start(f"p{world.group['id']}")
    await phone.send("Picnic")
    await phone.tap(words["skip"])
    await phone.send(day)
    await phone.tap(words["carry_on"])
    await phone.tap(words["skip"])
    await phone.tap(words["room"])
    await phone.tap(words["done"])
    await phone.tap("7")
    return phone.last()


async def test_the_review_shows_the_real_close_and_offers_one_with_the_organisations_notice_in_english(world):
    await everyone_started(world)
    ben = world.people["Ben"]
    review = await review_of_a_soon_event(world, ben, ENGLISH, "27 November 19:00")  # six days away
    assert "Voting stays open for 7 days" not in review
    assert "⏳ Voting closes: Friday 27 November, 17:00" in review
    assert "ℹ️ The first date comes before 7 days are up, so voting closes 2 hours before it starts." in review
    assert "less than its 3 days' notice" in review
    assert "⏳ Latest sensible closing time: Tuesday 24 November, 19:00" in review
    await ben.tap("Close earlier")
    review = ben.last()
    assert "⏳ Voting closes: Tuesday 24 November, 19:00" in review
    assert "✅ Voting closes in time for the organisation's 3 days' notice." in review
    await ben.tap("Post it")
    assert "⏳ Voting closes: Tuesday 24 November, 19:00" in world.emulator.last_bot_message(world.group["id"])["text"]


async def test_the_review_in_welsh_keeps_the_voting_period_when_the_proposer_chooses_it(world):
    await everyone_started(world)
    alys = world.people["Alys"]
    review = await review_of_a_soon_event(world, alys, WELSH, "27 Tachwedd 19:00")
    assert "⏳ Dyddiad cau'r bleidlais: Dydd Gwener 27 Tachwedd, 17:00" in review
    assert "⏳ Yr amser cau synhwyrol olaf: Dydd Mawrth 24 Tachwedd, 19:00" in review
    await alys.tap("Cau'n gynharach")
    await alys.tap("Cadw'r cyfnod pleidleisio")
    assert "⏳ Dyddiad cau'r bleidlais: Dydd Gwener 27 Tachwedd, 17:00" in alys.last()
    await alys.tap("Ei bostio")
    post = world.emulator.last_bot_message(world.group["id"])["text"]
    assert "⏳ Voting closes: Friday 27 November, 17:00" in post


async def test_an_event_too_soon_for_any_notice_says_so_before_posting(world):
    await everyone_started(world)
    review = await review_of_a_soon_event(world, world.people["Ben"], ENGLISH, "23 November 19:00")
    assert "⏳ Voting closes: Monday 23 November, 17:00" in review
    assert "too soon for the organisation's 3 days' notice" in review


@pytest.mark.parametrize("name, words, typed, asked, time_question", [
    ("Alys", WELSH, "20 Tachwedd", "Oeddech chi'n meddwl: Dydd Sadwrn 20 Tachwedd 2027?",
     "Dydd Sadwrn 20 Tachwedd 2027"),
    ("Ben", ENGLISH, "20 November", "Did you mean Saturday 20 November 2027?", "Saturday 20 November 2027"),
])
async def test_a_date_that_just_passed_is_asked_about_never_moved_to_next_year(world, name, words, typed, asked,
                                                                                 time_question):
    await everyone_started(world)
    phone = world.people[name]
    await phone.start(f"p{world.group['id']}")
    await phone.send("Picnic")
    await phone.tap(words["skip"])
    await phone.send(typed)  # Saturday 21 November 2026: 20 November was yesterday
    assert asked in phone.last()
    await phone.tap("❌")
    assert "📅" in phone.last() and "2027" not in phone.last()
    await phone.send(typed)
    await phone.tap("✅")
    assert time_question in phone.last()


async def test_a_date_far_ahead_shows_its_year_in_the_post_and_impossible_dates_are_named(world):
    await everyone_started(world)
    people = world.people
    post = await write_proposal(world, people["Ben"], ENGLISH, "Picnic", dates=("20 November 2027 19:00",))
    assert "📅 When: Saturday 20 November 2027, 19:00" in post["text"]
    assert "📅 Pryd: Dydd Sadwrn 20 Tachwedd 2027, 19:00" in post["text"]
    far = await write_proposal(world, people["Ben"], ENGLISH, "Two dates", dates=("5 December 14:30",
                                                                                "20 November 2027 19:00"))
    labels = [button["text"] for row in far["reply_markup"]["inline_keyboard"] for button in row]
    assert any("20 Nov 2027" in label for label in labels) and not any("5 Dec 2026" in label for label in labels)
    alys = people["Alys"]
    await alys.start(f"p{world.group['id']}")
    await alys.send("Picnic")
    await alys.tap(WELSH["skip"])
    await alys.send("31 Chwefror")
    assert alys.last().startswith("📅 Dydy'r dyddiad yna ddim yn bodoli. Chwefror 2027: dim ond 28 diwrnod.")
    await people["Ben"].start(f"p{world.group['id']}")
    await people["Ben"].send("Picnic")
    await people["Ben"].tap(ENGLISH["skip"])
    await people["Ben"].send("5 December 25:99")
    assert people["Ben"].last().startswith("🕑 25:99 isn't a time: hours go from 0 to 23 and minutes from 0 to 59.")
