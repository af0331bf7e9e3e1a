"""Pages: receipts (produce, download, mark given) and notices of reporting obligations (produce,
read, download, record service)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, RuleViolation
from ncos.compliance import notice_content
from ncos.compliance.forms import GivenForm, NoticeForm, ServiceForm, combine
from ncos.compliance.models import Acknowledgement, ObligationsNotice
from ncos.compliance.services import (
    notice_generate,
    notice_record_service,
    receipt_generate,
    receipt_mark_given,
)
from ncos.compliance.services._common import sha256
from ncos.compliance.views.base import CompliancePage, attach_violation, render_stub
from ncos.compliance.views.reports import ReportPage, _uuid_or_none
from ncos.documents.render import pdf_response_headers
from ncos.registry.models import Assessment


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(bytes(data))
    for name, value in pdf_response_headers(filename).items():
        response[name] = value
    return response


class ReceiptGenerateView(ReportPage):
    """POST: produce (or produce again, until one is given) the report's acknowledgement."""

    access_actions = {"POST": Action.PERSON_PRINT}

    def post(self, request: HttpRequest, report_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, report_id=report_id)
        target = reverse("compliance:report", kwargs={"report_id": report_id})
        try:
            ack = receipt_generate(actor=request.user, report_id=report_id)
        except RuleViolation as violation:
            access.audit_read("receipt refused")
            messages.error(request, str(violation))
            return HttpResponseRedirect(target)
        messages.success(
            request,
            f"Acknowledgement {ack.reference} produced. Download it, give "
            "it to the person, then record that it was given.",
        )
        return HttpResponseRedirect(target)


class ReceiptPage(CompliancePage):
    def person_id_for(self, **kwargs: Any) -> object:
        ack = (
            Acknowledgement.objects.filter(pk=_uuid_or_none(kwargs.get("receipt_id")))
            .only("person_id")
            .first()
        )
        if ack is None:
            raise Http404("Not found.")
        return ack.person_id


class ReceiptPdfView(ReceiptPage):
    """GET: the acknowledgement exactly as produced (its SHA-256 is checked first)."""

    access_actions = {"GET": Action.PERSON_PRINT}

    def get(self, request: HttpRequest, receipt_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, receipt_id=receipt_id)
        ack = Acknowledgement.objects.select_related("report").get(pk=receipt_id)
        data = bytes(ack.pdf)
        intact = sha256(data) == ack.sha256
        access.audit_read(
            "acknowledgement copy",
            acknowledgement_id=str(ack.pk),
            sha256=ack.sha256,
            intact=intact,
        )
        if not intact:
            return HttpResponse(
                "The stored copy of this acknowledgement does not match its fingerprint. "
                "Report this to the registry's system administrator.",
                status=500,
                content_type="text/plain",
            )
        return _pdf_response(data, f"acknowledgement-{ack.report.reference}-A{ack.sequence}.pdf")


class ReceiptGivenView(ReceiptPage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}

    def _context(self, ack: Acknowledgement, form: GivenForm) -> dict[str, Any]:
        return {"ack": ack, "report": ack.report, "form": form}

    def get(self, request: HttpRequest, receipt_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, receipt_id=receipt_id, purpose="receipt")
        ack = Acknowledgement.objects.select_related("report").get(pk=receipt_id)
        moment = timezone.now().astimezone(access.jurisdiction.zone)
        form = GivenForm(
            initial={
                "version": ack.version,
                "given_date": moment.date(),
                "given_time": moment.time().replace(second=0, microsecond=0),
                "how": "handed" if ack.report.manner == "in_person" else "post",
            }
        )
        return self.page(request, access, "compliance/receipt_given.html", self._context(ack, form))

    def post(self, request: HttpRequest, receipt_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, receipt_id=receipt_id)
        ack = Acknowledgement.objects.select_related("report").get(pk=receipt_id)
        form = GivenForm(request.POST)
        if form.is_valid():
            cd = form.cleaned_data
            try:
                receipt_mark_given(
                    actor=request.user,
                    receipt_id=ack.pk,
                    given_at=combine(cd["given_date"], cd["given_time"], access.jurisdiction.zone),
                    how=cd["how"],
                    given_to=cd.get("given_to") or "",
                    note=cd.get("note") or "",
                    expected_version=cd["version"],
                )
            except RuleViolation as violation:
                attach_violation(form, violation)
            except ConflictError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"Acknowledgement {ack.reference} recorded as given.")
                return HttpResponseRedirect(
                    reverse("compliance:report", kwargs={"report_id": ack.report_id})
                )
        access.audit_read("receipt form rejected")
        return self.page(
            request, access, "compliance/receipt_given.html", self._context(ack, form), status=400
        )


# --- notices ------------------------------------------------------------------------------------


class NoticeCreateView(CompliancePage):
    access_actions = {"GET": Action.PERSON_PRINT, "POST": Action.PERSON_PRINT}

    def _context(self, access: Any, form: NoticeForm) -> dict[str, Any]:
        person = access.person
        assessment = Assessment.objects.filter(person=person).order_by("-computed_at").first()
        return {
            "form": form,
            "form_name": notice_content.form_of(person.managing_jurisdiction_id),
            "police_actions": ((assessment.answer or {}).get("police_actions") or [])
            if assessment
            else [],
        }

    def get(self, request: HttpRequest, person_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, person_id=person_id, purpose="notice form")
        return self.page(
            request, access, "compliance/notice_form.html", self._context(access, NoticeForm())
        )

    def post(self, request: HttpRequest, person_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, person_id=person_id)
        form = NoticeForm(request.POST)
        if form.is_valid():
            try:
                notice = notice_generate(
                    actor=request.user,
                    person_id=person_id,
                    reason=form.cleaned_data["reason"],
                    occasion_date=form.cleaned_data.get("occasion_date"),
                )
            except RuleViolation as violation:
                attach_violation(form, violation)
            else:
                messages.success(request, f"Notice {notice.reference} produced.")
                return HttpResponseRedirect(
                    reverse("compliance:notice", kwargs={"notice_id": notice.pk})
                )
        access.audit_read("notice form rejected")
        return self.page(
            request, access, "compliance/notice_form.html", self._context(access, form), status=400
        )


class NoticePage(CompliancePage):
    def person_id_for(self, **kwargs: Any) -> object:
        notice = (
            ObligationsNotice.objects.filter(pk=_uuid_or_none(kwargs.get("notice_id")))
            .only("person_id")
            .first()
        )
        if notice is None:
            raise Http404("Not found.")
        return notice.person_id


class NoticeDetailView(NoticePage):
    access_actions = {"GET": Action.PERSON_VIEW}

    def get(self, request: HttpRequest, notice_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, notice_id=notice_id, purpose="notice")
        if access.stub:
            return render_stub(request, access)
        notice = ObligationsNotice.objects.select_related("served_by", "generated_by").get(
            pk=notice_id
        )
        return self.page(
            request,
            access,
            "compliance/notice_detail.html",
            {"notice": notice, "n": notice.content},
        )


class NoticePdfView(NoticePage):
    access_actions = {"GET": Action.PERSON_PRINT}

    def get(self, request: HttpRequest, notice_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, notice_id=notice_id)
        notice = ObligationsNotice.objects.get(pk=notice_id)
        data = bytes(notice.pdf)
        intact = sha256(data) == notice.sha256
        access.audit_read(
            "notice copy", notice_id=str(notice.pk), sha256=notice.sha256, intact=intact
        )
        if not intact:
            return HttpResponse(
                "The stored copy of this notice does not match its fingerprint. Report this to "
                "the registry's system administrator.",
                status=500,
                content_type="text/plain",
            )
        return _pdf_response(data, f"notice-{notice.reference}.pdf")


class NoticeServiceView(NoticePage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}

    def get(self, request: HttpRequest, notice_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, notice_id=notice_id, purpose="notice service")
        notice = ObligationsNotice.objects.get(pk=notice_id)
        moment = timezone.now().astimezone(access.jurisdiction.zone)
        form = ServiceForm(
            initial={
                "version": notice.version,
                "served_date": moment.date(),
                "served_time": moment.time().replace(second=0, microsecond=0),
                "how": "in_person",
            }
        )
        return self.page(
            request, access, "compliance/notice_service.html", {"notice": notice, "form": form}
        )

    def post(self, request: HttpRequest, notice_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, notice_id=notice_id)
        notice = ObligationsNotice.objects.get(pk=notice_id)
        form = ServiceForm(request.POST)
        if form.is_valid():
            cd = form.cleaned_data
            try:
                notice_record_service(
                    actor=request.user,
                    notice_id=notice.pk,
                    served_at=combine(
                        cd["served_date"], cd["served_time"], access.jurisdiction.zone
                    ),
                    how=cd["how"],
                    how_other=cd.get("how_other") or "",
                    served_by_name=cd.get("served_by_name") or "",
                    explained={"yes": True, "no": False}.get(cd.get("explained") or ""),
                    explanation_note=cd.get("explanation_note") or "",
                    interpreter_name=cd.get("interpreter_name") or "",
                    interpreter_language=cd.get("interpreter_language") or "",
                    person_signed={"yes": True, "no": False}.get(cd.get("person_signed") or ""),
                    note=cd.get("note") or "",
                    expected_version=cd["version"],
                )
            except RuleViolation as violation:
                attach_violation(form, violation)
            except ConflictError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"Service of notice {notice.reference} recorded.")
                return HttpResponseRedirect(
                    reverse("compliance:notice", kwargs={"notice_id": notice.pk})
                )
        access.audit_read("notice service rejected")
        return self.page(
            request,
            access,
            "compliance/notice_service.html",
            {"notice": notice, "form": form},
            status=400,
        )
