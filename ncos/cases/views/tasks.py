"""One task: read it, change its status / due date / notes, reassign it."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import HttpRequest
from django.urls import reverse

from ncos.access.actions import Action
from ncos.cases import services
from ncos.cases.forms import TaskReassignForm, TaskUpdateForm
from ncos.cases.models import Task
from ncos.cases.selectors.access import CaseAccess
from ncos.cases.views.base import CaseFormPage


def task_url(task: Task) -> str:
    return reverse("cases:task_detail", kwargs={"task_id": task.pk})


class TaskView(CaseFormPage):
    model = Task
    pk_kwarg = "task_id"
    template_name = "cases/task.html"
    title = "Task"
    submit_label = "Save"
    success_message = "Task saved."

    def build_forms(
        self, request: HttpRequest, row: Task, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        initial = {
            "version": row.version,
            "status": row.status,
            "due_date": row.due_date,
            "notes": row.notes,
            "resolution": row.resolution,
        }
        return {"form": TaskUpdateForm(data, initial=initial, prefix="task")}

    def extra_context(self, request: HttpRequest, row: Task, access: CaseAccess) -> dict[str, Any]:
        return {"task": row, "events": list(row.events.select_related("actor"))}

    def perform(
        self, request: HttpRequest, row: Task, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        services.task_update(
            actor=request.user,
            task_id=row.pk,
            expected_version=data["version"],
            status=data["status"],
            due_date=data["due_date"],
            notes=data.get("notes") or "",
            resolution=data.get("resolution") or "",
        )
        return task_url(row)


class TaskReassignView(CaseFormPage):
    model = Task
    pk_kwarg = "task_id"
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}
    title = "Reassign the task"
    submit_label = "Reassign"
    success_message = "Task reassigned."

    def build_forms(
        self, request: HttpRequest, row: Task, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        initial = {"version": row.version, "assignee": row.assignee_id}
        return {
            "form": TaskReassignForm(data, initial=initial, person=access.person, prefix="reassign")
        }

    def extra_context(self, request: HttpRequest, row: Task, access: CaseAccess) -> dict[str, Any]:
        return {"cancel_url": task_url(row)}

    def perform(
        self, request: HttpRequest, row: Task, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        services.task_reassign(
            actor=request.user,
            task_id=row.pk,
            expected_version=data["version"],
            assignee=data.get("assignee"),
            reason=data.get("reason") or "",
        )
        return task_url(row)
