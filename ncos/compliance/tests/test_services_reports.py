"""Receiving a report: details become new versions, obligations are met (or met late), the Act's
rules on how reports are made are enforced, and it all happens in one transaction with one
audit row."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.audit.models import AuditEvent
from ncos.compliance.events import report_events
from ncos.compliance.models import Report, ReportingPlace, ReportObligation
from ncos.compliance.services import report_record
from ncos.compliance.states import state_of
from ncos.compliance.tests.helpers import (
    ADDRESS,
    NEW_ADDRESS,
    VEHICLE,
    obligation,
    officer,
    registrable_person,
    today_in,
    years_ago,
)
from ncos.registry import services as registry
from ncos.registry.models import Detail, Obligation
from ncos.registry.tests.factories import make_detail, registrar_for

pytestmark = pytest.mark.django_db


def _recent(minutes: int = 30):
    return timezone.now() - timedelta(minutes=minutes)


def _annual_with_changes(person, actor, old_address, **kw):
    today = today_in(person.managing_jurisdiction_id)
    return report_record(
        actor=actor,
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=_recent(),
        photo_id_sighted=True,
        details=[
            {
                "op": "record",
                "kind": "address",
                "data": NEW_ADDRESS,
                "valid_from": (today - timedelta(days=3)).isoformat(),
                "replaces": str(old_address.pk),
            },
            {
                "op": "record",
                "kind": "vehicle",
                "data": VEHICLE,
                "valid_from": (today - timedelta(days=2)).isoformat(),
            },
        ],
        **kw,
    )


def test_annual_report_with_new_address_and_vehicle_in_one_step(act_registrar):
    person = registrable_person()
    old = make_detail(person, "address", ADDRESS, valid_from=years_ago(today_in(), 2))
    before = AuditEvent.objects.count()

    report = _annual_with_changes(person, act_registrar, old)

    # One audit row for the whole act; the register's own rows are folded into it.
    rows = list(AuditEvent.objects.order_by("seq")[before:])
    assert [r.action for r in rows] == ["compliance.report.record"]
    nested = {n["action"] for n in rows[0].details["nested"]}
    assert {"person.detail.record", "person.detail.end"} <= nested
    assert rows[0].object_id == str(person.pk)
    # Both versions of the address are kept: the old one ended the day before the move.
    versions = list(Detail.objects.filter(fact_id=old.fact_id).order_by("sequence"))
    assert len(versions) == 2
    assert versions[0].is_current is False
    assert versions[1].is_current is True
    assert versions[1].valid_to == today_in() - timedelta(days=4)
    new_address = Detail.objects.get(
        person=person, kind="address", is_current=True, valid_to__isnull=True
    )
    assert new_address.data["line1"] == "22 Northbourne Avenue"
    assert new_address.report_id == report.pk
    assert new_address.source_type == "report"
    vehicle = Detail.objects.get(person=person, kind="vehicle")
    assert vehicle.data["registration"] == "YQZ42A"
    assert vehicle.report_id == report.pk
    # The annual report and the two change-of-details obligations are met, on time.
    met = {link.obligation_key: link for link in report.meets.all()}
    annual = obligation(person, "annual_report")
    assert annual.status == "met"
    assert annual.days_late == 0
    assert annual.key in met
    assert not met[annual.key].automatic
    derived = [k for k, link in met.items() if link.automatic]
    assert sorted(k.split(":")[1] for k in derived) == ["address", "vehicle"]
    assert all(Obligation.objects.get(person=person, key=k).status == "met" for k in derived)
    assert all(link.met_on == today_in() and link.days_late == 0 for link in met.values())
    # What the receipt will print.
    assert [c["category"] for c in report.changes] == ["Address or locality", "Vehicle"]
    assert report.changes[0]["replaced"].startswith("1 Example Street")
    assert report.ack_due_on == report.received_on + timedelta(days=14)
    assert any(
        g["category"] == "Vehicles owned or generally driven" for g in report.details_snapshot
    )


def test_a_late_report_is_met_late_with_the_days_late(act_registrar):
    today = today_in()
    person = registrable_person(first_report=years_ago(today, 2))
    overdue = Obligation.objects.get(person=person, key=f"annual_report:{today.year - 1}")
    assert overdue.status == "overdue"
    report = report_record(
        actor=act_registrar,
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=_recent(),
        photo_id_sighted=True,
        meets=[overdue.key],
    )
    overdue.refresh_from_db()
    assert overdue.status == "met"
    assert overdue.days_late == (today - overdue.due_date).days > 300
    assert state_of(overdue) == "met_late"
    link = report.meets.get()
    assert link.days_late == overdue.days_late
    assert link.met_on == today


def test_the_suggested_obligation_is_met_when_none_is_named(act_registrar):
    person = registrable_person()
    report = report_record(
        actor=act_registrar,
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=_recent(),
    )
    assert [m.obligation_kind for m in report.meets.all()] == ["annual_report"]
    assert obligation(person, "annual_report").status == "met"


def test_the_only_approved_place_is_used_and_printed(act_registrar):
    person = registrable_person()
    report = report_record(
        actor=act_registrar,
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=_recent(),
    )
    assert report.place == ReportingPlace.objects.get(name="Belconnen Police Station")
    assert report.place_text.startswith("Belconnen Police Station, Corner Benjamin Way")


def test_an_annual_report_cannot_be_made_by_phone_in_the_act(act_registrar):
    person = registrable_person()
    with pytest.raises(RuleViolation) as err:
        report_record(
            actor=act_registrar,
            person=person.pk,
            kind="annual",
            manner="phone",
            received_at=_recent(),
        )
    assert err.value.field == "manner"
    assert "s 37" in str(err.value)
    assert not Report.objects.filter(person=person, kind="annual").exists()


def test_a_vehicle_by_phone_meets_its_obligation_but_an_address_by_phone_does_not(act_registrar):
    person = registrable_person()
    today = today_in()
    report = report_record(
        actor=act_registrar,
        person=person.pk,
        kind="change",
        manner="phone",
        received_at=_recent(),
        meets=[],
        details=[
            {
                "op": "record",
                "kind": "vehicle",
                "data": VEHICLE,
                "valid_from": (today - timedelta(days=1)).isoformat(),
            },
            {
                "op": "record",
                "kind": "address",
                "data": NEW_ADDRESS,
                "valid_from": (today - timedelta(days=1)).isoformat(),
            },
        ],
    )
    kinds = {link.obligation_key.split(":")[1] for link in report.meets.all()}
    assert kinds == {"vehicle"}
    address = Obligation.objects.get(person=person, key__startswith="change_of_details:address")
    assert address.status in ("due", "upcoming")  # must still be reported in person (s 54 (2))
    assert Detail.objects.filter(person=person, kind="address", report_id=report.pk).exists()


def test_naming_an_in_person_obligation_for_a_phone_report_is_refused(act_registrar):
    person = registrable_person()
    today = today_in()
    make_detail(person, "address", NEW_ADDRESS, valid_from=today - timedelta(days=1))
    key = Obligation.objects.get(person=person, key__startswith="change_of_details:address").key
    with pytest.raises(RuleViolation) as err:
        report_record(
            actor=act_registrar,
            person=person.pk,
            kind="change",
            manner="phone",
            received_at=_recent(),
            meets=[key],
        )
    assert err.value.field == "meets[0]"
    assert "in person" in str(err.value)


def test_nsw_initial_report_must_be_in_person(nsw_registrar):
    person = registrable_person("NSW", first_report=today_in("NSW"), initial=False)
    with pytest.raises(RuleViolation) as err:
        report_record(
            actor=nsw_registrar,
            person=person.pk,
            kind="initial",
            manner="email",
            received_at=_recent(),
        )
    assert "12A (1)" in str(err.value)


def test_nsw_in_person_report_needs_its_place(nsw_registrar):
    person = registrable_person("NSW")
    with pytest.raises(RuleViolation) as err:
        report_record(
            actor=nsw_registrar,
            person=person.pk,
            kind="annual",
            manner="in_person",
            received_at=_recent(),
        )
    assert err.value.field == "place"
    assert "s 12" in str(err.value)


@pytest.mark.parametrize(
    ("checks", "field"),
    [
        (
            {"interpreter_present": True, "interpreter_name": "A", "interpreter_language": "Thai"},
            "interpreter_undertaking",
        ),
        ({"fingerprints_taken": True, "fingerprints_told": True}, "fingerprints_reason"),
        ({"fingerprints_taken": True, "fingerprints_reason": "ID doubtful"}, "fingerprints_told"),
        ({"photo_taken": True}, "photo_told"),
        ({"support_person_present": True}, "support_person_name"),
        (
            {
                "made_by": "representative",
                "representative_name": "Mum",
                "representative_relationship": "parent",
                "representative_reason": "young_person",
            },
            "representative_reason",
        ),
        (
            {
                "made_by": "representative",
                "representative_name": "Pat",
                "representative_relationship": "carer",
            },
            "representative_reason",
        ),
    ],
)
def test_the_act_rules_on_identity_interpreters_and_representatives(act_registrar, checks, field):
    person = registrable_person()
    with pytest.raises(RuleViolation) as err:
        report_record(
            actor=act_registrar,
            person=person.pk,
            kind="annual",
            manner="in_person",
            received_at=_recent(),
            **checks,
        )
    assert err.value.field == field


def test_fingerprints_and_photographs_only_in_person(act_registrar):
    person = registrable_person()
    with pytest.raises(RuleViolation) as err:
        report_record(
            actor=act_registrar,
            person=person.pk,
            kind="change",
            manner="email",
            received_at=_recent(),
            meets=[],
            photo_taken=True,
            photo_told=True,
        )
    assert "in person" in str(err.value)


def test_a_young_person_under_16_is_not_fingerprinted_in_the_act(act_registrar):
    today = today_in()
    person = registrable_person(
        date_of_birth=years_ago(today, 15) - timedelta(days=40),
        first_report=today - timedelta(days=20),
    )
    with pytest.raises(RuleViolation) as err:
        report_record(
            actor=act_registrar,
            person=person.pk,
            kind="change",
            manner="in_person",
            received_at=_recent(),
            meets=[],
            fingerprints_taken=True,
            fingerprints_reason="doubt",
            fingerprints_told=True,
        )
    assert "under 16" in str(err.value)
    # ... but a parent may report for them (s 65), accompanied by them.
    report = report_record(
        actor=act_registrar,
        person=person.pk,
        kind="change",
        manner="in_person",
        received_at=_recent(),
        meets=[],
        made_by="representative",
        representative_name="Parent",
        representative_relationship="parent",
        representative_reason="young_person",
        person_accompanied=True,
    )
    assert report.made_by == "representative"
    assert report.person_accompanied is True


def test_the_receiving_officer_must_be_of_the_registry(act_registrar, act_investigator):
    person = registrable_person()
    nsw = officer("NSW", name="nsw.cm.x")
    for who in (nsw, act_investigator):
        with pytest.raises(RuleViolation) as err:
            report_record(
                actor=act_registrar,
                person=person.pk,
                kind="annual",
                manner="in_person",
                received_at=_recent(),
                officer=who,
            )
        assert err.value.field == "officer"
    cm = officer("ACT")
    report = report_record(
        actor=act_registrar,
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=_recent(),
        officer=cm,
    )
    assert report.officer == cm
    assert report.officer_name == cm.get_full_name()


def test_a_report_cannot_be_received_in_the_future(act_registrar):
    person = registrable_person()
    with pytest.raises(RuleViolation) as err:
        report_record(
            actor=act_registrar,
            person=person.pk,
            kind="annual",
            manner="in_person",
            received_at=timezone.now() + timedelta(hours=2),
        )
    assert err.value.field == "received_at"


def test_another_registry_cannot_record_a_report(nsw_registrar):
    person = registrable_person()
    before = AuditEvent.objects.count()
    with pytest.raises(AccessDenied):
        report_record(
            actor=nsw_registrar,
            person=person.pk,
            kind="annual",
            manner="in_person",
            received_at=_recent(),
        )
    rows = list(AuditEvent.objects.order_by("seq")[before:])
    assert [(r.outcome, r.object_id) for r in rows] == [("denied", str(person.pk))]
    assert not Report.objects.filter(person=person, kind="annual").exists()


def test_a_detail_changed_meanwhile_is_a_conflict_and_nothing_is_written(act_registrar):
    person = registrable_person()
    old = make_detail(person, "address", ADDRESS, valid_from=years_ago(today_in(), 2))
    registry.detail_correct(
        actor=registrar_for("ACT"),
        detail_id=old.pk,
        data={**ADDRESS, "postcode": "2601"},
        valid_from=old.valid_from,
        valid_to=None,
        reason="typo",
    )
    reports_before = Report.objects.count()
    with pytest.raises(ConflictError):
        _annual_with_changes(person, act_registrar, old)
    assert Report.objects.count() == reports_before
    assert not Detail.objects.filter(person=person, kind="vehicle").exists()
    assert obligation(person, "annual_report").status == "due"


def test_a_failure_half_way_rolls_everything_back(act_registrar):
    person = registrable_person()
    with pytest.raises(RuleViolation):
        report_record(
            actor=act_registrar,
            person=person.pk,
            kind="annual",
            manner="in_person",
            received_at=_recent(),
            details=[{"op": "record", "kind": "vehicle", "data": {**VEHICLE, "make": ""}}],
        )
    assert not Detail.objects.filter(person=person, kind="vehicle").exists()
    assert obligation(person, "annual_report").status == "due"
    assert not ReportObligation.objects.filter(obligation_kind="annual_report").exists()


def test_reports_are_fed_to_the_law_engine_as_events(act_registrar):
    person = registrable_person()
    report = report_record(
        actor=act_registrar,
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=_recent(),
    )
    events = report_events(person, today_in())
    annual = [e for e in events if e["kind"] == "annual_report"]
    assert annual == [
        {
            "type": "report_made",
            "kind": "annual_report",
            "key": report.meets.get().obligation_key,
            "date": report.received_at.astimezone(person.managing_jurisdiction.zone)
            .date()
            .isoformat(),
        }
    ]
    assert any(e["kind"] == "initial_report" for e in events)
    assert report_events(person, today_in() - timedelta(days=400)) == []
