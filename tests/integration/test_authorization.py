"""Who may do what, in one matrix over the services: every action × every kind of actor, each either
allowed or refused (a CriwError) with nothing in the database changed. Then isolation: an id from another
group, forged into a button or a command, never reaches that group's data.

Actors (tests/integration/trust_world.py): a member of group A, its coordinator, the person themself (the
proposal's proposer, the meet-up's organiser, whose time or request it is: Alys, a member), a coordinator
of group B in the same organisation, an organisation coordinator (granted, coordinating no group), the
coordinator of a group outside the organisation (waiting to be admitted), a coordinator in another
organisation, and a stranger.

Every service function that takes an actor is either in the matrix or listed in NOT_IN_THE_MATRIX with the
reason; `test_every_service_that_takes_an_actor_is_in_the_matrix` finds them in bot/services, so a new one
fails until it is placed.

Each case starts from a copy of one prepared database (a file copy on SQLite, a template on PostgreSQL).
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from bot.domain.clock import FixedClock
from bot.domain.contributions import Category
from bot.domain.decisions import Choice
from bot.domain.meetups import Answer, MeetupDraft
from bot.domain.proposals import Draft
from bot.domain.resources import Period, RequestDraft, RoomSpec
from bot.services import (
    admission,
    attendance,
    contributions,
    credit_reports,
    credits,
    data_rights,
    evidence_report,
    groups,
    meetup_changes,
    meetup_log,
    meetup_reminders,
    meetups,
    proposals,
    request_decisions,
    request_releases,
    requests,
    resources,
    rsvp,
    rules,
    schedule,
    supporters,
    voting,
)
from bot.services.contributions import LogRequest
from bot.services.errors import CriwError
from bot.store.database import create_engine, session_factory
from bot.store.migrate import upgrade
from bot.store.uow import uow_factory
from tests.conftest import POSTGRES_URL, _apart, _on_server
from tests.integration.authorization_registry import NOT_IN_THE_MATRIX, actor_taking_services
from tests.integration.trust_world import (
    ALYS,
    BEN,
    CERI,
    DAFYDD,
    MALLT,
    NIA,
    OLWEN,
    PEDR,
    SION,
    A,
    B,
    D,
    World,
    build,
)

MEMBER, COORDINATOR, SELF = "member", "coordinator", "self"
OTHER_GROUP, ORGANISATION, OUTSIDE, OTHER_ORGANISATION, STRANGER = (
    "other_group_coordinator", "organisation_coordinator", "outside_group_coordinator", "other_organisation",
    "stranger")
ACTORS = {MEMBER: BEN, COORDINATOR: DAFYDD, SELF: ALYS, OTHER_GROUP: OLWEN, ORGANISATION: NIA, OUTSIDE: MALLT,
          OTHER_ORGANISATION: PEDR, STRANGER: SION}
MOMENT = FixedClock().moment


async def _person_id(uow, telegram_id):
    async with uow() as work:
        return (await work.people.by_telegram_id(telegram_id)).id


async def propose(uow, clock, world, actor):
    async with uow() as work:
        await proposals.submit(work, clock, actor, Draft(A, "Cinema", options=[clock.now() + timedelta(days=9)]))


async def vote(uow, clock, world, actor):
    async with uow() as work:
        await voting.cast_vote(work, clock, A, actor, world.open_proposal, 0, Choice.NO)


async def withdraw(uow, clock, world, actor):
    async with uow() as work:
        await proposals.withdraw(work, clock, world.open_proposal, actor)


async def close(uow, clock, world, actor):
    async with uow() as work:
        await voting.close_now(work, clock, world.open_proposal, actor, "the room fell through")


async def change_rules(uow, clock, world, actor):
    async with uow() as work:
        await rules.change(work, clock, A, actor, "majority", "two_thirds")


async def show_names(uow, clock, world, actor):
    async with uow() as work:
        await meetups.set_show_names(work, clock, A, actor, True)


async def switch_reminders(uow, clock, world, actor):
    async with uow() as work:
        await groups.switch_reminders(work, clock, A, actor, "vote_nudge", False)


async def appoint(uow, clock, world, actor):
    async with uow() as work:
        await groups.appoint_coordinator(work, clock, A, actor, CERI)


async def answer_meetup(uow, clock, world, actor):
    async with uow() as work:
        await rsvp.respond(work, clock, world.meetup, actor, Answer.MAYBE, A)


async def cancel_meetup(uow, clock, world, actor):
    async with uow() as work:
        await meetup_changes.cancel(work, clock, world.meetup, actor)


async def tick_attendance(uow, clock, world, actor):
    clock.advance(timedelta(days=11))  # the meet-up has happened
    async with uow() as work:
        await attendance.toggle(work, clock, world.meetup, actor, world.ben_person)


async def log_time(uow, clock, world, actor):
    request = LogRequest(A, Category.COOKING, clock.now().date() - timedelta(days=2), 4)
    async with uow() as work:
        await contributions.log(work, clock, actor, request)


async def confirm_time(uow, clock, world, actor):
    async with uow() as work:
        await contributions.confirm(work, clock, world.pending_contribution, actor)


async def take_back_time(uow, clock, world, actor):
    async with uow() as work:
        await contributions.withdraw(work, clock, world.pending_contribution, actor)


async def gift(uow, clock, world, actor):
    ceri = await _person_id(uow, CERI)
    async with uow() as work:
        await credits.gift(work, clock, actor, A, ceri, 1)


async def spend(uow, clock, world, actor):
    async with uow() as work:
        await credits.spend(work, clock, actor, A, world.alys_person, 1, "a swim")


async def evidence(uow, clock, world, actor):
    async with uow() as work:  # the funders' evidence report, organisation-wide from the person's group
        await evidence_report.for_coordinator(work, actor, A, date(2026, 1, 1), clock.now().date(), clock.now(),
                                              organisation=True)


async def report(uow, clock, world, actor):
    async with uow() as work:
        await credit_reports.for_coordinator(work, actor, A, date(2026, 1, 1), clock.now().date())


async def request_money(uow, clock, world, actor):
    async with uow() as work:
        await requests.create(work, clock, actor, RequestDraft(A, "money", amount=500, note="Tea"))


async def approve(uow, clock, world, actor):
    async with uow() as work:
        await request_decisions.approve(work, clock, actor, world.request)


async def forget(uow, clock, world, actor):
    async with uow() as work:
        await data_rights.forget(work, clock, actor, world.alys_person)


async def reject_time(uow, clock, world, actor):
    async with uow() as work:
        await contributions.reject(work, clock, world.pending_contribution, actor, "not that day")


async def adjust(uow, clock, world, actor):
    async with uow() as work:
        await credits.adjust(work, clock, actor, A, world.alys_person, 1, "a correction")


async def change_meetup(uow, clock, world, actor):
    async with uow() as work:
        await meetup_changes.change(work, clock, world.meetup, actor, text={"notes": "Bring water"})


async def see_sheet(uow, clock, world, actor):
    clock.advance(timedelta(days=11))
    async with uow() as work:
        await attendance.sheet(work, clock, world.meetup, actor)


async def see_answers(uow, clock, world, actor):
    async with uow() as work:
        await meetups.answers(work, world.meetup, actor)


async def log_for_everyone(uow, clock, world, actor):
    clock.advance(timedelta(days=11))
    async with uow() as work:
        await meetup_log.roster(work, clock, actor, world.meetup)


async def set_digest(uow, clock, world, actor):
    async with uow() as work:
        await meetup_reminders.set_digest_time(work, clock, A, actor, 2, 10)


async def create_meetup(uow, clock, world, actor):
    draft = MeetupDraft(A, "Quiz night", starts_at=clock.now() + timedelta(days=5), place="The hall")
    async with uow() as work:
        await meetups.create(work, clock, actor, draft)


async def toggle_lift(uow, clock, world, actor):
    async with uow() as work:
        await rsvp.toggle_lift(work, clock, world.meetup, actor, A)


async def set_pickup(uow, clock, world, actor):
    async with uow() as work:
        await rsvp.set_pickup(work, clock, world.meetup, actor, "The station")


async def coming_week(uow, clock, world, actor):
    async with uow() as work:
        await schedule.coming_week(work, clock, actor, A)


async def others_in(uow, clock, world, actor):
    async with uow() as work:
        await credits.others_in(work, actor, A)


async def name_supporter(uow, clock, world, actor):
    async with uow() as work:
        group = await work.groups.by_chat(A)
        dafydd = await work.people.by_telegram_id(DAFYDD)
    async with uow() as work:
        await supporters.name(work, clock, actor, group.id, dafydd.id)


async def revoke_supporter(uow, clock, world, actor):
    async with uow() as work:
        await supporters.revoke(work, clock, actor, world.supporter)


async def decline(uow, clock, world, actor):
    async with uow() as work:
        await request_decisions.decline(work, clock, actor, world.request, "budget")


async def ask(uow, clock, world, actor):
    async with uow() as work:
        await request_decisions.ask(work, clock, actor, world.request, "Which shop?")


async def cancel_request(uow, clock, world, actor):
    async with uow() as work:
        await request_releases.withdraw(work, clock, actor, world.request)


async def see_queue(uow, clock, world, actor):
    async with uow() as work:
        await requests.queue(work, clock, actor)


async def open_card(uow, clock, world, actor):
    async with uow() as work:
        await requests.for_coordinator(work, clock, actor, world.request)


async def own_request(uow, clock, world, actor):
    async with uow() as work:
        await requests.of_requester(work, actor, world.request)


async def catalogue(uow, clock, world, actor):
    async with uow() as work:
        await resources.catalogue(work, clock, actor)


async def add_room(uow, clock, world, actor):
    async with uow() as work:
        await resources.add_room(work, clock, actor, RoomSpec("Chapel vestry", capacity=12))


async def remove_room(uow, clock, world, actor):
    async with uow() as work:
        await resources.remove(work, clock, actor, world.room)


async def set_budget(uow, clock, world, actor):
    async with uow() as work:
        await resources.set_budget(work, clock, actor, A, Period.MONTH, 5000)


async def admit_group(uow, clock, world, actor):
    async with uow() as work:
        outside = await work.groups.any_by_chat(D)
    async with uow() as work:
        await admission.decide(work, clock, outside.id, actor, True)


async def grant_organisation(uow, clock, world, actor):
    async with uow() as work:
        await admission.grant(work, clock, A, actor, BEN)


MEMBERS = {MEMBER, COORDINATOR, SELF}
ALLOWED = {
    propose: MEMBERS,
    vote: MEMBERS,
    withdraw: {SELF},
    close: {COORDINATOR},
    change_rules: {COORDINATOR},
    show_names: {COORDINATOR},
    switch_reminders: {COORDINATOR},
    appoint: {COORDINATOR},
    answer_meetup: MEMBERS,
    cancel_meetup: {COORDINATOR, SELF},
    tick_attendance: {COORDINATOR, SELF},
    log_time: MEMBERS,
    confirm_time: {COORDINATOR},  # nobody confirms their own time, and it asked for a coordinator
    take_back_time: {SELF},  # only the member whose time it is (or whoever logged it for them)
    gift: MEMBERS,
    spend: {COORDINATOR},
    report: {COORDINATOR},
    evidence: {COORDINATOR},
    request_money: MEMBERS,
    forget: {SELF},
    reject_time: {COORDINATOR},
    adjust: {COORDINATOR},
    change_meetup: {COORDINATOR, SELF},
    see_sheet: {COORDINATOR, SELF},
    see_answers: {COORDINATOR, SELF},
    log_for_everyone: {COORDINATOR},  # a coordinator logs a whole meet-up at once
    set_digest: {COORDINATOR},
    create_meetup: {COORDINATOR},
    toggle_lift: MEMBERS,
    set_pickup: {SELF},  # only someone who asked for a lift gives a pickup point
    coming_week: MEMBERS,
    others_in: MEMBERS,
    name_supporter: {MEMBER, SELF},  # a coordinator can't name themself their own supporter
    revoke_supporter: {SELF},
    cancel_request: {SELF},
    own_request: {SELF},
    # The organisation's: rooms, vehicles, money and every group's queue. Coordinating a group isn't enough.
    approve: {ORGANISATION},
    decline: {ORGANISATION},
    ask: {ORGANISATION},
    see_queue: {ORGANISATION},
    open_card: {ORGANISATION},
    catalogue: {ORGANISATION},
    add_room: {ORGANISATION},
    remove_room: {ORGANISATION},
    set_budget: {ORGANISATION},
    admit_group: {ORGANISATION},
    grant_organisation: {ORGANISATION},
}
# What each action calls in bot/services (the registry test checks every actor-taking service is covered).
COVERS = {
    propose: "proposals.submit", vote: "voting.cast_vote", withdraw: "proposals.withdraw",
    close: "voting.close_now", change_rules: "rules.change", show_names: "meetups.set_show_names",
    switch_reminders: "groups.switch_reminders", appoint: "groups.appoint_coordinator",
    answer_meetup: "rsvp.respond", cancel_meetup: "meetup_changes.cancel", tick_attendance: "attendance.toggle",
    log_time: "contributions.log", confirm_time: "contributions.confirm", gift: "credits.gift",
    spend: "credits.spend", report: "credit_reports.for_coordinator", request_money: "requests.create",
    forget: "data_rights.forget", reject_time: "contributions.reject", adjust: "credits.adjust",
    change_meetup: "meetup_changes.change", see_sheet: "attendance.sheet", see_answers: "meetups.answers",
    log_for_everyone: "meetup_log.roster", set_digest: "meetup_reminders.set_digest_time",
    create_meetup: "meetups.create", toggle_lift: "rsvp.toggle_lift", set_pickup: "rsvp.set_pickup",
    coming_week: "schedule.coming_week", others_in: "credits.others_in", name_supporter: "supporters.name",
    revoke_supporter: "supporters.revoke", cancel_request: "request_releases.withdraw",
    take_back_time: "contributions.withdraw", evidence: "evidence_report.for_coordinator",
    own_request: "requests.of_requester", approve: "request_decisions.approve", decline: "request_decisions.decline",
    ask: "request_decisions.ask", see_queue: "requests.queue", open_card: "requests.for_coordinator",
    catalogue: "resources.catalogue", add_room: "resources.add_room", remove_room: "resources.remove",
    set_budget: "resources.set_budget", admit_group: "admission.decide", grant_organisation: "admission.grant",
}
READS = {report, evidence, see_sheet, see_answers, log_for_everyone, coming_week, others_in, own_request, see_queue,
         open_card, catalogue}  # allowed, they change nothing
CASES = [pytest.param(action, actor, actor in allowed, id=f"{action.__name__}-by-{actor}")
         for action, allowed in ALLOWED.items() for actor in ACTORS]


# -- one prepared database per engine, copied for every case ------------------------------------------------


async def _prepare(url: str) -> World:
    engine = create_engine(url)
    await upgrade(engine)
    try:
        return await build(uow_factory(session_factory(engine)), FixedClock(MOMENT))
    finally:
        await engine.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def prepared(request, tmp_path_factory):
    """(engine name, where the prepared database is, the world's ids)."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("authz") / "prepared.db"
        world: list[World] = []
        _apart(lambda: _keep(world, _prepare(f"sqlite+aiosqlite:///{path}")))
        yield "sqlite", str(path), world[0]
        return
    if not POSTGRES_URL:
        pytest.skip("set CRIW_TEST_POSTGRES_URL to run against PostgreSQL")
    name = make_url(request.getfixturevalue("postgres_database")).database + "_authz"
    _apart(lambda: _on_server(f'CREATE DATABASE "{name}"'))
    world = []
    _apart(lambda: _keep(world, _prepare(_url_for(name))))
    yield "postgres", name, world[0]
    _apart(lambda: _on_server(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _keep(found: list[World], building) -> None:
    found.append(await building)


def _copy(engine_name: str, where: str, folder, label: str) -> str:
    """A copy of the prepared database; its URL."""
    if engine_name == "sqlite":
        copy = folder / f"{label}.db"
        shutil.copy(where, copy)
        return f"sqlite+aiosqlite:///{copy}"
    name = f"{where}_{label}"
    _apart(lambda: _on_server(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    _apart(lambda: _on_server(f'CREATE DATABASE "{name}" TEMPLATE "{where}"'))
    return _url_for(name)


def _url_for(database: str) -> str:
    return make_url(POSTGRES_URL).set(database=database).render_as_string(hide_password=False)


def _drop(url: str) -> None:
    if not url.startswith("sqlite"):
        _apart(lambda: _on_server(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))


@pytest.fixture(scope="module")
def untouched(prepared, tmp_path_factory):
    """One copy for every refusal to run on: a refusal must leave it exactly as it was."""
    engine_name, where, _ = prepared
    url = _copy(engine_name, where, tmp_path_factory.mktemp("untouched"), "untouched")
    yield url
    _drop(url)


@pytest.fixture
async def case(prepared, untouched, tmp_path, request):
    """A unit-of-work factory over the database for this case, and its world: a fresh copy where the action
    is allowed (it changes things), the shared untouched copy where it must be refused."""
    engine_name, where, world = prepared
    params = getattr(request.node, "callspec", None)
    allowed = params is not None and params.params.get("allowed", False)
    url = _copy(engine_name, where, tmp_path, f"case{request.node.nodeid.__hash__() % 10**8}") if allowed \
        else untouched
    engine = create_engine(url)
    yield uow_factory(session_factory(engine)), world
    await engine.dispose()
    if allowed:
        _drop(url)


async def snapshot(uow) -> list[tuple]:
    """Every row of every table."""
    rows = []
    async with uow() as work:
        for table in SQLModel.metadata.sorted_tables:
            found = await work.session.exec(select(table))  # type: ignore[call-overload]
            rows += sorted((table.name, *map(repr, row)) for row in found.all())
    return rows


@pytest.mark.parametrize(("action", "actor", "allowed"), CASES)
async def test_each_action_is_allowed_only_to_those_who_may_and_a_refusal_changes_nothing(case, action, actor,
                                                                                          allowed):
    uow, world = case
    clock = FixedClock(MOMENT)
    before = await snapshot(uow)
    if allowed:
        await action(uow, clock, world, ACTORS[actor])
        assert await snapshot(uow) != before or action in READS
        return
    with pytest.raises(CriwError):
        await action(uow, clock, world, ACTORS[actor])
    assert await snapshot(uow) == before


# -- isolation: Olwen coordinates group B and forges group A's ids from B's chat ----------------------------


async def vote_from_b(uow, clock, world):
    async with uow() as work:
        await voting.cast_vote(work, clock, B, OLWEN, world.open_proposal, 0, Choice.YES)


async def answer_from_b(uow, clock, world):
    async with uow() as work:
        await rsvp.respond(work, clock, world.meetup, OLWEN, Answer.GOING, B)


async def gift_from_b(uow, clock, world):
    async with uow() as work:
        await credits.gift(work, clock, OLWEN, B, world.ben_person, 1)


async def spend_from_b(uow, clock, world):
    async with uow() as work:
        await credits.spend(work, clock, OLWEN, B, world.alys_person, 1, "a swim")


async def log_for_a_meetup_from_b(uow, clock, world):
    clock.advance(timedelta(days=11))
    request = LogRequest(B, Category.DRIVING, clock.now().date(), 4, meetup_id=world.meetup)
    async with uow() as work:
        await contributions.log(work, clock, OLWEN, request)


async def request_for_a_meetup_from_b(uow, clock, world):
    async with uow() as work:
        await requests.create(work, clock, OLWEN, RequestDraft(B, "room", meetup_id=world.meetup, people=4))


async def appoint_a_member_from_b(uow, clock, world):
    async with uow() as work:
        await groups.appoint_coordinator(work, clock, B, OLWEN, BEN)


async def confirm_a_contribution_from_b(uow, clock, world):
    async with uow() as work:
        await contributions.confirm(work, clock, world.pending_contribution, OLWEN)


async def see_answers_of_a_meetup(uow, clock, world):
    async with uow() as work:
        await meetups.answers(work, world.meetup, OLWEN)


FORGERIES = [vote_from_b, answer_from_b, gift_from_b, spend_from_b, log_for_a_meetup_from_b,
             request_for_a_meetup_from_b, appoint_a_member_from_b, confirm_a_contribution_from_b,
             see_answers_of_a_meetup]


@pytest.mark.parametrize("forgery", FORGERIES, ids=[f.__name__ for f in FORGERIES])
async def test_an_id_from_another_group_never_reaches_that_groups_data(case, forgery):
    uow, world = case
    before = await snapshot(uow)
    with pytest.raises(CriwError):
        await forgery(uow, FixedClock(MOMENT), world)
    assert await snapshot(uow) == before


def test_the_matrix_covers_every_action_the_issue_names():
    named = {"propose", "vote", "close", "answer_meetup", "request_money", "approve", "log_time", "confirm_time",
             "gift", "report", "change_rules", "appoint", "remove_room", "admit_group", "grant_organisation"}
    assert named <= {action.__name__ for action in ALLOWED}
    assert len(CASES) == len(ALLOWED) * len(ACTORS)
    assert set(COVERS) == set(ALLOWED)


def test_every_service_that_takes_an_actor_is_in_the_matrix_or_says_why_not():
    covered = set(COVERS.values())
    found = actor_taking_services()
    assert sorted(found - covered - set(NOT_IN_THE_MATRIX)) == []  # a new service: add it to the matrix
    assert sorted((covered | set(NOT_IN_THE_MATRIX)) - found) == []  # renamed or gone: update the lists
    assert len(covered) >= 45
