"""The passports API: each state change, If-Match, and the refusals (wrong role, wrong
jurisdiction, wrong state, self-approval); the JSON document validated against the schema."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.passports import export
from ncos.passports.tests.factories import apply, authority, granted, second_registrar
from ncos.registry.models import Detail
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing.tests.factories import registrable_person, user_for

pytestmark = pytest.mark.django_db
SYDNEY = ZoneInfo("Australia/Sydney")


def _post(client, url, body=None, version=None, method="post"):
    headers = {} if version is None else {"HTTP_IF_MATCH": f'"{version}"'}
    return getattr(client, method)(
        url, data=json.dumps(body or {}), content_type="application/json", **headers
    )


def _url(name, person, request_id=None, **kw):
    kwargs = {"person_id": person.pk, **kw}
    if request_id is not None:
        kwargs["passport_request_id"] = request_id
    return reverse(f"api:{name}", kwargs=kwargs)


def test_a_limited_validity_request_from_draft_to_outcome(client_for):
    person = registrable_person("ACT")
    permission = granted(person)
    raiser = client_for(authority("ACT"))
    created = _post(
        raiser,
        _url("passport-requests", person),
        {
            "request_type": "issue_limited",
            "grounds": "Travel permitted by the competent authority.",
            "travel_permission": str(permission.pk),
            "valid_until": (permission.return_on + timedelta(days=3)).isoformat(),
        },
    )
    assert created.status_code == 201, created.content
    rid = created.json()["id"]
    assert created["ETag"] == '"1"'
    # The competent authority raises requests; it does not approve them.
    assert (
        _post(raiser, _url("passport-request-approve", person, rid), version=1).status_code == 403
    )
    registrar = client_for(registrar_for("ACT"))
    approved = _post(registrar, _url("passport-request-approve", person, rid), version=1)
    assert approved.status_code == 200
    assert approved.json()["status"] == "approved"
    document = registrar.get(_url("passport-request-document", person, rid))
    assert document.status_code == 200
    assert export.validate_document(document.json()) == []
    assert document.json()["approval"]["approved"] is True
    assert (
        _post(
            registrar, _url("passport-request-send", person, rid), {"channel": "portal"}, version=2
        ).json()["status"]
        == "sent"
    )
    ack = _post(
        raiser,
        _url("passport-request-acknowledge", person, rid),
        {"authority_reference": "APO-1"},
        version=3,
    )
    assert ack.json()["authority_reference"] == "APO-1"
    today = local_today(person)
    outcome = _post(
        registrar,
        _url("passport-request-outcome", person, rid),
        {
            "outcome_on": today.isoformat(),
            "document_number": "PB1234567",
            "expires_on": (today + timedelta(days=60)).isoformat(),
        },
        version=4,
    )
    assert outcome.status_code == 200
    assert outcome.json()["outcome"] == "issued"
    numbers = [
        d.data.get("number")
        for d in Detail.objects.filter(person=person, kind="passport", is_current=True)
    ]
    assert numbers == ["PB1234567"]
    assert [e["to_status"] for e in outcome.json()["events"]] == [
        "draft",
        "approved",
        "sent",
        "acknowledged",
        "completed",
    ]


def test_refusals_self_approval_state_jurisdiction_and_if_match(client_for):
    person = registrable_person("ACT")
    author = client_for(registrar_for("ACT"))
    rid = _post(
        author,
        _url("passport-requests", person),
        {"request_type": "cancel_australian", "grounds": "Risk.", "passport_number": "PA1"},
    ).json()["id"]
    approve = _url("passport-request-approve", person, rid)
    self_approval = _post(author, approve, version=1)
    assert self_approval.status_code == 400
    assert self_approval.json()["field"] == "approved_by"
    client = client_for(user_for("NSW"))
    before = AuditEvent.objects.count()
    assert _post(client, approve, version=1).status_code == 403
    assert AuditEvent.objects.filter(seq__gt=before, outcome="denied").count() == 1
    send = _url("passport-request-send", person, rid)
    assert _post(author, send, version=1).status_code == 409  # a draft is not sent
    other = client_for(second_registrar("ACT"))
    assert _post(other, approve).status_code == 428
    assert _post(other, approve, version=5).status_code == 412
    assert _post(other, approve, version=1).status_code == 200
    edit = _post(
        author,
        _url("passport-request-detail", person, rid),
        {"grounds": "x", "passport_number": "PA2"},
        version=2,
        method="patch",
    )
    assert edit.status_code == 409  # an approved request is what was approved
    withdraw = _post(
        author, _url("passport-request-withdraw", person, rid), {"reason": "Moved"}, version=2
    )
    assert withdraw.json()["status"] == "withdrawn"


def test_editing_a_draft_over_the_api(client_for):
    person = registrable_person("ACT")
    api = client_for(registrar_for("ACT"))
    rid = _post(
        api,
        _url("passport-requests", person),
        {
            "request_type": "surrender_foreign",
            "grounds": "Risk.",
            "passport_number": "NZ1",
            "passport_country": "New Zealand",
        },
    ).json()["id"]
    url = _url("passport-request-detail", person, rid)
    bad = _post(
        api,
        url,
        {"grounds": "Risk.", "passport_number": "NZ1", "passport_country": "Australia"},
        version=1,
        method="patch",
    )
    assert bad.status_code == 400
    assert bad.json()["field"] == "passport_country"
    good = _post(
        api,
        url,
        {"grounds": "Updated.", "passport_number": "NZ2", "passport_country": "New Zealand"},
        version=1,
        method="patch",
    )
    assert good.status_code == 200
    assert (good.json()["passport_number"], good["ETag"]) == ("NZ2", '"2"')


def test_permission_apply_decide_tell_and_notify_abroad(client_for):
    person = registrable_person("ACT")
    registrar = client_for(registrar_for("ACT"))
    created = _post(
        registrar,
        reverse("api:travel-permissions", kwargs={"person_id": person.pk}),
        {
            "destinations": ["Japan"],
            "depart_on": (local_today(person) + timedelta(days=30)).isoformat(),
            "purpose": "Work conference",
            "applied_on": local_today(person).isoformat(),
        },
    )
    assert created.status_code == 201
    pid = created.json()["id"]
    kw = {"person_id": person.pk, "permission_id": pid}
    decide = reverse("api:travel-permission-decide", kwargs=kw)
    body = {"decision": "refused", "reasons": "Recent breach."}
    assert _post(registrar, decide, body, version=1).status_code == 403  # not the authority
    assert _post(client_for(authority("NSW")), decide, body, version=1).status_code == 403
    ca = client_for(authority("ACT"))
    assert _post(ca, decide, body).status_code == 428
    decided = _post(ca, decide, body, version=1)
    assert decided.json()["status"] == "refused"
    assert _post(ca, decide, body, version=2).status_code == 409
    told = reverse("api:travel-permission-told", kwargs=kw)
    now = datetime.now(tz=SYDNEY).isoformat()
    assert _post(ca, told, {"told_at": now, "told_how": "phone"}, version=2).status_code == 400
    assert (
        _post(ca, told, {"told_at": now, "told_how": "letter"}, version=2).json()["told_how"]
        == "letter"
    )
    notice = _post(
        registrar,
        reverse("api:travel-permission-foreign-notice", kwargs=kw),
        {
            "country": "Japan",
            "agency": "National Police Agency",
            "sent_at": now,
            "channel": "AFP liaison",
            "details_sent": "Intended travel, refused.",
        },
    )
    assert notice.status_code == 201
    assert notice.json()["foreign_notices"][0]["agency"] == "National Police Agency"


def test_reads_follow_the_person_record(client_for):
    person = registrable_person("ACT", protected=True, family_name="Canarypassport")
    apply(person)
    url = reverse("api:travel-permissions", kwargs={"person_id": person.pk})
    stub = client_for(user_for("VIC", Role.INVESTIGATOR)).get(url)
    assert stub.json()["restricted"] is True
    assert "Canarypassport" not in stub.content.decode()
    cleared = client_for(user_for("VIC", Role.INVESTIGATOR, cleared=True)).get(url)
    assert cleared.json()[0]["destinations"] == ["Thailand"]
