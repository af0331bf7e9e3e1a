"""The compliance API: reports (record, list, read), receipts (produce, read, download, mark
given with If-Match), notices (produce, read, download, record service), in the OpenAPI schema,
with access checks and one audit row per request."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ncos.audit.models import AuditEvent
from ncos.compliance.tests.helpers import (
    VEHICLE,
    obligation,
    pdf_text,
    registrable_person,
    today_in,
)

pytestmark = pytest.mark.django_db


def _rows(before):
    return list(AuditEvent.objects.order_by("seq")[before:])


def _post(client, url, data, **headers):
    return client.post(url, data, content_type="application/json", **headers)


def test_record_list_and_read_a_report(client_for, act_registrar):
    person = registrable_person()
    client = client_for(act_registrar)
    url = f"/api/v1/persons/{person.pk}/reports"
    before = AuditEvent.objects.count()
    response = _post(
        client,
        url,
        {
            "kind": "annual",
            "manner": "in_person",
            "received_at": (timezone.now() - timedelta(minutes=5)).isoformat(),
            "photo_id_sighted": True,
            "details": [
                {
                    "op": "record",
                    "kind": "vehicle",
                    "data": VEHICLE,
                    "valid_from": (today_in() - timedelta(days=1)).isoformat(),
                }
            ],
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["kind"] == "annual"
    assert body["acknowledged"] is False
    assert {m["obligation_kind"] for m in body["meets"]} == {"annual_report", "change_of_details"}
    assert all(m["days_late"] == 0 for m in body["meets"])
    assert body["changes"][0]["summary"].startswith("YQZ42A")
    assert [r.action for r in _rows(before)] == ["compliance.report.record"]
    assert obligation(person, "annual_report").status == "met"

    before = AuditEvent.objects.count()
    listed = client.get(url).json()
    assert listed["count"] == 2
    assert listed["results"][0]["id"] == body["id"]
    assert len(_rows(before)) == 1
    read = client.get(f"/api/v1/reports/{body['id']}")
    assert read.status_code == 200
    assert read.json()["reference"] == body["reference"]


def test_a_rule_refusal_is_a_400_with_the_field(client_for, act_registrar):
    person = registrable_person()
    client = client_for(act_registrar)
    before = AuditEvent.objects.count()
    response = _post(
        client,
        f"/api/v1/persons/{person.pk}/reports",
        {
            "kind": "annual",
            "manner": "phone",
            "received_at": (timezone.now() - timedelta(minutes=5)).isoformat(),
        },
    )
    assert response.status_code == 400
    assert response.json()["field"] == "manner"
    assert "in person" in response.json()["error"]
    assert len(_rows(before)) == 1
    bad = _post(client, f"/api/v1/persons/{person.pk}/reports", {"kind": "nonsense"})
    assert bad.status_code == 400
    assert bad.json()["field"] in ("kind", "manner", "received_at")


def test_another_registry_is_refused_and_audited(client_for, nsw_registrar):
    person = registrable_person()
    client = client_for(nsw_registrar)
    before = AuditEvent.objects.count()
    response = _post(client, f"/api/v1/persons/{person.pk}/reports", {})
    assert response.status_code == 403
    assert [r.outcome for r in _rows(before)] == ["denied"]
    assert client.get(f"/api/v1/persons/{person.pk}/reports").status_code == 200  # may read


def test_receipt_generate_download_and_mark_given_with_if_match(client_for, act_registrar):
    person = registrable_person()
    client = client_for(act_registrar)
    report = _post(
        client,
        f"/api/v1/persons/{person.pk}/reports",
        {
            "kind": "annual",
            "manner": "in_person",
            "received_at": (timezone.now() - timedelta(minutes=5)).isoformat(),
        },
    ).json()
    made = _post(client, f"/api/v1/reports/{report['id']}/receipts", {})
    assert made.status_code == 201
    assert made["ETag"] == '"1"'
    receipt = made.json()
    pdf = client.get(receipt["pdf_url"])
    assert pdf.status_code == 200
    assert "Acknowledgement of report" in pdf_text(pdf.content)
    given_url = f"/api/v1/receipts/{receipt['id']}/given"
    data = {"given_at": timezone.now().isoformat(), "how": "email"}
    assert _post(client, given_url, data).status_code == 428
    assert _post(client, given_url, data, HTTP_IF_MATCH='"9"').status_code == 412
    ok = _post(client, given_url, data, HTTP_IF_MATCH='"1"')
    assert ok.status_code == 200
    assert ok.json()["given_how"] == "email"
    assert ok["ETag"] == '"2"'
    again = _post(client, given_url, data, HTTP_IF_MATCH='"2"')
    assert again.status_code == 400
    assert "already" in again.json()["error"]
    assert client.get(f"/api/v1/reports/{report['id']}").json()["acknowledged"] is True


def test_notice_generate_and_record_service(client_for, act_registrar):
    person = registrable_person()
    client = client_for(act_registrar)
    made = _post(client, f"/api/v1/persons/{person.pk}/notices", {"reason": "any_time"})
    assert made.status_code == 201
    notice = made.json()
    assert notice["form"] == "act"
    assert notice["version"] == 1
    assert "Notice of Reporting Obligations" in pdf_text(client.get(notice["pdf_url"]).content)
    url = f"/api/v1/notices/{notice['id']}/service"
    data = {"served_at": timezone.now().isoformat(), "how": "in_person", "explained": True}
    assert _post(client, url, data).status_code == 428
    served = _post(client, url, data, HTTP_IF_MATCH='"1"')
    assert served.status_code == 200
    assert served.json()["explained"] is True
    listed = client.get(f"/api/v1/persons/{person.pk}/notices").json()
    assert listed["results"][0]["served_how"] == "in_person"


def test_a_protected_person_is_restricted_for_an_uncleared_reader(client_for, act_investigator):
    person = registrable_person(protected=True)
    response = client_for(act_investigator).get(f"/api/v1/persons/{person.pk}/reports")
    assert response.status_code == 200
    assert response.json()["restricted"] is True
    assert person.family_name not in response.content.decode()


def test_the_operations_are_in_the_openapi_schema(client_for, act_registrar):
    schema = client_for(act_registrar).get("/api/v1/schema/", {"format": "json"}).json()
    ids = {
        op.get("operationId")
        for path in schema["paths"].values()
        for op in path.values()
        if isinstance(op, dict)
    }
    assert {
        "compliance_reports_list",
        "compliance_report_record",
        "compliance_report_read",
        "compliance_receipt_generate",
        "compliance_receipt_read",
        "compliance_receipt_download",
        "compliance_receipt_mark_given",
        "compliance_notices_list",
        "compliance_notice_generate",
        "compliance_notice_read",
        "compliance_notice_download",
        "compliance_notice_record_service",
    } <= ids
