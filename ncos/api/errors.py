"""One JSON error shape for the whole API: {"error": message, "field": name-or-null, ...}.

No stack trace ever leaves the server; a missing record and one the caller may not know exists
both answer 404 with the same body.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from ncos.access.errors import AccessDenied, ConflictError, NotFound, RuleViolation
from ncos.audit.record import AuditUnavailable

logger = logging.getLogger("ncos.api")


def _first_field_error(detail: Any, prefix: str = "") -> tuple[str | None, str]:
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = key if key != "non_field_errors" else None
            path = f"{prefix}.{name}" if prefix and name else (name or prefix or None)
            sub_field, message = _first_field_error(value, path or "")
            return (sub_field or path), message
    if isinstance(detail, list) and detail:
        if isinstance(detail[0], dict | list):
            for index, item in enumerate(detail):
                if item:
                    return _first_field_error(item, f"{prefix}[{index}]")
        return (prefix or None), str(detail[0])
    return (prefix or None), str(detail)


def error_response(message: str, code: int, field: str | None = None, **extra: Any) -> Response:
    return Response({"error": message, "field": field, **extra}, status=code)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, AccessDenied):
        exc.write_audit()
        return error_response("You do not have permission to do this.", status.HTTP_403_FORBIDDEN)
    if isinstance(exc, NotFound | Http404):
        return error_response("Not found.", status.HTTP_404_NOT_FOUND)
    if isinstance(exc, ConflictError):  # a stale version found under the row lock
        return error_response(
            str(exc), status.HTTP_412_PRECONDITION_FAILED, current_version=exc.current_version
        )
    if isinstance(exc, RuleViolation):
        return error_response(str(exc), status.HTTP_400_BAD_REQUEST, exc.field)
    if isinstance(exc, DjangoValidationError):
        field = None
        if hasattr(exc, "error_dict"):
            field = next(iter(exc.error_dict), None)
        return error_response(exc.messages[0], status.HTTP_400_BAD_REQUEST, field)
    if isinstance(exc, AuditUnavailable):
        raise exc  # the fail-closed middleware answers 503
    if isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        field, message = _first_field_error(exc.detail)
        response.data = {"error": message, "field": field, "errors": exc.detail}
    else:
        detail = getattr(exc, "detail", "Error.")
        response.data = {"error": str(detail), "field": None}
        if getattr(exc, "current_version", None) is not None:
            response.data["current_version"] = exc.current_version
    return response
