"""Reading a person: one policy check and one audit row per request."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.access.guard import authorize
from ncos.audit import record as audit
from ncos.audit.models import Outcome
from ncos.directory.models import Jurisdiction
from ncos.registry.models import Person
from ncos.registry.services._common import OBJECT_TYPE, as_uuid, record_ref

_READS = frozenset(
    {Action.PERSON_VIEW, Action.PERSON_PHOTO, Action.PERSON_EXPORT, Action.PERSON_PRINT}
)


@dataclass
class PersonAccess:
    """The outcome of opening a person record.

    When `stub` is true, `person` is None and only `person_id` and `jurisdiction` (the managing
    registry, to contact) may be shown — nothing else of the record (AC-4)."""

    person_id: uuid.UUID
    jurisdiction: Jurisdiction
    stub: bool
    person: Person | None = None
    audited: bool = False
    _actor: Any = field(default=None, repr=False)
    _protected: bool = field(default=False, repr=False)
    _action: Action = field(default=Action.PERSON_VIEW, repr=False)

    def audit_read(self, purpose: str = "", **details: Any) -> None:
        """Write this request's read row (once), if it has not been written yet."""
        if self.audited:
            return
        audit.record_read(
            actor=self._actor,
            object_type=OBJECT_TYPE,
            object_id=self.person_id,
            managing_jurisdiction=self.jurisdiction.code,
            protected=self._protected,
            outcome=Outcome.STUB if self.stub else Outcome.ALLOWED,
            # A form page opened for a write is still a read of the record until the write happens.
            action=self._action.value if self._action in _READS else Action.PERSON_VIEW.value,
            purpose=purpose,
            details=details or None,
        )
        self.audited = True


def person_access(
    *,
    actor: Any,
    person_id: object,
    action: Action = Action.PERSON_VIEW,
    audit_now: bool = True,
    purpose: str = "",
    **details: Any,
) -> PersonAccess:
    """Load the person and decide. Refusals raise `AccessDenied` (audited) or `NotFound`.

    `audit_now=False` is for pages that will write (their service audits the act); if they end
    up only showing the record (an invalid form), they call `audit_read()` themselves.
    """
    try:
        pk = as_uuid(person_id)
    except NotFound:
        raise NotFound("person not found") from None
    person = (
        Person.objects.select_related("managing_jurisdiction", "case_officer", "merged_into")
        .filter(pk=pk)
        .first()
    )
    if person is None:
        raise NotFound("person not found")
    decision = authorize(actor, action, record_ref(person), object_type=OBJECT_TYPE, object_id=pk)
    access = PersonAccess(
        person_id=pk,
        jurisdiction=person.managing_jurisdiction,
        stub=decision.stub,
        person=None if decision.stub else person,
        _actor=actor,
        _protected=person.protected,
        _action=action,
    )
    if audit_now:
        access.audit_read(purpose, **details)
    return access
