"""Custody spells, and extending a period by the time spent in custody during it.

A spell is the half-open run of days [`start`, `end`): the person entered custody on `start` and
left on `end`, so its length is ``end - start`` days (one night in custody is one day). An open
spell (`end` is None) has not ended. Which spells count (government custody, full-time custody…)
is the calling rule's decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Spell:
    """One period in custody: entered on `start`, left on `end` (None: still in custody)."""

    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValueError("a custody spell cannot end before it starts")

    def contains(self, day: date) -> bool:
        """Whether the person is in custody on `day` (the day of leaving is not counted).

        >>> Spell(date(2026, 5, 1), date(2026, 5, 20)).contains(date(2026, 5, 19))
        True
        >>> Spell(date(2026, 5, 1), date(2026, 5, 20)).contains(date(2026, 5, 20))
        False
        """
        return self.start <= day and (self.end is None or day < self.end)

    def days_within(self, first: date, last: date) -> int:
        """Days of this spell falling within [`first`, `last`] (both included).

        >>> may = Spell(date(2026, 5, 1), date(2026, 5, 20))
        >>> may.days_within(date(2026, 1, 1), date(2030, 1, 1))
        19
        >>> may.days_within(date(2026, 5, 10), date(2030, 1, 1))
        10
        """
        lo = max(self.start, first)
        hi_exclusive = last + timedelta(days=1)
        if self.end is not None:
            hi_exclusive = min(hi_exclusive, self.end)
        return max(0, (hi_exclusive - lo).days)


class OpenSpellError(ValueError):
    """A period cannot be extended by a custody spell that has not ended."""


def extend_excluding_custody(
    end: date, spells: Sequence[Spell], *, start: date | None = None
) -> date:
    """The last day of a period ending on `end`, extended by the days in custody during it.

    Only days from `start` (if given) count. Extending the period can bring a later spell inside
    it, so the extension is repeated until it no longer changes. A spell still open at the
    extended end makes the end unknowable: `OpenSpellError`.

    >>> extend_excluding_custody(date(2040, 1, 9), [Spell(date(2026, 5, 1), date(2026, 5, 20))])
    datetime.date(2040, 1, 28)
    >>> spells = [Spell(date(2030, 1, 1), date(2030, 1, 11)),
    ...           Spell(date(2030, 1, 15), date(2030, 1, 20))]
    >>> extend_excluding_custody(date(2030, 1, 10), spells, start=date(2025, 1, 1))  # 2nd comes in
    datetime.date(2030, 1, 25)
    >>> extend_excluding_custody(date(2030, 1, 10), [], start=date(2025, 1, 1))
    datetime.date(2030, 1, 10)
    """
    first = start if start is not None else date.min
    current = end
    while True:
        counted = [s for s in spells if s.start <= current and (s.end is None or s.end > first)]
        if any(s.end is None for s in counted):
            raise OpenSpellError("the person is still in custody, so the period's end is not known")
        extended = end + timedelta(days=sum(s.days_within(first, current) for s in counted))
        if extended == current:
            return current
        current = extended


def merge(spells: Iterable[Spell]) -> tuple[Spell, ...]:
    """Overlapping or touching spells merged, in order (a day is never counted twice).

    >>> merge([Spell(date(2026, 5, 10), date(2026, 5, 20)),
    ...        Spell(date(2026, 5, 1), date(2026, 5, 12))])
    (Spell(start=datetime.date(2026, 5, 1), end=datetime.date(2026, 5, 20)),)
    """
    out: list[Spell] = []
    for s in sorted(spells, key=lambda s: s.start):
        if out and (out[-1].end is None or s.start <= out[-1].end):
            prev = out[-1]
            end = None if prev.end is None or s.end is None else max(prev.end, s.end)
            out[-1] = Spell(prev.start, end)
        else:
            out.append(s)
    return tuple(out)
