"""The weekly anomaly report (security.md LG-9 and its test: a user who views 200 persons in 10
minutes is flagged in the next report)."""

from __future__ import annotations

import io
import uuid
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ncos.access.roles import Role
from ncos.audit import record as audit
from ncos.audit.anomalies import detect, rows_between
from ncos.audit.models import AuditEvent, Outcome

pytestmark = pytest.mark.django_db


def _reads(actor, count, *, every=timedelta(seconds=3), managing="ACT", **kw):
    start = timezone.now() - timedelta(days=2)
    for index in range(count):
        with time_machine.travel(start + index * every, tick=False):
            audit.record_read(
                actor=actor,
                object_type="person",
                object_id=uuid.uuid4(),
                managing_jurisdiction=managing,
                protected=kw.get("protected", False),
                outcome=kw.get("outcome", Outcome.ALLOWED),
            )


def _findings():
    now = timezone.now()
    return {(f.kind, f.username): f for f in detect(rows_between(now - timedelta(days=7), now))}


def test_two_hundred_persons_in_ten_minutes_is_flagged_and_thirty_is_not(make_user):
    bulk = make_user("act.bulk", roles=[Role.INVESTIGATOR])
    steady = make_user("act.steady", roles=[Role.INVESTIGATOR])
    _reads(bulk, 200)  # 3 seconds apart: 10 minutes
    _reads(steady, 30)
    findings = _findings()
    flagged = findings[("bulk viewing", "act.bulk")]
    assert flagged.count == 200
    assert flagged.end - flagged.start == timedelta(seconds=597)
    assert ("bulk viewing", "act.steady") not in findings


def test_fifty_one_in_an_hour_is_flagged_but_spread_over_a_day_is_not(make_user):
    over = make_user("act.over", roles=[Role.INVESTIGATOR])
    spread = make_user("act.spread", roles=[Role.INVESTIGATOR])
    _reads(over, 51, every=timedelta(seconds=70))  # 58 min 20 s from first to last
    _reads(spread, 60, every=timedelta(minutes=5))  # at most 13 in any hour
    findings = _findings()
    assert findings[("bulk viewing", "act.over")].count == 51
    assert ("bulk viewing", "act.spread") not in findings


def test_refusals_protected_attempts_and_foreign_reads(make_user):
    prober = make_user("nsw.prober", jurisdiction="NSW", roles=[Role.INVESTIGATOR])
    _reads(prober, 10, outcome=Outcome.DENIED, managing="ACT")
    _reads(prober, 2, outcome=Outcome.STUB, protected=True)
    _reads(prober, 21, managing="ACT")
    findings = _findings()
    assert findings[("denied burst", "nsw.prober")].count == 10
    assert findings[("protected attempts", "nsw.prober")].count == 2
    assert findings[("out-of-jurisdiction reads", "nsw.prober")].count == 21 + 2


def test_the_command_and_the_auditors_page(make_user, client_for):
    bulk = make_user("act.bulk2", roles=[Role.INVESTIGATOR])
    _reads(bulk, 60, every=timedelta(seconds=10))
    out = io.StringIO()
    call_command("audit_anomalies", "--days", "7", stdout=out)
    assert "1 finding(s)" in out.getvalue()
    assert "bulk viewing: act.bulk2 (ACT)" in out.getvalue()

    act_auditor = client_for(make_user("act.aud", roles=[Role.AUDITOR]))
    page = act_auditor.get(reverse("audit:anomalies")).content.decode()
    assert "act.bulk2" in page
    assert "60 distinct persons opened within an hour" in page
    assert AuditEvent.objects.filter(actor_username="act.aud", action="audit.read").count() == 1
    nsw_auditor = client_for(make_user("nsw.aud", jurisdiction="NSW", roles=[Role.AUDITOR]))
    assert "act.bulk2" not in nsw_auditor.get(reverse("audit:anomalies")).content.decode()
    investigator = client_for(bulk)
    assert investigator.get(reverse("audit:anomalies")).status_code == 403
