"""The catalogue's types: schedule rows, their machine-readable conditions, the facts of one
offence, and the classification of an offence.

A row is one item of an offence schedule (ACT sch 1 and 2, NSW Sch 1A and 1B) or one paragraph of
NSW s 2D that adds offences beyond the schedules. Its `circumstances` is the text of the
circumstances column exactly as it stands in the Act text under `shared/legislation/` (a test
checks it occurs there); `conditions` is the same circumstances in a form the engine evaluates.
Where the source text lost words (the ACT rendering dropped lines in the schedule tables),
`restored` holds the reading the catalogue applies and the basis for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Literal

from ncos.law.time.dates import age_on

OffenceClass = Literal["class1", "class2", "none"]
RowClass = Literal["class1", "class2"]
RowKind = Literal["offence", "any_offence", "foreign"]
Inchoate = Literal["attempt", "conspiracy", "incitement"]

CLASS_RANK: Mapping[str, int] = MappingProxyType({"none": 0, "class2": 1, "class1": 2})

FACTS: Mapping[str, str] = MappingProxyType(
    {
        "sexual_intercourse": "the offence involved sexual intercourse with the victim",
        "in_course_of_class_offence": (
            "the offence was committed in the course of, or immediately after, the commission or "
            "attempted commission by the person (or an accomplice) of a class 1 or class 2 "
            "offence against the child"
        ),
        "sexual_service": "the service provided (or to be provided) is a sexual service",
        "sexual_exploitation_purpose": (
            "the offender intended, or was reckless as to whether, the other person would be used "
            "to provide sexual services or otherwise be exploited for sexual services"
        ),
        "child_abuse_material": "the tier 2 goods are items of child abuse material",
        "offender_prostitute": "the offence was committed by a prostitute",
        "never_had_parental_responsibility": (
            "the offender has never had parental responsibility for the child"
        ),
        "previous_intimate_image_finding": (
            "the offender has previously been found guilty of an offence under the Crimes Act 1900 "
            "(NSW) s 91P, 91Q or 91R where the person in the image is, or appears to be, under 16"
        ),
        "motor_vehicle_accident": "the manslaughter was a result of a motor vehicle accident",
        "murder": "the offence was murder",
        "manslaughter": "the offence was manslaughter",
    }
)
"""Facts (other than ages) that circumstances depend on: name → what it means. An offence
carries them in `OffenceFacts.facts` (``{"sexual_intercourse": True}``); a fact not given is
unknown, never assumed."""


# --- conditions -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VictimAge:
    """The victim's age on the day the offence was committed is under (or at least) `years`."""

    op: Literal["under", "at_least"]
    years: int
    cite: str | None = None
    """A provision defining the term the circumstance uses (ACT "child": Legislation Act)."""


@dataclass(frozen=True, slots=True)
class OffenderAge:
    """The offender's age on the day the offence was committed is under (or at least) `years`."""

    op: Literal["under", "at_least"]
    years: int
    cite: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact from `FACTS` has the value `value`."""

    name: str
    value: bool = True


@dataclass(frozen=True, slots=True)
class Underlying:
    """The offence the row's offence is about (attempted, intended, aggravated, ...) is itself a
    listed offence: given as `OffenceFacts.underlying_act` / `underlying_provision`.

    `scope` is where it must be listed: ``part`` (any item of the same schedule part, committed
    in that item's circumstances), ``items`` (those items of the same part), ``provisions``
    (those provisions of the row's Act, circumstances aside) or ``class1``/``class2`` (any row
    of that class in the catalogue).
    """

    scope: Literal["part", "items", "provisions", "class1", "class2"]
    refs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AllOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    conditions: tuple[Condition, ...]


@dataclass(frozen=True, slots=True)
class Not:
    condition: Condition


Condition = VictimAge | OffenderAge | Fact | Underlying | AllOf | AnyOf | Not


# --- rows ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Restoration:
    """What the catalogue reads where the Act text under `shared/legislation/` lost words."""

    basis: str
    description: str | None = None
    circumstances: str | None = None
    provision: str | None = None


@dataclass(frozen=True, slots=True)
class Presumption:
    """A fact the row's circumstances need that every offence against `provisions` (of the row's
    Act) has by its elements, so it need not be given."""

    fact: str
    provisions: tuple[str, ...]
    basis: str


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    jurisdiction: str
    """``ACT`` or ``NSW``: whose catalogue the row belongs to."""
    schedule: str
    """``1``/``2`` (ACT), ``1A``/``1B`` (NSW), ``2D`` for the offences NSW s 2D adds."""
    part: str
    """``1.1``, ``1.2``, ``2.1``, ``2.2`` (ACT); ``1``, ``2``, ``3`` (NSW); ``1``/``2`` for the
    subsection of s 2D."""
    item: str
    """The item number (for s 2D rows, the paragraph letter, with a digit where one paragraph
    needs two rows: ``a``, ``a2``)."""
    act: str
    """The Act as the schedule names it (``Crimes Act 1900``, ``Criminal Code``)."""
    act_jurisdiction: str
    """``ACT``, ``NSW``, ``Cth``; ``foreign`` for a row about any law of a foreign jurisdiction."""
    provision: str
    """The provision as the schedule names it, formatted ``s 55 (1)`` (``any offence`` where the
    row names every offence against the Act)."""
    description: str
    """The offence column as it stands in the Act text (may be truncated: see `restored`)."""
    offence_class: RowClass
    circumstances: str
    """The circumstances column, verbatim from the Act text ("" where the column is empty)."""
    conditions: Condition | None
    """The circumstances in machine-readable form; None when the row has none."""
    provisions: tuple[str, ...] = ()
    """Every provision the row names (``s 271.4 (1) or (2)`` names two), normalised."""
    kind: RowKind = "offence"
    restored: Restoration | None = None
    notes: str = ""
    presumed: Presumption | None = None

    @property
    def full_description(self) -> str:
        """The description with any lost words restored."""
        if self.restored is not None and self.restored.description is not None:
            return self.restored.description
        return self.description

    @property
    def full_circumstances(self) -> str:
        """The circumstances with any lost words restored (what `conditions` encodes)."""
        if self.restored is not None and self.restored.circumstances is not None:
            return self.restored.circumstances
        return self.circumstances

    @property
    def citation(self) -> str:
        """The row as the Act cites it: ``sch 1 pt 1.1 item 3``, ``Sch 1A Pt 2 item 4``,
        ``s 2D (1) (a)``."""
        if self.jurisdiction == "ACT":
            return f"sch {self.schedule} pt {self.part} item {self.item}"
        if self.schedule == "2D":
            return f"s 2D ({self.part}) ({self.item.rstrip('0123456789')})"
        return f"Sch {self.schedule} Pt {self.part} item {self.item}"

    @property
    def defining_section(self) -> str:
        """The section that makes the row's offences class 1 or class 2 offences."""
        if self.jurisdiction == "ACT":
            return "s 10 (2)" if self.offence_class == "class1" else "s 10 (3)"
        sub = "1" if self.offence_class == "class1" else "2"
        if self.schedule == "2D":
            return f"s 2D ({sub})"
        return f"s 2D ({sub}) (b)"

    @property
    def sections(self) -> tuple[str, ...]:
        """The sections a step relying on this row cites."""
        if self.schedule == "2D":
            return (self.citation,)
        return (self.defining_section, self.citation)

    @property
    def label(self) -> str:
        """``Crimes Act 1900 (ACT) s 55 (1)`` — the row's offence, for sentences."""
        jur = "" if self.act_jurisdiction == "foreign" else f" ({self.act_jurisdiction})"
        return f"{self.act}{jur} {self.provision}".strip()


# --- facts and answers --------------------------------------------------------------------------

_NO_FACTS: Mapping[str, bool] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class OffenceFacts:
    """What is known about one offence that its circumstances may depend on.

    Ages are whole years on the day the offence was committed. A date of birth together with
    `date_committed` decides the age (a birthday counts from the start of the day; 29 February
    birthdays turn over on 1 March in common years); the plain `offender_age` / `victim_age` is
    used only when the date of birth or the date committed is missing.
    """

    offender_age: int | None = None
    victim_age: int | None = None
    date_committed: date | None = None
    offender_date_of_birth: date | None = None
    victim_date_of_birth: date | None = None
    facts: Mapping[str, bool] = field(default_factory=lambda: _NO_FACTS, hash=False)
    """Facts from `FACTS` the circumstances depend on (unknown when absent)."""
    underlying_act: str | None = None
    """The Act of the offence this one is about (attempted, intended, aggravated); defaults to
    the row's own Act."""
    underlying_provision: str | None = None
    inchoate: Inchoate | None = None
    """The offence is an attempt, conspiracy or incitement to commit the offence named."""
    jurisdiction_of_conviction: str | None = None
    equivalent_act: str | None = None
    """For an offence against a foreign law: the offence it would have been had it been
    committed in the catalogue's jurisdiction (the registrar's finding)."""
    equivalent_provision: str | None = None

    def offender_age_at_offence(self) -> int | None:
        if self.offender_date_of_birth is not None and self.date_committed is not None:
            return age_on(self.offender_date_of_birth, self.date_committed)
        return self.offender_age

    def victim_age_at_offence(self) -> int | None:
        if self.victim_date_of_birth is not None and self.date_committed is not None:
            return age_on(self.victim_date_of_birth, self.date_committed)
        return self.victim_age

    def fact(self, name: str) -> bool | None:
        return self.facts.get(name)


Step = tuple[str, tuple[str, ...]]
"""One step of an explanation: a sentence and the sections it relied on."""


@dataclass(frozen=True, slots=True)
class Classification:
    """The class of one offence, the row that makes it so, and why."""

    offence_class: OffenceClass
    row: ScheduleRow | None
    """The row that decided the class (None for ``none``)."""
    steps: tuple[Step, ...]
    rows: tuple[ScheduleRow, ...] = ()
    """Every row whose offence and circumstances are established (`row` is the first of the
    highest class)."""
    candidates: tuple[ScheduleRow, ...] = ()
    """Every row whose Act and provision matched, whatever the circumstances."""
    missing_facts: tuple[str, ...] = ()
    """Facts that were not given and on which a higher class depends."""
    possible_class: OffenceClass | None = None
    """The class the offence would have if the missing facts were established (None if none)."""
    assumptions: tuple[str, ...] = ()
    """Assumptions made (e.g. a section cited without the subsection the row lists)."""

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for _, secs in self.steps for s in secs))
