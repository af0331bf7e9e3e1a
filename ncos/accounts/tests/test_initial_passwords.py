"""Initial and reset passwords: random, single use, 24 hours; never chosen by an administrator
(security.md AU-11; T6)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from ncos.access.roles import Role
from ncos.accounts import services
from ncos.accounts.admin_forms import UserCreateForm
from ncos.accounts.models import User
from ncos.directory.models import Jurisdiction

from .helpers import post_login

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "violet harbour meadow lantern"


def _create(admin, username="act.new"):
    return services.user_create(
        actor=admin,
        username=username,
        first_name="New",
        last_name="Officer",
        jurisdiction=Jurisdiction.objects.get(code="ACT"),
        roles=[Role.REGISTRAR],
    )


def test_initial_passwords_are_random_and_long(administrator):
    passwords = {_create(administrator, f"act.new{i}")[1] for i in range(5)}
    assert len(passwords) == 5
    assert all(len(p) >= 24 for p in passwords)


def test_the_new_user_must_change_it_first(administrator):
    user, password = _create(administrator)
    client = Client()
    response = post_login(client, user.username, password)
    assert response["Location"] == "/accounts/password/change/"
    assert client.get("/")["Location"] == "/accounts/password/change/"
    assert client.get("/api/v1/me").status_code == 403
    response = client.post(
        "/accounts/password/change/",
        {"oldpassword": password, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.must_change_password
    assert user.initial_password_expires_at is None
    # The password change ended the session; signing in with the chosen password works, and
    # the next stop is setting up a second factor.
    again = Client()
    assert post_login(again, user.username, NEW_PASSWORD)["Location"] == "/"
    assert again.get("/")["Location"] == "/accounts/2fa/"
    assert post_login(Client(), user.username, password).status_code == 200


def test_an_initial_password_works_only_once(administrator):
    user, password = _create(administrator)
    assert post_login(Client(), user.username, password).status_code == 302
    second = post_login(Client(), user.username, password)
    assert second.status_code == 200
    assert "are not correct" in second.content.decode()


def test_an_initial_password_expires_after_24_hours(administrator):
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        user, password = _create(administrator)
        traveller.shift(timedelta(hours=24, seconds=1))
        assert post_login(Client(), user.username, password).status_code == 200
    with time_machine.travel(start + timedelta(hours=23, minutes=59), tick=False):
        other, other_password = _create(administrator, "act.other")
    with time_machine.travel(start + timedelta(hours=47, minutes=58), tick=False):
        assert post_login(Client(), other.username, other_password).status_code == 302


def test_a_reset_issues_a_new_single_use_password_and_ends_sessions(administrator, make_user):
    user = make_user("act.forgetful")
    old_stamp = user.security_stamp
    password = services.user_reset_password(actor=administrator, user=user)
    user.refresh_from_db()
    assert user.must_change_password
    assert user.security_stamp != old_stamp
    assert user.check_password(password)
    assert not user.check_password("a long enough test passphrase 42")


def test_administrators_cannot_choose_a_password(administrator, client_for, make_user):
    assert not any("password" in name for name in UserCreateForm.base_fields)
    client = client_for(administrator)
    chosen = "the administrator picked this one"
    response = client.post(
        "/users/new/",
        {
            "username": "act.picked",
            "first_name": "P",
            "last_name": "Q",
            "roles": ["registrar"],
            "password": chosen,
            "password1": chosen,
        },
    )
    assert response.status_code == 200
    user = User.objects.get(username="act.picked")
    assert not user.check_password(chosen)
    shown = response.context["password"]
    assert user.check_password(shown)
    target = make_user("act.target")
    response = client.post(f"/users/{target.pk}/reset-password/", {"password": chosen})
    target.refresh_from_db()
    assert not target.check_password(chosen)
    assert target.check_password(response.context["password"])
