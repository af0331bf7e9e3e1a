"""Pages: the registry's passport requests, and overseas travel without permission (with the
applications awaiting a decision)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ncos.access.actions import Action
from ncos.access.views import AccessMixin
from ncos.audit import record as audit
from ncos.passports import selectors
from ncos.passports.choices import RequestStatus, RequestType
from ncos.sharing.selectors import may_see


class RequestListView(AccessMixin):
    """The registry's passport requests (filters, sorting, paging; one search audit row)."""

    access_action = Action.PASSPORT_REQUEST

    def get(self, request: HttpRequest) -> HttpResponse:
        status = request.GET.get("status", "")
        kind = request.GET.get("type", "")
        sort = request.GET.get("sort", "-created")
        filters = selectors.RequestFilters(
            status=status if status in RequestStatus.values else "",
            request_type=kind if kind in RequestType.values else "",
            open_only=request.GET.get("open") == "1",
            sort=sort if sort in selectors.REQUEST_SORTS else "-created",
        )
        code = request.user.jurisdiction_id  # type: ignore[union-attr]
        page = Paginator(selectors.requests_for(code, filters), 25).get_page(
            request.GET.get("page")
        )
        rows = [
            {"pr": pr, "restricted": not may_see(request.user, pr.person)}
            for pr in page.object_list
        ]
        audit.record_search(
            actor=request.user,  # type: ignore[arg-type]
            action="passport_request.list",
            terms=filters.terms(),
            result_ids=[r["pr"].person_id for r in rows],
            protected_in_results=any(r["pr"].person.protected for r in rows),
        )
        return render(
            request,
            "passports/request_list.html",
            {
                "page": page,
                "rows": rows,
                "filters": filters,
                "statuses": RequestStatus.choices,
                "types": RequestType.choices,
            },
        )


class TravelFlagsView(AccessMixin):
    """Overseas travel without the competent authority's permission (and, with
    ?view=applications, applications waiting for a decision), for the user's registry."""

    access_action = Action.PERSON_SEARCH

    def get(self, request: HttpRequest) -> HttpResponse:
        code = request.user.jurisdiction_id  # type: ignore[union-attr]
        applications = request.GET.get("view") == "applications"
        if applications:
            qs: Any = (
                selectors.pending_permissions(code).select_related("person").order_by("depart_on")
            )
        else:
            qs = selectors.overseas_without_permission(
                code, departed_only=request.GET.get("planned") != "1"
            )
        page = Paginator(qs, 25).get_page(request.GET.get("page"))
        rows = [
            {"obj": obj, "restricted": not may_see(request.user, obj.person)}
            for obj in page.object_list
        ]
        audit.record_search(
            actor=request.user,  # type: ignore[arg-type]
            action="travel.flags",
            terms={"view": "applications" if applications else "without_permission"},
            result_ids=[r["obj"].person_id for r in rows],
            protected_in_results=any(r["obj"].person.protected for r in rows),
        )
        return render(
            request,
            "passports/travel_flags.html",
            {"page": page, "rows": rows, "applications": applications},
        )
