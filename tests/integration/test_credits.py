"""Contributions and the time-credit ledger on a real database (SQLite, and PostgreSQL when available):
confirming once, never confirming your own, gifts that can't overspend even when they race, and a ledger
that can't be edited."""

import asyncio
import os
import subprocess
import sys
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from bot.domain.contributions import Role
from bot.services import contributions, credit_reports, credits, groups, meetup_log, people
from bot.services.contributions import LogRequest
from bot.services.errors import (
    AlreadyDone,
    InvalidContribution,
    MayNotConfirm,
    NotACoordinator,
    NotEnoughCredits,
    NotFound,
)
from bot.store.credits import CreditPolicy
from bot.store.meetups import Attendance, Meetup

CHAT, OTHER_CHAT = -100, -200
DAFYDD, ALYS, BEN, CERI, STRANGER = 1, 2, 3, 4, 50


async def member(uow, clock, telegram_id, name, chat=CHAT, status="member"):
    async with uow() as work:
        group = await groups.find_or_add(work, clock, chat, "Walkers" if chat == CHAT else "Other")
        group.admission = "admitted"  # an organisation coordinator admitted it
        person = await people.meet(work, clock, telegram_id, name, None)
        person.can_dm = True

        async def lookup():
            return status

        await groups.note_presence(work, clock, group, person, lookup)
        await work.commit()


@pytest.fixture
async def walkers(uow, clock):
    await member(uow, clock, DAFYDD, "Dafydd", status="creator")  # the group's first coordinator
    for telegram_id, name in ((ALYS, "Alys"), (BEN, "Ben"), (CERI, "Ceri")):
        await member(uow, clock, telegram_id, name)
    await member(uow, clock, STRANGER, "Stranger", chat=OTHER_CHAT, status="creator")


async def person_id(uow, telegram_id):
    async with uow() as work:
        return (await work.people.by_telegram_id(telegram_id)).id


async def log(uow, clock, telegram_id=BEN, quarters=8, confirmer=ALYS, day=None, meetup=None, category="driving"):
    confirmer_id = await person_id(uow, confirmer) if confirmer else None
    request = LogRequest(CHAT, category, day or clock.now().date() - timedelta(days=1), quarters,
                         meetup_id=meetup, confirmer_id=confirmer_id)
    async with uow() as work:
        return await contributions.log(work, clock, telegram_id, request)


async def confirm(uow, clock, contribution_id, telegram_id=ALYS):
    async with uow() as work:
        return await contributions.confirm(work, clock, contribution_id, telegram_id)


async def balance(uow, telegram_id):
    async with uow() as work:
        pid = (await work.people.by_telegram_id(telegram_id)).id
        account = await work.credits.account(pid)
        return await work.credits.sum_of(pid), account.balance_quarters


async def gift(uow, clock, giver, receiver, quarters):
    receiver_id = await person_id(uow, receiver)
    async with uow() as work:
        return await credits.gift(work, clock, giver, CHAT, receiver_id, quarters)


async def earned(uow, clock, telegram_id, quarters):
    """`telegram_id` logs `quarters` and Dafydd (a coordinator) confirms them."""
    view = await log(uow, clock, telegram_id, quarters, confirmer=None)
    await confirm(uow, clock, view.id, DAFYDD)


async def test_a_confirmed_contribution_earns_its_time_and_the_balance_is_the_sum_of_the_ledger(uow, clock, walkers):
    view = await log(uow, clock)
    assert view.contribution.state == "pending" and await balance(uow, BEN) == (0, 0)
    confirmed = await confirm(uow, clock, view.id)
    assert confirmed.contribution.state == "confirmed" and confirmed.decided_by.display_name == "Alys"
    assert await balance(uow, BEN) == (8, 8)
    await gift(uow, clock, BEN, CERI, 3)
    assert await balance(uow, BEN) == (5, 5)
    assert await balance(uow, CERI) == (3, 3)


async def test_a_confirmation_pressed_twice_credits_once(uow, clock, walkers):
    view = await log(uow, clock)
    await confirm(uow, clock, view.id)
    with pytest.raises(AlreadyDone):
        await confirm(uow, clock, view.id)
    assert await balance(uow, BEN) == (8, 8)


async def test_simultaneous_confirmations_of_one_entry_credit_it_once(uow, clock, walkers):
    view = await log(uow, clock, confirmer=None)
    results = await asyncio.gather(*(confirm(uow, clock, view.id, DAFYDD) for _ in range(5)), return_exceptions=True)
    assert sum(1 for result in results if not isinstance(result, Exception)) == 1
    assert all(isinstance(result, AlreadyDone) for result in results if isinstance(result, Exception))
    assert await balance(uow, BEN) == (8, 8)
    async with uow() as work:
        assert len(await work.credits.entries_of(await person_id(uow, BEN))) == 1


async def test_nobody_confirms_their_own_time_and_only_the_chosen_member_or_a_coordinator_may(uow, clock, walkers):
    view = await log(uow, clock, confirmer=ALYS)
    with pytest.raises(MayNotConfirm):
        await confirm(uow, clock, view.id, BEN)  # themself
    with pytest.raises(MayNotConfirm):
        await confirm(uow, clock, view.id, CERI)  # a member who wasn't asked
    assert (await confirm(uow, clock, view.id, DAFYDD)).contribution.state == "confirmed"  # a coordinator may


async def test_a_coordinators_own_time_needs_someone_else(uow, clock, walkers):
    view = await log(uow, clock, telegram_id=DAFYDD, confirmer=ALYS)
    with pytest.raises(MayNotConfirm):
        await confirm(uow, clock, view.id, DAFYDD)
    await confirm(uow, clock, view.id, ALYS)
    assert await balance(uow, DAFYDD) == (8, 8)


async def test_someone_from_another_group_cannot_confirm(uow, clock, walkers):
    view = await log(uow, clock, confirmer=None)
    with pytest.raises(NotFound):
        await confirm(uow, clock, view.id, STRANGER)  # a coordinator, but of another group
    assert await balance(uow, BEN) == (0, 0)


async def test_once_attendance_is_ticked_only_someone_who_was_there_may_confirm(uow, clock, walkers):
    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        meetup = Meetup(group_id=group.id, title="Walk", starts_at=clock.now() - timedelta(days=2))
        work.meetups.add(meetup)
        await work.flush()
        work.meetups.add(Attendance(meetup_id=meetup.id, person_id=await person_id(uow, BEN), marked_at=clock.now()))
        work.meetups.add(Attendance(meetup_id=meetup.id, person_id=await person_id(uow, ALYS), marked_at=clock.now()))
        await work.commit()
        meetup_id = meetup.id
    with pytest.raises(InvalidContribution):
        await log(uow, clock, confirmer=CERI, meetup=meetup_id)  # Ceri wasn't there
    async with uow() as work:
        assert [p.display_name for p in await contributions.candidates(work, CHAT, BEN, meetup_id)] == ["Alys"]
    view = await log(uow, clock, confirmer=ALYS, meetup=meetup_id)
    await confirm(uow, clock, view.id, ALYS)
    assert await balance(uow, BEN) == (8, 8)


async def test_a_rejected_contribution_earns_nothing_and_keeps_its_reason(uow, clock, walkers):
    view = await log(uow, clock)
    async with uow() as work:
        rejected = await contributions.reject(work, clock, view.id, ALYS, "I wasn't driving that day")
    assert rejected.contribution.state == "rejected" and rejected.contribution.reason == "I wasn't driving that day"
    with pytest.raises(AlreadyDone):
        await confirm(uow, clock, view.id)
    assert await balance(uow, BEN) == (0, 0)


async def test_more_than_twenty_four_hours_on_one_day_is_refused(uow, clock, walkers):
    day = date(2026, 11, 20)
    await log(uow, clock, quarters=80, day=day)
    with pytest.raises(InvalidContribution) as refused:
        await log(uow, clock, quarters=20, day=day)
    assert refused.value.problem == "day_full"
    await log(uow, clock, quarters=16, day=day)  # exactly 24 hours is fine


async def test_a_day_in_the_future_or_no_time_at_all_is_refused(uow, clock, walkers):
    with pytest.raises(InvalidContribution) as future:
        await log(uow, clock, day=date(2027, 12, 5))
    assert future.value.problem == "future"
    with pytest.raises(InvalidContribution) as zero:
        await log(uow, clock, quarters=0)
    assert zero.value.problem == "zero"


async def test_a_gift_cannot_take_a_balance_below_zero(uow, clock, walkers):
    await earned(uow, clock, BEN, 4)
    with pytest.raises(NotEnoughCredits) as short:
        await gift(uow, clock, BEN, CERI, 5)
    assert short.value.available == 4
    assert await balance(uow, BEN) == (4, 4) and await balance(uow, CERI) == (0, 0)


async def test_an_organisation_may_allow_an_overdraft_and_no_further(uow, clock, walkers):
    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        work.credits.add(CreditPolicy(organisation_id=group.organisation_id, overdraft_quarters=8))
        await work.commit()
    await gift(uow, clock, BEN, CERI, 8)
    assert await balance(uow, BEN) == (-8, -8)
    with pytest.raises(NotEnoughCredits):
        await gift(uow, clock, BEN, CERI, 1)


async def test_simultaneous_gifts_from_one_balance_cannot_overspend(uow, clock, walkers):
    await earned(uow, clock, BEN, 8)
    racing = [gift(uow, clock, BEN, receiver, 4) for receiver in (ALYS, CERI, DAFYDD, ALYS, CERI)]
    results = await asyncio.gather(*racing, return_exceptions=True)
    assert sum(1 for result in results if not isinstance(result, Exception)) == 2
    assert all(isinstance(result, NotEnoughCredits) for result in results if isinstance(result, Exception))
    assert await balance(uow, BEN) == (0, 0)
    received = [(await balance(uow, who))[0] for who in (ALYS, CERI, DAFYDD)]
    assert sum(received) == 8


async def test_crossing_gifts_both_go_through(uow, clock, walkers):
    await earned(uow, clock, BEN, 8)
    await earned(uow, clock, CERI, 8)
    await asyncio.gather(gift(uow, clock, BEN, CERI, 2), gift(uow, clock, CERI, BEN, 3))
    assert await balance(uow, BEN) == (9, 9) and await balance(uow, CERI) == (7, 7)


async def test_the_ledger_refuses_any_edit_or_deletion(uow, clock, walkers):
    await earned(uow, clock, BEN, 4)
    for statement in ("UPDATE creditentry SET quarters = 400", "DELETE FROM creditentry"):
        async with uow() as work:
            with pytest.raises(Exception, match="immutable"):
                await work.session.exec(text(statement))
    assert await balance(uow, BEN) == (4, 4)


async def test_spending_and_corrections_are_new_entries_and_corrections_are_audited(uow, clock, walkers):
    await earned(uow, clock, BEN, 8)
    ben = await person_id(uow, BEN)
    async with uow() as work:
        spent = await credits.spend(work, clock, DAFYDD, CHAT, ben, 4, "a swimming session")
    assert spent.member_balance == 4
    async with uow() as work:
        fixed = await credits.adjust(work, clock, DAFYDD, CHAT, ben, -2, "logged twice by mistake")
    assert fixed.member_balance == 2
    with pytest.raises(NotACoordinator):
        async with uow() as work:
            await credits.adjust(work, clock, ALYS, CHAT, ben, 10, "just because")
    with pytest.raises(MayNotConfirm):
        async with uow() as work:
            await credits.adjust(work, clock, DAFYDD, CHAT, await person_id(uow, DAFYDD), 10, "for me")
    async with uow() as work:
        kinds = [entry.kind for entry in await work.credits.entries_of(ben)]
        audited = [entry.action for entry in await work.audit.for_group((await work.groups.by_chat(CHAT)).id)]
    assert sorted(kinds) == ["adjust", "earn", "spend"]
    assert "credits.adjust" in audited
    assert await balance(uow, BEN) == (2, 2)


async def test_a_coordinator_logs_a_whole_meetup_and_each_person_earns_once(uow, clock, walkers):
    async with uow() as work:
        group = await work.groups.by_chat(CHAT)
        meetup = Meetup(group_id=group.id, title="Walk", organiser_id=await person_id(uow, ALYS),
                        starts_at=clock.now() - timedelta(days=1), ends_at=clock.now() - timedelta(days=1, hours=-3))
        work.meetups.add(meetup)
        await work.commit()
        meetup_id = meetup.id
    async with uow() as work:
        roster = await meetup_log.roster(work, clock, DAFYDD, meetup_id)
    suggested = {line.person.display_name: (line.role, line.quarters) for line in roster.lines}
    assert suggested == {"Alys": (Role.ORGANISER, 16), "Ben": (Role.ATTENDED, 12), "Ceri": (Role.ATTENDED, 12)}
    entries = [meetup_log.BulkEntry(line.person.id, line.role, line.quarters) for line in roster.lines]
    async with uow() as work:
        views = await meetup_log.log_for_meetup(work, clock, DAFYDD, meetup_id, entries)
    assert {view.contribution.category for view in views} == {"organising", "peer_support"}
    with pytest.raises(InvalidContribution):  # everyone is logged already
        async with uow() as work:
            await meetup_log.log_for_meetup(work, clock, DAFYDD, meetup_id, entries)
    with pytest.raises(NotACoordinator):
        async with uow() as work:
            await meetup_log.roster(work, clock, BEN, meetup_id)
    assert await balance(uow, ALYS) == (16, 16) and await balance(uow, BEN) == (12, 12)


async def test_the_confirmer_is_reminded_once_and_not_after_a_decision(uow, clock, walkers):
    view = await log(uow, clock)
    async with uow() as work:
        planned = [r for r in await work.reminders.in_state("pending") if r.kind.startswith("contribution")]
    assert [r.due_at for r in planned] == [clock.now() + timedelta(days=2)]
    async with uow() as work:
        assert await contributions.plan_reminders(work, clock, view.id) == 1
        assert await contributions.plan_reminders(work, clock, view.id) == 1  # the same one, not a second
        keys = [r.key for r in await work.reminders.in_state("pending") if r.kind == "contribution_remind_person"]
    assert len(keys) == 1
    await confirm(uow, clock, view.id)
    async with uow() as work:
        assert [r for r in await work.reminders.in_state("pending") if r.kind.startswith("contribution")] == []
        assert await contributions.plan_reminders(work, clock, view.id) == 0


async def test_a_report_counts_confirmed_time_and_names_only_those_who_agreed(uow, clock, walkers):
    await earned(uow, clock, BEN, 8)
    await earned(uow, clock, CERI, 6)
    await log(uow, clock, telegram_id=ALYS, confirmer=BEN)  # pending: not in the report
    async with uow() as work:
        await credits.set_public_thanks(work, CERI, True)
    today = clock.now().date()
    async with uow() as work:
        report = await credit_reports.for_coordinator(work, DAFYDD, CHAT, today.replace(day=1), today)
    assert [(row.member, row.quarters) for row in report.rows] == [(None, 8), ("Ceri", 6)]
    assert report.totals.members == 2 and report.totals.quarters == 14 and report.totals.activities == 2
    async with uow() as work:
        assert await work.credits.earned_for([row.contribution_id for row in report.rows]) == 14
    with pytest.raises(NotACoordinator):
        async with uow() as work:
            await credit_reports.for_coordinator(work, BEN, CHAT, today.replace(day=1), today)


async def test_criw_report_writes_the_csv_and_chart_and_prints_the_summary(uow, clock, walkers, database_url,
                                                                            tmp_path):
    await earned(uow, clock, BEN, 10)
    today = clock.now().date()
    env = {key: value for key, value in os.environ.items() if not key.startswith("CRIW_")}
    env["CRIW_DATABASE_URL"] = database_url
    command = [sys.executable, "-m", "bot", "report", "--group", str(CHAT), "--from", today.replace(day=1).isoformat(),
               "--to", today.isoformat(), "--language", "en", "--out", str(tmp_path / "out")]
    done = await asyncio.to_thread(subprocess.run, command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "rhoddwyd dwy awr a hanner gan 1 aelod" in done.stdout and "1 member gave 2½ hours" in done.stdout
    written = sorted(path.name for path in (tmp_path / "out").iterdir())
    stem = f"{today.replace(day=1)}-{today}-en"
    assert written == [f"criw-{stem}.csv", f"criw-{stem}.png", f"criw-group-{stem}-by-month.csv",
                       f"criw-group-{stem}-figures.csv", f"criw-group-{stem}-stories.csv", f"criw-group-{stem}.pdf"]
    missing = await asyncio.to_thread(subprocess.run, [*command[:5], "Nobody", *command[6:]], capture_output=True,
                                      text=True, env=env, timeout=120)
    assert missing.returncode == 1 and "no group 'Nobody'" in missing.stdout


async def test_a_pending_entry_taken_back_earns_and_counts_nothing_and_stays_taken_back(uow, clock, walkers):
    day = date(2026, 11, 20)
    view = await log(uow, clock, quarters=80, day=day)
    async with uow() as work:
        withdrawn, asked = await contributions.withdraw(work, clock, view.id, BEN)
    assert withdrawn.contribution.state == "withdrawn" and [person.display_name for person in asked] == ["Alys"]
    await log(uow, clock, quarters=80, day=day)  # the day's hours no longer count the withdrawn entry
    with pytest.raises(AlreadyDone):
        await confirm(uow, clock, view.id)  # the confirmer's old button
    with pytest.raises(AlreadyDone):
        async with uow() as work:
            await contributions.withdraw(work, clock, view.id, BEN)
    assert await balance(uow, BEN) == (0, 0)


async def test_a_confirmed_entry_cannot_be_taken_back_and_only_its_member_may_take_one_back(uow, clock, walkers):
    confirmed = await log(uow, clock)
    await confirm(uow, clock, confirmed.id)
    with pytest.raises(AlreadyDone):
        async with uow() as work:
            await contributions.withdraw(work, clock, confirmed.id, BEN)
    pending = await log(uow, clock, quarters=4)
    for someone_else in (ALYS, DAFYDD, STRANGER):
        with pytest.raises(NotFound):
            async with uow() as work:
                await contributions.withdraw(work, clock, pending.id, someone_else)
    assert await balance(uow, BEN) == (8, 8)
