"""The case API: list / read / create / update, If-Match (428 missing, 412 stale), the OpenAPI
schema, refusals audited."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.cases.models import Task
from ncos.cases.services import case_officer_assign, note_add
from ncos.cases.tests.factories import (
    case_manager_for,
    make_detail,
    make_person,
    make_task,
    registrar_for,
    user_for,
)
from ncos.registry.models import Detail, Obligation
from ncos.registry.tests.factories import make_offence

pytestmark = pytest.mark.django_db
API = "/api/v1/"


def _seq() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def _rows(before):
    return list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))


def _assigned(officer, jurisdiction="ACT", **kw):
    return case_officer_assign(
        actor=registrar_for(jurisdiction),
        person_id=make_person(jurisdiction, **kw).pk,
        officer=officer,
        reason="caseload",
    )


def test_the_schema_lists_every_case_operation(client_for):
    response = client_for(case_manager_for("ACT")).get(API + "schema/?format=json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    schema = json.loads(response.content)
    text = response.content.decode()
    for op in (
        "case_tasks_list",
        "case_tasks_create",
        "case_tasks_read",
        "case_tasks_update",
        "case_tasks_reassign",
        "caseload_list",
        "case_officer_read",
        "case_officer_assign",
        "case_notes_list",
        "case_notes_create",
        "case_notes_read",
        "case_visits_list",
        "case_visits_create",
        "case_visits_read",
        "case_visits_update",
        "case_breach_referrals_list",
        "case_breach_referrals_create",
        "case_breach_referrals_read",
        "case_breach_referrals_update",
        "case_access_requests_list",
        "case_access_requests_create",
        "case_access_requests_read",
        "case_access_requests_copy",
        "case_access_requests_decide",
        "case_access_requests_withdraw",
    ):
        assert op in text, op
    patch = schema["paths"]["/api/v1/tasks/{task_id}"]["patch"]
    assert any(p["name"] == "If-Match" and p["in"] == "header" for p in patch["parameters"])
    assert set(patch["responses"]) >= {"200", "412", "428"}


def test_tasks_list_create_read_update_with_if_match(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer)
    client = client_for(officer)
    created = client.post(
        API + "tasks",
        {
            "person_id": str(person.pk),
            "kind": "review",
            "title": "Six-monthly review",
            "due_date": "2026-12-20",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["assignee"]["id"], body["status"], body["version"]) == (officer.pk, "open", 1)
    assert created["ETag"] == '"1"'
    listed = client.get(API + "tasks").json()
    assert [t["id"] for t in listed["results"]] == [body["id"]]
    url = API + f"tasks/{body['id']}"
    read = client.get(url)
    assert read.status_code == 200
    assert read["ETag"] == '"1"'
    missing = client.patch(url, {"status": "done"}, content_type="application/json")
    assert missing.status_code == 428
    stale = client.patch(
        url, {"status": "done"}, content_type="application/json", HTTP_IF_MATCH='"7"'
    )
    assert stale.status_code == 412
    assert stale.json()["current_version"] == 1
    assert Task.objects.get(pk=body["id"]).status == "open"
    ok = client.patch(url, {"status": "done"}, content_type="application/json", HTTP_IF_MATCH='"1"')
    assert ok.status_code == 200
    assert ok["ETag"] == '"2"'
    assert ok.json()["status"] == "done"


def test_creating_with_a_source_key_is_idempotent(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer)
    client = client_for(officer)
    data = {
        "person_id": str(person.pk),
        "kind": "follow_up",
        "title": "Chase the receipt",
        "due_date": "2026-12-20",
        "source_key": "external:42",
    }
    first = client.post(API + "tasks", data, content_type="application/json")
    second = client.post(API + "tasks", data, content_type="application/json")
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert Task.objects.filter(person=person).count() == 1


def test_task_list_filters_and_validation(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer)
    make_task(person, title="late", due_date=date(2020, 1, 1))
    make_task(person, title="later", due_date=date(2099, 1, 1))
    client = client_for(officer)
    late = client.get(API + "tasks", {"overdue": "true"}).json()["results"]
    assert [t["title"] for t in late] == ["late"]
    assert late[0]["overdue"] is True
    newest = client.get(API + "tasks", {"ordering": "-due"}).json()["results"]
    assert [t["title"] for t in newest] == ["later", "late"]
    bad = client.get(API + "tasks", {"ordering": "sideways"})
    assert bad.status_code == 400
    assert bad.json()["field"] == "ordering"


def test_a_role_that_cannot_see_case_records_is_refused_and_audited(client_for):
    investigator = user_for("ACT", Role.INVESTIGATOR)
    client = client_for(investigator)
    before = _seq()
    response = client.get(API + "tasks")
    assert response.status_code == 403
    assert [(r.action, r.outcome, r.actor_id) for r in _rows(before)] == [
        ("case.view", "denied", investigator.pk)
    ]


def test_another_jurisdictions_task_is_refused_and_unchanged(client_for):
    task = make_task(make_person("ACT"))
    client = client_for(registrar_for("NSW"))
    before = _seq()
    read = client.get(API + f"tasks/{task.pk}")
    patch = client.patch(
        API + f"tasks/{task.pk}",
        {"status": "done"},
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert (read.status_code, patch.status_code) == (403, 403)
    assert Task.objects.get(pk=task.pk).status == "open"
    assert [r.outcome for r in _rows(before)] == ["denied", "denied"]


def test_an_unknown_task_is_404(client_for):
    response = client_for(case_manager_for("ACT")).get(
        API + "tasks/00000000-0000-0000-0000-000000000000"
    )
    assert response.status_code == 404
    assert response.json() == {"error": "Not found.", "field": None}


def test_caseload_api(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer)
    make_offence(person, found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19))
    client = client_for(officer)
    rows = client.get(API + "caseload").json()["results"]
    assert len(rows) == 1
    assert rows[0]["person_id"] == str(person.pk)
    assert (rows[0]["next_obligation_kind"], rows[0]["next_obligation_due"]) == (
        "initial_report",
        "2024-07-26",
    )
    assert rows[0]["overdue_obligations"] == 1
    other = case_manager_for("ACT")
    assert client.get(API + "caseload", {"officer": other.pk}).status_code == 403
    assert (
        client_for(registrar_for("ACT"))
        .get(API + "caseload", {"officer": officer.pk})
        .json()["count"]
        == 1
    )


def test_case_officer_api(client_for):
    registrar = registrar_for("ACT")
    officer = case_manager_for("ACT")
    person = make_person("ACT")
    client = client_for(registrar)
    url = API + f"persons/{person.pk}/case-officer"
    read = client.get(url)
    assert read.json()["case_officer"] is None
    assert read["ETag"] == f'"{person.version}"'
    no_match = client.put(
        url, {"officer": officer.pk, "reason": "x"}, content_type="application/json"
    )
    assert no_match.status_code == 428
    ok = client.put(
        url,
        {"officer": officer.pk, "reason": "new caseload"},
        content_type="application/json",
        HTTP_IF_MATCH=read["ETag"],
    )
    assert ok.status_code == 200, ok.content
    assert ok.json()["case_officer"]["id"] == officer.pk
    assert ok.json()["history"][0]["reason"] == "new caseload"
    manager = client_for(case_manager_for("ACT")).put(
        url,
        {"officer": None, "reason": "x"},
        content_type="application/json",
        HTTP_IF_MATCH=ok["ETag"],
    )
    assert manager.status_code == 403


def test_notes_api_hides_restricted_text(client_for):
    author, other = case_manager_for("ACT"), case_manager_for("ACT")
    person = make_person("ACT")
    client = client_for(author)
    created = client.post(
        API + f"persons/{person.pk}/case-notes",
        {"text": "Informant", "restricted": True, "category": "risk"},
        content_type="application/json",
    )
    assert created.status_code == 201
    note_add(actor=other, person_id=person.pk, text="Open note")
    seen = client_for(other).get(API + f"persons/{person.pk}/case-notes").json()["results"]
    texts = sorted((n["text"] or "-", n["readable"]) for n in seen)
    assert texts == [("-", False), ("Open note", True)]
    one = client_for(other).get(API + f"case-notes/{created.json()['id']}").json()
    assert (one["text"], one["author"]) == (None, None)
    assert client.get(API + f"case-notes/{created.json()['id']}").json()["text"] == "Informant"


def test_visits_api(client_for):
    officer = case_manager_for("ACT")
    person = make_person("ACT")
    address = make_detail(person, "address")
    client = client_for(officer)
    created = client.post(
        API + f"persons/{person.pk}/visits",
        {"address_detail_id": str(address.pk), "planned_for": "2026-12-04"},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    url = API + f"visits/{created.json()['id']}"
    when = (timezone.now() - timedelta(hours=1)).isoformat()
    naive = client.patch(
        url,
        {"status": "done", "outcome": "confirmed", "visited_at": "2026-11-01T10:00"},
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert naive.status_code == 400
    assert naive.json()["field"] == "visited_at"
    done = client.patch(
        url,
        {"status": "done", "outcome": "confirmed", "visited_at": when},
        content_type="application/json",
        HTTP_IF_MATCH='"1"',
    )
    assert done.status_code == 200, done.content
    assert (done.json()["status"], done.json()["outcome"]) == ("done", "confirmed")
    assert len(client.get(API + f"persons/{person.pk}/visits").json()["results"]) == 1


def test_referrals_api(client_for):
    officer = case_manager_for("ACT")
    person = make_person("ACT")
    make_offence(person, found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19))
    obligation = Obligation.objects.get(person=person, kind="initial_report")
    client = client_for(officer)
    created = client.post(
        API + f"persons/{person.pk}/breach-referrals",
        {
            "obligation_id": str(obligation.pk),
            "found_on": "2024-07-27",
            "referred_to": "Sexual Crimes Team",
            "referred_on": "2024-07-28",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    url = API + f"breach-referrals/{created.json()['id']}"
    updated = client.patch(
        url,
        {"outcome": "no_action", "outcome_on": "2024-08-10"},
        content_type="application/json",
        HTTP_IF_MATCH=created["ETag"],
    )
    assert updated.status_code == 200
    assert (updated.json()["status"], updated.json()["outcome"]) == ("closed", "no_action")


def test_access_request_api_copy_and_correction(client_for):
    registrar = registrar_for("ACT")
    person = make_person("ACT")
    detail = make_detail(person, "vehicle")
    client = client_for(registrar)
    logged = client.post(
        API + f"persons/{person.pk}/access-requests",
        {
            "kind": "copy",
            "received_at": "2026-10-31T16:00+11:00",
            "channel": "writing",
            "description": "Letter asking for a copy",
        },
        content_type="application/json",
    )
    assert logged.status_code == 201, logged.content
    assert (logged.json()["received_on"], logged.json()["due_date"]) == ("2026-10-31", "2026-11-14")
    naive = client.post(
        API + f"persons/{person.pk}/access-requests",
        {
            "kind": "copy",
            "received_at": "2026-10-31T16:00",
            "channel": "writing",
            "description": "x",
        },
        content_type="application/json",
    )
    assert naive.status_code == 400
    assert naive.json()["field"] == "received_at"
    before = _seq()
    copy = client.post(
        API + f"access-requests/{logged.json()['id']}/copies",
        {"recipient": "The person", "purpose": "s 122 request"},
        content_type="application/json",
    )
    assert copy.status_code == 201
    assert copy["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(copy.content)).pages)
    assert "ABC123" in text
    rows = _rows(before)
    assert [(r.action, r.purpose) for r in rows] == [("case.access_request.copy", "s 122 request")]
    correction = client.post(
        API + f"persons/{person.pk}/access-requests",
        {
            "kind": "correction",
            "received_at": timezone.now().isoformat(),
            "channel": "in_person",
            "description": "The car is blue",
            "detail_id": str(detail.pk),
            "proposed_data": {**detail.data, "colour": "Blue"},
        },
        content_type="application/json",
    )
    assert correction.status_code == 201, correction.content
    url = API + f"access-requests/{correction.json()['id']}/decision"
    assert (
        client.post(
            url, {"decision": "accepted", "reasons": "x"}, content_type="application/json"
        ).status_code
        == 428
    )
    decided = client.post(
        url,
        {"decision": "accepted", "reasons": "Registration papers say blue"},
        content_type="application/json",
        HTTP_IF_MATCH=correction["ETag"],
    )
    assert decided.status_code == 200, decided.content
    assert decided.json()["status"] == "completed"
    colours = list(
        Detail.objects.filter(fact_id=detail.fact_id)
        .order_by("sequence")
        .values_list("data__colour", "is_current")
    )
    assert colours == [("Red", False), ("Blue", True)]
    manager = client_for(case_manager_for("ACT")).post(
        url,
        {"decision": "refused", "reasons": "x"},
        content_type="application/json",
        HTTP_IF_MATCH='"2"',
    )
    assert manager.status_code == 403
