"""Errors leak nothing (security.md ER-1; T10) and the API speaks one JSON error shape."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LEAKS = (
    "Traceback",
    "table_that_does_not_exist",
    "SELECT",
    "/work/",
    ".py",
    "SECRET_KEY",
    "DATABASES",
    "OperationalError",
    "ProgrammingError",
    "site-packages",
)


@pytest.mark.urls("ncos.common.tests.boom_urls")
def test_a_forced_500_page_shows_a_reference_and_nothing_else():
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Something went wrong" in body
    reference = response["X-Request-ID"]
    assert f"Reference: {reference}" in body
    for leak in LEAKS:
        assert leak not in body, leak


@pytest.mark.urls("ncos.common.tests.boom_urls")
def test_a_forced_500_in_the_api_is_json_with_a_reference():
    response = Client(raise_request_exception=False).get("/api/v1/boom")
    assert response.status_code == 500
    assert response.json() == {
        "error": "Internal error.",
        "field": None,
        "request_id": response["X-Request-ID"],
    }
    for leak in LEAKS:
        assert leak not in response.content.decode()


def test_404_page_gives_a_reference(registrar, client_for):
    response = client_for(registrar).get("/no/such/page/")
    assert response.status_code == 404
    assert "Reference:" in response.content.decode()


def test_api_errors_have_one_shape(registrar, client_for):
    client = client_for(registrar)
    anonymous = Client().get("/api/v1/me")
    assert anonymous.status_code == 401
    assert anonymous.json() == {
        "error": "Authentication credentials were not provided.",
        "field": None,
    }
    forbidden = client.get("/api/v1/assessments")
    assert forbidden.status_code in (403, 405)
    assert set(forbidden.json()) >= {"error", "field"}
    not_allowed = client.delete("/api/v1/me")
    assert not_allowed.status_code == 405
    assert not_allowed.json() == {"error": 'Method "DELETE" not allowed.', "field": None}
    missing = client.get("/api/v1/no-such-endpoint")
    assert missing.status_code == 404


def test_a_validation_error_names_the_field(registrar, client_for):
    from ncos.api.errors import _first_field_error

    assert _first_field_error({"person": {"dob": ["Enter a valid date."]}}) == (
        "person.dob",
        "Enter a valid date.",
    )
    assert _first_field_error({"offences": [{}, {"date": ["Required."]}]}) == (
        "offences[1].date",
        "Required.",
    )
    assert _first_field_error({"non_field_errors": ["Bad."]}) == (None, "Bad.")
    response = client_for(registrar).post(
        "/api/v1/me", data="{not json", content_type="application/json"
    )
    assert response.status_code in (400, 405)
    assert set(response.json()) >= {"error", "field"}
    assert "Traceback" not in response.content.decode()


def test_record_errors_map_to_status_codes():
    from ncos.access.errors import AccessDenied, ConflictError, NotFound, RuleViolation
    from ncos.api.errors import exception_handler

    assert exception_handler(NotFound(), {}).status_code == 404
    assert exception_handler(NotFound(), {}).data == {"error": "Not found.", "field": None}
    conflict = exception_handler(ConflictError("changed", current_version=4), {})
    assert (conflict.status_code, conflict.data["current_version"]) == (412, 4)
    rule = exception_handler(RuleViolation("Too late.", field="date"), {})
    assert (rule.status_code, rule.data) == (400, {"error": "Too late.", "field": "date"})
    denied = exception_handler(AccessDenied("internal reason"), {})
    assert denied.status_code == 403
    assert "internal reason" not in str(denied.data)
