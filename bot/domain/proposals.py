"""What a proposal is allowed to hold, and the states it passes through."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

TITLE_MAX = 100
DESCRIPTION_MAX = 1000
PLACE_MAX = 200
MAX_OPTIONS = 5
SEATS_MAX = 60
MONEY_MAX = 1000  # pounds: a little money, as coordinators approve it
VOTE_DAYS = (1, 3, 7)


class ProposalState(StrEnum):
    OPEN = "open"
    PASSED = "passed"
    NOT_PASSED = "not_passed"
    NO_QUORUM = "no_quorum"
    TIE = "tie"  # waiting for the proposer to choose between tied options
    WITHDRAWN = "withdrawn"


FINISHED = frozenset(ProposalState) - {ProposalState.OPEN, ProposalState.TIE}


class TextProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"


def clean_text(text: str) -> str:
    """NFC-normalised, trimmed, with control characters (except new lines) removed."""
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if ch == "\n" or ch.isprintable()).strip()


def check_text(text: str, limit: int, *, required: bool = True) -> TextProblem | None:
    if required and not text:
        return TextProblem.EMPTY
    return TextProblem.TOO_LONG if len(text) > limit else None


@dataclass
class Needs:
    """What an activity needs from the organisation; becomes resource requests once it passes."""

    room: bool = False
    transport_seats: int = 0
    money: int = 0  # whole pounds

    def to_dict(self) -> dict[str, int | bool]:
        return {"room": self.room, "transport_seats": self.transport_seats, "money": self.money}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Needs:
        return cls(bool(data.get("room")), _whole(data.get("transport_seats")), _whole(data.get("money")))

    @property
    def any(self) -> bool:
        return self.room or self.transport_seats > 0 or self.money > 0


def _whole(value: object) -> int:
    return value if isinstance(value, int) and value > 0 else 0


def read_amount(text: str, limit: int) -> int | None:
    """A whole number typed by a person ("8", "£20", "20.00"), or None if it isn't one within 1..limit."""
    cleaned = text.strip().lstrip("£").replace(",", "")
    if cleaned.endswith((".00", ".0")):
        cleaned = cleaned.rsplit(".", 1)[0]
    if not cleaned.isdigit():
        return None
    amount = int(cleaned)
    return amount if 1 <= amount <= limit else None


@dataclass
class Draft:
    """A proposal being written in a private chat, step by step (kept in ConversationState.data)."""

    group_chat_id: int
    title: str = ""
    description: str = ""
    options: list[datetime] = field(default_factory=list)
    place: str = ""
    needs: Needs = field(default_factory=Needs)
    vote_days: int = 7
    closes_at: datetime | None = None  # the close the proposer saw and chose at review

    def add_option(self, moment: datetime) -> bool:
        """Add a date option; False if it is already there or the list is full."""
        if moment in self.options or len(self.options) >= MAX_OPTIONS:
            return False
        self.options.append(moment)
        self.options.sort()
        return True


def draft_to_data(draft: Draft) -> dict[str, object]:
    return {
        "group": draft.group_chat_id, "title": draft.title, "description": draft.description,
        "options": [moment.isoformat() for moment in draft.options], "place": draft.place,
        "needs": draft.needs.to_dict(), "vote_days": draft.vote_days,
        "closes_at": draft.closes_at.isoformat() if draft.closes_at else None,
    }


def draft_from_data(data: dict[str, object]) -> Draft:
    options = data.get("options")
    needs = data.get("needs")
    days = data.get("vote_days")
    closes_at = data.get("closes_at")
    return Draft(
        group_chat_id=int(str(data["group"])),
        title=str(data.get("title") or ""),
        description=str(data.get("description") or ""),
        options=[datetime.fromisoformat(str(value)) for value in options] if isinstance(options, list) else [],
        place=str(data.get("place") or ""),
        needs=Needs.from_dict(needs) if isinstance(needs, dict) else Needs(),
        vote_days=days if isinstance(days, int) and days in VOTE_DAYS else 7,
        closes_at=datetime.fromisoformat(closes_at) if isinstance(closes_at, str) else None,
    )
