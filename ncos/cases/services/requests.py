"""A registered person's requests: a copy of their reportable information, and corrections.

ACT Crimes (Child Sex Offenders) Act 2005 s 122; NSW Child Protection (Offenders Registration)
Act 2000 s 19B. Logging a request computes its deadline (`ncos.cases.deadlines`) and opens a
task due that day; the copy is generated from `selectors.reportable.reportable_information` and
its export audited with recipient and purpose; an accepted correction is applied through the
register's `detail_correct` (a new version supersedes the old one, which stays in history).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, RuleViolation
from ncos.access.guard import authorize
from ncos.accounts.models import User
from ncos.cases.choices import (
    CorrectionDecision,
    RequestChannel,
    RequestKind,
    RequestStatus,
    TaskKind,
)
from ncos.cases.deadlines import request_deadline
from ncos.cases.models import AccessCopy, AccessRequest
from ncos.cases.selectors.reportable import REPORTABLE_KINDS, reportable_information
from ncos.cases.services._common import (
    audit_write,
    check_version,
    choice,
    local_today,
    lock_person,
    lock_row,
    now,
    optional_text,
    record_ref,
    required_text,
)
from ncos.cases.services.tasks import close_linked_task, open_task
from ncos.common.services import service
from ncos.registry.choices import SourceType
from ncos.registry.kinds import clean_data
from ncos.registry.models import Detail

COPY_TEMPLATE = "documents/s122_copy.html"
SECTION = {"ACT": "ACT s 122", "NSW": "NSW s 19B"}


def section_for(jurisdiction: str) -> str:
    return SECTION.get(jurisdiction, "ACT s 122 (national model)")


def _detail_for_correction(person: Any, detail_id: object) -> Detail:
    try:
        pk = uuid.UUID(str(detail_id))
    except (TypeError, ValueError):
        raise RuleViolation("Choose the detail the person says is incorrect.", "detail") from None
    detail = Detail.objects.filter(
        pk=pk, person=person, is_current=True, withdrawn=False, kind__in=REPORTABLE_KINDS
    ).first()
    if detail is None:
        raise RuleViolation("Choose one of the person's current reportable details.", "detail")
    return detail


def _clean_proposed(kind: str, data: Mapping[str, Any] | None) -> dict[str, Any]:
    if not data:
        return {}
    try:
        return clean_data(kind, data)
    except ValidationError as exc:
        field, errors = next(iter(exc.error_dict.items()))
        raise RuleViolation(str(errors[0].messages[0]), f"proposed_data.{field}") from None


@service
def access_request_log(
    *,
    actor: User,
    person_id: object,
    kind: str,
    received_at: datetime,
    channel: str,
    description: str,
    detail_id: object = None,
    proposed_data: Mapping[str, Any] | None = None,
) -> AccessRequest:
    """Log a request the person made at `received_at` (aware). Computes the due date in the
    managing jurisdiction's time zone and opens a task due that day (case officer, else the
    queue)."""
    person = lock_person(actor, person_id, Action.PERSON_UPDATE)
    kind = choice(kind, RequestKind, "kind", "Choose what the person asked for.")
    channel = choice(channel, RequestChannel, "channel", "Choose how the request was made.")
    description = required_text(description, "description", "Describe the request.", 4000)
    if not isinstance(received_at, datetime) or timezone.is_naive(received_at):
        raise RuleViolation("Give the date and time the request was received.", "received_at")
    if received_at > now() + timedelta(minutes=5):
        raise RuleViolation("The request cannot have been received in the future.", "received_at")
    detail = None
    proposed: dict[str, Any] = {}
    if kind == RequestKind.CORRECTION:
        detail = _detail_for_correction(person, detail_id)
        proposed = _clean_proposed(detail.kind, proposed_data)
    deadline = request_deadline(
        kind, person.managing_jurisdiction_id, received_at, person.managing_jurisdiction.zone
    )
    stamp = now()
    request = AccessRequest.objects.create(
        person=person,
        kind=kind,
        received_at=received_at,
        received_on=deadline.received_on,
        channel=channel,
        description=description,
        due_date=deadline.due,
        statutory=deadline.statutory,
        deadline_basis=deadline.basis[:300],
        detail=detail,
        proposed_data=proposed,
        created_at=stamp,
        created_by=actor,
        updated_at=stamp,
    )
    label = (
        "Give a copy of the reportable information"
        if kind == RequestKind.COPY
        else ("Decide a correction request")
    )
    request.task, _ = open_task(
        actor=actor,
        person=person,
        kind=TaskKind.ACCESS_COPY if kind == RequestKind.COPY else TaskKind.CORRECTION,
        title=f"{label} ({section_for(person.managing_jurisdiction_id)})",
        due_date=deadline.due,
        source_key=f"access_request:{request.pk}",
        details={"access_request_id": request.pk, "statutory": deadline.statutory},
    )
    request.save(update_fields=["task"])
    audit_write(
        actor,
        person,
        "case.access_request.log",
        details={
            "access_request_id": request.pk,
            "kind": kind,
            "received_on": deadline.received_on,
            "due_date": deadline.due,
            "statutory": deadline.statutory,
            "detail_id": detail.pk if detail else None,
            "task_id": request.task_id,
        },
    )
    return request


def _lock_request(actor: Any, request_id: object, action: Action) -> AccessRequest:
    request: AccessRequest = lock_row(AccessRequest, request_id, "request")
    authorize(
        actor, action, record_ref(request.person), object_type="person", object_id=request.person_id
    )
    return request


@service
def access_copy_generate(
    *,
    actor: User,
    request_id: object,
    recipient: str,
    purpose: str,
    delivered_on: date | None = None,
) -> tuple[AccessCopy, bytes]:
    """Produce the copy of all the reportable information held about the person (a PDF), mark
    the request completed and its task done. Every copy (a reprint too) is a new `AccessCopy`
    and an audited export naming the recipient and the purpose (security.md AC-8, T12)."""
    from ncos.documents.render import render_pdf

    request = _lock_request(actor, request_id, Action.PERSON_EXPORT)
    if request.kind != RequestKind.COPY:
        raise RuleViolation("This is not a request for a copy.", "request")
    if request.status == RequestStatus.WITHDRAWN:
        raise RuleViolation("The request was withdrawn.", "request")
    recipient = required_text(recipient, "recipient", "Say who receives the copy.", 200)
    purpose = required_text(purpose, "purpose", "Say why the copy is given.", 300)
    person = request.person
    today = local_today(person)
    if delivered_on is not None and (delivered_on > today or delivered_on < request.received_on):
        raise RuleViolation(
            "The copy is given on or after the day asked, and not in the future.",
            "delivered_on",
        )
    info = reportable_information(person, as_of=today)
    stamp = now()
    pdf = render_pdf(
        COPY_TEMPLATE,
        {
            "registry": person.managing_jurisdiction,
            "info": info,
            "request": request,
            "section": section_for(person.managing_jurisdiction_id),
            "recipient": recipient,
            "purpose": purpose,
            "footer_text": f"Copy under {section_for(person.managing_jurisdiction_id)}",
        },
    )
    copy = AccessCopy.objects.create(
        request=request,
        generated_at=stamp,
        generated_by=actor,
        recipient=recipient,
        purpose=purpose,
        detail_ids=info.detail_ids,
        person_version=person.version,
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
    changes: dict[str, tuple[Any, Any]] = {}
    if request.status == RequestStatus.OPEN:
        changes["status"] = (request.status, RequestStatus.COMPLETED)
        request.status = RequestStatus.COMPLETED
        request.completed_on = delivered_on or today
        close_linked_task(request.task, actor, "copy given")
    request.updated_at = stamp
    request.version += 1
    request.save()
    audit_write(
        actor,
        person,
        "case.access_request.copy",
        changes=changes,
        details={
            "access_request_id": request.pk,
            "copy_id": copy.pk,
            "recipient": recipient,
            "detail_ids": info.detail_ids,
            "sha256": copy.sha256,
            "on_time": (request.completed_on or today) <= request.due_date,
        },
        purpose=purpose,
    )
    return copy, pdf


@service
def correction_decide(
    *,
    actor: User,
    request_id: object,
    expected_version: int | None,
    decision: str,
    reasons: str,
    expected_detail_id: object = None,
    data: Mapping[str, Any] | None = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    keep_period: bool = True,
) -> AccessRequest:
    """Decide a correction request (registrar). Accepted: the register's `detail_correct`
    records the corrected data as a new version that supersedes the current one (the old
    version stays in history) and writes the act's audit row. Refused: audited here."""
    from ncos.registry.services import detail_correct

    request = _lock_request(actor, request_id, Action.CORRECTION_DECIDE)
    check_version(request, expected_version)
    if request.kind != RequestKind.CORRECTION:
        raise RuleViolation("This is not a correction request.", "request")
    if request.status != RequestStatus.OPEN:
        raise RuleViolation("This request has already been dealt with.", "request")
    decision = choice(decision, CorrectionDecision, "decision", "Choose the decision.")
    reasons = required_text(reasons, "reasons", "Give the reasons for the decision.", 4000)
    stamp = now()
    request.decision, request.decision_reasons = decision, reasons
    request.decided_at, request.decided_by = stamp, actor
    request.completed_on = local_today(request.person)
    request.updated_at = stamp
    request.version += 1
    if decision == CorrectionDecision.REFUSED:
        request.status = RequestStatus.REFUSED
        request.save()
        close_linked_task(request.task, actor, "correction refused")
        audit_write(
            actor,
            request.person,
            "case.access_request.refuse",
            changes={"status": (RequestStatus.OPEN, RequestStatus.REFUSED)},
            details={"access_request_id": request.pk, "detail_id": request.detail_id},
        )
        return request
    assert request.detail is not None  # noqa: S101 - a database constraint guarantees it
    current = Detail.objects.filter(fact_id=request.detail.fact_id, is_current=True).first()
    if current is None or current.withdrawn:
        raise RuleViolation("That detail has been withdrawn; nothing to correct.", "detail")
    if expected_detail_id is not None and str(current.pk) != str(expected_detail_id):
        raise ConflictError(
            "The detail was changed since you opened this request. Review its current version "
            "and decide again."
        )
    corrected = data if data is not None else request.proposed_data
    if not corrected:
        raise RuleViolation("Give the corrected details.", "data")
    new = detail_correct(
        actor=actor,
        detail_id=current.pk,
        data=corrected,
        valid_from=current.valid_from if keep_period else valid_from,
        valid_to=current.valid_to if keep_period else valid_to,
        reason=f"{section_for(request.person.managing_jurisdiction_id)} (3) correction request "
        f"{request.pk} accepted: {reasons}"[:500],
        source_type=SourceType.REPORT,
        source_reference=f"access request {request.pk}"[:200],
        audit_details={
            "access_request_id": str(request.pk),
            "decision": CorrectionDecision.ACCEPTED.value,
            "decided_by_registrar": actor.pk,
        },
    )
    request.status = RequestStatus.COMPLETED
    request.applied_detail = new
    request.save()
    close_linked_task(request.task, actor, "correction made")
    # No second audit row: detail_correct's `person.detail.correct` row, carrying the request id
    # and the decision in its details, is this act's one row.
    return request


@service
def access_request_withdraw(
    *, actor: User, request_id: object, expected_version: int | None, reason: str
) -> AccessRequest:
    """The person withdrew the request: close it and cancel its task."""
    request = _lock_request(actor, request_id, Action.PERSON_UPDATE)
    check_version(request, expected_version)
    if request.status != RequestStatus.OPEN:
        raise RuleViolation("Only an open request can be withdrawn.", "request")
    reason = required_text(reason, "reason", "Say how the person withdrew the request.", 500)
    request.status = RequestStatus.WITHDRAWN
    request.decision_reasons = reason
    request.updated_at = now()
    request.version += 1
    request.save()
    if request.task is not None and request.task.is_open:
        from ncos.cases.services.tasks import _event

        task = request.task
        before = task.status
        task.status, task.resolution = "cancelled", "request withdrawn"
        task.updated_at = task.closed_at = request.updated_at
        task.closed_by, task.version = actor, task.version + 1
        task.save()
        _event(task, actor, "status", before, "cancelled", "request withdrawn")
    audit_write(
        actor,
        request.person,
        "case.access_request.withdraw",
        changes={"status": (RequestStatus.OPEN, RequestStatus.WITHDRAWN)},
        details={"access_request_id": request.pk},
        reason=optional_text(reason, "reason", 300),
    )
    return request
