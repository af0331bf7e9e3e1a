"""/api/v1/persons/{id}/details|offences|custody|parole|orders|photos|documents, the catalogue
and the personal-details vocabulary."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.api.pagination import StandardPagination
from ncos.api.restricted import or_restricted
from ncos.registry import services
from ncos.registry.api import serializers as s
from ncos.registry.api.common import IF_MATCH, RegistryAPIView, etag, if_match, valid
from ncos.registry.kinds import SPECS
from ncos.registry.models import Detail, Offence
from ncos.registry.selectors import details_query


class DetailsView(RegistryAPIView):
    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="persons_details_list",
        parameters=[
            OpenApiParameter("kind", OpenApiTypes.STR, enum=list(SPECS)),
            OpenApiParameter("as_at", OpenApiTypes.DATE, description="True on this day"),
            OpenApiParameter(
                "known_at",
                OpenApiTypes.DATETIME,
                description="As the register knew it at this moment",
            ),
            OpenApiParameter(
                "history",
                OpenApiTypes.BOOL,
                description="Every version (corrected, withdrawn) instead",
            ),
            OpenApiParameter("page", OpenApiTypes.INT),
        ],
        responses=or_restricted(s.DetailSerializer, paged=True),
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id)
        if access.stub:
            return self.stub(access)
        person = access.person
        assert person is not None  # noqa: S101
        params = valid(_DetailQuery, request.query_params.dict())
        if params.get("history"):
            qs = Detail.objects.filter(person=person).select_related("recorded_by")
            if params.get("kind"):
                qs = qs.filter(kind=params["kind"])
            qs = qs.order_by("kind", "fact_id", "-sequence")
        else:
            known = params.get("known_at")
            if known is not None and known.tzinfo is None:
                known = known.replace(tzinfo=ZoneInfo(person.managing_jurisdiction.time_zone))
            qs = details_query(
                person, kind=params.get("kind"), as_at=params.get("as_at"), known_at=known
            )
        paginator = StandardPagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(s.DetailSerializer(page or [], many=True).data)

    @extend_schema(
        operation_id="persons_details_record",
        request=s.DetailRecordSerializer,
        responses={201: s.DetailSerializer},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)

        def record() -> Detail:
            data = valid(s.DetailRecordSerializer, request.data)
            return services.detail_record(actor=request.user, person_id=access.person_id, **data)

        detail = self.write(request, access, record)
        response = Response(s.DetailSerializer(detail).data, status=status.HTTP_201_CREATED)
        response["ETag"] = etag(detail.pk)
        return response


class _DetailQuery(s.serializers.Serializer):
    kind = s.serializers.ChoiceField(choices=list(SPECS), required=False)
    as_at = s.serializers.DateField(required=False)
    known_at = s.serializers.DateTimeField(required=False)
    history = s.serializers.BooleanField(required=False)
    page = s.serializers.IntegerField(required=False, min_value=1)
    page_size = s.serializers.IntegerField(required=False, min_value=1, max_value=200)


class _DetailVersionWrite(RegistryAPIView):
    """POST on one version of a fact; If-Match = that version's id (its ETag)."""

    access_actions = {"POST": Action.PERSON_UPDATE}
    serializer: Any = s.DetailCorrectSerializer

    def call(self, request: Request, detail_id: Any, data: dict[str, Any]) -> Detail:
        raise NotImplementedError

    def post(self, request: Request, person_id: Any, detail_id: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)
        if not Detail.objects.filter(pk=detail_id, person_id=access.person_id).exists():
            raise NotFound("detail not found")

        def go() -> Detail:
            data = valid(self.serializer, request.data)
            return self.call(request, detail_id, data)

        detail = self.write(request, access, go, expected=detail_id, needs_match=True)
        response = Response(s.DetailSerializer(detail).data, status=status.HTTP_201_CREATED)
        response["ETag"] = etag(detail.pk)
        return response


class DetailCorrectView(_DetailVersionWrite):
    @extend_schema(
        operation_id="persons_details_correct",
        request=s.DetailCorrectSerializer,
        parameters=[IF_MATCH],
        responses={201: s.DetailSerializer},
    )
    def post(self, request: Request, person_id: Any, detail_id: Any) -> Response:
        return super().post(request, person_id, detail_id)

    def call(self, request: Request, detail_id: Any, data: dict[str, Any]) -> Detail:
        return services.detail_correct(actor=request.user, detail_id=detail_id, **data)


class DetailEndView(_DetailVersionWrite):
    serializer = s.DetailEndSerializer

    @extend_schema(
        operation_id="persons_details_end",
        request=s.DetailEndSerializer,
        parameters=[IF_MATCH],
        responses={201: s.DetailSerializer},
    )
    def post(self, request: Request, person_id: Any, detail_id: Any) -> Response:
        return super().post(request, person_id, detail_id)

    def call(self, request: Request, detail_id: Any, data: dict[str, Any]) -> Detail:
        return services.detail_end(actor=request.user, detail_id=detail_id, **data)


class DetailWithdrawView(_DetailVersionWrite):
    serializer = s.ReasonSerializer

    @extend_schema(
        operation_id="persons_details_withdraw",
        request=s.ReasonSerializer,
        parameters=[IF_MATCH],
        responses={201: s.DetailSerializer},
    )
    def post(self, request: Request, person_id: Any, detail_id: Any) -> Response:
        return super().post(request, person_id, detail_id)

    def call(self, request: Request, detail_id: Any, data: dict[str, Any]) -> Detail:
        return services.detail_withdraw(actor=request.user, detail_id=detail_id, **data)


def _version(request: Request) -> int:
    raw = if_match(request) or ""
    return int(raw) if raw.isdigit() else -1


class OffencesView(RegistryAPIView):
    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="persons_offences_list",
        responses=or_restricted(s.OffenceSerializer, many=True),
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id)
        if access.stub:
            return self.stub(access)
        rows = Offence.objects.filter(person_id=access.person_id).order_by("ref")
        return Response(s.OffenceSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="persons_offences_charge",
        request=s.OffenceChargeSerializer,
        responses={201: s.OffenceSerializer},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)

        def charge() -> Offence:
            data = valid(s.OffenceChargeSerializer, request.data)
            return services.offence_charge(
                actor=request.user,
                person_id=access.person_id,
                **{k: v for k, v in data.items() if v is not None},
            )

        offence = self.write(request, access, charge)
        response = Response(s.OffenceSerializer(offence).data, status=status.HTTP_201_CREATED)
        response["ETag"] = etag(offence.version)
        return response


class _OffenceWrite(RegistryAPIView):
    access_actions = {"POST": Action.PERSON_UPDATE}

    def run(self, request: Request, person_id: Any, offence_id: Any, fn: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)
        if not Offence.objects.filter(pk=offence_id, person_id=access.person_id).exists():
            raise NotFound("offence not found")
        offence = self.write(request, access, lambda: fn(_version(request)), needs_match=True)
        response = Response(s.OffenceSerializer(offence).data)
        response["ETag"] = etag(offence.version)
        return response


class OffenceUpdateView(_OffenceWrite):
    access_actions = {"PATCH": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="persons_offences_update",
        request=s.OffenceUpdateSerializer,
        parameters=[IF_MATCH],
        responses=s.OffenceSerializer,
    )
    def patch(self, request: Request, person_id: Any, offence_id: Any) -> Response:
        def go(version: int) -> Offence:
            data = valid(s.OffenceUpdateSerializer, request.data, partial=True)
            reason = data.pop("reason", "")
            return services.offence_update(
                actor=request.user,
                offence_id=offence_id,
                expected_version=version,
                changes=data,
                reason=reason,
            )

        return self.run(request, person_id, offence_id, go)


class OffenceFindingView(_OffenceWrite):
    @extend_schema(
        operation_id="persons_offences_finding",
        request=s.FindingSerializer,
        parameters=[IF_MATCH],
        responses=s.OffenceSerializer,
    )
    def post(self, request: Request, person_id: Any, offence_id: Any) -> Response:
        def go(version: int) -> Offence:
            data = valid(s.FindingSerializer, request.data)
            return services.offence_record_finding(
                actor=request.user, offence_id=offence_id, expected_version=version, **data
            )

        return self.run(request, person_id, offence_id, go)


class OffenceCloseView(_OffenceWrite):
    @extend_schema(
        operation_id="persons_offences_close",
        request=s.CloseSerializer,
        parameters=[IF_MATCH],
        responses=s.OffenceSerializer,
    )
    def post(self, request: Request, person_id: Any, offence_id: Any) -> Response:
        def go(version: int) -> Offence:
            data = valid(s.CloseSerializer, request.data)
            return services.offence_close(
                actor=request.user, offence_id=offence_id, expected_version=version, **data
            )

        return self.run(request, person_id, offence_id, go)


class OffenceQuashView(_OffenceWrite):
    @extend_schema(
        operation_id="persons_offences_quash",
        request=s.QuashSerializer,
        parameters=[IF_MATCH],
        responses=s.OffenceSerializer,
    )
    def post(self, request: Request, person_id: Any, offence_id: Any) -> Response:
        def go(version: int) -> Offence:
            data = valid(s.QuashSerializer, request.data)
            return services.offence_quash(
                actor=request.user, offence_id=offence_id, expected_version=version, **data
            )

        return self.run(request, person_id, offence_id, go)
