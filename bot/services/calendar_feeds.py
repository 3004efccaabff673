"""Private calendar feeds: each person's unguessable URL token, resetting it, and what a feed holds.

The token is 256 random bits. A request finds its row by the token's SHA-256 and then compares the token
in constant time; a wrong or reset token is simply not found, so the answer reveals nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.domain.meetups import CALENDAR_PAST
from bot.services import meetups
from bot.services.errors import NotFound
from bot.services.meetups import MeetupView
from bot.store.installation import installation_key
from bot.store.meetups import CalendarToken
from bot.store.models import Person

if TYPE_CHECKING:
    from bot.domain.clock import Clock
    from bot.store.uow import UnitOfWork

TOKEN_BYTES = 32
TOKEN_MAX = 64  # token_urlsafe(32) is 43 characters; anything much longer is not ours


def _lookup(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def token_for(uow: UnitOfWork, clock: Clock, telegram_id: int, *, reset: bool = False) -> str:
    """The person's feed token, made the first time; `reset` replaces it (the old URL stops working)."""
    person = await uow.people.by_telegram_id(telegram_id)
    if person is None or person.id is None:
        raise NotFound(telegram_id)
    row = await uow.meetups.calendar_token(person.id)
    if row is not None and not reset:
        return row.token
    token = secrets.token_urlsafe(TOKEN_BYTES)
    if row is None:
        row = CalendarToken(person_id=person.id, token=token, lookup=_lookup(token), created_at=clock.now())
        uow.meetups.add(row)
    row.token, row.lookup, row.created_at = token, _lookup(token), clock.now()
    await uow.commit()
    return token


@dataclass(frozen=True)
class Feed:
    person: Person
    meetups: list[MeetupView]
    installation: str  # the database's own key, for the events' UIDs


async def installation(uow: UnitOfWork) -> str:
    """This database's own random key (calendar UIDs carry it)."""
    return await installation_key(uow.session)


async def feed(uow: UnitOfWork, clock: Clock, token: str) -> Feed | None:
    """The meet-ups of every group the token's owner belongs to (recent past, and everything ahead),
    or None for a token that is wrong, reset, or not a token at all."""
    if not token or len(token) > TOKEN_MAX or not token.isascii():
        return None
    row = await uow.meetups.calendar_token_by_lookup(_lookup(token))
    if row is None or not hmac.compare_digest(row.token.encode(), token.encode()):
        return None
    person = await uow.session.get(Person, row.person_id)
    if person is None:
        return None
    group_ids = [group.id for group in await uow.memberships.groups_of(row.person_id) if group.id is not None]
    found = await uow.meetups.for_calendar(group_ids, clock.now() - CALENDAR_PAST) if group_ids else []
    return Feed(person, [await meetups.view(uow, meetup) for meetup in found], await installation(uow))
