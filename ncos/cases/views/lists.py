"""List pages: the caseload, the jurisdiction overview, tasks — with filters, sorting,
pagination, empty states and audited CSV exports."""

from __future__ import annotations

from typing import Any

from allauth.account.internal.flows.reauthentication import is_reauthentication_required
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import RuleViolation
from ncos.access.policy import RecordRef, decide
from ncos.access.subjects import subject_of
from ncos.access.views import AccessMixin
from ncos.accounts.models import User
from ncos.cases import services
from ncos.cases.choices import TaskKind, TaskStatus
from ncos.cases.forms import CaseloadFilterForm, TaskFilterForm, TransferForm
from ncos.cases.selectors.lists import (
    CaseloadFilters,
    TaskFilters,
    audit_list,
    caseload,
    jurisdiction_overview,
    jurisdiction_today,
    task_list,
)
from ncos.common.csv import render_csv

PAGE_SIZE = 25
EXPORT_LIMIT = 5000


def _supervisor(request: HttpRequest) -> bool:
    subject = subject_of(request.user)
    own = RecordRef(managing_jurisdiction=subject.jurisdiction or "")
    return decide(subject, Action.CASE_SUPERVISE, own).allowed


def step_up(request: HttpRequest) -> None:
    """A bulk export needs a sign-in at most 5 minutes old (security.md SE-7)."""
    if is_reauthentication_required(request, app=""):
        raise ReauthenticationRequired()


def csv_response(filename: str, header: list[str], rows: list[list[Any]]) -> HttpResponse:
    response = HttpResponse(render_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _label(choices: Any, value: str) -> str:
    return dict(choices.choices).get(value, value or "")


# --- caseload ------------------------------------------------------------------------------


def _caseload_filters(request: HttpRequest) -> tuple[CaseloadFilterForm, CaseloadFilters | None]:
    supervisor = _supervisor(request)
    form = CaseloadFilterForm(request.GET or None, actor=request.user, supervisor=supervisor)
    if form.is_bound and not form.is_valid():
        return form, None
    data = form.cleaned_data if form.is_bound else {}
    officer_id = data.get("officer") if supervisor else None
    return form, CaseloadFilters(
        officer_id=officer_id,
        unassigned=bool(data.get("unassigned")) if supervisor else False,
        status=data.get("status") or "",
        overdue_only=bool(data.get("overdue")),
        sort=data.get("sort") or "next_due",
    )


class CaseloadView(AccessMixin):
    """An officer's caseload: their people, the next obligation due, what is overdue."""

    access_action = Action.CASE_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        form, filters = _caseload_filters(request)
        if filters is None:
            audit_list(actor=request.user, action="case.caseload", terms={}, persons=[])
            return render(request, "cases/caseload.html", {"form": form, "page": None}, status=400)
        today = jurisdiction_today(request.user)
        page = Paginator(caseload(actor=request.user, filters=filters, today=today), PAGE_SIZE)
        page_obj = page.get_page(request.GET.get("page"))
        audit_list(
            actor=request.user,
            action="case.caseload",
            terms=filters.terms(),
            persons=page_obj.object_list,
        )
        officer = (
            User.objects.filter(pk=filters.officer_id).first()
            if filters.officer_id
            else (None if filters.unassigned else request.user)
        )
        return render(
            request,
            "cases/caseload.html",
            {
                "form": form,
                "page": page_obj,
                "officer": officer,
                "unassigned": filters.unassigned,
                "today": today,
                "supervisor": _supervisor(request),
                "query": request.GET.urlencode(),
            },
        )


class CaseloadExportView(AccessMixin):
    """The caseload as CSV (same filters), audited with the person ids and the purpose."""

    access_action = Action.PERSON_EXPORT

    def get(self, request: HttpRequest) -> HttpResponse:
        form, filters = _caseload_filters(request)
        if filters is None:
            return HttpResponse("Invalid filters.", status=400, content_type="text/plain")
        step_up(request)
        today = jurisdiction_today(request.user)
        people = list(caseload(actor=request.user, filters=filters, today=today)[:EXPORT_LIMIT])
        audit_list(
            actor=request.user,
            action="case.caseload.export",
            terms=filters.terms(),
            persons=people,
            purpose="caseload export (CSV)",
        )
        rows = [
            [
                p.national_id,
                p.family_name,
                p.given_names,
                p.date_of_birth.isoformat(),
                p.get_status_display(),
                (p.next_kind or "").replace("_", " "),
                p.next_due.isoformat() if p.next_due else "",
                p.overdue_obligations,
                p.open_tasks,
                p.overdue_tasks,
            ]
            for p in people
        ]
        header = [
            "National id",
            "Family name",
            "Given names",
            "Date of birth",
            "Status",
            "Next obligation",
            "Next due",
            "Overdue obligations",
            "Open tasks",
            "Overdue tasks",
        ]
        return csv_response(f"caseload-{today.isoformat()}.csv", header, rows)


class JurisdictionView(AccessMixin):
    """Registrars: every officer's caseload in the jurisdiction, the unassigned and the queue."""

    access_action = Action.CASE_SUPERVISE

    def get(self, request: HttpRequest) -> HttpResponse:
        today = jurisdiction_today(request.user)
        rows = jurisdiction_overview(actor=request.user, today=today)
        audit_list(
            actor=request.user,
            action="case.jurisdiction",
            terms={"jurisdiction": request.user.jurisdiction_id},
            persons=[],
        )
        return render(
            request,
            "cases/jurisdiction.html",
            {"rows": rows, "today": today, "transfer_form": TransferForm(actor=request.user)},
        )


class TransferView(AccessMixin):
    """Registrars: hand one officer's whole caseload to another (each person audited)."""

    access_action = Action.CASE_SUPERVISE

    def post(self, request: HttpRequest) -> HttpResponse:
        form = TransferForm(request.POST, actor=request.user)
        if form.is_valid():
            data = form.cleaned_data
            try:
                moved = services.caseload_transfer(
                    actor=request.user,
                    from_officer=data["from_officer"],
                    to_officer=data.get("to_officer"),
                    reason=data["reason"],
                )
            except RuleViolation as violation:
                field = (violation.field or "").split(".")[-1]
                form.add_error(field if field in form.fields else None, str(violation))
            else:
                messages.success(request, f"{len(moved)} people transferred.")
                return HttpResponseRedirect(reverse("cases:jurisdiction"))
        audit_list(
            actor=request.user,
            action="case.jurisdiction",
            terms={"transfer": "rejected"},
            persons=[],
        )
        today = jurisdiction_today(request.user)
        return render(
            request,
            "cases/jurisdiction.html",
            {
                "rows": jurisdiction_overview(actor=request.user, today=today),
                "today": today,
                "transfer_form": form,
            },
            status=400,
        )


# --- tasks ---------------------------------------------------------------------------------


def _task_filters(request: HttpRequest) -> tuple[TaskFilterForm, TaskFilters | None]:
    form = TaskFilterForm(request.GET or None, actor=request.user)
    if form.is_bound and not form.is_valid():
        return form, None
    data = form.cleaned_data if form.is_bound else {}
    status = data.get("status") or "open"
    return form, TaskFilters(
        scope=data.get("scope") or "mine",
        officer_id=data.get("officer"),
        status="" if status == "any" else status,
        kind=data.get("kind") or "",
        overdue_only=bool(data.get("overdue")),
        sort=data.get("sort") or "due",
    )


class TaskListView(AccessMixin):
    """My tasks (or the queue, or the jurisdiction's), overdue ones highlighted."""

    access_action = Action.CASE_VIEW

    def get(self, request: HttpRequest) -> HttpResponse:
        form, filters = _task_filters(request)
        if filters is None:
            audit_list(actor=request.user, action="case.tasks", terms={}, persons=[])
            return render(request, "cases/tasks.html", {"form": form, "page": None}, status=400)
        today = jurisdiction_today(request.user)
        page = Paginator(task_list(actor=request.user, filters=filters, today=today), PAGE_SIZE)
        page_obj = page.get_page(request.GET.get("page"))
        audit_list(
            actor=request.user,
            action="case.tasks",
            terms=filters.terms(),
            persons=[t.person for t in page_obj.object_list],
        )
        return render(
            request,
            "cases/tasks.html",
            {
                "form": form,
                "page": page_obj,
                "filters": filters,
                "today": today,
                "query": request.GET.urlencode(),
            },
        )


class TaskExportView(AccessMixin):
    access_action = Action.PERSON_EXPORT

    def get(self, request: HttpRequest) -> HttpResponse:
        form, filters = _task_filters(request)
        if filters is None:
            return HttpResponse("Invalid filters.", status=400, content_type="text/plain")
        step_up(request)
        today = jurisdiction_today(request.user)
        tasks = list(task_list(actor=request.user, filters=filters, today=today)[:EXPORT_LIMIT])
        audit_list(
            actor=request.user,
            action="case.tasks.export",
            terms=filters.terms(),
            persons=[t.person for t in tasks],
            purpose="task list export (CSV)",
        )
        header = [
            "Due",
            "Overdue",
            "Kind",
            "Title",
            "Status",
            "National id",
            "Person",
            "Assigned to",
            "Opened",
        ]
        rows = [
            [
                t.due_date.isoformat(),
                "yes" if t.overdue_on(today) else "",
                _label(TaskKind, t.kind),
                t.title,
                _label(TaskStatus, t.status),
                t.person.national_id,
                t.person.display_name,
                t.assignee.username if t.assignee else "queue",
                timezone.localtime(t.created_at).date().isoformat(),
            ]
            for t in tasks
        ]
        return csv_response(f"tasks-{today.isoformat()}.csv", header, rows)
