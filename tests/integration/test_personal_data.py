"""Data rights on a real database: /mydata shows everything, /forgetme leaves nothing that identifies the
person while every group total stays the same, and the registry covers every table (later features too)."""

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import JSON, BigInteger, Column, ForeignKey, Integer, MetaData, String, Table, Text, select
from sqlmodel import SQLModel

import bot.store.tables  # noqa: F401
from bot.domain.erasure import REMOVED
from bot.domain.proposals import Draft
from bot.services import contributions, credit_reports, credits, data_rights, proposals, request_decisions, retention
from bot.services.errors import NotFound
from bot.store.meetups import MeetupSeries
from bot.store.models import AuditEntry, Person, ProcessedUpdate
from bot.store.personal_data import CHAT_COLUMNS, REFERENCES, TOMBSTONE_NAME, WORDS, Erase, Fate
from bot.store.support import SpokenText
from tests.integration.trust_world import ALYS, ALYS_NAME, ALYS_WORDS, BEN, CERI, DAFYDD, A, build

TEXT_TYPES = ("VARCHAR", "TEXT", "JSON", "STRING", "AUTOSTRING")


def is_text(column) -> bool:
    return type(column.type).__name__.upper() in TEXT_TYPES or "CHAR" in str(column.type)


def uncovered(metadata: MetaData) -> list[str]:
    """What the registry in bot/store/personal_data.py doesn't say how to export or erase."""
    references = {(r.table, r.column) for r in REFERENCES}
    chats = {(c.table, c.column) for c in CHAT_COLUMNS}
    words = {(w.table, name): w for w in WORDS for name in w.columns}
    problems = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            points_at_person = any(key.column.table.name == "person" for key in column.foreign_keys)
            if points_at_person and (table.name, column.name) not in references:
                problems.append(f"{table.name}.{column.name} points at a person: add a Reference")
            if isinstance(column.type, BigInteger) and (table.name, column.name) not in chats:
                problems.append(f"{table.name}.{column.name} may hold a Telegram id: add a ChatColumn")
            if is_text(column) and (table.name, column.name) not in words:
                problems.append(f"{table.name}.{column.name} is text: say in WORDS whose words they are")
    return problems


def misfiled_words() -> list[str]:
    """Words whose fate can't happen: removed with a person no column names, or 'with the row' in rows that stay."""
    deleted = {r.table for r in REFERENCES if r.erase is Erase.DELETE}
    references = {(r.table, r.column) for r in REFERENCES}
    problems = []
    for words in WORDS:
        if words.fate in (Fate.BLANKED, Fate.MARKED) and not words.by:
            problems.append(f"{words.table}: {words.fate} by whom?")
        problems += [f"{words.table}.{name} is not a Reference" for name in words.by
                     if (words.table, name) not in references]
        if words.fate is Fate.WITH_ROW and words.table not in deleted:
            problems.append(f"{words.table}: no row of it is deleted with the person")
    return problems


def test_every_table_that_refers_to_a_person_says_what_erasure_does():
    assert uncovered(SQLModel.metadata) == []
    assert misfiled_words() == []


def test_the_registry_names_only_real_tables_and_columns():
    tables = SQLModel.metadata.tables
    named = [(r.table, r.column) for r in REFERENCES] + [(c.table, c.column) for c in CHAT_COLUMNS]
    named += [(w.table, name) for w in WORDS for name in w.columns + w.by]
    for table, column in named:
        assert column in tables[table].columns, f"{table}.{column}"


def test_a_new_table_pointing_at_a_person_fails_the_check_until_it_is_registered():
    metadata = MetaData()
    Table("person", metadata, Column("id", Integer, primary_key=True))
    Table("diary", metadata, Column("id", Integer, primary_key=True),
          Column("author_id", ForeignKey("person.id")), Column("chat_id", BigInteger), Column("words", String(200)))
    assert uncovered(metadata) == ["diary.author_id points at a person: add a Reference",
                                   "diary.chat_id may hold a Telegram id: add a ChatColumn",
                                   "diary.words is text: say in WORDS whose words they are"]


def test_a_new_free_text_column_in_a_registered_table_fails_the_check_until_classified():
    metadata = MetaData()
    Table("person", metadata, Column("id", Integer, primary_key=True))
    Table("proposal", metadata, Column("id", Integer, primary_key=True), Column("proposer_id", ForeignKey("person.id")),
          Column("description", String(1000)), Column("summary", Text), Column("tags", JSON))
    assert uncovered(metadata) == ["proposal.summary is text: say in WORDS whose words they are",
                                   "proposal.tags is text: say in WORDS whose words they are"]


async def all_values(uow):
    """Every value in every table of the database, as (table, column, value)."""
    found = []
    async with uow() as work:
        for table in SQLModel.metadata.sorted_tables:
            for row in (await work.session.exec(select(table))).mappings().all():
                found += [(table.name, column, value) for column, value in row.items()]
    return found


def mentions(value, needle) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value) == str(needle)
    return str(needle).casefold() in json.dumps(value, default=str, ensure_ascii=False).casefold()


async def group_totals(uow, clock, world):
    """What the group sees: the open vote's tally, the meet-up's answers, hours confirmed, every balance."""
    async with uow() as work:
        proposal = await work.proposals.get(world.open_proposal)
        tally = (await proposals.view(work, proposal)).tally.options[0]
        group = await work.groups.by_chat(A)
        report = await credit_reports.build(work, group, date(2026, 1, 1), clock.now().date())
        answers = sorted(rsvp.answer for rsvp, _ in await work.meetups.rsvps(world.meetup))
        ledger = [await work.credits.sum_of(person_id) for person_id in range(1, 12)]
    return tally.yes, tally.no, answers, report.totals, ledger


async def test_my_data_holds_everything_about_me_and_only_me(uow, clock):
    world = await build(uow, clock)
    async with uow() as work:
        data = await data_rights.my_data(work, ALYS)
    document = json.dumps(data.as_document(), ensure_ascii=False)
    assert data.person.display_name == ALYS_NAME and data.groups == [("Cerddwyr", "member")]
    for words in ALYS_WORDS:
        assert words in document
    assert data.count("vote", own=True) == 1 and data.count("proposal", own=True) == 2
    assert data.count("contribution", own=True) == 2 and data.balance == 8 - 2
    assert {"calendartoken", "conversationstate", "reminder", "accessprofile", "supporter", "spokentext",
            "resourcerequest", "rsvp", "creditentry", "auditentry"} <= set(data.records)
    assert data.records["calendartoken"][0]["token"] == "(hidden)"
    assert all(row["person_id"] == world.alys_person for row in data.records["vote"])  # not Ben's vote


async def test_forgetting_leaves_nothing_that_identifies_the_person_and_every_total_stays(uow, clock):
    world = await build(uow, clock)
    before = await group_totals(uow, clock, world)
    assert any(mentions(value, ALYS) for _, _, value in await all_values(uow))
    async with uow() as work:
        await data_rights.forget(work, clock, ALYS, world.alys_person)

    leftovers = [(table, column, value) for table, column, value in await all_values(uow)
                 if any(mentions(value, needle) for needle in (ALYS, ALYS_NAME, "Zephaniah", *ALYS_WORDS))]
    assert leftovers == []
    assert await group_totals(uow, clock, world) == before
    async with uow() as work:
        tombstone = await work.session.get(Person, world.alys_person)
        assert tombstone.display_name == TOMBSTONE_NAME and tombstone.can_dm is False
        assert await work.people.by_telegram_id(ALYS) is None
        assert await work.memberships.groups_of(world.alys_person) == []
        erased = (await work.session.exec(select(AuditEntry).where(AuditEntry.action == "person.erase"))).all()
        assert len(erased) == 1
        pending = await work.credits.contribution(world.pending_contribution)
        assert pending.confirmer_id is None and pending.state == "pending"  # any coordinator may still confirm


async def test_after_forgetting_the_same_account_is_someone_new(uow, clock):
    world = await build(uow, clock)
    async with uow() as work:
        await data_rights.forget(work, clock, ALYS, world.alys_person)
    async with uow() as work:
        with pytest.raises(NotFound):
            await data_rights.my_data(work, ALYS)


async def test_an_old_confirmation_button_cannot_erase_someone_else(uow, clock):
    world = await build(uow, clock)
    async with uow() as work:
        with pytest.raises(NotFound):
            await data_rights.forget(work, clock, BEN, world.alys_person)
    async with uow() as work:
        assert (await work.people.by_telegram_id(ALYS)).display_name == ALYS_NAME


async def test_retention_clears_old_update_ids_conversations_reminders_and_audit_details(uow, clock):
    world = await build(uow, clock)
    async with uow() as work:
        work.audit.add(AuditEntry(at=clock.now(), action="rules.change", detail={"reason": "x"}))
        work.updates.add(ProcessedUpdate(update_id=5, handled_at=clock.now()))
        await work.commit()
    async with uow() as work:
        nothing_yet = await retention.sweep(work, clock, days=30)
    assert nothing_yet.updates == 0 and nothing_yet.audit_details == 0 and nothing_yet.conversations == 0
    clock.advance(timedelta(days=40))
    async with uow() as work:
        swept = await retention.sweep(work, clock, days=30)
    assert swept.updates == 1 and swept.conversations == 1 and swept.reminders >= 1 and swept.audit_details >= 1
    async with uow() as work:
        assert await work.conversations.get(world.alys_person) is None
        entries = [row[0] for row in (await work.session.exec(select(AuditEntry))).all()]
        assert entries and all(entry.detail == {} for entry in entries)  # who did what, when: kept
    async with uow() as work:
        assert (await retention.sweep(work, clock, days=30)).total == 0


async def words_everywhere(uow, clock, world):
    """Alys writes a proposal's description, a meet-up's notes and a series' notes; Dafydd, a coordinator, turns
    down Alys's hours and asks about her request in words of his own."""
    start = clock.now() + timedelta(days=20)
    async with uow() as work:
        described = await proposals.submit(work, clock, ALYS, Draft(A, "Swim", description=ALYS_DESCRIPTION,
                                                                    options=[start]))
    async with uow() as work:
        meetup = await work.meetups.get(world.meetup)
        meetup.notes = ALYS_NOTES
        group = await work.groups.by_chat(A)
        work.session.add(MeetupSeries(group_id=group.id, organiser_id=world.alys_person, title="Tuesday walk",
                                      notes=ALYS_NOTES, every="weekly", first_start=start, minutes=60,
                                      created_at=clock.now()))
        await work.commit()
    async with uow() as work:
        await contributions.reject(work, clock, world.pending_contribution, DAFYDD, DAFYDD_REASON)
    async with uow() as work:  # asking about a request is an organisation coordinator's job: Dafydd is one too
        dafydd = await work.people.by_telegram_id(DAFYDD)
        dafydd.coordinates_organisation = (await work.groups.by_chat(A)).organisation_id
        await work.commit()
    async with uow() as work:
        await request_decisions.ask(work, clock, DAFYDD, world.request, DAFYDD_QUESTION)
    async with uow() as work:
        await credits.adjust(work, clock, DAFYDD, A, world.ben_person, 1, DAFYDD_ADJUSTMENT)
    return described.id


ALYS_DESCRIPTION, ALYS_NOTES = "Zephaniah's swimming idea", "Bring the Zephaniah flask"
DAFYDD_REASON, DAFYDD_QUESTION = "Quixotic hours, sorry", "Which quixotic bus?"
DAFYDD_ADJUSTMENT = "Quixotic tea rota"  # a coordinator's note on someone else's ledger entry


async def test_forgetting_removes_the_words_the_person_wrote_in_rows_the_group_keeps(uow, clock):
    world = await build(uow, clock)
    described = await words_everywhere(uow, clock, world)
    async with uow() as work:  # words read out to Ben (🔊): the meet-up with Alys's notes, and a greeting
        for words in (f"Walk to the castle. {ALYS_NOTES}.", "Hello Ben"):
            work.session.add(SpokenText(person_id=world.ben_person, language="en", digest=words[:8], text=words,
                                        created_at=clock.now()))
        await work.commit()
    async with uow() as work:
        await data_rights.forget(work, clock, ALYS, world.alys_person)

    leftovers = [(table, column) for table, column, value in await all_values(uow)
                 if any(mentions(value, words) for words in ("Zephaniah", ALYS_DESCRIPTION, ALYS_NOTES))]
    assert leftovers == []
    async with uow() as work:
        assert (await work.proposals.get(described)).description == REMOVED  # readers are told why it's gone
        assert (await work.proposals.get(world.open_proposal)).description == ""  # there was none: nothing to say
        assert (await work.proposals.get(described)).title == "Swim"  # what the group votes on stays
        assert (await work.meetups.get(world.meetup)).notes == REMOVED
        series = (await work.session.exec(select(MeetupSeries))).scalar_one()
        assert series.notes == REMOVED and series.title == "Tuesday walk"
        assert (await work.credits.contribution(world.pending_contribution)).reason == ""  # Dafydd's, about her
        spoken = (await work.session.exec(select(SpokenText.text))).scalars().all()
        assert spoken == ["Hello Ben"]  # the cache of words read out to others forgets hers


async def test_forgetting_a_coordinator_removes_what_they_typed_about_others_and_nothing_the_others_wrote(uow, clock):
    world = await build(uow, clock)
    await words_everywhere(uow, clock, world)
    async with uow() as work:
        dafydd = await work.people.by_telegram_id(DAFYDD)
        await data_rights.forget(work, clock, DAFYDD, dafydd.id)

    values = await all_values(uow)
    assert [(t, c) for t, c, v in values if any(mentions(v, w) for w in ("quixotic", DAFYDD_REASON))] == []
    assert any(mentions(value, ALYS_DESCRIPTION) for _, _, value in values)
    assert any(mentions(value, ALYS_NOTES) for _, _, value in values)
    assert any(mentions(value, ALYS_WORDS[2]) for _, _, value in values)  # her request's note is hers


PART_COLUMNS = {"id", "group_id", "meetup_id", "state", "kind", "at", "logged_at", "decided_at", "marked_at",
                "consented_at", "revoked_at", "your_part"}  # record numbers, codes, times: nobody else's data


def more_than_my_part(rows):
    """Rows of an export about someone else (the asker's part only) showing more than the asker's part."""
    return [row for row in rows if "your_part" in row and set(row) - PART_COLUMNS]


async def test_my_data_shows_only_my_part_in_rows_about_someone_else(uow, clock):
    """Dafydd confirmed Alys's hours, Ben received her gift, Ceri supports her: each sees their own part in
    those rows (a role, a date), never Alys's id, hours or words; their own rows stay whole (Ben's entry for
    the gift says who gave it: it is his ledger)."""
    world = await build(uow, clock)
    async with uow() as work:
        dafydd = await data_rights.my_data(work, DAFYDD)
        ben = await data_rights.my_data(work, BEN)
        ceri = await data_rights.my_data(work, CERI)
    confirmed = next(row for row in dafydd.records["contribution"] if row["id"] == world.confirmed_contribution)
    assert confirmed == {"id": world.confirmed_contribution, "group_id": confirmed["group_id"], "state": "confirmed",
                         "decided_at": confirmed["decided_at"], "your_part": ["decided_by_id"]}
    assert dafydd.count("contribution", own=True) == 1  # his own hours, whole (Ceri confirmed them)
    own = next(row for row in dafydd.records["contribution"] if row.get("person_id") == dafydd.person.id)
    assert own["quarters"] == 8 and own["decided_by_id"] is not None
    gift = [row for row in ben.records["creditentry"] if row.get("your_part") == ["counterpart_id"]]
    assert len(gift) == 1 and set(gift[0]) == {"id", "group_id", "at", "your_part"}
    assert [row["your_part"] for row in ceri.records["supporter"]] == [["supporter_id"]]
    for data in (dafydd, ben, ceri):
        document = json.dumps(data.as_document(), ensure_ascii=False)
        assert not any(words in document for words in (*ALYS_WORDS, ALYS_NAME))
        assert [row for rows in data.records.values() for row in more_than_my_part(rows)] == []
    assert dafydd.count("contribution") == 2 and ben.count("creditentry", own=True) == 1  # his own entry, whole
