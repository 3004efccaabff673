"""Where Criw keeps things about a person, and what /mydata and /forgetme do with each: the registry.

Data rights are driven by this table, not by code per feature. Every column that points at a person
(a foreign key to person.id) and every column holding a Telegram chat id (a private chat's id is the
person's Telegram id) is listed here with what erasure does to it; in rows that stay, every text column is
either blanked or listed as kept, with the reason. tests/integration/test_personal_data.py walks
SQLModel.metadata and fails for any table that isn't covered, so a new feature registers its tables here.

Erasure keeps group records true: votes, RSVPs, contributions and ledger entries stay (they are counted
in tallies and totals) but point at the person's row turned into an anonymous "former member" tombstone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Erase(StrEnum):
    DELETE = "delete"  # the row is theirs alone: it goes
    KEEP = "keep"  # the row is part of a group's record: it stays, pointing at the tombstone


@dataclass(frozen=True)
class Reference:
    """A column pointing at a person, and what erasing that person does to the rows it points from."""

    table: str
    column: str
    erase: Erase
    why: str
    scrub: Mapping[str, object] = field(default_factory=dict)  # column -> value set in the rows that stay


@dataclass(frozen=True)
class ChatColumn:
    """A column holding a Telegram chat id. `private`: it may be a person's own chat (their Telegram id);
    erasure deletes those rows."""

    table: str
    column: str
    private: bool
    why: str


@dataclass(frozen=True)
class KeptText:
    """Text columns left as they are in rows that stay after erasure: codes, or the group's own record."""

    table: str
    columns: tuple[str, ...]
    why: str


TOMBSTONE_NAME = "Cyn-aelod · Former member"  # what the group sees where an erased person's name was

REFERENCES: tuple[Reference, ...] = (
    Reference("membership", "person_id", Erase.DELETE, "their place in a group; totals count votes and hours"),
    Reference("conversationstate", "person_id", Erase.DELETE, "a half-finished conversation"),
    Reference("calendartoken", "person_id", Erase.DELETE, "their private calendar link"),
    Reference("accessprofile", "person_id", Erase.DELETE, "their access needs"),
    Reference("spokentext", "person_id", Erase.DELETE, "words read out to them"),
    Reference("supporter", "member_id", Erase.DELETE, "their consent for someone to answer for them"),
    Reference("supporter", "supporter_id", Erase.DELETE, "someone's consent for them to answer for them"),
    Reference("reminder", "person_id", Erase.DELETE, "messages planned for them"),
    Reference("creditaccount", "person_id", Erase.KEEP, "the balance is the sum of kept ledger entries",
              {"public_thanks": False}),
    Reference("creditentry", "person_id", Erase.KEEP, "the ledger is append-only and adds up to group totals",
              {"note": ""}),
    Reference("creditentry", "counterpart_id", Erase.KEEP, "the other side of a gift keeps their entry"),
    Reference("creditentry", "actor_id", Erase.KEEP, "who made an entry happen, now anonymous"),
    Reference("contribution", "person_id", Erase.KEEP, "confirmed hours count in the group's totals",
              {"note": "", "reason": ""}),
    Reference("contribution", "confirmer_id", Erase.KEEP, "a pending one goes to any coordinator instead",
              {"confirmer_id": None}),
    Reference("contribution", "logged_by_id", Erase.KEEP, "who logged it, now anonymous"),
    Reference("contribution", "decided_by_id", Erase.KEEP, "who confirmed it, now anonymous"),
    Reference("vote", "person_id", Erase.KEEP, "votes count in decided and open tallies"),
    Reference("rsvp", "person_id", Erase.KEEP, "answers count in meet-up numbers", {"pickup": ""}),
    Reference("attendance", "person_id", Erase.KEEP, "who came counts in reports"),
    Reference("attendance", "marked_by_id", Erase.KEEP, "who ticked it, now anonymous"),
    Reference("proposal", "proposer_id", Erase.KEEP, "the group's decision stays on record"),
    Reference("meetup", "organiser_id", Erase.KEEP, "the group's meet-up stays on its calendar"),
    Reference("meetupseries", "organiser_id", Erase.KEEP, "the group's series stays on its calendar"),
    Reference("resourcerequest", "requester_id", Erase.KEEP, "bookings and spending stay on record",
              {"note": "", "pickups": "", "answer": ""}),
    Reference("resourcerequest", "decided_by_id", Erase.KEEP, "who decided, now anonymous"),
    Reference("auditentry", "actor_person_id", Erase.KEEP, "an audit trail outlives its actor, anonymously"),
)

CHAT_COLUMNS: tuple[ChatColumn, ...] = (
    ChatColumn("person", "telegram_id", True, "the person themself: replaced by the tombstone"),
    ChatColumn("group", "chat_id", False, "a group's chat"),
    ChatColumn("processedupdate", "update_id", False, "an update number, not a chat"),
    ChatColumn("reminder", "chat_id", True, "a reminder to their private chat"),
    ChatColumn("requestcard", "chat_id", True, "a request shown in a coordinator's private chat"),
)

KEPT_TEXT: tuple[KeptText, ...] = (
    KeptText("creditentry", ("kind",), "a code"),
    KeptText("contribution", ("category", "state"), "codes"),
    KeptText("vote", ("choice",), "a code"),
    KeptText("rsvp", ("answer",), "a code"),
    KeptText("proposal", ("title", "description", "place", "needs", "state", "closed_reason"),
             "what the group voted on"),
    KeptText("meetup", ("title", "place", "notes", "transport", "needs", "status"), "the group's meet-up"),
    KeptText("meetupseries", ("title", "place", "notes", "every"), "the group's series"),
    KeptText("resourcerequest", ("kind", "access", "state", "question", "reason_code", "reason"),
             "codes, and the coordinators' own words"),
    KeptText("auditentry", ("action", "detail"), "what was done to which record (details age out: retention)"),
)

HIDDEN = {("calendartoken", "token"), ("calendartoken", "lookup")}  # secrets: an export says they exist only


def references_to(table: str) -> list[Reference]:
    return [reference for reference in REFERENCES if reference.table == table]


def private_chat_columns() -> list[ChatColumn]:
    return [column for column in CHAT_COLUMNS if column.private and column.table != "person"]
