"""The search page through the real stack (middleware, MFA session, access, audit)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.search import views
from ncos.search.tests.factories import make_person

pytestmark = pytest.mark.django_db
URL = "/search/"


@pytest.fixture
def investigator(make_user):
    return make_user("vic.inv", jurisdiction="VIC", roles=[Role.INVESTIGATOR])


def test_url_name_and_menu_link(investigator, client_for):
    assert reverse("search:search") == URL
    home = client_for(investigator).get("/")
    assert f'href="{URL}"' in home.content.decode()


def test_empty_form_has_help_and_no_audit(investigator, client_for):
    response = client_for(investigator).get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="q"' in body
    assert "<details" in body
    assert "Type a name, date of birth" in body
    assert not AuditEvent.objects.filter(action="person.search").exists()


def test_results_are_ranked_and_link_to_the_person(investigator, client_for):
    exact = make_person("Smith", "John", date(1985, 6, 30))
    close = make_person("Smyth", "Jon", date(1986, 1, 1))
    response = client_for(investigator).get(URL, {"q": "John Smith"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "2 records found" in body
    assert body.index("SMITH, John") < body.index("SMYTH, Jon")
    assert exact.national_id in body
    assert close.national_id in body
    assert "30 Jun 1985" in body
    assert response["Cache-Control"] == "no-store"
    assert AuditEvent.objects.filter(action="person.search").count() == 1


def test_submitting_an_empty_form_explains_what_to_enter(investigator, client_for):
    response = client_for(investigator).get(URL, {"q": ""})
    assert response.status_code == 400
    assert "Enter a name, date of birth" in response.content.decode()


def test_no_results_empty_state(investigator, client_for):
    response = client_for(investigator).get(URL, {"q": "Xavier Quattlebaum"})
    assert response.status_code == 200
    assert "No records found." in response.content.decode()


def test_validation_messages_and_status_400(investigator, client_for):
    client = client_for(investigator)
    response = client.get(URL, {"phone": "123"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Enter at least 8 digits of the phone number." in body
    assert '<details class="ncos-search-advanced" open>' in body
    response = client.get(URL, {"date_of_birth": "31/02/1990"})
    assert response.status_code == 400
    assert "Enter a real date" in response.content.decode()
    response = client.get(URL, {"jurisdiction": "XX", "q": "smith"})
    assert response.status_code == 400
    response = client.get(URL, {"q": "", "status": "managed"})
    assert response.status_code == 400
    assert "Enter a name, date of birth" in response.content.decode()
    assert not AuditEvent.objects.filter(action="person.search").exists()


def test_filters_and_pagination_links_keep_the_query(investigator, client_for, monkeypatch):
    for year in range(1960, 1965):
        make_person("Walker", "Tom", date(year, 1, 1), jurisdiction="NSW")
    make_person("Walker", "Tom", date(1970, 1, 1), jurisdiction="WA")
    monkeypatch.setattr(views, "DEFAULT_PAGE_SIZE", 2)
    client = client_for(investigator)
    response = client.get(URL, {"q": "Tom Walker", "jurisdiction": ["NSW"]})
    body = response.content.decode()
    assert "5 records found" in body
    assert "Page 1 of 3" in body
    assert "q=Tom+Walker&amp;jurisdiction=NSW&amp;page=2" in body
    response = client.get(URL, {"q": "Tom Walker", "jurisdiction": ["NSW"], "page": "3"})
    assert "Page 3 of 3" in response.content.decode()


def test_protected_person_shows_only_the_stub_to_uncleared(investigator, client_for, make_user):
    witness = make_person(
        "Zanzibar",
        "Quilla",
        date(1979, 11, 23),
        jurisdiction="NSW",
        protected=True,
        aliases=[("Marchetti", "Q")],
    )
    canaries = [
        "Zanzibar",
        "ZANZIBAR",
        "Quilla",
        "Marchetti",
        "MARCHETTI",
        witness.national_id,
        str(witness.pk),
        "1979",
        "23 Nov",
    ]
    client = client_for(investigator)
    for params in ({"q": "Quilla Zanzibar"}, {"q": "23/11/1979"}, {"q": "Q Marchetti"}):
        response = client.get(URL, params)
        body = response.content.decode()
        assert response.status_code == 200
        assert "A restricted record exists." in body
        assert "NSW Child Protection Register" in body
        visible = body.split("<section", 1)[1]  # the form echoes what the user typed
        for canary in canaries:
            assert canary not in visible, (params, canary)
    assert AuditEvent.objects.filter(action="person.search", protected=True).count() == 3
    cleared = make_user("nsw.cleared", jurisdiction="NSW", roles=[Role.REGISTRAR], cleared=True)
    body = client_for(cleared).get(URL, {"q": "Quilla Zanzibar"}).content.decode()
    assert "ZANZIBAR, Quilla" in body
    assert witness.national_id in body
    assert "A restricted record exists." not in body


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.ADMINISTRATOR])
def test_roles_without_search_get_403(make_user, client_for, role):
    user = make_user(f"act.{role.value}", roles=[role])
    response = client_for(user).get(URL, {"q": "John Smith"})
    assert response.status_code == 403
    assert AuditEvent.objects.filter(action="person.search", outcome="denied").count() == 1


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL, {"q": "John Smith"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_rate_limit_answers_429(investigator, client_for, monkeypatch):
    # A day-long window: a minute-long one could roll over between the three requests.
    monkeypatch.setattr(views, "SEARCH_RATE", "2/d")
    client = client_for(investigator)
    statuses = [client.get(URL, {"q": f"Name{i} Person"}).status_code for i in range(3)]
    assert statuses == [200, 200, 429]
    assert "Too many searches" in client.get(URL, {"q": "x y"}).content.decode()
