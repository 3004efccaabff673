""""What mattered" stories on a real database: asked once, only to someone still ticked as came and not
switched off; reports get only consented stories (a first name only when chosen); /mydata holds them and
/forgetme deletes them."""

import csv
import io
from datetime import date

from bot.domain.clock import FixedClock
from bot.i18n.translator import Tr
from bot.reports.evidence_files import evidence_files
from bot.services import data_rights, evidence_report, stories
from bot.store.models import Group
from handlers.evidence_text import worded
from tests.integration.evidence_world import APRIL, COORDINATOR, NOW, WALKERS_CHAT, seed


async def asked(uow, clock, meetup_id, person_id):
    async with uow() as work:
        return await stories.open_question(work, clock, meetup_id, person_id)


async def reachable(uow, ids, *numbers):
    async with uow() as work:
        for n in numbers:
            person = await work.people.by_telegram_id(n)
            person.can_dm = True
        await work.commit()


async def meetup_id_on(uow, day):
    from sqlmodel import select

    from bot.store.meetups import Meetup
    async with uow() as work:
        rows = (await work.session.exec(select(Meetup).where(Meetup.title == "Walk"))).all()
        return next(m.id for m in rows if m.starts_at.date() == day)


async def test_asked_once_only_to_someone_ticked_as_came(uow):
    ids = await seed(uow)
    await reachable(uow, ids, 1, 2, 3, 4)
    clock = FixedClock(NOW)
    walk = await meetup_id_on(uow, date(2026, 4, 15))  # P1, P3 and P4 came
    first = await asked(uow, clock, walk, ids[1])
    assert isinstance(first, stories.Question) and first.meetup.id == walk
    assert await asked(uow, clock, walk, ids[1]) == "asked already"
    assert await asked(uow, clock, walk, ids[2]) == "no longer ticked as came"
    async with uow() as work:
        await stories.set_asking(work, 3, False)
    assert await asked(uow, clock, walk, ids[3]) == "switched off, or unreachable"
    async with uow() as work:
        group = await work.session.get(Group, first.meetup.group_id)
        group.reminders_off = ["story_ask"]
        await work.commit()
    assert await asked(uow, clock, walk, ids[4]) == "switched off by the group"


async def test_the_report_holds_stories_only_as_their_tellers_agreed(uow):
    ids = await seed(uow)
    await reachable(uow, ids, 1, 3, 4)
    clock = FixedClock(NOW)
    walk = await meetup_id_on(uow, date(2026, 4, 15))
    for number, consent, words in ((1, "name", "=HYPERLINK(\"x\")"), (3, "anon", ""), (4, "private", "Mine")):
        question = await asked(uow, clock, walk, ids[number])
        async with uow() as work:
            await stories.answer(work, clock, number, question.story_id, ["fun", "met", "nonsense"], words, consent)
    async with uow() as work:
        report = await evidence_report.for_coordinator(work, COORDINATOR, WALKERS_CHAT, *APRIL, NOW)
    assert [(s.name, s.tags, s.words) for s in report.stories] == [
        ("P1", ["met", "fun"], "=HYPERLINK(\"x\")"), (None, ["met", "fun"], "")]
    files = dict(evidence_files(worded(Tr("en"), report), "walkers"))
    rows = list(csv.reader(io.StringIO(files["walkers-stories.csv"].decode("utf-8-sig"))))
    assert rows[1] == ["2026-04-15", "Walkers", "P1", "I met people; I had fun", "'=HYPERLINK(\"x\")"]
    async with uow() as work:
        may = await evidence_report.for_coordinator(work, COORDINATOR, WALKERS_CHAT, date(2026, 5, 1),
                                                    date(2026, 5, 31), NOW)
    assert may.stories == []  # the meet-up was in April


async def test_my_data_holds_my_story_and_forgetting_me_deletes_it(uow):
    ids = await seed(uow)
    await reachable(uow, ids, 1)
    clock = FixedClock(NOW)
    walk = await meetup_id_on(uow, date(2026, 4, 15))
    question = await asked(uow, clock, walk, ids[1])
    async with uow() as work:
        await stories.answer(work, clock, 1, question.story_id, ["learnt"], "Dysgais i lawer", "private")
    async with uow() as work:
        mine = await data_rights.my_data(work, 1)
    assert [row["words"] for row in mine.records["story"]] == ["Dysgais i lawer"]
    async with uow() as work:
        await data_rights.forget(work, clock, 1, ids[1])
    async with uow() as work:
        assert await work.stories.of(walk, ids[1]) is None
