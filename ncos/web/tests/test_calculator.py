"""The reporting calculator page: a registrar enters facts and sees the answer with its reasons."""

from __future__ import annotations

import pytest

from ncos.access.roles import Role
from ncos.law import assess

URL = "/calculator/"


def _form_data(**overrides):
    data = {
        "jurisdiction": "ACT",
        "as_of": "2026-03-01",
        "date_of_birth": "1985-06-30",
        "offences-TOTAL_FORMS": "1",
        "offences-INITIAL_FORMS": "0",
        "offences-0-act": "Crimes Act 1900 (ACT)",
        "offences-0-provision": "s 61",
        "offences-0-date_committed": "2023-02-11",
        "offences-0-date_found_guilty": "2024-05-02",
        "offences-0-date_sentenced": "2024-07-19",
        "offences-0-custodial": "on",
        "offences-0-custody_release_date": "2025-01-10",
        "events-TOTAL_FORMS": "1",
        "events-INITIAL_FORMS": "0",
        "events-0-type": "first_report",
        "events-0-date": "2025-01-14",
        "calculate": "1",
    }
    data.update(overrides)
    return data


def _expected_case():
    return {
        "jurisdiction": "ACT",
        "as_of": "2026-03-01",
        "person": {"date_of_birth": "1985-06-30"},
        "offences": [
            {
                "ref": "o1",
                "act": "Crimes Act 1900 (ACT)",
                "provision": "s 61",
                "date_committed": "2023-02-11",
                "date_found_guilty": "2024-05-02",
                "date_sentenced": "2024-07-19",
                "custodial": True,
                "custody_release_date": "2025-01-10",
            }
        ],
        "events": [{"type": "first_report", "date": "2025-01-14"}],
    }


@pytest.fixture
def registrar_client(make_user, client_for):
    return client_for(make_user(roles=[Role.REGISTRAR]))


@pytest.mark.django_db
def test_blank_calculator_shows_the_form(registrar_client):
    response = registrar_client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Reporting calculator" in body
    assert 'name="offences-0-provision"' in body


@pytest.mark.django_db
def test_facts_give_the_engines_answer_with_sections(registrar_client):
    response = registrar_client.post(URL, _form_data())
    assert response.status_code == 200
    expected = assess(_expected_case())
    answer = response.context["answer"]
    assert answer == expected
    body = response.content.decode()
    for step in expected["explanation"]:
        for section in step["sections"]:
            assert section in body


@pytest.mark.django_db
def test_add_offence_keeps_what_was_typed_and_adds_a_row(registrar_client):
    response = registrar_client.post(URL, _form_data(add_offence="1", calculate=""))
    body = response.content.decode()
    assert response.context["answer"] is None
    assert 'name="offences-1-provision"' in body
    assert 'value="s 61"' in body


@pytest.mark.django_db
def test_a_bad_date_is_explained_not_crashed(registrar_client):
    response = registrar_client.post(URL, _form_data(**{"offences-0-date_sentenced": "2024-02-30"}))
    assert response.status_code == 200
    assert response.context["answer"] is None
    assert "Enter a valid date" in response.content.decode()


@pytest.mark.django_db
def test_pasted_json_case_is_assessed_and_errors_show_the_field(registrar_client):
    ok = registrar_client.post(URL, {"assess_json": "1", "case_json": '{"jurisdiction": "ACT"}'})
    assert ok.status_code == 400
    assert ok.context["error"]["field"] in ("as_of", "person")


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.AUDITOR, Role.ADMINISTRATOR])
def test_calculator_is_for_register_users(make_user, client_for, role):
    assert client_for(make_user(roles=[role])).get(URL).status_code == 403
