"""The sharing pages: recording travel (no JavaScript needed), the person's travel page, the
notification as the receiving registry sees it, transfers, and the refusals as pages."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from ncos.access.roles import Role
from ncos.registry.models import Person
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing.models import TransferRequest, TravelNotification, TravelPlan
from ncos.sharing.tests.factories import (
    record_travel,
    registrable_person,
    user_for,
)

pytestmark = pytest.mark.django_db


def _travel_post(person, legs, **extra):
    today = local_today(person)
    depart = today + timedelta(days=20)
    data = {
        "trip-depart_on": depart.isoformat(),
        "trip-return_on": (depart + timedelta(days=20)).isoformat(),
        "trip-transport_mode": "air",
        "trip-transport_details": "QF 1",
        "trip-purpose": "Holiday",
        "report-reported_on": today.isoformat(),
        "report-report_manner": "in_person",
        "report-report_place": "Belconnen Police Station",
        "legs-TOTAL_FORMS": "4",
        "legs-INITIAL_FORMS": "0",
        "legs-MIN_NUM_FORMS": "3",
        "legs-MAX_NUM_FORMS": "20",
    }
    for i, (code, country, place, a, b) in enumerate(legs):
        data.update(
            {
                f"legs-{i}-jurisdiction": code,
                f"legs-{i}-country": country,
                f"legs-{i}-place": place,
                f"legs-{i}-arrive_on": (depart + timedelta(days=a)).isoformat(),
                f"legs-{i}-leave_on": (depart + timedelta(days=b)).isoformat(),
            }
        )
    data.update(extra)
    return data


def test_recording_travel_through_the_page(client_for):
    person = registrable_person("ACT")
    client = client_for(registrar_for("ACT"))
    url = reverse("sharing:travel_create", kwargs={"person_id": person.pk})
    page = client.get(url)
    assert page.status_code == 200
    assert page.content.decode().count('aria-label="Stay ') == 4
    response = client.post(
        url,
        _travel_post(
            person,
            [
                ("NSW", "", "Mascot", 0, 2),
                ("", "Thailand", "Bangkok", 2, 18),
                ("NSW", "", "Sydney", 18, 20),
            ],
        ),
    )
    plan = TravelPlan.objects.get(person=person)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "sharing:travel_detail", kwargs={"person_id": person.pk, "travel_id": plan.pk}
    )
    assert [leg.destination for leg in plan.legs.all()] == ["NSW", "Thailand", "NSW"]
    detail = client.get(response["Location"]).content.decode()
    assert "Overseas travel planned; no permission of the competent authority yet." in detail
    assert "Record an application for permission" in detail


def test_a_page_error_names_the_stay(client_for):
    person = registrable_person("ACT")
    client = client_for(registrar_for("ACT"))
    url = reverse("sharing:travel_create", kwargs={"person_id": person.pk})
    response = client.post(url, _travel_post(person, [("ACT", "", "Home", 0, 2)]))
    assert response.status_code == 400
    assert "Stay 1: A stay in ACT is not travel away from the managing jurisdiction." in (
        response.content.decode()
    )
    response = client.post(url, _travel_post(person, [("NSW", "Fiji", "", 0, 2)]))
    assert response.status_code == 400
    assert "not both" in response.content.decode()
    assert not TravelPlan.objects.filter(person=person).exists()


def test_the_person_pages_carry_the_travel_tab_and_flags(client_for):
    person = registrable_person("ACT")
    record_travel(person, depart_in=-1, days=5, legs=[("Bali", 0, 5, "Kuta")])
    client = client_for(registrar_for("ACT"))
    summary = client.get(reverse("registry:person_detail", kwargs={"person_id": person.pk}))
    html = summary.content.decode()
    assert reverse("sharing:person_travel", kwargs={"person_id": person.pk}) in html
    assert "Overseas travel without the competent authority&#x27;s permission." in html
    travel = client.get(reverse("sharing:person_travel", kwargs={"person_id": person.pk}))
    assert "flagged" in travel.content.decode()
    assert "No application for permission to travel overseas." in travel.content.decode()


def test_the_receiving_registry_sees_what_to_do_and_acknowledges(client_for):
    person = registrable_person("ACT")
    plan = record_travel(person, legs=[("NSW", 0, 20, "Newcastle")])
    notification = TravelNotification.objects.get(plan=plan)
    url = reverse("sharing:notification_detail", kwargs={"notification_id": notification.pk})
    nsw = client_for(user_for("NSW", Role.CASE_MANAGER))
    html = nsw.get(url).content.decode()
    assert "the traveller must contact the registrar within 21 days of arrival" in html
    assert person.display_name in html
    assert (
        'action="'
        + reverse("sharing:notification_acknowledge", kwargs={"notification_id": notification.pk})
        in html
    )
    # Another registry reads it (national visibility) but cannot answer it.
    vic = client_for(user_for("VIC"))
    assert 'type="submit">Acknowledge<' not in vic.get(url).content.decode()
    ack = reverse("sharing:notification_acknowledge", kwargs={"notification_id": notification.pk})
    assert vic.post(ack, {"version": 1}).status_code == 403
    assert nsw.post(ack, {"version": 7}).status_code == 409
    response = nsw.post(ack, {"version": 1, "note": "Local station told."})
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.status == "acknowledged"
    contact = reverse("sharing:notification_contact", kwargs={"notification_id": notification.pk})
    bad = nsw.post(contact, {"version": 2, "contact_at": "not a time", "manner": "phone"})
    assert bad.status_code == 400
    assert "Enter a date and time" in bad.content.decode()


def test_a_protected_person_s_notification_is_a_stub_without_clearance(client_for):
    person = registrable_person("ACT", protected=True, family_name="Canaryprotected")
    plan = record_travel(person, actor=registrar_for("ACT"), legs=[("NSW", 0, 20, "X")])
    notification = TravelNotification.objects.get(plan=plan)
    url = reverse("sharing:notification_detail", kwargs={"notification_id": notification.pk})
    html = client_for(user_for("NSW")).get(url).content.decode()
    assert "A restricted record exists" in html
    assert "Canaryprotected" not in html
    assert person.national_id not in html
    cleared = client_for(user_for("NSW", cleared=True)).get(url).content.decode()
    assert "CANARYPROTECTED" in cleared


def test_transfer_request_and_acceptance_through_the_pages(client_for):
    person = registrable_person("ACT")
    act = client_for(registrar_for("ACT"))
    url = reverse("sharing:transfer_create", kwargs={"person_id": person.pk})
    today = local_today(person)
    response = act.post(
        url,
        {
            "tx-to_jurisdiction": "NSW",
            "tx-entered_on": today.isoformat(),
            "tx-handover_note": "Moved to Newcastle; works nights.",
        },
    )
    transfer = TransferRequest.objects.get(person=person)
    assert response["Location"] == reverse(
        "sharing:transfer_detail", kwargs={"transfer_id": transfer.pk}
    )
    decide = reverse("sharing:transfer_decide", kwargs={"transfer_id": transfer.pk})
    nsw = client_for(user_for("NSW"))
    refused = nsw.post(decide, {"version": 1, "decision": "refuse", "note": ""})
    assert refused.status_code == 400
    assert "Give the reasons for refusing." in refused.content.decode()
    assert act.post(decide, {"version": 1, "decision": "accept"}).status_code == 403
    assert nsw.post(decide, {"version": 1, "decision": "accept"}).status_code == 302
    assert Person.objects.get(pk=person.pk).managing_jurisdiction_id == "NSW"
    page = nsw.get(reverse("sharing:transfer_detail", kwargs={"transfer_id": transfer.pk}))
    assert "Moved to Newcastle; works nights." in page.content.decode()
