"""Passport requests: draft, approval by a second registrar, sending, the passport
authority's acknowledgement and outcome (the person's passport details follow it through the
register's services), withdrawal."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.audit import record as audit
from ncos.common.services import service
from ncos.passports.choices import (
    GRANTED,
    OPEN_STATUSES,
    OUTCOME_FOR,
    Outcome,
    RequestStatus,
    RequestType,
    SendChannel,
)
from ncos.passports.models import (
    PassportRequest,
    PassportRequestEvent,
    TravelPermission,
)
from ncos.passports.services.details import update_passport_details
from ncos.registry.models import Person
from ncos.registry.services._common import local_today, lock_person
from ncos.sharing.choices import InboxKind
from ncos.sharing.services._common import (
    WrongState,
    as_uuid,
    audit_write,
    check_version,
    not_future,
    now,
    post_inbox,
    require_text,
)

PASSPORT_NUMBER_MAX = 20
AUSTRALIA = "Australia"

# --- passport requests ----------------------------------------------------------------------


def _event(request: PassportRequest, before: str, actor: User, note: str = "") -> None:
    PassportRequestEvent.objects.create(
        request=request,
        from_status=before,
        to_status=request.status,
        at=request.updated_at,
        by=actor,
        note=note[:1000],
    )


def _passport_number(value: str, field: str = "passport_number") -> str:
    text = (value or "").strip().upper().replace(" ", "")
    if not text:
        raise RuleViolation("Give the passport number.", field)
    if len(text) > PASSPORT_NUMBER_MAX or not text.isalnum():
        raise RuleViolation("A passport number has up to 20 letters and digits.", field)
    return text


def _type_fields(person: Person, request_type: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields each type needs, checked; the others cleared."""
    out: dict[str, Any] = {
        "passport_number": "",
        "passport_country": "",
        "passport_expires_on": None,
        "surrender_by": None,
        "travel_permission": None,
        "valid_until": None,
    }
    today = local_today(person)
    if request_type == RequestType.CANCEL_AUSTRALIAN:
        out["passport_number"] = _passport_number(fields.get("passport_number", ""))
        out["passport_country"] = AUSTRALIA
        out["passport_expires_on"] = fields.get("passport_expires_on")
    elif request_type == RequestType.SURRENDER_FOREIGN:
        out["passport_number"] = _passport_number(fields.get("passport_number", ""))
        country = (fields.get("passport_country") or "").strip()
        if not country:
            raise RuleViolation("Give the country that issued the passport.", "passport_country")
        if country.casefold() == "australia":
            raise RuleViolation(
                "An Australian passport is cancelled, not surrendered: choose that request.",
                "passport_country",
            )
        out["passport_country"] = country[:60]
        out["passport_expires_on"] = fields.get("passport_expires_on")
        surrender_by = fields.get("surrender_by")
        if surrender_by is not None and surrender_by < today:
            raise RuleViolation("The surrender date has passed.", "surrender_by")
        out["surrender_by"] = surrender_by
    elif request_type == RequestType.ISSUE_LIMITED:
        permission_id = fields.get("travel_permission")
        permission = None
        if permission_id:
            permission = TravelPermission.objects.filter(
                pk=as_uuid(permission_id, "permission"), person=person
            ).first()
        if permission is None:
            raise RuleViolation(
                "Choose the competent authority's permission for the travel.", "travel_permission"
            )
        if permission.status not in GRANTED:
            raise RuleViolation(
                "A limited-validity passport needs travel permission that was granted.",
                "travel_permission",
            )
        valid_until = fields.get("valid_until")
        if valid_until is None:
            raise RuleViolation("Give the last day the passport should be valid.", "valid_until")
        if valid_until <= today:
            raise RuleViolation("The validity must end after today.", "valid_until")
        if permission.return_on and valid_until < permission.return_on:
            raise RuleViolation(
                "The passport must stay valid until the permitted return date.", "valid_until"
            )
        out["travel_permission"] = permission
        out["valid_until"] = valid_until
    else:
        raise RuleViolation("Choose the kind of request.", "request_type")
    return out


@service
def passport_request_create(
    *, actor: User, person_id: object, request_type: str, grounds: str, **fields: Any
) -> PassportRequest:
    """Draft a request (a registrar or the competent authority of the managing jurisdiction)."""
    person = lock_person(actor, person_id, Action.PASSPORT_REQUEST)
    if request_type not in RequestType.values:
        raise RuleViolation("Choose the kind of request.", "request_type")
    why = require_text(grounds, "grounds", "Give the grounds for the request.")
    typed = _type_fields(person, request_type, fields)
    stamp = now()
    request = PassportRequest.objects.create(
        person=person,
        jurisdiction_id=person.managing_jurisdiction_id,
        request_type=request_type,
        grounds=why,
        created_at=stamp,
        created_by=actor,
        updated_at=stamp,
        updated_by=actor,
        **typed,
    )
    _event(request, "", actor, "drafted")
    audit_write(
        actor,
        person,
        "person.passport_request.create",
        details={"request": request.pk, "type": request_type},
    )
    return request


def _lock_request(
    actor: User, request_id: object, action: Action
) -> tuple[Person, PassportRequest]:
    pk = as_uuid(request_id, "passport request")
    person_id = PassportRequest.objects.filter(pk=pk).values_list("person_id", flat=True).first()
    if person_id is None:
        raise NotFound("passport request not found")
    person = lock_person(actor, person_id, action, allow_merged=True)
    return person, PassportRequest.objects.select_for_update().get(pk=pk)


def _require(request: PassportRequest, *allowed: str, step: str) -> None:
    if request.status not in allowed:
        raise WrongState(
            f"A request that is {RequestStatus(request.status).label.lower()} cannot be {step}.",
            "status",
        )


def _move(request: PassportRequest, actor: User, to: str, note: str = "", **fields: Any) -> str:
    before = request.status
    for name, value in fields.items():
        setattr(request, name, value)
    request.status = to
    request.version += 1
    request.updated_at = now()
    request.updated_by = actor
    request.save()
    _event(request, before, actor, note)
    return before


@service
def passport_request_update(
    *,
    actor: User,
    request_id: object,
    expected_version: int | None,
    grounds: str,
    **fields: Any,
) -> PassportRequest:
    """Change a draft (only a draft: an approved request is what was approved)."""
    person, request = _lock_request(actor, request_id, Action.PASSPORT_REQUEST)
    check_version(request.version, expected_version)
    _require(request, RequestStatus.DRAFT, step="edited")
    why = require_text(grounds, "grounds", "Give the grounds for the request.")
    typed = _type_fields(person, request.request_type, fields)
    for name, value in typed.items():
        setattr(request, name, value)
    request.grounds = why
    request.version += 1
    request.updated_at = now()
    request.updated_by = actor
    request.save()
    audit_write(
        actor,
        person,
        "person.passport_request.update",
        details={"request": request.pk, "version": request.version},
    )
    return request


@service
def passport_request_approve(
    *, actor: User, request_id: object, expected_version: int | None, note: str = ""
) -> PassportRequest:
    """A registrar other than the author (and the last editor) approves the draft."""
    person, request = _lock_request(actor, request_id, Action.PASSPORT_APPROVE)
    check_version(request.version, expected_version)
    _require(request, RequestStatus.DRAFT, step="approved")
    if actor.pk in (request.created_by_id, request.updated_by_id):
        raise RuleViolation(
            "A request is approved by a registrar other than the one who wrote it.", "approved_by"
        )
    _move(request, actor, RequestStatus.APPROVED, note, approved_at=now(), approved_by=actor)
    audit_write(actor, person, "person.passport_request.approve", details={"request": request.pk})
    return request


@service
def passport_request_send(
    *,
    actor: User,
    request_id: object,
    expected_version: int | None,
    channel: str = SendChannel.SECURE_EMAIL,
    note: str = "",
) -> PassportRequest:
    """Record that the approved request was sent to the passport authority."""
    person, request = _lock_request(actor, request_id, Action.PASSPORT_REQUEST)
    check_version(request.version, expected_version)
    _require(request, RequestStatus.APPROVED, step="sent")
    if channel not in SendChannel.values:
        raise RuleViolation("Choose how it was sent.", "channel")
    _move(
        request, actor, RequestStatus.SENT, note, sent_at=now(), sent_by=actor, sent_channel=channel
    )
    audit_write(
        actor,
        person,
        "person.passport_request.send",
        details={"request": request.pk, "channel": channel},
    )
    return request


def _response_to_inbox(request: PassportRequest, person: Person, what: str) -> None:
    post_inbox(
        jurisdiction=request.jurisdiction_id,
        from_jurisdiction=None,
        kind=InboxKind.PASSPORT_RESPONSE,
        title=f"Passport authority: {what} {request.reference}",
        person=person,
        object_type="passport_request",
        object_id=request.pk,
    )


@service
def passport_request_acknowledge(
    *,
    actor: User,
    request_id: object,
    expected_version: int | None,
    authority_reference: str,
    acknowledged_at: datetime | None = None,
) -> PassportRequest:
    """The passport authority acknowledged the request (its reference is recorded)."""
    person, request = _lock_request(actor, request_id, Action.PASSPORT_REQUEST)
    check_version(request.version, expected_version)
    _require(request, RequestStatus.SENT, step="acknowledged")
    ref = require_text(
        authority_reference, "authority_reference", "Give the passport authority's reference."
    )[:100]
    at = acknowledged_at or now()
    if at > now():
        raise RuleViolation("That moment is in the future.", "acknowledged_at")
    if request.sent_at and at < request.sent_at:
        raise RuleViolation("It cannot be acknowledged before it was sent.", "acknowledged_at")
    _move(request, actor, RequestStatus.ACKNOWLEDGED, acknowledged_at=at, authority_reference=ref)
    _response_to_inbox(request, person, "acknowledged")
    audit_write(
        actor, person, "person.passport_request.acknowledge", details={"request": request.pk}
    )
    return request


@service
def passport_request_outcome(
    *,
    actor: User,
    request_id: object,
    expected_version: int | None,
    outcome_on: date,
    document_number: str = "",
    expires_on: date | None = None,
    notes: str = "",
) -> PassportRequest:
    """The passport authority's outcome: cancelled / surrendered (the passport's number) or a
    limited-validity passport issued (its number and expiry). The person's passport details
    are updated from it through the register's services."""
    person, request = _lock_request(actor, request_id, Action.PASSPORT_APPROVE)
    check_version(request.version, expected_version)
    _require(request, RequestStatus.SENT, RequestStatus.ACKNOWLEDGED, step="given an outcome")
    not_future(outcome_on, local_today(person), "outcome_on", "The date of the outcome")
    if (
        request.sent_at
        and outcome_on < request.sent_at.astimezone(person.managing_jurisdiction.zone).date()
    ):
        raise RuleViolation("The outcome cannot be before the request was sent.", "outcome_on")
    outcome = OUTCOME_FOR[RequestType(request.request_type)]
    if outcome == Outcome.ISSUED:
        number = _passport_number(document_number, "document_number")
        if expires_on is None:
            raise RuleViolation("Give the expiry date of the passport issued.", "expires_on")
        if expires_on <= outcome_on:
            raise RuleViolation("The passport must expire after it was issued.", "expires_on")
    else:
        number = _passport_number(document_number or request.passport_number, "document_number")
        expires_on = None
    _move(
        request,
        actor,
        RequestStatus.COMPLETED,
        notes,
        outcome=outcome,
        outcome_on=outcome_on,
        outcome_document_number=number,
        outcome_expires_on=expires_on,
        outcome_notes=(notes or "").strip()[:1000],
    )
    with audit.absorbed() as nested:
        detail = update_passport_details(actor, person, request)
    request.outcome_detail_id = detail.pk
    request.save(update_fields=["outcome_detail_id"])
    _response_to_inbox(request, person, f"{Outcome(outcome).label.lower()} —")
    audit_write(
        actor,
        person,
        "person.passport_request.outcome",
        details={
            "request": request.pk,
            "outcome": outcome,
            "detail_id": detail.pk,
            "nested": nested,
        },
    )
    return request


@service
def passport_request_withdraw(
    *, actor: User, request_id: object, expected_version: int | None, reason: str
) -> PassportRequest:
    """Withdraw a request that has no outcome yet (with the reason)."""
    person, request = _lock_request(actor, request_id, Action.PASSPORT_REQUEST)
    check_version(request.version, expected_version)
    _require(request, *OPEN_STATUSES, step="withdrawn")
    why = require_text(reason, "reason", "Give the reason for withdrawing the request.")
    _move(
        request, actor, RequestStatus.WITHDRAWN, why, withdrawn_at=now(), withdrawn_reason=why[:500]
    )
    audit_write(
        actor,
        person,
        "person.passport_request.withdraw",
        details={"request": request.pk},
        reason=why,
    )
    return request
