"""Deadlines counted in days or hours.

"Within 7 days after the day X happens": the day X happens is not counted (Legislation Act 2001
(ACT) s 151 (1); Interpretation Act 1987 (NSW) s 36 (1)), so the last day is X + 7 days. If that
day is not a working day and the governing interpretation Act applies to the rule, the thing may be
done on the next working day. "Within 24 hours" is elapsed time and is never rolled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from ncos.law.explain import Citation
from ncos.law.time.nonworking import NonWorkingDays


@dataclass(frozen=True, slots=True)
class Due:
    """A last day for doing something, and how it was reached.

    `unrolled` is the last day by plain counting; `day` is the last day after any roll-forward past
    non-working days. `citations` holds the interpretation-Act provision only when a roll happened,
    so an explanation never cites a roll-forward that did not occur.
    """

    day: date
    unrolled: date
    citations: tuple[Citation, ...] = ()
    reason: str | None = None

    @property
    def rolled(self) -> bool:
        return self.day != self.unrolled


def roll_forward(day: date, non_working: NonWorkingDays | None) -> Due:
    """Move a last day that is not a working day to the next working day.

    `non_working=None` means the roll-forward does not apply to this rule.

    >>> act = NonWorkingDays.for_jurisdiction("ACT")
    >>> d = roll_forward(date(2026, 1, 26), act)     # Australia Day, a Monday
    >>> d.day, d.rolled, [c.label for c in d.citations]
    (datetime.date(2026, 1, 27), True, ['Legislation Act 2001 (ACT) s 151A'])
    >>> roll_forward(date(2026, 1, 26), None).day
    datetime.date(2026, 1, 26)
    """
    if non_working is None or non_working.is_working_day(day):
        return Due(day, day)
    rolled = non_working.next_working_day(day)
    reason = (
        f"{non_working.describe(day)}, so the last day moves to the next working day, "
        f"{rolled.isoformat()}"
    )
    return Due(rolled, day, (non_working.citation,), reason)


def due_within_days_after(trigger: date, n: int, *, non_working: NonWorkingDays | None) -> Due:
    """`within_days_after` with the reasoning kept (see `Due`).

    >>> act = NonWorkingDays.for_jurisdiction("ACT")
    >>> due_within_days_after(date(2026, 2, 28), 7, non_working=act).day   # 7 Mar is a Saturday
    datetime.date(2026, 3, 10)
    """
    if n < 0:
        raise ValueError("a number of days must not be negative")
    return roll_forward(trigger + timedelta(days=n), non_working)


def within_days_after(trigger: date, n: int, *, non_working: NonWorkingDays | None) -> date:
    """The last day of "within `n` days after the day `trigger` happens".

    The trigger day is not counted, so the last day is `trigger` + `n` days; it is rolled to the
    next working day when `non_working` is given (the governing interpretation Act applies and the
    rule does not exclude it).

    >>> within_days_after(date(2026, 2, 20), 7, non_working=None)
    datetime.date(2026, 2, 27)
    >>> act = NonWorkingDays.for_jurisdiction("ACT")
    >>> within_days_after(date(2026, 2, 20), 7, non_working=act)   # Fri 27 Feb: working day
    datetime.date(2026, 2, 27)
    >>> within_days_after(date(2026, 2, 21), 7, non_working=act)   # Sat 28 Feb -> Mon 2 Mar
    datetime.date(2026, 3, 2)
    >>> within_days_after(date(2026, 12, 19), 7, non_working=act)  # 26 Dec Boxing Day -> 29 Dec
    datetime.date(2026, 12, 29)
    """
    return due_within_days_after(trigger, n, non_working=non_working).day


def within_hours(trigger: datetime, hours: int) -> datetime:
    """The last moment of "within `hours` hours after" `trigger`: elapsed time, never rolled.

    The result is in the trigger's zone. Elapsed time is counted on absolute time, so a
    daylight-saving change inside the window does not add or remove an hour.

    >>> from zoneinfo import ZoneInfo
    >>> syd = ZoneInfo("Australia/Sydney")
    >>> within_hours(datetime(2026, 2, 20, 15, 30, tzinfo=syd), 24).isoformat()
    '2026-02-21T15:30:00+11:00'
    >>> within_hours(datetime(2026, 4, 4, 12, 0, tzinfo=syd), 24).isoformat()  # DST ends 5 Apr
    '2026-04-05T11:00:00+10:00'
    """
    if trigger.tzinfo is None:
        raise ValueError("a date-time must carry a UTC offset")
    if hours < 0:
        raise ValueError("a number of hours must not be negative")
    tz = trigger.tzinfo
    return (trigger.astimezone(UTC) + timedelta(hours=hours)).astimezone(tz)


def at_least_days_before(event: date, n: int) -> date:
    """The last day on which something can be done "at least `n` days before" `event`.

    The event day is not counted and the period of `n` days before it ends on the day before it
    (Legislation Act 2001 (ACT) s 151; compare Acts Interpretation Act 1901 (Cth) s 36, example 7:
    the 7-day period before 8 May runs from 1 May to 7 May). Giving notice on the first day of that
    period is giving it `n` days before, so the last day is `event` − `n` days.

    >>> at_least_days_before(date(2026, 4, 10), 7)
    datetime.date(2026, 4, 3)
    >>> at_least_days_before(date(2026, 3, 1), 1)
    datetime.date(2026, 2, 28)
    """
    if n < 0:
        raise ValueError("a number of days must not be negative")
    return event - timedelta(days=n)


def days_late(due: date, done: date) -> int:
    """Whole days by which `done` is after `due` (0 if on or before it).

    >>> days_late(date(2026, 2, 27), date(2026, 3, 2))
    3
    >>> days_late(date(2026, 2, 27), date(2026, 2, 1))
    0
    """
    return max(0, (done - due).days)
