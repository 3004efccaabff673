"""When a vote really closes, and what it leaves the organisation: nothing shortened silently."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.deadlines import acceptable_close, window

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)  # Saturday
NOTICE = timedelta(days=3)


def test_a_week_long_vote_for_an_event_a_month_away_closes_after_the_week_with_notice_to_spare():
    result = window(NOW, 7, NOW + timedelta(days=30), LONDON, NOTICE, needs_anything=True)
    assert result.closes_at == NOW + timedelta(days=7)
    assert not result.cut_by_start and not result.short_notice and result.notice_close is None


def test_an_event_sooner_than_the_voting_period_closes_two_hours_before_it_and_says_so():
    starts = datetime(2026, 11, 27, 19, 0, tzinfo=UTC)  # Friday, six days away
    result = window(NOW, 7, starts, LONDON, NOTICE, needs_anything=False)
    assert result.closes_at == starts - timedelta(hours=2)
    assert result.cut_by_start and not result.short_notice


def test_a_close_too_near_an_event_that_needs_a_room_offers_the_latest_close_with_notice():
    starts = datetime(2026, 11, 27, 19, 0, tzinfo=UTC)
    result = window(NOW, 7, starts, LONDON, NOTICE, needs_anything=True)
    assert result.short_notice and result.offers_notice_close
    assert result.notice_close == datetime(2026, 11, 24, 19, 0, tzinfo=UTC)


def test_an_event_too_soon_for_any_notice_is_short_with_nothing_to_offer():
    starts = NOW + timedelta(days=2)
    result = window(NOW, 7, starts, LONDON, NOTICE, needs_anything=True)
    assert result.short_notice and result.notice_close is None


def test_the_organisations_own_notice_is_used():
    starts = NOW + timedelta(days=10)
    assert not window(NOW, 7, starts, LONDON, NOTICE, needs_anything=True).short_notice
    assert window(NOW, 7, starts, LONDON, timedelta(days=7), needs_anything=True).short_notice


def test_a_close_the_proposer_saw_must_still_be_an_hour_away_and_before_the_cut_off():
    starts = NOW + timedelta(days=5)
    assert acceptable_close(NOW + timedelta(days=2), NOW, starts)
    assert not acceptable_close(NOW + timedelta(minutes=30), NOW, starts)
    assert not acceptable_close(starts - timedelta(hours=1), NOW, starts)
