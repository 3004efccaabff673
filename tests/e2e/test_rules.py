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
    assert "✅ To agree: more yes than no\n   For example: with 3 votes, 2 yes is enough." in shown
    assert "✅ I gytuno: mwy o ie nag o na" in shown
    assert "⚖️ A tie doesn't pass: nothing changes without a majority." in shown
    await dafydd.tap("Two thirds", chat=group)
    shown = dafydd.last(group)
    assert "✅ To agree: at least two thirds of the yes and no votes are yes" in shown
    assert "For example: with 3 votes, 2 yes is enough.\n   For example: with 6 votes, 4 yes is enough." in shown
    assert "Er enghraifft: os oes 6 phleidlais, mae'n ddigon bod 4 yn dweud ie." in shown
    await dafydd.tap("Everyone", chat=group)
    assert "For example: with 3 votes, 3 yes is enough." in dafydd.last(group)
    await dafydd.tap("Tie: coordinators decide", chat=group)
    assert "⚖️ A tie: the group's coordinators decide, and tell the group why." in dafydd.last(group)
    await dafydd.tap("Notice: 7 days", chat=group)
    assert "🧰 The organisation needs 7 days' notice for a room, transport or money." in dafydd.last(group)
    async with world.criw.uow() as uow:
        assert [e.action for e in await uow.audit.for_group(1)][-1] == "rules.change"


async def test_rules_in_private_read_in_each_persons_language_and_in_easy_read(world):
    await add_bot(world)
    people, group = world.people, world.group
    await start_in(people["Ceri"], WELSH, easy_read=True, group=group)
    await start_in(people["Ben"], ENGLISH, group=group)
    await people["Ceri"].send("/rheolau")
    easy = people["Ceri"].last()
    assert "⚖️ Sut mae eich grŵp yn penderfynu" in easy
    assert "✅ Mae'n mynd yn ei flaen os oes mwy o bobl yn dweud ie nag sy'n dweud na." in easy
    assert "💡 3 yn pleidleisio: mae'n ddigon bod 2 yn dweud ie." in easy
    assert "How" not in easy  # one language only
    await people["Ben"].send("/rules")
    plain = people["Ben"].last()
    assert "✅ To agree: more yes than no\n   For example: with 3 votes, 2 yes is enough." in plain
    assert "🤷 Abstaining counts towards who must vote, not for or against." in plain
    assert "Sut mae" not in plain


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
