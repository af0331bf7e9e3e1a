"""Travel notifications: acknowledgement and arrival contact by the registry they were sent to,
and the escalation after 2 of its working days."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.registry.tests.factories import registrar_for
from ncos.sharing import selectors, services
from ncos.sharing.choices import NotificationStatus
from ncos.sharing.models import TravelNotification
from ncos.sharing.rules import ack_due_on
from ncos.sharing.tests.factories import record_travel, registrable_person, user_for

pytestmark = pytest.mark.django_db
SYDNEY = ZoneInfo("Australia/Sydney")


def _notification(**kw):
    person = registrable_person("ACT", **kw)
    plan = record_travel(person, legs=[("NSW", 0, 20, "Newcastle")])
    return TravelNotification.objects.get(plan=plan)


def test_the_receiving_registry_acknowledges_with_one_audit_row():
    notification = _notification()
    before = AuditEvent.objects.count()
    done = services.notification_acknowledge(
        actor=user_for("NSW", Role.CASE_MANAGER),
        notification_id=notification.pk,
        expected_version=1,
        note="Local command told.",
    )
    assert done.status == NotificationStatus.ACKNOWLEDGED
    assert done.acknowledged_revision == 1
    rows = list(AuditEvent.objects.filter(seq__gt=before).values_list("action", "object_type"))
    assert rows == [("travel_notification.acknowledge", "travel_notification")]


@pytest.mark.parametrize(
    "who",
    [
        ("ACT", Role.REGISTRAR),  # the sender
        ("VIC", Role.REGISTRAR),  # another registry
        ("NSW", Role.INVESTIGATOR),  # reads, writes nothing
        ("NSW", Role.COMPETENT_AUTHORITY),
    ],
)
def test_only_writers_of_the_receiving_registry_answer(who):
    notification = _notification()
    with pytest.raises(AccessDenied):
        services.notification_acknowledge(
            actor=user_for(*who), notification_id=notification.pk, expected_version=1
        )
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING
    assert AuditEvent.objects.filter(outcome="denied", object_id=str(notification.pk)).exists()


def test_a_protected_person_s_notification_needs_clearance():
    notification = _notification(protected=True)
    with pytest.raises(AccessDenied):
        services.notification_acknowledge(
            actor=user_for("NSW"), notification_id=notification.pk, expected_version=1
        )
    done = services.notification_acknowledge(
        actor=user_for("NSW", cleared=True), notification_id=notification.pk, expected_version=1
    )
    assert done.status == NotificationStatus.ACKNOWLEDGED


def test_wrong_state_and_stale_version_are_refused():
    notification = _notification()
    nsw = user_for("NSW")
    with pytest.raises(ConflictError):
        services.notification_acknowledge(
            actor=nsw, notification_id=notification.pk, expected_version=9
        )
    services.notification_acknowledge(
        actor=nsw, notification_id=notification.pk, expected_version=1
    )
    with pytest.raises(RuleViolation, match="already acknowledged"):
        services.notification_acknowledge(
            actor=nsw, notification_id=notification.pk, expected_version=2
        )


def test_a_change_of_plans_asks_for_a_fresh_acknowledgement():
    notification = _notification()
    services.notification_acknowledge(
        actor=user_for("NSW"), notification_id=notification.pk, expected_version=1
    )
    plan = notification.plan
    from ncos.registry.services._common import local_today
    from ncos.sharing.tests.factories import itinerary

    today = local_today(plan.person)
    services.travel_change(
        actor=registrar_for("ACT"),
        plan_id=plan.pk,
        expected_version=1,
        itinerary=itinerary(plan.person, legs=[("NSW", 0, 25, "Maitland")], days=25),
        decided_on=today,
        reported_on=today,
        report_manner="in_person",
        report_place="Police station",
    )
    notification.refresh_from_db()
    assert notification.status == NotificationStatus.PENDING
    assert notification.revision == 2
    assert notification.acknowledged_revision == 1  # the earlier acknowledgement is kept


def test_arrival_contact_is_recorded_and_checked():
    notification = _notification()
    nsw = user_for("NSW")
    with pytest.raises(RuleViolation, match="future"):
        services.notification_record_contact(
            actor=nsw,
            notification_id=notification.pk,
            expected_version=1,
            contact_at=datetime.now(tz=SYDNEY) + timedelta(hours=2),
            manner="phone",
        )
    done = services.notification_record_contact(
        actor=nsw,
        notification_id=notification.pk,
        expected_version=1,
        contact_at=datetime.now(tz=SYDNEY) - timedelta(minutes=5),
        manner="phone",
        notes="Called from Newcastle.",
    )
    assert done.arrival_contact_manner == "phone"
    assert done.arrival_contact_by == nsw


def test_ack_due_counts_the_receiving_jurisdiction_s_working_days():
    # Thursday 23 April 2026 in Sydney: Friday 24 counts; Monday 27 is ANZAC Day (observed) in
    # NSW; Tuesday 28 is the second working day.
    sent = datetime(2026, 4, 23, 10, 0, tzinfo=SYDNEY)
    assert ack_due_on(sent, "NSW", "Australia/Sydney") == date(2026, 4, 28)
    # Christmas week: sent Wednesday 24 Dec 2025; 25, 26 Dec are holidays, 27–28 a weekend.
    sent = datetime(2025, 12, 24, 9, 0, tzinfo=SYDNEY)
    assert ack_due_on(sent, "NSW", "Australia/Sydney") == date(2025, 12, 30)
    # Friday 5 June 2026: Monday 8 June is the King's Birthday in NSW but not in WA.
    sent = datetime(2026, 6, 5, 10, 0, tzinfo=SYDNEY)
    assert ack_due_on(sent, "NSW", "Australia/Sydney") == date(2026, 6, 10)
    assert ack_due_on(sent, "WA", "Australia/Perth") == date(2026, 6, 9)
    # The day is the receiving jurisdiction's: 23:30 Friday in Sydney is Friday in Perth too,
    # but 00:30 Saturday in Sydney is still Friday 22:30 in Perth.
    late = datetime(2026, 6, 6, 0, 30, tzinfo=SYDNEY)
    assert ack_due_on(late, "WA", "Australia/Perth") == date(2026, 6, 9)
    assert ack_due_on(late, "NSW", "Australia/Sydney") == date(2026, 6, 10)


def test_unacknowledged_notifications_are_escalated_after_two_working_days():
    with time_machine.travel(datetime(2026, 3, 2, 9, 0, tzinfo=SYDNEY), tick=False):  # Monday
        notification = _notification()
    assert notification.ack_due_on == date(2026, 3, 4)
    with time_machine.travel(datetime(2026, 3, 4, 16, 0, tzinfo=SYDNEY), tick=False):
        assert not selectors.escalated_to("NSW").exists()
    with time_machine.travel(datetime(2026, 3, 5, 8, 0, tzinfo=SYDNEY), tick=False):
        assert list(selectors.escalated_to("NSW")) == [notification]
        assert list(selectors.escalated_from("ACT")) == [notification]
        services.notification_acknowledge(
            actor=user_for("NSW"), notification_id=notification.pk, expected_version=1
        )
        assert not selectors.escalated_to("NSW").exists()


def test_the_rules_module_doctests_hold():
    import doctest

    from ncos.sharing import rules

    result = doctest.testmod(rules)
    assert result.attempted >= 2
    assert result.failed == 0
