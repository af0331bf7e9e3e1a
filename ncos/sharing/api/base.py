"""Shared plumbing of the sharing and passports APIs.

* Refusals by the role gate are audited (a refused request writes one audit row, like pages).
* Writes to mutable records take `If-Match` with the record's version (security.md API-2):
  missing → 428, malformed or stale → 412; the response carries the new `ETag`.
* A step the record's state does not allow answers 409.
* A protected person's record, to a user without clearance, is the stub: that a restricted
  record exists and which registry to contact — nothing else.
"""

from __future__ import annotations

from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ncos.access.drf import DeclaredActionPermission
from ncos.access.errors import ConflictError
from ncos.api.preconditions import (  # noqa: F401  (re-exported to the views)
    IF_MATCH,
    WRITE_ERRORS,
    PreconditionFailed,
    PreconditionRequired,
    required_version,
    with_etag,
)


class WrongStateError(APIException):
    status_code = 409
    default_code = "wrong_state"


def if_match(request: Request) -> int:
    return required_version(request.headers.get("If-Match"))


class SharingApiView(APIView):
    """Base of every sharing/passports API view."""

    permission_classes = [DeclaredActionPermission]

    def handle_exception(self, exc: Exception) -> Response:
        from ncos.sharing.services._common import WrongState

        if isinstance(exc, ConflictError):
            return Response(
                {"error": str(exc), "field": None, "current_version": exc.current_version},
                status=status.HTTP_412_PRECONDITION_FAILED,
            )
        if isinstance(exc, WrongState):
            return Response(
                {"error": str(exc), "field": exc.field}, status=status.HTTP_409_CONFLICT
            )
        return super().handle_exception(exc)
