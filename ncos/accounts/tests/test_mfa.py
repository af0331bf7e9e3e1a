"""Second factors (security.md AU-1, AU-2, AU-3; T6). WebAuthn is exercised in the browser tests."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import time_machine
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.conf import settings
from django.test import Client
from django.utils import timezone

from ncos.access.testing import endpoints
from ncos.common.testing.fixtures import TEST_PASSWORD, current_totp

from .helpers import MFA, is_signed_in, post_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def mid_step():
    """Hold the clock in the middle of a 30-second step, so a slow machine cannot carry a code
    across a step boundary between computing and checking it."""
    now = timezone.now()
    middle = now.replace(second=(now.second // 30) * 30 + 15, microsecond=0)
    with time_machine.travel(middle, tick=False):
        yield


def _password_stage(user) -> Client:
    client = Client()
    response = post_login(client, user.username)
    assert response["Location"] == MFA
    return client


def _declared_get_urls():
    """Every declared endpoint without URL kwargs (kwargs need records; none are reachable
    without a session anyway)."""
    from django.urls import reverse

    return [
        reverse(e.name) for e in endpoints() if e.declared and not e.kwargs and "GET" in e.methods
    ]


def test_a_password_only_session_reaches_no_endpoint(make_user):
    user = make_user()
    client = _password_stage(user)
    urls = _declared_get_urls()
    assert len(urls) >= 10
    reached = []
    for url in urls:
        response = client.get(url)
        if response.status_code < 300:
            reached.append((url, response.status_code))
        elif response.status_code in (301, 302):
            assert response["Location"].startswith("/accounts/login/"), (url, response["Location"])
        else:
            assert response.status_code == 401, (url, response.status_code)
    assert reached == []


def test_a_user_without_a_second_factor_is_sent_to_set_one_up(make_user):
    user = make_user(mfa=False)
    client = Client()
    assert post_login(client, user.username)["Location"] == "/"  # no second stage to pass
    reached = []
    for url in _declared_get_urls():
        response = client.get(url)
        if url.startswith("/api/"):
            if response.status_code != 403:
                reached.append((url, response.status_code))
            else:
                assert "second sign-in factor" in response.json()["error"]
        elif response.status_code != 302 or response["Location"] != "/accounts/2fa/":
            reached.append((url, response.status_code))
    assert reached == []
    assert client.get("/accounts/2fa/").status_code == 200
    # Adding a factor needs the password again (allauth's step-up), then the page opens.
    assert client.get("/accounts/2fa/totp/activate/")["Location"].startswith(
        "/accounts/reauthenticate/"
    )
    client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_totp_accepts_one_step_either_side(make_user, offset, mid_step):
    user = make_user()
    client = _password_stage(user)
    response = client.post(MFA, {"code": current_totp(user, offset)})
    assert response["Location"] == "/"
    assert is_signed_in(client)


@pytest.mark.parametrize("offset", [-3, -2, 2, 3])
def test_totp_refuses_codes_further_away(make_user, offset, mid_step):
    user = make_user()
    client = _password_stage(user)
    response = client.post(MFA, {"code": current_totp(user, offset)})
    assert response.status_code == 200
    assert "Incorrect code" in response.content.decode()
    assert not is_signed_in(client)


def test_a_used_totp_code_is_refused(make_user, mid_step):
    user = make_user()
    code = current_totp(user)
    first = _password_stage(user)
    assert first.post(MFA, {"code": code})["Location"] == "/"
    second = _password_stage(user)
    assert second.post(MFA, {"code": code}).status_code == 200
    assert not is_signed_in(second)


def test_a_used_totp_code_stays_refused_for_its_whole_validity(make_user):
    # A code is valid while the clock is within one step of it: up to 90 s. Replays must be
    # refused for all of that time, not only for 30 s.
    user = make_user()
    now = timezone.now()
    step_start = now.replace(second=(now.second // 30) * 30, microsecond=0)
    with time_machine.travel(step_start + timedelta(seconds=1), tick=False) as traveller:
        code = current_totp(user, 1)  # the next step's code, accepted early
        assert _password_stage(user).post(MFA, {"code": code})["Location"] == "/"
        for seconds in (31, 45, 59, 75):
            traveller.move_to(step_start + timedelta(seconds=1 + seconds))
            client = _password_stage(user)
            assert client.post(MFA, {"code": code}).status_code == 200, seconds
            assert not is_signed_in(client)


def test_recovery_codes_work_once_each(make_user, mid_step):
    user = make_user()
    codes = RecoveryCodes.activate(user).get_unused_codes()
    assert len(codes) == settings.MFA_RECOVERY_CODE_COUNT
    first = _password_stage(user)
    assert first.post(MFA, {"code": codes[0]})["Location"] == "/"
    again = _password_stage(user)
    assert again.post(MFA, {"code": codes[0]}).status_code == 200
    assert not is_signed_in(again)
    other = _password_stage(user)
    assert other.post(MFA, {"code": codes[1]})["Location"] == "/"


def test_recovery_codes_alone_are_not_a_second_factor(make_user, client_for):
    user = make_user(mfa=False)
    RecoveryCodes.activate(user)
    response = client_for(user).get("/")
    assert response["Location"] == "/accounts/2fa/"


def test_enrolling_totp_through_the_page(make_user, mid_step):
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    user = make_user(mfa=False)
    client = Client()
    post_login(client, user.username)
    client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    assert secret in page.content.decode()  # shown for typing in, next to the QR code
    import time

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_an_authenticator_app_cannot_be_added_next_to_a_security_key(make_user, mid_step):
    """ISM-2011: once a security key is enrolled, TOTP is not accepted (the browser journey
    shows enrolling a key removes an existing TOTP)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    user = make_user(mfa=False)
    client = Client()
    post_login(client, user.username)
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.WEBAUTHN, data={"name": "Blue key", "credential": {}}
    )
    client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    page = client.get("/accounts/2fa/totp/activate/")
    secret = client.session["mfa.totp.secret"]
    import time

    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    refused = client.post("/accounts/2fa/totp/activate/", {"code": code})
    assert page.status_code == refused.status_code == 200
    assert "cannot be added" in refused.content.decode()
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def test_no_email_sms_or_security_question_paths():
    # AU-2: there is no code path that could send a factor or a reset by email or SMS.
    root = Path(settings.BASE_DIR)
    offenders = []
    for path in (root / "ncos").rglob("*.py"):
        if "tests" in path.parts or "law" in path.parts:
            continue
        if path.relative_to(root).as_posix() == "ncos/accounts/adapter.py":
            continue  # its send_mail refuses to send anything
        text = path.read_text(encoding="utf-8").lower()
        for needle in ("send_mail(", "emailmessage(", "send_sms", "security_question"):
            if needle in text:
                offenders.append(f"{path.relative_to(root)}: {needle}")
    assert offenders == []
    from django.urls import NoReverseMatch, reverse

    for name in ("account_reset_password", "account_signup", "account_email"):
        with pytest.raises(NoReverseMatch):
            reverse(name)
