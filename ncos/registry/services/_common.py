"""Shared plumbing of the register's write services: load + lock + authorise, audit, hooks."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.audit import record as audit
from ncos.registry.models import Person

OBJECT_TYPE = "person"


def record_ref(person: Person) -> RecordRef:
    return RecordRef(
        managing_jurisdiction=person.managing_jurisdiction_id, protected=person.protected
    )


def as_uuid(value: object) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise NotFound("person not found") from None


def lock_person(
    actor: Any,
    person_id: object,
    action: Action = Action.PERSON_UPDATE,
    *,
    allow_merged: bool = False,
) -> Person:
    """Lock the person row for the rest of the transaction and check `actor` may take `action`.

    The check and the write happen under the same row lock (ASVS 15.4.2: a revoked grant or a
    transfer racing an edit cannot let the edit through).
    """
    pk = as_uuid(person_id)
    person = (
        # `of=("self",)`: lock the person only, not the joined jurisdiction row (PostgreSQL
        # would otherwise queue every write of a jurisdiction behind each other).
        Person.objects.select_for_update(of=("self",))
        .select_related("managing_jurisdiction")
        .filter(pk=pk)
        .first()
    )
    if person is None:
        raise NotFound("person not found")
    authorize(actor, action, record_ref(person), object_type=OBJECT_TYPE, object_id=person.pk)
    if person.merged_into_id is not None and not allow_merged:
        survivor = Person.objects.only("national_id").get(pk=person.merged_into_id)
        raise RuleViolation(
            f"This record was merged into {survivor.national_id}. Make the change there."
        )
    return person


def audit_write(
    actor: Any,
    person: Person,
    action: str,
    *,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
    details: Mapping[str, Any] | None = None,
    reason: str = "",
    extra: Mapping[str, Any] | None = None,
) -> None:
    """The service's one audit row: ids and values, never the person's name in `reason`.
    `extra` (from a calling app, e.g. the s 122 request a correction answers) joins `details`."""
    details = {**(extra or {}), **(details or {})}
    audit.record_write(
        actor=actor,
        action=action,
        object_type=OBJECT_TYPE,
        object_id=person.pk,
        managing_jurisdiction=person.managing_jurisdiction_id,
        protected=person.protected,
        changes={k: (jsonable(b), jsonable(a)) for k, (b, a) in (changes or {}).items()},
        details={k: jsonable(v) for k, v in (details or {}).items()},
        reason=reason,
    )


def jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if hasattr(value, "pk"):
        return str(value.pk)
    return value


def now() -> datetime:
    return timezone.now()


def local_today(person: Person) -> date:
    """Today in the managing jurisdiction's time zone (the engine's `as_of`)."""
    return timezone.localdate(timezone=ZoneInfo(person.managing_jurisdiction.time_zone))


def reindex(person_id: uuid.UUID) -> None:
    """Tell search the person's searchable facts changed (inside the caller's transaction)."""
    from ncos.search.index import reindex_person

    reindex_person(person_id)


def violation_from(exc: ValidationError, prefix: str = "") -> RuleViolation:
    """A Django ValidationError as the RuleViolation pages and the API show to the user."""
    if hasattr(exc, "error_dict"):
        field, errors = next(iter(exc.error_dict.items()))
        message = errors[0].messages[0] if errors else "Invalid value."
        return RuleViolation(message, f"{prefix}{field}")
    return RuleViolation(exc.messages[0] if exc.messages else "Invalid value.", prefix or None)


def check_period(
    valid_from: date | None, valid_to: date | None, *, field: str = "valid_to"
) -> None:
    if valid_from is not None and valid_to is not None and valid_to < valid_from:
        raise RuleViolation("The end date is before the start date.", field)


def check_not_future(day: date | None, person: Person, field: str, what: str) -> None:
    if day is not None and day > local_today(person):
        raise RuleViolation(f"{what} cannot be in the future.", field)
