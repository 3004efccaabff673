"""The time-credit ledger's rules: a balance is the sum of its entries; debits never pass the floor."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.credits import (
    Entry,
    EntryKind,
    Given,
    balance,
    by_month_and_category,
    may_debit,
    months_between,
    report_period,
    signed,
    totals,
    transfer_amount_ok,
)

entries = st.lists(st.builds(Entry, st.sampled_from(list(EntryKind)),
                             st.integers(-400, 400).filter(lambda n: n != 0)), max_size=50)


@given(entries)
def test_a_balance_is_the_sum_of_its_entries(ledger):
    assert balance(ledger) == sum(entry.quarters for entry in ledger)
    assert balance([*ledger, Entry(EntryKind.ADJUST, 5)]) == balance(ledger) + 5


def test_gifts_and_spends_are_debits_and_an_adjustment_keeps_its_sign():
    assert signed(EntryKind.GIFT_OUT, 4) == -4 and signed(EntryKind.SPEND, 4) == -4
    assert signed(EntryKind.EARN, 4) == 4 and signed(EntryKind.GIFT_IN, 4) == 4
    assert signed(EntryKind.ADJUST, -3) == -3 and signed(EntryKind.ADJUST, 3) == 3


@given(st.integers(-100, 100), st.integers(1, 100), st.integers(0, 50))
def test_a_debit_never_takes_a_balance_below_the_overdraft(current, amount, overdraft):
    assert may_debit(current, amount, overdraft) == (current - amount >= -overdraft)


def test_without_an_overdraft_a_gift_cannot_go_negative():
    assert may_debit(4, 4) and not may_debit(4, 5) and not may_debit(0, 1)
    assert not may_debit(10, 0)  # giving nothing is not a gift


def test_transfers_are_positive_and_not_absurd():
    assert transfer_amount_ok(1) and transfer_amount_ok(960)
    assert not transfer_amount_ok(0) and not transfer_amount_ok(-4) and not transfer_amount_ok(961)


def test_totals_count_members_hours_and_activities_once_each():
    rows = [Given(1, date(2026, 9, 5), "driving", 8, "m1"), Given(2, date(2026, 9, 5), "cooking", 4, "m1"),
            Given(1, date(2026, 10, 1), "admin", 2, "c7")]
    assert totals(rows).members == 2 and totals(rows).quarters == 14 and totals(rows).activities == 2
    assert by_month_and_category(rows) == {(2026, 9): {"driving": 8, "cooking": 4}, (2026, 10): {"admin": 2}}


def test_a_chart_shows_every_month_of_the_period_even_quiet_ones():
    assert months_between(date(2026, 11, 20), date(2027, 2, 1)) == [(2026, 11), (2026, 12), (2027, 1), (2027, 2)]


def test_report_buttons_mean_whole_months_up_to_today():
    today = date(2026, 2, 10)
    assert report_period("this_month", today) == (date(2026, 2, 1), today)
    assert report_period("last_month", today) == (date(2026, 1, 1), date(2026, 1, 31))
    assert report_period("last_3_months", today) == (date(2025, 12, 1), today)
    assert report_period("this_year", today) == (date(2026, 1, 1), today)
