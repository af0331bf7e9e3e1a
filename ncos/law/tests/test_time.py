"""The time vocabulary: boundaries by hand, properties by hypothesis."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ncos.law.time import (
    JURISDICTIONS,
    Feb29,
    MissingDayError,
    NonWorkingDays,
    OpenSpellError,
    Spell,
    add_months,
    add_years,
    age_on,
    at_least_days_before,
    before_end_of_anniversary_month,
    due_within_days_after,
    extend_excluding_custody,
    last_day_of_month,
    local_date,
    merge,
    roll_forward,
    within_days_after,
    within_hours,
    zone,
)

ACT = NonWorkingDays.for_jurisdiction("ACT")
NSW = NonWorkingDays.for_jurisdiction("NSW")
SYD = ZoneInfo("Australia/Sydney")

days = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
policies = st.sampled_from([Feb29.ROUND_DOWN, Feb29.ROUND_UP])
codes = st.sampled_from(JURISDICTIONS)


# --- within_days_after -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("trigger", "expected"),
    [
        (date(2026, 2, 20), date(2026, 2, 27)),  # Fri -> Fri
        (date(2026, 2, 21), date(2026, 3, 2)),  # lands Sat 28 Feb -> Mon 2 Mar
        (date(2026, 2, 22), date(2026, 3, 2)),  # lands Sun 1 Mar -> Mon 2 Mar
        (date(2026, 3, 2), date(2026, 3, 10)),  # lands Mon 9 Mar, Canberra Day -> Tue
        (date(2026, 12, 18), date(2026, 12, 29)),  # Fri 25 Dec; Sat, Sun, Mon 28 (Boxing obs.)
        (date(2026, 3, 27), date(2026, 4, 7)),  # Fri 3 Apr Good Friday .. Mon 6 Apr Easter Monday
    ],
)
def test_within_days_after_act(trigger: date, expected: date) -> None:
    assert within_days_after(trigger, 7, non_working=ACT) == expected


def test_within_days_after_without_roll() -> None:
    assert within_days_after(date(2026, 2, 21), 7, non_working=None) == date(2026, 2, 28)


def test_canberra_day_is_not_a_nsw_holiday() -> None:
    assert within_days_after(date(2026, 3, 2), 7, non_working=NSW) == date(2026, 3, 9)


def test_nsw_bank_holiday_is_not_a_business_day() -> None:
    assert not NSW.is_working_day(date(2026, 8, 3))
    assert ACT.is_working_day(date(2026, 8, 3))


def test_roll_cites_only_when_rolled() -> None:
    plain = due_within_days_after(date(2026, 2, 20), 7, non_working=ACT)
    assert not plain.rolled
    assert plain.citations == ()
    rolled = due_within_days_after(date(2026, 2, 21), 7, non_working=ACT)
    assert rolled.rolled
    assert [c.label for c in rolled.citations] == ["Legislation Act 2001 (ACT) s 151A"]
    assert rolled.reason is not None
    assert "Saturday" in rolled.reason


def test_interpretation_citations() -> None:
    assert NSW.citation.label == "Interpretation Act 1987 (NSW) s 36"
    for code in ("NT", "QLD", "SA", "TAS", "VIC", "WA"):
        assert NonWorkingDays.for_jurisdiction(code).citation.label == "national model assumption"


def test_half_day_holidays_are_working_days() -> None:
    # Christmas Eve from 7pm (NT, SA) is a partial holiday, not a non-working day.
    assert NonWorkingDays.for_jurisdiction("SA").is_working_day(date(2026, 12, 24))


def test_unknown_jurisdiction() -> None:
    with pytest.raises(ValueError, match="unknown jurisdiction"):
        NonWorkingDays.for_jurisdiction("NZ")


def test_negative_days_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        within_days_after(date(2026, 1, 1), -1, non_working=None)


@given(days, st.integers(0, 60), codes)
def test_due_is_never_before_trigger(trigger: date, n: int, code: str) -> None:
    nwd = NonWorkingDays.for_jurisdiction(code)
    assert within_days_after(trigger, n, non_working=nwd) >= trigger + timedelta(days=n)


@given(days, st.integers(0, 60), codes)
def test_rolled_day_is_working_and_first_such(trigger: date, n: int, code: str) -> None:
    nwd = NonWorkingDays.for_jurisdiction(code)
    due = due_within_days_after(trigger, n, non_working=nwd)
    assert nwd.is_working_day(due.day)
    d = due.unrolled
    while d < due.day:  # every day skipped was a non-working day: never more than the run
        assert not nwd.is_working_day(d)
        d += timedelta(days=1)
    assert (due.day - due.unrolled).days <= 6  # no holiday run in Australia is longer


@given(days, codes)
def test_roll_forward_is_idempotent(day: date, code: str) -> None:
    nwd = NonWorkingDays.for_jurisdiction(code)
    once = roll_forward(day, nwd).day
    assert roll_forward(once, nwd).day == once


# --- within_hours ----------------------------------------------------------------------------
def test_within_hours_is_elapsed_time_across_dst_start() -> None:
    # DST starts 2am Sun 4 Oct 2026 in Sydney: 24 elapsed hours end at 13:00 local time.
    start = datetime(2026, 10, 3, 12, 0, tzinfo=SYD)
    end = within_hours(start, 24)
    assert end.isoformat() == "2026-10-04T13:00:00+11:00"
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=24)


def test_within_hours_is_never_rolled() -> None:
    # Friday evening + 24 hours is Saturday evening, even though Saturday is not a working day.
    assert within_hours(datetime(2026, 2, 20, 18, 0, tzinfo=SYD), 24).date() == date(2026, 2, 21)


def test_within_hours_needs_offset() -> None:
    with pytest.raises(ValueError, match="offset"):
        within_hours(datetime(2026, 2, 20, 18, 0), 24)  # noqa: DTZ001


@given(
    st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2080, 1, 1), timezones=st.just(SYD)
    ),
    st.integers(0, 240),
)
def test_within_hours_elapsed(start: datetime, hours: int) -> None:
    end = within_hours(start, hours)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=hours)


# --- at_least_days_before --------------------------------------------------------------------
def test_at_least_days_before() -> None:
    assert at_least_days_before(date(2026, 4, 10), 7) == date(2026, 4, 3)
    assert at_least_days_before(date(2026, 3, 3), 7) == date(2026, 2, 24)


@given(days, st.integers(0, 60))
def test_at_least_days_before_round_trip(event: date, n: int) -> None:
    last = at_least_days_before(event, n)
    assert last <= event
    assert within_days_after(last, n, non_working=None) == event


# --- add_years / add_months ------------------------------------------------------------------
def test_add_years_leap_day_policies() -> None:
    assert add_years(date(2024, 2, 29), 15, feb29=Feb29.ROUND_UP) == date(2039, 3, 1)
    assert add_years(date(2024, 2, 29), 15, feb29=Feb29.ROUND_DOWN) == date(2039, 2, 28)
    assert add_years(date(2024, 2, 29), 16, feb29=Feb29.ABORT) == date(2040, 2, 29)
    with pytest.raises(MissingDayError):
        add_years(date(2024, 2, 29), 15, feb29=Feb29.ABORT)


def test_add_months_month_ends() -> None:
    assert add_months(date(2025, 1, 31), 1, feb29=Feb29.ROUND_DOWN) == date(2025, 2, 28)
    assert add_months(date(2025, 1, 31), 1, feb29=Feb29.ROUND_UP) == date(2025, 3, 1)
    assert add_months(date(2025, 12, 15), 1, feb29=Feb29.ABORT) == date(2026, 1, 15)
    assert add_months(date(2025, 1, 15), -1, feb29=Feb29.ABORT) == date(2024, 12, 15)
    with pytest.raises(MissingDayError):
        add_months(date(2025, 3, 31), 6, feb29=Feb29.ABORT)


@given(days, st.integers(-40, 40), policies)
def test_add_years_round_trip_where_calendar_allows(d: date, n: int, policy: Feb29) -> None:
    there = add_years(d, n, feb29=policy)
    assert there.year == d.year + n or (there.month, there.day) == (3, 1)
    if (d.month, d.day) != (2, 29):
        assert add_years(there, -n, feb29=Feb29.ABORT) == d


@given(days, st.integers(-480, 480), policies)
def test_add_months_round_trip_where_calendar_allows(d: date, n: int, policy: Feb29) -> None:
    there = add_months(d, n, feb29=policy)
    if d.day <= 28:
        assert there.day == d.day
        assert add_months(there, -n, feb29=Feb29.ABORT) == d


@given(days, st.integers(1, 40))
def test_add_years_never_adds_365(d: date, n: int) -> None:
    there = add_years(d, n, feb29=Feb29.ROUND_UP)
    assert (there.month, there.day) == (d.month, d.day) or (d.month, d.day) == (2, 29)


@given(days, days)
def test_age_on_matches_add_years(dob: date, day: date) -> None:
    if day < dob:
        return
    age = age_on(dob, day)
    assert add_years(dob, age, feb29=Feb29.ROUND_UP) <= day
    assert add_years(dob, age + 1, feb29=Feb29.ROUND_UP) > day


# --- anniversaries ---------------------------------------------------------------------------
def test_s37_example() -> None:
    # ACT s 37 example: first report 14 October 2015 -> 31 October 2016, 31 October 2017.
    assert before_end_of_anniversary_month(date(2015, 10, 14), 2016) == date(2016, 10, 31)
    assert before_end_of_anniversary_month(date(2015, 10, 14), 2017) == date(2017, 10, 31)


def test_anniversary_of_leap_day_needs_policy() -> None:
    with pytest.raises(MissingDayError):
        before_end_of_anniversary_month(date(2024, 2, 29), 2025)


@given(days, st.integers(1, 30), policies)
def test_anniversary_month_end_is_a_month_end(anchor: date, k: int, policy: Feb29) -> None:
    due = before_end_of_anniversary_month(anchor, anchor.year + k, feb29=policy)
    assert due == last_day_of_month(due.year, due.month)
    assert due.year == anchor.year + k


# --- custody ---------------------------------------------------------------------------------
def test_extension_brings_later_spell_in() -> None:
    spells = [
        Spell(date(2030, 1, 1), date(2030, 1, 11)),
        Spell(date(2030, 1, 15), date(2030, 1, 20)),
    ]
    assert extend_excluding_custody(date(2030, 1, 10), spells, start=date(2025, 1, 1)) == date(
        2030, 1, 25
    )


def test_spell_before_start_does_not_count() -> None:
    spells = [Spell(date(2024, 1, 1), date(2024, 2, 1))]
    assert extend_excluding_custody(date(2030, 1, 10), spells, start=date(2025, 1, 1)) == date(
        2030, 1, 10
    )


def test_spell_straddling_start_counts_from_start() -> None:
    spells = [Spell(date(2024, 12, 22), date(2025, 1, 11))]
    assert extend_excluding_custody(date(2030, 1, 10), spells, start=date(2025, 1, 1)) == date(
        2030, 1, 20
    )


def test_open_spell_inside_period() -> None:
    with pytest.raises(OpenSpellError):
        extend_excluding_custody(date(2030, 1, 10), [Spell(date(2026, 1, 1))])
    # an open spell starting after the (extended) end does not matter
    assert extend_excluding_custody(date(2030, 1, 10), [Spell(date(2031, 1, 1))]) == date(
        2030, 1, 10
    )


def test_bad_spell() -> None:
    with pytest.raises(ValueError, match="cannot end before"):
        Spell(date(2026, 1, 2), date(2026, 1, 1))


spells_st = st.lists(
    st.tuples(st.dates(date(2020, 1, 1), date(2040, 1, 1)), st.integers(0, 400)).map(
        lambda t: Spell(t[0], t[0] + timedelta(days=t[1]))
    ),
    max_size=6,
)


@given(st.dates(date(2020, 1, 1), date(2035, 1, 1)), spells_st)
@settings(max_examples=200)
def test_extension_is_a_fixed_point(end: date, spells: list[Spell]) -> None:
    start = date(2020, 1, 1)
    merged = merge(spells)
    extended = extend_excluding_custody(end, merged, start=start)
    assert extended >= end
    counted = sum(s.days_within(start, extended) for s in merged)
    assert extended == end + timedelta(days=counted)


@given(spells_st)
def test_merge_never_overlaps(spells: list[Spell]) -> None:
    merged = merge(spells)
    for a, b in zip(merged, merged[1:], strict=False):
        assert a.end is not None
        assert a.end < b.start


# --- zones -----------------------------------------------------------------------------------
def test_local_date_in_perth_and_sydney() -> None:
    moment = datetime(2026, 2, 20, 14, 30, tzinfo=UTC)
    assert local_date(moment, "ACT") == date(2026, 2, 21)
    assert local_date(moment, "WA") == date(2026, 2, 20)
    assert zone("NT").key == "Australia/Darwin"
