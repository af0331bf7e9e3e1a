"""Lockout, per-address throttling and enumeration (security.md AU-7, AU-8, AU-9; T5)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from ncos.access.errors import AccessDenied
from ncos.access.roles import Role
from ncos.accounts import services
from ncos.accounts.lockout import is_locked
from ncos.accounts.models import AccountLock, SignInFailure
from ncos.audit.models import AuditEvent
from ncos.common.testing.fixtures import TEST_PASSWORD

from .helpers import MFA, normalised, post_login, sign_in

WRONG = "not the right passphrase at all"
GENERIC = "The username and/or password you specified are not correct."

pytestmark = pytest.mark.django_db


def _client(ip: str = "10.9.0.1") -> Client:
    return Client(REMOTE_ADDR=ip)


def test_five_failures_lock_and_the_correct_password_then_fails_the_same_way(make_user):
    user = make_user("act.victim")
    client = _client()
    for _ in range(5):
        response = post_login(client, "act.victim", WRONG)
        assert response.status_code == 200
        assert GENERIC in response.content.decode()
    assert is_locked(user)
    wrong_body = normalised(post_login(_client("10.9.0.2"), "act.victim", WRONG).content)
    right = post_login(_client("10.9.0.3"), "act.victim", TEST_PASSWORD)
    assert right.status_code == 200  # no redirect to the MFA stage: not signed in
    assert normalised(right.content) == wrong_body
    assert AuditEvent.objects.filter(action="auth.locked", object_id=str(user.pk)).count() == 1


def test_no_sign_in_succeeds_after_the_lock(make_user):
    make_user("act.victim")
    for i in range(5):
        post_login(_client(f"10.8.0.{i}"), "act.victim", WRONG)
    successes = 0
    for i in range(100):
        # Spread over many addresses so the address throttle is not what refuses them.
        response = post_login(_client(f"10.7.{i // 10}.{i % 10}"), "act.victim", TEST_PASSWORD)
        successes += response.status_code == 302
    assert successes == 0


def test_four_failures_then_success_resets_the_count(make_user):
    user = make_user("act.fine")
    for _ in range(4):
        post_login(_client(), "act.fine", WRONG)
    assert sign_in(_client(), user)["Location"] == "/"
    for _ in range(4):
        post_login(_client(), "act.fine", WRONG)
    assert not is_locked(user)


def test_failures_older_than_fifteen_minutes_do_not_count(make_user):
    user = make_user("act.slow")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        for _ in range(4):
            post_login(_client(), "act.slow", WRONG)
        traveller.shift(timedelta(minutes=15, seconds=1))
        post_login(_client(), "act.slow", WRONG)
        assert not is_locked(user)
        for _ in range(3):
            post_login(_client(), "act.slow", WRONG)
        assert not is_locked(user)
        post_login(_client(), "act.slow", WRONG)  # five within 15 minutes
        assert is_locked(user)


def test_the_lock_does_not_lift_by_itself(make_user):
    user = make_user("act.locked")
    for _ in range(5):
        post_login(_client(), "act.locked", WRONG)
    with time_machine.travel(timezone.now() + timedelta(days=30), tick=False):
        assert is_locked(user)
        assert post_login(_client("10.1.1.1"), "act.locked").status_code == 200


def test_only_an_administrator_of_the_same_jurisdiction_releases_the_lock(make_user):
    user = make_user("act.locked")
    for _ in range(5):
        post_login(_client(), "act.locked", WRONG)
    other_admin = make_user("nsw.admin", jurisdiction="NSW", roles=[Role.ADMINISTRATOR])
    registrar = make_user("act.registrar2", roles=[Role.REGISTRAR])
    for actor in (other_admin, registrar):
        with pytest.raises(AccessDenied):
            services.lock_release(actor=actor, user=user)
        assert is_locked(user)
    denied = AuditEvent.objects.filter(action="user.admin", outcome="denied")
    assert sorted(e.actor_id for e in denied) == sorted([other_admin.pk, registrar.pk])
    admin = make_user("act.admin", roles=[Role.ADMINISTRATOR])
    assert services.lock_release(actor=admin, user=user) is True
    assert not is_locked(user)
    released = AuditEvent.objects.get(action="auth.lock_released")
    assert released.actor_id == admin.pk
    assert released.object_id == str(user.pk)
    assert sign_in(_client("10.2.2.2"), user)["Location"] == "/"


def test_unlock_page_needs_recent_reauthentication(make_user, client_for):
    user = make_user("act.locked")
    for _ in range(5):
        post_login(_client(), "act.locked", WRONG)
    admin = make_user("act.admin", roles=[Role.ADMINISTRATOR])
    client = client_for(admin)
    response = client.post(f"/users/{user.pk}/unlock/")
    assert response.status_code == 302
    assert "reauthenticate" in response["Location"]
    assert is_locked(user)


def test_a_spray_from_one_address_is_throttled_and_locks_nobody(make_user):
    users = [make_user(f"act.user{i:02d}") for i in range(25)]
    client = _client("192.0.2.50")
    statuses = [post_login(client, u.username, WRONG).status_code for u in users]
    assert statuses[:20] == [200] * 20
    assert statuses[20:] == [429] * 5
    assert not AccountLock.objects.exists()
    assert SignInFailure.objects.filter(ip_address="192.0.2.50").count() == 20
    throttled = AuditEvent.objects.filter(action="auth.throttled")
    assert throttled.count() == 5
    assert {e.ip_address for e in throttled} == {"192.0.2.50"}
    # Another address is not affected, and the throttled address gets nowhere even when right.
    assert sign_in(_client("192.0.2.51"), users[0])["Location"] == "/"
    assert post_login(client, users[1].username).status_code == 429


def test_the_throttle_expires_after_ten_minutes(make_user):
    user = make_user("act.user")
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        for i in range(20):
            post_login(_client("192.0.2.60"), f"nobody{i}", WRONG)
        assert post_login(_client("192.0.2.60"), "act.user").status_code == 429
        traveller.shift(timedelta(minutes=10, seconds=1))
        assert post_login(_client("192.0.2.60"), "act.user")["Location"] == MFA
    assert not is_locked(user)


def test_unknown_user_wrong_password_and_locked_look_identical(make_user):
    make_user("act.real")
    make_user("act.locked")
    for i in range(5):
        post_login(_client(f"10.3.0.{i}"), "act.locked", WRONG)
    tries = [
        ("act.nobody", WRONG),
        ("act.real", WRONG),
        ("act.locked", WRONG),
        ("act.locked", TEST_PASSWORD),
    ]
    responses = [
        post_login(_client(f"10.4.0.{i}"), name, password)
        for i, (name, password) in enumerate(tries)
    ]
    assert {r.status_code for r in responses} == {200}
    # The form echoes the username the visitor typed; everything else must be identical.
    bodies = {
        normalised(r.content).replace(f'value="{name}"', 'value="U"')
        for r, (name, _) in zip(responses, tries, strict=True)
    }
    assert len(bodies) == 1
    assert GENERIC in bodies.pop()
    assert {tuple(sorted(k for k in r.headers if k != "X-Request-ID")) for r in responses} == {
        tuple(sorted(k for k in responses[0].headers if k != "X-Request-ID"))
    }


def test_disabled_account_looks_like_a_wrong_password(make_user):
    user = make_user("act.gone")
    user.is_active = False
    user.save()
    disabled = post_login(_client("10.5.0.1"), "act.gone")
    wrong = post_login(_client("10.5.0.2"), "act.nobody", WRONG)
    assert disabled.status_code == wrong.status_code == 200
    assert normalised(disabled.content).replace("act.gone", "U") == normalised(
        wrong.content
    ).replace("act.nobody", "U")


def test_every_failure_is_audited_with_the_address(make_user):
    user = make_user("act.real")
    post_login(_client("198.51.100.7"), "act.real", WRONG)
    post_login(_client("198.51.100.7"), "act.nobody", WRONG)
    rows = list(AuditEvent.objects.filter(action="auth.sign_in_failed").order_by("seq"))
    assert [(r.actor_id, r.actor_username, r.reason) for r in rows] == [
        (user.pk, "act.real", "wrong password"),
        (None, "act.nobody", "unknown username"),
    ]
    assert {r.ip_address for r in rows} == {"198.51.100.7"}
    assert {r.outcome for r in rows} == {"denied"}


def test_the_sign_in_timing_benchmark_measures_all_three_and_leaves_nothing():
    import io

    from django.core.management import call_command

    from ncos.accounts.models import AccountLock, SignInFailure, User

    before = (User.objects.count(), AuditEvent.objects.count())
    out = io.StringIO()
    call_command("bench_signin", "--rounds", "3", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "failed sign-ins, 3 per kind"
    assert [line.split()[0] for line in lines[2:5]] == ["unknown", "wrong", "locked"]
    assert lines[5].startswith("  largest gap between medians: ")
    assert (User.objects.count(), AuditEvent.objects.count()) == before
    assert not SignInFailure.objects.exists()
    assert not AccountLock.objects.exists()
