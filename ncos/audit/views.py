"""Auditor pages: search the trail, export what was found (the export is audited too)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.views import requires
from ncos.audit.models import Outcome
from ncos.audit.selectors import AuditFilters, anomaly_report, audit_events, visible_details
from ncos.common.csv import render_csv

EXPORT_LIMIT = 50_000


class AuditSearchForm(forms.Form):
    username = forms.CharField(required=False, max_length=150, label="User")
    object_id = forms.CharField(required=False, max_length=64, label="Record id")
    action = forms.CharField(required=False, max_length=60, help_text="e.g. person.view, auth.")
    outcome = forms.ChoiceField(required=False, choices=[("", "Any")] + list(Outcome.choices))
    date_from = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if isinstance(start, date) and isinstance(end, date) and start > end:
            self.add_error("date_to", "The end date is before the start date.")
        return data

    def filters(self) -> AuditFilters:
        """The validated filters; an unbound form (first visit) means no filter."""
        if not self.is_bound:
            return AuditFilters()
        data = self.cleaned_data
        return AuditFilters(
            username=data.get("username", ""),
            object_id=data.get("object_id", ""),
            action=data.get("action", ""),
            outcome=data.get("outcome", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )


@requires(Action.AUDIT_READ)
def search(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "audit/search.html", {"form": form, "page": None}, status=400)
    events = audit_events(actor=request.user, filters=form.filters())  # type: ignore[arg-type]
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    for event in page.object_list:
        event.shown_details = visible_details(event, request.user)  # type: ignore[attr-defined, arg-type]
    return render(request, "audit/search.html", {"form": form, "page": page})


@requires(Action.AUDIT_EXPORT)
def export(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "audit/search.html", {"form": form, "page": None}, status=400)
    events = audit_events(actor=request.user, filters=form.filters(), export=True)[:EXPORT_LIMIT]  # type: ignore[arg-type]
    header = [
        "seq",
        "at_utc",
        "user",
        "jurisdiction",
        "roles",
        "action",
        "outcome",
        "reason",
        "object_type",
        "object_id",
        "managing_jurisdiction",
        "protected",
        "ip_address",
        "request_id",
        "details",
    ]
    rows = (
        [
            e.seq,
            e.at.isoformat(),
            e.actor_username,
            e.actor_jurisdiction,
            e.actor_roles,
            e.action,
            e.outcome,
            e.reason,
            e.object_type,
            e.object_id,
            e.managing_jurisdiction,
            e.protected,
            e.ip_address,
            e.request_id,
            visible_details(e, request.user),
        ]  # type: ignore[arg-type]
        for e in events
    )
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    response = HttpResponse(render_csv(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ncos-audit-{stamp}.csv"'
    return response


@requires(Action.AUDIT_READ)
def anomalies(request: HttpRequest) -> HttpResponse:
    days = 30 if request.GET.get("days") == "30" else 7
    start, end, findings = anomaly_report(actor=request.user, days=days)  # type: ignore[arg-type]
    context = {"findings": findings, "start": start, "end": end, "days": days}
    return render(request, "audit/anomalies.html", context)
