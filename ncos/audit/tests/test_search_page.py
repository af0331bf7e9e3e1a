"""The auditors' page: search by user, record, action and dates; CSV export, itself audited;
protected rows' details withheld without clearance (issue 2; security.md LG-3, LG-9)."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ncos.access.roles import Role
from ncos.audit import record as audit
from ncos.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
SYDNEY = ZoneInfo("Australia/Sydney")


@pytest.fixture
def trail(make_user):
    reg = make_user("act.reg1", roles=[Role.REGISTRAR])
    other = make_user("act.cm1", roles=[Role.CASE_MANAGER])
    nsw = make_user("nsw.reg1", jurisdiction="NSW", roles=[Role.REGISTRAR])
    with time_machine.travel(datetime(2026, 3, 1, 10, 0, tzinfo=SYDNEY), tick=False):
        audit.record_read(
            actor=reg,
            object_type="person",
            object_id="P-1",
            managing_jurisdiction="ACT",
            protected=False,
        )
    with time_machine.travel(datetime(2026, 3, 5, 10, 0, tzinfo=SYDNEY), tick=False):
        audit.record_read(
            actor=other,
            object_type="person",
            object_id="P-2",
            managing_jurisdiction="ACT",
            protected=True,
            details={"secret_name": "Wilhelmina Quince"},
        )
        audit.record_write(
            actor=reg,
            action="person.update",
            object_type="person",
            object_id="P-1",
            managing_jurisdiction="ACT",
            changes={"family_name": ("=HYPERLINK(1)", "Smyth")},
        )
    with time_machine.travel(datetime(2026, 3, 9, 23, 30, tzinfo=SYDNEY), tick=False):
        audit.record_read(
            actor=nsw,
            object_type="person",
            object_id="P-9",
            managing_jurisdiction="NSW",
            protected=False,
        )
    return reg, other, nsw


def _rows(response) -> list[str]:
    return [line for line in response.content.decode().splitlines() if "<td>" in line]


def test_filters(trail, auditor, client_for):
    client = client_for(auditor)
    page = client.get("/audit/", {"username": "act.reg1"}).content.decode()
    assert page.count("<code>person.view</code>") == 1
    assert "<code>person.update</code>" in page
    by_record = client.get("/audit/", {"object_id": "P-1"}).content.decode()
    assert by_record.count("person P-1") == 2
    assert "P-2" not in by_record
    by_action = client.get("/audit/", {"action": "person.update"}).content.decode()
    assert by_action.count("<code>person.update</code>") == 1
    assert "<code>person.view</code>" not in by_action
    dated = client.get(
        "/audit/", {"date_from": "2026-03-05", "date_to": "2026-03-05", "action": "person"}
    ).content.decode()
    assert "P-2" in dated
    assert "P-1" in dated
    assert "<code>person.view</code></td>" in dated
    early = client.get("/audit/", {"date_to": "2026-03-01", "action": "person"}).content.decode()
    assert "P-1" in early
    assert "P-2" not in early


def test_a_bad_date_range_is_explained(auditor, client_for):
    response = client_for(auditor).get(
        "/audit/", {"date_from": "2026-03-05", "date_to": "2026-03-01"}
    )
    assert response.status_code == 400
    assert "The end date is before the start date." in response.content.decode()


def test_scope_is_the_auditors_jurisdiction(trail, auditor, make_user, client_for):
    page = client_for(auditor).get("/audit/", {"action": "person"}).content.decode()
    assert "P-9" not in page  # an NSW user on an NSW record
    assert "P-1" in page
    nsw_auditor = make_user("nsw.aud", jurisdiction="NSW", roles=[Role.AUDITOR])
    nsw_page = client_for(nsw_auditor).get("/audit/", {"action": "person"}).content.decode()
    assert "P-9" in nsw_page
    assert "P-1" not in nsw_page


def test_protected_details_are_withheld_without_clearance(trail, auditor, make_user, client_for):
    page = client_for(auditor).get("/audit/", {"object_id": "P-2"}).content.decode()
    assert "P-2" in page
    assert "Wilhelmina" not in page
    assert "details need clearance" in page
    cleared = make_user("act.aud2", roles=[Role.AUDITOR], cleared=True)
    assert "Wilhelmina" in client_for(cleared).get("/audit/", {"object_id": "P-2"}).content.decode()
    export = client_for(auditor).get("/audit/export.csv", {"object_id": "P-2"}).content.decode()
    assert "Wilhelmina" not in export


def test_searching_is_itself_audited_with_the_terms(trail, auditor, client_for):
    client_for(auditor).get("/audit/", {"username": "act.reg1", "action": "person"})
    event = AuditEvent.objects.filter(action="audit.read").latest("seq")
    assert event.actor_id == auditor.pk
    assert event.details == {"terms": {"username": "act.reg1", "action": "person"}}


def test_csv_export_is_audited_and_neutralises_formulas(trail, auditor, client_for):
    response = client_for(auditor).get("/audit/export.csv", {"object_id": "P-1"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="ncos-audit-')
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["seq", "at_utc", "user"]
    assert len(rows) == 3
    assert all(r[9] == "P-1" for r in rows[1:])
    details = [r[14] for r in rows[1:]]
    assert any("=HYPERLINK" in d for d in details)
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
    event = AuditEvent.objects.filter(action="audit.export").latest("seq")
    assert event.details == {"terms": {"object_id": "P-1"}}


def test_empty_state(auditor, client_for):
    page = client_for(auditor).get("/audit/", {"username": "nobody.at.all"}).content.decode()
    assert "No audit events match this search." in page


def test_pagination(auditor, client_for):
    for _ in range(60):
        audit.record(action="test.bulk", actor=auditor)
    first = client_for(auditor).get("/audit/", {"action": "test.bulk"}).content.decode()
    assert "Page 1 of 2" in first
    assert first.count("<code>test.bulk</code>") == 50


def test_times_are_shown_in_the_auditors_jurisdiction_zone(make_user, client_for):
    wa_user = make_user("wa.reg", jurisdiction="WA", roles=[Role.REGISTRAR])
    wa_auditor = make_user("wa.aud", jurisdiction="WA", roles=[Role.AUDITOR])
    # 10:00 in Sydney on 1 March 2026 (AEDT, UTC+11) is 07:00 in Perth (AWST, UTC+8).
    with time_machine.travel(datetime(2026, 3, 1, 10, 0, tzinfo=SYDNEY), tick=False):
        audit.record_read(
            actor=wa_user,
            object_type="person",
            object_id="W-1",
            managing_jurisdiction="WA",
            protected=False,
        )
    page = client_for(wa_auditor).get("/audit/", {"object_id": "W-1"}).content.decode()
    assert "1 March 2026 7:00" in page or "1 Mar 2026, 7:00" in page or "07:00" in page, page
    assert "10:00" not in page
