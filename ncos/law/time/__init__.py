"""The legal-time vocabulary: one named, tested helper per time rule in the Acts.

Use these everywhere; never add 365 days for a year, never read the clock.
"""

from ncos.law.time.anniversary import (
    anniversary,
    anniversary_years,
    before_end_of_anniversary_month,
)
from ncos.law.time.custody import OpenSpellError, Spell, extend_excluding_custody, merge
from ncos.law.time.dates import (
    Feb29,
    MissingDay,
    MissingDayError,
    add_months,
    add_years,
    add_years_months,
    age_on,
    birthday,
    last_day_of_month,
)
from ncos.law.time.days import (
    Due,
    at_least_days_before,
    days_late,
    due_within_days_after,
    roll_forward,
    within_days_after,
    within_hours,
)
from ncos.law.time.nonworking import NonWorkingDays
from ncos.law.time.zones import JURISDICTIONS, in_zone, local_date, zone

__all__ = [
    "JURISDICTIONS",
    "Due",
    "Feb29",
    "MissingDay",
    "MissingDayError",
    "NonWorkingDays",
    "OpenSpellError",
    "Spell",
    "add_months",
    "add_years",
    "add_years_months",
    "age_on",
    "anniversary",
    "anniversary_years",
    "at_least_days_before",
    "before_end_of_anniversary_month",
    "birthday",
    "days_late",
    "due_within_days_after",
    "extend_excluding_custody",
    "in_zone",
    "last_day_of_month",
    "local_date",
    "merge",
    "roll_forward",
    "within_days_after",
    "within_hours",
    "zone",
]
