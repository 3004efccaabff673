"""People: meeting someone, and the choices they make about how Criw talks to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.domain.clock import Clock
from bot.domain.language import BOTH
from bot.services import meetup_reminders, reminders
from bot.services.errors import NotFound
from bot.store.models import Person

if TYPE_CHECKING:
    from bot.store.uow import UnitOfWork

NAME_LIMIT = 128


def tidy_name(name: str) -> str:
    """A display name as stored: one line, no control characters, at most 128 characters."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in name).strip()
    return " ".join(cleaned.split())[:NAME_LIMIT] or "?"


async def meet(uow: UnitOfWork, clock: Clock, telegram_id: int, name: str, hint: str | None) -> Person:
    """Find or add the person behind a Telegram account, keeping their name and language hint fresh."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None:
        person = Person(telegram_id=telegram_id, created_at=clock.now())
        uow.people.add(person)
    person.display_name = tidy_name(name)
    person.language_hint = (hint or None) and hint[:16]
    await uow.flush()
    return person


async def _own(uow: UnitOfWork, telegram_id: int) -> Person:
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None:
        raise NotFound(telegram_id)
    return person


async def choose_language(uow: UnitOfWork, telegram_id: int, language: str) -> Person:
    """Store the language a person chose; every later private message uses it."""
    if language not in BOTH:
        raise NotFound(language)
    person = await _own(uow, telegram_id)
    person.language = language
    await uow.commit()
    return person


async def set_easy_read(uow: UnitOfWork, telegram_id: int, on: bool) -> Person:
    person = await _own(uow, telegram_id)
    person.easy_read = on
    await uow.commit()
    return person


async def set_reminders(uow: UnitOfWork, clock: Clock, telegram_id: int, on: bool) -> Person:
    """Reminders on or off; the person's meet-up reminders follow at once, in the same commit."""
    person = await _own(uow, telegram_id)
    person.reminders = on
    await meetup_reminders.follow_reminder_choice(uow, clock, person)
    await uow.commit()
    return person


async def set_reachable(uow: UnitOfWork, telegram_id: int, reachable: bool) -> None:
    """Record whether the bot may write to this person privately (pressed Start, not blocked)."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is not None and person.can_dm != reachable:
        person.can_dm = reachable
        await uow.commit()


QUIET_PRESETS = {"21-08": ("21:00", "08:00"), "22-07": ("22:00", "07:00"), "20-09": ("20:00", "09:00"),
                 "none": ("00:00", "00:00")}


async def set_quiet_hours(uow: UnitOfWork, telegram_id: int, preset: str) -> Person:
    """Choose when no private reminders arrive (they wait for the morning); "none" turns it off."""
    if preset not in QUIET_PRESETS:
        raise NotFound(preset)
    person = await _own(uow, telegram_id)
    person.quiet_start, person.quiet_end = QUIET_PRESETS[preset]
    await reminders.follow_quiet_hours(uow, person)
    await uow.commit()
    return person
