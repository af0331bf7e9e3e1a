"""Personal details: record a fact, correct it, end it, withdraw it — never overwrite.

Every write here creates a new `Detail` version. Superseding takes the old version out of
"current" with a conditional UPDATE (`… WHERE is_current`), under the person's row lock; the
partial unique index (one current version per fact) and the one-to-one `supersedes` link are the
database's guarantee that two concurrent corrections of the same version cannot both win.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError

from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.registry.choices import DetailChange, DetailKind, SourceType
from ncos.registry.kinds import SPECS, clean_data, spec_for, summarise
from ncos.registry.models import Detail, Person
from ncos.registry.services._common import (
    as_uuid,
    audit_write,
    check_period,
    lock_person,
    now,
    reindex,
    violation_from,
)

STALE_DETAIL = (
    "This detail was changed by someone else since you opened it. The current version is shown "
    "below; make your change again if it is still needed."
)


def _validated(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    if kind not in SPECS:
        raise RuleViolation("Choose a kind of personal detail.", "kind")
    try:
        return clean_data(kind, data)
    except ValidationError as exc:
        raise violation_from(exc) from None


def _source(source_type: str) -> str:
    if source_type not in SourceType.values:
        raise RuleViolation("Choose where this information came from.", "source_type")
    return source_type


def _after_write(person: Person, actor: Any, kind: str, trigger: str) -> None:
    """Keep the name cache, the obligations and the search index in step with the facts."""
    if kind == DetailKind.NAME:
        from ncos.registry.services.person import sync_name_cache

        sync_name_cache(person)
    if spec_for(kind).engine_kind is not None:
        from ncos.registry.services.obligations import recompute

        recompute(person, actor=actor, trigger=trigger)
    if spec_for(kind).searchable:
        reindex(person.pk)


@service
def detail_record(
    *,
    actor: User,
    person_id: object,
    kind: str,
    data: Mapping[str, Any],
    valid_from: date | None = None,
    valid_to: date | None = None,
    changed_at: datetime | None = None,
    source_type: str = SourceType.POLICE,
    source_reference: str = "",
    report_id: uuid.UUID | None = None,
) -> Detail:
    """Record a new fact about the person (a new address, vehicle, alias, …)."""
    person = lock_person(actor, person_id)
    clean = _validated(kind, data)
    check_period(valid_from, valid_to)
    detail = Detail.objects.create(
        person=person,
        kind=kind,
        data=clean,
        summary=summarise(kind, clean),
        valid_from=valid_from,
        valid_to=valid_to,
        changed_at=changed_at,
        change=DetailChange.RECORDED,
        recorded_at=now(),
        recorded_by=actor,
        source_type=_source(source_type),
        source_reference=source_reference[:200],
        report_id=report_id,
    )
    _after_write(person, actor, kind, f"{kind} recorded")
    audit_write(
        actor,
        person,
        "person.detail.record",
        details={"kind": kind, "fact_id": detail.fact_id, "detail_id": detail.pk},
    )
    return detail


def _supersede(
    actor: User,
    detail_id: object,
    action: str,
    change: str,
    reason: str,
    build: Callable[[Detail], dict[str, Any]],
    *,
    source_type: str,
    source_reference: str,
    report_id: uuid.UUID | None,
    audit_details: Mapping[str, Any] | None = None,
) -> Detail:
    try:
        pk = as_uuid(detail_id)
    except NotFound:
        raise NotFound("detail not found") from None
    old = Detail.objects.filter(pk=pk).only("person_id").first()
    if old is None:
        raise NotFound("detail not found")
    person = lock_person(actor, old.person_id)
    old = Detail.objects.get(pk=pk)
    if not old.is_current:
        raise ConflictError(STALE_DETAIL)
    if not (reason or "").strip():
        raise RuleViolation("Give the reason for the change.", "reason")
    fields = build(old)
    stamp = now()
    taken = Detail.objects.filter(pk=old.pk, is_current=True).update(
        is_current=False, superseded_at=stamp
    )
    if taken != 1:
        raise ConflictError(STALE_DETAIL)
    new = Detail.objects.create(
        fact_id=old.fact_id,
        sequence=old.sequence + 1,
        person=person,
        kind=old.kind,
        supersedes=old,
        change=change,
        recorded_at=stamp,
        recorded_by=actor,
        source_type=_source(source_type),
        source_reference=source_reference[:200],
        report_id=report_id,
        reason=reason.strip()[:500],
        **fields,
    )
    _after_write(person, actor, old.kind, f"{old.kind} {change}")
    audit_write(
        actor,
        person,
        action,
        details={
            "kind": old.kind,
            "fact_id": old.fact_id,
            "superseded": old.pk,
            "detail_id": new.pk,
            "sequence": new.sequence,
        },
        reason=reason.strip()[:300],
        extra=audit_details,
    )
    return new


@service
def detail_correct(
    *,
    actor: User,
    detail_id: object,
    data: Mapping[str, Any],
    valid_from: date | None,
    valid_to: date | None,
    reason: str,
    changed_at: datetime | None = None,
    source_type: str = SourceType.POLICE,
    source_reference: str = "",
    report_id: uuid.UUID | None = None,
    audit_details: Mapping[str, Any] | None = None,
) -> Detail:
    """Correct version `detail_id` (it was wrong): a new version supersedes it; both are kept.

    `detail_id` is the version the actor saw; if it is no longer current, `ConflictError`.
    `audit_details` (e.g. ``{"access_request_id": …}`` from an s 122 correction) is merged into
    the one audit row of the act."""

    def build(old: Detail) -> dict[str, Any]:
        clean = _validated(old.kind, data)
        check_period(valid_from, valid_to)
        return {
            "data": clean,
            "summary": summarise(old.kind, clean),
            "valid_from": valid_from,
            "valid_to": valid_to,
            "changed_at": changed_at,
        }

    return _supersede(
        actor,
        detail_id,
        "person.detail.correct",
        DetailChange.CORRECTED,
        reason,
        build,
        source_type=source_type,
        source_reference=source_reference,
        report_id=report_id,
        audit_details=audit_details,
    )


@service
def detail_end(
    *,
    actor: User,
    detail_id: object,
    valid_to: date,
    reason: str,
    changed_at: datetime | None = None,
    source_type: str = SourceType.POLICE,
    source_reference: str = "",
    report_id: uuid.UUID | None = None,
) -> Detail:
    """The fact stopped being true on `valid_to` (moved out, sold the car, tattoo removed)."""

    def build(old: Detail) -> dict[str, Any]:
        if old.withdrawn:
            raise RuleViolation("This detail was withdrawn; it cannot be ended.")
        check_period(old.valid_from, valid_to)
        return {
            "data": old.data,
            "summary": old.summary,
            "valid_from": old.valid_from,
            "valid_to": valid_to,
            "changed_at": changed_at,
        }

    return _supersede(
        actor,
        detail_id,
        "person.detail.end",
        DetailChange.UPDATED,
        reason,
        build,
        source_type=source_type,
        source_reference=source_reference,
        report_id=report_id,
    )


@service
def detail_withdraw(
    *,
    actor: User,
    detail_id: object,
    reason: str,
    source_type: str = SourceType.POLICE,
    source_reference: str = "",
) -> Detail:
    """The fact was recorded in error: a withdrawing version supersedes it (history keeps both)."""

    def build(old: Detail) -> dict[str, Any]:
        if old.withdrawn:
            raise RuleViolation("This detail is already withdrawn.")
        return {
            "data": old.data,
            "summary": old.summary,
            "valid_from": old.valid_from,
            "valid_to": old.valid_to,
            "withdrawn": True,
        }

    return _supersede(
        actor,
        detail_id,
        "person.detail.withdraw",
        DetailChange.WITHDRAWN,
        reason,
        build,
        source_type=source_type,
        source_reference=source_reference,
        report_id=None,
    )
