"""Members propose activities and decide together, in Welsh and English."""

from datetime import timedelta

from tests.e2e.conftest import (
    ENGLISH,
    FULL_NAME,
    WELSH,
    add_bot,
    admit_waiting_group,
    group_post,
    start_in,
    write_proposal,
)

ALYS, BEN = FULL_NAME["Alys"], FULL_NAME["Ben"]  # hostile names: shown exactly as written


async def everyone_started(world):
    people = world.people
    await add_bot(world)
    await start_in(people["Alys"], WELSH, group=world.group)
    await start_in(people["Ben"], ENGLISH, group=world.group)
    await start_in(people["Ceri"], WELSH, easy_read=True, group=world.group)
    await start_in(people["Dafydd"], ENGLISH, group=world.group)


def announcement(world):
    """The group's latest announcement (a passed proposal's meet-up post, with RSVP buttons, follows it)."""
    return [m for m in world.emulator.bot_messages(world.group["id"]) if "📅 Meet-up:" not in m.get("text", "")][-1][
        "text"]


async def test_a_member_proposes_in_welsh_and_the_group_votes_in_both_languages(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    post = await write_proposal(world, people["Alys"], WELSH, "Taith gerdded ar Lwybr Taf", place="Parc Bute")
    text = post["text"]
    assert text.index(f"🗳️ Cynnig newydd gan {ALYS}") < text.index(f"🗳️ New proposal from {ALYS}")
    assert "📅 Pryd: Dydd Sadwrn 5 Rhagfyr, 14:30" in text
    assert "📅 When: Saturday 5 December, 14:30" in text
    assert "📍 Lle: Parc Bute" in text and "📍 Where: Parc Bute" in text
    assert "📣 Wedi'i bostio i'r grŵp" in people["Alys"].last()

    await people["Ben"].tap("Yes", chat=group)
    await people["Ceri"].tap("Na", chat=group)
    await people["Dafydd"].tap("Yes", chat=group)
    await world.criw.dispatcher.group_edits.flush()
    tally = group_post(world, post["message_id"])["text"]
    assert "📊 Ie 2 · Na 1 · Ymatal 0" in tally
    assert "📊 Yes 2 · No 1 · Abstain 0" in tally
    assert "Your vote is counted: Yes" in people["Ben"].popups
    assert "Mae eich pleidlais wedi'i chyfrif: Na" in people["Ceri"].popups
    assert "Mae eich pleidlais wedi'i chyfrif.\n✅ Dywedoch chi: Na" in people["Ceri"].last()  # Easy Read: a message

    clock.advance(timedelta(days=8))
    await world.tick()
    outcome = announcement(world)
    assert outcome.index("✅ Wedi'i gytuno: Taith gerdded ar Lwybr Taf") < outcome.index("✅ Agreed: Taith gerdded")
    async with world.criw.uow() as uow:
        proposal = (await uow.proposals.open_in_group(1)) or None
        meetup = await uow.proposals.meetup_for(1)
    assert proposal is None
    assert meetup is not None and meetup.place == "Parc Bute"


async def test_date_options_are_approval_voted_and_the_most_ticked_date_wins(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    dates = ("4 December 18:00", "11 December 18:00")
    post = await write_proposal(world, people["Ben"], ENGLISH, "Bowling", dates=dates)
    assert "📅 Dates to choose from:" in post["text"]
    for name in ("Alys", "Ceri", "Dafydd"):
        await people[name].tap("11 Rhag", chat=group)
    await people["Alys"].tap("4 Rhag", chat=group)
    await people["Alys"].tap("4 Rhag", chat=group)  # a second press takes the tick away
    assert "Tic wedi'i dynnu" in people["Alys"].popups[-1]
    clock.advance(timedelta(days=8))
    await world.tick()
    outcome = announcement(world)
    assert "✅ Agreed: Bowling\n📅 When: Friday 11 December, 18:00" in outcome


async def test_a_vote_from_someone_outside_the_group_is_refused_and_changes_nothing(world):
    await everyone_started(world)
    post = await write_proposal(world, world.people["Ben"], ENGLISH, "Cinema")
    stranger = world.emulator.add_user("Stranger", language_code="en")
    data = post["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    world.emulator.user_presses(stranger["id"], world.group["id"], post["message_id"], data, forged=True)
    await world.emulator.settle()
    assert "only for members" in world.emulator.callback_answers[-1]["text"]
    async with world.criw.uow() as uow:
        assert await uow.proposals.votes(1) == []


async def test_a_vote_after_close_is_refused(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    post = await write_proposal(world, people["Ben"], ENGLISH, "Fishing")
    clock.advance(timedelta(days=8))
    await world.tick()
    data = post["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    world.emulator.user_presses(people["Alys"].id, group["id"], post["message_id"], data, forged=True)
    await world.emulator.settle()
    assert "mae'r bleidlais ar hyn wedi cau" in world.emulator.callback_answers[-1]["text"]
    async with world.criw.uow() as uow:
        assert await uow.proposals.votes(1) == []


async def test_a_forged_proposal_id_from_another_group_is_refused(world):
    await everyone_started(world)
    emulator, people = world.emulator, world.people
    other = emulator.create_group("Other group", members=[people["Ben"].id], admins=[people["Ben"].id],
                                  creator=people["Ben"].id)
    emulator.add_bot_to_group(other["id"], people["Ben"].id)
    await emulator.settle()
    await admit_waiting_group(world)
    await write_proposal(world, people["Ben"], ENGLISH, "Secret plan")  # proposal 1, in the demo group
    welcome = emulator.last_bot_message(other["id"])
    emulator.user_presses(people["Ben"].id, other["id"], welcome["message_id"], "1|v|1|0|y", forged=True)
    await emulator.settle()
    assert "can't find that" in emulator.callback_answers[-1]["text"]
    async with world.criw.uow() as uow:
        assert await uow.proposals.votes(1) == []


async def test_fifty_members_voting_within_a_second_count_exactly_fifty_within_the_group_edit_limit(world):
    await everyone_started(world)
    emulator, group = world.emulator, world.group
    post = await write_proposal(world, world.people["Ben"], ENGLISH, "Road trip")
    data = post["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    voters = [emulator.add_user(f"Member {n}", language_code="en") for n in range(50)]
    for voter in voters:
        emulator.set_member_status(group["id"], voter["id"], "member")
    edits_before = _group_edits(emulator, group["id"])
    for voter in voters:
        emulator.user_presses(voter["id"], group["id"], post["message_id"], data)
    await emulator.settle(timeout=30)
    await world.criw.dispatcher.group_edits.flush()
    await emulator.settle()
    assert "📊 Yes 50 · No 0 · Abstain 0" in group_post(world, post["message_id"])["text"]
    assert len(world.emulator.callback_answers) >= 50
    assert _group_edits(emulator, group["id"]) - edits_before <= 20
    async with world.criw.uow() as uow:
        assert len(await uow.proposals.votes(1)) == 50


def _group_edits(emulator, chat_id):
    return sum(1 for method, params in emulator.calls
               if method == "editMessageText" and int(params.get("chat_id", 0)) == chat_id)


async def test_changing_a_vote_replaces_it(world):
    await everyone_started(world)
    people, group = world.people, world.group
    post = await write_proposal(world, people["Ben"], ENGLISH, "Allotment day")
    await people["Alys"].tap("Ie", chat=group)
    await people["Alys"].tap("Na", chat=group)
    await world.criw.dispatcher.group_edits.flush()
    assert "📊 Yes 0 · No 1 · Abstain 0" in group_post(world, post["message_id"])["text"]


async def test_votes_lists_open_proposals_and_my_vote_in_my_language(world):
    await everyone_started(world)
    people, group = world.people, world.group
    await write_proposal(world, people["Ben"], ENGLISH, "Allotment day")
    await people["Alys"].tap("Ie", chat=group)
    await people["Alys"].send("/pleidleisiau")
    listing = people["Alys"].last()
    assert "🗳️ Pleidleisiau agored:" in listing and "Allotment day" in listing and "Eich pleidlais: Ie" in listing
    await people["Ben"].send("/votes", chat=group)
    assert "🗳️ Open votes:" in people["Ben"].last(group) and "Your vote" not in people["Ben"].last(group)


async def test_the_proposer_can_withdraw_before_close(world):
    await everyone_started(world)
    people = world.people
    post = await write_proposal(world, people["Ben"], ENGLISH, "Cinema")
    await people["Ben"].tap("Withdraw it")
    assert "🗑 Withdrawn: Cinema" in people["Ben"].last()
    assert "🗑 Withdrawn by the proposer." in group_post(world, post["message_id"])["text"]
    assert "reply_markup" not in group_post(world, post["message_id"])


async def test_a_coordinator_closes_a_vote_early_with_a_reason_that_is_shown_and_audited(world):
    await everyone_started(world)
    people, group = world.people, world.group
    await write_proposal(world, people["Ben"], ENGLISH, "Bowling")
    for name in ("Alys", "Ceri", "Dafydd"):
        await people[name].tap("Ie" if name != "Dafydd" else "Yes", chat=group)
    await people["Dafydd"].send("/votes")
    await people["Dafydd"].tap("Close now")
    await people["Dafydd"].send("The alley is closing for repairs")
    outcome = announcement(world)
    assert "✅ Agreed: Bowling" in outcome
    assert "Closed early by a coordinator: The alley is closing for repairs" in outcome
    async with world.criw.uow() as uow:
        actions = [entry.action for entry in await uow.audit.for_group(1)]
    assert "proposal.close_early" in actions


async def test_a_member_cannot_close_a_vote_early(world):
    await everyone_started(world)
    people = world.people
    await write_proposal(world, people["Ben"], ENGLISH, "Bowling")
    await people["Ben"].send("/votes")
    assert "Close now" not in " ".join(people["Ben"].buttons())
    world.emulator.user_presses(people["Ben"].id, people["Ben"].id, people["Ben"].inbox()[-1]["message_id"],
                                "1|pc|1", forged=True)
    await world.emulator.settle()
    assert "only the group's coordinators" in world.emulator.callback_answers[-1]["text"]


async def test_a_tie_does_not_pass_by_default_and_the_proposer_is_not_asked_to_choose(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    await write_proposal(world, people["Ben"], ENGLISH, "Karaoke", dates=("20 December 19:00",))
    await people["Alys"].tap("Ie", chat=group)
    await people["Ceri"].tap("Na", chat=group)
    await people["Dafydd"].tap("Yes", chat=group)
    await people["Ben"].tap("No", chat=group)
    clock.advance(timedelta(days=7, hours=1))
    await world.tick()
    assert "⚖️ It's a tie on Karaoke, so it doesn't go ahead" in world.emulator.last_bot_message(group["id"])["text"]
    assert "Go ahead" not in " ".join(people["Ben"].buttons())


async def test_members_who_have_not_voted_get_one_closing_soon_nudge(world, clock):
    await everyone_started(world)
    people, group = world.people, world.group
    await write_proposal(world, people["Ben"], ENGLISH, "Quiz night")
    await people["Alys"].tap("Ie", chat=group)
    clock.advance(timedelta(days=6, hours=1))
    await world.tick()
    assert "⏰ Nodyn atgoffa: pleidleisiwch" in people["Ceri"].last()  # Ceri reads Easy Read
    assert "📝 Quiz night" in people["Ceri"].last()
    assert "⏰ Voting on Quiz night closes" in people["Dafydd"].last()
    assert "Quiz night" not in people["Alys"].last()
    nudges = len(people["Ceri"].inbox())
    await world.tick()
    assert len(people["Ceri"].inbox()) == nudges


async def test_a_half_written_proposal_survives_a_restart(world):
    await everyone_started(world)
    alys = world.people["Alys"]
    await alys.start(f"p{world.group['id']}")
    await alys.send("Picnic yn y parc")
    await world.restart()
    await alys.tap("Symud ymlaen")
    assert "📅 Pa ddiwrnod?" in alys.last()


async def test_a_vote_button_with_extra_or_non_canonical_fields_is_refused_and_not_counted(world):
    """`1|v|2|0|y|extra|more` and `1|v|2|00|y` were once counted as votes: read leniently, they looked right."""
    await everyone_started(world)
    post = await write_proposal(world, world.people["Ben"], ENGLISH, "Cinema")
    data = post["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    version, prefix, proposal_id, index, code = data.split("|")
    emulator, group = world.emulator, world.group
    for phone, forged, says in (
            (world.people["Alys"], f"{data}|extra|more", "dydy'r botwm hwn ddim yn gweithio"),  # she chose Welsh
            (world.people["Ben"], f"{version}|{prefix}|{proposal_id}|0{index}|{code}", "this button doesn't work"),
            (world.people["Alys"], f"{version}|{prefix}|0{proposal_id}|{index}|{code}", "dydy'r botwm hwn ddim")):
        emulator.user_presses(phone.id, group["id"], post["message_id"], forged, forged=True)
        await emulator.settle()
        assert says in emulator.callback_answers[-1]["text"]
    async with world.criw.uow() as uow:
        assert await uow.proposals.votes(int(proposal_id)) == []
    assert "📊 Yes 0 · No 0 · Abstain 0" in group_post(world, post["message_id"])["text"]
