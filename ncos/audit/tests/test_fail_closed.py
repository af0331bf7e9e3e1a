"""Fail closed: when the audit row cannot be written, nothing is shown (security.md LG-6; T8).
A trigger that makes every audit INSERT fail is installed on the real database for the test."""

from __future__ import annotations

import logging

import pytest

from ncos.audit.models import AuditEvent

from .failclosed_urls import CANARY
from .helpers import break_audit_inserts

pytestmark = pytest.mark.django_db


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.CRITICAL)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture
def alerts():
    handler = _Collect()
    logger = logging.getLogger("ncos.audit")
    logger.addHandler(handler)
    yield handler.messages
    logger.removeHandler(handler)


@pytest.mark.urls("ncos.audit.tests.failclosed_urls")
def test_a_person_read_answers_503_with_no_data(make_user, client_for, alerts):
    user = make_user()
    client = client_for(user)
    assert client.get("/api/v1/test-person").json() == {"name": CANARY}
    break_audit_inserts()
    response = client.get("/api/v1/test-person")
    assert response.status_code == 503
    assert CANARY not in response.content.decode()
    assert response.json()["error"] == "The service is temporarily unavailable."
    assert any("ALERT audit trail unavailable" in m for m in alerts)


def test_the_audit_page_answers_503_and_shows_nothing(auditor, client_for, alerts):
    client = client_for(auditor)
    before = AuditEvent.objects.count()
    ok = client.get("/audit/")
    assert ok.status_code == 200
    assert "auth.sign_in" in ok.content.decode()
    break_audit_inserts()
    response = client.get("/audit/")
    assert response.status_code == 503
    body = response.content.decode()
    assert "audit trail is unavailable" in body
    assert "auth.sign_in" not in body
    assert "Traceback" not in body
    assert response["X-Request-ID"] in body
    assert AuditEvent.objects.count() == before + 1  # only the first, successful search
    assert alerts


def test_sign_in_is_refused_when_it_cannot_be_audited(make_user, totp_code):
    from django.test import Client

    from ncos.accounts.tests.helpers import MFA, is_signed_in, post_login

    user = make_user("act.someone")
    client = Client()
    assert post_login(client, user.username)["Location"] == MFA
    break_audit_inserts()
    response = client.post(MFA, {"code": totp_code(user)})
    assert response.status_code == 503
    assert not is_signed_in(client)


def test_a_failed_sign_in_that_cannot_be_audited_is_refused(make_user):
    from django.test import Client

    from ncos.accounts.tests.helpers import post_login

    make_user("act.someone")
    break_audit_inserts()
    assert post_login(Client(), "act.someone", "wrong wrong wrong wrong").status_code == 503
