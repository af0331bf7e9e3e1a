"""`GET /api/v1/persons/search`: the search page's query as JSON. Audited, throttled."""

from __future__ import annotations

from django.db.models import Model
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ncos.access.actions import Action
from ncos.api.errors import error_response
from ncos.directory.models import Jurisdiction
from ncos.search.api.serializers import SearchParamsSerializer, SearchResponseSerializer
from ncos.search.selectors import search_persons
from ncos.search.views import person_url

TOO_BROAD = (
    "Too many records sound like this name to rank them. Add a given name, a date or year of "
    "birth, or another detail."
)


def _registry(j: Model) -> dict[str, str]:
    return {
        "code": j.code,  # type: ignore[attr-defined]
        "name": j.name,  # type: ignore[attr-defined]
        "registry_unit": j.registry_unit,  # type: ignore[attr-defined]
        "phone": j.phone,  # type: ignore[attr-defined]
        "email": j.email,  # type: ignore[attr-defined]
    }


class PersonSearchView(APIView):
    access_action = Action.PERSON_SEARCH
    throttle_scope = "search"

    @extend_schema(
        operation_id="persons_search",
        summary="Search the national register",
        description=(
            "Ranked search by name or alias (spelling and sound variants), date of birth "
            "(exact, year, range), address or locality, vehicle registration, phone, email or "
            "online identity, passport or NCOS number, with jurisdiction and status filters. "
            "All given criteria must match. Protected persons are returned to callers without "
            "clearance only as a `restricted` entry. Every call is audited."
        ),
        parameters=[SearchParamsSerializer],
        responses={
            200: SearchResponseSerializer,
            400: OpenApiResponse(description='{"error": message, "field": name or null}'),
        },
    )
    def get(self, request: Request) -> Response:
        params = SearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        page_size = params.validated_data["page_size"]
        result = search_persons(
            actor=request.user,
            query=params.to_query(),
            page=params.validated_data["page"],
            page_size=page_size,
        )
        if result.too_broad:
            return error_response(TOO_BROAD, 400, None, too_broad=True)
        codes = [r.managing_jurisdiction for r in result.restricted]
        registries = {j.code: j for j in Jurisdiction.objects.filter(code__in=codes)}
        body = {
            "count": result.total,
            "page": result.page,
            "page_size": result.page_size,
            "num_pages": result.num_pages,
            "truncated": result.truncated,
            "results": [{**vars(r), "url": person_url(r.person_id)} for r in result.results],
            "restricted": [
                {
                    "message": "A restricted record exists. Contact the managing registry.",
                    "managing_jurisdiction": r.managing_jurisdiction,
                    "contact": _registry(registries[r.managing_jurisdiction]),
                }
                for r in result.restricted
            ],
        }
        return Response(SearchResponseSerializer(body).data)
