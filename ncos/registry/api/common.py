"""Plumbing shared by the register's API views: open the person (policy + one audit row),
ETags and If-Match (security.md API-2), and one audit row for a refused write."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, RuleViolation
from ncos.api.preconditions import (  # noqa: F401  (re-exported to the views)
    IF_MATCH,
    PreconditionFailed,
    PreconditionRequired,
    etag,
    if_match_value,
)
from ncos.api.restricted import restricted_response
from ncos.audit import record as audit
from ncos.audit.models import Outcome
from ncos.registry.selectors import PersonAccess, person_access

T = TypeVar("T")


def if_match(request: Request) -> str | None:
    return if_match_value(request.headers.get("If-Match"))


class RegistryAPIView(APIView):
    """Base: `open()` a person; `write()` a change with the refusal audited once."""

    def open(
        self,
        request: Request,
        person_id: object,
        *,
        action: Action | None = None,
        audit_now: bool = True,
        **details: Any,
    ) -> PersonAccess:
        declared = getattr(self, "access_actions", None) or {}
        chosen = action or declared.get(request.method or "GET") or Action.PERSON_VIEW
        return person_access(
            actor=request.user,
            person_id=person_id,
            action=chosen,
            audit_now=audit_now,
            purpose="api",
            **details,
        )

    def stub(self, access: PersonAccess) -> Response:
        return restricted_response(access)

    def write(
        self,
        request: Request,
        access: PersonAccess,
        fn: Callable[[], T],
        *,
        expected: object | None = None,
        needs_match: bool = False,
    ) -> T:
        """Run `fn` (a service call). With `needs_match`, If-Match must equal `expected`'s
        ETag value or the service's own check; refusals are audited here, once."""
        try:
            if needs_match:
                given = if_match(request)
                if given is None:
                    raise PreconditionRequired()
                if expected is not None and given != str(expected):
                    raise PreconditionFailed()
            return fn()
        except ConflictError as exc:
            self._refused(request, access, "stale version")
            raise PreconditionFailed(str(exc)) from None
        except PreconditionRequired:
            self._refused(request, access, "precondition required")
            raise
        except PreconditionFailed:
            self._refused(request, access, "stale version")
            raise
        except (RuleViolation, DjangoValidationError, exceptions.ValidationError) as exc:
            self._refused(request, access, f"rejected: {exc}"[:200])
            raise

    @staticmethod
    def _refused(request: Request, access: PersonAccess, reason: str) -> None:
        audit.record(
            action=f"person.api.{(request.method or '').lower()}",
            actor=request.user,  # type: ignore[arg-type]
            outcome=Outcome.ERROR,
            reason=reason,
            object_type="person",
            object_id=access.person_id,
            managing_jurisdiction=access.jurisdiction.code,
            protected=access.person.protected if access.person else True,
        )


def valid(serializer_class: Any, data: Any, **kwargs: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
