"""The organisation's boundary on SQLite and PostgreSQL: which groups are in, who coordinates the
organisation, and that existing installs keep everyone's access when they upgrade."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.services import admission, groups, people, requests
from bot.services.errors import AlreadyDone, NotAnOrganisationCoordinator, NotFound
from bot.store.database import create_engine
from bot.store.migrate import downgrade, upgrade

OLD, NEW = -100, -200
ADDER, STRANGER, NAMED = 11, 12, 13


async def added_by(uow, clock, chat_id, telegram_id, name, *, admitted_chats=(), named=()):
    """What the dispatcher and the bot-added handler do when `telegram_id` adds the bot to `chat_id`."""
    async with uow() as work:
        group = await groups.find_or_add(work, clock, chat_id, f"Group {chat_id}")
        person = await people.meet(work, clock, telegram_id, name, None)

        async def creator():
            return "creator"

        await groups.note_presence(work, clock, group, person, creator)
        await work.commit()
    async with uow() as work:
        return await admission.arrive(work, clock, chat_id, telegram_id, admitted_chats=admitted_chats,
                                      named=named)


async def test_on_a_fresh_install_the_first_group_is_admitted_and_its_adder_coordinates_the_organisation(uow, clock):
    first = await added_by(uow, clock, OLD, ADDER, "Dafydd")
    assert first.admitted
    second = await added_by(uow, clock, NEW, STRANGER, "Mallt")
    assert not second.admitted and not second.refused
    assert [person.telegram_id for person in second.ask] == []  # Dafydd never pressed Start: nobody to ask yet
    async with uow() as work:
        assert (await work.people.by_telegram_id(ADDER)).coordinates_organisation is not None
        assert (await work.people.by_telegram_id(STRANGER)).coordinates_organisation is None
        assert await work.groups.by_chat(NEW) is None  # a waiting group reaches no service
        assert [group.chat_id for group in await work.memberships.groups_of(
            (await work.people.by_telegram_id(STRANGER)).id)] == []


async def test_when_the_operator_names_coordinators_the_first_adder_gets_no_organisation_rights(uow, clock):
    waiting = await added_by(uow, clock, OLD, STRANGER, "Mallt", named={NAMED})  # Nia hasn't met the bot yet
    assert not waiting.admitted
    async with uow() as work:
        assert (await work.people.by_telegram_id(STRANGER)).coordinates_organisation is None


async def test_a_waiting_group_is_admitted_once_by_an_organisation_coordinator_and_never_by_anyone_else(uow, clock):
    await added_by(uow, clock, OLD, ADDER, "Dafydd")
    async with uow() as work:
        (await work.people.by_telegram_id(ADDER)).can_dm = True
        await work.commit()
    waiting = await added_by(uow, clock, NEW, STRANGER, "Mallt")
    assert [person.telegram_id for person in waiting.ask] == [ADDER]
    group_id = waiting.group.id
    for refused in (STRANGER, 999):
        async with uow() as work:
            with pytest.raises(NotAnOrganisationCoordinator):
                await admission.decide(work, clock, group_id, refused, True)
    async with uow() as work:
        assert (await admission.decide(work, clock, group_id, ADDER, True)).admission == "admitted"
    async with uow() as work:
        with pytest.raises(AlreadyDone):  # a second press (or a second coordinator) changes nothing
            await admission.decide(work, clock, group_id, ADDER, False)
    async with uow() as work:
        assert (await work.groups.by_chat(NEW)).admission == "admitted"
        with pytest.raises(NotAnOrganisationCoordinator):  # coordinating her admitted group gives no queue
            await requests.queue(work, clock, STRANGER)


async def test_the_operators_list_admits_a_group_and_names_an_organisation_coordinator(uow, clock):
    await added_by(uow, clock, OLD, ADDER, "Dafydd")
    assert (await added_by(uow, clock, NEW, STRANGER, "Mallt", admitted_chats={NEW})).admitted
    async with uow() as work:
        named = await people.meet(work, clock, NAMED, "Nia", None)
        await admission.name_by_operator(work, clock, named, {NAMED}, "Criw")
        await work.commit()
    async with uow() as work:
        assert await admission.is_organisation_coordinator(work, NAMED)
        assert not await admission.is_organisation_coordinator(work, STRANGER)
        with pytest.raises(NotFound):  # Siôn is in none of the organisation's groups
            await admission.grant(work, clock, OLD, NAMED, 999)
        await admission.grant(work, clock, NEW, NAMED, STRANGER)
    async with uow() as work:
        assert await admission.is_organisation_coordinator(work, STRANGER)


async def test_upgrading_an_existing_install_admits_its_groups_and_keeps_its_coordinators_powers(database_url):
    engine = create_engine(database_url)
    await upgrade(engine, "0011")
    async with engine.begin() as connection:
        await connection.execute(text("INSERT INTO organisation (id, name, created_at) "
                                      "VALUES (1, 'Criw', '2026-01-01 00:00:00')"))
        for person_id, telegram_id in ((1, 101), (2, 102)):
            await connection.execute(text(
                "INSERT INTO person (id, telegram_id, display_name, easy_read, listen, reminders, quiet_start, "
                "quiet_end, can_dm, created_at) VALUES "
                f"({person_id}, {telegram_id}, 'P', false, false, true, '21:00', '08:00', false, "
                "'2026-01-01 00:00:00')"))
        await connection.execute(text(
            "INSERT INTO \"group\" (id, organisation_id, chat_id, title, language_mode, timezone, bot_present, "
            "reminders_off, digest_weekday, digest_hour, created_at) VALUES "
            "(1, 1, -100, 'Walkers', 'bilingual', 'Europe/London', true, '[]', 0, 9, '2026-01-01 00:00:00')"))
        for person_id, role in ((1, "coordinator"), (2, "member")):
            await connection.execute(text(
                f"INSERT INTO membership (person_id, group_id, role, created_at) "
                f"VALUES ({person_id}, 1, '{role}', '2026-01-01 00:00:00')"))
    await upgrade(engine)
    async with engine.connect() as connection:
        admission_state = (await connection.execute(text('SELECT admission FROM "group"'))).scalar_one()
        powers = dict((await connection.execute(
            text("SELECT telegram_id, coordinates_organisation FROM person"))).all())
    assert admission_state == "admitted"
    assert powers == {101: 1, 102: None}
    await downgrade(engine, "0011")  # and back, every row kept
    async with engine.connect() as connection:
        kept = (await connection.execute(text("SELECT count(*) FROM membership"))).scalar_one()
        columns = (await connection.execute(text('SELECT * FROM "group"'))).keys()
    await engine.dispose()
    assert kept == 2 and "admission" not in columns
