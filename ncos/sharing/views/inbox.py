"""The registry's inbox: incoming travel notifications, transfer requests and answers, and the
passport authority's responses — filtered, sorted, paged, exported; every opening audited."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.access.views import AccessMixin
from ncos.audit import record as audit
from ncos.common.csv import render_csv
from ncos.sharing import selectors, services
from ncos.sharing.forms import InboxFilterForm
from ncos.sharing.models import InboxItem

PAGE_SIZE = 25
EXPORT_LIMIT = 5000


def target_url(item: InboxItem) -> str:
    """Where an item leads (other apps' objects through their URL names)."""
    routes = {
        "travel_notification": ("sharing:notification_detail", "notification_id"),
        "transfer_request": ("sharing:transfer_detail", "transfer_id"),
        "passport_request": ("passports:request_detail", "passport_request_id"),
    }
    name, kwarg = routes.get(item.object_type, ("sharing:inbox", ""))
    kwargs: dict[str, Any] = {kwarg: item.object_id} if kwarg else {}
    if item.object_type == "passport_request":
        kwargs["person_id"] = item.person_id
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return reverse("sharing:inbox")


def _filters(form: InboxFilterForm) -> selectors.InboxFilters:
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return selectors.InboxFilters(
        kind=data.get("kind") or "",
        state=data.get("state") or "",
        from_jurisdiction=data.get("from_jurisdiction") or "",
        received_from=data.get("received_from"),
        received_to=data.get("received_to"),
        sort=data.get("sort") or "-received",
    )


class InboxView(AccessMixin):
    access_action = Action.INBOX_READ

    def get(self, request: HttpRequest) -> HttpResponse:
        form = InboxFilterForm(request.GET or None)
        invalid = form.is_bound and not form.is_valid()
        filters = _filters(form)
        qs = selectors.inbox_items(actor=request.user, filters=filters)
        page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = [
            {
                "item": item,
                "restricted": not selectors.may_see(request.user, item.person),
                "url": reverse("sharing:inbox_open", kwargs={"item_id": item.pk}),
            }
            for item in page.object_list
        ]
        audit.record_search(
            actor=request.user,  # type: ignore[arg-type]
            action="inbox.read",
            terms=filters.terms(),
            result_ids=[r["item"].person_id for r in rows],
            protected_in_results=any(r["item"].person.protected for r in rows),
        )
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "sharing/inbox.html",
            {
                "form": form,
                "page": page,
                "rows": rows,
                "unread": selectors.unread_count(request.user),
                "export_query": query.urlencode(),
            },
            status=400 if invalid else 200,
        )


class InboxExportView(AccessMixin):
    """The inbox as CSV (formulas neutralised), audited with the person ids and the purpose."""

    access_action = Action.INBOX_READ

    def get(self, request: HttpRequest) -> HttpResponse:
        form = InboxFilterForm(request.GET or None)
        filters = _filters(form)
        items = list(selectors.inbox_items(actor=request.user, filters=filters)[:EXPORT_LIMIT])
        rows = []
        for item in items:
            visible = selectors.may_see(request.user, item.person)
            rows.append(
                [
                    timezone.localtime(item.created_at).strftime("%Y-%m-%d %H:%M"),
                    item.get_kind_display(),
                    item.from_jurisdiction_id or "Passport authority",
                    item.title,
                    item.person.national_id if visible else "restricted",
                    item.person.display_name if visible else "restricted record",
                    "read" if item.is_read else "unread",
                    "yes" if item.is_escalated else "",
                ]
            )
        body = render_csv(
            ["received", "kind", "from", "title", "national id", "person", "read", "escalated"],
            rows,
        )
        audit.record(
            action="inbox.export",
            actor=request.user,  # type: ignore[arg-type]
            purpose="inbox export",
            protected=any(i.person.protected for i in items),
            details={
                "terms": filters.terms(),
                "person_ids": [str(i.person_id) for i in items],
                "count": len(items),
            },
        )
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="inbox.csv"'
        response["Cache-Control"] = "no-store"
        return response


class InboxOpenView(AccessMixin):
    """Open an item: marked read for this user, one audit row, then on to what it is about."""

    access_action = Action.PERSON_VIEW

    def get(self, request: HttpRequest, item_id: Any) -> HttpResponse:
        try:
            item, _access = services.inbox_open(actor=request.user, item_id=item_id)
        except NotFound:
            raise Http404("No such inbox item.") from None
        return HttpResponseRedirect(target_url(item))
