""""What mattered" stories: planned when someone is ticked as having come, asked once when due (unless
they, or the group, switched the question off), answered with tags, perhaps a sentence, and a consent.

A story reaches a report only with consent: by first name, or anonymously; "not in reports" keeps it for
the person alone (it still shows in their /mydata, and /forgetme deletes it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bot.domain import evidence as evidence_rules
from bot.domain.meetups import ends
from bot.domain.proposals import clean_text
from bot.domain.stories import ASK_KIND, IN_REPORTS, USEFUL_FOR, Consent, first_name, read_tags
from bot.services import reminders
from bot.services.errors import AlreadyDone, NotFound
from bot.store.meetups import Meetup
from bot.store.models import Group, Person
from bot.store.stories import WORDS_MAX, Story

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork


async def plan_question(uow: UnitOfWork, clock: Clock, meetup: Meetup, person: Person) -> None:
    """Someone was ticked as having come: ask them once the meet-up is over (the caller commits)."""
    if not person.ask_stories or meetup.id is None or person.id is None:
        return
    group = await uow.groups.get(meetup.group_id)
    if group is None:
        return
    due = max(ends(meetup.starts_at, meetup.ends_at), clock.now())
    await reminders.plan(uow, kind=ASK_KIND, key=f"{ASK_KIND}:{meetup.id}:{person.id}", due_at=due, group=group,
                         person=person, useful_until=due + USEFUL_FOR, subject_id=meetup.id)


@dataclass(frozen=True)
class Question:
    story_id: int
    person: Person
    meetup: Meetup


async def open_question(uow: UnitOfWork, clock: Clock, meetup_id: int, person_id: int) -> Question | str:
    """The question, once: a new story row, or why it isn't asked (for the reminder's log)."""
    meetup = await uow.meetups.get(meetup_id)
    person = await uow.session.get(Person, person_id)
    if meetup is None or person is None:
        return "gone"
    group = await uow.groups.get(meetup.group_id)
    if group is None or ASK_KIND in (group.reminders_off or []):
        return "switched off by the group"
    if not person.ask_stories or not person.can_dm:
        return "switched off, or unreachable"
    if await uow.meetups.attended(meetup_id, person_id) is None:
        return "no longer ticked as came"
    if await uow.stories.of(meetup_id, person_id) is not None:
        return "asked already"
    story = Story(meetup_id=meetup_id, person_id=person_id, group_id=meetup.group_id, asked_at=clock.now())
    uow.stories.add(story)
    await uow.commit()
    assert story.id is not None
    return Question(story.id, person, meetup)


async def mine(uow: UnitOfWork, telegram_id: int, story_id: int) -> tuple[Story, Meetup]:
    """The person's own story still waiting for an answer."""
    person = await uow.people.by_telegram_id(telegram_id)
    story = await uow.stories.get(story_id)
    meetup = await uow.meetups.get(story.meetup_id) if story else None
    if person is None or story is None or meetup is None or story.person_id != person.id:
        raise NotFound(story_id)
    if story.state != "asked":
        raise AlreadyDone(story_id)
    return story, meetup


async def answer(uow: UnitOfWork, clock: Clock, telegram_id: int, story_id: int, tags: list[str], words: str,
                 consent: str) -> Story:
    story, _ = await mine(uow, telegram_id, story_id)
    story.tags, story.words = read_tags(tags), clean_text(words)[:WORDS_MAX]
    story.consent = Consent(consent).value
    story.state, story.answered_at = "answered", clock.now()
    await uow.commit()
    return story


async def set_asking(uow: UnitOfWork, telegram_id: int, on: bool) -> Person:
    """The person's /settings switch; turning it off also drops questions not yet asked."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        raise NotFound(telegram_id)
    person.ask_stories = on
    if not on:
        await reminders.cancel_pending(uow, [r for r in await uow.reminders.pending_for(person.id)
                                             if r.kind == ASK_KIND])
    await uow.commit()
    return person


@dataclass(frozen=True)
class ReportStory:
    group: str
    day: date
    name: str | None  # a first name, only when they chose it
    tags: list[str]
    words: str


async def for_report(uow: UnitOfWork, groups: list[Group], first: date, last: date) -> list[ReportStory]:
    """Stories from meet-ups in the period that their tellers agreed a report may use, oldest first."""
    found = []
    for group in groups:
        assert group.id is not None
        start, end = evidence_rules.window(first, last, group.timezone)
        for story, starts, person in await uow.stories.answered_for(group.id, start, end):
            if story.consent not in IN_REPORTS:
                continue
            name = first_name(person.display_name) if story.consent == Consent.NAMED else None
            found.append(ReportStory(group.title, evidence_rules.local_day(starts, group.timezone), name or None,
                                     list(story.tags), story.words))
    found.sort(key=lambda story: (story.day, story.group))
    return found

