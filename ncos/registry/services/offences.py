"""Charges → findings of guilt → sentence; custody, parole and court orders.

Every record here is mutable under optimistic concurrency: a write names the `version` it was
based on and is refused with `ConflictError` if the record moved on. Each write is audited with
its before/after values and recomputes the person's obligations in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.db import models

from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.registry.catalogue import entry_for, match
from ncos.registry.choices import OffenceOutcome
from ncos.registry.models import Offence, Person
from ncos.registry.services._common import (
    as_uuid,
    audit_write,
    check_not_future,
    lock_person,
    now,
)

STALE = (
    "This record was changed by someone else since you opened it. Their version is shown below; "
    "make your change again if it is still needed."
)

OFFENCE_FIELDS = (
    "offence_jurisdiction",
    "act",
    "provision",
    "description",
    "circumstances",
    "engine_extra",
    "date_committed",
    "date_committed_to",
    "victim_ref",
    "victim_age",
    "charge_date",
    "court",
    "court_reference",
)
FINDING_FIELDS = (
    "date_found_guilty",
    "date_sentenced",
    "sentence",
    "custodial",
    "imprisonment",
    "supervision",
    "custody_release_date",
    "jurisdiction_of_conviction",
    "non_conviction_order",
    "court_exempted",
)


def _recompute(person: Person, actor: Any, trigger: str) -> None:
    from ncos.registry.services.obligations import recompute

    recompute(person, actor=actor, trigger=trigger)


def locked_child(
    actor: User, model: type[models.Model], pk: object, expected_version: int | None
) -> tuple[Person, Any]:
    """Lock the parent person (and check the actor may update it), then the child record."""
    try:
        key = as_uuid(pk)
    except NotFound:
        raise NotFound("record not found") from None
    row = model.objects.filter(pk=key).only("person_id").first()  # type: ignore[attr-defined]
    if row is None:
        raise NotFound("record not found")
    person = lock_person(actor, row.person_id)
    obj = model.objects.select_for_update().get(pk=key)  # type: ignore[attr-defined]
    if expected_version is not None and obj.version != expected_version:
        raise ConflictError(STALE, current_version=obj.version)
    return person, obj


def apply_changes(
    obj: Any, changes: Mapping[str, Any], allowed: tuple[str, ...], actor: User
) -> dict[str, tuple[Any, Any]]:
    unknown = sorted(set(changes) - set(allowed))
    if unknown:
        raise RuleViolation(f"“{unknown[0]}” cannot be changed here.", unknown[0])
    diff: dict[str, tuple[Any, Any]] = {}
    for name, value in changes.items():
        before = getattr(obj, name)
        if before != value:
            diff[name] = (before, value)
            setattr(obj, name, value)
    if diff:
        obj.version += 1
        obj.updated_at = now()
        obj.updated_by = actor
    return diff


def _classify(offence: Offence) -> None:
    entry = match(offence.offence_jurisdiction, offence.act, offence.provision)
    offence.in_catalogue = entry is not None
    offence.catalogue_item = entry.item if entry else ""


def _validate_offence(offence: Offence, person: Person) -> None:
    if not offence.act.strip():
        raise RuleViolation("Enter the Act that creates the offence.", "act")
    if not offence.provision.strip():
        raise RuleViolation("Enter the section or provision.", "provision")
    if not offence.offence_jurisdiction.strip():
        raise RuleViolation("Enter whose law the offence is against.", "offence_jurisdiction")
    check_not_future(offence.date_committed, person, "date_committed", "The offence date")
    check_not_future(offence.charge_date, person, "charge_date", "The charge date")
    if offence.date_committed and offence.date_committed < person.date_of_birth:
        raise RuleViolation(
            "The offence date is before the person's date of birth.", "date_committed"
        )
    if (
        offence.date_committed
        and offence.date_committed_to
        and offence.date_committed_to < offence.date_committed
    ):
        raise RuleViolation(
            "The end of the offence period is before its start.", "date_committed_to"
        )
    if offence.victim_age is not None and offence.victim_age > 120:
        raise RuleViolation("Enter the victim's age at the time, in years.", "victim_age")
    if not isinstance(offence.circumstances, dict) or not all(
        isinstance(v, bool) for v in offence.circumstances.values()
    ):
        raise RuleViolation("Circumstances are yes/no facts.", "circumstances")
    if offence.date_found_guilty:
        _validate_finding(offence, person)


def _validate_finding(offence: Offence, person: Person) -> None:
    found, sentenced = offence.date_found_guilty, offence.date_sentenced
    check_not_future(found, person, "date_found_guilty", "The date of the finding")
    check_not_future(sentenced, person, "date_sentenced", "The date of sentence")
    if found and offence.date_committed and found < offence.date_committed:
        raise RuleViolation(
            "The finding of guilt is before the offence was committed.", "date_found_guilty"
        )
    if found and sentenced and sentenced < found:
        raise RuleViolation("The sentence is dated before the finding of guilt.", "date_sentenced")
    release = offence.custody_release_date
    if release and sentenced and release < sentenced:
        raise RuleViolation(
            "The release from custody is before the sentence.", "custody_release_date"
        )
    if release and not offence.custodial:
        raise RuleViolation("A release date needs a custodial sentence.", "custody_release_date")


@service
def offence_charge(
    *,
    actor: User,
    person_id: object,
    catalogue_key: str = "",
    act: str = "",
    provision: str = "",
    offence_jurisdiction: str = "",
    expected_version: int | None = None,
    **fields: Any,
) -> Offence:
    """Record a charge (or, with `date_found_guilty`, an offence already decided).

    Pick the offence from the catalogue (`catalogue_key` from `ncos.registry.catalogue`) or give
    `act` + `provision` + `offence_jurisdiction` as free text (other jurisdictions, overseas)."""
    person = lock_person(actor, person_id)
    if expected_version is not None and person.version != expected_version:
        raise ConflictError(STALE, current_version=person.version)
    unknown = sorted(set(fields) - set(OFFENCE_FIELDS) - set(FINDING_FIELDS) - {"outcome"})
    if unknown:
        raise RuleViolation(f"“{unknown[0]}” is not a field of an offence.", unknown[0])
    if catalogue_key:
        entry = entry_for(catalogue_key)
        if entry is None:
            raise RuleViolation("Choose an offence from the catalogue.", "catalogue_key")
        act, provision, offence_jurisdiction = entry.act, entry.provision, entry.jurisdiction
        fields.setdefault("description", entry.description)
    stamp = now()
    count = Offence.objects.filter(person=person).count()
    offence = Offence(
        person=person,
        ref=f"O{count + 1}",
        act=(act or "").strip(),
        provision=(provision or "").strip(),
        offence_jurisdiction=(offence_jurisdiction or "").strip(),
        created_at=stamp,
        created_by=actor,
        updated_at=stamp,
        updated_by=actor,
        **fields,
    )
    if offence.date_found_guilty:
        offence.outcome = OffenceOutcome.FOUND_GUILTY
        offence.jurisdiction_of_conviction = (
            offence.jurisdiction_of_conviction or person.managing_jurisdiction_id
        )
    _validate_offence(offence, person)
    _classify(offence)
    offence.save(force_insert=True)
    if offence.outcome == OffenceOutcome.FOUND_GUILTY:
        _recompute(person, actor, f"offence {offence.ref} recorded")
    audit_write(
        actor,
        person,
        "person.offence.charge",
        details={
            "offence_id": offence.pk,
            "ref": offence.ref,
            "outcome": offence.outcome,
            "in_catalogue": offence.in_catalogue,
        },
    )
    return offence


@service
def offence_update(
    *,
    actor: User,
    offence_id: object,
    expected_version: int,
    changes: Mapping[str, Any],
    reason: str = "",
) -> Offence:
    """Correct the offence's particulars (and, once found guilty, its finding and sentence)."""
    person, offence = locked_child(actor, Offence, offence_id, expected_version)
    allowed = OFFENCE_FIELDS + (FINDING_FIELDS if offence.date_found_guilty else ())
    diff = apply_changes(offence, changes, allowed, actor)
    if not diff:
        return offence
    _validate_offence(offence, person)
    _classify(offence)
    offence.save()
    _recompute(person, actor, f"offence {offence.ref} corrected")
    audit_write(
        actor,
        person,
        "person.offence.update",
        changes=diff,
        reason=reason[:300],
        details={"offence_id": offence.pk, "version": offence.version},
    )
    return offence


@service
def offence_record_finding(
    *,
    actor: User,
    offence_id: object,
    expected_version: int,
    date_found_guilty: date,
    **finding: Any,
) -> Offence:
    """The charge ends in a finding of guilt (the step that can make the person registrable)."""
    person, offence = locked_child(actor, Offence, offence_id, expected_version)
    if offence.outcome != OffenceOutcome.CHARGED:
        raise RuleViolation("Only a pending charge can be decided.", "outcome")
    unknown = sorted(set(finding) - set(FINDING_FIELDS))
    if unknown:
        raise RuleViolation(f"“{unknown[0]}” is not part of a finding.", unknown[0])
    before = offence.outcome
    offence.outcome = OffenceOutcome.FOUND_GUILTY
    offence.date_found_guilty = date_found_guilty
    for name, value in finding.items():
        setattr(offence, name, value)
    offence.jurisdiction_of_conviction = (
        offence.jurisdiction_of_conviction or person.managing_jurisdiction_id
    )
    _validate_offence(offence, person)
    offence.version += 1
    offence.updated_at, offence.updated_by = now(), actor
    offence.save()
    _recompute(person, actor, f"finding of guilt on {offence.ref}")
    audit_write(
        actor,
        person,
        "person.offence.finding",
        changes={"outcome": (before, offence.outcome)},
        details={"offence_id": offence.pk, "date_found_guilty": date_found_guilty},
    )
    return offence


@service
def offence_close(
    *,
    actor: User,
    offence_id: object,
    expected_version: int,
    outcome: str,
    on: date,
    reason: str = "",
) -> Offence:
    """The charge ends without a finding (not guilty, withdrawn)."""
    if outcome not in (OffenceOutcome.NOT_GUILTY, OffenceOutcome.WITHDRAWN):
        raise RuleViolation("Choose not guilty or withdrawn.", "outcome")
    person, offence = locked_child(actor, Offence, offence_id, expected_version)
    if offence.outcome != OffenceOutcome.CHARGED:
        raise RuleViolation("Only a pending charge can be closed.", "outcome")
    check_not_future(on, person, "on", "The date")
    offence.outcome, offence.outcome_date = outcome, on
    offence.version += 1
    offence.updated_at, offence.updated_by = now(), actor
    offence.save()
    audit_write(
        actor,
        person,
        "person.offence.close",
        changes={"outcome": (OffenceOutcome.CHARGED, outcome)},
        reason=reason[:300],
        details={"offence_id": offence.pk, "on": on},
    )
    return offence


@service
def offence_quash(
    *,
    actor: User,
    offence_id: object,
    expected_version: int,
    quashed_on: date,
    retrial_ordered: bool = False,
    reason: str = "",
) -> Offence:
    """A court quashed the finding of guilt (ACT s 13): the row stays, marked quashed."""
    person, offence = locked_child(actor, Offence, offence_id, expected_version)
    if offence.outcome != OffenceOutcome.FOUND_GUILTY:
        raise RuleViolation("Only a finding of guilt can be quashed.", "outcome")
    check_not_future(quashed_on, person, "quashed_on", "The date the finding was quashed")
    if offence.date_found_guilty and quashed_on < offence.date_found_guilty:
        raise RuleViolation("The finding cannot be quashed before it was made.", "quashed_on")
    offence.outcome, offence.quashed_on = OffenceOutcome.QUASHED, quashed_on
    offence.retrial_ordered = retrial_ordered
    offence.version += 1
    offence.updated_at, offence.updated_by = now(), actor
    offence.save()
    _recompute(person, actor, f"finding on {offence.ref} quashed")
    audit_write(
        actor,
        person,
        "person.offence.quash",
        changes={"outcome": (OffenceOutcome.FOUND_GUILTY, OffenceOutcome.QUASHED)},
        reason=reason[:300],
        details={"offence_id": offence.pk, "quashed_on": quashed_on},
    )
    return offence
