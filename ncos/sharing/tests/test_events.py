"""The travel log as the law engine's events, and the obligations that follow — under the ACT
Act, the NSW Act and the national model (QLD)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ncos.registry.models import Obligation
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing import services
from ncos.sharing.events import sharing_events
from ncos.sharing.models import TravelChange
from ncos.sharing.services import ReturnInput
from ncos.sharing.tests.factories import itinerary, record_travel, registrable_person

pytestmark = pytest.mark.django_db


def _obligation(person, kind):
    return Obligation.objects.filter(person=person, kind=kind).exclude(status="withdrawn").get()


@pytest.mark.parametrize("code", ["ACT", "NSW", "QLD"])
def test_the_travel_notice_is_met_by_the_report_recorded(code):
    person = registrable_person(code)
    other = "VIC" if code != "VIC" else "SA"
    plan = record_travel(person, days=20, legs=[(other, 0, 20, "Somewhere")])
    change = plan.changes.get()
    notice = _obligation(person, "travel_notice")
    assert change.meets_key == notice.key
    assert notice.key == f"travel_notice:{plan.depart_on.isoformat()}:{other}"
    assert notice.status == "met"
    assert notice.met_on == local_today(person)


@pytest.mark.parametrize("code", ["ACT", "NSW", "QLD"])
def test_a_decision_not_to_travel_is_reported_and_met(code):
    person = registrable_person(code)
    plan = record_travel(person, legs=[("Fiji", 0, 20, "Suva")])
    today = local_today(person)
    services.travel_cancel(
        actor=registrar_for(code),
        plan_id=plan.pk,
        expected_version=1,
        decided_on=today,
        reported_on=today,
        report_manner="in_person",
        report_place="Police station",
    )
    change = plan.changes.get(kind="cancelled")
    decision = _obligation(person, "decision_not_to_travel")
    assert change.meets_key == decision.key
    assert decision.status == "met"


@pytest.mark.parametrize("code", ["ACT", "NSW"])
def test_a_change_decided_while_away_is_a_travel_change(code):
    person = registrable_person(code)
    plan = record_travel(person, depart_in=-5, days=30, legs=[("Fiji", 0, 30, "Suva")])
    today = local_today(person)
    later = itinerary(person, depart_in=-5, days=40, legs=[("Fiji", 0, 40, "Nadi")])
    services.travel_change(
        actor=registrar_for(code),
        plan_id=plan.pk,
        expected_version=1,
        itinerary=later,
        decided_on=today,
        reported_on=today,
        report_manner="email",
    )
    change = plan.changes.get(kind="changed")
    assert change.while_away is True
    obligation = _obligation(person, "travel_change")
    assert change.meets_key == obligation.key
    assert obligation.status == "met"
    events = [e for e in sharing_events(person, today) if e["type"] == "travel_change"]
    assert events == [
        {
            "type": "travel_change",
            "date": today.isoformat(),
            "return": (plan.depart_on + timedelta(days=40)).isoformat(),
            "destination": "overseas",
        }
    ]


def test_the_return_becomes_a_returned_event_and_its_report():
    person = registrable_person("NSW")
    plan = record_travel(person, depart_in=-40, days=10, legs=[("Fiji", 0, 10, "Suva")])
    today = local_today(person)
    services.travel_return(
        actor=registrar_for("NSW"),
        plan_id=plan.pk,
        expected_version=1,
        data=ReturnInput(
            returned_on=plan.return_on,
            reported_on=today,
            report_place="Police station",
            passport_sighted=True,
            tickets_sighted=True,
        ),
    )
    events = sharing_events(person, today)
    assert {"type": "returned", "date": plan.return_on.isoformat()} in events
    report = _obligation(person, "return_report")
    assert report.key == f"return_report:{plan.return_on.isoformat()}"
    assert report.status == "met"


def test_police_information_is_no_report_by_the_person():
    person = registrable_person("ACT")
    plan = services.travel_record(
        actor=registrar_for("ACT"),
        person_id=person.pk,
        itinerary=itinerary(person, depart_in=3, legs=[("Japan", 0, 10, "Tokyo")]),
        reported_on=local_today(person),
        report_manner="police",
    )
    assert plan.changes.get().meets_key == ""
    assert [
        e for e in sharing_events(person, local_today(person)) if e["type"] == "report_made"
    ] == []
    notice = _obligation(person, "travel_notice")
    # Leaving in 3 days: the notice was due 7 days before leaving and no report was made.
    assert notice.status == "overdue"


def test_travel_reported_under_another_jurisdiction_is_not_this_law_s_event():
    person = registrable_person("ACT")
    record_travel(person)
    assert any(e["type"] == "travel_intent" for e in sharing_events(person, local_today(person)))
    person.managing_jurisdiction_id = "NSW"
    assert not any(
        e["type"] == "travel_intent" for e in sharing_events(person, local_today(person))
    )


def test_a_compliance_report_is_linked_when_the_compliance_register_is_there():
    pytest.importorskip("ncos.compliance.services")
    from ncos.compliance.models import Report

    person = registrable_person("ACT")
    plan = record_travel(person)
    change = TravelChange.objects.get(plan=plan)
    report = Report.objects.get(pk=change.report_id)
    assert report.kind == "travel"
    assert plan.report_id == report.pk
    assert list(report.meets.values_list("obligation_key", flat=True)) == [change.meets_key]
