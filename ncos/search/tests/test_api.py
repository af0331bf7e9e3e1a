"""GET /api/v1/persons/search: parameters, shape, stubs, errors, schema, throttle."""

from __future__ import annotations

from datetime import date

import pytest
from rest_framework.throttling import ScopedRateThrottle

from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.search import engine
from ncos.search.api.views import PersonSearchView
from ncos.search.tests.factories import make_person

pytestmark = pytest.mark.django_db
URL = "/api/v1/persons/search"


@pytest.fixture
def api(make_user, client_for):
    user = make_user("qld.inv", jurisdiction="QLD", roles=[Role.INVESTIGATOR])
    return client_for(user)


def test_search_returns_ranked_results_with_scores(api):
    exact = make_person("Smith", "John", date(1985, 6, 30), jurisdiction="SA")
    close = make_person("Smyth", "Jon", date(1986, 1, 1))
    response = api.get(URL, {"q": "John Smith"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert body["page"] == 1
    assert body["num_pages"] == 1
    assert [r["id"] for r in body["results"]] == [str(exact.pk), str(close.pk)]
    first = body["results"][0]
    assert first["national_id"] == exact.national_id
    assert first["managing_jurisdiction"] == "SA"
    assert first["date_of_birth"] == "1985-06-30"
    assert first["score"] == 100
    assert first["reasons"] == ["name matches SMITH, John"]
    assert body["restricted"] == []
    event = AuditEvent.objects.get(action="person.search")
    assert event.channel == "api"
    assert event.details["result_ids"] == [str(exact.pk), str(close.pk)]


def test_structured_parameters_lists_and_paging(api):
    people = [make_person("Ng", "Ann", date(1990, 1, i + 1), jurisdiction="NT") for i in range(3)]
    make_person("Ng", "Ann", date(1990, 1, 9), jurisdiction="WA")
    response = api.get(
        URL,
        {
            "family_name": "Ng",
            "given_names": "Ann",
            "birth_year": 1990,
            "jurisdiction": "NT,ACT",
            "page_size": 2,
            "page": 2,
        },
    )
    body = response.json()
    assert response.status_code == 200
    assert (body["count"], body["num_pages"], body["page"]) == (3, 2, 2)
    assert [r["id"] for r in body["results"]] == [str(people[2].pk)]
    again = api.get(URL + "?family_name=Ng&jurisdiction=NT&jurisdiction=WA")
    assert again.json()["count"] == 4


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"phone": "123"}, "phone"),
        ({"date_of_birth": "30/06/1985"}, "date_of_birth"),
        ({"birth_year": "85"}, "birth_year"),
        ({"jurisdiction": "XX", "q": "a b"}, "jurisdiction"),
        ({"page_size": "1000", "q": "a b"}, "page_size"),
    ],
)
def test_bad_parameters_answer_400_with_the_field(api, params, field):
    response = api.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == field or body["field"].startswith(field)
    assert body["error"]


def test_protected_person_is_only_a_restricted_entry(api, make_user, client_for):
    witness = make_person(
        "Zanzibar", "Quilla", date(1979, 11, 23), jurisdiction="NSW", protected=True
    )
    response = api.get(URL, {"q": "23/11/1979"})
    assert response.status_code == 200
    body = response.json()
    assert body["results"] == []
    assert body["count"] == 0
    assert body["restricted"] == [
        {
            "message": "A restricted record exists. Contact the managing registry.",
            "managing_jurisdiction": "NSW",
            "contact": body["restricted"][0]["contact"],
        }
    ]
    assert body["restricted"][0]["contact"]["registry_unit"] == "NSW Child Protection Register"
    text = response.content.decode()
    for canary in ("Zanzibar", "Quilla", witness.national_id, str(witness.pk), "1979"):
        assert canary not in text
    assert AuditEvent.objects.get(action="person.search").protected is True
    cleared = client_for(make_user("nsw.c", jurisdiction="NSW", cleared=True))
    shown = cleared.get(URL, {"q": "Quilla Zanzibar"}).json()
    assert [r["id"] for r in shown["results"]] == [str(witness.pk)]
    assert shown["results"][0]["protected"] is True


def test_too_broad_is_a_400_with_a_flag(api, monkeypatch):
    for i in range(3):
        make_person("Broad", f"N{chr(97 + i)}x")
    monkeypatch.setattr(engine, "CANDIDATE_LIMIT", 2)
    response = api.get(URL, {"q": "Broad"})
    assert response.status_code == 400
    assert response.json()["too_broad"] is True


def test_roles_without_search_are_refused(make_user, client_for):
    auditor = client_for(make_user("act.a", roles=[Role.AUDITOR]))
    assert auditor.get(URL, {"q": "a b"}).status_code == 403


def test_anonymous_is_401(client):
    assert client.get(URL, {"q": "a b"}).status_code in (401, 403)


def test_schema_documents_the_operation(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/persons/search"]["get"]
    assert operation["operationId"] == "persons_search"
    names = {p["name"] for p in operation["parameters"]}
    assert {
        "q",
        "given_names",
        "family_name",
        "date_of_birth",
        "birth_year",
        "born_from",
        "born_to",
        "address",
        "registration",
        "phone",
        "online",
        "passport",
        "jurisdiction",
        "status",
        "page",
        "page_size",
    } <= names
    assert "200" in operation["responses"]
    assert "400" in operation["responses"]


def test_throttled_with_the_search_scope():
    assert PersonSearchView.throttle_scope == "search"
    assert ScopedRateThrottle in [type(t) for t in PersonSearchView().get_throttles()]
