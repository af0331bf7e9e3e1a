"""Reads of the sharing app: the inbox (scoped to the user's registry), opening a notification
or transfer (one policy decision and one audit row), a person's travel, and the escalations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.access.subjects import subject_of
from ncos.directory.models import Jurisdiction
from ncos.registry.models import Person
from ncos.registry.selectors import PersonAccess, person_access
from ncos.sharing.choices import InboxKind, NotificationStatus, TransferStatus, TravelState
from ncos.sharing.models import (
    InboxItem,
    InboxRead,
    TransferRequest,
    TravelNotification,
    TravelPlan,
)
from ncos.sharing.services._common import as_uuid


def local_today(code: str) -> date:
    zone = Jurisdiction.objects.only("time_zone").get(code=code).time_zone
    return timezone.localdate(timezone=ZoneInfo(zone))


# --- opening one record about a person ------------------------------------------------------


def addressed_access(
    *,
    actor: Any,
    person_id: object,
    action: Action,
    jurisdiction: str | None,
    object_type: str,
    object_id: object,
    audit_now: bool = True,
    purpose: str = "",
    **details: Any,
) -> PersonAccess:
    """Like the register's `person_access`, but for an act addressed to `jurisdiction` (the
    registry a notification or transfer was sent to) rather than to the managing registry."""
    if jurisdiction is None:
        return person_access(
            actor=actor,
            person_id=person_id,
            action=action,
            audit_now=audit_now,
            purpose=purpose,
            **details,
        )
    person = (
        Person.objects.select_related("managing_jurisdiction")
        .filter(pk=as_uuid(person_id, "person"))
        .first()
    )
    if person is None:
        raise NotFound("person not found")
    decision = authorize(
        actor,
        action,
        RecordRef(managing_jurisdiction=jurisdiction, protected=person.protected),
        object_type=object_type,
        object_id=object_id,
    )
    access = PersonAccess(
        person_id=person.pk,
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


def notification_get(notification_id: object) -> TravelNotification:
    notification = (
        TravelNotification.objects.select_related(
            "plan",
            "person",
            "from_jurisdiction",
            "to_jurisdiction",
            "acknowledged_by",
            "arrival_contact_by",
        )
        .filter(pk=as_uuid(notification_id, "notification"))
        .first()
    )
    if notification is None:
        raise NotFound("notification not found")
    return notification


def notification_access(
    *,
    actor: Any,
    notification_id: object,
    action: Action = Action.PERSON_VIEW,
    audit_now: bool = True,
    purpose: str = "travel notification",
) -> tuple[TravelNotification, PersonAccess]:
    """Open a notification: reading follows the person record (national visibility, protected
    stub); answering it (`inbox.respond`) belongs to the registry it was sent to."""
    notification = notification_get(notification_id)
    access = addressed_access(
        actor=actor,
        person_id=notification.person_id,
        action=action,
        jurisdiction=None if action == Action.PERSON_VIEW else notification.to_jurisdiction_id,
        object_type="travel_notification",
        object_id=notification.pk,
        audit_now=audit_now,
        purpose=purpose,
        notification=str(notification.pk),
    )
    return notification, access


def transfer_get(transfer_id: object) -> TransferRequest:
    transfer = (
        TransferRequest.objects.select_related(
            "person", "from_jurisdiction", "to_jurisdiction", "requested_by", "decided_by"
        )
        .filter(pk=as_uuid(transfer_id, "transfer"))
        .first()
    )
    if transfer is None:
        raise NotFound("transfer not found")
    return transfer


def transfer_access(
    *,
    actor: Any,
    transfer_id: object,
    action: Action = Action.PERSON_VIEW,
    audit_now: bool = True,
    purpose: str = "transfer",
) -> tuple[TransferRequest, PersonAccess]:
    transfer = transfer_get(transfer_id)
    addressed = {
        Action.PERSON_VIEW: None,
        Action.TRANSFER_DECIDE: transfer.to_jurisdiction_id,
    }.get(action)
    access = addressed_access(
        actor=actor,
        person_id=transfer.person_id,
        action=action,
        jurisdiction=addressed,
        object_type="transfer_request",
        object_id=transfer.pk,
        audit_now=audit_now,
        purpose=purpose,
        transfer=str(transfer.pk),
    )
    return transfer, access


def plan_of(person_id: object, plan_id: object) -> TravelPlan:
    plan = (
        TravelPlan.objects.select_related("home_jurisdiction", "recorded_by")
        .prefetch_related("legs")
        .filter(pk=as_uuid(plan_id, "travel plan"), person_id=person_id)
        .first()
    )
    if plan is None:
        raise NotFound("travel plan not found")
    return plan


def plan_get(plan_id: object) -> TravelPlan:
    plan = (
        TravelPlan.objects.select_related("home_jurisdiction", "person")
        .prefetch_related("legs")
        .filter(pk=as_uuid(plan_id, "travel plan"))
        .first()
    )
    if plan is None:
        raise NotFound("travel plan not found")
    return plan


def person_travel(person: Person) -> list[TravelPlan]:
    return list(
        TravelPlan.objects.filter(person=person)
        .select_related("home_jurisdiction", "recorded_by")
        .prefetch_related("legs", "notifications", "changes")
        .order_by("-depart_on", "-recorded_at")
    )


def person_transfers(person: Person) -> list[TransferRequest]:
    return list(
        TransferRequest.objects.filter(person=person)
        .select_related("requested_by", "decided_by")
        .order_by("-requested_at")
    )


# --- the inbox -------------------------------------------------------------------------------


@dataclass(frozen=True)
class InboxFilters:
    kind: str = ""
    state: str = ""  # "unread" | "read" | "escalated" | ""
    from_jurisdiction: str = ""
    received_from: date | None = None
    received_to: date | None = None
    sort: str = "-received"

    def terms(self) -> dict[str, Any]:
        return {
            k: (v.isoformat() if isinstance(v, date) else v)
            for k, v in self.__dict__.items()
            if v not in ("", None)
        }


SORTS = {
    "-received": ("-created_at",),
    "received": ("created_at",),
    "kind": ("kind", "-created_at"),
}


def inbox_items(*, actor: Any, filters: InboxFilters) -> QuerySet[InboxItem]:
    """Items of the actor's own registry's inbox, each annotated `is_read` (for this user) and,
    for travel notifications, whether they are escalated (not acknowledged in time)."""
    authorize(actor, Action.INBOX_READ, RecordRef(managing_jurisdiction=actor.jurisdiction_id))
    code = actor.jurisdiction_id
    today = local_today(code)
    escalated_ids = TravelNotification.objects.filter(
        to_jurisdiction_id=code, status=NotificationStatus.PENDING, ack_due_on__lt=today
    ).values("pk")
    qs = (
        InboxItem.objects.filter(jurisdiction_id=code)
        .select_related("person", "from_jurisdiction", "person__managing_jurisdiction")
        .annotate(
            is_read=Exists(InboxRead.objects.filter(item=OuterRef("pk"), user=actor)),
            is_escalated=Exists(escalated_ids.filter(pk=OuterRef("object_id"))),
        )
    )
    if filters.kind in InboxKind.values:
        qs = qs.filter(kind=filters.kind)
    if filters.state == "unread":
        qs = qs.filter(is_read=False)
    elif filters.state == "read":
        qs = qs.filter(is_read=True)
    elif filters.state == "escalated":
        qs = qs.filter(is_escalated=True)
    if filters.from_jurisdiction:
        qs = qs.filter(from_jurisdiction_id=filters.from_jurisdiction)
    zone = ZoneInfo(Jurisdiction.objects.get(code=code).time_zone)
    if filters.received_from:
        start = datetime.combine(filters.received_from, time.min, tzinfo=zone)
        qs = qs.filter(created_at__gte=start)
    if filters.received_to:
        end = datetime.combine(filters.received_to + timedelta(days=1), time.min, tzinfo=zone)
        qs = qs.filter(created_at__lt=end)
    return qs.order_by(*SORTS.get(filters.sort, SORTS["-received"]), "pk")


def unread_count(user: Any) -> int:
    """Unread items in the user's registry's inbox (the menu badge)."""
    if not getattr(user, "is_authenticated", False) or not user.jurisdiction_id:
        return 0
    return (
        InboxItem.objects.filter(jurisdiction_id=user.jurisdiction_id)
        .exclude(Exists(InboxRead.objects.filter(item=OuterRef("pk"), user=user)))
        .count()
    )


def may_see(actor: Any, person: Person) -> bool:
    """Whether a list may show the person's identity (else the protected stub)."""
    return not person.protected or subject_of(actor).protected_clearance


# --- escalations (dashboards) --------------------------------------------------------------


def escalated_to(code: str) -> QuerySet[TravelNotification]:
    """Notifications sent to `code` and not acknowledged within 2 of its working days."""
    return TravelNotification.objects.filter(
        to_jurisdiction_id=code,
        status=NotificationStatus.PENDING,
        ack_due_on__lt=local_today(code),
    )


def escalated_from(code: str) -> QuerySet[TravelNotification]:
    """Notifications `code` sent that the receiving registry has not acknowledged in time."""
    pending = TravelNotification.objects.filter(
        from_jurisdiction_id=code, status=NotificationStatus.PENDING
    ).select_related("to_jurisdiction")
    late = [n.pk for n in pending if n.ack_due_on < local_today(n.to_jurisdiction_id)]
    return TravelNotification.objects.filter(pk__in=late)


def transfers_waiting(code: str) -> QuerySet[TransferRequest]:
    return TransferRequest.objects.filter(to_jurisdiction_id=code, status=TransferStatus.REQUESTED)


def expected_arrivals(code: str, within_days: int = 14) -> QuerySet[TravelNotification]:
    today = local_today(code)
    return TravelNotification.objects.filter(
        Q(status=NotificationStatus.PENDING) | Q(status=NotificationStatus.ACKNOWLEDGED),
        to_jurisdiction_id=code,
        first_arrival_on__gte=today,
        first_arrival_on__lte=today + timedelta(days=within_days),
        plan__state=TravelState.PLANNED,
    )
