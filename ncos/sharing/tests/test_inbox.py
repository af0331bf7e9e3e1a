"""The inbox: each registry's own items, unread counts on every page, filters, paging, every
opening audited, CSV export neutralised and audited, and the dashboard escalation."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.registry.tests.factories import registrar_for
from ncos.sharing import services
from ncos.sharing.models import InboxItem, InboxRead
from ncos.sharing.services._common import post_inbox
from ncos.sharing.tests.factories import record_travel, registrable_person, user_for

pytestmark = pytest.mark.django_db
SYDNEY = ZoneInfo("Australia/Sydney")


def _badge(html: str) -> str | None:
    marker = 'Inbox <span class="ncos-badge">'
    if marker not in html:
        return None
    return html.split(marker, 1)[1].split("<", 1)[0]


def test_unread_count_on_every_page_and_opening_marks_read_with_one_audit_row(client_for):
    person = registrable_person("ACT")
    record_travel(person, legs=[("NSW", 0, 20, "Newcastle")])
    nsw_user = user_for("NSW")
    nsw = client_for(nsw_user)
    assert _badge(nsw.get(reverse("web:home")).content.decode()) == "1"
    assert _badge(nsw.get(reverse("sharing:inbox")).content.decode()) == "1"
    # The sender's inbox is not the receiver's.
    assert (
        _badge(client_for(registrar_for("ACT")).get(reverse("web:home")).content.decode()) is None
    )
    item = InboxItem.objects.get(jurisdiction_id="NSW")
    before = AuditEvent.objects.count()
    response = nsw.get(reverse("sharing:inbox_open", kwargs={"item_id": item.pk}))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "sharing:notification_detail", kwargs={"notification_id": item.object_id}
    )
    rows = list(AuditEvent.objects.filter(seq__gt=before))
    assert len(rows) == 1
    assert (rows[0].action, rows[0].object_id, rows[0].purpose) == (
        "person.view",
        str(person.pk),
        "inbox",
    )
    assert rows[0].details["inbox_item"] == str(item.pk)
    assert InboxRead.objects.filter(item=item, user=nsw_user).exists()
    assert _badge(nsw.get(reverse("web:home")).content.decode()) is None
    # Still unread for a colleague.
    assert _badge(client_for(user_for("NSW", Role.CASE_MANAGER)).get("/").content.decode()) == "1"


def test_another_registry_s_item_does_not_exist_for_the_user(client_for):
    person = registrable_person("ACT")
    record_travel(person, legs=[("NSW", 0, 20, "Newcastle")])
    item = InboxItem.objects.get(jurisdiction_id="NSW")
    response = client_for(user_for("VIC")).get(
        reverse("sharing:inbox_open", kwargs={"item_id": item.pk})
    )
    assert response.status_code == 404


def test_filters_sorting_paging_and_the_empty_state(client_for):
    person = registrable_person("ACT")
    for n in range(27):
        post_inbox(
            jurisdiction="NSW",
            from_jurisdiction="ACT" if n % 2 else "QLD",
            kind="transfer_response",
            title=f"Item {n:02d}",
            person=person,
            object_type="transfer_request",
            object_id=person.pk,
        )
    nsw = client_for(user_for("NSW"))
    url = reverse("sharing:inbox")
    first = nsw.get(url).content.decode()
    assert "Items 1–25 of 27" in first
    assert first.index("Item 26") < first.index("Item 02")  # newest first
    oldest = nsw.get(url, {"sort": "received"}).content.decode()
    assert oldest.index("Item 00") < oldest.index("Item 01")
    assert "Items 26–27 of 27" in nsw.get(url, {"page": 2}).content.decode()
    only_act = nsw.get(url, {"from_jurisdiction": "ACT"}).content.decode()
    assert "of 13" in only_act
    assert (
        "No items match these filters."
        in nsw.get(url, {"kind": "travel_notification"}).content.decode()
    )
    bad = nsw.get(url, {"received_from": "2026-05-02", "received_to": "2026-05-01"})
    assert bad.status_code == 400
    assert "The end is before the start." in bad.content.decode()
    assert "The inbox is empty." in client_for(user_for("WA")).get(url).content.decode()
    assert client_for(user_for("NSW", Role.AUDITOR)).get(url).status_code == 403


def test_a_protected_person_shows_as_restricted_in_the_list_and_the_export(client_for):
    person = registrable_person("ACT", protected=True, family_name="=Canaryinbox")
    record_travel(person, legs=[("NSW", 0, 20, "Newcastle")])
    nsw = client_for(user_for("NSW"))
    html = nsw.get(reverse("sharing:inbox")).content.decode()
    assert "Restricted record" in html
    assert "CANARYINBOX" not in html.upper()
    assert person.national_id not in html
    export = nsw.get(reverse("sharing:inbox_export")).content.decode()
    assert "CANARYINBOX" not in export.upper()
    assert person.national_id not in export


def test_the_csv_export_neutralises_formulas_and_is_audited(client_for):
    person = registrable_person("ACT", family_name="=HYPERLINK(1)")
    record_travel(person, legs=[("NSW", 0, 20, "Newcastle")])
    nsw = client_for(user_for("NSW"))
    before = AuditEvent.objects.count()
    response = nsw.get(reverse("sharing:inbox_export"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["received", "kind", "from"]
    assert rows[1][5] == "'=HYPERLINK(1), Alex"
    audit = AuditEvent.objects.get(seq=before + 1)
    assert audit.action == "inbox.export"
    assert audit.details["person_ids"] == [str(person.pk)]


def test_escalation_on_the_dashboards_of_both_registries(client_for):
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=SYDNEY), tick=False):  # Monday
        person = registrable_person("ACT")
        record_travel(person, legs=[("NSW", 0, 20, "Newcastle")])
        assert "not acknowledged in time" not in (
            client_for(user_for("NSW")).get("/").content.decode()
        )
    with time_machine.travel(datetime(2026, 3, 5, 9, 0, tzinfo=SYDNEY), tick=False):  # Thursday
        nsw_home = client_for(user_for("NSW")).get("/").content.decode()
        assert "Travel notifications not acknowledged in time" in nsw_home
        assert "Sent to NSW and not acknowledged within 2 working days" in nsw_home
        act_home = client_for(registrar_for("ACT")).get("/").content.decode()
        assert "1 sent by ACT are waiting on another registry" in act_home
        inbox = client_for(user_for("NSW")).get(reverse("sharing:inbox"), {"state": "escalated"})
        assert "not acknowledged in time" in inbox.content.decode()
        notification = person.travel_notifications.get()
        services.notification_acknowledge(
            actor=user_for("NSW"), notification_id=notification.pk, expected_version=1
        )
        assert "Travel notifications not acknowledged in time" not in (
            client_for(user_for("NSW")).get("/").content.decode()
        )
