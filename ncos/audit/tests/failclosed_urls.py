"""A stand-in person endpoint for the fail-closed test: it audits the read, then shows data."""

from django.http import HttpRequest, JsonResponse
from django.urls import include, path

from ncos.audit import record as audit

CANARY = "Zebedee Quillfeather"


def person_json(request: HttpRequest) -> JsonResponse:
    audit.record_read(
        actor=request.user,  # type: ignore[arg-type]
        object_type="person",
        object_id=42,
        managing_jurisdiction="ACT",
        protected=False,
    )
    return JsonResponse({"name": CANARY})


urlpatterns = [
    path("api/v1/test-person", person_json),
    path("", include("config.urls")),
]
