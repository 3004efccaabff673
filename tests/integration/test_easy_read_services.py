"""Ways in, on a real database: supporters answer only with the member's consent (coordinators always),
every such entry is audited as "entered by X for Y", "I need help" finds the coordinators, and the words
behind a 🔊 button are read back only by the person they were sent to."""

from datetime import timedelta

import pytest

from bot.domain.decisions import Choice
from bot.domain.proposals import Draft
from bot.services import groups, people, proposals, support, supporters, voice, voting
from bot.services.errors import MayNotActFor, NotAMember, NotFound

CHAT = -200
DAFYDD, ALYS, BEN = 1, 2, 3  # Dafydd is the coordinator


async def join(uow, clock, telegram_id, name, status="member", chat=CHAT):
    async with uow() as work:
        group = await groups.find_or_add(work, clock, chat, "Walkers")
        group.admission = "admitted"  # an organisation coordinator admitted it
        person = await people.meet(work, clock, telegram_id, name, None)

        async def lookup():
            return status

        await groups.note_presence(work, clock, group, person, lookup)
        await work.commit()
        return group.id, person.id


@pytest.fixture
async def group(uow, clock):
    group_id, _ = await join(uow, clock, DAFYDD, "Dafydd", "administrator")
    await join(uow, clock, ALYS, "Alys")
    await join(uow, clock, BEN, "Ben")
    return group_id


async def person_id(uow, telegram_id):
    async with uow() as work:
        return (await work.people.by_telegram_id(telegram_id)).id


async def open_proposal(uow, clock):
    draft = Draft(CHAT, "Fishing trip", options=[clock.now() + timedelta(days=14)])
    async with uow() as work:
        return await proposals.submit(work, clock, ALYS, draft)


async def test_a_named_supporter_votes_for_the_member_and_the_audit_says_entered_by_for(uow, clock, group):
    view = await open_proposal(uow, clock)
    async with uow() as work:
        await supporters.name(work, clock, ALYS, group, await person_id(uow, BEN))
    async with uow() as work:
        await voting.cast_vote(work, clock, CHAT, ALYS, view.id, 0, Choice.YES, entered_by=BEN)
    async with uow() as work:
        votes = await work.proposals.votes(view.id)
        trail = [entry for entry in await work.audit.for_group(group) if entry.action == supporters.ENTERED_FOR]
    assert [(vote.person_id, vote.choice) for vote in votes] == [(await person_id(uow, ALYS), "yes")]
    assert trail[0].detail["label"] == "entered by Ben for Alys"
    assert trail[0].actor_person_id == await person_id(uow, BEN)


async def test_without_consent_a_member_cannot_vote_for_another_and_nothing_is_recorded(uow, clock, group):
    view = await open_proposal(uow, clock)
    with pytest.raises(MayNotActFor):
        async with uow() as work:
            await voting.cast_vote(work, clock, CHAT, ALYS, view.id, 0, Choice.YES, entered_by=BEN)
    async with uow() as work:
        assert await work.proposals.votes(view.id) == []


async def test_a_coordinator_may_answer_for_any_member_of_their_group(uow, clock, group):
    view = await open_proposal(uow, clock)
    async with uow() as work:
        await voting.cast_vote(work, clock, CHAT, BEN, view.id, 0, Choice.NO, entered_by=DAFYDD)
    async with uow() as work:
        found = await supporters.people_i_support(work, DAFYDD)
    assert {s.member.display_name for s in found} == {"Alys", "Ben"}
    assert all(s.as_coordinator for s in found)


async def test_revoked_consent_stops_the_supporter(uow, clock, group):
    async with uow() as work:
        await supporters.name(work, clock, ALYS, group, await person_id(uow, BEN))
    async with uow() as work:
        (row, _, _), = await supporters.mine(work, ALYS)
        await supporters.revoke(work, clock, ALYS, row.id)
    async with uow() as work:
        assert await supporters.people_i_support(work, BEN) == []
        with pytest.raises(MayNotActFor):
            await supporters.check(work, BEN, group, await person_id(uow, ALYS))


async def test_nobody_outside_the_group_can_be_named(uow, clock, group):
    _, outsider = await join(uow, clock, 9, "Stranger", chat=-999)
    with pytest.raises(NotFound):
        async with uow() as work:
            await supporters.name(work, clock, ALYS, group, outsider)


async def test_i_need_help_on_a_proposal_finds_the_coordinators_once_in_a_while(uow, clock, group):
    view = await open_proposal(uow, clock)
    async with uow() as work:
        asked = await support.ask_for_help(work, clock, BEN, "p", view.id)
    assert [c.display_name for c in asked.coordinators] == ["Dafydd"] and asked.title == "Fishing trip"
    assert not asked.already
    async with uow() as work:
        again = await support.ask_for_help(work, clock, BEN, "-", 0)
    assert again.already  # pressed again (under the reply) a moment later: nobody is told twice
    clock.advance(timedelta(hours=1))
    async with uow() as work:
        assert not (await support.ask_for_help(work, clock, BEN, "p", view.id)).already


async def test_i_need_help_about_another_groups_proposal_is_refused(uow, clock, group):
    view = await open_proposal(uow, clock)
    await join(uow, clock, 9, "Stranger", chat=-999)
    with pytest.raises(NotAMember):
        async with uow() as work:
            await support.ask_for_help(work, clock, 9, "p", view.id)


async def test_the_words_behind_a_listen_button_are_only_for_the_person_they_were_sent_to(uow, clock, group):
    alys = await person_id(uow, ALYS)
    async with uow() as work:
        first = await voice.remember(work, clock, alys, "cy", "Helo.")
    async with uow() as work:
        assert await voice.remember(work, clock, alys, "cy", "Helo.") == first  # the same words, one row
    async with uow() as work:
        spoken, file_id = await voice.to_listen(work, first, ALYS)
        assert (spoken.text, spoken.language, file_id) == ("Helo.", "cy", None)
        with pytest.raises(NotFound):
            await voice.to_listen(work, first, BEN)
    clock.advance(voice.KEPT_FOR + timedelta(days=1))
    async with uow() as work:
        assert await voice.forget_old(work, clock) == 1
