"""Per-user API tokens for systems: created, used, revoked, audited (issue 2, API)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ncos.accounts import services
from ncos.accounts.models import ApiToken, User
from ncos.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _bearer(secret: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_create_use_and_revoke_through_the_pages(make_user, client_for):
    user = make_user("act.system")
    client = client_for(user)
    response = client.post("/users/tokens/", {"name": "case-management bridge"})
    secret = response.context["secret"]
    assert secret.startswith("ncos_")
    assert secret in response.content.decode()
    token = ApiToken.objects.get(user=user)
    assert secret.split("_", 2)[2] not in token.key_hash  # only a hash is stored
    assert client.get("/users/tokens/").content.decode().count(secret) == 0  # shown once

    api = Client()
    me = api.get("/api/v1/me", **_bearer(secret))
    assert me.status_code == 200
    assert me.json()["username"] == "act.system"
    token.refresh_from_db()
    assert token.last_used_at is not None

    client.post(f"/users/tokens/{token.pk}/revoke/")
    refused = api.get("/api/v1/me", **_bearer(secret))
    assert refused.status_code == 401
    assert refused.json() == {"error": "The token is invalid, expired or revoked.", "field": None}
    actions = list(
        AuditEvent.objects.filter(object_type="api_token")
        .order_by("seq")
        .values_list("action", "actor_id")
    )
    assert actions == [("api_token.create", user.pk), ("api_token.revoke", user.pk)]


def test_a_token_needs_no_csrf_but_a_session_write_does(make_user):
    user = make_user()
    _token, secret = services.api_token_create(actor=user, name="bridge")
    api = Client(enforce_csrf_checks=True)
    # POST to a GET-only endpoint: the token is accepted (405, not a CSRF 403).
    assert api.post("/api/v1/me", **_bearer(secret)).status_code == 405


@pytest.mark.parametrize("bad", ["ncos_deadbeef_nope", "Bearer", "ncos__", "x" * 200, ""])
def test_malformed_or_unknown_tokens_are_refused(bad):
    response = Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {bad}")
    assert response.status_code == 401
    assert response.json()["field"] is None


def test_a_tampered_secret_is_refused(make_user):
    user = make_user()
    _token, secret = services.api_token_create(actor=user, name="bridge")
    tampered = secret[:-1] + ("A" if secret[-1] != "A" else "B")
    assert Client().get("/api/v1/me", **_bearer(tampered)).status_code == 401


def test_expired_tokens_and_disabled_users_are_refused(make_user):
    user = make_user()
    _token, secret = services.api_token_create(
        actor=user, name="old", expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert Client().get("/api/v1/me", **_bearer(secret)).status_code == 401
    _token, live = services.api_token_create(actor=user, name="live")
    assert Client().get("/api/v1/me", **_bearer(live)).status_code == 200
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert Client().get("/api/v1/me", **_bearer(live)).status_code == 401


def test_a_token_cannot_be_revoked_by_someone_else(make_user, client_for):
    owner = make_user("act.owner")
    token, secret = services.api_token_create(actor=owner, name="bridge")
    other = make_user("act.other")
    assert client_for(other).post(f"/users/tokens/{token.pk}/revoke/").status_code == 404
    assert Client().get("/api/v1/me", **_bearer(secret)).status_code == 200


def test_a_token_needs_a_name(make_user, client_for):
    user = make_user()
    response = client_for(user).post("/users/tokens/", {"name": ""})
    assert "This field is required." in response.content.decode()
    assert not ApiToken.objects.exists()
