"""What every ACT rule module shares: citations, parameters, the facts as of `as_of`, and the
ACT's way of counting days.

Counting. "Within 7 days after the day X happens (excluding days in government custody)": the day
X happens is not counted (Legislation Act 2001 (ACT) s 151), days in government custody are not
counted, and a last day that is not a working day moves to the next working day (Legislation Act
s 151A) unless the provision excludes that (s 54 (4)). Days in a place are elapsed days: a person
who enters the ACT on day E "has been in the ACT for 7 consecutive days" on day E + 7 (the ACT
notice of reporting obligations: "7 days or more — within 14 days of arrival").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ncos.law.answer import AnswerBuilder
from ncos.law.explain import ACT_CSO, LEGISLATION_ACT_ACT, Citation
from ncos.law.facts import Case, Event
from ncos.law.params import Parameters, load
from ncos.law.rules import custody_spells
from ncos.law.time import (
    NonWorkingDays,
    Spell,
    extend_excluding_custody,
    roll_forward,
    within_hours,
    zone,
)

s = ACT_CSO
"""Cite a provision of the ACT Act: ``s("s 54 (1) (b)")``."""
LA_151 = LEGISLATION_ACT_ACT("s 151")
LA_151A = LEGISLATION_ACT_ACT("s 151A")
GOV_CUSTODY = s("dict, def government custody")


def fmt(day: date) -> str:
    """A day as a registrar reads it: ``Saturday 28 February 2026``."""
    return f"{day:%A} {day.day} {day:%B} {day.year}"


@dataclass(frozen=True, slots=True)
class Deadline:
    """A last day (or last moment) and the provisions that shaped it."""

    day: date
    moment: datetime | None = None
    citations: tuple[Citation, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def due(self) -> date | datetime:
        return self.moment if self.moment is not None else self.day

    def sentence(self) -> str:
        return " ".join(self.notes)


@dataclass(frozen=True, slots=True)
class Absence:
    """A time outside the ACT: left on `start`, back on `end` (None: not back by `as_of`)."""

    start: date
    end: date | None
    to: str | None = None
    source: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass
class ActContext:
    """The facts of a case as they stand on `as_of`, and the ACT's counting helpers."""

    case: Case
    builder: AnswerBuilder
    params: Parameters = field(default_factory=lambda: load("ACT"))
    nwd: NonWorkingDays = field(default_factory=lambda: NonWorkingDays.for_jurisdiction("ACT"))
    events: tuple[Event, ...] = ()
    spells: tuple[Spell, ...] = ()
    counted_spells: tuple[Spell, ...] = ()
    absences: tuple[Absence, ...] = ()
    suspensions: list[tuple[date, date | None]] = field(default_factory=list)
    period_start: date | None = None
    period_end: date | None = None
    life: bool = False
    initial_spell: Spell | None = None
    """The custody the reporting period started after (its end is reported under s 23, not s 56)."""
    coverage: list[tuple[date, date | None]] = field(default_factory=list)
    """Days some reporting period covered (see `PeriodResult.coverage`)."""

    def __post_init__(self) -> None:
        as_of = self.case.as_of
        # Events after `as_of` have not happened yet on the day the question is asked.
        self.events = tuple(e for e in self.case.events if e.day is None or e.day <= as_of)
        visible = Case(
            self.case.jurisdiction, as_of, self.case.person, self.case.offences, self.events
        )
        self.spells = custody_spells(visible)
        # For counting days a spell still open on `as_of` is counted up to `as_of` (each further
        # day in custody moves a deadline on by a day, which the answer says).
        stop = as_of + timedelta(days=1)
        self.counted_spells = tuple(
            sp if sp.end is not None else Spell(sp.start, max(sp.start, stop)) for sp in self.spells
        )

    @property
    def as_of(self) -> date:
        return self.case.as_of

    @property
    def commencement(self) -> date:
        day = self.params.value("commencement")
        if not isinstance(day, date):
            raise TypeError("params/act.yaml: commencement must be a date")
        return day

    @property
    def in_custody_now(self) -> bool:
        return self.in_custody(self.as_of)

    def of(self, *types: str) -> tuple[Event, ...]:
        """Visible events of the given types in the order they happened."""
        dated = sorted(
            (e for e in self.events if e.type in types and e.day is not None),
            key=lambda e: (e.day, e.index),
        )
        undated = [e for e in self.events if e.type in types and e.day is None]
        return (*dated, *undated)

    # -- custody, presence, suspension ------------------------------------------------------
    def in_custody(self, day: date) -> bool:
        return any(sp.contains(day) for sp in self.spells)

    def spell_on(self, day: date) -> Spell | None:
        return next((sp for sp in self.spells if sp.contains(day)), None)

    def outside_act(self, day: date) -> bool:
        return any(a.covers(day) for a in self.absences)

    def suspended(self, day: date) -> bool:
        return any(a <= day and (b is None or day < b) for a, b in self.suspensions)

    def in_period(self, day: date) -> bool:
        """Whether a reporting period covers `day` (the current one, or an earlier one)."""
        for start, end in self.coverage:
            if start <= day and (end is None or day <= end):
                return True
        if self.period_start is None or day < self.period_start:
            return False
        return self.life or self.period_end is None or day <= self.period_end

    def ended_before(self, day: date) -> bool:
        """An earlier reporting period had ended before `day` and none covers it (s 28)."""
        return any(end is not None and end < day for _, end in self.coverage) and not any(
            start < day and (end is None or day <= end) for start, end in self.coverage
        )

    def period_over_before(self, day: date) -> bool:
        """The reporting period ended before `day` (never for life or an unknown end)."""
        return not self.life and self.period_end is not None and self.period_end < day

    # -- counting ----------------------------------------------------------------------------
    def after_days(
        self,
        trigger: date,
        n: int,
        *,
        exclude_custody: bool = True,
        roll: bool = True,
        base: Sequence[Citation] = (),
    ) -> Deadline:
        """The last day of "within `n` days after the day `trigger` (excluding days in government
        custody)", rolled past non-working days unless `roll` is False."""
        cites: list[Citation] = list(base)
        notes: list[str] = []
        last = trigger + timedelta(days=n)
        if exclude_custody:
            extended = extend_excluding_custody(
                last, self.counted_spells, start=trigger + timedelta(days=1)
            )
            if extended != last:
                notes.append(
                    f"Days in government custody are not counted, so the {n} days end on "
                    f"{fmt(extended)} instead of {fmt(last)}."
                )
                cites.append(GOV_CUSTODY)
                last = extended
        if roll:
            rolled = roll_forward(last, self.nwd)
            if rolled.rolled and rolled.reason is not None:
                notes.append(rolled.reason + ".")
                cites.extend(rolled.citations)
            last = rolled.day
        return Deadline(last, None, tuple(cites), tuple(notes))

    def hours_after_day(self, day: date, hours: int, base: Sequence[Citation] = ()) -> Deadline:
        """The last moment of "within `hours` hours after the day `day`": the hours start at the
        end of `day` (Legislation Act s 151: the day is not counted) and are never rolled.
        Days in government custody in between are not counted."""
        start_day = day + timedelta(days=1)
        cites = list(base)
        notes = []
        while any(sp.contains(start_day) for sp in self.counted_spells):
            start_day += timedelta(days=1)
        if start_day != day + timedelta(days=1):
            notes.append("Days in government custody are not counted.")
            cites.append(GOV_CUSTODY)
        start = datetime.combine(start_day, time(0), tzinfo=zone("ACT"))
        end = within_hours(start, hours)
        last_day = (end - timedelta(microseconds=1)).date()
        notes.append(
            f"{hours} hours after the day the change happens ends at midnight at the end of "
            f"{fmt(last_day)}; it is not extended for a weekend or public holiday (s 54 (4))."
        )
        return Deadline(last_day, end, tuple(cites), tuple(notes))

    def stay_day(self, entry: date, n: int) -> date | None:
        """The day a person who entered the ACT on `entry` has been in the ACT for `n`
        consecutive days (excluding days in government custody), or None if they left first."""
        day7 = extend_excluding_custody(
            entry + timedelta(days=n), self.counted_spells, start=entry + timedelta(days=1)
        )
        for a in self.absences:
            if entry <= a.start < day7:
                return None
        return day7
