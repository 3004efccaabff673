"""Where Criw keeps things about a person, and what /mydata and /forgetme do with each: the registry.

Data rights are driven by this table, not by code per feature. Every column that points at a person
(a foreign key to person.id) and every column holding a Telegram chat id (a private chat's id is the
person's Telegram id) is listed here with what erasure does to it, and so is every text column of every
table (WORDS): the words a person typed are blanked or marked as removed when they are erased, wherever
they are, and codes and the group's own record are kept, with the reason. tests/integration/
test_personal_data.py walks SQLModel.metadata and fails for any column that isn't covered, so a new
feature registers its tables here.

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
    # (text columns are in WORDS)
    # A row found only through this column is about someone else: /mydata shows just the person's part in it,
    # these columns (no other person's id, words or numbers). Empty: the row is about the person, shown whole.
    part: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChatColumn:
    """A column holding a Telegram chat id. `private`: it may be a person's own chat (their Telegram id);
    erasure deletes those rows."""

    table: str
    column: str
    private: bool
    why: str


class Fate(StrEnum):
    """What erasing a person does to a text column."""

    KEPT = "kept"  # codes, or a group's or the organisation's own record, written in its name
    BLANKED = "blanked"  # emptied where a person named in `by` is erased
    MARKED = "marked"  # replaced by REMOVED where `by` is erased: readers see "removed at the person's request"
    WITH_ROW = "with_row"  # in rows deleted with the person (a DELETE reference)
    TOMBSTONE = "tombstone"  # the person's own row: every column reset (PersonalData._tombstone)


@dataclass(frozen=True)
class Words:
    """Text columns of a table (free text, JSON or codes) and what erasure does to them."""

    table: str
    columns: tuple[str, ...]
    fate: Fate
    why: str
    by: tuple[str, ...] = ()  # BLANKED, MARKED: the person columns whose erasure removes the words


TOMBSTONE_NAME = "Cyn-aelod · Former member"  # what the group sees where an erased person's name was

REFERENCES: tuple[Reference, ...] = (
    Reference("membership", "person_id", Erase.DELETE, "their place in a group; totals count votes and hours"),
    Reference("conversationstate", "person_id", Erase.DELETE, "a half-finished conversation"),
    Reference("calendartoken", "person_id", Erase.DELETE, "their private calendar link"),
    Reference("accessprofile", "person_id", Erase.DELETE, "their access needs"),
    Reference("spokentext", "person_id", Erase.DELETE, "words read out to them"),
    Reference("supporter", "member_id", Erase.DELETE, "their consent for someone to answer for them"),
    Reference("supporter", "supporter_id", Erase.DELETE, "someone's consent for them to answer for them",
              part=("id", "group_id", "consented_at", "revoked_at")),
    Reference("reminder", "person_id", Erase.DELETE, "messages planned for them"),
    Reference("story", "person_id", Erase.DELETE, "what mattered to them at a meet-up: their own story"),
    Reference("creditaccount", "person_id", Erase.KEEP, "the balance is the sum of kept ledger entries",
              {"public_thanks": False}),
    Reference("creditentry", "person_id", Erase.KEEP, "the ledger is append-only and adds up to group totals"),
    Reference("creditentry", "counterpart_id", Erase.KEEP, "the other side of a gift keeps their entry",
              part=("id", "group_id", "at")),
    Reference("creditentry", "actor_id", Erase.KEEP, "who made an entry happen, now anonymous",
              part=("id", "group_id", "kind", "at")),
    Reference("contribution", "person_id", Erase.KEEP, "confirmed hours count in the group's totals"),
    Reference("contribution", "confirmer_id", Erase.KEEP, "a pending one goes to any coordinator instead",
              {"confirmer_id": None}, part=("id", "group_id", "state", "logged_at")),
    Reference("contribution", "logged_by_id", Erase.KEEP, "who logged it, now anonymous",
              part=("id", "group_id", "logged_at")),
    Reference("contribution", "decided_by_id", Erase.KEEP, "who confirmed it, now anonymous",
              part=("id", "group_id", "state", "decided_at")),
    Reference("vote", "person_id", Erase.KEEP, "votes count in decided and open tallies"),
    Reference("rsvp", "person_id", Erase.KEEP, "answers count in meet-up numbers"),
    Reference("attendance", "person_id", Erase.KEEP, "who came counts in reports"),
    Reference("attendance", "marked_by_id", Erase.KEEP, "who ticked it, now anonymous",
              part=("id", "meetup_id", "marked_at")),
    Reference("proposal", "proposer_id", Erase.KEEP, "the group's decision stays on record"),
    Reference("meetup", "organiser_id", Erase.KEEP, "the group's meet-up stays on its calendar"),
    Reference("meetupseries", "organiser_id", Erase.KEEP, "the group's series stays on its calendar"),
    Reference("resourcerequest", "requester_id", Erase.KEEP, "bookings and spending stay on record"),
    Reference("resourcerequest", "decided_by_id", Erase.KEEP, "who decided, now anonymous",
              part=("id", "group_id", "state", "decided_at")),
    Reference("auditentry", "actor_person_id", Erase.KEEP, "an audit trail outlives its actor, anonymously"),
)

CHAT_COLUMNS: tuple[ChatColumn, ...] = (
    ChatColumn("person", "telegram_id", True, "the person themself: replaced by the tombstone"),
    ChatColumn("group", "chat_id", False, "a group's chat"),
    ChatColumn("processedupdate", "update_id", False, "an update number, not a chat"),
    ChatColumn("reminder", "chat_id", True, "a reminder to their private chat"),
    ChatColumn("requestcard", "chat_id", True, "a request shown in a coordinator's private chat"),
)

# Every text column of every table, so a new one can't slip past erasure unclassified
# (tests/integration/test_personal_data.py). Whose words they are decides: words a person typed go with them.
WORDS: tuple[Words, ...] = (
    Words("person", ("display_name", "language", "language_hint", "quiet_start", "quiet_end"), Fate.TOMBSTONE,
          "the person themself"),
    Words("organisation", ("name",), Fate.KEPT, "the organisation's name"),
    Words("group", ("title", "language_mode", "timezone", "reminders_off", "admission"), Fate.KEPT,
          "the group's name, settings and standing"),
    Words("resource", ("kind", "name", "address", "notes", "opening_hours"), Fate.KEPT,
          "the organisation's rooms and vehicles, described in its name"),
    Words("postedit", ("key",), Fate.KEPT, "a code"),
    Words("installation", ("key",), Fate.KEPT, "this installation's random key (calendar UIDs)"),
    Words("processedupdate", ("handler",), Fate.KEPT, "a code"),
    Words("membership", ("role",), Fate.KEPT, "a code"),
    Words("reminder", ("kind", "key", "state", "last_error"), Fate.KEPT, "codes and ids; an error's type, not text"),
    Words("accessprofile", ("needs",), Fate.WITH_ROW, "their access needs"),
    Words("calendartoken", ("token", "lookup"), Fate.WITH_ROW, "their calendar link"),
    Words("conversationstate", ("flow", "step", "data"), Fate.WITH_ROW, "what they were typing"),
    Words("spokentext", ("language", "digest", "text", "file_id"), Fate.WITH_ROW, "words read out to them"),
    Words("grouprule", ("majority", "tie_break"), Fate.KEPT, "codes"),
    Words("story", ("tags", "words", "consent", "state"), Fate.WITH_ROW, "their own story and their choice"),
    Words("vote", ("choice",), Fate.KEPT, "a code"),
    Words("rsvp", ("answer",), Fate.KEPT, "a code"),
    Words("rsvp", ("pickup",), Fate.BLANKED, "where they are picked up", by=("person_id",)),
    Words("creditentry", ("kind",), Fate.KEPT, "a code"),
    Words("creditentry", ("note",), Fate.BLANKED, "about their entry, or typed by the coordinator who made it",
          by=("person_id", "actor_id")),
    Words("contribution", ("category", "state"), Fate.KEPT, "codes"),
    Words("contribution", ("note",), Fate.BLANKED, "about what they did, typed by them or whoever logged it",
          by=("person_id", "logged_by_id")),
    Words("contribution", ("reason",), Fate.BLANKED, "why it wasn't confirmed: about them, typed by the confirmer",
          by=("person_id", "decided_by_id")),
    Words("proposal", ("title", "place"), Fate.KEPT, "what the group voted on, and where: its decision's record"),
    Words("proposal", ("needs", "state"), Fate.KEPT, "codes"),
    Words("proposal", ("closed_reason",), Fate.KEPT,
          "a coordinator's reason for ending a vote early; no column says whose (the audit entry's copy goes)"),
    Words("proposal", ("description",), Fate.MARKED, "their own words about it", by=("proposer_id",)),
    Words("meetup", ("title", "place", "transport"), Fate.KEPT, "what members rely on to turn up"),
    Words("meetup", ("needs", "status"), Fate.KEPT, "codes"),
    Words("meetup", ("notes",), Fate.MARKED, "the organiser's own words (a passed proposal's description)",
          by=("organiser_id",)),
    Words("meetupseries", ("title", "place"), Fate.KEPT, "what members rely on to turn up"),
    Words("meetupseries", ("every",), Fate.KEPT, "a code"),
    Words("meetupseries", ("notes",), Fate.MARKED, "the organiser's own words", by=("organiser_id",)),
    Words("resourcerequest", ("kind", "access", "state", "reason_code"), Fate.KEPT, "codes"),
    Words("resourcerequest", ("note", "pickups", "answer"), Fate.BLANKED, "what they asked for, typed by them",
          by=("requester_id",)),
    Words("resourcerequest", ("question", "reason"), Fate.BLANKED, "typed by the coordinator who decided",
          by=("decided_by_id",)),
    Words("auditentry", ("action",), Fate.KEPT, "what was done to which record"),
    Words("auditentry", ("detail",), Fate.BLANKED, "values and reasons they typed", by=("actor_person_id",)),
)

HIDDEN = {("calendartoken", "token"), ("calendartoken", "lookup")}  # secrets: an export says they exist only


def words_removed_with(table: str) -> list[Words]:
    return [words for words in WORDS if words.table == table and words.by]


def references_to(table: str) -> list[Reference]:
    return [reference for reference in REFERENCES if reference.table == table]


def private_chat_columns() -> list[ChatColumn]:
    return [column for column in CHAT_COLUMNS if column.private and column.table != "person"]
