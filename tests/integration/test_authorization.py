"""Who may do what, in one matrix over the services: every action × every kind of actor, each either
allowed or refused (a CriwError) with nothing in the database changed. Then isolation: an id from another
group, forged into a button or a command, never reaches that group's data.

Actors (tests/integration/trust_world.py): a member of group A, its coordinator, the person themself (the
proposal's proposer, the meet-up's organiser, whose time or request it is: Alys, a member), a coordinator
of group B in the same organisation, a coordinator in another organisation, and a stranger.

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
from bot.domain.meetups import Answer
from bot.domain.proposals import Draft
from bot.domain.resources import RequestDraft
from bot.services import (
    attendance,
    contributions,
    credit_reports,
    credits,
    data_rights,
    groups,
    meetup_changes,
    meetups,
    proposals,
    request_decisions,
    requests,
    rsvp,
    rules,
    voting,
)
from bot.services.contributions import LogRequest
from bot.services.errors import CriwError
from bot.store.database import create_engine, session_factory
from bot.store.migrate import upgrade
from bot.store.uow import uow_factory
from tests.conftest import POSTGRES_URL, _apart, _on_server
from tests.integration.trust_world import ALYS, BEN, CERI, DAFYDD, OLWEN, PEDR, SION, A, B, World, build

MEMBER, COORDINATOR, SELF, ORG_COORDINATOR, OUTSIDER, STRANGER = "member", "coordinator", "self", \
    "org_coordinator", "outsider", "stranger"
ACTORS = {MEMBER: BEN, COORDINATOR: DAFYDD, SELF: ALYS, ORG_COORDINATOR: OLWEN, OUTSIDER: PEDR, STRANGER: SION}
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
        await rules.change(work, clock, A, actor, "threshold", "two_thirds")


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
    request_money: MEMBERS,
    approve: {COORDINATOR, ORG_COORDINATOR},  # rooms, vehicles and money belong to the organisation
    forget: {SELF},
}
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
        assert await snapshot(uow) != before or action is report
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
             "gift", "report", "change_rules", "appoint"}
    assert named <= {action.__name__ for action in ALLOWED}
    assert len(CASES) == len(ALLOWED) * len(ACTORS)

