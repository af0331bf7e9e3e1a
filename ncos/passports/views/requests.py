"""Pages: passport requests from draft to outcome, their exports (PDF letter, JSON document),
the registry's list of requests, and overseas travel without permission."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import Http404, HttpRequest
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.passports import selectors, services
from ncos.passports.choices import RequestStatus, RequestType
from ncos.passports.forms import (
    AcknowledgeForm,
    NoteForm,
    OutcomeForm,
    RequestForm,
    RequestTypeForm,
    SendForm,
    WithdrawForm,
)
from ncos.passports.views.base import RecordFormPage
from ncos.registry.selectors import PersonAccess
from ncos.registry.services._common import local_today
from ncos.registry.views.base import PersonPage
from ncos.sharing.views.common import tabs_context


def request_url(person_id: Any, request_id: Any) -> str:
    return reverse(
        "passports:request_detail",
        kwargs={"person_id": person_id, "passport_request_id": request_id},
    )


class _RequestPage(RecordFormPage):
    record_kwarg, context_name, not_found = (
        "passport_request_id",
        "passport_request",
        "No such request.",
    )

    def lookup(self, person_id: Any, record_id: Any) -> Any:
        return selectors.request_of(person_id, record_id)

    def record_url(self, person_id: Any, record_id: Any) -> str:
        return request_url(person_id, record_id)


def _request_type(request: HttpRequest) -> str:
    wanted = request.POST.get("request_type") or request.GET.get("type") or ""
    return wanted if wanted in RequestType.values else ""


def _initial_passport(person: Any) -> dict[str, Any]:
    from ncos.registry.models import Detail

    fact = (
        Detail.objects.filter(person=person, kind="passport", is_current=True, withdrawn=False)
        .order_by("-recorded_at")
        .first()
    )
    if fact is None:
        return {}
    return {
        "passport_number": fact.data.get("number", ""),
        "passport_country": fact.data.get("country", ""),
        "passport_expires_on": fact.data.get("expires_on"),
    }


class RequestCreateView(_RequestPage):
    access_actions = {"GET": Action.PASSPORT_REQUEST, "POST": Action.PASSPORT_REQUEST}
    title = "Draft a passport request"
    submit_label = "Save the draft"
    success_message = "Draft saved. Another registrar must approve it before it is sent."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        kind = _request_type(request) or RequestType.CANCEL_AUSTRALIAN
        person = access.person
        permissions = selectors.granted_permissions(person) if person else []
        initial = _initial_passport(person) if person else {}
        if kind == RequestType.ISSUE_LIMITED and permissions:
            initial["travel_permission"] = str(permissions[0].pk)
            if permissions[0].return_on:
                initial["valid_until"] = permissions[0].return_on
        return {
            "type": RequestTypeForm(data, initial={"request_type": kind}),
            "form": RequestForm(data, request_type=kind, permissions=permissions, initial=initial),
        }

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        context = super().extra_context(request, access, **kwargs)
        context["type_links"] = [
            (value, label, f"{request.path}?type={value}") for value, label in RequestType.choices
        ]
        return context

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        form = forms["form"]
        created = services.passport_request_create(
            actor=request.user,
            person_id=access.person_id,
            request_type=forms["type"].cleaned_data["request_type"],
            grounds=form.cleaned_data["grounds"],
            **form.values(),  # type: ignore[attr-defined]
        )
        return request_url(access.person_id, created.pk)


class RequestEditView(_RequestPage):
    access_actions = {"GET": Action.PASSPORT_REQUEST, "POST": Action.PASSPORT_REQUEST}
    title = "Edit the draft request"
    submit_label = "Save the draft"
    success_message = "Draft saved."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        pr = self.record(access, kwargs)
        permissions = selectors.granted_permissions(access.person) if access.person else []
        initial = {
            "version": pr.version,
            "grounds": pr.grounds,
            "passport_number": pr.passport_number,
            "passport_country": pr.passport_country,
            "passport_expires_on": pr.passport_expires_on,
            "surrender_by": pr.surrender_by,
            "travel_permission": str(pr.travel_permission_id or ""),
            "valid_until": pr.valid_until,
        }
        return {
            "version": NoteForm(data, prefix="v", initial={"version": pr.version}),
            "form": RequestForm(
                data, request_type=pr.request_type, permissions=permissions, initial=initial
            ),
        }

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        form = forms["form"]
        services.passport_request_update(
            actor=request.user,
            request_id=kwargs["passport_request_id"],
            expected_version=forms["version"].cleaned_data["version"],
            grounds=form.cleaned_data["grounds"],
            **form.values(),  # type: ignore[attr-defined]
        )
        return request_url(access.person_id, kwargs["passport_request_id"])


class _StepView(_RequestPage):
    form_class: type[Form] = NoteForm

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        pr = self.record(access, kwargs)
        return {"form": self.form_class(data, initial=self.initial(pr, access))}

    def initial(self, pr: Any, access: PersonAccess) -> dict[str, Any]:
        return {"version": pr.version}

    def step(self, request: HttpRequest, data: dict[str, Any], request_id: Any) -> None:
        raise NotImplementedError

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        self.step(request, forms["form"].cleaned_data, kwargs["passport_request_id"])
        return request_url(access.person_id, kwargs["passport_request_id"])


class RequestApproveView(_StepView):
    access_actions = {"GET": Action.PASSPORT_APPROVE, "POST": Action.PASSPORT_APPROVE}
    title = "Approve the request"
    submit_label = "Approve"
    success_message = "Request approved. It can now be exported and sent."

    def step(self, request: HttpRequest, data: dict[str, Any], request_id: Any) -> None:
        services.passport_request_approve(
            actor=request.user,
            request_id=request_id,
            expected_version=data["version"],
            note=data.get("note") or "",
        )


class RequestSendView(_StepView):
    access_actions = {"GET": Action.PASSPORT_REQUEST, "POST": Action.PASSPORT_REQUEST}
    form_class = SendForm
    title = "Record that the request was sent to the passport authority"
    submit_label = "Record as sent"
    success_message = "Recorded as sent."

    def step(self, request: HttpRequest, data: dict[str, Any], request_id: Any) -> None:
        services.passport_request_send(
            actor=request.user,
            request_id=request_id,
            expected_version=data["version"],
            channel=data["channel"],
            note=data.get("note") or "",
        )


class RequestAcknowledgeView(_StepView):
    access_actions = {"GET": Action.PASSPORT_REQUEST, "POST": Action.PASSPORT_REQUEST}
    form_class = AcknowledgeForm
    title = "Record the passport authority's acknowledgement"
    submit_label = "Record"
    success_message = "Acknowledgement recorded."

    def step(self, request: HttpRequest, data: dict[str, Any], request_id: Any) -> None:
        services.passport_request_acknowledge(
            actor=request.user,
            request_id=request_id,
            expected_version=data["version"],
            authority_reference=data["authority_reference"],
            acknowledged_at=data.get("acknowledged_at"),
        )


class RequestOutcomeView(_StepView):
    access_actions = {"GET": Action.PASSPORT_APPROVE, "POST": Action.PASSPORT_APPROVE}
    form_class = OutcomeForm
    title = "Record the passport authority's outcome"
    submit_label = "Record the outcome"
    success_message = "Outcome recorded; the person's passport details were updated."

    def initial(self, pr: Any, access: PersonAccess) -> dict[str, Any]:
        return {
            "version": pr.version,
            "outcome_on": local_today(access.person) if access.person else None,
            "document_number": pr.passport_number,
        }

    def step(self, request: HttpRequest, data: dict[str, Any], request_id: Any) -> None:
        services.passport_request_outcome(
            actor=request.user,
            request_id=request_id,
            expected_version=data["version"],
            outcome_on=data["outcome_on"],
            document_number=data.get("document_number") or "",
            expires_on=data.get("expires_on"),
            notes=data.get("notes") or "",
        )


class RequestWithdrawView(_StepView):
    access_actions = {"GET": Action.PASSPORT_REQUEST, "POST": Action.PASSPORT_REQUEST}
    form_class = WithdrawForm
    title = "Withdraw the request"
    submit_label = "Withdraw"
    success_message = "Request withdrawn."

    def step(self, request: HttpRequest, data: dict[str, Any], request_id: Any) -> None:
        services.passport_request_withdraw(
            actor=request.user,
            request_id=request_id,
            expected_version=data["version"],
            reason=data["reason"],
        )


class RequestDetailView(PersonPage):
    template_name = "passports/request_detail.html"
    tab = "travel"
    purpose = "passport request"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        try:
            pr = selectors.request_of(access.person_id, kwargs["passport_request_id"])
        except NotFound:
            raise Http404("No such request.") from None
        user = request.user
        managing = user.jurisdiction_id == pr.person.managing_jurisdiction_id  # type: ignore[union-attr]
        roles = set(user.roles)  # type: ignore[union-attr]
        requester = managing and bool(roles & {"registrar", "competent_authority"})
        registrar = managing and "registrar" in roles
        status = pr.status
        return {
            **tabs_context(),
            "pr": pr,
            "events": list(pr.events.select_related("by")),
            "can_export": requester,
            "actions": [
                (label, name)
                for label, name, allowed in (
                    (
                        "Edit the draft",
                        "passports:request_edit",
                        requester and status == RequestStatus.DRAFT,
                    ),
                    (
                        "Approve",
                        "passports:request_approve",
                        registrar
                        and status == RequestStatus.DRAFT
                        and user.pk not in (pr.created_by_id, pr.updated_by_id),
                    ),
                    (
                        "Record as sent",
                        "passports:request_send",
                        requester and status == RequestStatus.APPROVED,
                    ),
                    (
                        "Record the acknowledgement",
                        "passports:request_acknowledge",
                        requester and status == RequestStatus.SENT,
                    ),
                    (
                        "Record the outcome",
                        "passports:request_outcome",
                        registrar and status in (RequestStatus.SENT, RequestStatus.ACKNOWLEDGED),
                    ),
                    (
                        "Withdraw",
                        "passports:request_withdraw",
                        requester
                        and status
                        in (
                            RequestStatus.DRAFT,
                            RequestStatus.APPROVED,
                            RequestStatus.SENT,
                            RequestStatus.ACKNOWLEDGED,
                        ),
                    ),
                )
                if allowed
            ],
            "self_approval_blocked": registrar
            and status == RequestStatus.DRAFT
            and user.pk in (pr.created_by_id, pr.updated_by_id),
        }
