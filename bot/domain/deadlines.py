"""When a vote really closes, said before anything is posted.

A vote runs for the days the proposer chose, but never past two hours before the activity; and a
proposal that needs a room, transport or money should close early enough for the organisation to
arrange them (its notice, 3 days unless its coordinators change it). Nothing is shortened silently:
`window` says what the chosen period really gives and what the latest sensible close would be, and the
proposer chooses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.decisions import close_after

CLOSE_BEFORE_START = timedelta(hours=2)  # a vote ends before the activity it is about
SHORTEST_VOTE = timedelta(hours=1)
DEFAULT_NOTICE_DAYS = 3
NOTICE_CHOICES = (1, 3, 7, 14)


@dataclass(frozen=True)
class VotingWindow:
    """The chosen period's real close, and what it leaves the organisation."""

    closes_at: datetime  # the period's end, or two hours before the first date if that comes sooner
    cut_by_start: bool  # the period would have run past two hours before the first date
    short_notice: bool  # the organisation gets less than its notice for what the proposal needs
    notice_close: datetime | None  # the latest close that leaves the notice, when that is still possible

    @property
    def offers_notice_close(self) -> bool:
        return self.short_notice and self.notice_close is not None


def window(now: datetime, days: int, first_start: datetime, zone: ZoneInfo, notice: timedelta,
           needs_anything: bool) -> VotingWindow:
    """What voting for `days` days from `now` gives, for a proposal whose first date is `first_start`."""
    chosen = close_after(now, days, zone)
    latest = first_start - CLOSE_BEFORE_START
    closes_at = min(chosen, latest)
    short = needs_anything and first_start - closes_at < notice
    with_notice = first_start - notice
    return VotingWindow(closes_at, chosen > latest, short,
                        with_notice if short and with_notice - now >= SHORTEST_VOTE else None)


def acceptable_close(closes_at: datetime, now: datetime, first_start: datetime) -> bool:
    """A close the proposer saw is still usable when posting: at least an hour away, before the cut-off."""
    return closes_at - now >= SHORTEST_VOTE and closes_at <= first_start - CLOSE_BEFORE_START
