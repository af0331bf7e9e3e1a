"""Travel notifications to the destination registries, and their answers.

`sync_notifications(plan)` keeps one notification per Australian destination of a plan: new
destinations are notified at once, a changed itinerary revises the notification (a fresh
acknowledgement is due), and a destination dropped from the plan — or a cancelled plan —
withdraws it. Each of these puts an item in the receiving registry's inbox.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.accounts.models import User
from ncos.common.services import service
from ncos.directory.models import Jurisdiction
from ncos.sharing.choices import ContactManner, InboxKind, NotificationStatus, TravelState
from ncos.sharing.models import TravelNotification, TravelPlan
from ncos.sharing.rules import ack_due_on, requirements_for
from ncos.sharing.services._common import (
    WrongState,
    as_uuid,
    audit_write,
    check_version,
    lock_person_addressed,
    now,
    post_inbox,
)

OBJECT_TYPE = "travel_notification"


def _stays(plan: TravelPlan) -> dict[str, list[tuple[date, date | None, str]]]:
    stays: dict[str, list[tuple[date, date | None, str]]] = defaultdict(list)
    for leg in plan.legs.all():
        if leg.jurisdiction_id and leg.jurisdiction_id != plan.home_jurisdiction_id:
            stays[leg.jurisdiction_id].append((leg.arrive_on, leg.leave_on, leg.place))
    return dict(stays)


def notification_content(plan: TravelPlan, code: str, stays: list[Any]) -> dict[str, Any]:
    """What the receiving registry is told — and nothing else of the record."""
    legs = list(plan.legs.all())
    onward = [leg.destination for leg in legs if leg.jurisdiction_id != code]
    return {
        "travel_reference": plan.reference,
        "person_id": str(plan.person_id),
        "national_id": plan.person.national_id,
        "from_jurisdiction": plan.home_jurisdiction_id,
        "depart_on": plan.depart_on.isoformat(),
        "return_on": plan.return_on.isoformat() if plan.return_on else None,
        "no_return": plan.no_return,
        "transport_mode": plan.transport_mode,
        "transport_details": plan.transport_details,
        "overseas_travel": plan.overseas,
        "other_destinations": onward,
        "requirements": requirements_for(code, stays),
    }


def _receiving(code: str) -> Jurisdiction:
    return Jurisdiction.objects.get(code=code)


def _title(plan: TravelPlan, notification: TravelNotification, what: str) -> str:
    return f"{what} {notification.reference} from {plan.home_jurisdiction_id}"


def sync_notifications(plan: TravelPlan, actor: User | None) -> list[str]:
    """Bring the plan's notifications in line with it; return the codes notified or changed.

    Called inside the travel services' transaction (the person is locked by the caller)."""
    stamp = now()
    wanted = {} if plan.state == TravelState.CANCELLED else _stays(plan)
    existing = {n.to_jurisdiction_id: n for n in plan.notifications.select_for_update()}
    touched: list[str] = []
    for code, stays in sorted(wanted.items()):
        content = notification_content(plan, code, stays)
        receiving = _receiving(code)
        current = existing.get(code)
        if current is None:
            current = TravelNotification.objects.create(
                plan=plan,
                person=plan.person,
                from_jurisdiction_id=plan.home_jurisdiction_id,
                to_jurisdiction=receiving,
                content=content,
                first_arrival_on=min(s[0] for s in stays),
                sent_at=stamp,
                ack_due_on=ack_due_on(stamp, code, receiving.time_zone),
                created_at=stamp,
                updated_at=stamp,
            )
            what = "Travel notification"
            kind = InboxKind.TRAVEL_NOTIFICATION
        elif current.content != content or current.status == NotificationStatus.WITHDRAWN:
            current.content = content
            current.first_arrival_on = min(s[0] for s in stays)
            current.revision += 1
            current.status = NotificationStatus.PENDING
            current.sent_at = stamp
            current.ack_due_on = ack_due_on(stamp, code, receiving.time_zone)
            current.version += 1
            current.updated_at = stamp
            current.save()
            what = "Travel plans changed:"
            kind = InboxKind.TRAVEL_UPDATE
        else:
            continue
        post_inbox(
            jurisdiction=code,
            from_jurisdiction=plan.home_jurisdiction_id,
            kind=kind,
            title=_title(plan, current, what),
            person=plan.person,
            object_type=OBJECT_TYPE,
            object_id=current.pk,
        )
        touched.append(code)
    for code, current in sorted(existing.items()):
        if code in wanted or current.status == NotificationStatus.WITHDRAWN:
            continue
        current.status = NotificationStatus.WITHDRAWN
        current.version += 1
        current.updated_at = stamp
        current.save()
        post_inbox(
            jurisdiction=code,
            from_jurisdiction=plan.home_jurisdiction_id,
            kind=InboxKind.TRAVEL_UPDATE,
            title=_title(plan, current, "Travel notification withdrawn:"),
            person=plan.person,
            object_type=OBJECT_TYPE,
            object_id=current.pk,
        )
        touched.append(code)
    return touched


def _lock_notification(actor: User, notification_id: object) -> TravelNotification:
    pk = as_uuid(notification_id, "notification")
    row = TravelNotification.objects.filter(pk=pk).values("person_id", "to_jurisdiction_id").first()
    if row is None:
        raise NotFound("notification not found")
    lock_person_addressed(
        actor, row["person_id"], Action.INBOX_RESPOND, row["to_jurisdiction_id"], OBJECT_TYPE, pk
    )
    return (
        TravelNotification.objects.select_for_update(of=("self",))
        .select_related("person", "person__managing_jurisdiction", "to_jurisdiction")
        .get(pk=pk)
    )


@service
def notification_acknowledge(
    *, actor: User, notification_id: object, expected_version: int | None, note: str = ""
) -> TravelNotification:
    """The receiving registry confirms it has the notification (its current revision)."""
    notification = _lock_notification(actor, notification_id)
    check_version(notification.version, expected_version)
    if notification.status == NotificationStatus.WITHDRAWN:
        raise WrongState("This notification was withdrawn; there is nothing to acknowledge.")
    if notification.status == NotificationStatus.ACKNOWLEDGED:
        raise WrongState("This notification is already acknowledged.")
    stamp = now()
    notification.status = NotificationStatus.ACKNOWLEDGED
    notification.acknowledged_at = stamp
    notification.acknowledged_by = actor
    notification.acknowledged_revision = notification.revision
    notification.acknowledgement_note = (note or "").strip()[:500]
    notification.version += 1
    notification.updated_at = stamp
    notification.save()
    audit_write(
        actor,
        notification.person,
        "travel_notification.acknowledge",
        object_type=OBJECT_TYPE,
        object_id=notification.pk,
        details={
            "person_id": notification.person_id,
            "revision": notification.revision,
            "late": notification.ack_due_on
            < stamp.astimezone(notification.to_jurisdiction.zone).date(),
        },
    )
    return notification


@service
def notification_record_contact(
    *,
    actor: User,
    notification_id: object,
    expected_version: int | None,
    contact_at: datetime,
    manner: str,
    notes: str = "",
) -> TravelNotification:
    """The traveller contacted the receiving registry on arrival (the interstate table)."""
    notification = _lock_notification(actor, notification_id)
    check_version(notification.version, expected_version)
    if notification.status == NotificationStatus.WITHDRAWN:
        raise WrongState("This notification was withdrawn (the travel was cancelled).")
    if manner not in ContactManner.values:
        raise RuleViolation("Choose how the traveller made contact.", "manner")
    if contact_at > now():
        raise RuleViolation("The contact cannot be in the future.", "contact_at")
    if (
        contact_at.astimezone(notification.to_jurisdiction.zone).date()
        < notification.plan.reported_on
    ):
        raise RuleViolation("The contact is before the travel was reported.", "contact_at")
    notification.arrival_contact_at = contact_at
    notification.arrival_contact_manner = manner
    notification.arrival_contact_notes = (notes or "").strip()[:500]
    notification.arrival_contact_by = actor
    notification.version += 1
    notification.updated_at = now()
    notification.save()
    due = (notification.content.get("requirements") or {}).get("contact_due_on")
    late = bool(due) and contact_at.astimezone(notification.to_jurisdiction.zone).date() > (
        date.fromisoformat(due)
    )
    audit_write(
        actor,
        notification.person,
        "travel_notification.arrival_contact",
        object_type=OBJECT_TYPE,
        object_id=notification.pk,
        details={"person_id": notification.person_id, "manner": manner, "late": late},
    )
    return notification
