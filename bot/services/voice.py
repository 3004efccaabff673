"""The words behind 🔊 Listen buttons: remembered when a message is sent, read back (only by the person it
was sent to) when the button is pressed, and the voice note's file id kept so it is uploaded once."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.services.errors import NotFound
from bot.store.models import Person
from bot.store.support import SpokenText
from bot.store.uow import Conflict

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

KEPT_FOR = timedelta(days=30)  # a 🔊 button older than this says it no longer works


def digest(text: str, language: str) -> str:
    return hashlib.sha256(f"{language}\n{text}".encode()).hexdigest()


async def remember(uow: UnitOfWork, clock: Clock, person_id: int, language: str, text: str) -> int:
    """The id a 🔊 button carries for these words, sent to this person (the same words share one row)."""
    key = digest(text, language)
    found = await uow.support.spoken_for(person_id, key)
    if found is None:
        found = SpokenText(person_id=person_id, language=language, digest=key, text=text, created_at=clock.now())
        uow.support.add(found)
        try:
            await uow.commit()
        except Conflict:  # the same words were remembered by another worker at the same moment
            found = await uow.support.spoken_for(person_id, key)
    assert found is not None and found.id is not None
    return found.id


async def to_listen(uow: UnitOfWork, spoken_id: int, telegram_id: int) -> tuple[SpokenText, str | None]:
    """The words behind a pressed 🔊 button, only for the person they were sent to, and any voice note
    Telegram already holds for them."""
    spoken = await uow.support.spoken(spoken_id)
    person = await uow.people.by_telegram_id(telegram_id)
    if spoken is None or person is None or spoken.person_id != person.id:
        raise NotFound(spoken_id)
    return spoken, await uow.support.voice_file(spoken.digest)


async def keep_file(uow: UnitOfWork, spoken_id: int, file_id: str) -> None:
    spoken = await uow.support.spoken(spoken_id)
    if spoken is not None and spoken.file_id != file_id:
        spoken.file_id = file_id
        await uow.commit()


async def set_listen(uow: UnitOfWork, telegram_id: int, on: bool) -> Person:
    """🔊 Listen buttons under every private message, for someone who does not use Easy Read."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None:
        raise NotFound(telegram_id)
    person.listen = on
    await uow.commit()
    return person


async def forget_old(uow: UnitOfWork, clock: Clock) -> int:
    """Drop the words behind 🔊 buttons older than KEPT_FOR (the audio cache on disk is kept)."""
    forgotten = await uow.support.forget_spoken_before(clock.now() - KEPT_FOR)
    await uow.commit()
    return forgotten
