"""Fixtures every Django-side test can use.

`make_user` creates a user with roles in a jurisdiction and a real TOTP authenticator (MFA is
enforced in test settings); `client_for(user)` signs them in; `totp_code(user)` gives a valid
code for the current 30-second step.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from allauth.mfa.utils import decrypt
from django.test import Client

from ncos.access.roles import Role
from ncos.accounts.models import RoleGrant, User
from ncos.directory.models import Jurisdiction

TEST_PASSWORD = "a long enough test passphrase 42"  # noqa: S105


def _make_user(
    username: str | None = None,
    *,
    jurisdiction: str = "ACT",
    roles: Iterable[Role | str] = (Role.REGISTRAR,),
    cleared: bool = False,
    mfa: bool = True,
    password: str = TEST_PASSWORD,
    **fields: Any,
) -> User:
    roles = [Role(r) for r in roles]
    if username is None:
        slug = "-".join(r.value for r in roles) or "norole"
        username = f"{jurisdiction.lower()}.{slug}.{User.objects.count() + 1}"
    user = User.objects.create_user(
        username=username,
        password=password,
        jurisdiction=Jurisdiction.objects.get(code=jurisdiction),
        protected_clearance=cleared,
        first_name=fields.pop("first_name", "Test"),
        last_name=fields.pop("last_name", username),
        **fields,
    )
    RoleGrant.objects.bulk_create([RoleGrant(user=user, role=r) for r in roles])
    if mfa:
        TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture(scope="session", autouse=True)
def _flush_safe() -> None:
    """Transactional tests (live_server, browser) empty every table afterwards: the audit
    triggers are lifted for that flush and reference data is loaded again (see flush.py)."""
    from ncos.common.testing.flush import make_test_flush_safe

    make_test_flush_safe()


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    return _make_user


def current_totp(user: User, offset_steps: int = 0) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    counter = int(time.time()) // 30 + offset_steps
    return format_hotp_value(hotp_value(decrypt(authenticator.data["secret"]), counter))


@pytest.fixture
def totp_code() -> Callable[..., str]:
    return current_totp


@pytest.fixture
def client_for(db: Any) -> Callable[[User], Client]:
    def signed_in(user: User, **client_kwargs: Any) -> Client:
        client = Client(**client_kwargs)
        client.force_login(user)
        return client

    return signed_in


@pytest.fixture
def registrar(make_user: Callable[..., User]) -> User:
    return make_user("act.reg", jurisdiction="ACT", roles=[Role.REGISTRAR])


@pytest.fixture
def administrator(make_user: Callable[..., User]) -> User:
    return make_user("act.adm", jurisdiction="ACT", roles=[Role.ADMINISTRATOR])


@pytest.fixture
def auditor(make_user: Callable[..., User]) -> User:
    return make_user("act.aud", jurisdiction="ACT", roles=[Role.AUDITOR])
