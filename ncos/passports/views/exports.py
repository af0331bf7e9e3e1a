"""Pages: a passport request exported for the passport authority — the PDF letter and the JSON
document (schema 1.0) — each audited as a print/export of the person."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from ncos.access.actions import Action
from ncos.access.errors import NotFound
from ncos.audit import record as audit
from ncos.documents.render import pdf_response_headers
from ncos.passports import export, selectors
from ncos.registry.views.base import PersonPage


class _ExportView(PersonPage):
    """An export of the request for the passport authority: audited as a print/export of the
    person, with the request and the purpose."""

    access_action = Action.PASSPORT_REQUEST
    audit_action = "person.print"

    def get(self, request: HttpRequest, person_id: object, **kwargs: Any) -> HttpResponse:
        access = self.open(request, person_id, audit_now=False)
        try:
            pr = selectors.request_of(access.person_id, kwargs["passport_request_id"])
        except NotFound:
            access.audit_read("passport request export (not found)")
            raise Http404("No such request.") from None
        body, headers = self.render(pr)
        audit.record_read(
            actor=request.user,  # type: ignore[arg-type]
            object_type="person",
            object_id=access.person_id,
            managing_jurisdiction=access.jurisdiction.code,
            protected=pr.person.protected,
            action=self.audit_action,
            purpose=f"passport request {pr.reference} for the passport authority",
            details={"passport_request": str(pr.pk), "format": self.format},
        )
        access.audited = True
        response = HttpResponse(body)
        for name, value in headers.items():
            response[name] = value
        response._csp_exempt = True  # type: ignore[attr-defined]
        return response

    format = ""

    def render(self, pr: Any) -> tuple[bytes, dict[str, str]]:
        raise NotImplementedError


class RequestPdfView(_ExportView):
    format = "pdf"

    def render(self, pr: Any) -> tuple[bytes, dict[str, str]]:
        return export.request_letter(pr), pdf_response_headers(f"{pr.reference}.pdf")


class RequestJsonView(_ExportView):
    format = "json"
    audit_action = "person.export"

    def render(self, pr: Any) -> tuple[bytes, dict[str, str]]:
        return export.request_json(pr), {
            "Content-Type": "application/json; charset=utf-8",
            "Content-Disposition": f'attachment; filename="{pr.reference}.json"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        }
