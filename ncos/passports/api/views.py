"""The passports API: overseas-travel permission (apply, decide, tell the traveller, foreign
notices) and passport requests (create, edit, approve, send, acknowledge, outcome, withdraw,
the JSON document). Every mutable record takes If-Match; wrong state answers 409."""

from __future__ import annotations

import json
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from ncos.access.actions import Action
from ncos.api.restricted import or_restricted, restricted_response
from ncos.audit import record as audit
from ncos.passports import export, selectors, services
from ncos.passports.api import serializers as s
from ncos.registry.selectors import PersonAccess, person_access
from ncos.sharing.api.base import (
    IF_MATCH,
    WRITE_ERRORS,
    SharingApiView,
    if_match,
    with_etag,
)


def _permission(person_id: Any, permission_id: Any, code: int = 200) -> Response:
    p = selectors.permission_of(person_id, permission_id)
    return with_etag(Response(s.PermissionOut(p).data, status=code), p.version)


def _request(person_id: Any, request_id: Any, code: int = 200) -> Response:
    r = selectors.request_of(person_id, request_id)
    return with_etag(Response(s.RequestOut(r).data, status=code), r.version)


def _open(request: Request, person_id: Any, action: Action) -> PersonAccess:
    return person_access(actor=request.user, person_id=person_id, action=action, audit_now=False)


def _body(serializer_class: type[serializers.Serializer], request: Request) -> dict[str, Any]:
    data = serializer_class(data=request.data)
    data.is_valid(raise_exception=True)
    return dict(data.validated_data)


# --- permission ---------------------------------------------------------------------------


class PermissionsView(SharingApiView):
    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="travel_permission_list",
        summary="A person's applications for permission to travel overseas",
        responses={200: or_restricted(s.PermissionOut, many=True), 404: None},
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = person_access(actor=request.user, person_id=person_id, purpose="permissions")
        if access.stub:
            return restricted_response(access)
        return Response(
            s.PermissionOut(selectors.person_permissions(access.person), many=True).data  # type: ignore[arg-type]
        )

    @extend_schema(
        operation_id="travel_permission_apply",
        summary="Record an application for permission to travel outside Australia",
        request=s.PermissionApplyIn,
        responses={201: s.PermissionOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        _open(request, person_id, Action.PERSON_UPDATE)
        d = _body(s.PermissionApplyIn, request)
        permission = services.permission_apply(actor=request.user, person_id=person_id, **d)
        return _permission(person_id, permission.pk, status.HTTP_201_CREATED)


class PermissionDetailView(SharingApiView):
    access_action = Action.PERSON_VIEW

    @extend_schema(
        operation_id="travel_permission_read",
        summary="An application, its decision, documents and foreign notices",
        responses={200: or_restricted(s.PermissionOut), 404: None},
    )
    def get(self, request: Request, person_id: Any, permission_id: Any) -> Response:
        access = person_access(actor=request.user, person_id=person_id, purpose="permission")
        if access.stub:
            return restricted_response(access)
        return _permission(person_id, permission_id)


class _PermissionStep(SharingApiView):
    access_action = Action.TRAVEL_DECIDE

    def check(
        self, request: Request, person_id: Any, permission_id: Any, input_class: Any
    ) -> tuple[Any, int, dict[str, Any]]:
        _open(request, person_id, self.access_action)  # type: ignore[arg-type]
        permission = selectors.permission_of(person_id, permission_id)
        version = if_match(request)
        return permission, version, _body(input_class, request)


class PermissionDecideView(_PermissionStep):
    @extend_schema(
        operation_id="travel_permission_decide",
        summary="The competent authority's decision: granted, granted with conditions, refused",
        parameters=[IF_MATCH],
        request=s.PermissionDecideIn,
        responses={200: s.PermissionOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, person_id: Any, permission_id: Any) -> Response:
        p, version, d = self.check(request, person_id, permission_id, s.PermissionDecideIn)
        services.permission_decide(
            actor=request.user, permission_id=p.pk, expected_version=version, **d
        )
        return _permission(person_id, p.pk)


class PermissionToldView(_PermissionStep):
    @extend_schema(
        operation_id="travel_permission_told",
        summary="Record how and when the traveller was told of the decision",
        parameters=[IF_MATCH],
        request=s.PermissionToldIn,
        responses={200: s.PermissionOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, person_id: Any, permission_id: Any) -> Response:
        p, version, d = self.check(request, person_id, permission_id, s.PermissionToldIn)
        services.permission_record_told(
            actor=request.user, permission_id=p.pk, expected_version=version, **d
        )
        return _permission(person_id, p.pk)


class ForeignNoticeView(SharingApiView):
    access_action = Action.PERSON_UPDATE

    @extend_schema(
        operation_id="travel_permission_foreign_notice",
        summary="Record that foreign law enforcement was told of the travel, with what was sent",
        request=s.ForeignNoticeIn,
        responses={201: s.PermissionOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, person_id: Any, permission_id: Any) -> Response:
        _open(request, person_id, Action.PERSON_UPDATE)
        permission = selectors.permission_of(person_id, permission_id)
        d = _body(s.ForeignNoticeIn, request)
        services.foreign_notice_record(actor=request.user, permission_id=permission.pk, **d)
        return _permission(person_id, permission.pk, status.HTTP_201_CREATED)


# --- passport requests --------------------------------------------------------------------


def _typed(d: dict[str, Any]) -> dict[str, Any]:
    if d.get("travel_permission") is not None:
        d["travel_permission"] = str(d["travel_permission"])
    return d


class RequestsView(SharingApiView):
    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PASSPORT_REQUEST}

    @extend_schema(
        operation_id="passport_request_list",
        summary="A person's passport requests",
        responses={200: or_restricted(s.RequestOut, many=True), 404: None},
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = person_access(actor=request.user, person_id=person_id, purpose="requests")
        if access.stub:
            return restricted_response(access)
        return Response(
            s.RequestOut(selectors.person_requests(access.person), many=True).data  # type: ignore[arg-type]
        )

    @extend_schema(
        operation_id="passport_request_create",
        summary="Draft a passport request (cancel, surrender, limited validity)",
        request=s.RequestCreateIn,
        responses={201: s.RequestOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        _open(request, person_id, Action.PASSPORT_REQUEST)
        d = _typed(_body(s.RequestCreateIn, request))
        created = services.passport_request_create(actor=request.user, person_id=person_id, **d)
        return _request(person_id, created.pk, status.HTTP_201_CREATED)


class RequestDetailView(SharingApiView):
    access_actions = {"GET": Action.PERSON_VIEW, "PATCH": Action.PASSPORT_REQUEST}

    @extend_schema(
        operation_id="passport_request_read",
        summary="A passport request with its lifecycle",
        responses={200: or_restricted(s.RequestOut), 404: None},
    )
    def get(self, request: Request, person_id: Any, passport_request_id: Any) -> Response:
        access = person_access(actor=request.user, person_id=person_id, purpose="request")
        if access.stub:
            return restricted_response(access)
        return _request(person_id, passport_request_id)

    @extend_schema(
        operation_id="passport_request_update",
        summary="Change a draft (every field given replaces the draft's)",
        parameters=[IF_MATCH],
        request=s.RequestUpdateIn,
        responses={200: s.RequestOut, **WRITE_ERRORS},
    )
    def patch(self, request: Request, person_id: Any, passport_request_id: Any) -> Response:
        _open(request, person_id, Action.PASSPORT_REQUEST)
        pr = selectors.request_of(person_id, passport_request_id)
        version = if_match(request)
        d = _typed(_body(s.RequestUpdateIn, request))
        services.passport_request_update(
            actor=request.user, request_id=pr.pk, expected_version=version, **d
        )
        return _request(person_id, pr.pk)


class _RequestStep(SharingApiView):
    input_class: Any = s.PassportNoteIn

    def check(
        self, request: Request, person_id: Any, request_id: Any
    ) -> tuple[Any, int, dict[str, Any]]:
        _open(request, person_id, self.access_action)  # type: ignore[attr-defined]
        pr = selectors.request_of(person_id, request_id)
        version = if_match(request)
        return pr, version, _body(self.input_class, request)


def _step(operation: str, summary: str, input_class: Any) -> Any:
    return extend_schema(
        operation_id=operation,
        summary=summary,
        parameters=[IF_MATCH],
        request=input_class,
        responses={200: s.RequestOut, **WRITE_ERRORS},
    )


class RequestApproveView(_RequestStep):
    access_action = Action.PASSPORT_APPROVE

    @_step(
        "passport_request_approve",
        "Approve a draft (a registrar other than its author)",
        s.PassportNoteIn,
    )
    def post(self, request: Request, person_id: Any, passport_request_id: Any) -> Response:
        pr, version, d = self.check(request, person_id, passport_request_id)
        services.passport_request_approve(
            actor=request.user, request_id=pr.pk, expected_version=version, note=d["note"]
        )
        return _request(person_id, pr.pk)


class RequestSendView(_RequestStep):
    access_action = Action.PASSPORT_REQUEST
    input_class = s.PassportSendIn

    @_step("passport_request_send", "Record that the approved request was sent", s.PassportSendIn)
    def post(self, request: Request, person_id: Any, passport_request_id: Any) -> Response:
        pr, version, d = self.check(request, person_id, passport_request_id)
        services.passport_request_send(
            actor=request.user,
            request_id=pr.pk,
            expected_version=version,
            channel=d["channel"],
            note=d["note"],
        )
        return _request(person_id, pr.pk)


class RequestAcknowledgeView(_RequestStep):
    access_action = Action.PASSPORT_REQUEST
    input_class = s.PassportAcknowledgeIn

    @_step(
        "passport_request_acknowledge",
        "Record the passport authority's acknowledgement",
        s.PassportAcknowledgeIn,
    )
    def post(self, request: Request, person_id: Any, passport_request_id: Any) -> Response:
        pr, version, d = self.check(request, person_id, passport_request_id)
        services.passport_request_acknowledge(
            actor=request.user, request_id=pr.pk, expected_version=version, **d
        )
        return _request(person_id, pr.pk)


class RequestOutcomeView(_RequestStep):
    access_action = Action.PASSPORT_APPROVE
    input_class = s.PassportOutcomeIn

    @_step(
        "passport_request_outcome",
        "Record the outcome; the person's passport details are updated from it",
        s.PassportOutcomeIn,
    )
    def post(self, request: Request, person_id: Any, passport_request_id: Any) -> Response:
        pr, version, d = self.check(request, person_id, passport_request_id)
        services.passport_request_outcome(
            actor=request.user, request_id=pr.pk, expected_version=version, **d
        )
        return _request(person_id, pr.pk)


class RequestWithdrawView(_RequestStep):
    access_action = Action.PASSPORT_REQUEST
    input_class = s.PassportWithdrawIn

    @_step(
        "passport_request_withdraw", "Withdraw a request that has no outcome", s.PassportWithdrawIn
    )
    def post(self, request: Request, person_id: Any, passport_request_id: Any) -> Response:
        pr, version, d = self.check(request, person_id, passport_request_id)
        services.passport_request_withdraw(
            actor=request.user, request_id=pr.pk, expected_version=version, reason=d["reason"]
        )
        return _request(person_id, pr.pk)


class RequestDocumentView(SharingApiView):
    """The machine-readable request (schema `passport-request.schema.json`, version 1.0)."""

    access_action = Action.PASSPORT_REQUEST

    @extend_schema(
        operation_id="passport_request_document",
        summary="The request as the passport authority consumes it (JSON Schema 1.0)",
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT, description="See passport-request.schema.json."
            ),
            403: None,
            404: None,
        },
    )
    def get(self, request: Request, person_id: Any, passport_request_id: Any) -> Response:
        access = _open(request, person_id, Action.PASSPORT_REQUEST)
        pr = selectors.request_of(person_id, passport_request_id)
        body = json.loads(export.request_json(pr))
        audit.record_read(
            actor=request.user,
            object_type="person",
            object_id=access.person_id,
            managing_jurisdiction=access.jurisdiction.code,
            protected=pr.person.protected,
            action="person.export",
            purpose=f"passport request {pr.reference} for the passport authority",
            details={"passport_request": str(pr.pk), "format": "json", "channel": "api"},
        )
        return with_etag(Response(body), pr.version)
