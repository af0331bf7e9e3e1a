"""CSRF: every unsafe-method endpoint refuses a request without a valid token (security.md IN-4;
T13). The endpoints come from the URL resolver, so new ones are covered as they appear."""

from __future__ import annotations

import re
import uuid

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from ncos.access.roles import Role
from ncos.access.testing import UNSAFE_METHODS, endpoints, load_matrix

pytestmark = pytest.mark.django_db

_KW = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>\w+)>")
SAMPLES = {"int": 1, "uuid": uuid.UUID(int=1), "str": "x", "slug": "x", "path": "x"}


def _dummy_kwargs(route: str) -> dict[str, object]:
    return {m.group("name"): SAMPLES[m.group("conv") or "str"] for m in _KW.finditer(route)}


def _unsafe():
    unguarded = load_matrix().unguarded
    found = []
    for endpoint in endpoints():
        if not endpoint.name:
            continue
        methods = endpoint.methods if endpoint.declared else ("POST",)
        if not endpoint.declared and endpoint.name not in unguarded:
            continue
        found += [(endpoint, m) for m in methods if m in UNSAFE_METHODS]
    return found


UNSAFE = _unsafe()


def _csrf_refusal(response) -> bool:
    if response.status_code != 403:
        return False
    body = response.content.decode()
    return "CSRF" in body or "This form has expired" in body


def test_the_walk_finds_the_unsafe_endpoints():
    names = {e.name for e, _ in UNSAFE}
    assert {
        "account_login",
        "account_logout",
        "accounts:user_create",
        "accounts:token_revoke",
    } <= names
    assert len(UNSAFE) >= 15


@pytest.mark.parametrize(("endpoint", "method"), UNSAFE, ids=lambda v: getattr(v, "name", v))
def test_unsafe_request_without_a_token_is_refused(endpoint, method, make_user):
    user = make_user(roles=list(Role), cleared=True)  # every right: only CSRF can refuse
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    url = reverse(endpoint.name, kwargs=_dummy_kwargs(endpoint.route))
    if endpoint.name.startswith("api:"):
        response = client.generic(method, url, data="{}", content_type="application/json")
    else:
        response = client.generic(
            method, url, data="a=1", content_type="application/x-www-form-urlencoded"
        )
    assert _csrf_refusal(response), (method, url, response.status_code)


def test_the_sign_in_form_needs_a_token():
    response = Client(enforce_csrf_checks=True).post(
        "/accounts/login/", {"login": "x", "password": "y", "acknowledge": "on"}
    )
    assert _csrf_refusal(response)


def test_a_token_from_another_session_is_refused(make_user):
    user = make_user()
    mine, theirs = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    mine.force_login(user)
    theirs.get("/accounts/login/")
    stolen = theirs.cookies[settings.CSRF_COOKIE_NAME].value
    mine.get("/users/tokens/")
    response = mine.post("/users/tokens/", {"name": "x", "csrfmiddlewaretoken": stolen})
    assert _csrf_refusal(response)


def test_a_valid_token_is_accepted_but_a_foreign_origin_is_not(make_user):
    user = make_user()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    page = client.get("/users/tokens/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    ok = client.post("/users/tokens/", {"name": "bridge", "csrfmiddlewaretoken": token})
    assert ok.status_code == 200
    assert "Copy this token now" in ok.content.decode()
    evil = client.post(
        "/users/tokens/",
        {"name": "evil", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://evil.example",
    )
    assert _csrf_refusal(evil)
