"""Overseas-travel permission: the application, the competent authority's decision, telling
the traveller, supporting documents and notices to foreign law enforcement (keyword-only; one
transaction and one audit row each)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import IO, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.directory.models import JurisdictionCode
from ncos.passports.choices import (
    DECISIONS,
    GRANTED,
    DocumentKind,
    PermissionStatus,
    ToldHow,
)
from ncos.passports.models import (
    ForeignNotice,
    PermissionDocument,
    TravelPermission,
)
from ncos.registry.models import Person
from ncos.registry.services._common import local_today, lock_person
from ncos.registry.uploads import JPEG_MAGIC, PNG_MAGIC, clean_document, clean_photo
from ncos.sharing.models import TravelPlan
from ncos.sharing.services._common import (
    WrongState,
    as_uuid,
    audit_write,
    check_version,
    not_future,
    now,
    require_text,
)

AUSTRALIA = "Australia"

# --- overseas-travel permission -------------------------------------------------------------


def _countries(destinations: Sequence[str]) -> list[str]:
    cleaned = [d.strip() for d in destinations if d and d.strip()]
    if not cleaned:
        raise RuleViolation("Give at least one country of destination.", "destinations")
    for name in cleaned:
        if name.upper() in JurisdictionCode.values or name.casefold() == "australia":
            raise RuleViolation(
                "Permission is for travel outside Australia: list foreign countries only.",
                "destinations",
            )
        if len(name) > 60:
            raise RuleViolation("A country name has at most 60 characters.", "destinations")
    return cleaned


@service
def permission_apply(
    *,
    actor: User,
    person_id: object,
    destinations: Sequence[str],
    depart_on: date,
    return_on: date | None,
    purpose: str,
    applied_on: date,
    travel_plan_id: object = None,
) -> TravelPermission:
    """Record an application for permission to travel outside Australia (NSW s 11G (1); in the
    ACT, to the Chief Police Officer as competent authority), received by the registry."""
    person = lock_person(actor, person_id, Action.PERSON_UPDATE)
    countries = _countries(destinations)
    text = require_text(purpose, "purpose", "Give the purpose of the travel.")
    not_future(applied_on, local_today(person), "applied_on", "The day of the application")
    if return_on is not None and return_on < depart_on:
        raise RuleViolation("The return date is before the departure date.", "return_on")
    plan = None
    if travel_plan_id:
        plan = TravelPlan.objects.filter(
            pk=as_uuid(travel_plan_id, "travel plan"), person=person
        ).first()
        if plan is None:
            raise RuleViolation("Choose one of this person's travel plans.", "travel_plan")
        if not plan.overseas:
            raise RuleViolation("That travel plan has no stay outside Australia.", "travel_plan")
    stamp = now()
    permission = TravelPermission.objects.create(
        person=person,
        jurisdiction_id=person.managing_jurisdiction_id,
        travel_plan=plan,
        applied_on=applied_on,
        destinations=countries,
        depart_on=depart_on,
        return_on=return_on,
        purpose=text,
        recorded_at=stamp,
        recorded_by=actor,
        updated_at=stamp,
    )
    audit_write(
        actor,
        person,
        "person.travel_permission.apply",
        details={
            "permission": permission.pk,
            "destinations": countries,
            "depart_on": depart_on,
            "travel_plan": plan.pk if plan else None,
        },
    )
    return permission


def _lock_permission(actor: User, permission_id: object, action: Action) -> tuple[Person, Any]:
    pk = as_uuid(permission_id, "permission")
    person_id = TravelPermission.objects.filter(pk=pk).values_list("person_id", flat=True).first()
    if person_id is None:
        raise NotFound("permission not found")
    person = lock_person(actor, person_id, action, allow_merged=True)
    return person, TravelPermission.objects.select_for_update().get(pk=pk)


@service
def permission_decide(
    *,
    actor: User,
    permission_id: object,
    expected_version: int | None,
    decision: str,
    reasons: str,
    conditions: str = "",
    decided_on: date | None = None,
) -> TravelPermission:
    """The competent authority of the managing jurisdiction decides: granted, granted with
    conditions, or refused — always with reasons (NSW s 11G (3), (4))."""
    person, permission = _lock_permission(actor, permission_id, Action.TRAVEL_DECIDE)
    check_version(permission.version, expected_version)
    if permission.status != PermissionStatus.PENDING:
        raise WrongState("This application has already been decided.", "status")
    if decision not in DECISIONS:
        raise RuleViolation("Choose the decision.", "decision")
    why = require_text(reasons, "reasons", "Give the reasons for the decision.")
    terms = (conditions or "").strip()
    if decision == PermissionStatus.GRANTED_WITH_CONDITIONS and not terms:
        raise RuleViolation("State the conditions of the permission.", "conditions")
    if decision != PermissionStatus.GRANTED_WITH_CONDITIONS and terms:
        raise RuleViolation("Conditions go with “granted with conditions” only.", "conditions")
    today = local_today(person)
    day = decided_on or today
    not_future(day, today, "decided_on", "The day of the decision")
    if day < permission.applied_on:
        raise RuleViolation("The decision cannot be before the application.", "decided_on")
    stamp = now()
    permission.status = decision
    permission.decided_on = day
    permission.decided_at = stamp
    permission.decided_by = actor
    permission.reasons = why
    permission.conditions = terms
    permission.version += 1
    permission.updated_at = stamp
    permission.save()
    audit_write(
        actor,
        person,
        "person.travel_permission.decide",
        details={"permission": permission.pk, "decision": decision, "decided_on": day},
    )
    return permission


@service
def permission_record_told(
    *,
    actor: User,
    permission_id: object,
    expected_version: int | None,
    told_at: datetime,
    told_how: str,
) -> TravelPermission:
    """Record how and when the traveller was told of the decision (a refusal in writing, with
    its reasons: NSW s 11G (4))."""
    person, permission = _lock_permission(actor, permission_id, Action.TRAVEL_DECIDE)
    check_version(permission.version, expected_version)
    if permission.status == PermissionStatus.PENDING:
        raise WrongState("The application has not been decided yet.", "status")
    if told_how not in ToldHow.values:
        raise RuleViolation("Choose how the traveller was told.", "told_how")
    if permission.status == PermissionStatus.REFUSED and told_how not in (
        ToldHow.LETTER,
        ToldHow.EMAIL,
    ):
        raise RuleViolation(
            "A refusal is given as written notice with its reasons (NSW s 11G (4)): choose a "
            "letter or email.",
            "told_how",
        )
    if told_at > now():
        raise RuleViolation("That moment is in the future.", "told_at")
    # Forms give the minute; the decision was recorded to the microsecond that same minute.
    if permission.decided_at and told_at < permission.decided_at.replace(second=0, microsecond=0):
        raise RuleViolation("The traveller cannot be told before the decision.", "told_at")
    permission.told_at = told_at
    permission.told_how = told_how
    permission.told_by = actor
    permission.version += 1
    permission.updated_at = now()
    permission.save()
    audit_write(
        actor,
        person,
        "person.travel_permission.told",
        details={"permission": permission.pk, "told_how": told_how},
    )
    return permission


@contextmanager
def _removed_on_error(name: str) -> Iterator[None]:
    try:
        yield
    except BaseException:
        default_storage.delete(name)
        raise


@service
def permission_add_document(
    *,
    actor: User,
    permission_id: object,
    upload: IO[bytes],
    title: str,
    kind: str = DocumentKind.OTHER,
) -> PermissionDocument:
    """Attach a supporting document, recognised by its content: a PDF (kept as given, served
    only as a sandboxed download) or a JPEG/PNG image (decoded and re-encoded without
    metadata). Anything else is refused."""
    person, permission = _lock_permission(actor, permission_id, Action.PERSON_UPDATE)
    if kind not in DocumentKind.values:
        raise RuleViolation("Choose the kind of document.", "kind")
    name_text = require_text(title, "title", "Give the document a title.")[:200]
    head = upload.read(8)
    upload.seek(0)
    if not (head.startswith((JPEG_MAGIC, PNG_MAGIC)) or head.startswith(b"%PDF-")):
        raise RuleViolation("Only PDF, JPEG or PNG files are accepted.", "file")
    if head.startswith((JPEG_MAGIC, PNG_MAGIC)):
        image = clean_photo(upload, "file")
        data, content_type, digest, ext = (
            image.data,
            image.content_type,
            image.sha256,
            (image.extension),
        )
    else:
        pdf = clean_document(upload, "file")
        data, content_type, digest, ext = pdf.data, pdf.content_type, pdf.sha256, "pdf"
    storage_name = f"passports/permissions/{secrets.token_hex(16)}.{ext}"
    saved = default_storage.save(storage_name, ContentFile(data))
    with _removed_on_error(saved):
        document = PermissionDocument.objects.create(
            permission=permission,
            kind=kind,
            title=name_text,
            storage_name=saved,
            content_type=content_type,
            size_bytes=len(data),
            sha256=digest,
            uploaded_at=now(),
            uploaded_by=actor,
        )
        audit_write(
            actor,
            person,
            "person.travel_permission.document",
            details={"permission": permission.pk, "document": document.pk, "sha256": digest},
        )
    return document


def open_document(document: PermissionDocument) -> IO[bytes]:
    return default_storage.open(document.storage_name, "rb")


@service
def foreign_notice_record(
    *,
    actor: User,
    permission_id: object,
    country: str,
    agency: str,
    sent_at: datetime,
    channel: str,
    details_sent: str,
    reference: str = "",
) -> ForeignNotice:
    """Record that a foreign law enforcement agency was told of the travel, with what was sent."""
    person, permission = _lock_permission(actor, permission_id, Action.PERSON_UPDATE)
    where = require_text(country, "country", "Give the country.")[:60]
    who = require_text(agency, "agency", "Give the agency told.")[:200]
    how = require_text(channel, "channel", "Give how it was sent.")[:100]
    what = require_text(details_sent, "details_sent", "Record the details that were sent.")
    if sent_at > now():
        raise RuleViolation("That moment is in the future.", "sent_at")
    notice = ForeignNotice.objects.create(
        permission=permission,
        country=where,
        agency=who,
        sent_at=sent_at,
        channel=how,
        details_sent=what,
        reference=(reference or "").strip()[:100],
        recorded_at=now(),
        recorded_by=actor,
    )
    audit_write(
        actor,
        person,
        "person.travel_permission.foreign_notice",
        details={"permission": permission.pk, "notice": notice.pk, "country": where},
    )
    return notice


def permission_for_plan(plan: TravelPlan) -> bool | None:
    """For the sharing app's checks: True if the competent authority granted this overseas
    travel (linked to the plan, or covering its dates), False if not; None for domestic."""
    if not plan.overseas:
        return None
    granted = TravelPermission.objects.filter(person_id=plan.person_id, status__in=GRANTED)
    if granted.filter(travel_plan=plan).exists():
        return True
    for permission in granted.filter(travel_plan__isnull=True, depart_on__lte=plan.depart_on):
        if permission.return_on is None or (
            plan.return_on is not None and plan.return_on <= permission.return_on
        ):
            return True
    return False
