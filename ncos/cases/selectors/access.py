"""Opening case records: one policy decision and one audit row per page or API request."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Model

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.access.guard import authorize
from ncos.audit import record as audit
from ncos.cases.services._common import OBJECT_TYPE, as_uuid, record_ref
from ncos.registry.models import Person


@dataclass
class CaseAccess:
    person: Person
    actor: Any
    action: Action
    audited: bool = False

    def audit_read(self, purpose: str = "", **details: Any) -> None:
        """This request's one read row (written once). Always `case.view`, whatever the page
        is for (a write form, the preview of a copy): the act itself — the write, the export —
        is audited by its service."""
        if self.audited:
            return
        audit.record_read(
            actor=self.actor,
            object_type=OBJECT_TYPE,
            object_id=self.person.pk,
            managing_jurisdiction=self.person.managing_jurisdiction_id,
            protected=self.person.protected,
            action=Action.CASE_VIEW.value,
            purpose=purpose[:300],
            details={k: str(v) for k, v in details.items()} or None,
        )
        self.audited = True


def _load_person(person_id: object) -> Person:
    person = (
        Person.objects.select_related("managing_jurisdiction", "case_officer", "merged_into")
        .filter(pk=as_uuid(person_id, "person"))
        .first()
    )
    if person is None:
        raise NotFound("person not found")
    return person


def case_access(
    *,
    actor: Any,
    person_id: object,
    action: Action = Action.CASE_VIEW,
    audit_now: bool = True,
    purpose: str = "",
) -> CaseAccess:
    """Open the person's case records for `action`. Refusals raise AccessDenied (audited)."""
    person = _load_person(person_id)
    authorize(actor, action, record_ref(person), object_type=OBJECT_TYPE, object_id=person.pk)
    access = CaseAccess(person=person, actor=actor, action=action)
    if audit_now:
        access.audit_read(purpose)
    return access


def record_access(
    *,
    actor: Any,
    model: type[Model],
    pk: object,
    action: Action = Action.CASE_VIEW,
    audit_now: bool = True,
    purpose: str = "",
) -> tuple[Any, CaseAccess]:
    """Open one case record (task, visit, referral, request…) through its person."""
    name = model.__name__.lower()
    row = (
        model.objects.select_related(  # type: ignore[attr-defined]
            "person", "person__managing_jurisdiction", "person__case_officer"
        )
        .filter(pk=as_uuid(pk, name))
        .first()
    )
    if row is None:
        raise NotFound(f"{name} not found")
    person = row.person
    authorize(actor, action, record_ref(person), object_type=OBJECT_TYPE, object_id=person.pk)
    access = CaseAccess(person=person, actor=actor, action=action)
    if audit_now:
        access.audit_read(purpose, **{f"{name}_id": row.pk})
    return row, access
