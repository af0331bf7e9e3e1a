"""Shared plumbing of the case API: audited role refusals, If-Match, ETags, pagination."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from rest_framework.request import Request
from rest_framework.views import APIView

from ncos.access.actions import Action
from ncos.api.pagination import StandardPagination
from ncos.api.preconditions import etag, required_version, with_etag  # noqa: F401
from ncos.cases.selectors.access import CaseAccess, case_access, record_access


class CaseAPIView(APIView):
    """Case API views: a refusal by the role gate is audited (the page side does the same in
    `role_gate`), so every refused request leaves one row."""

    # -- opening --------------------------------------------------------------------------
    def open_person(
        self, request: Request, person_id: object, action: Action, *, audit_now: bool
    ) -> CaseAccess:
        return case_access(
            actor=request.user,
            person_id=person_id,
            action=action,
            audit_now=audit_now,
            purpose=f"api {request.method} {type(self).__name__}",
        )

    def open_record(
        self, request: Request, model: type[Model], pk: object, action: Action, *, audit_now: bool
    ) -> tuple[Any, CaseAccess]:
        return record_access(
            actor=request.user,
            model=model,
            pk=pk,
            action=action,
            audit_now=audit_now,
            purpose=f"api {request.method} {type(self).__name__}",
        )

    @staticmethod
    def if_match(request: Request, current: int) -> int:
        """The version the client saw: missing → 428, malformed or stale → 412."""
        return required_version(request.headers.get("If-Match"), current)

    def paginate(self, request: Request, qs: QuerySet[Any] | list[Any]) -> tuple[list[Any], Any]:
        paginator = StandardPagination()
        page = paginator.paginate_queryset(qs, request, view=self)
        return list(page or []), paginator
