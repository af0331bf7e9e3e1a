"""The registered person's reportable information, as the register holds it now.

ACT s 122 (5): "reportable information means information that (a) is given to the chief police
officer by, or for, the registrable offender; and (b) the offender is required to report";
NSW s 19B (5): information supplied by or on behalf of the person that they are required to
report "and that is still held in the Register". That is the personal details of ACT s 59 /
NSW Sch 1C as the register holds them: the date of birth (identity core) and every current,
non-withdrawn version of each reportable fact (names and aliases, addresses, children,
employment, clubs, vehicles, marks, phones, internet providers and identities, passports,
regular travel), ended ones included (they were reported and are still held). Superseded
versions (corrected away) and withdrawn facts are not information held about the person; the
physical description is police information, not reported, and is left out.

This one function feeds the s 122 copy PDF, its test and the page, so what is handed over is
exactly what is listed here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from ncos.registry.choices import DetailKind
from ncos.registry.kinds import SPECS
from ncos.registry.models import Detail, Person

# The physical description is police information, not reported by the person.
NOT_REPORTABLE = frozenset({DetailKind.DESCRIPTION})
REPORTABLE_KINDS = tuple(k for k in DetailKind.values if k not in NOT_REPORTABLE)


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass
class Fact:
    detail_id: uuid.UUID
    fact_id: uuid.UUID
    sequence: int
    fields: list[Field]
    period: list[Field]
    ended: bool


@dataclass
class Section:
    kind: str
    label: str
    law: str
    facts: list[Fact] = field(default_factory=list)


@dataclass
class ReportableInformation:
    person_id: uuid.UUID
    national_id: str
    jurisdiction: str
    as_of: date
    identity: list[Field]
    sections: list[Section]

    @property
    def detail_ids(self) -> list[str]:
        return [str(f.detail_id) for s in self.sections for f in s.facts]

    def as_dict(self) -> dict[str, object]:
        """Plain data (for tests and the API): {kind: [{label: value, …}, …]}."""
        return {
            "identity": {f.label: f.value for f in self.identity},
            "sections": {
                s.kind: [
                    {f.label: f.value for f in (*fact.fields, *fact.period)} for fact in s.facts
                ]
                for s in self.sections
            },
        }


def _fields(detail: Detail) -> list[Field]:
    spec = SPECS[detail.kind]
    out: list[Field] = []
    for spec_field in spec.fields:
        value = detail.data.get(spec_field.name)
        if value in (None, "", False):
            continue
        out.append(Field(spec_field.label, spec.label_of(spec_field.name, value)))
    return out


def _period(detail: Detail) -> list[Field]:
    start, end = SPECS[detail.kind].period_label
    out: list[Field] = []
    if detail.valid_from:
        out.append(Field(start, detail.valid_from.isoformat()))
    if detail.valid_to:
        out.append(Field(end, detail.valid_to.isoformat()))
    return out


def reportable_information(person: Person, *, as_of: date) -> ReportableInformation:
    """What the register holds now that the person reported (see the module docstring)."""
    sections = {k: Section(k, SPECS[k].label, SPECS[k].law) for k in REPORTABLE_KINDS}
    rows = sorted(
        Detail.objects.filter(
            person=person, is_current=True, withdrawn=False, kind__in=REPORTABLE_KINDS
        ),
        # the current name first, then each category oldest first (as the person reported it)
        key=lambda d: (
            d.data.get("name_type") != "current",
            d.valid_from or date.min,
            d.recorded_at,
            str(d.fact_id),
        ),
    )
    for detail in rows:
        sections[detail.kind].facts.append(
            Fact(
                detail_id=detail.pk,
                fact_id=detail.fact_id,
                sequence=detail.sequence,
                fields=_fields(detail),
                period=_period(detail),
                ended=detail.valid_to is not None and detail.valid_to < as_of,
            )
        )
    identity = [
        Field("Register reference", person.national_id),
        Field("Date of birth", person.date_of_birth.isoformat()),
    ]
    return ReportableInformation(
        person_id=person.pk,
        national_id=person.national_id,
        jurisdiction=person.managing_jurisdiction_id,
        as_of=as_of,
        identity=identity,
        sections=[sections[k] for k in REPORTABLE_KINDS],
    )
