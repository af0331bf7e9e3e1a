"""The home dashboard's case panel and the menu badge: my open and overdue tasks, the queue,
open s 122 / s 19B requests. Nothing for users who may not see case records."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.policy import RecordRef, decide
from ncos.access.subjects import subject_of
from ncos.cases.choices import OPEN_TASK_STATUSES, RequestStatus
from ncos.cases.models import AccessRequest, Task
from ncos.cases.selectors.lists import jurisdiction_today


def _may(request: HttpRequest) -> bool:
    subject = subject_of(request.user)
    own = RecordRef(managing_jurisdiction=subject.jurisdiction or "")
    return bool(subject.jurisdiction) and decide(subject, Action.CASE_VIEW, own).allowed


def _tasks(request: HttpRequest) -> Any:
    user = request.user
    qs = Task.objects.filter(
        person__managing_jurisdiction_id=user.jurisdiction_id,  # type: ignore[union-attr]
        status__in=OPEN_TASK_STATUSES,
    )
    if not user.protected_clearance:  # type: ignore[union-attr]
        qs = qs.filter(person__protected=False)
    return qs


def overdue_badge(request: HttpRequest) -> int | None:
    """My overdue tasks, on the "Caseload" menu entry."""
    if not _may(request):
        return None
    today = jurisdiction_today(request.user)
    return _tasks(request).filter(assignee=request.user, due_date__lt=today).count() or None


def case_panels(request: HttpRequest) -> list[dict[str, Any]]:
    if not _may(request):
        return []
    today = jurisdiction_today(request.user)
    counts = _tasks(request).aggregate(
        mine=Count("pk", filter=Q(assignee=request.user)),
        mine_late=Count("pk", filter=Q(assignee=request.user, due_date__lt=today)),
        queue=Count("pk", filter=Q(assignee__isnull=True)),
    )
    requests = AccessRequest.objects.filter(
        person__managing_jurisdiction_id=request.user.jurisdiction_id,  # type: ignore[union-attr]
        status=RequestStatus.OPEN,
    )
    if not request.user.protected_clearance:  # type: ignore[union-attr]
        requests = requests.filter(person__protected=False)
    tasks_url = reverse("cases:tasks")
    return [
        {
            "title": "My tasks",
            "figure": counts["mine"],
            "url": tasks_url,
            "text": f"{counts['mine_late']} overdue." if counts["mine_late"] else "None overdue.",
            "links": [
                {
                    "label": "Overdue",
                    "url": f"{tasks_url}?overdue=on",
                    "count": counts["mine_late"],
                },
                {"label": "The queue", "url": f"{tasks_url}?scope=queue", "count": counts["queue"]},
                {
                    "label": "Open s 122 / s 19B requests",
                    "url": f"{tasks_url}?scope=all&kind=access_copy",
                    "count": requests.count(),
                },
                {"label": "My caseload", "url": reverse("cases:caseload"), "count": None},
            ],
        }
    ]
