"""Who manages the person: the managing jurisdiction (interstate transfer) and the case officer.

Both are acts of another app's workflow (the sharing app's transfer, the cases app's
supervision) carried out on the register's record, so the register's invariants hold: row lock,
version bump, `PersonRevision`, recomputed obligations, search told, one audit row.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.directory.models import Jurisdiction
from ncos.registry.models import Person
from ncos.registry.services._common import (
    OBJECT_TYPE,
    as_uuid,
    audit_write,
    lock_person,
    now,
    reindex,
)
from ncos.registry.services.person import _check_case_officer, _revision


@service
def person_transfer_management(
    *,
    actor: User,
    person_id: object,
    to_jurisdiction: str,
    effective_on: date,
    reason: str,
    reference: str = "",
) -> Person:
    """Move the person's management to `to_jurisdiction` (the receiving registrar accepts).

    Authorised as `transfer.decide` against the *receiving* jurisdiction; the case officer (a
    user of the old registry) is cleared; obligations are recomputed under the new law."""
    try:
        pk = as_uuid(person_id)
    except NotFound:
        raise NotFound("person not found") from None
    person = (
        Person.objects.select_for_update(of=("self",))
        .select_related("managing_jurisdiction")
        .filter(pk=pk)
        .first()
    )
    if person is None:
        raise NotFound("person not found")
    authorize(
        actor,
        Action.TRANSFER_DECIDE,
        RecordRef(managing_jurisdiction=to_jurisdiction, protected=person.protected),
        object_type=OBJECT_TYPE,
        object_id=person.pk,
    )
    if person.merged_into_id is not None:
        raise RuleViolation("This record was merged; transfer the surviving record.")
    target = Jurisdiction.objects.filter(code=to_jurisdiction).first()
    if target is None:
        raise RuleViolation("Unknown jurisdiction.", "to_jurisdiction")
    if target.code == person.managing_jurisdiction_id:
        raise RuleViolation(
            "The person is already managed by that jurisdiction.", "to_jurisdiction"
        )
    if not (reason or "").strip():
        raise RuleViolation("Give the reason for the transfer.", "reason")
    before = person.managing_jurisdiction_id
    person.managing_jurisdiction = target
    person.case_officer = None
    person.version += 1
    person.updated_at = now()
    person.save(update_fields=["managing_jurisdiction", "case_officer", "version", "updated_at"])
    _revision(person, actor, f"managing jurisdiction {before} → {target.code}: {reference}")
    from ncos.registry.services.obligations import recompute

    recompute(person, actor=actor, trigger=f"transfer to {target.code}")
    reindex(person.pk)
    audit_write(
        actor,
        person,
        "person.transfer",
        changes={"managing_jurisdiction": (before, target.code)},
        details={"effective_on": effective_on, "reference": reference[:100]},
        reason=reason.strip()[:300],
    )
    return person


@service
def person_assign_case_officer(
    *,
    actor: User,
    person_id: object,
    officer: User | None,
    reason: str,
    expected_version: int | None = None,
    audit_details: Mapping[str, Any] | None = None,
) -> Person:
    """Assign (or clear) the case officer: a supervisor's act (`case.supervise`)."""
    person = lock_person(actor, person_id, Action.CASE_SUPERVISE)
    if expected_version is not None and person.version != expected_version:
        raise ConflictError(
            "This record was changed by someone else since you opened it.",
            current_version=person.version,
        )
    if not (reason or "").strip():
        raise RuleViolation("Give the reason.", "reason")
    _check_case_officer(officer, person.managing_jurisdiction_id)
    before = person.case_officer_id
    after = officer.pk if officer is not None else None
    if before == after:
        return person
    person.case_officer = officer
    person.version += 1
    person.updated_at = now()
    person.save(update_fields=["case_officer", "version", "updated_at"])
    _revision(person, actor, reason.strip())
    audit_write(
        actor,
        person,
        "person.case_officer",
        changes={"case_officer": (before, after)},
        reason=reason.strip()[:300],
        extra=audit_details,
    )
    return person
