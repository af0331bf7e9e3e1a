"""Reading the audit trail: scoped to the auditor's jurisdiction, and itself audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet

from ncos.access.actions import Action
from ncos.access.guard import authorize
from ncos.accounts.models import User
from ncos.audit import record as audit
from ncos.audit.models import AuditEvent


@dataclass(frozen=True)
class AuditFilters:
    username: str = ""
    object_id: str = ""
    action: str = ""
    outcome: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def as_terms(self) -> dict[str, Any]:
        return {
            k: (v.isoformat() if isinstance(v, date) else v) for k, v in self.__dict__.items() if v
        }


def _day_bounds(day: date, zone: ZoneInfo, end: bool) -> datetime:
    return datetime.combine(day, time.max if end else time.min, tzinfo=zone)


def audit_events(
    *, actor: User, filters: AuditFilters, export: bool = False
) -> QuerySet[AuditEvent]:
    """Events the auditor may read: done by users of, or about records managed by, their
    jurisdiction. Records the search (with its terms) before returning anything."""
    authorize(actor, Action.AUDIT_EXPORT if export else Action.AUDIT_READ)
    code = actor.jurisdiction_id or ""
    events = AuditEvent.objects.filter(Q(actor_jurisdiction=code) | Q(managing_jurisdiction=code))
    zone = actor.jurisdiction.zone if actor.jurisdiction else ZoneInfo("UTC")
    if filters.username:
        events = events.filter(actor_username__iexact=filters.username)
    if filters.object_id:
        events = events.filter(object_id=filters.object_id)
    if filters.action:
        events = events.filter(action__startswith=filters.action)
    if filters.outcome:
        events = events.filter(outcome=filters.outcome)
    if filters.date_from:
        events = events.filter(at__gte=_day_bounds(filters.date_from, zone, end=False))
    if filters.date_to:
        events = events.filter(at__lte=_day_bounds(filters.date_to, zone, end=True))
    audit.record(
        action=(Action.AUDIT_EXPORT if export else Action.AUDIT_READ).value,
        actor=actor,
        details={"terms": filters.as_terms()},
    )
    return events.order_by("-seq")


def visible_details(event: AuditEvent, actor: User) -> dict[str, Any]:
    """Details of a protected-person row are withheld from auditors without clearance (LG-3)."""
    if event.protected and not actor.protected_clearance:
        return {"withheld": "protected record: details need clearance"}
    return dict(event.details)


def anomaly_report(*, actor: User, days: int = 7) -> tuple[datetime, datetime, list[Any]]:
    """The anomaly report over the last `days` days for the auditor's jurisdiction (recorded
    like a search of the trail)."""
    from django.utils import timezone

    from ncos.audit.anomalies import detect, rows_between

    authorize(actor, Action.AUDIT_READ)
    end = timezone.now()
    start = end - timedelta(days=days)
    findings = detect(rows_between(start, end, actor.jurisdiction_id or ""))
    audit.record(
        action=Action.AUDIT_READ.value,
        actor=actor,
        details={"terms": {"anomaly_report_days": days}, "findings": len(findings)},
    )
    return start, end, findings
