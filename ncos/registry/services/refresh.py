"""Recompute a person's obligations on request (a page button, another app, a nightly sweep)."""

from __future__ import annotations

from typing import Any

from ncos.access.actions import Action
from ncos.common.services import service
from ncos.registry.models import Assessment, Person
from ncos.registry.services._common import as_uuid, audit_write, lock_person
from ncos.registry.services.obligations import recompute


@service
def obligations_refresh(*, actor: Any, person_id: object, trigger: str = "refresh") -> Assessment:
    """Reassess the person now. Other apps call this inside their own write (e.g. after a report
    is recorded) so the obligations follow their events in the same transaction; it audits as a
    write of the person (`person.obligations.refresh`)."""
    person = lock_person(actor, person_id, Action.PERSON_UPDATE, allow_merged=True)
    assessment = recompute(person, actor=actor, trigger=trigger)
    audit_write(
        actor,
        person,
        "person.obligations.refresh",
        details={"assessment_id": assessment.pk, "trigger": trigger[:100]},
    )
    return assessment


@service
def obligations_refresh_system(*, person_id: object, trigger: str = "nightly") -> Assessment:
    """The same, for background work with no user (nightly sweep): audited as the system."""
    person = (
        Person.objects.select_for_update(of=("self",))
        .select_related("managing_jurisdiction")
        .get(pk=as_uuid(person_id))
    )
    assessment = recompute(person, actor=None, trigger=trigger)
    audit_write(
        None,
        person,
        "person.obligations.refresh",
        details={"assessment_id": assessment.pk, "trigger": trigger[:100]},
    )
    return assessment
