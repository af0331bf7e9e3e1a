"""The register's API: shapes, filters, If-Match (428/412), the stub, refusals, audit rows."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from ncos.audit.models import AuditEvent
from ncos.registry import services
from ncos.registry.models import Detail, Person
from ncos.registry.tests.factories import ADDRESS, make_person

pytestmark = pytest.mark.django_db


def api(name: str, **kw: object) -> str:
    return reverse(f"api:{name}", kwargs=kw or None)


def _rows_after(before: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.order_by("seq")[before:])


@pytest.fixture
def browser(act_registrar, client_for):  # type: ignore[no-untyped-def]
    return client_for(act_registrar)


def _json(client, method, path, data=None, **headers):  # type: ignore[no-untyped-def]
    return client.generic(
        method,
        path,
        data=__import__("json").dumps(data or {}),
        content_type="application/json",
        **headers,
    )


def test_create_read_and_update_with_if_match(browser, act_registrar, frozen):
    created = _json(
        browser,
        "POST",
        api("persons"),
        {
            "family_name": "Apiperson",
            "given_names": "Ann",
            "date_of_birth": "1990-01-02",
            "sex": "female",
            "aliases": [{"family_name": "Apipersen", "given_names": "Anne"}],
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["family_name"], body["status"], body["record_kind"], body["version"]) == (
        "Apiperson",
        "managed",
        "MPS",
        1,
    )
    assert created["ETag"] == '"1"'
    person_id = body["id"]

    read = browser.get(api("person", person_id=person_id))
    assert read.status_code == 200
    assert read["ETag"] == '"1"'
    assert read.json()["national_id"] == body["national_id"]

    before = AuditEvent.objects.count()
    missing = _json(
        browser, "PATCH", api("person", person_id=person_id), {"caution": "x", "reason": "r"}
    )
    assert missing.status_code == 428
    assert missing.json()["error"].startswith("Send If-Match")
    stale = _json(
        browser,
        "PATCH",
        api("person", person_id=person_id),
        {"caution": "x", "reason": "r"},
        HTTP_IF_MATCH='"7"',
    )
    assert stale.status_code == 412
    assert Person.objects.get(pk=person_id).caution == ""
    assert [(r.outcome, r.reason) for r in _rows_after(before)] == [
        ("error", "precondition required"),
        ("error", "stale version"),
    ]

    ok = _json(
        browser,
        "PATCH",
        api("person", person_id=person_id),
        {"caution": "violent", "reason": "intel"},
        HTTP_IF_MATCH='"1"',
    )
    assert ok.status_code == 200
    assert ok["ETag"] == '"2"'
    assert ok.json()["caution"] == "violent"
    again = _json(
        browser,
        "PATCH",
        api("person", person_id=person_id),
        {"caution": "none", "reason": "r"},
        HTTP_IF_MATCH='"1"',
    )
    assert again.status_code == 412
    assert Person.objects.get(pk=person_id).caution == "violent"


def test_validation_errors_name_the_field(browser, frozen):
    response = _json(
        browser, "POST", api("persons"), {"family_name": "X", "date_of_birth": "1990-02-30"}
    )
    assert response.status_code == 400
    assert response.json()["field"] == "date_of_birth"
    response = _json(
        browser, "POST", api("persons"), {"family_name": "X", "date_of_birth": "2090-01-01"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "The date of birth cannot be in the future.",
        "field": "date_of_birth",
    }
    assert not Person.objects.exists()


def test_list_filters_and_one_search_row(browser, act_registrar, act_cleared, frozen):
    a = make_person("ACT", actor=act_registrar, family_name="Alpha")
    make_person("ACT", actor=act_registrar, family_name="Bravo", date_of_birth=date(1970, 1, 1))
    make_person("ACT", actor=act_cleared, protected=True, family_name="Hidden")
    before = AuditEvent.objects.count()
    response = browser.get(api("persons") + "?born_from=1980-01-01&sort=name")
    body = response.json()
    assert response.status_code == 200
    assert [p["family_name"] for p in body["results"]] == ["Alpha"]  # protected left out
    assert body["count"] == 1
    rows = _rows_after(before)
    assert [(r.action, r.details["result_ids"]) for r in rows] == [("person.search", [str(a.pk)])]
    by_id = browser.get(api("persons") + f"?national_id={a.national_id.lower()}")
    assert [p["id"] for p in by_id.json()["results"]] == [str(a.pk)]
    assert browser.get(api("persons") + "?status=nonsense").status_code == 400


def test_protected_person_api_gives_the_stub(act_cleared, act_investigator, client_for, frozen):
    person = make_person("ACT", actor=act_cleared, protected=True, family_name="Canaryname")
    browser = client_for(act_investigator)
    for name in (
        "person",
        "person-details",
        "person-offences",
        "person-obligations",
        "person-timeline",
        "person-photos",
        "person-documents",
        "person-orders",
    ):
        before = AuditEvent.objects.count()
        response = browser.get(api(name, person_id=person.pk))
        assert response.status_code == 200, name
        body = response.json()
        assert body["restricted"] is True
        assert body["managing_jurisdiction"] == "ACT"
        assert set(body) == {
            "id",
            "restricted",
            "message",
            "managing_jurisdiction",
            "registry",
            "contact",
        }
        assert "Canaryname" not in response.content.decode()
        assert [r.outcome for r in _rows_after(before)] == ["stub"]


def test_refused_writes_change_nothing_and_are_audited(
    nsw_registrar, act_registrar, act_investigator, client_for, frozen
):
    person = make_person("ACT", actor=act_registrar)
    for user in (nsw_registrar, act_investigator):
        browser = client_for(user)
        before = AuditEvent.objects.count()
        response = _json(
            browser,
            "POST",
            api("person-details", person_id=person.pk),
            {"kind": "address", "data": ADDRESS},
        )
        assert response.status_code == 403
        assert [(r.outcome, r.object_id) for r in _rows_after(before)] == [
            ("denied", str(person.pk))
        ]
    assert not Detail.objects.filter(person=person, kind="address").exists()


def test_details_record_correct_and_history(browser, act_registrar, frozen):
    person = make_person("ACT", actor=act_registrar)
    created = _json(
        browser,
        "POST",
        api("person-details", person_id=person.pk),
        {"kind": "address", "data": ADDRESS, "valid_from": "2020-01-01"},
    )
    assert created.status_code == 201
    detail_id = created.json()["id"]
    assert created["ETag"] == f'"{detail_id}"'
    bad = _json(
        browser,
        "POST",
        api("person-details", person_id=person.pk),
        {"kind": "address", "data": {"address_type": "residence"}},
    )
    assert bad.status_code == 400
    assert bad.json()["field"] == "locality"

    correct = api("person-detail-correct", person_id=person.pk, detail_id=detail_id)
    fixed = {
        "data": {**ADDRESS, "line1": "7 Example Street"},
        "valid_from": "2020-01-01",
        "reason": "typo",
    }
    assert _json(browser, "POST", correct, fixed).status_code == 428
    ok = _json(browser, "POST", correct, fixed, HTTP_IF_MATCH=f'"{detail_id}"')
    assert ok.status_code == 201
    assert ok.json()["sequence"] == 2
    assert ok.json()["supersedes"] == detail_id
    stale = _json(browser, "POST", correct, fixed, HTTP_IF_MATCH=f'"{detail_id}"')
    assert stale.status_code == 412

    current = browser.get(api("person-details", person_id=person.pk) + "?kind=address")
    assert [d["data"]["line1"] for d in current.json()["results"]] == ["7 Example Street"]
    history = browser.get(api("person-details", person_id=person.pk) + "?kind=address&history=true")
    assert [(d["sequence"], d["is_current"]) for d in history.json()["results"]] == [
        (2, True),
        (1, False),
    ]
    as_at = browser.get(api("person-details", person_id=person.pk) + "?as_at=2019-12-31")
    assert [d["kind"] for d in as_at.json()["results"]] == ["name"]


def test_offence_flow_and_obligations(browser, act_registrar, frozen):
    person = make_person("ACT", actor=act_registrar)
    charged = _json(
        browser,
        "POST",
        api("person-offences", person_id=person.pk),
        {"catalogue_key": "ACT|1|1.1|9", "date_committed": "2023-02-11", "victim_ref": "V1"},
    )
    assert charged.status_code == 201
    offence = charged.json()
    assert (offence["ref"], offence["outcome"], offence["in_catalogue"]) == ("O1", "charged", True)
    finding = api("person-offence-finding", person_id=person.pk, offence_id=offence["id"])
    found = _json(
        browser,
        "POST",
        finding,
        {"date_found_guilty": "2024-05-02", "date_sentenced": "2024-07-19"},
        HTTP_IF_MATCH='"1"',
    )
    assert found.status_code == 200
    assert found.json()["outcome"] == "found_guilty"
    obligations = browser.get(api("person-obligations", person_id=person.pk)).json()
    assert obligations["assessment"]["reporting_period"] == "15y"
    initial = next(o for o in obligations["obligations"] if o["kind"] == "initial_report")
    assert (initial["due_date"], initial["status"]) == ("2024-07-26", "overdue")
    assert browser.get(api("person", person_id=person.pk)).json()["status"] == "registrable"
    refreshed = _json(browser, "POST", api("person-obligations-refresh", person_id=person.pk))
    assert refreshed.status_code == 200


def test_custody_orders_and_catalogue(browser, act_registrar, frozen):
    person = make_person("ACT", actor=act_registrar)
    made = _json(
        browser,
        "POST",
        api("person-custody", person_id=person.pk),
        {"entered_on": "2025-01-01", "left_on": "2025-02-01", "reason": "remand"},
    )
    assert made.status_code == 201
    spell = made.json()
    patch = api("person-custody-period", person_id=person.pk, custody_id=spell["id"])
    assert _json(browser, "PATCH", patch, {"left_on": "2025-02-03"}).status_code == 428
    changed = _json(browser, "PATCH", patch, {"left_on": "2025-02-03"}, HTTP_IF_MATCH='"1"')
    assert changed.status_code == 200
    assert changed.json()["version"] == 2
    order = _json(
        browser,
        "POST",
        api("person-orders", person_id=person.pk),
        {"kind": "registration", "jurisdiction": "ACT", "made_on": "2025-03-01"},
    )
    assert order.status_code == 201
    assert browser.get(api("person", person_id=person.pk)).json()["status"] == "registrable"
    entries = browser.get(api("catalogue") + "?jurisdiction=ACT&q=55").json()
    assert entries[0]["key"] == "ACT|1|1.1|9"
    kinds = {k["kind"]: k for k in browser.get(api("detail-kinds")).json()}
    assert kinds["vehicle"]["law"].startswith("ACT s 59 (h)")


def test_status_change_needs_if_match(browser, act_registrar, frozen):
    person = make_person("ACT", actor=act_registrar)
    path = api("person-status", person_id=person.pk)
    data = {"to_status": "deceased", "effective_on": "2026-03-01", "reason": "certificate"}
    assert _json(browser, "POST", path, data).status_code == 428
    assert _json(browser, "POST", path, data, HTTP_IF_MATCH='"5"').status_code == 412
    done = _json(browser, "POST", path, data, HTTP_IF_MATCH='"1"')
    assert done.status_code == 200
    assert done.json()["status"] == "deceased"


def test_schema_has_operation_ids(browser):
    schema = browser.get(reverse("api:schema") + "?format=json").json()
    ids = {
        op["operationId"]
        for path in schema["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert {
        "persons_list",
        "persons_create",
        "persons_read",
        "persons_update",
        "persons_details_correct",
        "persons_offences_finding",
        "persons_obligations",
        "persons_merge",
    } <= ids


def test_merge_via_api(browser, act_registrar, frozen):
    keep = make_person("ACT", actor=act_registrar, family_name="Same")
    dupe = make_person("ACT", actor=act_registrar, family_name="Sayme")
    services.detail_record(actor=act_registrar, person_id=dupe.pk, kind="address", data=ADDRESS)
    merged = _json(
        browser,
        "POST",
        api("person-merge", person_id=keep.pk),
        {"other": str(dupe.pk), "reason": "same fingerprints"},
    )
    assert merged.status_code == 200
    assert Person.objects.get(pk=dupe.pk).merged_into_id == keep.pk


def test_upload_a_photo_and_a_document_through_the_api(
    browser, act_registrar, act_investigator, client_for, frozen
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ncos.registry.tests.corpus import HTML, image_bytes

    person = make_person("ACT", actor=act_registrar)
    photos = api("person-photos", person_id=person.pk)
    before = AuditEvent.objects.count()
    made = browser.post(
        photos,
        {
            "image": SimpleUploadedFile("face.jpg", image_bytes("JPEG"), "image/jpeg"),
            "taken_on": "2025-06-01",
            "description": "Front",
        },
    )
    assert made.status_code == 201, made.content
    assert (made.json()["content_type"], made.json()["kind"]) == ("image/jpeg", "face")
    assert [e.action for e in _rows_after(before)] == ["person.photo.upload"]
    assert [p["id"] for p in browser.get(photos).json()] == [made.json()["id"]]

    # The type is checked from the content, not the name or the declared type.
    disguised = browser.post(
        photos,
        {"image": SimpleUploadedFile("x.jpg", HTML, "image/jpeg"), "taken_on": "2025-06-01"},
    )
    assert disguised.status_code == 400
    assert disguised.json()["error"] == "Only JPEG or PNG photographs are accepted."
    missing = browser.post(photos, {"taken_on": "2025-06-01"})
    assert (missing.status_code, missing.json()["field"]) == (400, "image")

    documents = api("person-documents", person_id=person.pk)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    doc = browser.post(
        documents,
        {"file": SimpleUploadedFile("order.pdf", pdf, "application/pdf"), "title": "Court order"},
    )
    assert doc.status_code == 201, doc.content
    assert doc.json()["title"] == "Court order"
    untitled = browser.post(
        documents, {"file": SimpleUploadedFile("o.pdf", pdf, "application/pdf"), "title": ""}
    )
    assert (untitled.status_code, untitled.json()["field"]) == (400, "title")

    # Reading is not writing: an investigator may list but not upload.
    refused = client_for(act_investigator).post(
        documents, {"file": SimpleUploadedFile("o.pdf", pdf, "application/pdf"), "title": "X"}
    )
    assert refused.status_code == 403
    assert len(browser.get(documents).json()) == 1
