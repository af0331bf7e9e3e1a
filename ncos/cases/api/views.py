"""/api/v1/ case management: tasks, caseload, case officer, notes, visits, breach referrals,
s 122 / s 19B requests. Reads are audited (one row per request); writes go through the
services (their row is the request's row); mutable records take If-Match (ETag = version)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from ncos.access.actions import Action
from ncos.api.pagination import paginated
from ncos.api.preconditions import IF_MATCH
from ncos.cases import services
from ncos.cases.api import serializers as s
from ncos.cases.api.base import CaseAPIView, with_etag
from ncos.cases.choices import TaskKind, TaskStatus
from ncos.cases.models import AccessRequest, BreachReferral, CaseNote, Task, Visit
from ncos.cases.selectors.lists import (
    CASELOAD_SORTS,
    TASK_SORTS,
    CaseloadFilters,
    TaskFilters,
    audit_list,
    caseload,
    jurisdiction_today,
    task_list,
)
from ncos.cases.selectors.records import can_read_note, officer_history
from ncos.cases.services._common import local_today
from ncos.documents.render import pdf_response_headers
from ncos.registry.choices import PersonStatus

ERRORS = {
    400: OpenApiResponse(description='{"error": message, "field": name or null}'),
    403: OpenApiResponse(description="Not permitted (audited)."),
    404: OpenApiResponse(description="No such record."),
}
WRITE_ERRORS = {
    **ERRORS,
    412: OpenApiResponse(description="If-Match is stale: the record changed."),
    428: OpenApiResponse(description="If-Match is missing."),
}


def _params(serializer: type[serializers.Serializer], data: Any) -> dict[str, Any]:
    ser = serializer(data=data)
    ser.is_valid(raise_exception=True)
    return dict(ser.validated_data)


def _created(data: Any, version: int | None = None) -> Response:
    response = Response(data, status=status.HTTP_201_CREATED)
    return with_etag(response, version) if version is not None else response


# --- tasks ---------------------------------------------------------------------------------


class TaskQuerySerializer(serializers.Serializer):
    scope = serializers.ChoiceField(choices=["mine", "queue", "all"], default="mine")
    officer = serializers.IntegerField(required=False)
    status = serializers.ChoiceField(choices=["open", *TaskStatus.values, "any"], default="open")
    kind = serializers.ChoiceField(choices=TaskKind.values, required=False)
    overdue = serializers.BooleanField(default=False)
    person_id = serializers.UUIDField(required=False)
    ordering = serializers.ChoiceField(choices=list(TASK_SORTS), default="due")
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=200)


class TaskCollectionView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="case_tasks_list",
        summary="Tasks: mine, the jurisdiction's queue, or everyone's in my jurisdiction",
        parameters=[TaskQuerySerializer],
        responses={200: paginated(s.TaskSerializer), **ERRORS},
    )
    def get(self, request: Request) -> Response:
        q = _params(TaskQuerySerializer, request.query_params)
        filters = TaskFilters(
            scope=q["scope"],
            officer_id=q.get("officer"),
            status="" if q["status"] == "any" else q["status"],
            kind=q.get("kind", ""),
            overdue_only=q["overdue"],
            person_id=str(q.get("person_id") or ""),
            sort=q["ordering"],
        )
        today = jurisdiction_today(request.user)
        rows, paginator = self.paginate(
            request, task_list(actor=request.user, filters=filters, today=today)
        )
        audit_list(
            actor=request.user,
            action="case.tasks",
            terms=filters.terms(),
            persons=[t.person for t in rows],
        )
        data = s.TaskSerializer(rows, many=True, context={"today": today}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        operation_id="case_tasks_create",
        summary="Open a task about a person (idempotent when source_key is given)",
        request=s.TaskCreateSerializer,
        responses={201: s.TaskSerializer, 200: s.TaskSerializer, **ERRORS},
    )
    def post(self, request: Request) -> Response:
        data = _params(s.TaskCreateSerializer, request.data)
        access = self.open_person(request, data["person_id"], Action.PERSON_UPDATE, audit_now=False)
        key = data.get("source_key") or ""
        existed = bool(key) and Task.objects.filter(person=access.person, source_key=key).exists()
        task = services.task_open(
            actor=request.user,
            person=access.person.pk,
            kind=data["kind"],
            title=data["title"],
            due_date=data["due_date"],
            assignee=data.get("assignee"),
            source_key=key,
            details=data.get("details") or {},
            notes=data.get("notes") or "",
        )
        body = s.TaskSerializer(task, context={"today": local_today(access.person)}).data
        if existed:
            access.audit_read("existing task returned")
            return with_etag(Response(body), task.version)
        return _created(body, task.version)


class TaskItemView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW, "PATCH": Action.PERSON_UPDATE}

    @extend_schema(operation_id="case_tasks_read", responses={200: s.TaskSerializer, **ERRORS})
    def get(self, request: Request, task_id: Any) -> Response:
        task, access = self.open_record(request, Task, task_id, Action.CASE_VIEW, audit_now=True)
        body = s.TaskSerializer(task, context={"today": local_today(access.person)}).data
        return with_etag(Response(body), task.version)

    @extend_schema(
        operation_id="case_tasks_update",
        summary="Change status, title, notes, due date or resolution",
        parameters=[IF_MATCH],
        request=s.TaskUpdateSerializer,
        responses={200: s.TaskSerializer, **WRITE_ERRORS},
    )
    def patch(self, request: Request, task_id: Any) -> Response:
        task, access = self.open_record(
            request, Task, task_id, Action.PERSON_UPDATE, audit_now=False
        )
        version = self.if_match(request, task.version)
        data = _params(s.TaskUpdateSerializer, request.data)
        task = services.task_update(
            actor=request.user, task_id=task.pk, expected_version=version, **data
        )
        body = s.TaskSerializer(task, context={"today": local_today(access.person)}).data
        return with_etag(Response(body), task.version)


class TaskReassignView(CaseAPIView):
    access_actions = {"POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="case_tasks_reassign",
        parameters=[IF_MATCH],
        request=s.TaskReassignSerializer,
        responses={200: s.TaskSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, task_id: Any) -> Response:
        task, access = self.open_record(
            request, Task, task_id, Action.PERSON_UPDATE, audit_now=False
        )
        version = self.if_match(request, task.version)
        data = _params(s.TaskReassignSerializer, request.data)
        task = services.task_reassign(
            actor=request.user,
            task_id=task.pk,
            expected_version=version,
            assignee=data.get("assignee"),
            reason=data.get("reason") or "",
        )
        body = s.TaskSerializer(task, context={"today": local_today(access.person)}).data
        return with_etag(Response(body), task.version)


# --- caseload and case officer -------------------------------------------------------------


class CaseloadQuerySerializer(serializers.Serializer):
    officer = serializers.IntegerField(required=False, help_text="Registrars: another officer.")
    unassigned = serializers.BooleanField(default=False, help_text="Registrars: nobody's.")
    status = serializers.ChoiceField(choices=PersonStatus.values, required=False)
    overdue = serializers.BooleanField(default=False)
    ordering = serializers.ChoiceField(choices=list(CASELOAD_SORTS), default="next_due")
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=200)


class CaseloadView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW}

    @extend_schema(
        operation_id="caseload_list",
        summary="An officer's caseload with the next obligation due and what is overdue",
        parameters=[CaseloadQuerySerializer],
        responses={200: paginated(s.CaseloadRowSerializer), **ERRORS},
    )
    def get(self, request: Request) -> Response:
        from ncos.access.guard import authorize
        from ncos.access.policy import RecordRef

        q = _params(CaseloadQuerySerializer, request.query_params)
        if q.get("officer") not in (None, request.user.pk) or q["unassigned"]:
            authorize(
                request.user,
                Action.CASE_SUPERVISE,
                RecordRef(managing_jurisdiction=request.user.jurisdiction_id or ""),
            )
        filters = CaseloadFilters(
            officer_id=q.get("officer"),
            unassigned=q["unassigned"],
            status=q.get("status", ""),
            overdue_only=q["overdue"],
            sort=q["ordering"],
        )
        today = jurisdiction_today(request.user)
        rows, paginator = self.paginate(
            request, caseload(actor=request.user, filters=filters, today=today)
        )
        audit_list(actor=request.user, action="case.caseload", terms=filters.terms(), persons=rows)
        return paginator.get_paginated_response(s.CaseloadRowSerializer(rows, many=True).data)


class CaseOfficerView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW, "PUT": Action.CASE_SUPERVISE}

    def _body(self, person: Any) -> dict[str, Any]:
        officer = person.case_officer
        return s.CaseOfficerSerializer(
            {
                "person_id": person.pk,
                "version": person.version,
                "case_officer": {"id": officer.pk, "username": officer.username}
                if officer
                else None,
                "history": officer_history(person),
            }
        ).data

    @extend_schema(
        operation_id="case_officer_read", responses={200: s.CaseOfficerSerializer, **ERRORS}
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.CASE_VIEW, audit_now=True)
        return with_etag(Response(self._body(access.person)), access.person.version)

    @extend_schema(
        operation_id="case_officer_assign",
        summary="Assign or change the case officer (registrars; If-Match = person version)",
        parameters=[IF_MATCH],
        request=s.CaseOfficerAssignSerializer,
        responses={200: s.CaseOfficerSerializer, **WRITE_ERRORS},
    )
    def put(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.CASE_SUPERVISE, audit_now=False)
        version = self.if_match(request, access.person.version)
        data = _params(s.CaseOfficerAssignSerializer, request.data)
        person = services.case_officer_assign(
            actor=request.user,
            person_id=access.person.pk,
            officer=data.get("officer"),
            reason=data["reason"],
            expected_version=version,
            move_tasks=data["move_tasks"],
        )
        return with_etag(Response(self._body(person)), person.version)


# --- notes ---------------------------------------------------------------------------------


class PersonNotesView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="case_notes_list",
        summary="The person's case notes (restricted ones without text unless you may read them)",
        responses={200: paginated(s.NoteSerializer), **ERRORS},
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.CASE_VIEW, audit_now=True)
        notes = CaseNote.objects.filter(person=access.person).select_related("author", "person")
        rows, paginator = self.paginate(request, notes.order_by("-written_at", "id"))
        readable = {n.pk for n in rows if can_read_note(request.user, n)}
        data = s.NoteSerializer(rows, many=True, context={"readable": readable}).data
        return paginator.get_paginated_response(data)

    @extend_schema(
        operation_id="case_notes_create",
        request=s.NoteCreateSerializer,
        responses={201: s.NoteSerializer, **ERRORS},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.PERSON_UPDATE, audit_now=False)
        data = _params(s.NoteCreateSerializer, request.data)
        note = services.note_add(actor=request.user, person_id=access.person.pk, **data)
        return _created(s.NoteSerializer(note).data)


class NoteItemView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW}

    @extend_schema(operation_id="case_notes_read", responses={200: s.NoteSerializer, **ERRORS})
    def get(self, request: Request, case_note_id: Any) -> Response:
        note, _ = self.open_record(
            request, CaseNote, case_note_id, Action.CASE_VIEW, audit_now=True
        )
        readable = {note.pk} if can_read_note(request.user, note) else set()
        return Response(s.NoteSerializer(note, context={"readable": readable}).data)


# --- visits --------------------------------------------------------------------------------


class PersonVisitsView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="case_visits_list", responses={200: paginated(s.VisitSerializer), **ERRORS}
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.CASE_VIEW, audit_now=True)
        qs = Visit.objects.filter(person=access.person).select_related("officer")
        rows, paginator = self.paginate(request, qs.order_by("-planned_for", "id"))
        return paginator.get_paginated_response(s.VisitSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="case_visits_create",
        summary="Plan an address verification visit (opens a task for the visiting officer)",
        request=s.VisitCreateSerializer,
        responses={201: s.VisitSerializer, **ERRORS},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.PERSON_UPDATE, audit_now=False)
        data = _params(s.VisitCreateSerializer, request.data)
        visit = services.visit_plan(
            actor=request.user,
            person_id=access.person.pk,
            address_detail_id=data["address_detail_id"],
            planned_for=data["planned_for"],
            officer=data.get("officer"),
        )
        return _created(s.VisitSerializer(visit).data, visit.version)


class VisitItemView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW, "PATCH": Action.PERSON_UPDATE}

    @extend_schema(operation_id="case_visits_read", responses={200: s.VisitSerializer, **ERRORS})
    def get(self, request: Request, visit_id: Any) -> Response:
        visit, _ = self.open_record(request, Visit, visit_id, Action.CASE_VIEW, audit_now=True)
        return with_etag(Response(s.VisitSerializer(visit).data), visit.version)

    @extend_schema(
        operation_id="case_visits_update",
        summary="Record a visit (done + outcome), cancel it or re-plan it",
        parameters=[IF_MATCH],
        request=s.VisitUpdateSerializer,
        responses={200: s.VisitSerializer, **WRITE_ERRORS},
    )
    def patch(self, request: Request, visit_id: Any) -> Response:
        visit, _ = self.open_record(request, Visit, visit_id, Action.PERSON_UPDATE, audit_now=False)
        version = self.if_match(request, visit.version)
        data = _params(s.VisitUpdateSerializer, request.data)
        visit = services.visit_record(
            actor=request.user,
            visit_id=visit.pk,
            expected_version=version,
            status=data["status"],
            outcome=data.get("outcome", ""),
            visited_at=data.get("visited_at"),
            notes=data.get("notes", ""),
            planned_for=data.get("planned_for"),
            officer=data.get("officer"),
        )
        return with_etag(Response(s.VisitSerializer(visit).data), visit.version)


# --- breach referrals ----------------------------------------------------------------------


class PersonReferralsView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="case_breach_referrals_list",
        responses={200: paginated(s.ReferralSerializer), **ERRORS},
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.CASE_VIEW, audit_now=True)
        qs = BreachReferral.objects.filter(person=access.person).order_by("-found_on", "id")
        rows, paginator = self.paginate(request, qs)
        return paginator.get_paginated_response(s.ReferralSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="case_breach_referrals_create",
        request=s.ReferralCreateSerializer,
        responses={201: s.ReferralSerializer, **ERRORS},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.PERSON_UPDATE, audit_now=False)
        data = _params(s.ReferralCreateSerializer, request.data)
        referral = services.referral_record(actor=request.user, person_id=access.person.pk, **data)
        return _created(s.ReferralSerializer(referral).data, referral.version)


class ReferralItemView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW, "PATCH": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="case_breach_referrals_read", responses={200: s.ReferralSerializer, **ERRORS}
    )
    def get(self, request: Request, referral_id: Any) -> Response:
        referral, _ = self.open_record(
            request, BreachReferral, referral_id, Action.CASE_VIEW, audit_now=True
        )
        return with_etag(Response(s.ReferralSerializer(referral).data), referral.version)

    @extend_schema(
        operation_id="case_breach_referrals_update",
        parameters=[IF_MATCH],
        request=s.ReferralUpdateSerializer,
        responses={200: s.ReferralSerializer, **WRITE_ERRORS},
    )
    def patch(self, request: Request, referral_id: Any) -> Response:
        referral, _ = self.open_record(
            request, BreachReferral, referral_id, Action.PERSON_UPDATE, audit_now=False
        )
        version = self.if_match(request, referral.version)
        data = _params(s.ReferralUpdateSerializer, request.data)
        referral = services.referral_update(
            actor=request.user, referral_id=referral.pk, expected_version=version, **data
        )
        return with_etag(Response(s.ReferralSerializer(referral).data), referral.version)


# --- s 122 / s 19B requests ----------------------------------------------------------------


class PersonAccessRequestsView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="case_access_requests_list",
        responses={200: paginated(s.AccessRequestSerializer), **ERRORS},
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.CASE_VIEW, audit_now=True)
        qs = AccessRequest.objects.filter(person=access.person).prefetch_related(
            "copies__generated_by"
        )
        rows, paginator = self.paginate(request, qs.order_by("-received_at", "id"))
        return paginator.get_paginated_response(s.AccessRequestSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="case_access_requests_create",
        summary="Log a request for a copy (ACT s 122 (1) / NSW s 19B (1)) or a correction",
        description=(
            "The due date is computed in the managing jurisdiction's time zone: ACT 14 calendar "
            "days after the day asked (s 122 (2), statutory); NSW 'as soon as practicable' "
            "(s 19B (2)) with a 14-day target; corrections a 30-day target. A task due that day "
            "is opened for the case officer (or the queue)."
        ),
        request=s.AccessRequestCreateSerializer,
        responses={201: s.AccessRequestSerializer, **ERRORS},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        access = self.open_person(request, person_id, Action.PERSON_UPDATE, audit_now=False)
        data = _params(s.AccessRequestCreateSerializer, request.data)
        logged = services.access_request_log(actor=request.user, person_id=access.person.pk, **data)
        return _created(s.AccessRequestSerializer(logged).data, logged.version)


class AccessRequestItemView(CaseAPIView):
    access_actions = {"GET": Action.CASE_VIEW}

    @extend_schema(
        operation_id="case_access_requests_read",
        responses={200: s.AccessRequestSerializer, **ERRORS},
    )
    def get(self, request: Request, access_request_id: Any) -> Response:
        row, _ = self.open_record(
            request, AccessRequest, access_request_id, Action.CASE_VIEW, audit_now=True
        )
        return with_etag(Response(s.AccessRequestSerializer(row).data), row.version)


class AccessCopyView(CaseAPIView):
    access_actions = {"POST": Action.PERSON_EXPORT}

    @extend_schema(
        operation_id="case_access_requests_copy",
        summary="Produce the copy of the reportable information (PDF); audited export",
        request=s.AccessCopyCreateSerializer,
        responses={
            (201, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF."),
            **ERRORS,
        },
    )
    def post(self, request: Request, access_request_id: Any) -> HttpResponse:
        row, _ = self.open_record(
            request, AccessRequest, access_request_id, Action.PERSON_EXPORT, audit_now=False
        )
        data = _params(s.AccessCopyCreateSerializer, request.data)
        copy, pdf = services.access_copy_generate(actor=request.user, request_id=row.pk, **data)
        response = HttpResponse(pdf, status=status.HTTP_201_CREATED)
        filename = f"reportable-information-{row.person.national_id}.pdf"
        for name, value in pdf_response_headers(filename).items():
            response[name] = value
        response["X-Copy-Id"] = str(copy.pk)
        return response


class CorrectionDecisionView(CaseAPIView):
    access_actions = {"POST": Action.CORRECTION_DECIDE}

    @extend_schema(
        operation_id="case_access_requests_decide",
        summary="Decide a correction request (registrars); accepted = a new version of the fact",
        parameters=[IF_MATCH],
        request=s.CorrectionDecisionSerializer,
        responses={200: s.AccessRequestSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, access_request_id: Any) -> Response:
        row, _ = self.open_record(
            request, AccessRequest, access_request_id, Action.CORRECTION_DECIDE, audit_now=False
        )
        version = self.if_match(request, row.version)
        data = _params(s.CorrectionDecisionSerializer, request.data)
        decided = services.correction_decide(
            actor=request.user,
            request_id=row.pk,
            expected_version=version,
            decision=data["decision"],
            reasons=data["reasons"],
            data=data.get("corrected_data"),
        )
        return with_etag(Response(s.AccessRequestSerializer(decided).data), decided.version)


class AccessRequestWithdrawView(CaseAPIView):
    access_actions = {"POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="case_access_requests_withdraw",
        parameters=[IF_MATCH],
        request=s.WithdrawSerializer,
        responses={200: s.AccessRequestSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request, access_request_id: Any) -> Response:
        row, _ = self.open_record(
            request, AccessRequest, access_request_id, Action.PERSON_UPDATE, audit_now=False
        )
        version = self.if_match(request, row.version)
        data = _params(s.WithdrawSerializer, request.data)
        withdrawn = services.access_request_withdraw(
            actor=request.user, request_id=row.pk, expected_version=version, reason=data["reason"]
        )
        return with_etag(Response(s.AccessRequestSerializer(withdrawn).data), withdrawn.version)
