"""Pages: the compliance dashboard (per jurisdiction and per case officer) and the lists behind
it — obligations, reports (acknowledgements owed), reminders — each with filters, sorting,
pages and an audited, formula-safe CSV export."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import NotFound, RuleViolation
from ncos.access.views import AccessMixin
from ncos.common.csv import render_csv
from ncos.compliance import selectors
from ncos.compliance.choices import Manner, ReportKind
from ncos.compliance.forms import (
    ExportForm,
    ObligationFilterForm,
    ReminderFilterForm,
    ReportFilterForm,
)
from ncos.compliance.services import reminder_dismiss
from ncos.compliance.states import describe, kind_label, state_of

PAGE_SIZE = 25
EXPORT_LIMIT = 20_000


def _query(request: HttpRequest, **overrides: Any) -> str:
    params = {k: v for k, v in request.GET.items() if k not in ("page", "purpose")}
    params.update({k: v for k, v in overrides.items() if v is not None})
    return urlencode(params)


class DashboardView(AccessMixin):
    """The registry's compliance figures, and the same per case officer; every figure links to
    the list behind it."""

    access_action = Action.PERSON_UPDATE

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        persons = selectors.scope(user)
        today = selectors.user_today(user)
        fig = selectors.figures(persons, today)
        return render(
            request,
            "compliance/dashboard.html",
            {
                "fig": fig,
                "chart": selectors.svg_bars(fig.rates, width=480),
                "officers": selectors.officer_rows(persons, today),
                "jurisdiction": user.jurisdiction,  # type: ignore[union-attr]
            },
        )


class _ListView(AccessMixin):
    access_action = Action.PERSON_UPDATE
    export = False
    title = ""

    def filters(self, form: Any) -> Any:
        raise NotImplementedError

    def queryset(self, request: HttpRequest, filters: Any) -> Any:
        raise NotImplementedError

    def form(self, request: HttpRequest) -> Any:
        raise NotImplementedError

    def csv(self, rows: Any) -> tuple[list[str], list[list[Any]]]:
        raise NotImplementedError

    def person_of(self, row: Any) -> Any:
        return row.person

    audit_action = ""
    template_name = ""
    export_url_name = ""
    filename = ""

    def get(self, request: HttpRequest) -> HttpResponse:
        form = self.form(request)
        if form.is_bound and not form.is_valid():
            return render(
                request,
                self.template_name,
                {"form": form, "page": None, "title": self.title},
                status=400,
            )
        filters = self.filters(form)
        if self.export:
            return self._export(request, filters)
        rows = self.queryset(request, filters)
        page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
        selectors.audit_list(
            actor=request.user,
            action=self.audit_action,
            terms=filters.terms(),
            persons=[self.person_of(r) for r in page.object_list],
        )
        return render(
            request,
            self.template_name,
            {
                "form": form,
                "page": page,
                "title": self.title,
                "export_form": ExportForm(),
                "export_url": reverse(self.export_url_name),
                "today": selectors.user_today(request.user),
            },
        )

    def _export(self, request: HttpRequest, filters: Any) -> HttpResponse:
        purpose_form = ExportForm(request.GET)
        if not purpose_form.is_valid():
            return render(
                request,
                "compliance/export_purpose.html",
                {"form": purpose_form, "title": self.title, "query": _query(request)},
                status=400,
            )
        rows = list(self.queryset(request, filters)[:EXPORT_LIMIT])
        selectors.audit_export(
            actor=request.user,
            action=Action.PERSON_EXPORT.value,
            terms={"list": self.filename, **filters.terms()},
            persons=[self.person_of(r) for r in rows],
            purpose=purpose_form.cleaned_data["purpose"],
        )
        header, body = self.csv(rows)
        stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
        response = HttpResponse(render_csv(header, body), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ncos-{self.filename}-{stamp}.csv"'
        response["Cache-Control"] = "no-store"
        return response


class ObligationListView(_ListView):
    title = "Obligations"
    audit_action = "compliance.obligations.list"
    template_name = "compliance/obligation_list.html"
    export_url_name = "compliance:obligations_export"
    filename = "obligations"

    def form(self, request: HttpRequest) -> Any:
        return ObligationFilterForm(
            request.GET or None,
            jurisdiction=str(request.user.jurisdiction_id),  # type: ignore[union-attr]
        )

    def filters(self, form: Any) -> selectors.ObligationFilters:
        data = form.cleaned_data if form.is_bound else {}
        return selectors.ObligationFilters(
            state=data.get("state") or "",
            window=data.get("window"),
            due_from=data.get("due_from"),
            due_to=data.get("due_to"),
            kind=data.get("kind") or "",
            officer=data.get("officer") or "",
            national_id=data.get("national_id") or "",
            sort=data.get("sort") or "due",
        )

    def queryset(self, request: HttpRequest, filters: Any) -> Any:
        return selectors.obligation_list(actor=request.user, filters=filters)

    def csv(self, rows: Any) -> tuple[list[str], list[list[Any]]]:
        header = [
            "national_id",
            "family_name",
            "given_names",
            "case_officer",
            "obligation",
            "key",
            "due",
            "state",
            "met_on",
            "days_late",
            "sections",
        ]
        body = []
        for o in rows:
            zone = o.person.managing_jurisdiction.zone
            officer = o.person.case_officer
            body.append(
                [
                    o.person.national_id,
                    o.person.family_name,
                    o.person.given_names,
                    (officer.get_full_name() or officer.username) if officer else "",
                    describe(o, zone),
                    o.key,
                    o.due_at.astimezone(zone).isoformat()
                    if o.due_at
                    else (o.due_date.isoformat() if o.due_date else ""),
                    state_of(o).label,
                    o.met_on.isoformat() if o.met_on else "",
                    o.days_late if o.days_late is not None else "",
                    "; ".join(o.sections or []),
                ]
            )
        return header, body


class ObligationExportView(ObligationListView):
    access_action = Action.PERSON_EXPORT
    export = True


class ReportListView(_ListView):
    title = "Reports and acknowledgements"
    audit_action = "compliance.reports.list"
    template_name = "compliance/report_list.html"
    export_url_name = "compliance:reports_export"
    filename = "reports"

    def form(self, request: HttpRequest) -> Any:
        return ReportFilterForm(
            request.GET or None,
            jurisdiction=str(request.user.jurisdiction_id),  # type: ignore[union-attr]
        )

    def filters(self, form: Any) -> selectors.ReportFilters:
        data = form.cleaned_data if form.is_bound else {}
        return selectors.ReportFilters(
            kind=data.get("kind") or "",
            manner=data.get("manner") or "",
            received_from=data.get("received_from"),
            received_to=data.get("received_to"),
            ack=data.get("ack") or "",
            officer=data.get("officer") or "",
            national_id=data.get("national_id") or "",
            sort=data.get("sort") or "-received",
        )

    def queryset(self, request: HttpRequest, filters: Any) -> Any:
        return selectors.report_list(actor=request.user, filters=filters)

    def csv(self, rows: Any) -> tuple[list[str], list[list[Any]]]:
        header = [
            "reference",
            "national_id",
            "family_name",
            "given_names",
            "kind",
            "manner",
            "received_at",
            "place",
            "officer",
            "acknowledgement_due",
            "acknowledged",
        ]
        body = []
        for r in rows:
            zone = r.person.managing_jurisdiction.zone
            body.append(
                [
                    r.reference,
                    r.person.national_id,
                    r.person.family_name,
                    r.person.given_names,
                    ReportKind(r.kind).label,
                    Manner(r.manner).label,
                    r.received_at.astimezone(zone).isoformat(),
                    r.place_text,
                    r.officer_name,
                    r.ack_due_on.isoformat(),
                    "yes" if r.ack_given else "no",
                ]
            )
        return header, body


class ReportExportView(ReportListView):
    access_action = Action.PERSON_EXPORT
    export = True


class ReminderListView(_ListView):
    title = "Reminders"
    audit_action = "compliance.reminders.list"
    template_name = "compliance/reminder_list.html"
    export_url_name = "compliance:reminders_export"
    filename = "reminders"

    def form(self, request: HttpRequest) -> Any:
        return ReminderFilterForm(
            request.GET or None,
            jurisdiction=str(request.user.jurisdiction_id),  # type: ignore[union-attr]
        )

    def filters(self, form: Any) -> selectors.ReminderFilters:
        data = form.cleaned_data if form.is_bound else {}
        return selectors.ReminderFilters(
            officer=data.get("officer") or "",
            include_dismissed=bool(data.get("include_dismissed")),
            sort=data.get("sort") or "due",
        )

    def queryset(self, request: HttpRequest, filters: Any) -> Any:
        return selectors.reminder_list(actor=request.user, filters=filters)

    def csv(self, rows: Any) -> tuple[list[str], list[list[Any]]]:
        header = [
            "national_id",
            "family_name",
            "given_names",
            "obligation",
            "due",
            "days_before",
            "raised_on",
            "case_officer",
            "dismissed",
        ]
        body = [
            [
                r.person.national_id,
                r.person.family_name,
                r.person.given_names,
                kind_label(r.obligation.kind),
                r.due_date.isoformat(),
                r.days_before,
                r.raised_on.isoformat(),
                (r.case_officer.get_full_name() or r.case_officer.username)
                if r.case_officer
                else "",
                "yes" if r.dismissed_at else "no",
            ]
            for r in rows
        ]
        return header, body


class ReminderExportView(ReminderListView):
    access_action = Action.PERSON_EXPORT
    export = True


class ReminderDismissView(AccessMixin):
    access_action = Action.PERSON_UPDATE

    def post(self, request: HttpRequest, reminder_id: int) -> HttpResponse:
        try:
            reminder_dismiss(actor=request.user, reminder_id=reminder_id)
        except NotFound:
            raise Http404("Not found.") from None
        except RuleViolation as violation:
            from ncos.compliance.models import Reminder
            from ncos.compliance.services._common import audit_read

            reminder = Reminder.objects.select_related("person").get(pk=reminder_id)
            audit_read(request.user, reminder.person, Action.PERSON_VIEW, purpose="reminder")
            messages.error(request, str(violation))
        else:
            messages.success(request, "Reminder dismissed.")
        return HttpResponseRedirect(reverse("compliance:reminders"))
