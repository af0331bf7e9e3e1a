"""Shared plumbing of the compliance services: lock + authorise the person, audit, time."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, NotFound
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.audit import record as audit
from ncos.registry.models import Person

OBJECT_TYPE = "person"


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


def lock_person(actor: Any, person: object, action: Action = Action.PERSON_UPDATE) -> Person:
    """Lock the person row for the transaction and check `actor` may take `action` on it (the
    check and the write under the same lock, ASVS 15.4.2). `actor=None` is the system."""
    pk = person.pk if isinstance(person, Person) else as_uuid(person, "person")
    locked = (
        Person.objects.select_for_update(of=("self",))
        .select_related("managing_jurisdiction")
        .filter(pk=pk)
        .first()
    )
    if locked is None:
        raise NotFound("person not found")
    if actor is not None:
        authorize(actor, action, record_ref(locked), object_type=OBJECT_TYPE, object_id=locked.pk)
    return locked


def authorize_person(actor: Any, person: Person, action: Action) -> None:
    authorize(actor, action, record_ref(person), object_type=OBJECT_TYPE, object_id=person.pk)


def audit_write(
    actor: Any,
    person: Person,
    action: str,
    *,
    details: Mapping[str, Any] | None = None,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
    reason: str = "",
) -> None:
    """The one audit row of a compliance write: ids and values, never a name."""
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


def audit_read(
    actor: Any, person: Person, action: Action, *, purpose: str = "", **details: Any
) -> None:
    audit.record_read(
        actor=actor,
        object_type=OBJECT_TYPE,
        object_id=person.pk,
        managing_jurisdiction=person.managing_jurisdiction_id,
        protected=person.protected,
        action=action.value,
        purpose=purpose,
        details={k: jsonable(v) for k, v in details.items()} or None,
    )


def jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if hasattr(value, "pk"):
        return str(value.pk)
    return value


def zone_of(person: Person) -> ZoneInfo:
    return ZoneInfo(person.managing_jurisdiction.time_zone)


def local_today(person: Person) -> date:
    return timezone.localdate(timezone=zone_of(person))


def now() -> datetime:
    return timezone.now()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_version(current: int, expected: int | None) -> None:
    """Optimistic concurrency: the version the actor read must still be current."""
    if expected is not None and expected != current:
        raise ConflictError(
            "This record was changed by someone else since you opened it. Reload it and make "
            "your change again if it is still needed.",
            current_version=current,
        )


def age_on(born: date, day: date) -> int:
    """Completed years on `day` (a 29 February birthday turns over on 1 March)."""
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years
