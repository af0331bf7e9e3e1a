"""POST /api/v1/assessments answers exactly what the law engine answers, for every scenario
shipped with the engine, and malformed cases get the contract's error object (never a trace)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.core.cache import cache

from ncos.access.roles import Role
from ncos.law import assess
from ncos.law.testing import to_json

SCENARIO_ROOT = Path(__file__).resolve().parents[2] / "law" / "scenarios"
URL = "/api/v1/assessments"


def _scenario_cases() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(SCENARIO_ROOT.rglob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            cases.append(
                (f"{path.parent.name}/{path.stem}: {entry['name']}", to_json(entry["case"]))
            )
    return cases


SCENARIOS = _scenario_cases()


def test_scenarios_were_found():
    assert len(SCENARIOS) >= 60


@pytest.fixture
def api(make_user, client_for):
    return client_for(make_user(roles=[Role.INVESTIGATOR]))


@pytest.mark.django_db
def test_every_scenario_answers_the_same_over_http(api):
    mismatches = []
    for name, case in SCENARIOS:
        cache.clear()  # the "assess" throttle (120/min) is for people, not for this replay
        response = api.post(URL, case, content_type="application/json")
        try:
            expected = assess(case)
        except Exception as exc:  # the engine's own refusal must match the API's
            if response.status_code != 400 or "error" not in response.json():
                mismatches.append(f"{name}: engine raised {exc!r}, API said {response.status_code}")
            continue
        if response.status_code != 200 or response.json() != expected:
            mismatches.append(f"{name}: status {response.status_code}")
    assert mismatches == []


@pytest.mark.django_db
def test_a_list_of_cases_is_answered_in_order(api):
    cases = [case for _, case in SCENARIOS[:3]]
    response = api.post(URL, cases, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == assess(cases)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"as_of": "2026-03-01", "person": {"date_of_birth": "1985-06-30"}}, "jurisdiction"),
        (
            {
                "jurisdiction": "XYZ",
                "as_of": "2026-03-01",
                "person": {"date_of_birth": "1985-06-30"},
            },
            "jurisdiction",
        ),
        (
            {
                "jurisdiction": "ACT",
                "as_of": "2026-02-30",
                "person": {"date_of_birth": "1985-06-30"},
            },
            "as_of",
        ),
        (
            {
                "jurisdiction": "ACT",
                "as_of": "2026-03-01",
                "person": {"date_of_birth": "1985-06-30"},
                "offences": "s 61",
            },
            "offences",
        ),
    ],
)
def test_malformed_case_gives_the_error_object(api, body, field):
    response = api.post(URL, body, content_type="application/json")
    assert response.status_code == 400
    payload = response.json()
    assert set(payload) >= {"error", "field"}
    assert payload["field"] == field
    assert "Traceback" not in response.content.decode()


@pytest.mark.django_db
def test_the_assess_throttle_answers_429_with_the_error_shape(api):
    cache.clear()
    statuses = [
        api.post(URL, SCENARIOS[0][1], content_type="application/json").status_code
        for _ in range(121)
    ]
    assert statuses[:120] == [200] * 120
    assert statuses[120] == 429


@pytest.mark.django_db
def test_invalid_json_is_a_400_with_the_error_shape(api):
    response = api.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert "error" in response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.AUDITOR, Role.ADMINISTRATOR])
def test_roles_without_register_access_cannot_assess(make_user, client_for, role):
    client = client_for(make_user(roles=[role]))
    response = client.post(URL, SCENARIOS[0][1], content_type="application/json")
    assert response.status_code == 403


@pytest.mark.django_db
def test_anonymous_is_refused(client):
    response = client.post(URL, SCENARIOS[0][1], content_type="application/json")
    assert response.status_code in (401, 403)
    assert "error" in response.json()
