"""The facts a jurisdiction's rules receive: a parsed, validated case.

`contract.parse_case` builds these from the contract's JSON; rules never see raw JSON. All dates
are `datetime.date`; date-times are aware `datetime`. JSON keys that are Python keywords are
renamed: ``return`` → `Event.return_`, ``from`` → `Event.from_`. Fields the contract does not name
but a caller sent are kept, unparsed, in `extra` (rules may read them; unknown fields never fail).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from ncos.law.time.dates import age_on as _age_on

OffenceClass = Literal["class1", "class2", "none"]

EVENT_TYPES: frozenset[str] = frozenset(
    {
        # the contract's event types
        "first_report",
        "entered_custody",
        "left_custody",
        "parole_start",
        "parole_end",
        "entered_jurisdiction",
        "left_jurisdiction",
        "travel_intent",
        "travel_cancelled",
        "returned",
        "change_of_details",
        "registration_order",
        "suspension_order",
        "suspension_order_ended",
        "finding_quashed",
        # added by ncos (see CORE_READY.md)
        "report_made",
        "travel_change",
        "registration_order_quashed",
        "corresponding_offender",
        "sentence_amended",
    }
)
"""Every event type the engine understands; any other type is a malformed case."""

CHANGE_KINDS: frozenset[str] = frozenset(
    {
        "name",
        "address",
        "child_household",
        "child_contact",
        "employment",
        "club",
        "vehicle",
        "tattoo",
        "carriage_service",
        "internet_provider",
        "internet_identity",
        "passport",
        "regular_travel",
    }
)
"""The `kind` values of a `change_of_details` event."""

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _empty() -> Mapping[str, Any]:
    return _EMPTY


@dataclass(frozen=True, slots=True)
class Person:
    date_of_birth: dt.date
    protected: bool = False
    """A protected registrable offender (witness protection: ACT s 110, NSW Part 3 Div 5)."""
    extra: Mapping[str, Any] = field(default_factory=_empty, compare=False, hash=False, repr=False)

    def age_on(self, day: dt.date) -> int:
        """Age in whole years on `day` (29 February birthdays turn over on 1 March).

        >>> Person(dt.date(2008, 6, 30)).age_on(dt.date(2026, 6, 29))
        17
        """
        return _age_on(self.date_of_birth, day)


@dataclass(frozen=True, slots=True)
class Offence:
    """One offence the person was found guilty of (or, for a what-if question, may be).

    The contract's fields, plus these optional additions (all default to "not so"):
    `imprisonment` (the sentence includes a term of imprisonment, served or not: ACT s 9 (1) (b)
    (i)); `supervision` (the sentence requires supervision: ACT s 9 (1) (b) (ii));
    `non_conviction_order` (ACT s 9 (1) (a)); `court_exempted` (a court, on the defence's
    application, decided the person is not to be registered for it: ACT s 9 (2), (3)).
    """

    ref: str
    act: str
    provision: str
    description: str | None = None
    date_committed: dt.date | None = None
    victim: str | None = None
    victim_date_of_birth: dt.date | None = None
    victim_age: int | None = None
    date_found_guilty: dt.date | None = None
    date_sentenced: dt.date | None = None
    custodial: bool = False
    custody_release_date: dt.date | None = None
    jurisdiction_of_conviction: str | None = None
    imprisonment: bool | None = None
    supervision: bool | None = None
    non_conviction_order: bool = False
    court_exempted: bool = False
    index: int = 0
    """Position in the case's ``offences`` list (for JSON paths in messages)."""
    extra: Mapping[str, Any] = field(default_factory=_empty, compare=False, hash=False, repr=False)

    @property
    def path(self) -> str:
        return f"offences[{self.index}]"

    def victim_age_on_offence(self) -> int | None:
        """The victim's age when the offence was committed: from `victim_date_of_birth` and
        `date_committed` where both are given, else `victim_age`.

        >>> Offence("o1", "A", "s 1", date_committed=dt.date(2023, 2, 11),
        ...         victim_date_of_birth=dt.date(2010, 3, 1)).victim_age_on_offence()
        12
        """
        if self.victim_date_of_birth is not None and self.date_committed is not None:
            return _age_on(self.victim_date_of_birth, self.date_committed)
        return self.victim_age


@dataclass(frozen=True, slots=True)
class Event:
    """One event in the person's history.

    `day` is the calendar day the event happened in the case's jurisdiction (from `date`, or from
    `datetime` converted to the jurisdiction's zone); None for an event with neither (a
    `travel_intent` may give only `depart`). `at` is `datetime` if given, else `date`.
    """

    type: str
    index: int = 0
    date: dt.date | None = None
    datetime: dt.datetime | None = None
    day: dt.date | None = None
    kind: str | None = None
    ref: str | None = None
    key: str | None = None
    depart: dt.date | None = None
    return_: dt.date | None = None
    destination: str | None = None
    from_: str | None = None
    to: str | None = None
    period: str | None = None
    """A reporting period in the contract's format (``"15y"``, ``"7y6m"``, ``"life"``): the
    foreign period of a `corresponding_offender` event."""
    end: dt.date | None = None
    """An end date the event states: the end of the term of imprisonment for `parole_start`, the
    end of the foreign reporting period for `corresponding_offender`."""
    retrial: bool = False
    """For `finding_quashed`: the court ordered a retrial (ACT s 13 (2))."""
    extra: Mapping[str, Any] = field(default_factory=_empty, compare=False, hash=False, repr=False)

    @property
    def path(self) -> str:
        return f"events[{self.index}]"

    @property
    def at(self) -> dt.date | dt.datetime | None:
        return self.datetime if self.datetime is not None else self.date


@dataclass(frozen=True, slots=True)
class Case:
    jurisdiction: str
    as_of: dt.date
    person: Person
    offences: tuple[Offence, ...] = ()
    events: tuple[Event, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=_empty, compare=False, hash=False, repr=False)

    def events_of(self, *types: str) -> tuple[Event, ...]:
        """Events of the given types, in the order given in the case."""
        return tuple(e for e in self.events if e.type in types)

    def offence(self, ref: str) -> Offence | None:
        return next((o for o in self.offences if o.ref == ref), None)

    def age_on(self, day: dt.date) -> int:
        return self.person.age_on(day)

    def events_by_day(self, *types: str) -> tuple[Event, ...]:
        """Events of the given types ordered by the moment they happened (dated events only;
        same-day events keep their case order)."""
        dated = [e for e in self.events_of(*types) if e.day is not None]
        return tuple(sorted(dated, key=_event_sort_key))


def _event_sort_key(e: Event) -> tuple[dt.date, float, int]:
    moment = 0.0 if e.datetime is None else e.datetime.timestamp()
    return (e.day or dt.date.min, moment, e.index)
