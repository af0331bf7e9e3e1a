"""The passports pages: applications and their documents (served only through the checked
view), the decision page, passport requests with their exports, and the registry's lists."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.passports.models import PassportRequest
from ncos.passports.tests.factories import PDF, apply, authority, draft, second_registrar
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing.tests.factories import (
    OVERSEAS_WITH_NSW_STOPOVER,
    record_travel,
    registrable_person,
    user_for,
)

pytestmark = pytest.mark.django_db


def test_documents_upload_and_the_checked_download(client_for):
    person = registrable_person("ACT")
    permission = apply(person)
    kw = {"person_id": person.pk, "permission_id": permission.pk}
    act = client_for(registrar_for("ACT"))
    add = reverse("passports:permission_document_add", kwargs=kw)
    html = act.post(
        add,
        {
            "file": SimpleUploadedFile("x.pdf", b"<script>alert(1)</script>", "application/pdf"),
            "title": "Fake",
            "kind": "other",
        },
    )
    assert html.status_code == 400
    assert "Only PDF, JPEG or PNG files are accepted." in html.content.decode()
    ok = act.post(
        add,
        {
            "file": SimpleUploadedFile("trip.pdf", PDF, "application/pdf"),
            "title": "Itinerary",
            "kind": "itinerary",
        },
    )
    assert ok.status_code == 302
    document = permission.documents.get()
    url = reverse(
        "passports:permission_document", kwargs={**kw, "permission_document_id": document.pk}
    )
    reader = client_for(user_for("VIC", Role.INVESTIGATOR))
    before = AuditEvent.objects.count()
    response = reader.get(url)
    body = b"".join(response.streaming_content)
    assert body == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(seq__gt=before).count() == 1
    other = apply(person)
    wrong = reverse(
        "passports:permission_document",
        kwargs={
            "person_id": person.pk,
            "permission_id": other.pk,
            "permission_document_id": document.pk,
        },
    )
    assert reader.get(wrong).status_code == 404


def test_a_protected_person_s_document_is_the_stub_without_clearance(client_for):
    person = registrable_person("ACT", protected=True)
    permission = apply(person)
    act = client_for(registrar_for("ACT"))  # cleared
    act.post(
        reverse(
            "passports:permission_document_add",
            kwargs={"person_id": person.pk, "permission_id": permission.pk},
        ),
        {
            "file": SimpleUploadedFile("t.pdf", PDF, "application/pdf"),
            "title": "T",
            "kind": "ticket",
        },
    )
    document = permission.documents.get()
    url = reverse(
        "passports:permission_document",
        kwargs={
            "person_id": person.pk,
            "permission_id": permission.pk,
            "permission_document_id": document.pk,
        },
    )
    response = client_for(user_for("ACT", Role.INVESTIGATOR)).get(url)
    assert response.status_code == 200
    assert b"A restricted record exists" in response.content
    assert PDF not in response.content


def test_the_decision_page_is_the_competent_authority_s(client_for):
    person = registrable_person("ACT")
    permission = apply(person)
    kw = {"person_id": person.pk, "permission_id": permission.pk}
    url = reverse("passports:permission_decide", kwargs=kw)
    assert client_for(registrar_for("ACT")).get(url).status_code == 403
    ca = client_for(authority("ACT"))
    missing = ca.post(
        url,
        {
            "version": 1,
            "decision": "granted_with_conditions",
            "reasons": "ok",
            "decided_on": local_today(person).isoformat(),
        },
    )
    assert "State the conditions of the permission." in missing.content.decode()
    done = ca.post(
        url,
        {
            "version": 1,
            "decision": "granted",
            "reasons": "Low risk.",
            "decided_on": local_today(person).isoformat(),
        },
    )
    assert done.status_code == 302
    detail = ca.get(reverse("passports:permission_detail", kwargs=kw)).content.decode()
    assert "Granted" in detail
    assert "not yet recorded" in detail


def test_request_pages_switch_type_and_refuse_self_approval(client_for):
    person = registrable_person("ACT")
    act = client_for(registrar_for("ACT"))
    url = reverse("passports:request_create", kwargs={"person_id": person.pk})
    limited = act.get(url, {"type": "issue_limited"}).content.decode()
    assert "permission (limited-validity passport)" in limited
    assert "Passport number" not in limited
    response = act.post(
        url,
        {"request_type": "cancel_australian", "grounds": "Risk.", "passport_number": "PA7654321"},
    )
    request = PassportRequest.objects.get(person=person)
    assert response.status_code == 302
    detail = act.get(response["Location"]).content.decode()
    assert "another registrar must approve it" in detail
    approve = reverse(
        "passports:request_approve",
        kwargs={"person_id": person.pk, "passport_request_id": request.pk},
    )
    refused = act.post(approve, {"version": 1})
    assert refused.status_code == 400
    assert "other than the one who wrote it" in refused.content.decode()
    other = client_for(second_registrar("ACT"))
    assert other.post(approve, {"version": 1}).status_code == 302
    request.refresh_from_db()
    assert request.status == "approved"


def test_exports_are_downloads_and_audited(client_for):
    person = registrable_person("ACT", family_name="Exportperson")
    request = draft(person, "cancel_australian")
    kw = {"person_id": person.pk, "passport_request_id": request.pk}
    act = client_for(registrar_for("ACT"))
    before = AuditEvent.objects.count()
    pdf = act.get(reverse("passports:request_pdf", kwargs=kw))
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "EXPORTPERSON" in text.upper()
    doc = act.get(reverse("passports:request_json", kwargs=kw))
    assert json.loads(doc.content)["request"]["reference"] == request.reference
    rows = list(
        AuditEvent.objects.filter(seq__gt=before).order_by("seq").values_list("action", "purpose")
    )
    assert rows == [
        ("person.print", f"passport request {request.reference} for the passport authority"),
        ("person.export", f"passport request {request.reference} for the passport authority"),
    ]
    assert (
        client_for(user_for("ACT", Role.CASE_MANAGER))
        .get(reverse("passports:request_pdf", kwargs=kw))
        .status_code
        == 403
    )


def test_the_lists_of_the_registry(client_for):
    person = registrable_person("ACT", family_name="Listperson")
    hidden = registrable_person("ACT", protected=True, family_name="Canarylist")
    record_travel(person, depart_in=-3, days=10, legs=[("Bali", 0, 10, "Kuta")])
    record_travel(hidden, depart_in=-3, days=10, legs=[("Bali", 0, 10, "Kuta")])
    record_travel(person, legs=OVERSEAS_WITH_NSW_STOPOVER)
    draft(person)
    investigator = client_for(user_for("ACT", Role.INVESTIGATOR))
    flags = investigator.get(reverse("passports:travel_flags")).content.decode()
    assert "LISTPERSON" in flags
    assert "Restricted record" in flags
    assert "CANARYLIST" not in flags.upper()
    assert flags.count("<tr>") == 3  # header + the two departed trips
    planned = investigator.get(reverse("passports:travel_flags"), {"planned": "1"})
    assert planned.content.decode().count("<tr>") == 4
    requests = client_for(registrar_for("ACT")).get(
        reverse("passports:request_list"), {"status": "draft"}
    )
    assert "LISTPERSON" in requests.content.decode()
    assert (
        "No passport requests match."
        in client_for(registrar_for("ACT"))
        .get(reverse("passports:request_list"), {"status": "sent"})
        .content.decode()
    )
    assert investigator.get(reverse("passports:request_list")).status_code == 403
