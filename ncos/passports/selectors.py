"""Reads of the passports app: a person's permissions and requests, the registry's lists, and
overseas travel without the competent authority's permission."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from ncos.access.errors import NotFound
from ncos.passports.choices import GRANTED, OPEN_STATUSES, PermissionStatus, RequestStatus
from ncos.passports.models import PassportRequest, PermissionDocument, TravelPermission
from ncos.registry.models import Person
from ncos.sharing.choices import TravelState
from ncos.sharing.models import TravelPlan
from ncos.sharing.selectors import local_today
from ncos.sharing.services._common import as_uuid


def permission_of(person_id: object, permission_id: object) -> TravelPermission:
    permission = (
        TravelPermission.objects.select_related(
            "decided_by", "told_by", "recorded_by", "travel_plan", "jurisdiction"
        )
        .filter(pk=as_uuid(permission_id, "permission"), person_id=person_id)
        .first()
    )
    if permission is None:
        raise NotFound("permission not found")
    return permission


def permission_get(permission_id: object) -> TravelPermission:
    permission = (
        TravelPermission.objects.select_related("person", "decided_by", "travel_plan")
        .filter(pk=as_uuid(permission_id, "permission"))
        .first()
    )
    if permission is None:
        raise NotFound("permission not found")
    return permission


def document_of(permission: TravelPermission, document_id: object) -> PermissionDocument:
    document = PermissionDocument.objects.filter(
        pk=as_uuid(document_id, "document"), permission=permission
    ).first()
    if document is None:
        raise NotFound("document not found")
    return document


def request_of(person_id: object, request_id: object) -> PassportRequest:
    request = (
        PassportRequest.objects.select_related(
            "person",
            "jurisdiction",
            "created_by",
            "approved_by",
            "sent_by",
            "updated_by",
            "travel_permission",
        )
        .filter(pk=as_uuid(request_id, "passport request"), person_id=person_id)
        .first()
    )
    if request is None:
        raise NotFound("passport request not found")
    return request


def request_get(request_id: object) -> PassportRequest:
    request = (
        PassportRequest.objects.select_related(
            "person",
            "person__managing_jurisdiction",
            "jurisdiction",
            "created_by",
            "approved_by",
            "sent_by",
            "travel_permission",
        )
        .filter(pk=as_uuid(request_id, "passport request"))
        .first()
    )
    if request is None:
        raise NotFound("passport request not found")
    return request


def person_permissions(person: Person) -> list[TravelPermission]:
    return list(
        TravelPermission.objects.filter(person=person)
        .select_related("decided_by", "travel_plan")
        .prefetch_related("documents", "foreign_notices")
    )


def person_requests(person: Person) -> list[PassportRequest]:
    return list(
        PassportRequest.objects.filter(person=person).select_related("created_by", "approved_by")
    )


def granted_permissions(person: Person) -> list[TravelPermission]:
    return list(TravelPermission.objects.filter(person=person, status__in=GRANTED))


def _permitted() -> Any:
    granted = TravelPermission.objects.filter(person_id=OuterRef("person_id"), status__in=GRANTED)
    linked = granted.filter(travel_plan_id=OuterRef("pk"))
    covering = granted.filter(
        travel_plan__isnull=True, depart_on__lte=OuterRef("depart_on")
    ).filter(Q(return_on__isnull=True) | Q(return_on__gte=OuterRef("return_on")))
    return Exists(linked) | Exists(covering)


def overseas_without_permission(code: str, *, departed_only: bool = True) -> QuerySet[TravelPlan]:
    """Overseas travel of persons managed by `code` with no granted permission: departed (the
    flag) or, with `departed_only=False`, also planned."""
    qs = (
        TravelPlan.objects.filter(
            person__managing_jurisdiction_id=code,
            home_jurisdiction_id=code,
            overseas=True,
            state__in=[TravelState.PLANNED, TravelState.RETURNED],
        )
        .annotate(permitted=_permitted())
        .filter(permitted=False)
        .select_related("person")
    )
    if departed_only:
        qs = qs.filter(depart_on__lte=local_today(code))
    return qs.order_by("-depart_on")


def plan_flags(plan: TravelPlan, today: date) -> list[str]:
    """Warnings about one plan for the person's pages."""
    from ncos.passports.services import permission_for_plan

    if not plan.overseas or plan.state == TravelState.CANCELLED:
        return []
    if permission_for_plan(plan):
        return []
    if plan.depart_on <= today:
        return ["Overseas travel without the competent authority's permission."]
    return ["Overseas travel planned; no permission of the competent authority yet."]


@dataclass(frozen=True)
class RequestFilters:
    status: str = ""
    request_type: str = ""
    open_only: bool = False
    sort: str = "-created"

    def terms(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", None, False)}


REQUEST_SORTS = {
    "-created": ("-created_at",),
    "created": ("created_at",),
    "status": ("status", "-created_at"),
}


def requests_for(code: str, filters: RequestFilters) -> QuerySet[PassportRequest]:
    qs = PassportRequest.objects.filter(jurisdiction_id=code).select_related("person", "created_by")
    if filters.status in RequestStatus.values:
        qs = qs.filter(status=filters.status)
    if filters.request_type:
        qs = qs.filter(request_type=filters.request_type)
    if filters.open_only:
        qs = qs.filter(status__in=OPEN_STATUSES)
    return qs.order_by(*REQUEST_SORTS.get(filters.sort, REQUEST_SORTS["-created"]), "pk")


def pending_permissions(code: str) -> QuerySet[TravelPermission]:
    return TravelPermission.objects.filter(jurisdiction_id=code, status=PermissionStatus.PENDING)


def drafts_to_approve(code: str) -> QuerySet[PassportRequest]:
    return PassportRequest.objects.filter(jurisdiction_id=code, status=RequestStatus.DRAFT)


def person_alerts(person: Person) -> list[tuple[str, str]]:
    """For the register's person summary (ALERT_PROVIDERS): overseas travel without the
    competent authority's permission, and applications waiting for a decision."""
    alerts: list[tuple[str, str]] = []
    today = local_today(person.managing_jurisdiction_id)
    plans = TravelPlan.objects.filter(
        person=person,
        home_jurisdiction_id=person.managing_jurisdiction_id,
        overseas=True,
        state__in=[TravelState.PLANNED, TravelState.RETURNED],
    ).prefetch_related("legs")
    for plan in plans:
        for text in plan_flags(plan, today):
            level = "error" if plan.depart_on <= today else "warning"
            alerts.append((level, f"Travel {plan.reference}: {text}"))
    pending = TravelPermission.objects.filter(person=person, status=PermissionStatus.PENDING)
    for permission in pending:
        alerts.append(
            ("info", f"Application {permission.reference} awaits the competent authority.")
        )
    return alerts
