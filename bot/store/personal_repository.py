"""Everything about one person, found and erased by walking the registry (bot/store/personal_data.py)."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, String, Table, and_, cast, delete, or_, select, text, update
from sqlmodel import SQLModel, col

import bot.store.tables  # noqa: F401  (every table registered in SQLModel.metadata)
from bot.domain.erasure import REMOVED
from bot.store.models import AuditEntry, ConversationState, Person, ProcessedUpdate
from bot.store.personal_data import (
    HIDDEN,
    REFERENCES,
    TOMBSTONE_NAME,
    WORDS,
    Erase,
    Fate,
    Reference,
    Words,
    private_chat_columns,
    references_to,
)
from bot.store.reminders import Reminder
from bot.store.repositories import _Repository
from bot.store.support import SpokenText

log = logging.getLogger(__name__)
Row = dict[str, Any]
_KEPT_ON_TOMBSTONE = {"id", "created_at"}
_TOMBSTONE = {"display_name": TOMBSTONE_NAME, "reminders": False, "can_dm": False}


class UnregisteredColumn(Exception):
    """A person column has no default to reset it to on erasure: register what erasure should do."""


def _tables() -> dict[str, Table]:
    return dict(SQLModel.metadata.tables)


def _plain(table: str, row: Row) -> Row:
    """A row as JSON-friendly values; secrets only say they exist."""
    plain: Row = {}
    for name, value in row.items():
        if (table, name) in HIDDEN:
            value = "(hidden)"
        elif isinstance(value, datetime | date):
            value = value.isoformat()
        plain[name] = value
    return plain


def _part(table: str, row: Row, person: Person, parts: list[Reference]) -> Row:
    """The person's own part in a row about someone else: which role they had, and that role's columns."""
    mine = [reference for reference in parts if row[reference.column] == person.id]
    shown: Row = {name: row[name] for reference in mine for name in reference.part}
    shown["your_part"] = [reference.column for reference in mine]
    return _plain(table, shown)


class PersonalData(_Repository):
    def _registered_tables(self) -> list[Table]:
        names = dict.fromkeys([reference.table for reference in REFERENCES]
                              + [column.table for column in private_chat_columns()])
        tables = _tables()
        return [tables[name] for name in names if name in tables]  # a registered feature may be absent

    async def rows_about(self, person: Person) -> dict[str, list[Row]]:
        """Every row about the person (pointing at them as its owner, or at their private chat), whole; and of
        rows about someone else that name them (a confirmer, a gift's other side), only their part."""
        found: dict[str, list[Row]] = {}
        for table in self._registered_tables():
            owner = [(table.c[reference.column], person.id)
                     for reference in references_to(table.name) if not reference.part]
            owner += [(table.c[column.column], person.telegram_id)
                      for column in private_chat_columns() if column.table == table.name]
            owned = or_(*(column == value for column, value in owner))
            rows = [_plain(table.name, row) for row in await self._rows(table, owned)] if owner else []
            parts = [reference for reference in references_to(table.name) if reference.part]
            if parts:
                taking_part = or_(*(table.c[reference.column] == person.id for reference in parts))
                not_owned = [or_(column.is_(None), column != value) for column, value in owner]
                others = await self._rows(table, and_(taking_part, *not_owned))
                rows += [_part(table.name, row, person, parts) for row in others]
            if rows:
                found[table.name] = rows
        return found

    async def _rows(self, table: Table, where: Any) -> list[Row]:
        query = select(table).where(where).order_by(*table.primary_key.columns)
        return [dict(row) for row in (await self.session.exec(query)).mappings().all()]  # type: ignore[call-overload]

    async def erase(self, person: Person) -> None:
        """Delete what is theirs alone, blank their words in rows that stay, and make them a tombstone."""
        tables = _tables()
        for column in private_chat_columns():
            if column.table in tables:
                chats = tables[column.table]
                await self.session.exec(delete(chats).where(chats.c[column.column] == person.telegram_id))
        for reference in sorted(REFERENCES, key=lambda reference: reference.erase != Erase.DELETE):
            table = tables.get(reference.table)
            if table is None:
                continue
            pointing = table.c[reference.column] == person.id
            if reference.erase is Erase.DELETE:
                await self.session.exec(delete(table).where(pointing))
            elif reference.scrub:
                differs = [table.c[name].is_not(None) if value is None else table.c[name] != value
                           for name, value in reference.scrub.items()]
                await self.session.exec(update(table).where(pointing, or_(*differs)).values(**reference.scrub))
        written = {person.display_name}
        for words in WORDS:
            if words.by and words.table in tables:
                written |= await self._words_of(tables[words.table], words, person.id)
                await self._remove_words(tables[words.table], words, person.id)
        await self._forget_spoken(written)
        self._tombstone(person)

    async def _words_of(self, table: Table, words: Words, person_id: int | None) -> set[str]:
        by = or_(*(table.c[name] == person_id for name in words.by))
        rows = await self.session.exec(select(*(table.c[name] for name in words.columns)).where(by))  # type: ignore[call-overload]
        return {value for row in rows.all() for value in row if isinstance(value, str) and value.strip()}

    async def _forget_spoken(self, written: set[str]) -> None:
        """Words read out to other people (🔊) that hold the person's name or words: a cache, made again if asked."""
        spoken = SpokenText.__table__  # type: ignore[attr-defined]
        for words in sorted(written - {REMOVED}):
            await self.session.exec(delete(spoken).where(spoken.c.text.contains(words, autoescape=True)))

    async def _remove_words(self, table: Table, words: Words, person_id: int | None) -> None:
        """Blank (or mark as removed) these words in every row where the person is named in `words.by`."""
        by = or_(*(table.c[name] == person_id for name in words.by))
        for name in words.columns:
            column = table.c[name]
            if isinstance(column.type, JSON):
                blank: object = {}
                present = cast(column, String) != "{}"
            elif words.fate is Fate.MARKED:  # only where there were words: an empty description stays empty
                blank, present = REMOVED, and_(column != "", column != REMOVED)
            else:
                blank, present = "", column != ""
            await self.session.exec(update(table).where(by, present)
                                    .values({name: blank}))

    async def drop_old_copies(self) -> bool:
        """After an erasure has committed: on SQLite, copy the write-ahead log into the database and truncate
        it, so the erased rows' earlier versions are no longer in the log (freed space in the database is
        zeroed already: secure_delete, bot/store/database.py). PostgreSQL: nothing to do here; autovacuum
        reclaims dead row versions later (docs/SECURITY.md). False if a reader kept the log from being
        truncated: the next checkpoint will do it."""
        if self.session.get_bind().dialect.name != "sqlite":
            return True
        busy, _, _ = (await self.session.exec(text("PRAGMA wal_checkpoint(TRUNCATE)"))).one()  # type: ignore[call-overload]
        if busy:
            log.warning("erasure: the write-ahead log was busy; earlier copies stay until the next checkpoint")
        return not busy

    @staticmethod
    def _tombstone(person: Person) -> None:
        """Reset every column of the person to its default: nothing they chose or were called remains."""
        assert person.id is not None
        for column in Person.__table__.columns:  # type: ignore[attr-defined]
            if column.name in _KEPT_ON_TOMBSTONE or column.name == "telegram_id":
                continue
            if column.name in _TOMBSTONE:
                value = _TOMBSTONE[column.name]
            elif column.default is not None and column.default.is_scalar:
                value = column.default.arg
            elif column.nullable:
                value = None
            else:
                raise UnregisteredColumn(f"person.{column.name}")
            setattr(person, column.name, value)
        person.telegram_id = -person.id  # unique, and no Telegram account has a negative id

    # -- retention: what is kept only for a while --------------------------------------------------

    async def forget_expired_conversations(self, now: datetime) -> int:
        done = await self.session.exec(delete(ConversationState).where(col(ConversationState.expires_at) <= now))
        return int(done.rowcount)  # type: ignore[attr-defined]

    async def clear_audit_details_before(self, moment: datetime) -> int:
        """Keep who did what, when; drop the details (reasons typed, values) of entries older than `moment`."""
        entry = AuditEntry.__table__  # type: ignore[attr-defined]
        done = await self.session.exec(
            update(entry).where(entry.c.at < moment, cast(entry.c.detail, String) != "{}").values(detail={})
        )
        return int(done.rowcount)  # type: ignore[attr-defined]

    async def forget_reminders_due_before(self, moment: datetime) -> int:
        """Reminders long past, sent or not (each holds the chat it went to)."""
        done = await self.session.exec(
            delete(Reminder).where(col(Reminder.due_at) < moment, col(Reminder.state).not_in(("pending", "sending")))
        )
        return int(done.rowcount)  # type: ignore[attr-defined]

    async def forget_updates_before(self, moment: datetime) -> int:
        done = await self.session.exec(delete(ProcessedUpdate).where(col(ProcessedUpdate.handled_at) < moment))
        return int(done.rowcount)  # type: ignore[attr-defined]
