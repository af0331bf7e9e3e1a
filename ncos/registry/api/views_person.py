"""/api/v1/persons…: list, register, read, update, status, merge, obligations, timeline."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from ncos.access.actions import Action
from ncos.access.errors import RuleViolation
from ncos.accounts.models import User
from ncos.api.pagination import StandardPagination, paginated
from ncos.api.restricted import or_restricted
from ncos.registry import services
from ncos.registry.api import serializers as s
from ncos.registry.api.common import IF_MATCH, RegistryAPIView, etag, if_match, valid
from ncos.registry.choices import PersonStatus, RecordKind
from ncos.registry.models import Person
from ncos.registry.selectors import (
    PersonFilters,
    audit_list,
    latest_assessment,
    obligations_of,
    person_list,
    timeline,
)
from ncos.registry.selectors.summary import SHOWN_STATUSES

LIST_PARAMS = [
    OpenApiParameter("jurisdiction", OpenApiTypes.STR, description="Managing jurisdiction"),
    OpenApiParameter("status", OpenApiTypes.STR, enum=PersonStatus.values),
    OpenApiParameter("record_kind", OpenApiTypes.STR, enum=RecordKind.values),
    OpenApiParameter("national_id", OpenApiTypes.STR),
    OpenApiParameter("born_from", OpenApiTypes.DATE),
    OpenApiParameter("born_to", OpenApiTypes.DATE),
    OpenApiParameter("case_officer", OpenApiTypes.STR, description="Username"),
    OpenApiParameter(
        "sort",
        OpenApiTypes.STR,
        enum=["name", "-name", "dob", "-dob", "updated", "-updated", "national_id"],
    ),
    OpenApiParameter("page", OpenApiTypes.INT),
]
STUB_OR_PERSON = {
    200: or_restricted(s.PersonSerializer),
    404: OpenApiResponse(description="Not found"),
}


def _officer(username: str | None) -> User | None:
    if not username:
        return None
    user = User.objects.filter(username=username).first()
    if user is None:
        raise RuleViolation("No user has that username.", "case_officer")
    return user


def _filters(request: Request) -> PersonFilters:
    q = request.query_params
    data = valid(_FilterSerializer, q.dict() if hasattr(q, "dict") else dict(q))
    officer = None
    if data.get("case_officer"):
        officer = (
            User.objects.filter(username=data["case_officer"]).values_list("pk", flat=True).first()
            or -1
        )
    return PersonFilters(
        jurisdiction=data.get("jurisdiction", ""),
        status=data.get("status", ""),
        record_kind=data.get("record_kind", ""),
        national_id=data.get("national_id", ""),
        born_from=data.get("born_from"),
        born_to=data.get("born_to"),
        case_officer=officer,
        sort=data.get("sort") or "name",
    )


class _FilterSerializer(s.serializers.Serializer):
    jurisdiction = s.serializers.CharField(required=False, max_length=3)
    status = s.serializers.ChoiceField(choices=PersonStatus.choices, required=False)
    record_kind = s.serializers.ChoiceField(choices=RecordKind.choices, required=False)
    national_id = s.serializers.CharField(required=False, max_length=20)
    born_from = s.serializers.DateField(required=False)
    born_to = s.serializers.DateField(required=False)
    case_officer = s.serializers.CharField(required=False, max_length=150)
    sort = s.serializers.ChoiceField(
        choices=["name", "-name", "dob", "-dob", "updated", "-updated", "national_id"],
        required=False,
    )
    page = s.serializers.IntegerField(required=False, min_value=1)
    page_size = s.serializers.IntegerField(required=False, min_value=1, max_value=200)


class PersonListCreateView(RegistryAPIView):
    access_actions = {"GET": Action.PERSON_SEARCH, "POST": Action.PERSON_CREATE}

    @extend_schema(
        operation_id="persons_list",
        parameters=LIST_PARAMS,
        responses=paginated(s.PersonSerializer),
        description="Persons the caller may see (protected persons only with "
        "clearance), filtered and paged. One search audit row per request.",
    )
    def get(self, request: Request) -> Response:
        filters = _filters(request)
        paginator = StandardPagination()
        page = paginator.paginate_queryset(
            person_list(actor=request.user, filters=filters), request, view=self
        )
        rows = list(page or [])
        audit_list(actor=request.user, filters=filters, shown=rows)
        return paginator.get_paginated_response(s.PersonSerializer(rows, many=True).data)

    @extend_schema(
        operation_id="persons_create",
        request=s.PersonCreateSerializer,
        responses={201: s.PersonSerializer},
    )
    def post(self, request: Request) -> Response:
        data = valid(s.PersonCreateSerializer, request.data)
        person = services.person_register(
            actor=request.user,
            family_name=data["family_name"],
            given_names=data["given_names"],
            date_of_birth=data["date_of_birth"],
            sex=data["sex"],
            place_of_birth=data["place_of_birth"],
            country_of_birth=data["country_of_birth"],
            managing_jurisdiction=data.get("managing_jurisdiction"),
            case_officer=_officer(data.get("case_officer")),
            protected=data["protected"],
            caution=data["caution"],
            aliases=[(a["family_name"], a.get("given_names", "")) for a in data["aliases"]],
            source_reference=data["source_reference"],
        )
        response = Response(s.PersonSerializer(person).data, status=status.HTTP_201_CREATED)
        response["ETag"] = etag(person.version)
        return response


class PersonReadUpdateView(RegistryAPIView):
    access_actions = {"GET": Action.PERSON_VIEW, "PATCH": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="persons_read",
        responses=STUB_OR_PERSON,
        description="The person (ETag = version), or for a protected person and a "
        "caller without clearance only the restricted stub.",
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id)
        if access.stub:
            return self.stub(access)
        assert access.person is not None  # noqa: S101
        response = Response(s.PersonSerializer(access.person).data)
        response["ETag"] = etag(access.person.version)
        return response

    @extend_schema(
        operation_id="persons_update",
        request=s.PersonUpdateSerializer,
        parameters=[IF_MATCH],
        responses={200: s.PersonSerializer},
    )
    def patch(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)
        person = access.person
        assert person is not None  # noqa: S101

        def change() -> Person:
            data = valid(s.PersonUpdateSerializer, request.data)
            reason = data.pop("reason")
            if "case_officer" in data:
                data["case_officer"] = _officer(data["case_officer"])
            return services.person_update(
                actor=request.user,
                person_id=person.pk,
                expected_version=_version(request),
                changes=data,
                reason=reason,
            )

        updated = self.write(request, access, change, needs_match=True)
        response = Response(s.PersonSerializer(updated).data)
        response["ETag"] = etag(updated.version)
        return response


class PersonStatusView(RegistryAPIView):
    access_actions = {"POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="persons_status_change",
        request=s.StatusChangeSerializer,
        parameters=[IF_MATCH],
        responses={200: s.PersonSerializer},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)

        def change() -> Person:
            data = valid(s.StatusChangeSerializer, request.data)
            services.person_change_status(
                actor=request.user,
                person_id=access.person_id,
                expected_version=_version(request),
                **data,
            )
            return Person.objects.get(pk=access.person_id)

        person = self.write(request, access, change, needs_match=True)
        response = Response(s.PersonSerializer(person).data)
        response["ETag"] = etag(person.version)
        return response


def _version(request: Request) -> int:
    raw = if_match(request) or ""
    return int(raw) if raw.isdigit() else -1


class PersonMergeView(RegistryAPIView):
    access_actions = {"POST": Action.PERSON_MERGE}

    @extend_schema(
        operation_id="persons_merge",
        request=s.MergeSerializer,
        responses={200: s.PersonSerializer},
        description="Merge the record `other` into this one; `other` becomes a "
        "pointer. Both records are audited.",
    )
    def post(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)

        def merge() -> Person:
            data = valid(s.MergeSerializer, request.data)
            return services.person_merge(
                actor=request.user,
                survivor_id=access.person_id,
                other_id=data["other"],
                reason=data["reason"],
            )

        return Response(s.PersonSerializer(self.write(request, access, merge)).data)


class ObligationsView(RegistryAPIView):
    access_actions = {"GET": Action.PERSON_VIEW}

    @extend_schema(
        operation_id="persons_obligations", responses=or_restricted(s.ObligationsSerializer)
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id)
        if access.stub:
            return self.stub(access)
        assert access.person is not None  # noqa: S101
        body = {
            "assessment": latest_assessment(access.person),
            "obligations": obligations_of(access.person, SHOWN_STATUSES),
        }
        return Response(s.ObligationsSerializer(body).data)


class ObligationsRefreshView(RegistryAPIView):
    access_actions = {"POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="persons_obligations_refresh", request=None, responses=s.ObligationsSerializer
    )
    def post(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id, audit_now=False)
        self.write(
            request,
            access,
            lambda: services.obligations_refresh(
                actor=request.user, person_id=access.person_id, trigger="api"
            ),
        )
        person = Person.objects.get(pk=access.person_id)
        body = {
            "assessment": latest_assessment(person),
            "obligations": obligations_of(person, SHOWN_STATUSES),
        }
        return Response(s.ObligationsSerializer(body).data)


class TimelineView(RegistryAPIView):
    access_actions = {"GET": Action.PERSON_VIEW}

    @extend_schema(
        operation_id="persons_timeline",
        responses=or_restricted(s.TimelineEntrySerializer, paged=True),
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = self.open(request, person_id)
        if access.stub:
            return self.stub(access)
        assert access.person is not None  # noqa: S101
        paginator = StandardPagination()
        page = paginator.paginate_queryset(timeline(access.person), request, view=self)  # type: ignore[arg-type]
        return paginator.get_paginated_response(
            s.TimelineEntrySerializer(page or [], many=True).data
        )
