"""The compliance app's hooks into the register: the Compliance tab, alerts on the person
summary, and compliance records following a merge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ncos.compliance.hooks import person_alerts
from ncos.compliance.models import FailureToComply
from ncos.compliance.services import failure_record, report_record
from ncos.compliance.tests.helpers import obligation, registrable_person, today_in, years_ago
from ncos.registry import services as registry
from ncos.registry.tests.factories import make_person, registrar_for

pytestmark = pytest.mark.django_db


def test_the_person_pages_carry_the_compliance_tab(client_for, act_registrar):
    person = make_person("ACT")
    body = (
        client_for(act_registrar)
        .get(reverse("registry:person_detail", kwargs={"person_id": person.pk}))
        .content.decode()
    )
    assert reverse("compliance:person", kwargs={"person_id": person.pk}) in body


def test_alerts_for_a_person_who_cannot_be_located_and_receipts_overdue(act_registrar):
    person = registrable_person(first_report=years_ago(today_in(), 2))
    # The initial report, two years ago, was never acknowledged in writing.
    assert person_alerts(person) == [
        ("warning", "1 report acknowledgement(s) past the deadline to give them.")
    ]
    overdue = obligation(person, "annual_report", "overdue")
    failure_record(
        actor=act_registrar,
        person_id=person.pk,
        obligation_keys=[overdue.key],
        noted_on=today_in(),
        circumstances="Not seen.",
        cannot_be_located=True,
        locate_steps="Visited.",
    )
    alerts = person_alerts(person)
    assert alerts[0][0] == "error"
    assert "cannot be located" in alerts[0][1]
    assert alerts[1] == ("warning", "1 report acknowledgement(s) past the deadline to give them.")


def test_compliance_records_follow_a_merge(act_registrar):
    registrar = registrar_for("ACT")
    survivor = make_person("ACT", family_name="Keeper")
    other = make_person("ACT", family_name="Duplicate")
    report = report_record(
        actor=registrar,
        person=other.pk,
        kind="change",
        manner="phone",
        received_at=timezone.now() - timedelta(minutes=5),
        meets=[],
    )
    failure = FailureToComply.objects.create(
        person=other,
        noted_on=today_in(),
        circumstances="x",
        recorded_at=timezone.now(),
        recorded_by=registrar,
        updated_at=timezone.now(),
    )
    registry.person_merge(
        actor=registrar,
        survivor_id=survivor.pk,
        other_id=other.pk,
        reason="Same person: fingerprints match",
    )
    report.refresh_from_db()
    failure.refresh_from_db()
    assert report.person_id == survivor.pk
    assert failure.person_id == survivor.pk
    assert survivor.merges_in.get().moved["compliance_reports"] == 1
