"""Accounts unused for 45 days are disabled by the nightly sweep (security.md OP-1; T7)."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from ncos.accounts import services
from ncos.accounts.models import User
from ncos.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_45_days_and_a_minute_unused_is_disabled_and_audited(make_user):
    now = timezone.now()
    stale = make_user("act.stale")
    fresh = make_user("act.fresh")
    never = make_user("act.never")
    User.objects.filter(pk=stale.pk).update(last_activity_at=now - timedelta(days=45, minutes=1))
    User.objects.filter(pk=fresh.pk).update(last_activity_at=now - timedelta(days=44, hours=23))
    User.objects.filter(pk=never.pk).update(
        last_activity_at=None, last_login=None, date_joined=now - timedelta(days=46)
    )
    with time_machine.travel(now, tick=False):
        out = StringIO()
        call_command("accounts_sweep", stdout=out)
    assert out.getvalue().strip() == "disabled 2 inactive account(s)"
    states = dict(User.objects.values_list("username", "is_active"))
    assert states == {"act.stale": False, "act.fresh": True, "act.never": False}
    events = AuditEvent.objects.filter(action="user.disabled").order_by("seq")
    assert sorted((e.object_id, e.actor_id, e.reason) for e in events) == sorted(
        [(str(stale.pk), None, "unused for 45 days"), (str(never.pk), None, "unused for 45 days")]
    )
    assert events[0].details["changes"] == {"is_active": {"before": True, "after": False}}
    # Running it again changes nothing.
    with time_machine.travel(now, tick=False):
        assert services.disable_inactive_accounts() == []


def test_activity_keeps_an_account_alive(make_user, client_for):
    user = make_user("act.busy")
    start = timezone.now()
    User.objects.filter(pk=user.pk).update(last_activity_at=start - timedelta(days=44))
    client = client_for(user)
    assert client.get("/").status_code == 200
    with time_machine.travel(start + timedelta(days=2), tick=False):
        assert services.disable_inactive_accounts() == []


def test_re_enabling_restarts_the_clock(make_user, administrator):
    user = make_user("act.back")
    now = timezone.now()
    User.objects.filter(pk=user.pk).update(last_activity_at=now - timedelta(days=60))
    assert services.disable_inactive_accounts(now=now) == [user.pk]
    user.refresh_from_db()
    services.user_enable(actor=administrator, user=user)
    assert services.disable_inactive_accounts(now=now + timedelta(minutes=5)) == []


def test_an_account_used_only_through_its_api_token_stays_active(make_user):
    from django.test import Client

    user = make_user("act.bridge")
    _token, secret = services.api_token_create(actor=user, name="bridge")
    start = timezone.now()
    with time_machine.travel(start + timedelta(days=44), tick=False):
        assert Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    with time_machine.travel(start + timedelta(days=60), tick=False):
        assert services.disable_inactive_accounts() == []
    with time_machine.travel(start + timedelta(days=90), tick=False):
        assert services.disable_inactive_accounts() == [user.pk]
