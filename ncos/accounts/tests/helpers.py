"""Sign-in through the real forms (password, banner, second factor), for the accounts tests."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from ncos.common.testing.fixtures import TEST_PASSWORD, current_totp

LOGIN = "/accounts/login/"
MFA = "/accounts/2fa/authenticate/"
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|"X-CSRFToken": "[^"]+"')


def post_login(client: Client, username: str, password: str = TEST_PASSWORD, **extra):
    data = {"login": username, "password": password, "acknowledge": "on"}
    return client.post(LOGIN, data, **extra)


def sign_in(client: Client, user, password: str = TEST_PASSWORD, offset_steps: int = 0):
    """Password, then the TOTP stage; returns the final response (302 to home when it worked)."""
    first = post_login(client, user.username, password)
    assert first.status_code == 302, first.status_code
    if first["Location"] != MFA:
        return first
    return client.post(MFA, {"code": current_totp(user, offset_steps)})


def is_signed_in(client: Client) -> bool:
    response = client.get(reverse("web:home"))
    return response.status_code == 200


def normalised(body: bytes) -> str:
    """A page body with per-request tokens taken out, for comparing two responses."""
    text = body.decode()
    text = _CSRF.sub("CSRF", text)
    text = re.sub(r'nonce="[^"]+"', 'nonce="N"', text)
    return re.sub(r"Reference: [0-9a-f]+", "Reference: X", text)
