"""The sharing API: every state change, with If-Match, and the refusals (wrong role, wrong
jurisdiction, wrong state) — each refusal audited; and the operations in the OpenAPI schema."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import yaml
from django.urls import reverse

from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.registry.models import Person
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing.models import TransferRequest, TravelNotification
from ncos.sharing.tests.factories import record_travel, registrable_person, user_for

pytestmark = pytest.mark.django_db
SYDNEY = ZoneInfo("Australia/Sydney")


def _post(client, url, body=None, version=None, method="post"):
    headers = {} if version is None else {"HTTP_IF_MATCH": f'"{version}"'}
    return getattr(client, method)(
        url, data=json.dumps(body or {}), content_type="application/json", **headers
    )


def _trip(person, destination="NSW", days=20):
    start = local_today(person) + timedelta(days=20)
    return {
        "depart_on": start.isoformat(),
        "return_on": (start + timedelta(days=days)).isoformat(),
        "legs": [
            {
                "destination": destination,
                "place": "Newcastle",
                "arrive_on": start.isoformat(),
                "leave_on": (start + timedelta(days=days)).isoformat(),
            }
        ],
        "transport_mode": "road",
    }


def test_record_travel_read_it_and_change_it_with_if_match(client_for):
    person = registrable_person("ACT")
    api = client_for(registrar_for("ACT"))
    url = reverse("api:person-travel", kwargs={"person_id": person.pk})
    body = {
        **_trip(person),
        "reported_on": local_today(person).isoformat(),
        "report_manner": "in_person",
        "report_place": "Belconnen",
    }
    created = _post(api, url, body)
    assert created.status_code == 201
    assert created["ETag"] == '"1"'
    plan = created.json()
    assert plan["legs"][0]["destination"] == "NSW"
    assert plan["notifications"][0]["to_jurisdiction"] == "NSW"
    assert [p["id"] for p in api.get(url).json()] == [plan["id"]]
    change_url = reverse("api:travel-change", kwargs={"travel_id": plan["id"]})
    change = {
        **_trip(person, "VIC"),
        "decided_on": local_today(person).isoformat(),
        "reported_on": local_today(person).isoformat(),
        "report_manner": "email",
    }
    assert _post(api, change_url, change).status_code == 428
    # Before leaving, changed travel details are a new s 42 report: in person (ACT).
    by_email = _post(api, change_url, change, version=1)
    assert by_email.status_code == 400
    assert by_email.json()["field"] == "report_manner"
    assert "police information" in by_email.json()["error"]
    change.update(report_manner="in_person", report_place="Belconnen")
    stale = _post(api, change_url, change, version=3)
    assert stale.status_code == 412
    assert stale.json()["current_version"] == 1
    assert _post(api, change_url, change, version="x").status_code == 412
    done = _post(api, change_url, change, version=1)
    assert done.status_code == 200, done.content
    assert done["ETag"] == '"2"'
    statuses = {n["to_jurisdiction"]: n["status"] for n in done.json()["notifications"]}
    assert statuses == {"NSW": "withdrawn", "VIC": "pending"}


def test_invalid_input_names_the_field(client_for):
    person = registrable_person("ACT")
    api = client_for(registrar_for("ACT"))
    url = reverse("api:person-travel", kwargs={"person_id": person.pk})
    body = {
        **_trip(person),
        "reported_on": local_today(person).isoformat(),
        "report_manner": "police",
    }
    body["legs"][0]["destination"] = "ACT"
    response = _post(api, url, body)
    assert response.status_code == 400
    assert response.json()["field"] == "legs[0].destination"
    missing = _post(api, url, {"reported_on": "yesterday"})
    assert missing.status_code == 400
    assert missing.json()["field"] in ("depart_on", "legs", "reported_on", "transport_mode")


@pytest.mark.parametrize(
    ("who", "status"),
    [
        (("ACT", Role.INVESTIGATOR), 403),
        (("NSW", Role.REGISTRAR), 403),
        (("ACT", Role.AUDITOR), 403),
    ],
)
def test_recording_refusals_are_audited(client_for, who, status):
    person = registrable_person("ACT")
    url = reverse("api:person-travel", kwargs={"person_id": person.pk})
    body = {**_trip(person), "reported_on": local_today(person).isoformat()}
    client = client_for(user_for(*who))
    before = AuditEvent.objects.count()
    assert _post(client, url, body).status_code == status
    rows = list(AuditEvent.objects.filter(seq__gt=before))
    assert [r.outcome for r in rows] == ["denied"]
    assert not person.travel_plans.exists()


def test_cancel_and_return_and_wrong_state(client_for):
    person = registrable_person("ACT")
    plan = record_travel(person, depart_in=-20, days=5, legs=[("Fiji", 0, 5, "Suva")])
    api = client_for(registrar_for("ACT"))
    today = local_today(person)
    returned = _post(
        api,
        reverse("api:travel-return", kwargs={"travel_id": plan.pk}),
        {
            "returned_on": plan.return_on.isoformat(),
            "reported_on": today.isoformat(),
            "report_manner": "phone",
            "passport_sighted": True,
            "tickets_sighted": True,
            "destinations_visited": ["Fiji"],
        },
        version=1,
    )
    assert returned.status_code == 200
    check = returned.json()["return_check"]
    assert check["as_reported"] is False  # no competent-authority permission was recorded
    assert check["discrepancies"] == [
        "No permission of the competent authority was recorded for this overseas travel."
    ]
    again = _post(
        api,
        reverse("api:travel-cancel", kwargs={"travel_id": plan.pk}),
        {"decided_on": today.isoformat(), "reported_on": today.isoformat()},
        version=2,
    )
    assert again.status_code == 409
    assert "returned" in again.json()["error"]


def test_cancel_withdraws_the_notifications(client_for):
    person = registrable_person("ACT")
    plan = record_travel(person, legs=[("QLD", 0, 20, "Cairns")])
    today = local_today(person).isoformat()
    response = _post(
        client_for(registrar_for("ACT")),
        reverse("api:travel-cancel", kwargs={"travel_id": plan.pk}),
        {"decided_on": today, "reported_on": today, "report_manner": "phone"},
        version=1,
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["state"], body["cancelled_on"]) == ("cancelled", today)
    assert [n["status"] for n in body["notifications"]] == ["withdrawn"]
    assert body["changes"][-1]["kind"] == "cancelled"
    assert body["changes"][-1]["meets_key"] == f"decision_not_to_travel:{today}"


def test_acknowledge_and_arrival_contact_by_the_receiving_registry(client_for):
    person = registrable_person("ACT")
    plan = record_travel(person, legs=[("NSW", 0, 20, "Newcastle")])
    notification = TravelNotification.objects.get(plan=plan)
    url = reverse("api:notification-acknowledge", kwargs={"notification_id": notification.pk})
    assert _post(client_for(registrar_for("ACT")), url, {}, version=1).status_code == 403
    assert (
        _post(client_for(user_for("NSW", Role.INVESTIGATOR)), url, {}, version=1).status_code == 403
    )
    nsw = client_for(user_for("NSW", Role.CASE_MANAGER))
    assert _post(nsw, url, {}).status_code == 428
    done = _post(nsw, url, {"note": "Seen."}, version=1)
    assert done.status_code == 200
    assert done.json()["status"] == "acknowledged"
    assert _post(nsw, url, {}, version=2).status_code == 409
    contact = _post(
        nsw,
        reverse("api:notification-contact", kwargs={"notification_id": notification.pk}),
        {
            "contact_at": (datetime.now(tz=SYDNEY) - timedelta(minutes=1)).isoformat(),
            "manner": "in_person",
        },
        version=2,
    )
    assert contact.status_code == 200
    assert contact.json()["arrival_contact_manner"] == "in_person"
    read = client_for(user_for("WA", Role.INVESTIGATOR)).get(
        reverse("api:notification-detail", kwargs={"notification_id": notification.pk})
    )
    assert read.status_code == 200
    assert read.json()["content"]["requirements"]["jurisdiction"] == "NSW"


def test_a_protected_person_is_the_stub_over_the_api(client_for):
    person = registrable_person("ACT", protected=True, family_name="Canaryapi")
    plan = record_travel(person, legs=[("NSW", 0, 20, "X")])
    notification = TravelNotification.objects.get(plan=plan)
    response = client_for(user_for("NSW")).get(
        reverse("api:notification-detail", kwargs={"notification_id": notification.pk})
    )
    body = response.json()
    assert set(body) == {
        "id",
        "restricted",
        "message",
        "managing_jurisdiction",
        "registry",
        "contact",
    }
    assert (body["restricted"], body["managing_jurisdiction"]) == (True, "ACT")
    assert body["registry"] == person.managing_jurisdiction.registry_unit
    assert "Canaryapi" not in response.content.decode()


def test_transfer_request_accept_refuse_cancel(client_for):
    person = registrable_person("ACT")
    act = client_for(registrar_for("ACT"))
    url = reverse("api:person-transfers", kwargs={"person_id": person.pk})
    body = {
        "to_jurisdiction": "NSW",
        "entered_on": local_today(person).isoformat(),
        "handover_note": "See attached.",
    }
    assert _post(client_for(user_for("ACT", Role.CASE_MANAGER)), url, body).status_code == 403
    created = _post(act, url, body)
    assert created.status_code == 201
    transfer_id = created.json()["id"]
    accept = reverse("api:transfer-accept", kwargs={"transfer_id": transfer_id})
    assert _post(act, accept, {}, version=1).status_code == 403  # the requester cannot accept
    cancel = reverse(
        "api:transfer-cancel", kwargs={"person_id": person.pk, "transfer_id": transfer_id}
    )
    assert _post(client_for(user_for("NSW")), cancel, {}, version=1).status_code == 403
    assert _post(act, cancel, {"reason": "Wrong state."}, version=1).status_code == 200
    assert _post(client_for(user_for("NSW")), accept, {}, version=2).status_code == 409
    second = _post(act, url, body).json()
    refuse = reverse("api:transfer-refuse", kwargs={"transfer_id": second["id"]})
    nsw = client_for(user_for("NSW"))
    assert _post(nsw, refuse, {}, version=1).status_code == 400
    assert _post(nsw, refuse, {"reason": "Not here."}, version=1).json()["status"] == "refused"
    third = _post(act, url, body).json()
    accepted = _post(
        nsw, reverse("api:transfer-accept", kwargs={"transfer_id": third["id"]}), {}, version=1
    )
    assert accepted.status_code == 200
    assert Person.objects.get(pk=person.pk).managing_jurisdiction_id == "NSW"
    assert TransferRequest.objects.filter(person=person).count() == 3


def test_inbox_list_with_filters_and_paging(client_for):
    person = registrable_person("ACT")
    record_travel(person, legs=[("NSW", 0, 20, "Newcastle")])
    nsw = client_for(user_for("NSW"))
    url = reverse("api:inbox-list")
    body = nsw.get(url).json()
    assert body["count"] == 1
    item = body["results"][0]
    assert (item["kind"], item["read"], item["escalated"]) == ("travel_notification", False, False)
    assert nsw.get(url, {"state": "read"}).json()["count"] == 0
    assert nsw.get(url, {"received_from": "bad"}).status_code == 400
    assert client_for(user_for("NSW", Role.ADMINISTRATOR)).get(url).status_code == 403


def test_every_state_change_is_in_the_openapi_schema(client_for):
    response = client_for(registrar_for("ACT")).get(reverse("api:schema"))
    schema = yaml.safe_load(response.content)
    operations = {
        op["operationId"]
        for path in schema["paths"].values()
        for op in path.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert {
        "travel_record",
        "travel_change",
        "travel_cancel",
        "travel_return",
        "notification_acknowledge",
        "notification_arrival_contact",
        "transfer_request",
        "transfer_accept",
        "transfer_refuse",
        "transfer_cancel",
        "inbox_list",
        "travel_permission_apply",
        "travel_permission_decide",
        "travel_permission_told",
        "travel_permission_foreign_notice",
        "passport_request_create",
        "passport_request_update",
        "passport_request_approve",
        "passport_request_send",
        "passport_request_acknowledge",
        "passport_request_outcome",
        "passport_request_withdraw",
        "passport_request_document",
    } <= operations
    change = schema["paths"]["/api/v1/travel/{travel_id}/change"]["post"]
    assert any(p["name"] == "If-Match" and p["in"] == "header" for p in change["parameters"])
    assert {"412", "428", "409"} <= set(change["responses"])
