"""A registered person's s 122 / s 19B requests: log, read, give the copy, decide, withdraw."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.policy import decide
from ncos.access.subjects import subject_of
from ncos.cases import services
from ncos.cases.choices import CorrectionDecision
from ncos.cases.forms import CopyForm, DecideForm, RequestForm, WithdrawForm, local_moment
from ncos.cases.models import AccessRequest
from ncos.cases.selectors.access import CaseAccess
from ncos.cases.selectors.reportable import REPORTABLE_KINDS, reportable_information
from ncos.cases.services._common import local_today, record_ref
from ncos.cases.services.requests import section_for
from ncos.cases.views.base import CaseFormPage
from ncos.documents.render import pdf_response_headers
from ncos.registry.kinds import data_form_class
from ncos.registry.models import Detail


def request_url(request: AccessRequest) -> str:
    return reverse("cases:request_detail", kwargs={"access_request_id": request.pk})


def _fact_versions(row: AccessRequest) -> list[Detail]:
    if row.detail is None:
        return []
    return list(
        Detail.objects.filter(fact_id=row.detail.fact_id)
        .select_related("recorded_by")
        .order_by("-sequence")
    )


class RequestAddView(CaseFormPage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}
    title = "Log a request by the registered person"
    submit_label = "Log the request"
    success_message = "Request logged; a task is due on the deadline."
    template_name = "cases/request_add.html"

    def _details(self, access: CaseAccess) -> list[Detail]:
        return list(
            Detail.objects.filter(
                person=access.person, is_current=True, withdrawn=False, kind__in=REPORTABLE_KINDS
            ).order_by("kind", "-recorded_at")
        )

    def build_forms(
        self, request: HttpRequest, row: Any, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        initial = {"received_on": local_today(access.person)}
        return {"form": RequestForm(data, initial=initial, details=self._details(access))}

    def extra_context(self, request: HttpRequest, row: Any, access: CaseAccess) -> dict[str, Any]:
        return {"section": section_for(access.person.managing_jurisdiction_id)}

    def perform(
        self, request: HttpRequest, row: Any, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        zone = access.person.managing_jurisdiction.zone
        logged = services.access_request_log(
            actor=request.user,
            person_id=access.person.pk,
            kind=data["kind"],
            received_at=local_moment(data["received_on"], data.get("received_time"), zone),
            channel=data["channel"],
            description=data["description"],
            detail_id=data.get("detail") or None,
        )
        return request_url(logged)


class RequestView(CaseFormPage):
    """The request, its deadline, the task, copies given, and (corrections) the fact's
    versions — the old one stays in history after a correction."""

    model = AccessRequest
    pk_kwarg = "access_request_id"
    access_actions = {"GET": Action.CASE_VIEW}
    http_method_names = ["get"]
    template_name = "cases/request.html"
    title = "Request by the registered person"

    def extra_context(
        self, request: HttpRequest, row: AccessRequest, access: CaseAccess
    ) -> dict[str, Any]:
        subject, ref = subject_of(request.user), record_ref(access.person)
        return {
            "req": row,
            "section": section_for(access.person.managing_jurisdiction_id),
            "copies": list(row.copies.select_related("generated_by")),
            "versions": _fact_versions(row),
            "may_export": decide(subject, Action.PERSON_EXPORT, ref).allowed,
            "may_decide": decide(subject, Action.CORRECTION_DECIDE, ref).allowed,
            "may_update": decide(subject, Action.PERSON_UPDATE, ref).allowed,
            "withdraw_form": WithdrawForm(initial={"version": row.version}),
        }


class RequestCopyView(CaseFormPage):
    """Give the copy: GET shows what it will hold; POST produces the PDF (a download), marks
    the request completed and audits the export with recipient and purpose."""

    model = AccessRequest
    pk_kwarg = "access_request_id"
    access_actions = {"GET": Action.PERSON_EXPORT, "POST": Action.PERSON_EXPORT}
    template_name = "cases/request_copy.html"
    title = "Give a copy of the reportable information"
    submit_label = "Produce the copy (PDF)"

    def build_forms(
        self, request: HttpRequest, row: AccessRequest, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        return {"form": CopyForm(data)}

    def extra_context(
        self, request: HttpRequest, row: AccessRequest, access: CaseAccess
    ) -> dict[str, Any]:
        info = reportable_information(access.person, as_of=local_today(access.person))
        return {"req": row, "info": info, "section": section_for(info.jurisdiction)}

    def perform(
        self, request: HttpRequest, row: AccessRequest, access: CaseAccess, forms: dict[str, Form]
    ) -> HttpResponse:
        data = forms["form"].cleaned_data
        copy, pdf = services.access_copy_generate(
            actor=request.user,
            request_id=row.pk,
            recipient=data["recipient"],
            purpose=data["purpose"],
            delivered_on=data.get("delivered_on"),
        )
        filename = (
            f"reportable-information-{access.person.national_id}-{copy.generated_at:%Y%m%d}.pdf"
        )
        response = HttpResponse(pdf)
        for name, value in pdf_response_headers(filename).items():
            response[name] = value
        return response


class RequestDecideView(CaseFormPage):
    """A registrar decides a correction request; accepted → a new version of the fact."""

    model = AccessRequest
    pk_kwarg = "access_request_id"
    access_actions = {"GET": Action.CORRECTION_DECIDE, "POST": Action.CORRECTION_DECIDE}
    template_name = "cases/request_decide.html"
    title = "Decide the correction request"
    submit_label = "Record the decision"
    success_message = "Decision recorded."

    def build_forms(
        self, request: HttpRequest, row: AccessRequest, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        current = self._current(row)
        forms: dict[str, Form] = {
            "form": DecideForm(
                data,
                initial={
                    "version": row.version,
                    "expected_detail": str(current.pk) if current else "",
                },
            )
        }
        if current is not None:
            initial = {**current.data, **(row.proposed_data or {})}
            forms["data"] = data_form_class(current.kind)(data, initial=initial, prefix="data")
        return forms

    @staticmethod
    def _current(row: AccessRequest) -> Detail | None:
        if row.detail is None:
            return None
        return Detail.objects.filter(fact_id=row.detail.fact_id, is_current=True).first()

    def forms_to_validate(self, forms: dict[str, Form]) -> list[Form]:
        form = forms["form"]
        accepted = form.is_valid() and form.cleaned_data["decision"] == CorrectionDecision.ACCEPTED
        return list(forms.values()) if accepted else [form]

    def extra_context(
        self, request: HttpRequest, row: AccessRequest, access: CaseAccess
    ) -> dict[str, Any]:
        return {
            "req": row,
            "current": self._current(row),
            "versions": _fact_versions(row),
            "section": section_for(access.person.managing_jurisdiction_id),
        }

    def perform(
        self, request: HttpRequest, row: AccessRequest, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        corrected = None
        if data["decision"] == CorrectionDecision.ACCEPTED and "data" in forms:
            corrected = {
                k: v.isoformat() if hasattr(v, "isoformat") else v
                for k, v in forms["data"].cleaned_data.items()
                if v not in (None, "", False)
            }
        services.correction_decide(
            actor=request.user,
            request_id=row.pk,
            expected_version=data["version"],
            decision=data["decision"],
            reasons=data["reasons"],
            expected_detail_id=data.get("expected_detail") or None,
            data=corrected,
        )
        return request_url(row)


class RequestWithdrawView(CaseFormPage):
    model = AccessRequest
    pk_kwarg = "access_request_id"
    access_actions = {"POST": Action.PERSON_UPDATE}
    http_method_names = ["post"]
    template_name = "cases/form.html"
    title = "Withdraw the request"
    submit_label = "Withdraw"
    success_message = "Request withdrawn."

    def build_forms(
        self, request: HttpRequest, row: AccessRequest, access: CaseAccess, data: Any = None
    ) -> dict[str, Form]:
        return {"form": WithdrawForm(data, initial={"version": row.version})}

    def perform(
        self, request: HttpRequest, row: AccessRequest, access: CaseAccess, forms: dict[str, Form]
    ) -> str:
        data = forms["form"].cleaned_data
        services.access_request_withdraw(
            actor=request.user,
            request_id=row.pk,
            expected_version=data["version"],
            reason=data["reason"],
        )
        return request_url(row)
