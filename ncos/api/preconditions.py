"""Optimistic concurrency over HTTP (security.md API-2): ETag = the record's version; writes to
a mutable record send it back in If-Match. Missing → 428; malformed or stale → 412."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response

IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description='The ETag of the record you read, e.g. "3". Missing → 428; stale → 412.',
)
WRITE_ERRORS = {
    400: OpenApiResponse(description='{"error", "field"}: the input breaks a rule.'),
    403: OpenApiResponse(description="Not allowed (role, jurisdiction or clearance)."),
    404: OpenApiResponse(description="No such record (or hidden)."),
    409: OpenApiResponse(description="The record's state does not allow this step."),
    412: OpenApiResponse(description="If-Match does not match the current version."),
    428: OpenApiResponse(description="If-Match is missing."),
}


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "Send If-Match with the ETag of the record you read (GET it first)."
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record changed since you read it. GET it again and reapply your change."
    default_code = "precondition_failed"

    def __init__(self, detail: str | None = None, *, current_version: int | None = None) -> None:
        super().__init__(detail)
        self.current_version = current_version  # shown in the error body when known


def etag(version: object) -> str:
    return f'"{version}"'


def with_etag(response: Response, version: object) -> Response:
    response["ETag"] = etag(version)
    return response


def if_match_value(header: str | None) -> str | None:
    """The version named by an If-Match header (`"3"`, `W/"3"` or `3`); None when absent.

    >>> if_match_value('W/"3"'), if_match_value(' "12" '), if_match_value(None), if_match_value("*")
    ('3', '12', None, None)
    """
    raw = (header or "").strip()
    if not raw or raw == "*":
        return None
    return raw.removeprefix("W/").strip().strip('"')


def required_version(header: str | None, current: int | None = None) -> int:
    """The integer version an If-Match header names. Raises 428 when it is missing, 412 when it
    is not a version or (given `current`) not the current one."""
    value = if_match_value(header)
    if value is None:
        raise PreconditionRequired()
    if not value.isdigit():
        raise PreconditionFailed(current_version=current)
    version = int(value)
    if current is not None and version != current:
        raise PreconditionFailed(current_version=current)
    return version
