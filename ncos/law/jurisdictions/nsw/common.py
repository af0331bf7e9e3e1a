"""What every NSW rule module shares: citations, parameters, the facts as they stand on `as_of`,
and the NSW way of counting time.

Counting. "Within 5 days after" a day: the day itself is not counted — "If in any Act or
instrument a period of time, dating from a given day, act or event, is prescribed or allowed for
any purpose, the time shall be reckoned exclusive of that day or of the day of that act or event"
(Interpretation Act 1987 (NSW) s 36 (1)) — so the last day is the day + 5. "If the last day of a
period of time prescribed or allowed by an Act or instrument for the doing of any thing falls ...
on a Saturday or Sunday, or ... on a day that is a public holiday or bank holiday in the place in
which the thing is to be or may be done, the thing may be done on the first day following" that
is none of those (s 36 (2)). The Child Protection (Offenders Registration) Act 2000 does not
exclude s 36 anywhere; by their nature it does not move an hour limit (s 10A (1) (a) (i), s 11 (2):
the last moment is not a "last day") or a deadline counted back from an event ("at least 7 days
before leaving", s 11A (2); s 11F (2)), where moving the day later would shorten the notice the Act
requires (interpretation NSW-T2). Days in a place are counted the same way: a person who enters
NSW on day E has remained 14 consecutive days at the end of day E + 14.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache

from ncos.law.answer import AnswerBuilder, Period
from ncos.law.explain import INTERPRETATION_ACT_NSW, NSW_CPORA, Citation
from ncos.law.facts import Case, Event
from ncos.law.params import Parameters, load
from ncos.law.rules import custody_spells
from ncos.law.time import (
    JURISDICTIONS,
    NonWorkingDays,
    Spell,
    extend_excluding_custody,
    roll_forward,
    within_hours,
    zone,
)

s = NSW_CPORA
"""Cite a provision of the NSW Act: ``s("s 9A (1)")``."""
IA_36_1 = INTERPRETATION_ACT_NSW("s 36 (1)")
IA_36_2 = INTERPRETATION_ACT_NSW("s 36 (2)")
GOV_CUSTODY = s("s 2B (1)")
"""The definition of "government custody" (s 2B (1))."""


@cache
def nsw_non_working_days() -> NonWorkingDays:
    """Saturdays, Sundays, NSW public holidays and the NSW Bank Holiday, which s 36 (2) (b) of the
    Interpretation Act 1987 (NSW) names ("a public holiday or bank holiday"); cited as s 36 (2),
    the subsection that moves the last day."""
    return NonWorkingDays("NSW", IA_36_2, ("public", "bank"))


def fmt(day: date) -> str:
    """A day as a registrar reads it.

    >>> fmt(date(2026, 3, 7))
    'Saturday 7 March 2026'
    """
    return f"{day:%A} {day.day} {day:%B} {day.year}"


def period_words(period: Period) -> str:
    """A reporting period in words.

    >>> from ncos.law.answer import LIFE
    >>> period_words(Period(7, 6)), period_words(Period(8)), period_words(LIFE)
    ('7 years 6 months', '8 years', 'the remainder of his life')
    """
    if period.life:
        return "the remainder of his life"
    return f"{period.years} years" + (f" {period.months} months" if period.months else "")


@dataclass(frozen=True, slots=True)
class Deadline:
    """A last day (or last moment) and the provisions and reasons that shaped it."""

    day: date
    moment: datetime | None = None
    citations: tuple[Citation, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def due(self) -> date | datetime:
        return self.moment if self.moment is not None else self.day

    def sentence(self) -> str:
        return " ".join(self.notes)


def is_overseas(place: str | None) -> bool:
    """Whether a travel destination is out of Australia.

    Place codes are the contract's jurisdiction codes, ``overseas``, or a name (a foreign
    country). Norfolk Island is in Australia, though travel to it is travel outside NSW (s 2I).

    >>> [is_overseas(p) for p in ("overseas", "QLD", "Fiji", "Norfolk Island")]
    [True, False, True, False]
    """
    if place is None:
        return False
    return not (place in JURISDICTIONS or is_norfolk(place))


def is_norfolk(place: str | None) -> bool:
    return place is not None and "norfolk" in place.lower()


@dataclass(frozen=True, slots=True)
class Absence:
    """A time outside NSW: left on `start`, back on `end` (None: not back, or no return).

    Its length is ``end - start`` days (s 15 (3)). He is outside NSW on the days strictly between:
    on the day he leaves and the day he comes back he is in NSW for part of the day and can report
    there (NSW-S2).
    """

    start: date
    end: date | None
    destination: str | None = None

    def covers(self, day: date) -> bool:
        return self.start < day and (self.end is None or day < self.end)

    @property
    def overseas(self) -> bool:
        return is_overseas(self.destination)


@dataclass
class NswContext:
    """The facts of a case as they stand on `as_of`, and the NSW counting helpers."""

    case: Case
    builder: AnswerBuilder
    params: Parameters = field(default_factory=lambda: load("NSW"))
    nwd: NonWorkingDays = field(default_factory=nsw_non_working_days)
    events: tuple[Event, ...] = ()
    spells: tuple[Spell, ...] = ()
    event_spells: tuple[Spell, ...] = ()
    absences: tuple[Absence, ...] = ()
    suspension_orders: list[tuple[date, date | None]] = field(default_factory=list)
    period_start: date | None = None
    period_end: date | None = None
    life: bool = False
    met_keys: frozenset[str] = frozenset()
    """Obligations a report met in the previous pass (for rules that depend on another
    obligation having been met, s 11F (4))."""

    def __post_init__(self) -> None:
        as_of = self.case.as_of
        # Events after `as_of` have not happened on the day the question is asked; a travel
        # intention with no date of its own is known on that day.
        self.events = tuple(e for e in self.case.events if e.day is None or e.day <= as_of)
        visible = Case(
            self.case.jurisdiction, as_of, self.case.person, self.case.offences, self.events
        )
        self.spells = custody_spells(visible)
        self.event_spells = custody_spells(visible, sentences=False)
        self.absences = _absences(self)

    @property
    def as_of(self) -> date:
        return self.case.as_of

    @property
    def protected(self) -> bool:
        return self.case.person.protected

    def of(self, *types: str) -> tuple[Event, ...]:
        """Visible events of the given types in the order they happened (undated ones last)."""
        dated = sorted(
            (e for e in self.events if e.type in types and e.day is not None),
            key=lambda e: (e.day, e.index),
        )
        undated = [e for e in self.events if e.type in types and e.day is None]
        return (*dated, *undated)

    # -- custody, presence, suspension ------------------------------------------------------
    @property
    def counted_spells(self) -> tuple[Spell, ...]:
        """Custody spells for counting days: one still open on `as_of` counts up to `as_of`."""
        stop = self.as_of + timedelta(days=1)
        return tuple(
            sp if sp.end is not None else Spell(sp.start, max(sp.start, stop)) for sp in self.spells
        )

    def in_custody(self, day: date) -> bool:
        return any(sp.contains(day) for sp in self.spells)

    def spell_on(self, day: date) -> Spell | None:
        return next((sp for sp in self.spells if sp.contains(day)), None)

    def absence_on(self, day: date) -> Absence | None:
        return next((a for a in self.absences if a.covers(day)), None)

    def outside_nsw(self, day: date) -> bool:
        return self.absence_on(day) is not None

    def suspension_order_on(self, day: date) -> bool:
        return any(a <= day and (b is None or day < b) for a, b in self.suspension_orders)

    def in_period(self, day: date) -> bool:
        """Whether `day` falls in the reporting period (False before it starts)."""
        if self.period_start is None or day < self.period_start:
            return False
        return self.life or self.period_end is None or day <= self.period_end

    def departure_after(self, day: date) -> date | None:
        """The first day on or after `day` on which he leaves (or intends to leave) NSW."""
        starts = [a.start for a in self.absences if a.start >= day]
        cancels = [e.day for e in self.of("travel_cancelled") if e.day is not None]
        for e in self.of("travel_intent"):
            if e.depart is None or e.destination == "NSW" or e.depart < day:
                continue
            if any(c <= e.depart and (e.day is None or c >= e.day) for c in cancels):
                continue
            starts.append(e.depart)
        return min(starts) if starts else None

    # -- counting ----------------------------------------------------------------------------
    def after_days(
        self,
        trigger: date,
        n: int,
        *,
        exclude_custody: bool = False,
        roll: bool = True,
        base: Sequence[Citation] = (),
    ) -> Deadline:
        """The last day of "within `n` days after" `trigger` (optionally "not counting days when
        ... in government custody"), moved past non-working days unless `roll` is False."""
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

    def hours_after(
        self, when: date | datetime, hours: int, base: Sequence[Citation] = ()
    ) -> Deadline:
        """The last moment of "within `hours` hours after" an event: elapsed time, never moved.

        With only the date of the event, the last day on which a report could be on time is the
        next day (interpretation NSW-T3); the answer says the time is needed for the moment.
        """
        if isinstance(when, datetime):
            end = within_hours(when.astimezone(zone("NSW")), hours)
            return Deadline(
                end.date(),
                end,
                tuple(base),
                (
                    f"{hours} hours after {when.astimezone(zone('NSW')):%H:%M on %d %B %Y} is "
                    f"{end:%H:%M on %d %B %Y} (elapsed hours; not moved for a weekend or holiday).",
                ),
            )
        last = when + timedelta(days=1)
        return Deadline(
            last,
            None,
            tuple(base),
            (
                f"Only the date of the event is recorded, so the last day on which the report can "
                f"be within {hours} hours is {fmt(last)}; record the time for the exact deadline.",
            ),
        )

    def presence_day(self, entry: date, n: int) -> date | None:
        """The day a person who entered NSW on `entry` has remained `n` consecutive days, not
        counting days in government custody; None if the facts show he left before then."""
        day_n = extend_excluding_custody(
            entry + timedelta(days=n), self.counted_spells, start=entry + timedelta(days=1)
        )
        leaving = self.departure_after(entry)
        if leaving is not None and leaving < day_n:
            return None
        return day_n

    def start_of_day(self, day: date) -> datetime:
        return datetime.combine(day, time(0), tzinfo=zone("NSW"))


def _absences(ctx: NswContext) -> tuple[Absence, ...]:
    """Times outside NSW from the visible events.

    A `travel_intent` whose departure day has come is taken as travel undertaken (unless a
    `travel_cancelled` came first); it ends on the first `returned` / `entered_jurisdiction`
    after leaving, else on the intended return. A `left_jurisdiction` ends the same way.
    """
    as_of = ctx.as_of
    backs = sorted(e.day for e in ctx.of("returned", "entered_jurisdiction") if e.day is not None)
    cancels = [e.day for e in ctx.of("travel_cancelled") if e.day is not None]

    def back_after(day: date, planned: date | None) -> date | None:
        found = next((b for b in backs if b > day), None)
        if found is not None:
            return found
        return planned

    out: list[Absence] = []
    starts: set[date] = set()
    for e in ctx.of("travel_intent"):
        if e.depart is None or e.destination == "NSW" or e.depart > as_of:
            continue
        if any(c <= e.depart and (e.day is None or c >= e.day) for c in cancels):
            continue
        out.append(Absence(e.depart, back_after(e.depart, e.return_), e.destination))
        starts.add(e.depart)
    for e in ctx.of("left_jurisdiction"):
        if e.day is None or e.day in starts:
            continue
        out.append(Absence(e.day, back_after(e.day, None), e.to))
        starts.add(e.day)
    return tuple(sorted(out, key=lambda a: a.start))
