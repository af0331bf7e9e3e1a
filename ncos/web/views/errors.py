"""Error pages that leak nothing: no traceback, SQL, path or setting name; a reference to quote."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseForbidden, JsonResponse
from django.template.loader import render_to_string

from ncos.common import context


def server_error(request: HttpRequest) -> HttpResponse:
    request_id = getattr(request, "request_id", "") or context.current().request_id
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"error": "Internal error.", "field": None, "request_id": request_id}, status=500
        )
    return HttpResponse(render_to_string("500.html", {"request_id": request_id}), status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"error": "CSRF check failed: reload the page and try again.", "field": None},
            status=403,
        )
    return HttpResponseForbidden(render_to_string("csrf_failure.html", request=request))
