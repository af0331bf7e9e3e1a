"""POST /api/v1/assessments — the law engine's contract over HTTP (shared/spec/assessment.md).

The body is a case (or a list of cases); the answer is the same JSON the command line prints. A
malformed case answers 400 with the contract's error object {"error", "field"}.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ncos.access.actions import Action
from ncos.law import CaseError, assess
from ncos.law.jurisdictions.registry import JurisdictionUnavailableError

EXAMPLE_CASE = {
    "jurisdiction": "ACT",
    "as_of": "2026-03-01",
    "person": {"date_of_birth": "1985-06-30"},
    "offences": [
        {
            "ref": "o1",
            "act": "Crimes Act 1900 (ACT)",
            "provision": "s 61",
            "date_committed": "2023-02-11",
            "date_sentenced": "2024-07-19",
            "custodial": True,
            "custody_release_date": "2025-01-10",
        }
    ],
    "events": [{"type": "first_report", "date": "2025-01-14"}],
}


# One case in → one answer out; a list of cases in → a list of answers, in the same order.
CASE_OR_CASES = {"oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}


class AssessmentView(APIView):
    access_action = Action.ASSESS
    throttle_scope = "assess"

    @extend_schema(
        operation_id="assessments_create",
        summary="Assess a case under a jurisdiction's reporting law",
        request={"application/json": CASE_OR_CASES},
        responses={
            200: OpenApiResponse(CASE_OR_CASES, description="The answer, or a list of answers."),
            400: OpenApiResponse(
                OpenApiTypes.OBJECT, description='{"error": "...", "field": "..."}'
            ),
        },
        examples=[OpenApiExample("ACT adult, one offence", value=EXAMPLE_CASE, request_only=True)],
    )
    def post(self, request: Request) -> Response:
        case: Any = request.data
        if not isinstance(case, dict | list):
            return Response(
                {"error": "The body must be a case object or a list of cases.", "field": None},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            return Response(assess(case))
        except CaseError as exc:
            return Response(exc.to_dict(), status=status.HTTP_400_BAD_REQUEST)
        except JurisdictionUnavailableError as exc:
            return Response(
                {"error": str(exc), "field": "jurisdiction"},
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
