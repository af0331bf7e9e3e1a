"""What an audit row holds (security.md LG-2, LG-3, LG-7; T8): who, when (UTC, µs), from where,
what, which record, which fields changed, the request id; control characters escaped."""

from __future__ import annotations

import json
import logging

import pytest
from django.test import Client

from ncos.access.roles import Role
from ncos.audit import record as audit
from ncos.audit.models import AuditEvent
from ncos.common import context
from ncos.common.logging import JsonFormatter

pytestmark = pytest.mark.django_db


def test_a_write_row_carries_actor_time_place_request_and_changes(make_user):
    user = make_user("act.writer", roles=[Role.REGISTRAR, Role.CASE_MANAGER])
    ctx = context.RequestContext(
        request_id="req-12345678", ip_address="203.0.113.9", user_agent="pytest", channel="web"
    )
    with context.activate(ctx):
        event = audit.record_write(
            actor=user,
            action="person.update",
            object_type="person",
            object_id="p-1",
            managing_jurisdiction="ACT",
            changes={"family_name": ("Smith", "Smyth")},
        )
    assert event is not None
    event.refresh_from_db()
    assert (event.actor_id, event.actor_username, event.actor_jurisdiction) == (
        user.pk,
        "act.writer",
        "ACT",
    )
    assert event.actor_roles == "case_manager,registrar"
    assert (event.ip_address, event.request_id, event.channel) == (
        "203.0.113.9",
        "req-12345678",
        "web",
    )
    assert (event.object_type, event.object_id, event.managing_jurisdiction) == (
        "person",
        "p-1",
        "ACT",
    )
    assert event.details == {"changes": {"family_name": {"before": "Smith", "after": "Smyth"}}}
    assert event.at.utcoffset().total_seconds() == 0
    assert event.seq >= 1
    assert len(event.hash) == 64


def test_timestamps_keep_microseconds():
    events = [audit.record(action="test.tick") for _ in range(3)]
    stored = [AuditEvent.objects.get(pk=e.pk).at for e in events]
    assert stored == [e.at for e in events]
    assert any(at.microsecond for at in stored)


def test_a_request_writes_its_request_id_and_address(make_user):
    user = make_user("act.reader")
    client = Client(REMOTE_ADDR="198.51.100.20", HTTP_X_REQUEST_ID="abcdef12-3456")
    client.post(
        "/accounts/login/",
        {"login": user.username, "password": "wrong wrong wrong wrong", "acknowledge": "on"},
    )
    event = AuditEvent.objects.get(action="auth.sign_in_failed")
    assert event.request_id == "abcdef12-3456"
    assert event.ip_address == "198.51.100.20"
    assert event.channel == "web"


def test_a_forged_request_id_is_replaced():
    client = Client(HTTP_X_REQUEST_ID="bad id\r\nInjected: yes")
    response = client.get("/healthz")
    assert "\n" not in response["X-Request-ID"]
    assert response["X-Request-ID"] != "bad id\r\nInjected: yes"


def test_control_characters_are_stored_escaped(make_user):
    evil = "mallory\r\n2026-01-01 auth.sign_in allowed admin\x1b[31m\u202e"
    Client().post("/accounts/login/", {"login": evil, "password": "x" * 20, "acknowledge": "on"})
    event = AuditEvent.objects.get(action="auth.sign_in_failed")
    assert "\r" not in event.actor_username
    assert "\n" not in event.actor_username
    assert "\x1b" not in event.actor_username
    assert "\u202e" not in event.actor_username
    assert event.actor_username.startswith("mallory\\x0d\\x0a2026-01-01")
    audit.record(action="test.details", details={"note": "a\nb", "k\r": ["c\x00"]})
    latest = AuditEvent.objects.order_by("-seq").first()
    assert latest.details == {"note": "a\\x0ab", "k\\x0d": ["c\\x00"]}


def test_log_lines_are_json_and_one_line_each():
    record = logging.LogRecord(
        "ncos.test", logging.WARNING, __file__, 1, "user %s", ("a\r\nb",), None
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert "\r" not in line
    assert json.loads(line)["message"] == "user a\r\nb"


def test_a_search_row_keeps_terms_and_result_ids(make_user):
    user = make_user()
    event = audit.record_search(actor=user, terms={"name": "smith"}, result_ids=["a", "b"])
    assert event.details == {
        "terms": {"name": "smith"},
        "result_ids": ["a", "b"],
        "result_count": 2,
    }
    assert event.action == "person.search"


def test_sign_in_and_sign_out_are_audited(make_user, totp_code):
    from ncos.accounts.tests.helpers import sign_in

    user = make_user("act.inout")
    client = Client()
    sign_in(client, user)
    client.post("/accounts/logout/")
    actions = list(
        AuditEvent.objects.filter(actor_id=user.pk).order_by("seq").values_list("action", flat=True)
    )
    assert actions == ["auth.sign_in", "auth.sign_out"]
