"""Services on a real database: people, groups, coordinators, update claims."""

import pytest

from bot.services import groups, people, updates
from bot.services.errors import AlreadyDone, NotACoordinator, NotAMember, NotFound
from bot.services.updates import Claim


async def add_member(uow, clock, chat_id, telegram_id, name, status="member"):
    async with uow() as work:
        group = await groups.find_or_add(work, clock, chat_id, "Cerddwyr")
        group.admission = "admitted"  # an organisation coordinator admitted it
        person = await people.meet(work, clock, telegram_id, name, "en")

        async def lookup():
            return status

        membership = await groups.note_presence(work, clock, group, person, lookup)
        await work.commit()
        return membership


async def test_the_same_update_can_be_claimed_only_once(uow, clock):
    async with uow() as work:
        assert await updates.claim(work, clock, 1001, "worker-1", exclusive=False) is Claim.NEW
    async with uow() as work:
        assert await updates.claim(work, clock, 1001, "worker-2", exclusive=False) is Claim.BUSY
    async with uow() as work:
        await updates.finish(work, 1001)
    async with uow() as work:
        assert await updates.claim(work, clock, 1001, "worker-2", exclusive=False) is Claim.DONE


async def test_a_released_claim_can_be_claimed_again(uow, clock):
    async with uow() as work:
        await updates.claim(work, clock, 7, "worker-1", exclusive=False)
    async with uow() as work:
        await updates.release(work, 7)
    async with uow() as work:
        assert await updates.claim(work, clock, 7, "worker-1", exclusive=False) is Claim.NEW


async def test_the_first_telegram_admin_becomes_coordinator_and_is_audited(uow, clock):
    membership = await add_member(uow, clock, -100, 1, "Dafydd", status="creator")
    assert membership.role == "coordinator"
    async with uow() as work:
        group = await work.groups.by_chat(-100)
        entries = await work.audit.for_group(group.id)
    assert [entry.action for entry in entries] == ["coordinator.first"]


async def test_a_second_admin_does_not_become_coordinator_automatically(uow, clock):
    await add_member(uow, clock, -100, 1, "Dafydd", status="creator")
    membership = await add_member(uow, clock, -100, 2, "Ffion", status="administrator")
    assert membership.role == "member"


async def test_someone_telegram_says_has_left_is_not_made_a_member(uow, clock):
    assert await add_member(uow, clock, -100, 3, "Stranger", status="left") is None


async def test_a_coordinator_can_appoint_a_member(uow, clock):
    await add_member(uow, clock, -100, 1, "Dafydd", status="creator")
    await add_member(uow, clock, -100, 2, "Alys")
    async with uow() as work:
        appointed = await groups.appoint_coordinator(work, clock, -100, 1, 2)
    assert appointed.display_name == "Alys"
    with pytest.raises(AlreadyDone):
        async with uow() as work:
            await groups.appoint_coordinator(work, clock, -100, 1, 2)


async def test_a_member_cannot_appoint_and_nothing_changes(uow, clock):
    await add_member(uow, clock, -100, 1, "Dafydd", status="creator")
    await add_member(uow, clock, -100, 2, "Alys")
    await add_member(uow, clock, -100, 3, "Ben")
    with pytest.raises(NotACoordinator):
        async with uow() as work:
            await groups.appoint_coordinator(work, clock, -100, 2, 3)
    async with uow() as work:
        ben = await work.people.by_telegram_id(3)
        group = await work.groups.by_chat(-100)
        assert (await work.memberships.find(ben.id, group.id)).role == "member"


async def test_a_coordinator_of_another_group_cannot_appoint_here(uow, clock):
    await add_member(uow, clock, -100, 1, "Dafydd", status="creator")
    await add_member(uow, clock, -200, 9, "Other", status="creator")
    await add_member(uow, clock, -100, 2, "Alys")
    with pytest.raises(NotAMember):
        async with uow() as work:
            await groups.appoint_coordinator(work, clock, -100, 9, 2)


async def test_appointing_someone_the_group_has_never_seen_is_refused(uow, clock):
    await add_member(uow, clock, -100, 1, "Dafydd", status="creator")
    with pytest.raises(NotFound):
        async with uow() as work:
            await groups.appoint_coordinator(work, clock, -100, 1, 424242)


async def test_a_migrated_group_keeps_its_members_under_the_new_chat_id(uow, clock):
    await add_member(uow, clock, -100, 1, "Dafydd", status="creator")
    async with uow() as work:
        await groups.move_chat(work, -100, -100999)
    async with uow() as work:
        assert await work.groups.by_chat(-100) is None
        group = await work.groups.by_chat(-100999)
        dafydd = await work.people.by_telegram_id(1)
        assert (await work.memberships.find(dafydd.id, group.id)).role == "coordinator"


async def test_names_are_stored_on_one_line_and_cut_to_length(uow, clock):
    async with uow() as work:
        person = await people.meet(work, clock, 5, "Al\n\x00ys " + "x" * 300, None)
        await work.commit()
    assert "\n" not in person.display_name
    assert len(person.display_name) == people.NAME_LIMIT


async def test_a_language_outside_cymraeg_and_english_is_refused(uow, clock):
    async with uow() as work:
        await people.meet(work, clock, 5, "Alys", None)
        await work.commit()
    with pytest.raises(NotFound):
        async with uow() as work:
            await people.choose_language(work, 5, "fr")
