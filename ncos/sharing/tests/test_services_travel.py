from __future__ import annotations

from datetime import timedelta

import pytest

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.registry.models import Obligation
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing import services
from ncos.sharing.choices import ChangeKind, NotificationStatus, TravelState
from ncos.sharing.models import InboxItem, TravelChange, TravelNotification
from ncos.sharing.services import LegInput, ReturnInput
from ncos.sharing.tests.factories import (
    OVERSEAS_WITH_NSW_STOPOVER,
    itinerary,
    record_travel,
    registrable_person,
    user_for,
)

pytestmark = pytest.mark.django_db


def test_recording_travel_notifies_each_australian_destination_and_sets_the_deadline():
    person = registrable_person("ACT")
    plan = record_travel(person, legs=OVERSEAS_WITH_NSW_STOPOVER)
    assert plan.overseas is True
    assert [leg.destination for leg in plan.legs.all()] == ["NSW", "Thailand", "NSW"]
    notification = TravelNotification.objects.get(plan=plan)
    assert notification.to_jurisdiction_id == "NSW"
    assert notification.status == NotificationStatus.PENDING
    stays = notification.content["requirements"]["stays"]
    assert [s["days"] for s in stays] == [2, 2]
    # NSW: 14 days or more triggers contact; two 2-day stays do not.
    assert notification.content["requirements"]["contact_required"] is False
    assert InboxItem.objects.filter(jurisdiction_id="NSW", object_id=notification.pk).count() == 1
    obligation = Obligation.objects.get(person=person, kind="travel_notice")
    assert obligation.due_date == plan.depart_on - timedelta(days=7)
    assert obligation.status == "met"  # reported in person today, 20 days ahead
    assert obligation.key == f"travel_notice:{plan.depart_on.isoformat()}:overseas"


def test_a_long_stay_tells_the_receiving_registry_when_contact_is_due():
    person = registrable_person("ACT")
    plan = record_travel(person, legs=[("VIC", 0, 20, "Geelong")])
    content = TravelNotification.objects.get(plan=plan).content["requirements"]
    assert (content["threshold_days"], content["deadline_days"]) == (14, 21)
    assert content["contact_required"] is True
    assert content["contact_due_on"] == (plan.depart_on + timedelta(days=21)).isoformat()


def test_recording_writes_one_audit_row_and_the_change_log():
    person = registrable_person("ACT")
    before = AuditEvent.objects.count()
    plan = record_travel(person)
    rows = AuditEvent.objects.filter(seq__gt=before).order_by("seq")
    assert [r.action for r in rows] == ["person.travel.record"]
    assert rows[0].details["notified"] == ["NSW"]
    change = TravelChange.objects.get(plan=plan)
    assert change.kind == ChangeKind.RECORDED
    assert change.after["legs"][0]["destination"] == "NSW"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"legs": []}, "legs"),
        ({"return_on": None}, "return_on"),
        ({"transport_mode": "teleport"}, "transport_mode"),
    ],
)
def test_invalid_itineraries_are_refused_with_the_field(change, field):
    person = registrable_person("ACT")
    base = itinerary(person)
    bad = base.__class__(**{**base.__dict__, **change})
    with pytest.raises(RuleViolation) as caught:
        services.travel_record(
            actor=registrar_for("ACT"),
            person_id=person.pk,
            itinerary=bad,
            reported_on=local_today(person),
        )
    assert caught.value.field == field


def test_a_stay_at_home_and_australia_as_a_country_are_refused():
    person = registrable_person("ACT")
    base = itinerary(person)
    for destination, message in (("ACT", "not travel away"), ("Australia", "state or territory")):
        bad = base.__class__(
            **{**base.__dict__, "legs": [LegInput(destination, base.depart_on, base.return_on)]}
        )
        with pytest.raises(RuleViolation, match=message):
            services.travel_record(
                actor=registrar_for("ACT"),
                person_id=person.pk,
                itinerary=bad,
                reported_on=local_today(person),
            )


def test_only_the_managing_registry_records_travel():
    person = registrable_person("ACT")
    for actor in (user_for("NSW"), user_for("ACT", Role.INVESTIGATOR)):
        with pytest.raises(AccessDenied):
            record_travel(person, actor=actor)
    assert not person.travel_plans.exists()


def test_a_change_revises_adds_and_withdraws_notifications():
    person = registrable_person("ACT")
    plan = record_travel(person, legs=[("NSW", 0, 10, "Newcastle"), ("QLD", 10, 20, "Cairns")])
    nsw = TravelNotification.objects.get(plan=plan, to_jurisdiction="NSW")
    changed = itinerary(person, legs=[("NSW", 0, 5, "Newcastle"), ("VIC", 5, 20, "Ballarat")])
    services.travel_change(
        actor=registrar_for("ACT"),
        plan_id=plan.pk,
        expected_version=1,
        itinerary=changed,
        decided_on=local_today(person),
        reported_on=local_today(person),
    )
    statuses = {
        n.to_jurisdiction_id: (n.status, n.revision)
        for n in TravelNotification.objects.filter(plan=plan)
    }
    assert statuses == {
        "NSW": (NotificationStatus.PENDING, 2),
        "QLD": (NotificationStatus.WITHDRAWN, 1),
        "VIC": (NotificationStatus.PENDING, 1),
    }
    nsw.refresh_from_db()
    assert nsw.content["requirements"]["stays"][0]["days"] == 5
    assert InboxItem.objects.filter(jurisdiction_id="QLD").count() == 2


def test_a_stale_version_is_refused():
    person = registrable_person("ACT")
    plan = record_travel(person)
    with pytest.raises(ConflictError):
        services.travel_cancel(
            actor=registrar_for("ACT"),
            plan_id=plan.pk,
            expected_version=7,
            decided_on=local_today(person),
            reported_on=local_today(person),
        )


def test_cancelling_withdraws_notifications_and_owes_a_decision_report():
    person = registrable_person("ACT")
    plan = record_travel(person)
    services.travel_cancel(
        actor=registrar_for("ACT"),
        plan_id=plan.pk,
        expected_version=1,
        decided_on=local_today(person),
        reported_on=local_today(person),
    )
    plan.refresh_from_db()
    assert plan.state == TravelState.CANCELLED
    assert TravelNotification.objects.get(plan=plan).status == NotificationStatus.WITHDRAWN
    decision = Obligation.objects.get(person=person, kind="decision_not_to_travel")
    assert decision.status == "met"  # reported the same day, in an approved way


def test_the_return_is_checked_against_what_was_reported():
    person = registrable_person("ACT")
    plan = record_travel(person, depart_in=-30, days=10, legs=[("Fiji", 0, 10, "Suva")])
    today = local_today(person)
    check = services.travel_return(
        actor=registrar_for("ACT"),
        plan_id=plan.pk,
        expected_version=1,
        data=ReturnInput(
            returned_on=plan.return_on,
            reported_on=today,
            destinations_visited=["Fiji", "Vanuatu"],
            passport_sighted=False,
            passport_number="PA1234567",
        ),
    )
    assert check.discrepancies == [
        "Went to Vanuatu, which was not reported.",
        "The passport was not sighted (ACT s 47 (2) (b)).",
        "No ticket or other document verifying the travel was sighted.",
        "No permission of the competent authority was recorded for this overseas travel.",
        "Passport PA1234567 is not among the person's recorded passports.",
    ]
    plan.refresh_from_db()
    assert plan.state == TravelState.RETURNED
    assert plan.returned_on == today - timedelta(days=20)
    # ACT s 47: within 7 days after returning; reported 20 days after, so met late.
    report = Obligation.objects.get(person=person, kind="return_report")
    assert report.due_date >= plan.returned_on + timedelta(days=7)
    assert report.status == "met"
    assert report.days_late > 0
