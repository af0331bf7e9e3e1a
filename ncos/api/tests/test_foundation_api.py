"""/api/v1/: schema at a stable URL, browsable docs, session and token auth, default deny."""

from __future__ import annotations

import pytest
import yaml
from django.test import Client

from ncos.accounts import services

pytestmark = pytest.mark.django_db


def test_the_schema_is_openapi_3_with_explicit_unique_operation_ids(registrar, client_for):
    response = client_for(registrar).get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "ncos API"
    operations = [
        (path, method, op)
        for path, item in schema["paths"].items()
        for method, op in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]
    assert ("/api/v1/me", "get") in {(p, m) for p, m, _ in operations}
    ids = [op["operationId"] for _, _, op in operations]
    assert len(ids) == len(set(ids))
    assert {"me_read", "jurisdictions_list"} <= set(ids)
    assert {"apiToken", "session"} <= set(schema["components"]["securitySchemes"])


def test_the_schema_and_docs_need_a_signed_in_user(registrar, client_for):
    assert Client().get("/api/v1/schema/").status_code == 401
    assert Client().get("/api/v1/docs/").status_code == 401
    docs = client_for(registrar).get("/api/v1/docs/")
    assert docs.status_code == 200
    body = docs.content.decode()
    assert "swagger" in body.lower()
    assert "https://" not in body.split("<body")[0]  # assets served from our own static files


def test_token_and_session_auth_both_work(registrar, client_for):
    _token, secret = services.api_token_create(actor=registrar, name="bridge")
    by_token = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}")
    by_session = client_for(registrar).get("/api/v1/me")
    assert (
        by_token.json()
        == by_session.json()
        == {
            "username": "act.reg",
            "jurisdiction": "ACT",
            "roles": ["registrar"],
            "protected_clearance": False,
        }
    )


def test_json_only(registrar, client_for):
    response = client_for(registrar).get("/api/v1/jurisdictions", HTTP_ACCEPT="text/html")
    assert response.status_code == 406
    ok = client_for(registrar).get("/api/v1/jurisdictions")
    assert ok["Content-Type"] == "application/json"
    assert [row["code"] for row in ok.json()] == [
        "ACT",
        "NSW",
        "NT",
        "QLD",
        "SA",
        "TAS",
        "VIC",
        "WA",
    ]


@pytest.mark.urls("ncos.api.tests.undeclared_urls")
def test_a_view_without_a_declared_action_is_refused(make_user, client_for):
    from ncos.access.roles import Role

    user = make_user(roles=list(Role), cleared=True)
    response = client_for(user).get("/api/v1/forgetful")
    assert response.status_code == 403
    assert "should never be served" not in response.content.decode()
    assert response.json() == {"error": "You do not have permission to do this.", "field": None}
