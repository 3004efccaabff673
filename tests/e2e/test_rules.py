"""Each group's decision rule: shown to all, changed only by its coordinators."""

from tests.e2e.conftest import ENGLISH, FULL_NAME, WELSH, add_bot, group_post, start_in, write_proposal

ALYS, BEN = FULL_NAME["Alys"], FULL_NAME["Ben"]  # hostile names: shown exactly as written


async def test_the_rule_is_shown_bilingually_and_a_coordinator_changes_it(world):
    await add_bot(world)
    dafydd, group = world.people["Dafydd"], world.group
    await dafydd.send("/rules", chat=group)
    shown = dafydd.last(group)
    assert shown.index("⚖️ Sut mae'r grŵp hwn yn penderfynu") < shown.index("⚖️ How this group decides")
    assert "👥 Who must vote: at least 3 people" in shown
    await dafydd.tap("Two thirds", chat=group)
    assert "✅ To agree: two thirds of yes and no" in dafydd.last(group)
    async with world.criw.uow() as uow:
        assert [e.action for e in await uow.audit.for_group(1)][-1] == "rules.change"


async def test_a_member_cannot_change_the_rule(world):
    await add_bot(world)
    dafydd, ben, group = world.people["Dafydd"], world.people["Ben"], world.group
    await dafydd.send("/rheolau", chat=group)
    message = world.emulator.last_bot_message(group["id"])
    world.emulator.user_presses(ben.id, group["id"], message["message_id"], "1|rule|quorum|2")
    await world.emulator.settle()
    assert "only the group's coordinators" in world.emulator.callback_answers[-1]["text"]
    await ben.send("/rules", chat=group)
    assert "at least 3 people" in ben.last(group)
    assert world.emulator.last_bot_message(group["id"]).get("reply_markup") is None  # no buttons for members


async def test_in_a_group_with_open_votes_the_post_shows_who_voted_how(world):
    await add_bot(world)
    people, group = world.people, world.group
    for name, words in (("Alys", WELSH), ("Ben", ENGLISH), ("Dafydd", ENGLISH)):
        await start_in(people[name], words, group=group)
    await people["Dafydd"].send("/rules", chat=group)
    await people["Dafydd"].tap("Open", chat=group)
    post = await write_proposal(world, people["Ben"], ENGLISH, "Picnic")
    await people["Alys"].tap("Ie", chat=group)
    await world.criw.dispatcher.group_edits.flush()
    assert f"✅ ({ALYS})" in group_post(world, post["message_id"])["text"]
