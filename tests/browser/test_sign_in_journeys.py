"""Sign-in journeys in Chromium: first sign-in with the one-time password, TOTP enrolment read
from the page, WebAuthn with Chromium's virtual authenticator, and the form without JavaScript."""

from __future__ import annotations

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Browser, Page, expect

from ncos.access.roles import Role
from ncos.accounts import services
from ncos.audit.models import AuditEvent
from ncos.audit.services import verify_chain
from ncos.directory.models import Jurisdiction

from .conftest import at, enter_totp, sign_in_on

pytestmark = pytest.mark.browser
NEW_PASSWORD = "violet harbour meadow lantern"


def _code(secret: str, offset: int = 0) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30 + offset))


def _reauthenticate_if_asked(page: Page, password: str) -> None:
    if "/reauthenticate/" in page.url:
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Confirm").click()


def test_new_user_first_sign_in_password_change_totp_enrolment(
    page: Page, live_server_url: str, make_user
):
    admin = make_user("act.admin", roles=[Role.ADMINISTRATOR])
    user, one_time = services.user_create(
        actor=admin,
        username="act.newcomer",
        first_name="Nia",
        last_name="Brown",
        jurisdiction=Jurisdiction.objects.get(code="ACT"),
        roles=[Role.REGISTRAR],
    )
    # 1. The one-time password leads straight to choosing a password.
    sign_in_on(page, live_server_url, "act.newcomer", one_time)
    at(page, "/accounts/password/change/")
    page.locator("#id_oldpassword").fill(one_time)
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change Password").click()
    # 2. Changing it ends the session; sign in with the new one: MFA set-up is forced.
    at(page, "/accounts/login/")
    sign_in_on(page, live_server_url, "act.newcomer", NEW_PASSWORD)
    at(page, "/accounts/2fa/")
    page.goto(f"{live_server_url}/accounts/2fa/totp/activate/")
    _reauthenticate_if_asked(page, NEW_PASSWORD)
    at(page, "/accounts/2fa/totp/activate/")
    # 3. Read the secret from the page, as a person would type it into an app.
    secret = page.locator("#authenticator_secret").input_value()
    assert len(secret) >= 16
    page.get_by_label("Authenticator code").fill(_code(secret))
    page.get_by_role("button", name="Activate").click()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    # 4. Sign out, then sign in with password + TOTP.
    page.goto(f"{live_server_url}/")
    page.get_by_role("button", name="Sign out").click()
    at(page, "/accounts/login/")
    sign_in_on(page, live_server_url, "act.newcomer", NEW_PASSWORD)
    at(page, "/accounts/2fa/authenticate/")
    enter_totp(page, _code(secret, 1))
    at(page, "/")
    expect(page.get_by_role("heading", name="Welcome, Nia Brown")).to_be_visible()
    assert AuditEvent.objects.filter(actor_id=user.pk, action="auth.sign_in").count() == 3
    assert verify_chain().ok


def test_webauthn_security_key_enrolment_and_sign_in(
    page: Page, signed_in_page, live_server_url, make_user
):
    user = make_user("act.keyholder", roles=[Role.INVESTIGATOR])
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    authenticator = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "usb",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    signed_in_page(user)
    page.goto(f"{live_server_url}/accounts/2fa/webauthn/add/")
    _reauthenticate_if_asked(page, "a long enough test passphrase 42")
    at(page, "/accounts/2fa/webauthn/add/")
    page.get_by_label("Name").fill("Blue key")
    page.get_by_role("button", name="Add", exact=True).click()
    page.wait_for_url(lambda url: "/webauthn/add/" not in url)
    key = Authenticator.objects.get(user=user, type=Authenticator.Type.WEBAUTHN)
    credentials = cdp.send(
        "WebAuthn.getCredentials", {"authenticatorId": authenticator["authenticatorId"]}
    )["credentials"]
    assert len(credentials) == 1
    assert key.data["name"] == "Blue key"
    # The key retires the authenticator app the user had (ISM-2011), and both are audited.
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    factors = AuditEvent.objects.filter(actor_id=user.pk, action__startswith="auth.mfa_")
    assert [(e.action, e.details["type"]) for e in factors.order_by("seq")] == [
        ("auth.mfa_added", "webauthn"),
        ("auth.mfa_removed", "totp"),
        ("auth.mfa_added", "recovery_codes"),
    ]

    page.goto(f"{live_server_url}/")
    page.get_by_role("button", name="Sign out").click()
    sign_in_on(page, live_server_url, user.username, "a long enough test passphrase 42")
    at(page, "/accounts/2fa/authenticate/")
    assertions: list[str] = []
    page.on("request", lambda r: _keep_assertion(r, assertions))
    page.get_by_role("button", name="Use a security key").click()
    at(page, "/")
    signed_in = AuditEvent.objects.filter(actor_id=user.pk, action="auth.sign_in")
    assert signed_in.count() == 2

    # Replaying the key's signed answer in a new sign-in is refused: it answers the old
    # challenge (security.md T6).
    assert len(assertions) == 1
    page.get_by_role("button", name="Sign out").click()
    sign_in_on(page, live_server_url, user.username, "a long enough test passphrase 42")
    at(page, "/accounts/2fa/authenticate/")
    with page.expect_navigation():
        page.evaluate(
            """(credential) => {
                const field = document.querySelector("[name=credential]");
                field.value = credential;
                field.form.submit();
            }""",
            assertions[0],
        )
    assert assertions == [assertions[0]] * 2  # the old answer was posted again ...
    at(page, "/accounts/2fa/authenticate/")  # ... and refused
    assert signed_in.count() == 2


def _keep_assertion(request, kept: list[str]) -> None:  # type: ignore[no-untyped-def]
    if request.method == "POST" and request.url.endswith("/accounts/2fa/authenticate/"):
        from urllib.parse import parse_qs

        kept.extend(parse_qs(request.post_data or "").get("credential", []))


def test_password_sign_in_works_without_javascript(
    browser: Browser, live_server_url, make_user, totp_code
):
    user = make_user("act.nojs", roles=[Role.CASE_MANAGER])
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in_on(page, live_server_url, user.username, "a long enough test passphrase 42")
        at(page, "/accounts/2fa/authenticate/")
        enter_totp(page, totp_code(user))
        at(page, "/")
        expect(page.get_by_role("heading", name="Welcome")).to_be_visible()
        # The sign-in page refuses without the banner acknowledgement, with a clear message.
        page.get_by_role("button", name="Sign out").click()
        page.get_by_label("Username").fill(user.username)
        page.get_by_label("Password").fill("a long enough test passphrase 42")
        page.get_by_role("button", name="Sign in").click()
        expect(
            page.get_by_text("You must acknowledge the notice before signing in.")
        ).to_be_visible()
    finally:
        context.close()


def test_wrong_password_and_unknown_user_show_the_same_message(
    page: Page, live_server_url, make_user
):
    make_user("act.real")
    messages = []
    for username in ("act.real", "act.nobody"):
        sign_in_on(page, live_server_url, username, "definitely not the password")
        alert = page.get_by_role("alert")
        expect(alert).to_be_visible()
        messages.append(alert.inner_text())
    assert messages[0] == messages[1]
    assert "not correct" in messages[0]
