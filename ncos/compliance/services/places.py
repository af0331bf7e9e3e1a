"""Approved reporting places (ACT s 64; NSW s 12 (1)): a registry keeps its own list.

A place that reports already name is never deleted: it is withdrawn from use (``active`` off)
and can be restored, so old reports and receipts still print where they were made.
"""

from __future__ import annotations

from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.audit import record as audit
from ncos.common.services import service
from ncos.compliance.models import ReportingPlace

OBJECT_TYPE = "reporting_place"
FIELDS = ("name", "address", "basis", "active")


def places_of(jurisdiction: str) -> list[ReportingPlace]:
    """A registry's places, those in use first (reference data: any signed-in user may read)."""
    return list(
        ReportingPlace.objects.filter(jurisdiction_id=jurisdiction).order_by("-active", "name")
    )


def place_for_edit(*, actor: Any, place_id: object) -> ReportingPlace:
    """The place, if `actor` may manage its registry's places."""
    place = _find(place_id)
    _authorize(actor, place.jurisdiction_id, place.pk)
    return place


def _find(place_id: object, *, lock: bool = False) -> ReportingPlace:
    try:
        pk = int(str(place_id))
    except ValueError:
        raise NotFound("reporting place not found") from None
    rows = ReportingPlace.objects.select_for_update() if lock else ReportingPlace.objects
    place = rows.filter(pk=pk).first()
    if place is None:
        raise NotFound("reporting place not found")
    return place


def _authorize(actor: Any, jurisdiction: str, pk: object = "") -> None:
    authorize(
        actor,
        Action.REFERENCE_MANAGE,
        RecordRef(managing_jurisdiction=jurisdiction, kind=OBJECT_TYPE),
        object_type=OBJECT_TYPE,
        object_id=pk,
    )


def _clean(jurisdiction: str, data: dict[str, Any], pk: int | None = None) -> dict[str, Any]:
    name = " ".join(str(data.get("name") or "").split())
    if not name:
        raise RuleViolation("Give the place's name, e.g. the police station.", "name")
    if len(name) > 200:
        raise RuleViolation("The name is at most 200 characters.", "name")
    address = " ".join(str(data.get("address") or "").split())
    if len(address) > 300:
        raise RuleViolation("The address is at most 300 characters.", "address")
    basis = " ".join(str(data.get("basis") or "").split())
    if not basis:
        raise RuleViolation(
            "Say why the place is approved (the section, notice or decision).", "basis"
        )
    if len(basis) > 200:
        raise RuleViolation("The basis is at most 200 characters.", "basis")
    taken = ReportingPlace.objects.filter(jurisdiction_id=jurisdiction, name__iexact=name)
    if taken.exclude(pk=pk).exists():
        raise RuleViolation("This registry already has a place of that name.", "name")
    return {
        "name": name,
        "address": address,
        "basis": basis,
        "active": bool(data.get("active", True)),
    }


@service
def place_add(*, actor: Any, data: dict[str, Any]) -> ReportingPlace:
    """Approve a reporting place for the actor's own registry."""
    jurisdiction = actor.jurisdiction_id
    _authorize(actor, jurisdiction)
    place = ReportingPlace.objects.create(
        jurisdiction_id=jurisdiction, **_clean(jurisdiction, data)
    )
    audit.record_write(
        actor=actor,
        action="compliance.place.add",
        object_type=OBJECT_TYPE,
        object_id=place.pk,
        managing_jurisdiction=jurisdiction,
        details={field: getattr(place, field) for field in FIELDS},
    )
    return place


@service
def place_update(*, actor: Any, place_id: object, data: dict[str, Any]) -> ReportingPlace:
    """Correct a place, or withdraw it from use (``active`` off) or restore it."""
    place = _find(place_id, lock=True)
    _authorize(actor, place.jurisdiction_id, place.pk)
    clean = _clean(place.jurisdiction_id, data, place.pk)
    changes = {f: (getattr(place, f), clean[f]) for f in FIELDS if getattr(place, f) != clean[f]}
    if not changes:
        return place
    for field, (_, after) in changes.items():
        setattr(place, field, after)
    place.save(update_fields=list(changes))
    audit.record_write(
        actor=actor,
        action="compliance.place.update",
        object_type=OBJECT_TYPE,
        object_id=place.pk,
        managing_jurisdiction=place.jurisdiction_id,
        changes=changes,
    )
    return place
