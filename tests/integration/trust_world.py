"""A small organisation with a bit of everything, for the authorization matrix and the data-rights tests.

Group A ("Cerddwyr", chat -100): Dafydd (its coordinator), Alys, Ben and Ceri. Group B (chat -200), of the
same organisation: Olwen coordinates it. Nia coordinates the organisation (granted, not by coordinating
a group; she is a member of B). Group C (chat -300) belongs to another organisation: Pedr coordinates it.
Group D (chat -400) is waiting to be admitted, outside the organisation: Mallt, who added the bot to it,
coordinates it. Siôn is known to Criw but in no group. Alys has something in every table: proposals,
votes, a meet-up she organises and her lift to it, logged hours, a gift, a money request, a calendar link,
a conversation in progress, reminders, access needs, a supporter, a voice note's words.

Telegram ids are long and names unusual, so searching the whole database for them means something.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.domain.contributions import Category
from bot.domain.decisions import Choice
from bot.domain.meetups import Answer
from bot.domain.proposals import Draft
from bot.domain.resources import RequestDraft
from bot.services import (
    calendar_feeds,
    contributions,
    conversations,
    credits,
    groups,
    people,
    proposals,
    reminders,
    requests,
    rsvp,
    voting,
)
from bot.services.contributions import LogRequest
from bot.store.meetups import Meetup
from bot.store.models import Group, Organisation
from bot.store.resources import AccessProfile, Resource
from bot.store.support import SpokenText, Supporter

A, B, C, D = -100, -200, -300, -400
DAFYDD, ALYS, BEN, CERI = 710_000_000_001, 770_011_223_344, 710_000_000_003, 710_000_000_004
OLWEN, PEDR, SION = 720_000_000_010, 730_000_000_020, 740_000_000_030
NIA, MALLT = 750_000_000_040, 760_000_000_050
ALYS_NAME = "Alys Zephaniah-Price"
ALYS_WORDS = ("12 Heol y Felin", "Drove the Zephaniah minibus", "For Zephaniah bus fares", "Zephaniah draft")


@dataclass
class World:
    """Record ids the tests act on."""

    open_proposal: int = 0  # Alys's, in group A, with Alys's and Ben's votes
    meetup: int = 0  # organised by Alys, in group A, Alys going with a lift
    pending_contribution: int = 0  # Alys's, waiting for a coordinator
    confirmed_contribution: int = 0  # Alys's, confirmed by Dafydd
    request: int = 0  # Alys's money request, pending
    alys_person: int = 0
    ben_person: int = 0
    room: int = 0  # the organisation's hall
    supporter: int = 0  # Ceri supports Alys in group A (the Supporter row)


async def join(uow, clock, chat_id, telegram_id, name, status="member", title="Cerddwyr", admitted=True):
    async with uow() as work:
        group = await groups.find_or_add(work, clock, chat_id, title)
        group.admission = "admitted" if admitted else "pending"  # an organisation coordinator admitted it
        person = await people.meet(work, clock, telegram_id, name, "en")
        person.can_dm = True

        async def lookup():
            return status

        await groups.note_presence(work, clock, group, person, lookup)
        await work.commit()
        return person.id


async def other_organisation(uow, clock):
    """Group C, in an organisation of its own (Criw adds new groups to the first organisation)."""
    async with uow() as work:
        organisation = Organisation(name="Another charity", created_at=clock.now())
        work.organisations.add(organisation)
        await work.flush()
        work.groups.add(Group(organisation_id=organisation.id, chat_id=C, title="Elsewhere", admission="admitted",
                              created_at=clock.now()))
        await work.commit()
    await join(uow, clock, C, PEDR, "Pedr", status="creator", title="Elsewhere")


async def build(uow, clock) -> World:
    world = World()
    await join(uow, clock, A, DAFYDD, "Dafydd", status="creator")
    world.alys_person = await join(uow, clock, A, ALYS, ALYS_NAME)
    world.ben_person = await join(uow, clock, A, BEN, "Ben")
    await join(uow, clock, A, CERI, "Ceri")
    await join(uow, clock, B, OLWEN, "Olwen", status="creator", title="Rhedwyr")
    await join(uow, clock, B, NIA, "Nia", title="Rhedwyr")
    await other_organisation(uow, clock)
    await join(uow, clock, D, MALLT, "Mallt", status="creator", title="Outsiders", admitted=False)
    async with uow() as work:
        nia = await work.people.by_telegram_id(NIA)
        nia.coordinates_organisation = (await work.groups.by_chat(B)).organisation_id
        await work.commit()
    async with uow() as work:
        await people.meet(work, clock, SION, "Siôn", "cy")
        await work.commit()
    await _proposals(uow, clock, world)
    await _meetup(uow, clock, world)
    await _time_and_credits(uow, clock, world)
    await _the_rest(uow, clock, world)
    return world


async def _proposals(uow, clock, world: World) -> None:
    start = clock.now() + timedelta(days=14)
    async with uow() as work:
        world.open_proposal = (await proposals.submit(work, clock, ALYS, Draft(A, "Picnic", options=[start]))).id
    for voter in (ALYS, BEN):
        async with uow() as work:
            await voting.cast_vote(work, clock, A, voter, world.open_proposal, 0, Choice.YES)
    async with uow() as work:
        withdrawn = await proposals.submit(work, clock, ALYS, Draft(A, "Bowling", options=[start]))
    async with uow() as work:
        await proposals.withdraw(work, clock, withdrawn.id, ALYS)


async def _meetup(uow, clock, world: World) -> None:
    async with uow() as work:
        group = await work.groups.by_chat(A)
        meetup = Meetup(group_id=group.id, organiser_id=world.alys_person, title="Walk to the castle",
                        starts_at=clock.now() + timedelta(days=10), updated_at=clock.now())
        work.meetups.add(meetup)
        await work.commit()
        world.meetup = meetup.id
    async with uow() as work:
        await rsvp.toggle_lift(work, clock, world.meetup, ALYS)
    async with uow() as work:
        await rsvp.set_pickup(work, clock, world.meetup, ALYS, ALYS_WORDS[0])
    async with uow() as work:
        await rsvp.respond(work, clock, world.meetup, BEN, Answer.GOING)


async def _time_and_credits(uow, clock, world: World) -> None:
    yesterday = clock.now().date() - timedelta(days=1)
    async with uow() as work:
        confirmed = await contributions.log(work, clock, ALYS, LogRequest(A, Category.DRIVING, yesterday, 8,
                                                                          note=ALYS_WORDS[1]))
    async with uow() as work:
        await contributions.confirm(work, clock, confirmed.id, DAFYDD)
    world.confirmed_contribution = confirmed.id
    async with uow() as work:
        pending = await contributions.log(work, clock, ALYS, LogRequest(A, Category.COOKING, yesterday, 4))
    world.pending_contribution = pending.id
    async with uow() as work:
        await credits.gift(work, clock, ALYS, A, world.ben_person, 2)
    async with uow() as work:
        ceri = await work.people.by_telegram_id(CERI)
        dafydds = await contributions.log(work, clock, DAFYDD, LogRequest(A, Category.ORGANISING, yesterday, 8,
                                                                          confirmer_id=ceri.id))
    async with uow() as work:
        await contributions.confirm(work, clock, dafydds.id, CERI)


async def _the_rest(uow, clock, world: World) -> None:
    async with uow() as work:
        made = await requests.create(work, clock, ALYS, RequestDraft(A, "money", amount=1500, note=ALYS_WORDS[2]))
    world.request = made.id
    async with uow() as work:
        await calendar_feeds.token_for(work, clock, ALYS)
    async with uow() as work:
        await conversations.save(work, clock, world.alys_person, "propose", "title", {"title": ALYS_WORDS[3]})
    async with uow() as work:
        group = await work.groups.by_chat(A)
        alys = await work.people.by_telegram_id(ALYS)
        await reminders.plan(work, kind="vote_nudge_person", key=f"vote_nudge:{world.open_proposal}:{alys.id}",
                             due_at=clock.now() + timedelta(days=5), group=group, person=alys,
                             subject_id=world.open_proposal)
        ceri = await work.people.by_telegram_id(CERI)
        work.session.add(AccessProfile(person_id=alys.id, needs=["step_free"], updated_at=clock.now()))
        supporter = Supporter(group_id=group.id, member_id=alys.id, supporter_id=ceri.id, consented_at=clock.now())
        room = Resource(organisation_id=group.organisation_id, kind="room", name="Hall", capacity=20,
                        created_at=clock.now())
        work.session.add_all([supporter, room])
        work.session.add(SpokenText(person_id=alys.id, language="en", digest="d" * 64,
                                    text=f"Hello {ALYS_NAME}", created_at=clock.now()))
        await work.commit()
        world.supporter, world.room = supporter.id, room.id
