"""Interstate moves: the managing registry asks another to take the person over; the other
accepts — the register's managing jurisdiction changes and the obligations are recomputed under
the new jurisdiction's law from the day the person entered it — or refuses. Nothing of the
person's history is moved or dropped: the new managers see all of it (national visibility), and
the transfer itself stays on record with its handover note.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.audit import record as audit
from ncos.common.services import service
from ncos.directory.models import Jurisdiction
from ncos.registry.models import Person
from ncos.sharing.choices import InboxKind, TransferStatus
from ncos.sharing.models import TransferRequest
from ncos.sharing.services._common import (
    WrongState,
    as_uuid,
    audit_write,
    check_version,
    lock_managed_person,
    lock_person_addressed,
    not_future,
    now,
    post_inbox,
    require_text,
)

OBJECT_TYPE = "transfer_request"


@service
def transfer_request(
    *,
    actor: User,
    person_id: object,
    to_jurisdiction: str,
    entered_on: date,
    handover_note: str,
    new_locality: str = "",
) -> TransferRequest:
    """Ask `to_jurisdiction`'s registry to take over the management of a person who moved
    there (entered on `entered_on`)."""
    person = lock_managed_person(actor, person_id, Action.TRANSFER_REQUEST)
    code = (to_jurisdiction or "").upper()
    target = Jurisdiction.objects.filter(code=code).first()
    if target is None:
        raise RuleViolation("Choose the jurisdiction to transfer to.", "to_jurisdiction")
    if code == person.managing_jurisdiction_id:
        raise RuleViolation(
            "The person is already managed by that jurisdiction.", "to_jurisdiction"
        )
    from ncos.registry.services._common import local_today

    not_future(entered_on, local_today(person), "entered_on", "The day the person entered")
    note = require_text(
        handover_note, "handover_note", "Write a handover note for the new managers."
    )
    stamp = now()
    try:
        with transaction.atomic():
            transfer = TransferRequest.objects.create(
                person=person,
                from_jurisdiction_id=person.managing_jurisdiction_id,
                to_jurisdiction=target,
                entered_on=entered_on,
                new_locality=(new_locality or "").strip()[:200],
                handover_note=note,
                requested_at=stamp,
                requested_by=actor,
                updated_at=stamp,
            )
    except IntegrityError:
        raise RuleViolation(
            "A transfer of this person is already waiting for an answer.", "to_jurisdiction"
        ) from None
    post_inbox(
        jurisdiction=code,
        from_jurisdiction=person.managing_jurisdiction_id,
        kind=InboxKind.TRANSFER_REQUEST,
        title=f"Transfer of management {transfer.reference} from {transfer.from_jurisdiction_id}",
        person=person,
        object_type=OBJECT_TYPE,
        object_id=transfer.pk,
    )
    audit_write(
        actor,
        person,
        "person.transfer.request",
        details={"transfer": transfer.pk, "to": code, "entered_on": entered_on},
    )
    return transfer


def _open_transfer(transfer_id: object) -> TransferRequest:
    pk = as_uuid(transfer_id, "transfer")
    transfer = TransferRequest.objects.filter(pk=pk).first()
    if transfer is None:
        raise NotFound("transfer not found")
    return transfer


def _lock_for_decision(actor: User, transfer_id: object) -> tuple[Person, TransferRequest]:
    found = _open_transfer(transfer_id)
    person = lock_person_addressed(
        actor,
        found.person_id,
        Action.TRANSFER_DECIDE,
        found.to_jurisdiction_id,
        OBJECT_TYPE,
        found.pk,
    )
    return person, TransferRequest.objects.select_for_update().get(pk=found.pk)


def _still_open(transfer: TransferRequest) -> None:
    if transfer.status != TransferStatus.REQUESTED:
        raise WrongState(
            f"This transfer is already {TransferStatus(transfer.status).label.lower()}.", "status"
        )


def _move_management(actor: User, person: Person, transfer: TransferRequest) -> list[Any]:
    """Change the register's managing jurisdiction through the register's service (it
    recomputes the obligations under the new law; this app's events add the entry into the new
    jurisdiction). Its audit row is absorbed into the acceptance's one row."""
    from ncos.registry.services import person_transfer_management

    with audit.absorbed() as nested:
        person_transfer_management(
            actor=actor,
            person_id=person.pk,
            to_jurisdiction=transfer.to_jurisdiction_id,
            effective_on=transfer.entered_on,
            reason=f"Transfer {transfer.reference} accepted",
            reference=transfer.reference,
        )
    person.refresh_from_db()
    return nested


@service
def transfer_accept(
    *, actor: User, transfer_id: object, expected_version: int | None, note: str = ""
) -> TransferRequest:
    """The receiving registry takes the person over."""
    person, transfer = _lock_for_decision(actor, transfer_id)
    check_version(transfer.version, expected_version)
    _still_open(transfer)
    if person.managing_jurisdiction_id != transfer.from_jurisdiction_id:
        raise RuleViolation(
            "The person is no longer managed by the requesting registry; this request is stale."
        )
    if person.merged_into_id is not None:
        raise RuleViolation("This record was merged into another; transfer the surviving one.")
    stamp = now()
    transfer.status = TransferStatus.ACCEPTED
    transfer.decided_at = stamp
    transfer.decided_by = actor
    transfer.decision_note = (note or "").strip()[:1000]
    transfer.version += 1
    transfer.updated_at = stamp
    transfer.save()
    nested = _move_management(actor, person, transfer)
    post_inbox(
        jurisdiction=transfer.from_jurisdiction_id,
        from_jurisdiction=transfer.to_jurisdiction_id,
        kind=InboxKind.TRANSFER_RESPONSE,
        title=f"Transfer {transfer.reference} accepted by {transfer.to_jurisdiction_id}",
        person=person,
        object_type=OBJECT_TYPE,
        object_id=transfer.pk,
    )
    audit_write(
        actor,
        person,
        "person.transfer.accept",
        changes={
            "managing_jurisdiction": (transfer.from_jurisdiction_id, transfer.to_jurisdiction_id)
        },
        details={
            "transfer": transfer.pk,
            "entered_on": transfer.entered_on,
            "nested": nested,
        },
    )
    return transfer


@service
def transfer_refuse(
    *, actor: User, transfer_id: object, expected_version: int | None, reason: str
) -> TransferRequest:
    """The receiving registry declines, with reasons; the person stays where they are."""
    person, transfer = _lock_for_decision(actor, transfer_id)
    check_version(transfer.version, expected_version)
    _still_open(transfer)
    text = require_text(reason, "reason", "Give the reasons for refusing.")
    stamp = now()
    transfer.status = TransferStatus.REFUSED
    transfer.decided_at = stamp
    transfer.decided_by = actor
    transfer.decision_note = text[:1000]
    transfer.version += 1
    transfer.updated_at = stamp
    transfer.save()
    post_inbox(
        jurisdiction=transfer.from_jurisdiction_id,
        from_jurisdiction=transfer.to_jurisdiction_id,
        kind=InboxKind.TRANSFER_RESPONSE,
        title=f"Transfer {transfer.reference} refused by {transfer.to_jurisdiction_id}",
        person=person,
        object_type=OBJECT_TYPE,
        object_id=transfer.pk,
    )
    audit_write(
        actor,
        person,
        "person.transfer.refuse",
        details={"transfer": transfer.pk},
        reason=text,
    )
    return transfer


@service
def transfer_cancel(
    *, actor: User, transfer_id: object, expected_version: int | None, reason: str = ""
) -> TransferRequest:
    """The requesting registry withdraws its request before it is answered."""
    found = _open_transfer(transfer_id)
    person = lock_managed_person(actor, found.person_id, Action.TRANSFER_REQUEST)
    transfer = TransferRequest.objects.select_for_update().get(pk=found.pk)
    check_version(transfer.version, expected_version)
    _still_open(transfer)
    if person.managing_jurisdiction_id != transfer.from_jurisdiction_id:
        raise RuleViolation("Only the requesting registry can cancel this request.")
    stamp = now()
    transfer.status = TransferStatus.CANCELLED
    transfer.decided_at = stamp
    transfer.decided_by = actor
    transfer.decision_note = (reason or "").strip()[:1000]
    transfer.version += 1
    transfer.updated_at = stamp
    transfer.save()
    post_inbox(
        jurisdiction=transfer.to_jurisdiction_id,
        from_jurisdiction=transfer.from_jurisdiction_id,
        kind=InboxKind.TRANSFER_RESPONSE,
        title=f"Transfer {transfer.reference} cancelled by {transfer.from_jurisdiction_id}",
        person=person,
        object_type=OBJECT_TYPE,
        object_id=transfer.pk,
    )
    audit_write(
        actor, person, "person.transfer.cancel", details={"transfer": transfer.pk}, reason=reason
    )
    return transfer


def accepted_entries(person: Any) -> list[TransferRequest]:
    """Accepted transfers into the person's current managing jurisdiction (for the events)."""
    return list(
        TransferRequest.objects.filter(
            person=person,
            status=TransferStatus.ACCEPTED,
            to_jurisdiction_id=person.managing_jurisdiction_id,
        ).order_by("entered_on")
    )
