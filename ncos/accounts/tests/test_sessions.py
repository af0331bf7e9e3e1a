"""Session lifetime and termination (security.md SE-1, SE-2, SE-4, SE-5, SE-6, SE-8; T7)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.utils import timezone

from ncos.access.roles import Role
from ncos.accounts import services
from ncos.audit.models import AuditEvent

from .helpers import LOGIN, is_signed_in, sign_in

pytestmark = pytest.mark.django_db


def _signed_in(user, offset_steps: int = 0) -> Client:
    client = Client()
    assert sign_in(client, user, offset_steps=offset_steps)["Location"] == "/"
    return client


def _clone(client: Client) -> Client:
    """Another browser holding the same (old) session cookie."""
    other = Client()
    other.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return other


def test_idle_limit_is_fifteen_minutes(make_user):
    user = make_user()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        client = _signed_in(user)
        traveller.shift(timedelta(minutes=14, seconds=59))
        assert is_signed_in(client)
        traveller.shift(timedelta(minutes=14, seconds=59))  # idle counts from the last request
        assert is_signed_in(client)
        traveller.shift(timedelta(minutes=15, seconds=1))
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
        assert not is_signed_in(client)
    event = AuditEvent.objects.filter(action="auth.sign_out").latest("seq")
    assert event.reason == "idle timeout"


def test_idle_api_request_answers_401(make_user):
    user = make_user()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        client = _signed_in(user)
        assert client.get("/api/v1/me").status_code == 200
        traveller.shift(timedelta(minutes=15, seconds=1))
        response = client.get("/api/v1/me")
        assert response.status_code == 401
        assert response.json()["error"].startswith("You were signed out after 15 minutes")


def test_absolute_limit_is_twelve_hours_even_with_activity(make_user):
    user = make_user()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        client = _signed_in(user)
        for _ in range(12 * 6 - 1):  # a request every 10 minutes for 11 h 50 min
            traveller.shift(timedelta(minutes=10))
            assert is_signed_in(client)
        traveller.shift(timedelta(minutes=9, seconds=59))  # 11:59:59
        assert is_signed_in(client)
        traveller.shift(timedelta(seconds=2))  # 12:00:01
        assert not is_signed_in(client)
    event = AuditEvent.objects.filter(action="auth.sign_out").latest("seq")
    assert event.reason == "absolute session limit"


def test_signing_in_again_needs_both_factors(make_user):
    user = make_user()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        client = _signed_in(user)
        traveller.shift(timedelta(minutes=16))
        assert not is_signed_in(client)
        response = client.post(
            LOGIN,
            {
                "login": user.username,
                "password": "a long enough test passphrase 42",
                "acknowledge": "on",
            },
        )
        assert response["Location"] == "/accounts/2fa/authenticate/"
        assert not is_signed_in(client)


def test_session_key_changes_at_sign_in(make_user):
    user = make_user()
    planted = SessionStore()
    planted["planted"] = True
    planted.create()
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = planted.session_key
    assert sign_in(client, user)["Location"] == "/"
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != planted.session_key
    assert not SessionStore(session_key=planted.session_key).exists(planted.session_key)


def test_a_new_sign_in_ends_the_older_session_and_says_so(make_user):
    user = make_user()
    first = _signed_in(user)
    second = _signed_in(user, offset_steps=1)  # the first code is spent (replay protection)
    response = first.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    page = first.get(response["Location"]).content.decode()
    assert "signed in somewhere else" in page
    assert is_signed_in(second)
    assert not is_signed_in(first)


def test_logout_invalidates_the_cookie(make_user):
    user = make_user()
    client = _signed_in(user)
    old = _clone(client)
    assert client.post("/accounts/logout/").status_code == 302
    assert not is_signed_in(old)
    assert AuditEvent.objects.filter(action="auth.sign_out", actor_id=user.pk).exists()


def test_logout_on_get_is_refused(make_user):
    user = make_user()
    client = _signed_in(user)
    client.get("/accounts/logout/")
    assert is_signed_in(client)


@pytest.mark.parametrize("path", ["disable", "roles", "clearance", "kill", "reset"])
def test_administrator_actions_end_the_session_on_the_next_request(make_user, path):
    user = make_user(roles=[Role.REGISTRAR])
    admin = make_user(roles=[Role.ADMINISTRATOR])
    client = _signed_in(user)
    assert is_signed_in(client)
    if path == "disable":
        services.user_disable(actor=admin, user=user, reason="left the unit")
    elif path == "roles":
        services.user_set_roles(actor=admin, user=user, roles=[Role.INVESTIGATOR])
    elif path == "clearance":
        from ncos.accounts.privileges import pending_for, privilege_decide

        services.user_set_clearance(actor=admin, user=user, cleared=True, reason="approved")
        assert is_signed_in(client)  # asked for, not granted: nothing changed yet
        second = make_user("act.admin2", roles=[Role.ADMINISTRATOR])
        privilege_decide(actor=second, request_id=pending_for(user)[0].pk, approve=True)
    elif path == "kill":
        services.user_end_sessions(actor=admin, user=user, reason="suspected compromise")
    else:
        services.user_reset_password(actor=admin, user=user)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_a_session_survives_when_the_stamp_is_rotated_only_by_a_cookie_copy(make_user):
    # Sanity for the test above: copying the cookie alone does not end anything.
    user = make_user()
    client = _signed_in(user)
    assert is_signed_in(_clone(client))
    assert is_signed_in(client)


def test_password_change_ends_every_session(make_user):
    user = make_user()
    client = _signed_in(user)
    old = _clone(client)
    new_password = "violet harbour meadow lantern"
    response = client.post(
        "/accounts/password/change/",
        {
            "oldpassword": "a long enough test passphrase 42",
            "password1": new_password,
            "password2": new_password,
        },
    )
    assert response.status_code == 302
    assert not is_signed_in(old)
    assert not is_signed_in(client)
    user.refresh_from_db()
    assert user.check_password(new_password)


def test_session_cookie_flags(make_user):
    user = make_user()
    client = Client()
    sign_in(client, user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert cookie["expires"] == ""  # a browser-session cookie
    assert cookie["domain"] == ""


def test_production_cookie_settings():
    from config.settings import base

    assert base.SESSION_COOKIE_HTTPONLY is True
    assert base.SESSION_COOKIE_SAMESITE in ("Lax", "Strict")
    assert base.SESSION_COOKIE_AGE == 12 * 3600
    source = (settings.BASE_DIR / "config" / "settings" / "production.py").read_text()
    for line in (
        "SESSION_COOKIE_SECURE = True",
        "CSRF_COOKIE_SECURE = True",
        'SESSION_COOKIE_NAME = "__Host-',
        'CSRF_COOKIE_NAME = "__Host-',
        "SECURE_HSTS_SECONDS = 31_536_000",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS = True",
    ):
        assert line in source
