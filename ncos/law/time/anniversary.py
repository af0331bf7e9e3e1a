"""Anniversaries: "before the end of the month in the year when the anniversary of the day … falls".

An anniversary of 29 February in a common year does not exist; the caller states the policy
(`Feb29`) and cites why, as for `add_years`.
"""

from __future__ import annotations

from datetime import date

from ncos.law.time.dates import Feb29, add_years, last_day_of_month


def anniversary(anchor: date, year: int, *, feb29: Feb29 = Feb29.ABORT) -> date:
    """The anniversary of `anchor` in `year`.

    >>> anniversary(date(2015, 10, 14), 2016)
    datetime.date(2016, 10, 14)
    >>> anniversary(date(2024, 2, 29), 2025, feb29=Feb29.ROUND_DOWN)
    datetime.date(2025, 2, 28)
    """
    return add_years(anchor, year - anchor.year, feb29=feb29)


def before_end_of_anniversary_month(anchor: date, year: int, *, feb29: Feb29 = Feb29.ABORT) -> date:
    """The last day of the month, in `year`, in which the anniversary of `anchor` falls.

    ACT s 37 example: first report on 14 October 2015, so the report is due on or before
    31 October 2016, 31 October 2017 and so on.

    >>> before_end_of_anniversary_month(date(2015, 10, 14), 2016)
    datetime.date(2016, 10, 31)
    >>> before_end_of_anniversary_month(date(2015, 10, 14), 2017)
    datetime.date(2017, 10, 31)
    >>> before_end_of_anniversary_month(date(2024, 2, 29), 2025, feb29=Feb29.ROUND_DOWN)
    datetime.date(2025, 2, 28)
    >>> before_end_of_anniversary_month(date(2024, 2, 29), 2025, feb29=Feb29.ROUND_UP)
    datetime.date(2025, 3, 31)
    >>> before_end_of_anniversary_month(date(2024, 2, 29), 2028)
    datetime.date(2028, 2, 29)
    """
    day = anniversary(anchor, year, feb29=feb29)
    return last_day_of_month(day.year, day.month)


def anniversary_years(anchor: date, last: date) -> range:
    """The years after `anchor`'s year up to and including `last`'s year.

    >>> list(anniversary_years(date(2015, 10, 14), date(2018, 1, 1)))
    [2016, 2017, 2018]
    """
    return range(anchor.year + 1, last.year + 1)
