"""Shared plumbing of the case-management services: load + lock + authorise, audit, checks."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django.db.models import Model
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.access.roles import PERSON_WRITERS
from ncos.audit import record as audit
from ncos.registry.models import Person

OBJECT_TYPE = "person"  # case records are audited against the person they are about
SYSTEM = "system"


def now() -> datetime:
    return timezone.now()


def as_uuid(value: object, what: str = "record") -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise NotFound(f"{what} not found") from None


def record_ref(person: Person) -> RecordRef:
    return RecordRef(
        managing_jurisdiction=person.managing_jurisdiction_id, protected=person.protected
    )


def local_today(person: Person) -> date:
    """Today in the managing jurisdiction's time zone."""
    return timezone.localdate(timezone=person.managing_jurisdiction.zone)


def lock_person(actor: Any, person_id: object, action: Action) -> Person:
    """Lock the person row (only that row) for the rest of the transaction, then authorise.

    `actor=None` is the system (sweeps, background tasks): no user, so no policy decision."""
    person = (
        Person.objects.select_for_update(of=("self",))
        .select_related("managing_jurisdiction", "case_officer")
        .filter(pk=as_uuid(person_id if not isinstance(person_id, Person) else person_id.pk))
        .first()
    )
    if person is None:
        raise NotFound("person not found")
    if actor is not None:
        authorize(actor, action, record_ref(person), object_type=OBJECT_TYPE, object_id=person.pk)
    if person.merged_into_id is not None:
        survivor = Person.objects.only("national_id").get(pk=person.merged_into_id)
        raise RuleViolation(
            f"This record was merged into {survivor.national_id}. Work on that record."
        )
    return person


def lock_row(model: type[Model], pk: object, what: str) -> Any:
    """Load a case record (e.g. a task) with its person, lock it, and return it (unchecked)."""
    row = (
        model.objects.select_for_update(of=("self",))  # type: ignore[attr-defined]
        .select_related("person", "person__managing_jurisdiction", "person__case_officer")
        .filter(pk=as_uuid(pk, what))
        .first()
    )
    if row is None:
        raise NotFound(f"{what} not found")
    return row


def check_version(row: Any, expected_version: int | None) -> None:
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            "This record was changed by someone else since you opened it. Review the current "
            "version and make your change again.",
            current_version=row.version,
        )


def check_officer(officer: Any, person: Person, field: str = "assignee") -> None:
    """An assignee, visiting officer or case officer must be able to work on the person."""
    if officer is None:
        return
    if officer.jurisdiction_id != person.managing_jurisdiction_id or not (
        officer.roles & PERSON_WRITERS
    ):
        raise RuleViolation(
            "Choose a registrar or case manager of the managing jurisdiction.", field
        )
    if not officer.is_active or officer.disabled_at is not None:
        raise RuleViolation("That user's account is disabled.", field)
    if person.protected and not officer.protected_clearance:
        raise RuleViolation(
            "This is a protected person: choose a user with protected clearance.", field
        )


def officer_eligible(officer: Any, person: Person) -> bool:
    try:
        check_officer(officer, person)
    except RuleViolation:
        return False
    return officer is not None


def required_text(value: str | None, field: str, message: str, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise RuleViolation(message, field)
    if len(text) > limit:
        raise RuleViolation(f"Keep this to {limit} characters or fewer.", field)
    return text


def optional_text(value: str | None, field: str, limit: int) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise RuleViolation(f"Keep this to {limit} characters or fewer.", field)
    return text


def choice(value: str | None, choices: Any, field: str, message: str) -> str:
    if value not in choices.values:
        raise RuleViolation(message, field)
    return str(value)


def jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, Model):
        return str(value.pk)
    return value


def audit_write(
    actor: Any,
    person: Person,
    action: str,
    *,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
    details: Mapping[str, Any] | None = None,
    reason: str = "",
    purpose: str = "",
) -> None:
    """The service's one audit row, against the person: ids and values, never names."""
    payload: dict[str, Any] = {k: jsonable(v) for k, v in (details or {}).items()}
    if changes:
        payload["changes"] = {
            k: {"before": jsonable(b), "after": jsonable(a)} for k, (b, a) in changes.items()
        }
    audit.record(
        action=action,
        actor=actor,
        actor_username="" if actor is not None else SYSTEM,
        object_type=OBJECT_TYPE,
        object_id=person.pk,
        managing_jurisdiction=person.managing_jurisdiction_id,
        protected=person.protected,
        reason=reason[:300],
        purpose=purpose[:300],
        details=payload,
    )
