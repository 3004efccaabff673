"""A small organisation whose April 2026 is known figure by figure, for the evidence report's tests.

Two groups (Walkers, Cooks) in one organisation, and a third organisation's group that must never show.
Rows sit on both sides of April's edges in Europe/London (summer time began 29 March 2026), so the edges
are tested at local midnight, not UTC's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.store.credits import Contribution, CreditEntry
from bot.store.meetups import Attendance, Meetup
from bot.store.models import Group, Membership, Organisation, Person
from bot.store.proposals import Proposal, Vote
from bot.store.resources import Budget, Resource, ResourceRequest

WALKERS_CHAT, COOKS_CHAT, ELSEWHERE_CHAT = -100, -200, -300
COORDINATOR = 9  # Telegram id of the Walkers' and Cooks' coordinator
NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
APRIL = (date(2026, 4, 1), date(2026, 4, 30))


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def seed(uow) -> dict[int, int]:
    """The world; returns person ids by Telegram id (1 to 9)."""
    async with uow() as work:
        s = work.session
        org, other = Organisation(name="Time 2 Meet", created_at=NOW), Organisation(name="Other", created_at=NOW)
        s.add_all([org, other])
        await s.flush()
        walkers = Group(organisation_id=org.id, chat_id=WALKERS_CHAT, title="Walkers", created_at=NOW,
                        admission="admitted")
        cooks = Group(organisation_id=org.id, chat_id=COOKS_CHAT, title="Cooks", created_at=NOW,
                      admission="admitted")
        elsewhere = Group(organisation_id=other.id, chat_id=ELSEWHERE_CHAT, title="Elsewhere", created_at=NOW,
                          admission="admitted")
        people = {n: Person(telegram_id=n, display_name=f"P{n}", created_at=NOW) for n in range(1, 10)}
        s.add_all([walkers, cooks, elsewhere, *people.values()])
        await s.flush()
        ids = {n: person.id for n, person in people.items()}
        for n in range(1, 8):
            s.add(Membership(person_id=ids[n], group_id=walkers.id, created_at=NOW))
        s.add(Membership(person_id=ids[9], group_id=walkers.id, role="coordinator", created_at=NOW))
        for n in (1, 8):
            s.add(Membership(person_id=ids[n], group_id=cooks.id, created_at=NOW))
        s.add(Membership(person_id=ids[9], group_id=cooks.id, role="coordinator", created_at=NOW))
        s.add(Membership(person_id=ids[9], group_id=elsewhere.id, role="coordinator", created_at=NOW))

        async def meetup(group: Group, starts: str, came: list[int], status: str = "done") -> None:
            row = Meetup(group_id=group.id, title="Walk", starts_at=at(starts), status=status)
            s.add(row)
            await s.flush()
            s.add_all([Attendance(meetup_id=row.id, person_id=ids[n], marked_at=NOW) for n in came])

        await meetup(walkers, "2026-03-10T10:00", [1, 2])  # before April
        await meetup(walkers, "2026-03-31T22:30", [7])  # 23:30 on 31 March, London: March
        await meetup(walkers, "2026-03-31T23:30", [1, 3])  # 00:30 on 1 April, London: April
        await meetup(walkers, "2026-04-15T10:00", [1, 3, 4])
        await meetup(walkers, "2026-04-20T10:00", [6], status="cancelled")
        await meetup(walkers, "2026-04-30T23:30", [5])  # 00:30 on 1 May, London: May
        await meetup(cooks, "2026-04-10T18:00", [1, 8])
        await meetup(elsewhere, "2026-04-10T18:00", [9])

        async def proposal(by: int, opened: str, state: str, voters: list[int]) -> None:
            row = Proposal(group_id=walkers.id, proposer_id=ids[by], title="Idea", state=state,
                           opened_at=at(opened), closes_at=at(opened))
            s.add(row)
            await s.flush()
            for n in voters:
                s.add(Vote(proposal_id=row.id, option_index=0, person_id=ids[n], choice="yes", cast_at=NOW))
            if voters:  # someone voting on two options is still one voter
                s.add(Vote(proposal_id=row.id, option_index=1, person_id=ids[voters[0]], choice="no", cast_at=NOW))

        await proposal(1, "2026-04-02T09:00", "passed", [1, 2, 3])
        await proposal(9, "2026-04-03T09:00", "not_passed", [1, 2])
        await proposal(2, "2026-04-05T09:00", "open", [4])
        await proposal(2, "2026-03-31T23:30", "withdrawn", [])  # 1 April, London
        await proposal(2, "2026-04-30T23:30", "passed", [1])  # 1 May, London

        room = Resource(organisation_id=org.id, kind="room", name="Hall", created_at=NOW)
        van = Resource(organisation_id=org.id, kind="vehicle", name="Minibus", seats=8, created_at=NOW)
        s.add_all([room, van])
        await s.flush()

        def request(kind: str, state: str = "approved", starts: str | None = None, ends: str | None = None,
                    decided: str | None = None, **more: int) -> ResourceRequest:
            return ResourceRequest(organisation_id=org.id, group_id=walkers.id, requester_id=ids[1], kind=kind,
                                   resource_id=room.id if kind == "room" else van.id if kind == "vehicle" else None,
                                   starts_at=at(starts) if starts else None, ends_at=at(ends) if ends else None,
                                   decided_at=at(decided) if decided else None, state=state, created_at=NOW, **more)

        s.add_all([
            request("room", starts="2026-04-15T10:00", ends="2026-04-15T12:30"),  # 150 minutes
            request("room", starts="2026-05-02T10:00", ends="2026-05-02T12:00"),
            request("room", "declined", starts="2026-04-16T10:00", ends="2026-04-16T12:00"),
            request("vehicle", starts="2026-04-15T09:00", ends="2026-04-15T13:00", seats=6, wheelchair_spaces=1),
            request("vehicle", starts="2026-04-22T09:00", ends="2026-04-22T13:00", seats=4),
            request("money", decided="2026-04-10T12:00", amount=4500),
            request("money", "pending", amount=9900),
            Budget(organisation_id=org.id, group_id=walkers.id, starts_on=date(2026, 4, 1),
                   ends_on=date(2027, 3, 31), amount=50000, created_at=NOW),
            Budget(organisation_id=org.id, group_id=walkers.id, starts_on=date(2025, 4, 1),
                   ends_on=date(2026, 3, 31), amount=30000, created_at=NOW),
        ])

        def given(n: int, day: date, quarters: int, state: str = "confirmed") -> Contribution:
            return Contribution(group_id=walkers.id, person_id=ids[n], category="organising", day=day,
                                quarters=quarters, state=state, logged_by_id=ids[n], logged_at=NOW)

        s.add_all([given(1, date(2026, 4, 1), 8), given(3, date(2026, 4, 30), 4),
                   given(4, date(2026, 4, 10), 4, "pending"), given(1, date(2026, 5, 1), 8)])

        def entry(n: int, kind: str, quarters: int, when: str) -> CreditEntry:
            return CreditEntry(person_id=ids[n], kind=kind, quarters=quarters, at=at(when), group_id=walkers.id)

        s.add_all([entry(1, "earn", 8, "2026-04-02T10:00"), entry(3, "earn", 4, "2026-04-30T22:00"),
                   entry(1, "gift_out", -2, "2026-04-12T10:00"), entry(3, "gift_in", 2, "2026-04-12T10:00"),
                   entry(3, "spend", -3, "2026-04-20T10:00"), entry(3, "spend", -1, "2026-04-30T23:30")])
        await work.commit()
        return ids
