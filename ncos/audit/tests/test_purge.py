"""Purging audit events past retention (security.md LG-8): never under a year, the chain still
verifies from the signed checkpoint, and deleting the head without one is still caught."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import connection

from ncos.access.errors import RuleViolation
from ncos.audit import record as audit
from ncos.audit.append_only import triggers_lifted
from ncos.audit.models import AuditEvent
from ncos.audit.purge import default_cutoff, purge_before, years_before
from ncos.audit.services import verify_chain

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)


def _events_at(when: datetime, count: int) -> None:
    for index in range(count):
        with time_machine.travel(when + timedelta(minutes=index), tick=False):
            audit.record(action="test.event", actor=None, details={"n": index})


def test_the_retention_and_minimum_age_are_calendar_years():
    assert years_before(NOW, 7) == datetime(2019, 11, 25, tzinfo=UTC)
    leap = datetime(2028, 2, 29, 12, tzinfo=UTC)
    assert years_before(leap, 1) == datetime(2027, 2, 28, tzinfo=UTC)
    assert default_cutoff(NOW) == datetime(2019, 11, 25, tzinfo=UTC)


def test_a_cutoff_less_than_a_year_ago_is_refused():
    _events_at(NOW - timedelta(days=400), 3)
    with pytest.raises(RuleViolation, match="at least a year"):
        purge_before(NOW - timedelta(days=300), now=NOW)
    assert AuditEvent.objects.count() == 3


def test_old_events_go_and_the_rest_still_verifies():
    _events_at(datetime(2018, 3, 1, tzinfo=UTC), 4)
    _events_at(datetime(2025, 6, 1, tzinfo=UTC), 3)
    purged = purge_before(datetime(2019, 1, 1, tzinfo=UTC), now=NOW)
    assert (purged.up_to_seq, purged.rows) == (4, 4)
    remaining = list(AuditEvent.objects.order_by("seq").values_list("seq", "action"))
    assert remaining == [
        (5, "test.event"),
        (6, "test.event"),
        (7, "test.event"),
        (8, "audit.purged"),
    ]
    assert verify_chain().ok
    # Without a signed checkpoint, losing the head of the chain is still caught.
    with triggers_lifted(connection):
        AuditEvent.objects.filter(seq=5).delete()
    result = verify_chain()
    assert (result.ok, result.problem) == (False, "sequence gap (rows deleted)")


def test_the_command_asks_before_deleting():
    _events_at(datetime(2017, 5, 1, tzinfo=UTC), 2)
    out = io.StringIO()
    call_command("audit_purge", "--before", "2018-01-01", stdout=out)
    assert "2 audit event(s) recorded before 2018-01-01 would be deleted" in out.getvalue()
    assert AuditEvent.objects.count() == 2
    call_command("audit_purge", "--before", "2018-01-01", "--yes", stdout=out)
    assert "deleted 2 audit event(s) up to #2" in out.getvalue()
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["audit.purged"]
    with pytest.raises(CommandError, match="at least a year"):
        call_command("audit_purge", "--before", datetime.now(UTC).date().isoformat())
