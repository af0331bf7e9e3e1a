"""Pages: an application for permission to travel overseas, the competent authority's decision,
telling the traveller, supporting documents and notices to foreign law enforcement."""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.urls import reverse

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.passports import selectors, services
from ncos.passports.forms import (
    DecideForm,
    DocumentForm,
    ForeignNoticeForm,
    PermissionForm,
    ToldForm,
    split_list,
)
from ncos.passports.views.base import RecordFormPage
from ncos.registry.selectors import PersonAccess
from ncos.registry.services._common import local_today
from ncos.registry.views.base import PersonPage, render_stub
from ncos.sharing.models import TravelPlan
from ncos.sharing.views.common import tabs_context

FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"


def permission_url(person_id: Any, permission_id: Any) -> str:
    return reverse(
        "passports:permission_detail",
        kwargs={"person_id": person_id, "permission_id": permission_id},
    )


class _PermissionPage(RecordFormPage):
    record_kwarg, context_name, not_found = "permission_id", "permission", "No such application."

    def lookup(self, person_id: Any, record_id: Any) -> Any:
        return selectors.permission_of(person_id, record_id)

    def record_url(self, person_id: Any, record_id: Any) -> str:
        return permission_url(person_id, record_id)


class PermissionCreateView(_PermissionPage):
    title = "Record an application for permission to travel overseas"
    submit_label = "Record the application"
    success_message = "Application recorded; it waits for the competent authority's decision."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        person = access.person
        plans = list(
            TravelPlan.objects.filter(person_id=access.person_id, overseas=True, state="planned")
        )
        initial: dict[str, Any] = {"applied_on": local_today(person) if person else None}
        chosen = next((p for p in plans if str(p.pk) == request.GET.get("travel")), None)
        if chosen is not None:
            initial.update(
                travel_plan=str(chosen.pk),
                destinations=", ".join(leg.country for leg in chosen.legs.all() if leg.is_overseas),
                depart_on=chosen.depart_on,
                return_on=chosen.return_on,
                purpose=chosen.purpose,
            )
        return {"form": PermissionForm(data, plans=plans, initial=initial)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        permission = services.permission_apply(
            actor=request.user,
            person_id=access.person_id,
            destinations=split_list(data["destinations"]),
            depart_on=data["depart_on"],
            return_on=data.get("return_on"),
            purpose=data["purpose"],
            applied_on=data["applied_on"],
            travel_plan_id=data.get("travel_plan") or None,
        )
        return permission_url(access.person_id, permission.pk)


class PermissionDetailView(PersonPage):
    template_name = "passports/permission_detail.html"
    tab = "travel"
    purpose = "travel permission"

    def extra_context(
        self, request: HttpRequest, access: PersonAccess, **kwargs: Any
    ) -> dict[str, Any]:
        try:
            permission = selectors.permission_of(access.person_id, kwargs["permission_id"])
        except NotFound:
            raise Http404("No such application.") from None
        person = access.person
        code = request.user.jurisdiction_id  # type: ignore[union-attr]
        managing = person is not None and code == person.managing_jurisdiction_id
        roles = request.user.roles  # type: ignore[union-attr]
        return {
            **tabs_context(),
            "permission": permission,
            "documents": list(permission.documents.select_related("uploaded_by")),
            "notices": list(permission.foreign_notices.select_related("recorded_by")),
            "can_decide": managing and "competent_authority" in roles,
            "can_write": managing and bool({"registrar", "case_manager"} & set(roles)),
            "requests": list(permission.passport_requests.all()),
        }


class PermissionDecideView(_PermissionPage):
    access_actions = {"GET": Action.TRAVEL_DECIDE, "POST": Action.TRAVEL_DECIDE}
    title = "Decide the application (competent authority)"
    submit_label = "Record the decision"
    success_message = "Decision recorded. Record how and when the traveller was told."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        permission = self.record(access, kwargs)
        initial = {
            "version": permission.version,
            "decided_on": local_today(access.person) if access.person else None,
        }
        return {"form": DecideForm(data, initial=initial)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        services.permission_decide(
            actor=request.user,
            permission_id=kwargs["permission_id"],
            expected_version=data["version"],
            decision=data["decision"],
            reasons=data["reasons"],
            conditions=data.get("conditions") or "",
            decided_on=data["decided_on"],
        )
        return permission_url(access.person_id, kwargs["permission_id"])


class PermissionToldView(_PermissionPage):
    access_actions = {"GET": Action.TRAVEL_DECIDE, "POST": Action.TRAVEL_DECIDE}
    title = "Record how and when the traveller was told of the decision"
    submit_label = "Record"
    success_message = "Recorded."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        permission = self.record(access, kwargs)
        return {"form": ToldForm(data, initial={"version": permission.version})}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        services.permission_record_told(
            actor=request.user,
            permission_id=kwargs["permission_id"],
            expected_version=data["version"],
            told_at=data["told_at"],
            told_how=data["told_how"],
        )
        return permission_url(access.person_id, kwargs["permission_id"])


class PermissionDocumentAddView(_PermissionPage):
    title = "Add a supporting document"
    submit_label = "Upload"
    success_message = "Document added."
    multipart = True

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        self.record(access, kwargs)
        return {"form": DocumentForm(data, files)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        services.permission_add_document(
            actor=request.user,
            permission_id=kwargs["permission_id"],
            upload=data["file"],
            title=data["title"],
            kind=data["kind"],
        )
        return permission_url(access.person_id, kwargs["permission_id"])


class ForeignNoticeAddView(_PermissionPage):
    title = "Record a notice to foreign law enforcement"
    submit_label = "Record the notice"
    success_message = "Notice recorded."

    def build_forms(
        self,
        request: HttpRequest,
        access: PersonAccess,
        data: Any = None,
        files: Any = None,
        **kwargs: Any,
    ) -> dict[str, Form]:
        permission = self.record(access, kwargs)
        initial = {"country": permission.destinations[0] if permission.destinations else ""}
        return {"form": ForeignNoticeForm(data, initial=initial)}

    def perform(
        self, request: HttpRequest, access: PersonAccess, forms: dict[str, Form], **kwargs: Any
    ) -> str:
        data = forms["form"].cleaned_data
        services.foreign_notice_record(
            actor=request.user,
            permission_id=kwargs["permission_id"],
            country=data["country"],
            agency=data["agency"],
            sent_at=data["sent_at"],
            channel=data["channel"],
            details_sent=data["details_sent"],
            reference=data.get("reference") or "",
        )
        return permission_url(access.person_id, kwargs["permission_id"])


class PermissionDocumentFileView(PersonPage):
    """The document itself: access-checked, audited, a sandboxed download."""

    access_action = Action.PERSON_VIEW

    def get(self, request: HttpRequest, person_id: object, **kwargs: Any) -> HttpResponse:
        access = self.open(request, person_id, audit_now=False)
        if access.stub:
            access.audit_read("travel permission document")
            return render_stub(request, access)
        try:
            permission = selectors.permission_of(access.person_id, kwargs["permission_id"])
            document = selectors.document_of(permission, kwargs["permission_document_id"])
        except NotFound:
            access.audit_read("travel permission document (not found)")
            raise Http404("No such document.") from None
        access.audit_read("travel permission document", document_id=str(document.pk))
        extension = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(
            document.content_type, "bin"
        )
        response = FileResponse(
            services.open_document(document), content_type=document.content_type
        )
        response["Content-Disposition"] = (
            f'attachment; filename="document-{document.pk}.{extension}"'
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "no-store"
        response["Content-Security-Policy"] = FILE_CSP
        response._csp_exempt = True  # type: ignore[attr-defined]
        return response
