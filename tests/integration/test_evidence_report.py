"""The evidence report's figures against an organisation whose April is known (tests/integration/evidence_world.py),
on SQLite and PostgreSQL: every figure, April's edges at London's midnight, and who may ask."""

from collections import Counter
from datetime import date

import pytest

from bot.services import evidence_report
from bot.services.errors import InvalidContribution, NotACoordinator
from tests.integration.evidence_world import APRIL, COOKS_CHAT, COORDINATOR, NOW, WALKERS_CHAT, seed


async def walkers_april(uow, organisation=False):
    async with uow() as work:
        return await evidence_report.for_coordinator(work, COORDINATOR, WALKERS_CHAT, *APRIL, NOW,
                                                     organisation=organisation)


async def test_one_groups_april_figure_by_figure(uow):
    await seed(uow)
    report = await walkers_april(uow)
    assert [g.group.title for g in report.groups] == ["Walkers"]
    assert not report.organisation
    figures = report.total
    # activity: 00:30 on 1 April counts, 23:30 on 31 March and 00:30 on 1 May don't; cancelled never
    assert (figures.meetups, figures.came, figures.new, figures.returning) == (2, 3, 2, 2)
    assert figures.attendances == 5
    assert figures.by_month == Counter({(2026, 4): 5})
    # member-led: 4 opened in April (London), 1 passed, 2 decided, 1 by the coordinator
    assert (figures.proposals, figures.passed, figures.decided) == (4, 1, 2)
    assert (figures.by_members, figures.by_coordinators) == (3, 1)
    assert (figures.votes_cast, figures.could_vote) == (5, 16)  # 3 + 2 voters; 8 members x 2
    # support used
    assert (figures.rooms, figures.room_minutes) == (1, 150)
    assert (figures.journeys, figures.seats, figures.wheelchair_places) == (2, 10, 1)
    assert (figures.money_approved, figures.budget) == (4500, 50000)
    # time given
    assert (figures.quarters_confirmed, figures.givers) == (12, 2)
    assert (figures.earned, figures.gifted, figures.spent) == (12, 2, 3)


async def test_the_organisation_counts_a_person_once_across_its_groups(uow):
    await seed(uow)
    report = await walkers_april(uow, organisation=True)
    assert report.organisation
    assert [g.group.title for g in report.groups] == ["Cooks", "Walkers"]  # never the other organisation's
    cooks = report.groups[0].figures
    assert (cooks.meetups, cooks.came, cooks.new, cooks.returning) == (1, 2, 2, 0)
    total = report.total
    # P1 came to both groups (and in March), P3 and P4 to Walkers, P8 to Cooks
    assert (total.meetups, total.came, total.new, total.returning, total.attendances) == (3, 4, 3, 2, 7)
    assert total.by_month == Counter({(2026, 4): 7})
    assert total.could_vote == 16 and total.money_approved == 4500


async def test_march_holds_what_april_left_out(uow):
    await seed(uow)
    async with uow() as work:
        report = await evidence_report.for_coordinator(work, COORDINATOR, WALKERS_CHAT, date(2026, 3, 1),
                                                       date(2026, 3, 31), NOW)
    figures = report.total
    assert (figures.meetups, figures.came, figures.new, figures.returning) == (2, 3, 3, 0)
    assert figures.budget == 30000  # the year that ended on 31 March


async def test_a_meetup_still_to_come_is_not_held(uow):
    await seed(uow)
    async with uow() as work:
        report = await evidence_report.for_coordinator(work, COORDINATOR, WALKERS_CHAT, *APRIL,
                                                       NOW.replace(month=4, day=15, hour=9))
    assert report.total.meetups == 1 and report.total.came == 2


async def test_only_a_coordinator_of_the_group_may_ask(uow):
    await seed(uow)
    async with uow() as work:
        with pytest.raises(NotACoordinator):
            await evidence_report.for_coordinator(work, 1, WALKERS_CHAT, *APRIL, NOW)
    async with uow() as work:
        with pytest.raises(InvalidContribution):
            await evidence_report.for_coordinator(work, COORDINATOR, COOKS_CHAT, APRIL[1], APRIL[0], NOW)


async def test_the_command_line_reports_the_first_organisation_or_a_groups(uow):
    await seed(uow)
    async with uow() as work:
        first = await evidence_report.for_operator(work, None, *APRIL, NOW)
    async with uow() as work:
        other = await evidence_report.for_operator(work, "Elsewhere", *APRIL, NOW)
    assert [g.group.title for g in first.groups] == ["Cooks", "Walkers"]
    assert [g.group.title for g in other.groups] == ["Elsewhere"] and other.total.came == 1
