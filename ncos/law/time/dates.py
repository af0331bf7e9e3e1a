"""Adding years and months to a date, with an explicit policy for days the calendar lacks.

Adding 15 years to 29 February 2024 lands on a day that does not exist (29 February 2039). The
helpers refuse to guess: the caller states the policy (`Feb29.ROUND_DOWN` to the last day of the
month, `Feb29.ROUND_UP` to the first day of the next month, `Feb29.ABORT` to raise), and the rule
that states it cites why. The same policy decides 31 August + 6 months. Never add 365 days.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import Enum


class Feb29(Enum):
    """What to do when the corresponding day does not exist in the target month."""

    ROUND_DOWN = "round_down"
    """Use the last day of the target month (29 Feb 2024 + 1 year = 28 Feb 2025)."""
    ROUND_UP = "round_up"
    """Use the first day of the following month (29 Feb 2024 + 1 year = 1 Mar 2025)."""
    ABORT = "abort"
    """Raise `MissingDayError`: the rule has not said what it wants."""


MissingDay = Feb29
"""Alias: the policy applies to any missing day (31 Aug + 6 months), not only 29 February."""


class MissingDayError(ValueError):
    """The corresponding day does not exist and the rule gave no policy."""


def _build(year: int, month: int, day: int, policy: Feb29) -> date:
    last = calendar.monthrange(year, month)[1]
    if day <= last:
        return date(year, month, day)
    if policy is Feb29.ROUND_DOWN:
        return date(year, month, last)
    if policy is Feb29.ROUND_UP:
        return date(year, month, last) + timedelta(days=1)
    raise MissingDayError(
        f"{year:04d}-{month:02d}-{day:02d} does not exist and no rounding policy was given"
    )


def add_years(d: date, n: int, *, feb29: Feb29) -> date:
    """The same day and month `n` years later (or earlier, for negative `n`).

    >>> add_years(date(2025, 1, 10), 15, feb29=Feb29.ABORT)
    datetime.date(2040, 1, 10)
    >>> add_years(date(2024, 2, 29), 15, feb29=Feb29.ROUND_UP)
    datetime.date(2039, 3, 1)
    >>> add_years(date(2024, 2, 29), 15, feb29=Feb29.ROUND_DOWN)
    datetime.date(2039, 2, 28)
    >>> add_years(date(2024, 2, 29), 4, feb29=Feb29.ABORT)
    datetime.date(2028, 2, 29)
    >>> add_years(date(2024, 2, 29), 1, feb29=Feb29.ABORT)
    Traceback (most recent call last):
    ...
    ncos.law.time.dates.MissingDayError: 2025-02-29 does not exist and no rounding policy was given
    """
    return _build(d.year + n, d.month, d.day, feb29)


def add_months(d: date, n: int, *, feb29: Feb29) -> date:
    """The same day of the month `n` months later (or earlier, for negative `n`).

    >>> add_months(date(2025, 1, 10), 90, feb29=Feb29.ABORT)     # 7 years 6 months
    datetime.date(2032, 7, 10)
    >>> add_months(date(2025, 8, 31), 6, feb29=Feb29.ROUND_DOWN)
    datetime.date(2026, 2, 28)
    >>> add_months(date(2025, 8, 31), 6, feb29=Feb29.ROUND_UP)
    datetime.date(2026, 3, 1)
    """
    index = d.year * 12 + (d.month - 1) + n
    return _build(index // 12, index % 12 + 1, d.day, feb29)


def add_years_months(d: date, years: int, months: int, *, feb29: Feb29) -> date:
    """`years` years and `months` months later, as one step (so the day is only rounded once).

    >>> add_years_months(date(2024, 2, 29), 7, 6, feb29=Feb29.ABORT)
    datetime.date(2031, 8, 29)
    """
    return add_months(d, years * 12 + months, feb29=feb29)


def last_day_of_month(year: int, month: int) -> date:
    """>>> last_day_of_month(2028, 2)
    datetime.date(2028, 2, 29)
    """
    return date(year, month, calendar.monthrange(year, month)[1])


def birthday(date_of_birth: date, age: int, *, feb29: Feb29) -> date:
    """The day a person born on `date_of_birth` turns `age`.

    >>> birthday(date(2008, 2, 29), 18, feb29=Feb29.ROUND_UP)
    datetime.date(2026, 3, 1)
    """
    return add_years(date_of_birth, age, feb29=feb29)


def age_on(date_of_birth: date, day: date) -> int:
    """Age in whole years on `day`. A person born on 29 February turns a year older on 1 March in a
    common year (the anniversary has not arrived on 28 February).

    >>> age_on(date(2008, 6, 30), date(2026, 6, 29))
    17
    >>> age_on(date(2008, 6, 30), date(2026, 6, 30))
    18
    >>> age_on(date(2008, 2, 29), date(2026, 2, 28))
    17
    >>> age_on(date(2008, 2, 29), date(2026, 3, 1))
    18
    """
    years = day.year - date_of_birth.year
    if (day.month, day.day) < (date_of_birth.month, date_of_birth.day):
        years -= 1
    return years
