"""Non-working days, and the interpretation-Act rule that rolls a last day forward past them.

ACT: "If the last day of a period prescribed or allowed by an Act for doing anything falls on a day
that is not a working day, the thing may be done on the next working day" (Legislation Act 2001
(ACT) s 151A); a working day is a day that is not a Saturday, a Sunday or a public holiday in the
ACT (Legislation Act 2001, dictionary). NSW: Interpretation Act 1987 (NSW) s 36, with "business
day" (s 21) excluding Saturdays, Sundays and public, special and bank holidays. The six other
jurisdictions are handled on the national model: weekends and their public holidays, cited as a
national-model assumption until their interpretation Acts are encoded.

Whether the roll-forward applies to a particular rule is that rule's decision (ACT s 54 (4) turns it
off for the 24-hour child rule); this module only says which days are not working days.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import holidays

from ncos.law.explain import (
    INTERPRETATION_ACT_NSW,
    LEGISLATION_ACT_ACT,
    NATIONAL_MODEL_ASSUMPTION,
    Citation,
)
from ncos.law.time.zones import JURISDICTIONS

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class NonWorkingDays:
    """Saturdays, Sundays and the public holidays of one jurisdiction.

    `citation` is the provision that lets a thing due on a non-working day be done on the next
    working day; cite it only when a date was actually rolled.

    >>> act = NonWorkingDays.for_jurisdiction("ACT")
    >>> act.is_working_day(date(2026, 3, 9))      # Canberra Day
    False
    >>> act.next_working_day(date(2026, 3, 7))    # Saturday -> Tuesday after Canberra Day
    datetime.date(2026, 3, 10)
    >>> act.next_working_day(date(2026, 3, 11))   # a working day stays put
    datetime.date(2026, 3, 11)
    >>> act.citation.label
    'Legislation Act 2001 (ACT) s 151A'
    >>> act.describe(date(2026, 3, 9))
    'Monday 9 March 2026 is Canberra Day, a public holiday in the ACT'
    """

    jurisdiction: str
    citation: Citation
    categories: tuple[str, ...] = ("public",)
    extra_days: frozenset[date] = frozenset()
    """Further non-working days (a proclaimed holiday the `holidays` package does not know yet)."""
    _calendar: holidays.HolidayBase = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.jurisdiction not in JURISDICTIONS:
            raise ValueError(f"unknown jurisdiction {self.jurisdiction!r}")
        cal = holidays.country_holidays(
            "AU", subdiv=self.jurisdiction, categories=self.categories, language="en_AU"
        )
        object.__setattr__(self, "_calendar", cal)

    @staticmethod
    def for_jurisdiction(code: str) -> NonWorkingDays:
        """The non-working days and roll-forward citation for a jurisdiction code."""
        return _for_jurisdiction(code)

    def holiday_name(self, day: date) -> str | None:
        """The name of the public holiday on `day`, or None."""
        if day in self.extra_days:
            return "a proclaimed holiday"
        name = self._calendar.get(day)
        return None if name is None else str(name)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.holiday_name(day) is None

    def next_working_day(self, day: date) -> date:
        """`day` if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def describe(self, day: date) -> str:
        """Why `day` is not a working day, in words for an explanation."""
        stamp = f"{_WEEKDAY_NAMES[day.weekday()]} {day.day} {day:%B} {day.year}"
        name = self.holiday_name(day)
        if name is not None:
            where = (
                f"the {self.jurisdiction}"
                if self.jurisdiction in ("ACT", "NT")
                else self.jurisdiction
            )
            return f"{stamp} is {name}, a public holiday in {where}"
        if day.weekday() >= 5:
            return f"{stamp} is a {_WEEKDAY_NAMES[day.weekday()]}"
        return f"{stamp} is a working day"


@cache
def _for_jurisdiction(code: str) -> NonWorkingDays:
    if code == "ACT":
        return NonWorkingDays("ACT", LEGISLATION_ACT_ACT("s 151A"))
    if code == "NSW":
        # Interpretation Act 1987 (NSW) s 21: a business day is not a public, special or bank
        # holiday, so the NSW Bank Holiday (first Monday in August) is a non-working day there.
        return NonWorkingDays("NSW", INTERPRETATION_ACT_NSW("s 36"), ("public", "bank"))
    if code in JURISDICTIONS:
        return NonWorkingDays(code, NATIONAL_MODEL_ASSUMPTION)
    raise ValueError(f"unknown jurisdiction {code!r}")
