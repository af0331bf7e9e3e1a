"""Shared rule plumbing: obligation keys, custody spells from the facts, ordered exceptions.

Jurisdiction-neutral: what a spell of custody is, or which exception wins, is for each Act; these
helpers only read the facts and keep the "general rule, then overrides" shape (Catala) explicit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Generic, TypeVar

from ncos.law.explain import Citation
from ncos.law.facts import Case
from ncos.law.time.custody import Spell, merge

T = TypeVar("T")


def obligation_key(kind: str, *parts: object) -> str:
    """A stable obligation key from its kind and trigger parts (dates as ISO strings).

    >>> obligation_key("change_of_details", "address", date(2026, 2, 20))
    'change_of_details:address:2026-02-20'
    >>> obligation_key("annual_report", 2027)
    'annual_report:2027'
    """
    out = [kind]
    for p in parts:
        out.append(p.isoformat() if isinstance(p, date | datetime) else str(p))
    return ":".join(out)


def custody_spells(case: Case, *, sentences: bool = True, events: bool = True) -> tuple[Spell, ...]:
    """Spells in custody from the facts, merged and in order.

    From offences (`sentences`): a custodial sentence is a spell from `date_sentenced` to
    `custody_release_date` (open if no release date is given). From events (`events`): each
    `entered_custody` is paired with the next `left_custody` after it (open if none).
    A `left_custody` with no earlier `entered_custody` closes a sentence spell only.

    >>> from ncos.law.contract import parse_case
    >>> c = parse_case({"jurisdiction": "ACT", "as_of": "2026-06-01",
    ...     "person": {"date_of_birth": "1985-06-30"},
    ...     "offences": [{"act": "A", "provision": "s 1", "date_sentenced": "2024-07-19",
    ...                   "custodial": True, "custody_release_date": "2025-01-10"}],
    ...     "events": [{"type": "entered_custody", "date": "2026-05-01"},
    ...                {"type": "left_custody", "date": "2026-05-20"}]})
    >>> [(s.start.isoformat(), s.end and s.end.isoformat()) for s in custody_spells(c)]
    [('2024-07-19', '2025-01-10'), ('2026-05-01', '2026-05-20')]
    """
    spells: list[Spell] = []
    if sentences:
        for o in case.offences:
            if o.custodial and o.date_sentenced is not None:
                spells.append(Spell(o.date_sentenced, o.custody_release_date))
    if events:
        open_start: date | None = None
        for e in case.events_by_day("entered_custody", "left_custody"):
            if e.day is None:
                continue
            if e.type == "entered_custody":
                if open_start is None:
                    open_start = e.day
            elif open_start is not None:
                spells.append(Spell(open_start, max(e.day, open_start)))
                open_start = None
        if open_start is not None:
            spells.append(Spell(open_start, None))
    return merge(spells)


def in_custody_on(spells: Iterable[Spell], day: date) -> bool:
    """Whether any spell covers `day` (the day of leaving is not a day in custody)."""
    return any(s.contains(day) for s in spells)


@dataclass(frozen=True, slots=True)
class Override(Generic[T]):
    """One exception to a general rule: it applies when `applies(facts)` holds, for `reason`."""

    name: str
    applies: Callable[[T], bool]
    reason: str
    citations: tuple[Citation, ...]


def first_applicable(overrides: Sequence[Override[T]], facts: T) -> Override[T] | None:
    """The first exception that applies, in the order listed (Catala's ordered overrides).

    >>> from ncos.law.explain import ACT_CSO
    >>> rules = [Override("custody", lambda d: d["custody"], "in custody", (ACT_CSO("s 38"),)),
    ...          Override("away", lambda d: d["away"], "outside the ACT", (ACT_CSO("s 39"),))]
    >>> first_applicable(rules, {"custody": False, "away": True}).name
    'away'
    >>> first_applicable(rules, {"custody": False, "away": False}) is None
    True
    """
    return next((x for x in overrides if x.applies(facts)), None)
