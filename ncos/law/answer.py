"""The answer: registrability, classes, reporting period, obligations and the explanation.

A jurisdiction builds its answer with `AnswerBuilder`: it records steps as its rules fire, adds
obligations (each with its own citations and a sentence a registrar can read), then calls
`build`, which matches the case's reports (`first_report`, `report_made`) to obligations and
decides every status from `as_of`. `Answer.to_dict` gives the contract's shape.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from ncos.law.explain import Citation, Step, Trace
from ncos.law.facts import Case, Event, OffenceClass
from ncos.law.time.dates import Feb29, add_years_months
from ncos.law.time.days import days_late as _days_late
from ncos.law.time.zones import in_zone, local_date

ENGINE_VERSION = "0.1.0"
"""Changes whenever a rule changes an answer; the register stores it with each computation."""


class Status(StrEnum):
    """Where an obligation stands on `as_of`."""

    UPCOMING = "upcoming"
    """Not yet triggered, or its reporting window has not opened (a future annual report)."""
    DUE = "due"
    """Triggered and not met; `as_of` is on or before the last day."""
    MET = "met"
    """A report meeting it was made (`met_on`, `days_late`)."""
    OVERDUE = "overdue"
    """Not met and `as_of` is after the last day."""
    SUSPENDED = "suspended"
    """Reporting obligations were suspended on the day it would have fallen due."""
    NOT_APPLICABLE = "not_applicable"
    """An exception in the Act applies; the obligation's explanation says which."""


class Manner(StrEnum):
    """How an obligation may be met (the `manner` list of an obligation)."""

    IN_PERSON = "in_person"
    """In person, at an approved reporting place / police station."""
    APPROVED_WAY = "approved_way"
    """In a way approved by the chief police officer (ACT s 63): phone, email, writing…"""
    IN_PERSON_OR_OTHER = "in_person_or_other"
    """In person or another way the Act allows (NSW: as the Commissioner permits)."""
    IN_WRITING = "in_writing"
    """By written notice."""


_PERIOD_RE = re.compile(r"^(?:(\d+)y)?(?:(\d+)m)?$")


@dataclass(frozen=True, slots=True)
class Period:
    """A reporting period: whole years and months, or life.

    >>> str(Period(15)), str(Period(7, 6)), str(LIFE), str(Period(0, 6))
    ('15y', '7y6m', 'life', '0y6m')
    >>> Period.parse("7y6m") == Period(7, 6)
    True
    >>> Period(15).last_day(date(2025, 1, 10), feb29=Feb29.ROUND_UP)
    datetime.date(2040, 1, 9)
    >>> Period(7, 6) > Period(7)
    True
    """

    years: int = 0
    months: int = 0
    life: bool = False

    def __str__(self) -> str:
        if self.life:
            return "life"
        return f"{self.years}y" + (f"{self.months}m" if self.months else "")

    @staticmethod
    def parse(text: str) -> Period:
        if text == "life":
            return LIFE
        m = _PERIOD_RE.match(text)
        if not text or m is None:
            raise ValueError(f"not a period: {text!r}")
        return Period(int(m.group(1) or 0), int(m.group(2) or 0))

    @property
    def total_months(self) -> float:
        return math.inf if self.life else self.years * 12 + self.months

    def __lt__(self, other: Period) -> bool:
        return self.total_months < other.total_months

    def __gt__(self, other: Period) -> bool:
        return self.total_months > other.total_months

    def end(self, start: date, *, feb29: Feb29) -> date | None:
        """The day after the period (the day it is over), None for life."""
        if self.life:
            return None
        return add_years_months(start, self.years, self.months, feb29=feb29)

    def last_day(self, start: date, *, feb29: Feb29) -> date | None:
        """The last day of a period beginning on (and including) `start`; None for life."""
        end = self.end(start, feb29=feb29)
        return None if end is None else date.fromordinal(end.toordinal() - 1)


LIFE = Period(life=True)
"""The rest of the offender's life."""


@dataclass(slots=True)
class Obligation:
    """One thing the person must do, with when and why.

    `key` is stable across recomputations: built only from the kind and its trigger
    (``"annual_report:2027"``, ``"change_of_details:address:2026-02-20"``). `status` may be set by
    the rule only to `SUSPENDED`, `NOT_APPLICABLE` or `UPCOMING` (its trigger has not happened,
    e.g. still in custody); otherwise `AnswerBuilder.build` decides it. A report still meets a
    rule-set `UPCOMING` obligation.
    `opens` is the first day the obligation can be met when that is later than its trigger.
    `details` are extra keys put in the obligation's dict (``"year"``, ``"destination"``…).
    """

    kind: str
    key: str
    trigger: date | datetime | None
    due: date | datetime | None
    citations: tuple[Citation, ...]
    explanation: str
    manner: tuple[Manner, ...] = ()
    status: Status | None = None
    opens: date | None = None
    met_on: date | datetime | None = None
    days_late: int | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.label for c in self.citations))


def _iso(value: date | datetime | None, jurisdiction: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return in_zone(value, jurisdiction).isoformat()
    return value.isoformat()


@dataclass(slots=True)
class Answer:
    jurisdiction: str
    as_of: date
    registrable: bool
    offence_classes: dict[str, OffenceClass]
    reporting_period: Period | None
    reporting_period_start: date | None
    reporting_period_end: date | None
    obligations: list[Obligation]
    steps: list[Step]
    assumptions: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(label for s in self.steps for label in s.sections))

    def obligation_dict(self, o: Obligation) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": o.kind,
            "key": o.key,
            "trigger": _iso(o.trigger, self.jurisdiction),
            "due": _iso(o.due, self.jurisdiction),
            "status": str(o.status or Status.DUE),
            "sections": list(o.sections),
            "explanation": o.explanation,
            "manner": [str(m) for m in o.manner],
        }
        if o.opens is not None:
            d["opens"] = o.opens.isoformat()
        if o.met_on is not None:
            d["met_on"] = _iso(o.met_on, self.jurisdiction)
            d["days_late"] = o.days_late or 0
        for k, v in o.details.items():
            d.setdefault(k, _iso(v, self.jurisdiction) if isinstance(v, date) else v)
        return d

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "jurisdiction": self.jurisdiction,
            "as_of": self.as_of.isoformat(),
            "registrable": self.registrable,
            "offence_classes": dict(self.offence_classes),
            "reporting_period": None
            if self.reporting_period is None
            else str(self.reporting_period),
            "reporting_period_start": _iso(self.reporting_period_start, self.jurisdiction),
            "reporting_period_end": _iso(self.reporting_period_end, self.jurisdiction),
            "obligations": [self.obligation_dict(o) for o in self.obligations],
            "explanation": [s.to_dict() for s in self.steps],
            "engine_version": ENGINE_VERSION,
            "assumptions": list(self.assumptions),
        }
        for k, v in self.extra.items():
            d.setdefault(k, v)
        return d


@dataclass(frozen=True, slots=True)
class _Report:
    kind: str
    at: date | datetime
    day: date
    key: str | None
    event: Event


class AnswerBuilder:
    """Collects a jurisdiction's findings while its rules fire, then builds the `Answer`.

    >>> from ncos.law.contract import parse_case
    >>> from ncos.law.explain import ACT_CSO
    >>> case = parse_case({"jurisdiction": "ACT", "as_of": "2026-03-01",
    ...     "person": {"date_of_birth": "1985-06-30"},
    ...     "events": [{"type": "first_report", "date": "2025-01-14"}]})
    >>> b = AnswerBuilder(case)
    >>> b.step("J is a registrable offender", ACT_CSO("s 8 (1) (a)"))
    >>> _ = b.obligation("initial_report", key="initial_report:2025-01-10",
    ...     trigger=date(2025, 1, 10), due=date(2025, 1, 17), citations=(ACT_CSO("s 23 (1) (b)"),),
    ...     explanation="Initial report within 7 days after leaving custody")
    >>> a = b.build(registrable=True)
    >>> [(o.kind, str(o.status), o.met_on, o.days_late) for o in a.obligations]
    [('initial_report', 'met', datetime.date(2025, 1, 14), 0)]
    """

    def __init__(self, case: Case, *, trace: Trace | None = None) -> None:
        self.case = case
        self.trace = trace if trace is not None else Trace()
        self.offence_classes: dict[str, OffenceClass] = {}
        self.obligations: list[Obligation] = []
        self.assumptions: list[str] = []
        self.extra: dict[str, Any] = {}
        self._keys: set[str] = set()

    # -- recording ---------------------------------------------------------------------------
    def step(self, text: str, *citations: Citation) -> None:
        """Record that a rule fired: what it decided and the provisions it relied on."""
        self.trace.step(text, *citations)

    def classify(self, ref: str, offence_class: OffenceClass, text: str, *cites: Citation) -> None:
        self.offence_classes[ref] = offence_class
        self.step(text, *cites)

    def has(self, key: str) -> bool:
        """Whether an obligation with `key` has been added."""
        return key in self._keys

    def assume(self, sentence: str) -> None:
        """An assumption the answer rests on (national-model jurisdictions)."""
        if sentence not in self.assumptions:
            self.assumptions.append(sentence)

    def obligation(
        self,
        kind: str,
        *,
        key: str,
        trigger: date | datetime | None,
        due: date | datetime | None,
        citations: Iterable[Citation],
        explanation: str,
        manner: Iterable[Manner] = (),
        status: Status | None = None,
        opens: date | None = None,
        **details: Any,
    ) -> Obligation:
        """Add an obligation (and an explanation step with the same sentence and sections)."""
        if key in self._keys:
            raise ValueError(f"obligation key {key!r} is used twice")
        if status not in (None, Status.SUSPENDED, Status.NOT_APPLICABLE, Status.UPCOMING):
            raise ValueError("a rule may only set status to suspended, not_applicable or upcoming")
        o = Obligation(
            kind=kind,
            key=key,
            trigger=trigger,
            due=due,
            citations=tuple(citations),
            explanation=explanation,
            manner=tuple(manner),
            status=status,
            opens=opens,
            details=dict(details),
        )
        self._keys.add(key)
        self.obligations.append(o)
        self.trace.step(explanation, *o.citations)
        return o

    # -- settling ----------------------------------------------------------------------------
    def _day(self, value: date | datetime) -> date:
        return local_date(value, self.case.jurisdiction)

    def _reports(self) -> list[_Report]:
        out: list[_Report] = []
        for e in self.case.events_by_day("first_report", "report_made"):
            at = e.at
            if at is None or e.day is None:
                continue
            kind = "initial_report" if e.type == "first_report" else (e.kind or "")
            out.append(_Report(kind, at, e.day, e.key, e))
        return out

    def _match(self, r: _Report) -> Obligation | None:
        if r.key is not None:
            return next((o for o in self.obligations if o.key == r.key and o.met_on is None), None)
        candidates = [
            o
            for o in self.obligations
            if o.kind == r.kind
            and o.met_on is None
            and o.status is not Status.NOT_APPLICABLE
            and (o.trigger is None or self._day(o.trigger) <= r.day)
        ]
        candidates.sort(key=lambda o: (self._sort_day(o.trigger), self._sort_day(o.due)))
        return candidates[0] if candidates else None

    @staticmethod
    def _lateness(
        due: date | datetime | None, met: date | datetime, met_day: date, due_day: date | None
    ) -> int:
        if due is None or due_day is None:
            return 0
        if isinstance(due, datetime) and isinstance(met, datetime):
            seconds = (met - due).total_seconds()
            return 0 if seconds <= 0 else math.ceil(seconds / 86400)
        return _days_late(due_day, met_day)

    def _sort_day(self, value: date | datetime | None) -> date:
        return date.max if value is None else self._day(value)

    def _status(self, o: Obligation) -> Status:
        as_of = self.case.as_of
        if o.status is not None:
            return o.status
        if o.trigger is not None and self._day(o.trigger) > as_of:
            return Status.UPCOMING
        if o.opens is not None and as_of < o.opens:
            return Status.UPCOMING
        if o.due is None or as_of <= self._day(o.due):
            return Status.DUE
        return Status.OVERDUE

    def build(
        self,
        *,
        registrable: bool,
        period: Period | None = None,
        start: date | None = None,
        end: date | None = None,
    ) -> Answer:
        """Match reports to obligations, decide statuses, and return the answer."""
        for r in self._reports():
            o = self._match(r)
            if o is None:
                continue
            o.met_on = r.at
            due_day = None if o.due is None else self._day(o.due)
            o.days_late = self._lateness(o.due, r.at, r.day, due_day)
            o.status = Status.MET
            late = f", {o.days_late} day(s) late" if o.days_late else ", on time"
            self.trace.step(
                f"The report made on {r.day.isoformat()} meets {o.key}{late}", *o.citations
            )
        for o in self.obligations:
            o.status = self._status(o)
        self.obligations.sort(
            key=lambda o: (self._sort_day(o.due), self._sort_day(o.trigger), o.kind, o.key)
        )
        return Answer(
            jurisdiction=self.case.jurisdiction,
            as_of=self.case.as_of,
            registrable=registrable,
            offence_classes=dict(self.offence_classes),
            reporting_period=period,
            reporting_period_start=start,
            reporting_period_end=end,
            obligations=list(self.obligations),
            steps=list(self.trace.steps),
            assumptions=list(self.assumptions),
            extra=dict(self.extra),
        )


def not_registrable(case: Case, trace: Trace, classes: Mapping[str, OffenceClass]) -> Answer:
    """An answer for a person who is not a registrable offender."""
    return Answer(
        jurisdiction=case.jurisdiction,
        as_of=case.as_of,
        registrable=False,
        offence_classes=dict(classes),
        reporting_period=None,
        reporting_period_start=None,
        reporting_period_end=None,
        obligations=[],
        steps=list(trace.steps),
    )
