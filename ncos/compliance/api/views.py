"""/api/v1/ compliance operations: reports (record, list, read), receipts (produce, read,
download, mark given) and notices (produce, list, read, download, record service).

Every request naming a person (or one of their records) writes exactly one audit row: the
service's row for a write, a read row otherwise (including a write refused by a rule). Writes to
a mutable record (marking a receipt given, recording a notice's service) take `If-Match` with
the record's version (its ETag): missing → 428, stale → 412 (security.md API-2).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.api.errors import error_response
from ncos.api.pagination import StandardPagination
from ncos.api.preconditions import IF_MATCH, required_version, with_etag
from ncos.api.restricted import or_restricted, restricted_response
from ncos.compliance import notice_content
from ncos.compliance.api.serializers import (
    GivenInSerializer,
    NoticeInSerializer,
    NoticeOutSerializer,
    ReceiptSerializer,
    ReportInSerializer,
    ReportOutSerializer,
    ServiceInSerializer,
)
from ncos.compliance.models import Acknowledgement, ObligationsNotice, Report
from ncos.compliance.services import (
    notice_generate,
    notice_record_service,
    receipt_generate,
    receipt_mark_given,
    report_record,
)
from ncos.compliance.services._common import as_uuid, sha256
from ncos.documents.render import pdf_response_headers
from ncos.registry.selectors import PersonAccess, person_access

ERROR = OpenApiResponse(description='{"error": message, "field": name or null}')


class ComplianceAPIView(APIView):
    """Base of the compliance API views (role-gate refusals are audited by the permission)."""


def _open(
    request: Request, person_id: object, action: Action, *, audit_now: bool, purpose: str
) -> PersonAccess:
    return person_access(
        actor=request.user,
        person_id=person_id,
        action=action,
        audit_now=audit_now,
        purpose=purpose,
    )


def _person_of(model: Any, pk: object, what: str) -> Any:
    row = model.objects.filter(pk=as_uuid(pk, what)).only("person_id").first()
    if row is None:
        raise NotFound(f"{what} not found")
    return row.person_id


def _if_match(request: Request, version: int) -> Response | None:
    """The refusal to answer when If-Match is missing (428) or not the current version (412);
    the caller audits the read before answering."""
    try:
        required_version(request.headers.get("If-Match"), version)
    except APIException as exc:
        return error_response(str(exc.detail), exc.status_code, "If-Match", current_version=version)
    return None


def receipt_data(ack: Acknowledgement) -> dict[str, Any]:
    return {
        "id": ack.pk,
        "report_id": ack.report_id,
        "reference": f"{ack.report.reference}/A{ack.sequence}",
        "sequence": ack.sequence,
        "sha256": ack.sha256,
        "size_bytes": ack.size_bytes,
        "generated_at": ack.generated_at,
        "given_at": ack.given_at,
        "given_how": ack.given_how,
        "given_to": ack.given_to,
        "version": ack.version,
        "pdf_url": reverse("api:compliance-receipt-pdf", kwargs={"receipt_id": ack.pk}),
    }


def report_data(report: Report) -> dict[str, Any]:
    acks = sorted(report.acknowledgements.all(), key=lambda a: a.sequence)
    return {
        "id": report.pk,
        "reference": report.reference,
        "person_id": report.person_id,
        "jurisdiction": report.jurisdiction,
        "kind": report.kind,
        "manner": report.manner,
        "received_at": report.received_at,
        "received_on": report.received_on,
        "place_text": report.place_text,
        "officer_id": report.officer_id,
        "officer_name": report.officer_name,
        "made_by": report.made_by,
        "representative_name": report.representative_name,
        "photo_id_sighted": report.photo_id_sighted,
        "photo_taken": report.photo_taken,
        "fingerprints_taken": report.fingerprints_taken,
        "interpreter_present": report.interpreter_present,
        "support_person_present": report.support_person_present,
        "information": report.information,
        "notes": report.notes,
        "changes": report.changes,
        "meets": [
            {
                "obligation_key": m.obligation_key,
                "obligation_kind": m.obligation_kind,
                "automatic": m.automatic,
                "due_date": m.due_date,
                "met_on": m.met_on,
                "days_late": m.days_late,
            }
            for m in report.meets.all()
        ],
        "ack_due_on": report.ack_due_on,
        "acknowledged": any(a.given_at for a in acks),
        "acknowledgements": [receipt_data(a) for a in acks],
        "recorded_at": report.recorded_at,
    }


def notice_data(notice: ObligationsNotice) -> dict[str, Any]:
    return {
        "id": notice.pk,
        "reference": notice.reference,
        "person_id": notice.person_id,
        "jurisdiction": notice.jurisdiction,
        "form": notice_content.form_of(notice.jurisdiction),
        "reason": notice.reason,
        "occasion_date": notice.occasion_date,
        "due_on": notice.due_on,
        "generated_at": notice.generated_at,
        "sha256": notice.sha256,
        "served_at": notice.served_at,
        "served_how": notice.served_how,
        "served_by_name": notice.served_by_name,
        "explained": notice.explained,
        "interpreter_name": notice.interpreter_name,
        "interpreter_language": notice.interpreter_language,
        "person_signed": notice.person_signed,
        "version": notice.version,
        "pdf_url": reverse("api:compliance-notice-pdf", kwargs={"notice_id": notice.pk}),
    }


def _reports() -> Any:
    return Report.objects.select_related("person").prefetch_related("meets", "acknowledgements")


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(bytes(data))
    for name, value in pdf_response_headers(filename).items():
        response[name] = value
    return response


class PersonReportsView(ComplianceAPIView):
    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="compliance_reports_list",
        summary="A person's reports, newest first",
        responses={200: or_restricted(ReportOutSerializer, paged=True), 404: ERROR},
    )
    def get(self, request: Request, person_id: object) -> Response:
        access = _open(
            request, person_id, Action.PERSON_VIEW, audit_now=True, purpose="api: reports"
        )
        if access.stub:
            return restricted_response(access)
        rows = _reports().filter(person_id=access.person_id).order_by("-received_at")
        paginator = StandardPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response([report_data(r) for r in page or []])

    @extend_schema(
        operation_id="compliance_report_record",
        summary="Record a report received (details, obligations met, identity checks)",
        description=(
            "Records the report, records the personal details reported as new versions of the "
            "person's details (with the report as their source), marks the obligations it meets "
            "(`meets`: obligation keys; null = the suggested one; change-of-details obligations "
            "arising from the details are added automatically) and recomputes the person's "
            "obligations — one transaction, one audit row."
        ),
        request=ReportInSerializer,
        responses={201: ReportOutSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request: Request, person_id: object) -> Response:
        access = _open(
            request, person_id, Action.PERSON_UPDATE, audit_now=False, purpose="api: report"
        )
        body = ReportInSerializer(data=request.data)
        if not body.is_valid():
            access.audit_read("api: report rejected")
            raise serializers.ValidationError(body.errors)
        try:
            report = report_record(actor=request.user, person=access.person_id, **body.to_service())
        except (RuleViolation, ConflictError):
            access.audit_read("api: report rejected")
            raise
        return Response(report_data(_reports().get(pk=report.pk)), status=201)


class ReportView(ComplianceAPIView):
    access_action = Action.PERSON_VIEW

    @extend_schema(
        operation_id="compliance_report_read",
        responses={200: or_restricted(ReportOutSerializer), 404: ERROR},
    )
    def get(self, request: Request, report_id: object) -> Response:
        person_id = _person_of(Report, report_id, "report")
        access = _open(
            request, person_id, Action.PERSON_VIEW, audit_now=True, purpose="api: report"
        )
        if access.stub:
            return restricted_response(access)
        return Response(report_data(_reports().get(pk=report_id)))


class ReceiptCreateView(ComplianceAPIView):
    access_action = Action.PERSON_PRINT

    @extend_schema(
        operation_id="compliance_receipt_generate",
        summary="Produce the written acknowledgement (PDF) of a report and keep the copy",
        request=None,
        responses={201: ReceiptSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request: Request, report_id: object) -> Response:
        person_id = _person_of(Report, report_id, "report")
        access = _open(
            request, person_id, Action.PERSON_PRINT, audit_now=False, purpose="api: receipt"
        )
        try:
            ack = receipt_generate(actor=request.user, report_id=report_id)
        except RuleViolation:
            access.audit_read("api: receipt refused")
            raise
        ack = Acknowledgement.objects.select_related("report").get(pk=ack.pk)
        return with_etag(Response(receipt_data(ack), status=201), ack.version)


class ReceiptView(ComplianceAPIView):
    access_action = Action.PERSON_PRINT

    @extend_schema(
        operation_id="compliance_receipt_read",
        responses={200: ReceiptSerializer, 404: ERROR},
    )
    def get(self, request: Request, receipt_id: object) -> Response:
        person_id = _person_of(Acknowledgement, receipt_id, "receipt")
        _open(request, person_id, Action.PERSON_PRINT, audit_now=True, purpose="api: receipt")
        ack = Acknowledgement.objects.select_related("report").get(pk=receipt_id)
        return with_etag(Response(receipt_data(ack)), ack.version)


class ReceiptPdfView(ComplianceAPIView):
    access_action = Action.PERSON_PRINT

    @extend_schema(
        operation_id="compliance_receipt_download",
        summary="The acknowledgement PDF exactly as produced",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, 404: ERROR},
    )
    def get(self, request: Request, receipt_id: object) -> HttpResponse:
        person_id = _person_of(Acknowledgement, receipt_id, "receipt")
        access = _open(
            request, person_id, Action.PERSON_PRINT, audit_now=False, purpose="api: receipt copy"
        )
        ack = Acknowledgement.objects.select_related("report").get(pk=receipt_id)
        data = bytes(ack.pdf)
        intact = sha256(data) == ack.sha256
        access.audit_read("api: receipt copy", acknowledgement_id=str(ack.pk), intact=intact)
        if not intact:
            return error_response("The stored copy does not match its fingerprint.", 500)
        return _pdf(data, f"acknowledgement-{ack.report.reference}-A{ack.sequence}.pdf")


class ReceiptGivenView(ComplianceAPIView):
    access_action = Action.PERSON_UPDATE

    @extend_schema(
        operation_id="compliance_receipt_mark_given",
        summary="Record that the acknowledgement was given (when, how)",
        parameters=[IF_MATCH],
        request=GivenInSerializer,
        responses={200: ReceiptSerializer, 400: ERROR, 404: ERROR, 412: ERROR, 428: ERROR},
    )
    def post(self, request: Request, receipt_id: object) -> Response:
        person_id = _person_of(Acknowledgement, receipt_id, "receipt")
        access = _open(
            request, person_id, Action.PERSON_UPDATE, audit_now=False, purpose="api: receipt given"
        )
        ack = Acknowledgement.objects.get(pk=receipt_id)
        refused = _if_match(request, ack.version)
        if refused is not None:
            access.audit_read("api: receipt given refused")
            return refused
        body = GivenInSerializer(data=request.data)
        if not body.is_valid():
            access.audit_read("api: receipt given rejected")
            raise serializers.ValidationError(body.errors)
        try:
            ack = receipt_mark_given(
                actor=request.user,
                receipt_id=ack.pk,
                expected_version=ack.version,
                **body.validated_data,
            )
        except ConflictError:
            access.audit_read("api: receipt given refused")
            return error_response("The record was changed since you read it.", 412, "If-Match")
        except RuleViolation:
            access.audit_read("api: receipt given rejected")
            raise
        ack = Acknowledgement.objects.select_related("report").get(pk=ack.pk)
        return with_etag(Response(receipt_data(ack)), ack.version)


class PersonNoticesView(ComplianceAPIView):
    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PERSON_PRINT}

    @extend_schema(
        operation_id="compliance_notices_list",
        responses={200: or_restricted(NoticeOutSerializer, paged=True), 404: ERROR},
    )
    def get(self, request: Request, person_id: object) -> Response:
        access = _open(
            request, person_id, Action.PERSON_VIEW, audit_now=True, purpose="api: notices"
        )
        if access.stub:
            return restricted_response(access)
        rows = ObligationsNotice.objects.filter(person_id=access.person_id).order_by(
            "-generated_at"
        )
        paginator = StandardPagination()
        page = paginator.paginate_queryset(rows, request, view=self)
        return paginator.get_paginated_response([notice_data(n) for n in page or []])

    @extend_schema(
        operation_id="compliance_notice_generate",
        summary="Produce a notice of reporting obligations in the person's jurisdiction's form",
        request=NoticeInSerializer,
        responses={201: NoticeOutSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request: Request, person_id: object) -> Response:
        access = _open(
            request, person_id, Action.PERSON_PRINT, audit_now=False, purpose="api: notice"
        )
        body = NoticeInSerializer(data=request.data)
        if not body.is_valid():
            access.audit_read("api: notice rejected")
            raise serializers.ValidationError(body.errors)
        try:
            notice = notice_generate(
                actor=request.user, person_id=access.person_id, **body.validated_data
            )
        except RuleViolation:
            access.audit_read("api: notice rejected")
            raise
        return with_etag(Response(notice_data(notice), status=201), notice.version)


class NoticeView(ComplianceAPIView):
    access_action = Action.PERSON_VIEW

    @extend_schema(
        operation_id="compliance_notice_read",
        responses={200: or_restricted(NoticeOutSerializer), 404: ERROR},
    )
    def get(self, request: Request, notice_id: object) -> Response:
        person_id = _person_of(ObligationsNotice, notice_id, "notice")
        access = _open(
            request, person_id, Action.PERSON_VIEW, audit_now=True, purpose="api: notice"
        )
        if access.stub:
            return restricted_response(access)
        notice = ObligationsNotice.objects.get(pk=notice_id)
        return with_etag(Response(notice_data(notice)), notice.version)


class NoticePdfView(ComplianceAPIView):
    access_action = Action.PERSON_PRINT

    @extend_schema(
        operation_id="compliance_notice_download",
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, 404: ERROR},
    )
    def get(self, request: Request, notice_id: object) -> HttpResponse:
        person_id = _person_of(ObligationsNotice, notice_id, "notice")
        access = _open(
            request, person_id, Action.PERSON_PRINT, audit_now=False, purpose="api: notice copy"
        )
        notice = ObligationsNotice.objects.get(pk=notice_id)
        data = bytes(notice.pdf)
        intact = sha256(data) == notice.sha256
        access.audit_read("api: notice copy", notice_id=str(notice.pk), intact=intact)
        if not intact:
            return error_response("The stored copy does not match its fingerprint.", 500)
        return _pdf(data, f"notice-{notice.reference}.pdf")


class NoticeServiceView(ComplianceAPIView):
    access_action = Action.PERSON_UPDATE

    @extend_schema(
        operation_id="compliance_notice_record_service",
        summary="Record that the notice was given (when, how, by whom, explained, interpreter)",
        parameters=[IF_MATCH],
        request=ServiceInSerializer,
        responses={200: NoticeOutSerializer, 400: ERROR, 404: ERROR, 412: ERROR, 428: ERROR},
    )
    def post(self, request: Request, notice_id: object) -> Response:
        person_id = _person_of(ObligationsNotice, notice_id, "notice")
        access = _open(
            request, person_id, Action.PERSON_UPDATE, audit_now=False, purpose="api: notice service"
        )
        notice = ObligationsNotice.objects.get(pk=notice_id)
        refused = _if_match(request, notice.version)
        if refused is not None:
            access.audit_read("api: notice service refused")
            return refused
        body = ServiceInSerializer(data=request.data)
        if not body.is_valid():
            access.audit_read("api: notice service rejected")
            raise serializers.ValidationError(body.errors)
        try:
            notice = notice_record_service(
                actor=request.user,
                notice_id=notice.pk,
                expected_version=notice.version,
                **body.validated_data,
            )
        except ConflictError:
            access.audit_read("api: notice service refused")
            return error_response("The record was changed since you read it.", 412, "If-Match")
        except RuleViolation:
            access.audit_read("api: notice service rejected")
            raise
        return with_etag(Response(notice_data(notice)), notice.version)


# Schema-only: the restricted answer shape (documented on the read operations' 200 alternative).
