"""Pages: record a failure to comply, follow it up, and the ACT s 116A public-notice decision."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, RuleViolation
from ncos.compliance.forms import FailureForm, FailureUpdateForm, PublicNoticeForm
from ncos.compliance.models import FailureToComply
from ncos.compliance.services import failure_record, failure_update, public_notice_decide
from ncos.compliance.services._common import age_on
from ncos.compliance.states import describe
from ncos.compliance.views.base import CompliancePage, attach_violation, render_stub
from ncos.compliance.views.reports import _today, _uuid_or_none
from ncos.registry.models import Obligation, Person


def _failed_choices(person: Person) -> list[tuple[str, str]]:
    rows = Obligation.objects.filter(person=person, status__in=("overdue", "met")).order_by(
        "due_date", "key"
    )
    zone = person.managing_jurisdiction.zone
    return [
        (
            o.key,
            describe(o, zone)
            + (f" — met {o.days_late} days late" if o.status == "met" else " — overdue"),
        )
        for o in rows
        if o.status == "overdue" or o.days_late
    ]


class FailureCreateView(CompliancePage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}

    def get(self, request: HttpRequest, person_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, person_id=person_id, purpose="failure form")
        person = access.person
        assert person is not None  # noqa: S101
        choices = _failed_choices(person)
        form = FailureForm(
            choices=choices,
            initial={"noted_on": _today(person), "obligation_keys": [k for k, _ in choices[:1]]},
        )
        return self.page(request, access, "compliance/failure_form.html", {"form": form})

    def post(self, request: HttpRequest, person_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, person_id=person_id)
        person = access.person
        assert person is not None  # noqa: S101
        form = FailureForm(request.POST, choices=_failed_choices(person))
        if form.is_valid():
            cd = form.cleaned_data
            try:
                failure = failure_record(
                    actor=request.user,
                    person_id=person.pk,
                    obligation_keys=list(cd["obligation_keys"]),
                    noted_on=cd["noted_on"],
                    circumstances=cd["circumstances"],
                    cannot_be_located=cd.get("cannot_be_located") or False,
                    last_known=cd.get("last_known") or "",
                    locate_steps=cd.get("locate_steps") or "",
                )
            except RuleViolation as violation:
                attach_violation(form, violation)
            else:
                messages.success(request, "Failure to comply recorded.")
                return HttpResponseRedirect(
                    reverse("compliance:failure", kwargs={"failure_id": failure.pk})
                )
        access.audit_read("failure form rejected")
        return self.page(
            request, access, "compliance/failure_form.html", {"form": form}, status=400
        )


class FailurePage(CompliancePage):
    def person_id_for(self, **kwargs: Any) -> object:
        failure = (
            FailureToComply.objects.filter(pk=_uuid_or_none(kwargs.get("failure_id")))
            .only("person_id")
            .first()
        )
        if failure is None:
            raise Http404("Not found.")
        return failure.person_id


class FailureDetailView(FailurePage):
    """GET: the failure and its s 116A decisions; POST: follow-up (located, resolved)."""

    access_actions = {"GET": Action.PERSON_VIEW, "POST": Action.PERSON_UPDATE}

    def _context(self, failure: FailureToComply, form: FailureUpdateForm) -> dict[str, Any]:
        return {
            "failure": failure,
            "decisions": failure.public_notice_decisions.order_by("-decided_on", "-recorded_at"),
            "form": form,
            "obligations": Obligation.objects.filter(
                person_id=failure.person_id, key__in=failure.obligation_keys
            ),
        }

    def get(self, request: HttpRequest, failure_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, failure_id=failure_id, purpose="failure")
        if access.stub:
            return render_stub(request, access)
        failure = FailureToComply.objects.get(pk=failure_id)
        form = FailureUpdateForm(
            initial={
                "version": failure.version,
                "status": failure.status,
                "cannot_be_located": failure.cannot_be_located,
                "locate_steps": failure.locate_steps,
            }
        )
        return self.page(
            request, access, "compliance/failure_detail.html", self._context(failure, form)
        )

    def post(self, request: HttpRequest, failure_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, failure_id=failure_id)
        failure = FailureToComply.objects.get(pk=failure_id)
        form = FailureUpdateForm(request.POST)
        if form.is_valid():
            cd = form.cleaned_data
            try:
                failure_update(
                    actor=request.user,
                    failure_id=failure.pk,
                    status=cd["status"],
                    cannot_be_located=cd.get("cannot_be_located") or False,
                    outcome_note=cd.get("outcome_note") or "",
                    locate_steps=cd.get("locate_steps") or "",
                    expected_version=cd["version"],
                )
            except RuleViolation as violation:
                attach_violation(form, violation)
            except ConflictError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Saved.")
                return HttpResponseRedirect(
                    reverse("compliance:failure", kwargs={"failure_id": failure.pk})
                )
        access.audit_read("failure update rejected")
        return self.page(
            request,
            access,
            "compliance/failure_detail.html",
            self._context(failure, form),
            status=400,
        )


class PublicNoticeView(FailurePage):
    access_actions = {"GET": Action.PERSON_UPDATE, "POST": Action.PERSON_UPDATE}

    def _context(self, access: Any, failure: FailureToComply, form: PublicNoticeForm) -> Any:
        person = access.person
        today = _today(person)
        return {
            "failure": failure,
            "form": form,
            "age": age_on(person.date_of_birth, today),
            "act_only": person.managing_jurisdiction_id == "ACT",
        }

    def get(self, request: HttpRequest, failure_id: object) -> HttpResponse:
        access = self.open(request, audit_now=True, failure_id=failure_id, purpose="s 116A")
        failure = FailureToComply.objects.get(pk=failure_id)
        form = PublicNoticeForm(
            initial={
                "decided_on": _today(access.person),  # type: ignore[arg-type]
                "satisfied_failed": True,
                "satisfied_cannot_be_located": failure.cannot_be_located,
                "outcome": "not_publish",
            }
        )
        return self.page(
            request,
            access,
            "compliance/public_notice_form.html",
            self._context(access, failure, form),
        )

    def post(self, request: HttpRequest, failure_id: object) -> HttpResponse:
        access = self.open(request, audit_now=False, failure_id=failure_id)
        failure = FailureToComply.objects.get(pk=failure_id)
        form = PublicNoticeForm(request.POST)
        if form.is_valid():
            cd = form.cleaned_data
            try:
                public_notice_decide(
                    actor=request.user,
                    failure_id=failure.pk,
                    decided_on=cd["decided_on"],
                    decision_maker_name=cd["decision_maker_name"],
                    decision_maker_office=cd["decision_maker_office"],
                    satisfied_failed=cd.get("satisfied_failed") or False,
                    satisfied_cannot_be_located=cd.get("satisfied_cannot_be_located") or False,
                    believes_risk=cd.get("believes_risk") or False,
                    risk_reasons=cd.get("risk_reasons") or "",
                    believes_reduces_risk=cd.get("believes_reduces_risk") or False,
                    reduce_reasons=cd.get("reduce_reasons") or "",
                    outcome=cd["outcome"],
                    include_name=cd.get("include_name") or False,
                    include_photo=cd.get("include_photo") or False,
                    include_description=cd.get("include_description") or False,
                    description=cd.get("description") or "",
                    notice_text=cd.get("notice_text") or "",
                )
            except RuleViolation as violation:
                attach_violation(form, violation)
            else:
                messages.success(request, "Section 116A decision recorded.")
                return HttpResponseRedirect(
                    reverse("compliance:failure", kwargs={"failure_id": failure.pk})
                )
        access.audit_read("s 116A form rejected")
        return self.page(
            request,
            access,
            "compliance/public_notice_form.html",
            self._context(access, failure, form),
            status=400,
        )
