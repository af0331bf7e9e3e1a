"""Shared plumbing of the sharing services: locking and authorising, the one audit row, the
inbox, optimistic concurrency, and the register's recompute."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.audit import record as audit
from ncos.directory.models import Jurisdiction
from ncos.registry.models import Person
from ncos.registry.services._common import jsonable, lock_person
from ncos.sharing.models import InboxItem


class WrongState(RuleViolation):
    """The record is not in a state that allows this step (HTTP 409 in the API)."""


STALE = (
    "This record was changed by someone else since you opened it. Review the current version "
    "and make your change again if it is still needed."
)


def now() -> datetime:
    return timezone.now()


def as_uuid(value: object, what: str = "record") -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        raise NotFound(f"{what} not found") from None


def lock_managed_person(actor: Any, person_id: object, action: Action) -> Person:
    """Lock the person and check `actor` may take `action` as the managing jurisdiction."""
    return lock_person(actor, person_id, action)


def lock_person_addressed(
    actor: Any,
    person_id: object,
    action: Action,
    jurisdiction: str,
    object_type: str,
    object_id: object,
) -> Person:
    """Lock the person and check `actor` may take `action` for `jurisdiction` — the registry a
    notification or transfer is addressed to, which is not (yet) the managing one."""
    person = (
        Person.objects.select_for_update(of=("self",))
        .select_related("managing_jurisdiction")
        .filter(pk=as_uuid(person_id, "person"))
        .first()
    )
    if person is None:
        raise NotFound("person not found")
    authorize(
        actor,
        action,
        RecordRef(managing_jurisdiction=jurisdiction, protected=person.protected),
        object_type=object_type,
        object_id=object_id,
    )
    return person


def check_version(current: int, expected: int | None) -> None:
    if expected is None or current != expected:
        raise ConflictError(STALE, current_version=current)


def local_today(code: str) -> date:
    zone = Jurisdiction.objects.only("time_zone").get(code=code).time_zone
    return timezone.localdate(timezone=ZoneInfo(zone))


def audit_write(
    actor: Any,
    person: Person,
    action: str,
    *,
    object_type: str = "person",
    object_id: object = None,
    details: Mapping[str, Any] | None = None,
    changes: Mapping[str, tuple[Any, Any]] | None = None,
    reason: str = "",
) -> None:
    """The service's one audit row: ids, codes and dates; never a name."""
    audit.record_write(
        actor=actor,
        action=action,
        object_type=object_type,
        object_id=person.pk if object_id is None else object_id,
        managing_jurisdiction=person.managing_jurisdiction_id,
        protected=person.protected,
        changes={k: (jsonable(b), jsonable(a)) for k, (b, a) in (changes or {}).items()},
        details={k: jsonable(v) for k, v in (details or {}).items()},
        reason=reason[:300],
    )


def post_inbox(
    *,
    jurisdiction: str,
    from_jurisdiction: str | None,
    kind: str,
    title: str,
    person: Person,
    object_type: str,
    object_id: uuid.UUID,
) -> InboxItem:
    """Put an item in a registry's inbox (`title` must not name the person)."""
    return InboxItem.objects.create(
        jurisdiction_id=jurisdiction,
        from_jurisdiction_id=from_jurisdiction,
        kind=kind,
        title=title[:200],
        person=person,
        object_type=object_type,
        object_id=object_id,
        created_at=now(),
    )


def recompute_obligations(person: Person, actor: Any, trigger: str) -> None:
    """Reassess the (locked) person in the caller's transaction, so the obligations follow the
    events this app just recorded (registry `obligations.recompute`; it writes no audit row)."""
    from ncos.registry.services.obligations import recompute

    recompute(person, actor=actor, trigger=trigger[:100])


def require_text(value: str | None, field: str, message: str) -> str:
    text = (value or "").strip()
    if not text:
        raise RuleViolation(message, field)
    return text


def not_future(day: date | None, today: date, field: str, what: str) -> None:
    if day is not None and day > today:
        raise RuleViolation(f"{what} cannot be in the future.", field)
