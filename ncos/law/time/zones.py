"""Time zones of the eight Australian jurisdictions.

Date-times in answers are shown in the jurisdiction's zone; arithmetic on elapsed time ("within
24 hours") is done on absolute time so daylight-saving changes do not stretch or shrink it.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

JURISDICTIONS: tuple[str, ...] = ("ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA")
"""The jurisdiction codes the contract knows, in the contract's order."""

_ZONE_NAMES: dict[str, str] = {
    "ACT": "Australia/Sydney",
    "NSW": "Australia/Sydney",
    "NT": "Australia/Darwin",
    "QLD": "Australia/Brisbane",
    "SA": "Australia/Adelaide",
    "TAS": "Australia/Hobart",
    "VIC": "Australia/Melbourne",
    "WA": "Australia/Perth",
}


def zone(jurisdiction: str) -> ZoneInfo:
    """The time zone in which a jurisdiction's law reckons days and hours.

    >>> zone("ACT").key
    'Australia/Sydney'
    >>> zone("WA").key
    'Australia/Perth'
    """
    try:
        return ZoneInfo(_ZONE_NAMES[jurisdiction])
    except KeyError:
        raise ValueError(f"unknown jurisdiction {jurisdiction!r}") from None


def local_date(moment: datetime | date, jurisdiction: str) -> date:
    """The calendar day on which `moment` falls in the jurisdiction (a date is returned as is).

    >>> from datetime import timezone
    >>> local_date(datetime(2026, 2, 20, 14, 0, tzinfo=timezone.utc), "ACT")
    datetime.date(2026, 2, 21)
    >>> local_date(date(2026, 2, 20), "WA")
    datetime.date(2026, 2, 20)
    """
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError("date-times must carry a UTC offset")
        return moment.astimezone(zone(jurisdiction)).date()
    return moment


def in_zone(moment: datetime, jurisdiction: str) -> datetime:
    """`moment` expressed in the jurisdiction's zone (same instant)."""
    if moment.tzinfo is None:
        raise ValueError("date-times must carry a UTC offset")
    return moment.astimezone(zone(jurisdiction))
