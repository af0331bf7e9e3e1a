"""Pages for records sent from one registry to another: a travel notification (read by
anyone who may read the person; answered by the registry it was sent to) and a transfer of
management (decided by the registry asked to take the person over)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.errors import ConflictError, NotFound, RuleViolation
from ncos.access.views import AccessMixin
from ncos.registry.selectors import PersonAccess
from ncos.registry.views.base import attach_violation, render_stub
from ncos.sharing import selectors, services
from ncos.sharing.choices import NotificationStatus, TransferStatus
from ncos.sharing.forms import AcknowledgeForm, ContactForm, TransferDecisionForm
from ncos.sharing.views.common import tabs_context


def notification_url(notification_id: Any) -> str:
    return reverse("sharing:notification_detail", kwargs={"notification_id": notification_id})


def transfer_url(transfer_id: Any) -> str:
    return reverse("sharing:transfer_detail", kwargs={"transfer_id": transfer_id})


class NotificationDetailView(AccessMixin):
    """What the notification carries, plus the person per the normal access rules."""

    access_action = Action.PERSON_VIEW

    def get(self, request: HttpRequest, notification_id: Any) -> HttpResponse:
        try:
            notification, access = selectors.notification_access(
                actor=request.user, notification_id=notification_id
            )
        except NotFound:
            raise Http404("No such notification.") from None
        if access.stub:
            return render_stub(request, access)
        user = request.user
        answering = user.jurisdiction_id == notification.to_jurisdiction_id  # type: ignore[union-attr]
        return render(
            request,
            "sharing/notification_detail.html",
            {
                "n": notification,
                "person": access.person,
                "content": notification.content,
                "requirements": notification.content.get("requirements") or {},
                "answering": answering,
                "acknowledge_form": AcknowledgeForm(initial={"version": notification.version}),
                "contact_form": ContactForm(initial={"version": notification.version}),
                "pending": notification.status == NotificationStatus.PENDING,
                "withdrawn": notification.status == NotificationStatus.WITHDRAWN,
                "escalated": notification.status == NotificationStatus.PENDING
                and notification.ack_due_on
                < selectors.local_today(notification.to_jurisdiction_id),
            },
        )


class AddressedFormPage(AccessMixin):
    """GET shows the form, POST calls the service; refusals are 403 pages (audited), a
    conflict is a 409 page, an invalid form re-renders with one read row."""

    access_actions = {"GET": Action.INBOX_RESPOND, "POST": Action.INBOX_RESPOND}
    form_class: type[Form] = Form
    title = ""
    submit_label = "Save"
    success_message = "Saved."

    def open(
        self, request: HttpRequest, object_id: Any, audit_now: bool
    ) -> tuple[Any, PersonAccess]:
        raise NotImplementedError

    def perform(self, request: HttpRequest, obj: Any, form: Form) -> str:
        raise NotImplementedError

    def initial(self, obj: Any) -> dict[str, Any]:
        return {"version": obj.version}

    def _open(self, request: HttpRequest, object_id: Any, audit_now: bool) -> tuple[Any, Any]:
        try:
            return self.open(request, object_id, audit_now)
        except NotFound:
            raise Http404("Not found.") from None

    def show(
        self, request: HttpRequest, obj: Any, access: PersonAccess, form: Form, status: int = 200
    ) -> HttpResponse:
        return render(
            request,
            "sharing/addressed_form.html",
            {
                "obj": obj,
                "person": access.person,
                "form": form,
                "title": self.title,
                "submit_label": self.submit_label,
                "back_url": self.back_url(obj),
                "summary": self.summary(obj),
            },
            status=status,
        )

    def back_url(self, obj: Any) -> str:
        raise NotImplementedError

    def summary(self, obj: Any) -> list[tuple[str, Any]]:
        return []

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj, access = self._open(request, next(iter(kwargs.values())), audit_now=True)
        return self.show(request, obj, access, self.form_class(initial=self.initial(obj)))

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        obj, access = self._open(request, next(iter(kwargs.values())), audit_now=False)
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                url = self.perform(request, obj, form)
            except RuleViolation as violation:
                attach_violation({"form": form}, violation)
            except ConflictError as error:
                access.audit_read("conflict")
                return render(
                    request,
                    "sharing/conflict.html",
                    {
                        "message": str(error),
                        "retry_url": request.path,
                        "back_url": self.back_url(obj),
                        "title": self.title,
                    },
                    status=409,
                )
            else:
                messages.success(request, self.success_message)
                return HttpResponseRedirect(url)
        access.audit_read("form rejected")
        return self.show(request, obj, access, form, status=400)


class NotificationAcknowledgeView(AddressedFormPage):
    form_class = AcknowledgeForm
    title = "Acknowledge the travel notification"
    submit_label = "Acknowledge"
    success_message = "Notification acknowledged."

    def open(self, request: HttpRequest, object_id: Any, audit_now: bool) -> Any:
        return selectors.notification_access(
            actor=request.user,
            notification_id=object_id,
            action=Action.INBOX_RESPOND,
            audit_now=audit_now,
            purpose="acknowledge notification",
        )

    def back_url(self, obj: Any) -> str:
        return notification_url(obj.pk)

    def summary(self, obj: Any) -> list[tuple[str, Any]]:
        return [
            ("Notification", obj.reference),
            ("From", obj.from_jurisdiction_id),
            ("Arrives", obj.first_arrival_on),
            ("Acknowledge by", obj.ack_due_on),
        ]

    def perform(self, request: HttpRequest, obj: Any, form: Form) -> str:
        services.notification_acknowledge(
            actor=request.user,
            notification_id=obj.pk,
            expected_version=form.cleaned_data["version"],
            note=form.cleaned_data.get("note") or "",
        )
        return notification_url(obj.pk)


class NotificationContactView(NotificationAcknowledgeView):
    form_class = ContactForm
    title = "Record the traveller's arrival contact"
    submit_label = "Record the contact"
    success_message = "Arrival contact recorded."

    def perform(self, request: HttpRequest, obj: Any, form: Form) -> str:
        data = form.cleaned_data
        services.notification_record_contact(
            actor=request.user,
            notification_id=obj.pk,
            expected_version=data["version"],
            contact_at=data["contact_at"],
            manner=data["manner"],
            notes=data.get("notes") or "",
        )
        return notification_url(obj.pk)


class TransferDetailView(AccessMixin):
    access_action = Action.PERSON_VIEW

    def get(self, request: HttpRequest, transfer_id: Any) -> HttpResponse:
        try:
            transfer, access = selectors.transfer_access(
                actor=request.user, transfer_id=transfer_id
            )
        except NotFound:
            raise Http404("No such transfer.") from None
        if access.stub:
            return render_stub(request, access)
        code = request.user.jurisdiction_id  # type: ignore[union-attr]
        return render(
            request,
            "sharing/transfer_detail.html",
            {
                "t": transfer,
                "person": access.person,
                "open": transfer.status == TransferStatus.REQUESTED,
                "deciding": code == transfer.to_jurisdiction_id,
                "requesting": code == transfer.from_jurisdiction_id,
                **tabs_context(),
            },
        )


class TransferDecideView(AddressedFormPage):
    access_actions = {"GET": Action.TRANSFER_DECIDE, "POST": Action.TRANSFER_DECIDE}
    form_class = TransferDecisionForm
    title = "Accept or refuse the transfer of management"
    submit_label = "Record the decision"
    success_message = "Decision recorded."

    def open(self, request: HttpRequest, object_id: Any, audit_now: bool) -> Any:
        return selectors.transfer_access(
            actor=request.user,
            transfer_id=object_id,
            action=Action.TRANSFER_DECIDE,
            audit_now=audit_now,
            purpose="decide transfer",
        )

    def back_url(self, obj: Any) -> str:
        return transfer_url(obj.pk)

    def summary(self, obj: Any) -> list[tuple[str, Any]]:
        return [
            ("Transfer", obj.reference),
            ("From", obj.from_jurisdiction_id),
            ("Entered on", obj.entered_on),
            ("Handover note", obj.handover_note),
        ]

    def perform(self, request: HttpRequest, obj: Any, form: Form) -> str:
        data = form.cleaned_data
        if data["decision"] == "accept":
            services.transfer_accept(
                actor=request.user,
                transfer_id=obj.pk,
                expected_version=data["version"],
                note=data.get("note") or "",
            )
        else:
            services.transfer_refuse(
                actor=request.user,
                transfer_id=obj.pk,
                expected_version=data["version"],
                reason=data.get("note") or "",
            )
        return transfer_url(obj.pk)
