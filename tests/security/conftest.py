"""Fixtures of the security suites: the canary world, built once per module and rolled back.

`world` builds the protected persons of `tests/security/world.py` in a transaction that stays
open for the whole module (each test then runs in a savepoint of it, as Django's TestCase does
with `setUpTestData`) and is rolled back afterwards, so nothing leaks into other test modules.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from django.db import transaction
from django.test import Client

from tests.browser.conftest import (  # noqa: F401 - the shared Playwright fixtures, by name
    browser_context_args,
    browser_type_launch_args,
    live_server_url,
    signed_in_page,
)
from tests.security.world import World, build_world


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        try:
            yield built
        finally:
            transaction.set_rollback(True)


def signed_in(user: Any, *, fresh: bool = True) -> Client:
    """A test client signed in as `user`; `fresh`: with a password re-authentication just now
    (the step-up that bulk exports and protected records ask for, security.md SE-7)."""
    client = Client()
    client.force_login(user)
    if fresh:
        session = client.session
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {
                "method": "password",
                "at": time.time(),
                "username": user.username,
                "reauthenticated": True,
            },
            {"method": "mfa", "at": time.time(), "type": "totp", "reauthenticated": True},
        ]
        session.save()
    return client
