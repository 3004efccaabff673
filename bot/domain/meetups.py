"""Meet-ups: their states, who may still answer, places and the waiting list, and what counts as past."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

TITLE_MAX = 100
PLACE_MAX = 200
NOTES_MAX = 1000
TRANSPORT_MAX = 200
PICKUP_MAX = 200
CAPACITY_MAX = 500
DEFAULT_LENGTH = timedelta(hours=2)
ATTENDANCE_DAYS = timedelta(days=30)  # after the start, attendance can be ticked for this long
CALENDAR_PAST = timedelta(days=60)  # how far back a calendar feed reaches


class MeetupStatus(StrEnum):
    SCHEDULED = "scheduled"
    CHANGED = "changed"  # the time or place moved after it was announced
    CANCELLED = "cancelled"
    DONE = "done"  # it has happened


ON = frozenset({MeetupStatus.SCHEDULED, MeetupStatus.CHANGED})  # still going ahead


class Answer(StrEnum):
    GOING = "going"
    MAYBE = "maybe"
    NO = "no"
    WAITING = "waiting"  # wanted to go, but it was full: first come, first served when a place frees


class Refusal(StrEnum):
    """Why an RSVP (or a change) is not accepted."""

    CANCELLED = "cancelled"
    PAST = "past"
    NOT_YET = "not_yet"  # attendance before the meet-up has started


def ends(starts_at: datetime, ends_at: datetime | None) -> datetime:
    return ends_at if ends_at is not None and ends_at > starts_at else starts_at + DEFAULT_LENGTH


def answer_refused(status: str, starts_at: datetime, now: datetime) -> Refusal | None:
    """People answer only while the meet-up is on and has not started."""
    if status == MeetupStatus.CANCELLED:
        return Refusal.CANCELLED
    if status not in ON or starts_at <= now:
        return Refusal.PAST
    return None


def seat(wanted: Answer, capacity: int | None, others_going: int) -> Answer:
    """What a press of Going gets: a place, or the waiting list when every place is taken."""
    if wanted is Answer.GOING and capacity is not None and others_going >= capacity:
        return Answer.WAITING
    return wanted


def promotions(capacity: int | None, going: int, waiting_in_order: Sequence[int]) -> list[int]:
    """Who on the waiting list (ids, first come first) moves up to Going, now that `going` hold places."""
    if capacity is None:
        return list(waiting_in_order)
    free = max(capacity - going, 0)
    return list(waiting_in_order[:free])


@dataclass(frozen=True)
class Counts:
    """How many gave each answer, and how many need a lift (of those going or maybe)."""

    going: int = 0
    maybe: int = 0
    no: int = 0
    waiting: int = 0
    lifts: int = 0

    @classmethod
    def of(cls, answers: Sequence[tuple[str, bool]]) -> Counts:
        """From (answer, needs_lift) pairs."""
        def count(kind: Answer) -> int:
            return sum(1 for answer, _ in answers if answer == kind)

        lifts = sum(1 for answer, lift in answers if lift and answer in (Answer.GOING, Answer.MAYBE))
        return cls(count(Answer.GOING), count(Answer.MAYBE), count(Answer.NO), count(Answer.WAITING), lifts)


def may_take_attendance(status: str, starts_at: datetime, now: datetime) -> bool:
    """Attendance is ticked once the meet-up has started, for a month, unless it was cancelled."""
    return status != MeetupStatus.CANCELLED and starts_at <= now <= starts_at + ATTENDANCE_DAYS


def read_capacity(text: str) -> int | None:
    """A typed number of places (1..CAPACITY_MAX), or None."""
    cleaned = text.strip()
    return int(cleaned) if cleaned.isdigit() and 1 <= int(cleaned) <= CAPACITY_MAX else None


@dataclass
class MeetupDraft:
    """A meet-up a coordinator is setting up in a private chat, step by step (kept in ConversationState)."""

    group_chat_id: int
    title: str = ""
    starts_at: datetime | None = None
    place: str = ""
    notes: str = ""
    capacity: int | None = None
    every: str = ""  # "" for a one-off, else a bot/domain/recurrence.Every value
    going_by_default: bool = False

    def to_data(self) -> dict[str, object]:
        return {"group": self.group_chat_id, "title": self.title, "place": self.place, "notes": self.notes,
                "starts_at": self.starts_at.isoformat() if self.starts_at else None, "capacity": self.capacity,
                "every": self.every, "going_by_default": self.going_by_default}

    @classmethod
    def from_data(cls, data: dict[str, object]) -> MeetupDraft:
        starts, capacity = data.get("starts_at"), data.get("capacity")
        return cls(
            group_chat_id=int(str(data["group"])), title=str(data.get("title") or ""),
            starts_at=datetime.fromisoformat(starts) if isinstance(starts, str) else None,
            place=str(data.get("place") or ""), notes=str(data.get("notes") or ""),
            capacity=capacity if isinstance(capacity, int) and 0 < capacity <= CAPACITY_MAX else None,
            every=str(data.get("every") or ""), going_by_default=data.get("going_by_default") is True,
        )
