"""The sharing API, travel: record the travel a person reported, its changes, the decision not
to travel and the return. Every change is one service call; each takes If-Match."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.api.restricted import or_restricted, restricted_response
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
from ncos.sharing.models import TravelPlan

# --- travel -------------------------------------------------------------------------------


def _plan(plan_id: Any) -> TravelPlan:
    return selectors.plan_get(plan_id)


def _travel(plan: TravelPlan, code: int = 200) -> Response:
    fresh = selectors.plan_get(plan.pk)
    return with_etag(Response(s.TravelOut(fresh).data, status=code), fresh.version)


class PersonTravelView(SharingApiView):
    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PERSON_UPDATE}

    @extend_schema(
        operation_id="person_travel_list",
        summary="A person's travel plans (newest departure first)",
        responses={200: or_restricted(s.TravelOut, many=True), 404: None},
    )
    def get(self, request: Request, person_id: Any) -> Response:
        access = person_access(actor=request.user, person_id=person_id, purpose="travel (API)")
        if access.stub:
            return restricted_response(access)
        plans = selectors.person_travel(access.person)  # type: ignore[arg-type]
        return Response(s.TravelOut(plans, many=True).data)

    @extend_schema(
        operation_id="travel_record",
        summary="Record the travel a person reported; notifies each Australian destination",
        request=s.TravelRecordIn,
        responses={201: s.TravelOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, person_id: Any) -> Response:
        person_access(
            actor=request.user, person_id=person_id, action=Action.PERSON_UPDATE, audit_now=False
        )
        data = s.TravelRecordIn(data=request.data)
        data.is_valid(raise_exception=True)
        plan = services.travel_record(
            actor=request.user,
            person_id=person_id,
            itinerary=data.itinerary(),
            reported_on=data.validated_data["reported_on"],
            report_manner=data.validated_data["report_manner"],
            report_place=data.validated_data["report_place"],
        )
        return _travel(plan, status.HTTP_201_CREATED)


class TravelDetailView(SharingApiView):
    access_action = Action.PERSON_VIEW

    @extend_schema(
        operation_id="travel_read",
        summary="One travel plan with its stays, history, notifications and return check",
        responses={200: or_restricted(s.TravelOut), 404: None},
    )
    def get(self, request: Request, travel_id: Any) -> Response:
        try:
            plan = _plan(travel_id)
        except NotFound:
            raise
        access = person_access(actor=request.user, person_id=plan.person_id, purpose="travel")
        if access.stub:
            return restricted_response(access)
        return _travel(plan)


class _TravelStep(SharingApiView):
    access_action = Action.PERSON_UPDATE
    input_class: type[serializers.Serializer] = serializers.Serializer

    def check(self, request: Request, travel_id: Any) -> tuple[TravelPlan, int, Any]:
        plan = _plan(travel_id)
        person_access(
            actor=request.user,
            person_id=plan.person_id,
            action=Action.PERSON_UPDATE,
            audit_now=False,
        )
        version = if_match(request)
        data = self.input_class(data=request.data)
        data.is_valid(raise_exception=True)
        return plan, version, data


class TravelChangeView(_TravelStep):
    input_class = s.TravelChangeIn

    @extend_schema(
        operation_id="travel_change",
        summary="Record a change of travel plans (notifications revised, added or withdrawn)",
        parameters=[IF_MATCH],
        request=s.TravelChangeIn,
        responses={200: s.TravelOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, travel_id: Any) -> Response:
        plan, version, data = self.check(request, travel_id)
        d = data.validated_data
        services.travel_change(
            actor=request.user,
            plan_id=plan.pk,
            expected_version=version,
            itinerary=data.itinerary(),
            decided_on=d["decided_on"],
            reported_on=d["reported_on"],
            report_manner=d["report_manner"],
            report_place=d["report_place"],
            reason=d["reason"],
        )
        return _travel(plan)


class TravelCancelView(_TravelStep):
    input_class = s.TravelCancelIn

    @extend_schema(
        operation_id="travel_cancel",
        summary="Record the decision not to travel (notifications withdrawn)",
        parameters=[IF_MATCH],
        request=s.TravelCancelIn,
        responses={200: s.TravelOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, travel_id: Any) -> Response:
        plan, version, data = self.check(request, travel_id)
        d = data.validated_data
        services.travel_cancel(
            actor=request.user,
            plan_id=plan.pk,
            expected_version=version,
            decided_on=d["decided_on"],
            reported_on=d["reported_on"],
            report_manner=d["report_manner"],
            report_place=d["report_place"],
            reason=d["reason"],
        )
        return _travel(plan)


class TravelReturnView(_TravelStep):
    input_class = s.TravelReturnIn

    @extend_schema(
        operation_id="travel_return",
        summary="Record the return: the travel is checked against what was reported",
        parameters=[IF_MATCH],
        request=s.TravelReturnIn,
        responses={200: s.TravelOut, **WRITE_ERRORS},
    )
    def post(self, request: Request, travel_id: Any) -> Response:
        plan, version, data = self.check(request, travel_id)
        services.travel_return(
            actor=request.user,
            plan_id=plan.pk,
            expected_version=version,
            data=data.data_input(),
        )
        return _travel(plan)
