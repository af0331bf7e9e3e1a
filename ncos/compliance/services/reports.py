"""Receiving a report: `report_record` — one transaction, one audit row.

In one step the report is recorded with how, where, when and to whom it was made and the
identity checks done; the personal details reported become new versions of the person's details
(through the register's services, with the report as their source); the obligations the report
meets are linked to it and fed to the law engine as `report_made` events; and the obligations are
recomputed, so each shows met (or met late, with the days late).

Law: ACT Crimes (Child Sex Offenders) Act 2005 pt 3.4 (ss 63–82), s 58A; NSW Child Protection
(Offenders Registration) Act 2000 pt 3 div 4 (ss 12–12I).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import RuleViolation
from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.audit import record as audit
from ncos.common.services import service
from ncos.compliance import law
from ncos.compliance.choices import (
    DETAIL_OBLIGATION_KINDS,
    OBLIGATION_KINDS,
    MadeBy,
    Manner,
    ReportKind,
    RepresentativeReason,
    RepresentativeRelationship,
)
from ncos.compliance.models import Report, ReportingPlace, ReportObligation, new_reference
from ncos.compliance.services._common import (
    age_on,
    audit_write,
    lock_person,
    now,
    zone_of,
)
from ncos.compliance.services.changes import (
    Checked,
    apply_changes,
    check_changes,
    parse_changes,
    receipt_lines,
    snapshot,
)
from ncos.compliance.states import OPEN_STATUSES, describe, parse_key
from ncos.registry.choices import PersonStatus
from ncos.registry.models import Obligation, Person

RECEIVING_ROLES = frozenset({Role.REGISTRAR, Role.CASE_MANAGER})
FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass
class Checks:
    """Identity checks and who was present (ACT ss 65–80; NSW ss 12A–12G)."""

    made_by: str = MadeBy.SELF
    representative_name: str = ""
    representative_relationship: str = ""
    representative_reason: str = ""
    person_accompanied: bool | None = None
    photo_id_sighted: bool = False
    id_documents: str = ""
    id_copied: bool = False
    photo_taken: bool = False
    photo_told: bool = False
    fingerprints_taken: bool = False
    fingerprints_reason: str = ""
    fingerprints_told: bool = False
    privacy_offered: bool = True
    interpreter_present: bool = False
    interpreter_name: str = ""
    interpreter_language: str = ""
    interpreter_undertaking: bool = False
    support_person_present: bool = False
    support_person_name: str = ""

    @classmethod
    def from_kwargs(cls, values: dict[str, Any]) -> Checks:
        known = {k: v for k, v in values.items() if k in cls.__dataclass_fields__}
        return cls(**known)


# --- which obligations a report can meet -----------------------------------------------------


@dataclass
class Candidate:
    obligation: Obligation
    label: str
    suggested: bool
    manner_ok: bool
    manners: frozenset[str]
    note: str = ""


def open_obligations(person: Person) -> list[Obligation]:
    rows = Obligation.objects.filter(person=person, status__in=OPEN_STATUSES)
    return sorted(rows, key=lambda o: (o.due_date or date.max, o.kind, o.key))


def _triggered_by(o: Obligation, day: date, zone: Any) -> bool:
    trigger = o.trigger_at.astimezone(zone).date() if o.trigger_at else o.trigger_date
    return trigger is None or trigger <= day


def candidates(
    person: Person, *, kind: str, manner: str | None, received_on: date
) -> list[Candidate]:
    """Open obligations a report of `kind` could meet, with the one it most likely meets
    suggested (the earliest open obligation of that kind already triggered — the same rule the
    law engine applies to a report without a key)."""
    zone = zone_of(person)
    kinds = OBLIGATION_KINDS.get(kind, ())
    rows = [
        o for o in open_obligations(person) if o.kind in kinds or o.kind in DETAIL_OBLIGATION_KINDS
    ]
    suggested_key = next(
        (o.key for o in rows if o.kind in kinds and _triggered_by(o, received_on, zone)), None
    )
    out: list[Candidate] = []
    for o in rows:
        manners = law.manners_for_obligation(o.manner)
        ok = manner is None or manner in manners
        note = ""
        if not ok:
            note = f"Must be reported {_manner_words(manners)} ({', '.join(o.sections[:2])})."
        out.append(Candidate(o, describe(o, zone), o.key == suggested_key, ok, manners, note))
    return out


def _manner_words(manners: Iterable[str]) -> str:
    labels = [Manner(m).label.lower() for m in Manner.values if m in set(manners)]
    return " or ".join(labels) if labels else "as the Act says"


# --- validation --------------------------------------------------------------------------------


def _officer(person: Person, officer: Any, actor: Any) -> User:
    chosen = officer if officer is not None else actor
    if isinstance(chosen, int | str):
        chosen = User.objects.filter(pk=chosen).first()
    if not isinstance(chosen, User) or not chosen.is_active:
        raise RuleViolation("Choose the police officer who received the report.", "officer")
    if chosen.jurisdiction_id != person.managing_jurisdiction_id or not (
        chosen.roles & RECEIVING_ROLES
    ):
        section = law.sections(person.managing_jurisdiction_id)["officer"]
        raise RuleViolation(
            "Only an officer of the managing registry approved to receive reports may receive "
            f"one ({section}).",
            "officer",
        )
    return chosen


def _place(person: Person, manner: str, place: Any, place_text: str) -> tuple[Any, str]:
    section = law.sections(person.managing_jurisdiction_id)["place"]
    if manner != Manner.IN_PERSON:
        if place is not None or place_text.strip():
            raise RuleViolation("A place is recorded only for a report made in person.", "place")
        return None, ""
    if isinstance(place, int | str) and str(place).strip():
        place = ReportingPlace.objects.filter(pk=place).first()
        if place is None:
            raise RuleViolation("Choose an approved reporting place.", "place")
    if isinstance(place, ReportingPlace):
        if place.jurisdiction_id != person.managing_jurisdiction_id or not place.active:
            raise RuleViolation("Choose an approved reporting place of this registry.", "place")
        printed = place.name + (f", {place.address}" if place.address else "")
        return place, printed
    if place_text.strip():
        return None, place_text.strip()[:300]
    only = list(
        ReportingPlace.objects.filter(jurisdiction_id=person.managing_jurisdiction_id, active=True)[
            :2
        ]
    )
    if len(only) == 1:  # the registry's single approved place (ACT: Belconnen, per its notice)
        return only[0], only[0].name + (f", {only[0].address}" if only[0].address else "")
    raise RuleViolation(
        f"A report made in person is made at an approved reporting place ({section}): choose it.",
        "place",
    )


def _check_checks(person: Person, manner: str, checks: Checks, received_on: date) -> None:
    j = person.managing_jurisdiction_id
    s = law.sections(j)
    age = age_on(person.date_of_birth, received_on)
    in_person = manner == Manner.IN_PERSON
    if checks.made_by not in MadeBy.values:
        raise RuleViolation("Say who made the report.", "made_by")
    if checks.made_by == MadeBy.REPRESENTATIVE:
        if not checks.representative_name.strip():
            raise RuleViolation(
                "Give the name of the person who made the report.", "representative_name"
            )
        if checks.representative_relationship not in RepresentativeRelationship.values:
            raise RuleViolation(
                "Say how they are related to the person.", "representative_relationship"
            )
        if checks.representative_reason not in RepresentativeReason.values:
            raise RuleViolation(
                f"Someone else may report for the person only if the person is a young person "
                f"or has a disability ({s['representative']}).",
                "representative_reason",
            )
        if (
            checks.representative_reason == RepresentativeReason.YOUNG_PERSON
            and age >= law.YOUNG_PERSON_AGE
        ):
            raise RuleViolation(
                f"The person was {age} when the report was made, not a young person "
                f"({s['representative']}).",
                "representative_reason",
            )
        if (
            in_person
            and checks.representative_reason == RepresentativeReason.YOUNG_PERSON
            and checks.person_accompanied is False
        ):
            raise RuleViolation(
                "A young person's report made in person for them counts only if they "
                f"accompanied the person making it ({s['representative']}).",
                "person_accompanied",
            )
    if not in_person and (checks.photo_taken or checks.fingerprints_taken):
        raise RuleViolation(
            f"Photographs and fingerprints are taken only when a report is made in person "
            f"({s['fingerprints']}; {s['photograph']}).",
            "photo_taken" if checks.photo_taken else "fingerprints_taken",
        )
    if checks.fingerprints_taken:
        if law.fingerprints_barred(j, age):
            raise RuleViolation(
                f"Fingerprints may not be taken from a young person under 16 "
                f"({s['fingerprints']}).",
                "fingerprints_taken",
            )
        if not checks.fingerprints_reason.strip():
            raise RuleViolation(
                "Say why the person's identity was not established from the material presented "
                f"({s['fingerprints']}).",
                "fingerprints_reason",
            )
        if not checks.fingerprints_told:
            raise RuleViolation(
                "Before fingerprints are taken the person must be told why, that it is an "
                f"offence not to allow it, and that they will be kept ({s['fingerprints']}).",
                "fingerprints_told",
            )
    if checks.photo_taken and not checks.photo_told:
        raise RuleViolation(
            "Before a photograph is taken the person must be told why, that it is an offence "
            f"not to comply, and that it will be kept ({s['photograph']}).",
            "photo_told",
        )
    if checks.interpreter_present:
        if not checks.interpreter_name.strip() or not checks.interpreter_language.strip():
            raise RuleViolation("Give the interpreter's name and language.", "interpreter_name")
        if not checks.interpreter_undertaking:
            raise RuleViolation(
                "An interpreter may be present only if they signed an undertaking not to "
                f"disclose information from the report ({s['interpreter']}).",
                "interpreter_undertaking",
            )
    if checks.support_person_present and not checks.support_person_name.strip():
        raise RuleViolation("Give the support person's name.", "support_person_name")


def _meets(
    person: Person,
    *,
    kind: str,
    manner: str,
    received_on: date,
    keys: Sequence[str] | None,
) -> list[Obligation]:
    """The obligations named by hand (or, with `keys=None`, the suggested one)."""
    options = {
        c.obligation.key: c
        for c in candidates(person, kind=kind, manner=manner, received_on=received_on)
    }
    if keys is None:
        chosen = [c for c in options.values() if c.suggested and c.manner_ok]
        return [c.obligation for c in chosen]
    out: list[Obligation] = []
    for i, key in enumerate(dict.fromkeys(keys)):
        c = options.get(key)
        if c is None:
            existing = Obligation.objects.filter(person=person, key=key).first()
            if existing is not None and existing.status == "met":
                raise RuleViolation(f"“{describe(existing)}” is already met.", f"meets[{i}]")
            raise RuleViolation(
                "This obligation is not open, or a report of this kind cannot meet it.",
                f"meets[{i}]",
            )
        if not c.manner_ok:
            raise RuleViolation(
                f"“{c.label}” cannot be met by a report made "
                f"{Manner(manner).label.lower()}: {c.note}",
                f"meets[{i}]",
            )
        out.append(c.obligation)
    return out


def _derived(
    person: Person, checked: Sequence[Checked], manner: str, already: set[str]
) -> tuple[list[Obligation], list[str]]:
    """Change-of-details obligations arising from the details this report records (matched by
    the engine's key: the change kind and the day of the change)."""
    triggers = {t for t in (c.trigger() for c in checked) if t is not None}
    found: list[Obligation] = []
    warnings: list[str] = []
    if not triggers:
        return found, warnings
    zone = zone_of(person)
    for o in open_obligations(person):
        if o.key in already or o.kind not in DETAIL_OBLIGATION_KINDS:
            continue
        parsed = parse_key(o.key)
        if not any(parsed.detail_kind == k and parsed.day == d.isoformat() for k, d in triggers):
            continue
        manners = law.manners_for_obligation(o.manner)
        if manner in manners:
            found.append(o)
        else:
            warnings.append(
                f"{describe(o, zone)}: must be reported {_manner_words(manners)}; "
                "this report does not meet it."
            )
    return found, warnings


# --- the service -------------------------------------------------------------------------------


@dataclass
class ReportPlan:
    """What `report_record` will do, worked out without writing (the review page shows it)."""

    person: Person
    kind: str
    manner: str
    received_at: datetime
    received_on: date
    officer: User
    place: ReportingPlace | None
    place_text: str
    checks: Checks
    checked: list[Checked]
    meets: list[Obligation]
    derived: list[Obligation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def all_meets(self) -> list[Obligation]:
        return [*self.meets, *self.derived]


def plan_report(
    *,
    actor: Any,
    person: Person,
    kind: str,
    manner: str,
    received_at: datetime,
    place: Any = None,
    place_text: str = "",
    officer: Any = None,
    details: Iterable[Any] | None = None,
    meets: Sequence[str] | None = None,
    **checks: Any,
) -> ReportPlan:
    """Validate a report against the Act and the person's record; raise `RuleViolation` with
    the field at fault. Reads only (the caller has already authorised the person)."""
    j = person.managing_jurisdiction_id
    if kind not in ReportKind.values:
        raise RuleViolation("Choose what kind of report this is.", "kind")
    if manner not in Manner.values:
        raise RuleViolation("Choose how the report was made.", "manner")
    if person.merged_into_id is not None:
        raise RuleViolation("This record was merged; record the report on the surviving record.")
    if person.status == PersonStatus.DECEASED:
        raise RuleViolation("The person is recorded as deceased.")
    if not isinstance(received_at, datetime) or received_at.tzinfo is None:
        raise RuleViolation("Give the date and time the report was received.", "received_at")
    if received_at > now() + FUTURE_TOLERANCE:
        raise RuleViolation("The time received cannot be in the future.", "received_at")
    received_on = received_at.astimezone(zone_of(person)).date()
    if received_on < person.date_of_birth:
        raise RuleViolation("The time received is before the person was born.", "received_at")
    allowed = law.manners_for_kind(j, kind)
    if manner not in allowed:
        raise RuleViolation(
            f"A {ReportKind(kind).label.lower()} must be made in person ({law.kind_citation(j)}).",
            "manner",
        )
    check_values = Checks.from_kwargs(checks)
    unknown = sorted(set(checks) - set(Checks.__dataclass_fields__))
    if unknown:
        raise RuleViolation(f"Unknown field “{unknown[0]}”.", unknown[0])
    _check_checks(person, manner, check_values, received_on)
    chosen_officer = _officer(person, officer, actor)
    chosen_place, printed_place = _place(person, manner, place, place_text)
    checked = check_changes(person, parse_changes(details))
    meets_now = _meets(person, kind=kind, manner=manner, received_on=received_on, keys=meets)
    warnings = []
    zone = zone_of(person)
    for o in meets_now:
        if o.opens_on and received_on < o.opens_on:
            warnings.append(
                f"{describe(o, zone)}: reported before its window opened on {o.opens_on:%d %b %Y}."
            )
    derived, derived_warnings = _derived(person, checked, manner, {o.key for o in meets_now})
    warnings += derived_warnings
    return ReportPlan(
        person=person,
        kind=kind,
        manner=manner,
        received_at=received_at,
        received_on=received_on,
        officer=chosen_officer,
        place=chosen_place,
        place_text=printed_place,
        checks=check_values,
        checked=checked,
        meets=meets_now,
        derived=derived,
        warnings=warnings,
    )


@service
def report_record(
    *,
    actor: Any,
    person: Any,
    kind: str,
    manner: str,
    received_at: datetime,
    place: Any = None,
    place_text: str = "",
    officer: Any = None,
    details: Iterable[Any] | None = None,
    meets: Sequence[str] | None = None,
    information: str = "",
    notes: str = "",
    **checks: Any,
) -> Report:
    """Record a report received from (or for) `person`.

    `details`: the personal details reported, each ``{"op": "record"|"end"|"correct", "kind",
    "data", "valid_from", "valid_to", "changed_at", "detail_id", "replaces", "reason"}``.
    `meets`: the keys of the obligations it meets; ``None`` = the suggested one (the earliest
    open obligation of the report's kind). Change-of-details obligations arising from the
    details reported are added automatically when the manner allows. `checks`: the identity,
    interpreter, support-person and representative fields of `Checks`.
    """
    locked = lock_person(actor, person, Action.PERSON_UPDATE)
    plan = plan_report(
        actor=actor,
        person=locked,
        kind=kind,
        manner=manner,
        received_at=received_at,
        place=place,
        place_text=place_text,
        officer=officer,
        details=details,
        meets=meets,
        **checks,
    )
    j = locked.managing_jurisdiction_id
    report = Report.objects.create(
        reference=new_reference(f"R-{j}"),
        person=locked,
        jurisdiction=j,
        kind=plan.kind,
        manner=plan.manner,
        received_at=plan.received_at,
        received_on=plan.received_on,
        place=plan.place,
        place_text=plan.place_text,
        officer=plan.officer,
        officer_name=plan.officer.get_full_name() or plan.officer.username,
        information=information.strip()[:5000],
        notes=notes.strip()[:5000],
        ack_due_on=law.ack_due(j, plan.received_on),
        recorded_at=now(),
        recorded_by=actor,
        **plan.checks.__dict__,
    )
    with audit.absorbed() as nested:
        applied = apply_changes(
            actor=actor,
            person=locked,
            checked=plan.checked,
            report_id=report.pk,
            reference=report.reference,
        )
        # The details just recorded may have created change-of-details obligations this report
        # meets (the registry recomputed after each detail): find them now.
        chosen = {o.key for o in plan.meets}
        derived, _ = _derived(locked, plan.checked, plan.manner, chosen)
        meets_all = {o.key: o for o in [*plan.meets, *plan.derived, *derived]}
        ReportObligation.objects.bulk_create(
            [
                ReportObligation(
                    report=report,
                    obligation=o,
                    obligation_key=o.key,
                    obligation_kind=o.kind,
                    automatic=o.key not in chosen,
                    due_date=o.due_date,
                )
                for o in meets_all.values()
            ]
        )
        assessment = _recompute(locked, actor, f"report {report.reference}")
    _snapshot_met(report)
    report.changes = receipt_lines(applied)
    report.details_snapshot = snapshot(locked, plan.received_on)
    report.save(update_fields=["changes", "details_snapshot"])
    audit_write(
        actor,
        locked,
        "compliance.report.record",
        details={
            "report_id": report.pk,
            "reference": report.reference,
            "kind": report.kind,
            "manner": report.manner,
            "received_at": report.received_at,
            "meets": sorted(meets_all),
            "detail_ids": [a.detail.pk for a in applied],
            "assessment_id": getattr(assessment, "pk", None),
            "nested": nested,
        },
    )
    return report


def _recompute(person: Person, actor: Any, trigger: str) -> Any:
    from ncos.registry.services.obligations import recompute

    return recompute(person, actor=actor, trigger=trigger[:100])


def _snapshot_met(report: Report) -> None:
    """Copy what the engine now says about each obligation the report meets."""
    links = list(report.meets.select_related("obligation"))
    for link in links:
        o = link.obligation
        if o is None:
            continue
        link.due_date = o.due_date
        link.met_on = o.met_on if o.status == "met" else None
        link.days_late = o.days_late if o.status == "met" else None
    ReportObligation.objects.bulk_update(links, ["due_date", "met_on", "days_late"])
