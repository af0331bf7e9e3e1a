"""Lists: an officer's caseload, the jurisdiction's overview, tasks. Scoped by the policy:
only the actor's own jurisdiction (case work stays there), protected persons only with
clearance (otherwise left out entirely: no rows, no counts)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.guard import authorize
from ncos.access.policy import RecordRef
from ncos.access.roles import PERSON_WRITERS
from ncos.accounts.models import User
from ncos.audit import record as audit
from ncos.cases.choices import OPEN_TASK_STATUSES
from ncos.cases.models import Task
from ncos.registry.models import Obligation, Person

OPEN_OBLIGATIONS = ("due", "overdue", "upcoming")


def jurisdiction_today(actor: Any) -> date:
    zone = actor.jurisdiction.zone if actor.jurisdiction_id else timezone.get_current_timezone()
    return timezone.localdate(timezone=zone)


def _own_ref(actor: Any) -> RecordRef:
    return RecordRef(managing_jurisdiction=actor.jurisdiction_id or "")


def case_persons(actor: Any, action: Action = Action.CASE_VIEW) -> QuerySet[Person]:
    """Persons whose case records the actor may see in lists."""
    authorize(actor, action, _own_ref(actor))
    qs = Person.objects.filter(
        managing_jurisdiction_id=actor.jurisdiction_id, merged_into__isnull=True
    )
    if not actor.protected_clearance:
        qs = qs.filter(protected=False)
    return qs


def officers_of(jurisdiction: str, *, cleared_only: bool = False) -> QuerySet[User]:
    """Users who may hold a caseload in `jurisdiction` (active registrars and case managers)."""
    qs = User.objects.filter(
        jurisdiction_id=jurisdiction,
        is_active=True,
        disabled_at__isnull=True,
        role_grants__role__in=[r.value for r in PERSON_WRITERS],
    ).distinct()
    if cleared_only:
        qs = qs.filter(protected_clearance=True)
    return qs.order_by("last_name", "first_name", "username")


# --- caseload ------------------------------------------------------------------------------

CASELOAD_SORTS = {
    "name": ("family_name", "given_names", "date_of_birth"),
    "-name": ("-family_name", "-given_names"),
    "next_due": (F("next_due").asc(nulls_last=True), "family_name"),
    "-overdue": ("-overdue_obligations", "family_name"),
    "-tasks": ("-open_tasks", "family_name"),
    "-overdue_tasks": ("-overdue_tasks", "family_name"),
}


@dataclass(frozen=True)
class CaseloadFilters:
    officer_id: int | None = None  # None + unassigned=False: the actor
    unassigned: bool = False
    status: str = ""
    overdue_only: bool = False
    sort: str = "next_due"

    def terms(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", None, False)}


def _count(qs: QuerySet[Any]) -> Coalesce:
    counted = qs.order_by().values("person").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def caseload(*, actor: Any, filters: CaseloadFilters, today: date) -> QuerySet[Person]:
    """The people of one officer's caseload (or the unassigned ones), each with the next open
    obligation, overdue obligations, open and overdue tasks."""
    qs = case_persons(actor)
    if filters.unassigned:
        qs = qs.filter(case_officer__isnull=True)
    else:
        qs = qs.filter(case_officer_id=filters.officer_id or actor.pk)
    if filters.status:
        qs = qs.filter(status=filters.status)
    open_obligations = Obligation.objects.filter(
        person=OuterRef("pk"), status__in=OPEN_OBLIGATIONS
    ).order_by(F("due_date").asc(nulls_last=True), "kind", "key")
    open_tasks = Task.objects.filter(person=OuterRef("pk"), status__in=OPEN_TASK_STATUSES)
    qs = qs.annotate(
        next_due=Subquery(open_obligations.values("due_date")[:1]),
        next_kind=Subquery(open_obligations.values("kind")[:1]),
        next_status=Subquery(open_obligations.values("status")[:1]),
        overdue_obligations=_count(
            Obligation.objects.filter(person=OuterRef("pk"), status="overdue")
        ),
        open_tasks=_count(open_tasks),
        overdue_tasks=_count(open_tasks.filter(due_date__lt=today)),
    )
    if filters.overdue_only:
        qs = qs.filter(Q(overdue_obligations__gt=0) | Q(overdue_tasks__gt=0))
    return qs.select_related("managing_jurisdiction").order_by(
        *CASELOAD_SORTS.get(filters.sort, CASELOAD_SORTS["next_due"]), "id"
    )


def audit_list(
    *,
    actor: Any,
    action: str,
    terms: dict[str, Any],
    persons: Iterable[Any],
    purpose: str = "",
) -> None:
    """One search-style row for a list page, API list or CSV export: filters + person ids."""
    ids: list[str] = []
    protected = False
    for p in persons:
        ids.append(str(p.pk))
        protected = protected or bool(p.protected)
    audit.record(
        action=action,
        actor=actor,
        protected=protected,
        managing_jurisdiction=actor.jurisdiction_id or "",
        purpose=purpose[:300],
        details={
            "terms": {k: str(v) for k, v in terms.items()},
            "result_ids": list(dict.fromkeys(ids))[:500],
            "result_count": len(set(ids)),
        },
    )


# --- the jurisdiction overview (registrars) ------------------------------------------------


@dataclass
class OfficerRow:
    officer: User | None  # None: unassigned / the queue
    people: int
    people_overdue: int
    open_tasks: int
    overdue_tasks: int


def jurisdiction_overview(*, actor: Any, today: date) -> list[OfficerRow]:
    """Every officer's caseload in the actor's jurisdiction, plus the unassigned people and the
    queue (registrars: `Action.CASE_SUPERVISE`)."""
    persons = case_persons(actor, Action.CASE_SUPERVISE)
    overdue = Exists(Obligation.objects.filter(person=OuterRef("pk"), status="overdue"))
    people = {
        row["case_officer_id"]: row
        for row in persons.order_by()
        .values("case_officer_id")
        .annotate(n=Count("pk"), late=Count("pk", filter=overdue))
    }
    tasks = {
        row["assignee_id"]: row
        for row in Task.objects.filter(person__in=persons, status__in=OPEN_TASK_STATUSES)
        .order_by()
        .values("assignee_id")
        .annotate(n=Count("pk"), late=Count("pk", filter=Q(due_date__lt=today)))
    }
    rows: list[OfficerRow] = []
    officers = list(officers_of(actor.jurisdiction_id))
    known = {o.pk for o in officers}
    extra = (set(people) | set(tasks)) - known - {None}
    officers += list(User.objects.filter(pk__in=extra).order_by("username"))
    for officer in [*officers, None]:
        key = officer.pk if officer is not None else None
        p, t = people.get(key, {}), tasks.get(key, {})
        rows.append(
            OfficerRow(officer, p.get("n", 0), p.get("late", 0), t.get("n", 0), t.get("late", 0))
        )
    return rows


# --- tasks ---------------------------------------------------------------------------------

TASK_SORTS = {
    "due": ("due_date", "created_at"),
    "-due": ("-due_date", "-created_at"),
    "created": ("created_at",),
    "-created": ("-created_at",),
    "kind": ("kind", "due_date"),
    "status": ("status", "due_date"),
}
TASK_SCOPES = ("mine", "queue", "all")


@dataclass(frozen=True)
class TaskFilters:
    scope: str = "mine"  # mine | queue | all (the jurisdiction)
    officer_id: int | None = None  # with scope "all": one officer's tasks
    status: str = "open"  # open (open + in progress) | a TaskStatus | "" (any)
    kind: str = ""
    overdue_only: bool = False
    person_id: str = ""
    sort: str = "due"

    def terms(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v not in ("", None, False)}


def task_list(*, actor: Any, filters: TaskFilters, today: date) -> QuerySet[Task]:
    persons = case_persons(actor)
    qs = Task.objects.filter(person__in=persons).select_related(
        "person", "assignee", "person__managing_jurisdiction"
    )
    if filters.scope == "mine":
        qs = qs.filter(assignee=actor)
    elif filters.scope == "queue":
        qs = qs.filter(assignee__isnull=True)
    elif filters.officer_id:
        qs = qs.filter(assignee_id=filters.officer_id)
    if filters.status == "open":
        qs = qs.filter(status__in=OPEN_TASK_STATUSES)
    elif filters.status:
        qs = qs.filter(status=filters.status)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.overdue_only:
        qs = qs.filter(status__in=OPEN_TASK_STATUSES, due_date__lt=today)
    if filters.person_id:
        qs = qs.filter(person_id=filters.person_id)
    return qs.order_by(*TASK_SORTS.get(filters.sort, TASK_SORTS["due"]), "id")
