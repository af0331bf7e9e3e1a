"""Fail closed: when the audit trail cannot be written, answer 503 and show nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from ncos.audit.record import AuditUnavailable

logger = logging.getLogger("ncos.audit")


class AuditFailClosedMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, AuditUnavailable):
            return None
        request_id = getattr(request, "request_id", "")
        # The alert: operations watch for this logger at CRITICAL (security.md LG-6).
        logger.critical("ALERT audit trail unavailable; request %s refused", request_id)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"error": "The service is temporarily unavailable.", "request_id": request_id},
                status=503,
            )
        body = render_to_string("503.html", {"request_id": request_id})
        return HttpResponse(body, status=503)
