"""The s 122 / s 19B deadline: exactly 14 calendar days after the day asked, that day being the
calendar day in the managing jurisdiction's time zone — across month and year ends, leap days
and daylight-saving changes (no database needed)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ncos.cases.deadlines import day_asked, request_deadline

SYDNEY = ZoneInfo("Australia/Sydney")  # ACT and NSW
PERTH = ZoneInfo("Australia/Perth")
UTC = UTC


def _act(moment: datetime):
    return request_deadline("copy", "ACT", moment, SYDNEY)


@pytest.mark.parametrize(
    ("asked", "due"),
    [
        (datetime(2026, 1, 31, 9, 0, tzinfo=SYDNEY), date(2026, 2, 14)),  # month end
        (datetime(2026, 2, 20, 9, 0, tzinfo=SYDNEY), date(2026, 3, 6)),  # February, 28 days
        (datetime(2028, 2, 20, 9, 0, tzinfo=SYDNEY), date(2028, 3, 5)),  # leap February
        (datetime(2028, 2, 29, 9, 0, tzinfo=SYDNEY), date(2028, 3, 14)),  # asked on 29 Feb
        (datetime(2026, 12, 25, 9, 0, tzinfo=SYDNEY), date(2027, 1, 8)),  # year end
        (datetime(2026, 4, 30, 23, 59, tzinfo=SYDNEY), date(2026, 5, 14)),  # 30-day month
    ],
)
def test_fourteen_calendar_days_across_month_and_year_ends(asked, due):
    deadline = _act(asked)
    assert deadline.received_on == asked.date()
    assert deadline.due == due
    assert (deadline.due - deadline.received_on).days == 14
    assert deadline.statutory is True
    assert "s 122 (2)" in deadline.basis


@pytest.mark.parametrize(
    ("asked", "received_on", "due"),
    [
        # Daylight saving ends in NSW/ACT on Sunday 5 April 2026 (a 25-hour day) …
        (datetime(2026, 3, 28, 10, 0, tzinfo=SYDNEY), date(2026, 3, 28), date(2026, 4, 11)),
        (datetime(2026, 4, 5, 2, 30, tzinfo=SYDNEY), date(2026, 4, 5), date(2026, 4, 19)),
        # … and starts on Sunday 4 October 2026 (a 23-hour day).
        (datetime(2026, 9, 27, 0, 30, tzinfo=SYDNEY), date(2026, 9, 27), date(2026, 10, 11)),
        (datetime(2026, 10, 4, 23, 30, tzinfo=SYDNEY), date(2026, 10, 4), date(2026, 10, 18)),
    ],
)
def test_daylight_saving_changes_do_not_shift_the_day(asked, received_on, due):
    deadline = _act(asked)
    assert (deadline.received_on, deadline.due) == (received_on, due)
    # elapsed hours differ from 14 × 24 across the change; the calendar count does not
    same_time_on_due = datetime.combine(due, asked.time(), tzinfo=SYDNEY)
    elapsed = same_time_on_due.astimezone(UTC) - asked.astimezone(UTC)
    if asked.month == 3:  # the period includes the 25-hour day
        assert elapsed == timedelta(days=14, hours=1)
    if asked.month == 9:  # the period includes the 23-hour day
        assert elapsed == timedelta(days=14, hours=-1)


def test_the_day_asked_is_the_registrys_day_not_utcs():
    # 1 April 2026 01:30 in Sydney (AEDT, +11) is still 31 March in UTC.
    asked = datetime(2026, 3, 31, 14, 30, tzinfo=UTC)
    deadline = _act(asked)
    assert deadline.received_on == date(2026, 4, 1)
    assert deadline.due == date(2026, 4, 15)
    # the same instant is 31 March in Perth (+8): 22:30
    assert day_asked(asked, PERTH) == date(2026, 3, 31)
    wa = request_deadline("copy", "WA", asked, PERTH)
    assert (wa.received_on, wa.due, wa.statutory) == (date(2026, 3, 31), date(2026, 4, 14), False)
    assert "national model assumption" in wa.basis.lower()


def test_nsw_has_no_statutory_period_so_fourteen_days_is_a_target():
    deadline = request_deadline("copy", "NSW", datetime(2026, 1, 31, 9, tzinfo=SYDNEY), SYDNEY)
    assert deadline.due == date(2026, 2, 14)
    assert deadline.statutory is False
    assert "s 19B (2)" in deadline.basis
    assert "as soon as practicable" in deadline.basis


def test_a_correction_has_a_thirty_day_target():
    deadline = request_deadline(
        "correction", "ACT", datetime(2026, 1, 31, 9, tzinfo=SYDNEY), SYDNEY
    )
    assert (deadline.due, deadline.statutory) == (date(2026, 3, 2), False)
    assert "s 122 (3)-(4)" in deadline.basis


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError, match="aware"):
        day_asked(datetime(2026, 1, 1, 9, 0), SYDNEY)  # noqa: DTZ001


@settings(deadline=None, max_examples=300)  # timing-free: the suite may run under load
@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1),  # noqa: DTZ001
        max_value=datetime(2099, 12, 31),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    st.sampled_from(["ACT", "NSW", "VIC", "WA", "NT"]),
)
def test_property_due_is_exactly_fourteen_local_days_after_the_local_day(moment, code):
    zone = {
        "WA": PERTH,
        "NT": ZoneInfo("Australia/Darwin"),
        "VIC": ZoneInfo("Australia/Melbourne"),
    }.get(code, SYDNEY)
    deadline = request_deadline("copy", code, moment, zone)
    assert deadline.received_on == moment.astimezone(zone).date()
    assert deadline.due - deadline.received_on == timedelta(days=14)
