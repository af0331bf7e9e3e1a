"""The sharing API between registries: travel notifications (read, acknowledge, arrival
contact), transfers of management (request, accept, refuse, cancel) and the inbox."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.api.pagination import StandardPagination, paginated
from ncos.api.restricted import or_restricted, restricted_response
from ncos.audit import record as audit
from ncos.registry.selectors import person_access
from ncos.sharing import selectors, services
from ncos.sharing.api import serializers as s
from ncos.sharing.api.base import (
    IF_MATCH,
    WRITE_ERRORS,
    SharingApiView,
    if_match,
    with_etag,
)
from ncos.sharing.choices import InboxKind

# --- notifications ------------------------------------------------------------------------


def _notification(notification_id: Any) -> Response:
    n = selectors.notification_get(notification_id)
    return with_etag(Response(s.NotificationOut(n).data), n.version)


class NotificationDetailView(SharingApiView):
    access_action = Action.PERSON_VIEW

    @extend_schema(
        operation_id="notification_read",
        summary="A travel notification: what it carries (the stays, what the traveller must do)",
        responses={200: or_restricted(s.NotificationOut), 404: None},
    )
    def get(self, request: Request, notification_id: Any) -> Response:
        notification, access = selectors.notification_access(
            actor=request.user, notification_id=notification_id
        )
        if access.stub:
            return restricted_response(access)
        return with_etag(Response(s.NotificationOut(notification).data), notification.version)


class _NotificationStep(SharingApiView):
    access_action = Action.INBOX_RESPOND
    input_class: type[serializers.Serializer] = serializers.Serializer

    def check(self, request: Request, notification_id: Any) -> tuple[Any, int, Any]:
        notification, _ = selectors.notification_access(
            actor=request.user,
            notification_id=notification_id,
            action=Action.INBOX_RESPOND,
            audit_now=False,
        )
        version = if_match(request)
        data = self.input_class(data=request.data)
        data.is_valid(raise_exception=True)
        return notification, version, data.validated_data


class NotificationAcknowledgeView(_NotificationStep):
    input_class = s.NotificationAcknowledgeIn

    @extend_schema(
        operation_id="notification_acknowledge",
        summary="Acknowledge a travel notification (the registry it was sent to)",
        parameters=[IF_MATCH],
        request=s.NotificationAcknowledgeIn,
        responses={200: s.NotificationOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, notification_id: Any) -> Response:
        n, version, d = self.check(request, notification_id)
        services.notification_acknowledge(
            actor=request.user, notification_id=n.pk, expected_version=version, note=d["note"]
        )
        return _notification(n.pk)


class NotificationContactView(_NotificationStep):
    input_class = s.NotificationContactIn

    @extend_schema(
        operation_id="notification_arrival_contact",
        summary="Record the traveller's arrival contact with the receiving registry",
        parameters=[IF_MATCH],
        request=s.NotificationContactIn,
        responses={200: s.NotificationOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, notification_id: Any) -> Response:
        n, version, d = self.check(request, notification_id)
        services.notification_record_contact(
            actor=request.user,
            notification_id=n.pk,
            expected_version=version,
            contact_at=d["contact_at"],
            manner=d["manner"],
            notes=d["notes"],
        )
        return _notification(n.pk)


# --- transfers ----------------------------------------------------------------------------


def _transfer(transfer_id: Any, code: int = 200) -> Response:
    t = selectors.transfer_get(transfer_id)
    return with_etag(Response(s.TransferOut(t).data, status=code), t.version)


class PersonTransfersView(SharingApiView):
    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.TRANSFER_REQUEST}

    @extend_schema(
        operation_id="person_transfers_list",
        summary="A person's transfers of management",
        responses={200: or_restricted(s.TransferOut, many=True), 404: None},
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = person_access(actor=request.user, person_id=person_id, purpose="transfers")
        if access.stub:
            return restricted_response(access)
        return Response(
            s.TransferOut(selectors.person_transfers(access.person), many=True).data  # type: ignore[arg-type]
        )

    @extend_schema(
        operation_id="transfer_request",
        summary="Ask another registry to take over the management of the person",
        request=s.TransferRequestIn,
        responses={201: s.TransferOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        person_access(
            actor=request.user,
            person_id=person_id,
            action=Action.TRANSFER_REQUEST,
            audit_now=False,
        )
        data = s.TransferRequestIn(data=request.data)
        data.is_valid(raise_exception=True)
        transfer = services.transfer_request(
            actor=request.user, person_id=person_id, **data.validated_data
        )
        return _transfer(transfer.pk, status.HTTP_201_CREATED)


class TransferDetailView(SharingApiView):
    access_action = Action.PERSON_VIEW

    @extend_schema(
        operation_id="transfer_read",
        summary="A transfer of management, with its handover note",
        responses={200: or_restricted(s.TransferOut), 404: None},
    )
    def get(self, request: Request, transfer_id: Any) -> Response:
        transfer, access = selectors.transfer_access(actor=request.user, transfer_id=transfer_id)
        if access.stub:
            return restricted_response(access)
        return with_etag(Response(s.TransferOut(transfer).data), transfer.version)


class _TransferDecision(SharingApiView):
    access_action = Action.TRANSFER_DECIDE
    input_class: type[serializers.Serializer] = s.TransferNoteIn

    def check(self, request: Request, transfer_id: Any) -> tuple[Any, int, Any]:
        transfer, _ = selectors.transfer_access(
            actor=request.user,
            transfer_id=transfer_id,
            action=Action.TRANSFER_DECIDE,
            audit_now=False,
        )
        version = if_match(request)
        data = self.input_class(data=request.data)
        data.is_valid(raise_exception=True)
        return transfer, version, data.validated_data


class TransferAcceptView(_TransferDecision):
    @extend_schema(
        operation_id="transfer_accept",
        summary="Accept: the managing jurisdiction changes; obligations follow the new law",
        parameters=[IF_MATCH],
        request=s.TransferNoteIn,
        responses={200: s.TransferOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, transfer_id: Any) -> Response:
        t, version, d = self.check(request, transfer_id)
        services.transfer_accept(
            actor=request.user, transfer_id=t.pk, expected_version=version, note=d["note"]
        )
        return _transfer(t.pk)


class TransferRefuseView(_TransferDecision):
    input_class = s.TransferReasonIn

    @extend_schema(
        operation_id="transfer_refuse",
        summary="Refuse the transfer, with reasons",
        parameters=[IF_MATCH],
        request=s.TransferReasonIn,
        responses={200: s.TransferOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, transfer_id: Any) -> Response:
        t, version, d = self.check(request, transfer_id)
        services.transfer_refuse(
            actor=request.user, transfer_id=t.pk, expected_version=version, reason=d["reason"]
        )
        return _transfer(t.pk)


class TransferCancelView(SharingApiView):
    access_action = Action.TRANSFER_REQUEST

    @extend_schema(
        operation_id="transfer_cancel",
        summary="Cancel a transfer request (the requesting registry)",
        parameters=[IF_MATCH],
        request=s.TransferCancelIn,
        responses={200: s.TransferOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, person_id: Any, transfer_id: Any) -> Response:
        person_access(
            actor=request.user,
            person_id=person_id,
            action=Action.TRANSFER_REQUEST,
            audit_now=False,
        )
        transfer = selectors.transfer_get(transfer_id)
        if str(transfer.person_id) != str(person_id):
            raise NotFound("transfer not found")
        version = if_match(request)
        data = s.TransferCancelIn(data=request.data)
        data.is_valid(raise_exception=True)
        services.transfer_cancel(
            actor=request.user,
            transfer_id=transfer.pk,
            expected_version=version,
            reason=data.validated_data["reason"],
        )
        return _transfer(transfer.pk)


# --- the inbox ----------------------------------------------------------------------------


class InboxView(SharingApiView):
    access_action = Action.INBOX_READ

    @extend_schema(
        operation_id="inbox_list",
        summary="The user's registry's inbox (newest first), with read and escalation flags",
        parameters=[
            OpenApiParameter("kind", str, enum=list(InboxKind.values)),
            OpenApiParameter("state", str, enum=["unread", "read", "escalated"]),
            OpenApiParameter("from_jurisdiction", str),
            OpenApiParameter("received_from", str, description="YYYY-MM-DD"),
            OpenApiParameter("received_to", str, description="YYYY-MM-DD"),
            OpenApiParameter("sort", str, enum=list(selectors.SORTS)),
            OpenApiParameter("page", int),
        ],
        responses={200: paginated(s.InboxItemOut)},
    )
    def get(self, request: Request) -> Response:
        from ncos.sharing.forms import InboxFilterForm

        form = InboxFilterForm(request.query_params or None)
        if form.is_bound and not form.is_valid():
            field, errors = next(iter(form.errors.items()))
            return Response({"error": errors[0], "field": field}, status=400)
        data = form.cleaned_data if form.is_bound else {}
        filters = selectors.InboxFilters(
            kind=data.get("kind") or "",
            state=data.get("state") or "",
            from_jurisdiction=data.get("from_jurisdiction") or "",
            received_from=data.get("received_from"),
            received_to=data.get("received_to"),
            sort=data.get("sort") or "-received",
        )
        paginator = StandardPagination()
        items = (
            paginator.paginate_queryset(
                selectors.inbox_items(actor=request.user, filters=filters), request, view=self
            )
            or []
        )
        audit.record_search(
            actor=request.user,
            action="inbox.read",
            terms=filters.terms(),
            result_ids=[i.person_id for i in items],
            protected_in_results=any(i.person.protected for i in items),
        )
        return paginator.get_paginated_response(s.InboxItemOut(items, many=True).data)
