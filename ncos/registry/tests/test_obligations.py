"""The law engine's case from the register's facts, and its answer stored back."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from ncos.registry import services
from ncos.registry.models import Assessment, Obligation
from ncos.registry.services.obligations import EVENT_PROVIDERS, case_for_person, recompute
from ncos.registry.tests.factories import ADDRESS, make_person

pytestmark = pytest.mark.django_db
SYDNEY = ZoneInfo("Australia/Sydney")


@pytest.fixture
def person(act_registrar, frozen):  # type: ignore[no-untyped-def]
    return make_person("ACT", actor=act_registrar, date_of_birth=date(1985, 6, 30))


def _charge(actor, person, **kw):  # type: ignore[no-untyped-def]
    return services.offence_charge(
        actor=actor, person_id=person.pk, catalogue_key="ACT|1|1.1|9", **kw
    )


def test_the_case_holds_findings_custody_orders_and_changes(act_registrar, person):
    a = act_registrar
    _charge(
        a,
        person,
        date_committed=date(2023, 2, 11),
        victim_ref="V1",
        victim_age=15,
        date_found_guilty=date(2024, 5, 2),
        date_sentenced=date(2024, 7, 19),
        custodial=True,
        custody_release_date=date(2025, 1, 10),
        circumstances={"sexual_intercourse": True},
    )
    o2 = _charge(
        a,
        person,
        date_committed=date(2023, 3, 1),
        victim_ref="V2",
        date_found_guilty=date(2024, 5, 2),
    )
    _charge(a, person, date_committed=date(2023, 4, 1))  # a pending charge is not a finding
    services.offence_quash(
        actor=a,
        offence_id=o2.pk,
        expected_version=1,
        quashed_on=date(2025, 3, 1),
        retrial_ordered=True,
        reason="appeal",
    )
    services.custody_record(
        actor=a,
        person_id=person.pk,
        entered_on=date(2025, 5, 1),
        left_on=date(2025, 5, 20),
        reason="remand",
    )
    services.parole_record(
        actor=a,
        person_id=person.pk,
        starts_on=date(2025, 1, 10),
        ends_on=date(2025, 12, 31),
        term_ends_on=date(2025, 12, 31),
    )
    services.order_record(
        actor=a,
        person_id=person.pk,
        kind="suspension",
        jurisdiction="ACT",
        made_on=date(2025, 6, 1),
        ends_on=date(2025, 8, 1),
    )
    services.order_record(
        actor=a,
        person_id=person.pk,
        kind="prohibition",
        jurisdiction="ACT",
        made_on=date(2025, 6, 2),
    )
    services.order_record(
        actor=a,
        person_id=person.pk,
        kind="corresponding_registration",
        jurisdiction="NSW",
        made_on=date(2025, 7, 1),
        period="15y",
    )
    old = services.detail_record(
        actor=a,
        person_id=person.pk,
        kind="address",
        data=ADDRESS,
        valid_from=date(2015, 1, 1),
        valid_to=date(2025, 10, 4),
    )
    services.detail_record(
        actor=a,
        person_id=person.pk,
        kind="address",
        data={**ADDRESS, "line1": "2 New Street"},
        valid_from=date(2025, 10, 5),
    )
    services.detail_record(
        actor=a,
        person_id=person.pk,
        kind="child_contact",
        data={"child_name": "C", "age": 8},
        valid_from=date(2026, 2, 20),
        changed_at=datetime(2026, 2, 20, 15, 30, tzinfo=SYDNEY),
    )
    gone = services.detail_record(
        actor=a,
        person_id=person.pk,
        kind="vehicle",
        data={"use": "owned", "vehicle_type": "car", "make": "Kia"},
        valid_from=date(2025, 11, 1),
    )
    services.detail_withdraw(actor=a, detail_id=gone.pk, reason="not his")
    services.detail_record(
        actor=a,
        person_id=person.pk,
        kind="description",
        data={"height_cm": 180},
        valid_from=date(2025, 11, 2),
    )
    assert old.valid_to == date(2025, 10, 4)

    case = case_for_person(person, date(2026, 3, 2))

    assert case["jurisdiction"] == "ACT"
    assert case["as_of"] == "2026-03-02"
    assert case["person"] == {"date_of_birth": "1985-06-30", "protected": False}
    assert case["offences"] == [
        {
            "ref": "O1",
            "act": "Crimes Act 1900 (ACT)",
            "provision": "s 55 (1)",
            "description": "sexual intercourse with young person",
            "date_committed": "2023-02-11",
            "victim": "V1",
            "victim_age": 15,
            "date_found_guilty": "2024-05-02",
            "date_sentenced": "2024-07-19",
            "custodial": True,
            "custody_release_date": "2025-01-10",
            "jurisdiction_of_conviction": "ACT",
            "non_conviction_order": False,
            "court_exempted": False,
            "circumstances": {"sexual_intercourse": True},
        },
        {
            "ref": "O2",
            "act": "Crimes Act 1900 (ACT)",
            "provision": "s 55 (1)",
            "description": "sexual intercourse with young person",
            "date_committed": "2023-03-01",
            "victim": "V2",
            "date_found_guilty": "2024-05-02",
            "custodial": False,
            "jurisdiction_of_conviction": "ACT",
            "non_conviction_order": False,
            "court_exempted": False,
        },
    ]
    assert case["events"] == [
        {"type": "parole_start", "date": "2025-01-10", "end": "2025-12-31"},
        {"type": "finding_quashed", "ref": "O2", "date": "2025-03-01", "retrial": True},
        {"type": "entered_custody", "date": "2025-05-01"},
        {"type": "left_custody", "date": "2025-05-20"},
        {"type": "suspension_order", "date": "2025-06-01"},
        {"type": "corresponding_offender", "date": "2025-07-01", "from": "NSW", "period": "15y"},
        {"type": "suspension_order_ended", "date": "2025-08-01"},
        # the move: one change (the end of the old address is the start of the new one)
        {"type": "change_of_details", "kind": "address", "date": "2025-10-05"},
        {"type": "parole_end", "date": "2025-12-31"},
        {
            "type": "change_of_details",
            "kind": "child_contact",
            "datetime": "2026-02-20T15:30:00+11:00",
        },
    ]
    assert "Testperson" not in str(case)  # no names go to the engine


def test_event_providers_contribute_and_reports_meet_obligations(act_registrar, person):
    _charge(
        act_registrar, person, date_found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19)
    )
    initial = Obligation.objects.get(person=person, kind="initial_report")
    assert initial.status == "overdue"

    def reports(p, as_of):  # type: ignore[no-untyped-def]
        assert p.pk == person.pk
        assert as_of == date(2026, 3, 2)
        return [
            {
                "type": "report_made",
                "kind": "initial_report",
                "date": "2024-07-29",
                "key": "initial_report:2024-07-19",
            }
        ]

    EVENT_PROVIDERS.append(reports)
    services.obligations_refresh(actor=act_registrar, person_id=person.pk, trigger="report")
    initial.refresh_from_db()
    assert (initial.status, initial.met_on, initial.days_late) == ("met", date(2024, 7, 29), 3)
    assert initial.met_late is True
    assert Obligation.objects.filter(person=person, key="initial_report:2024-07-19").count() == 1


def test_recompute_keeps_one_snapshot_while_the_answer_is_unchanged(act_registrar, person):
    _charge(
        act_registrar, person, date_found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19)
    )
    count = Assessment.objects.filter(person=person).count()
    obligations = set(Obligation.objects.filter(person=person).values_list("pk", "key"))
    again = recompute(person, actor=act_registrar, trigger="again")
    assert Assessment.objects.filter(person=person).count() == count
    assert again.number == count
    assert set(Obligation.objects.filter(person=person).values_list("pk", "key")) == obligations


def test_an_engine_error_is_stored_and_the_write_still_happens(act_registrar, person):
    EVENT_PROVIDERS.append(lambda p, d: [{"type": "no_such_event", "date": "2025-01-01"}])
    detail = services.detail_record(
        actor=act_registrar,
        person_id=person.pk,
        kind="address",
        data=ADDRESS,
        valid_from=date(2025, 1, 1),
    )
    assert detail.pk
    latest = Assessment.objects.filter(person=person).order_by("-number").first()
    assert latest.answer is None
    assert latest.registrable is None
    assert latest.error.startswith("The facts could not be assessed:")
    assert "events[0].type" in latest.error


def test_an_old_conviction_whose_period_ended_then_a_new_one(act_registrar, person):
    old = _charge(
        act_registrar,
        person,
        date_committed=date(2007, 6, 1),
        victim_ref="V1",
        date_found_guilty=date(2008, 2, 1),
        date_sentenced=date(2008, 3, 1),
    )
    person.refresh_from_db()
    assessment = Assessment.objects.filter(person=person).order_by("-number").first()
    assert (assessment.registrable, assessment.reporting_period) == (True, "15y")
    assert assessment.reporting_period_end < date(2026, 3, 2)
    assert (person.status, person.record_kind) == ("reporting_ended", "MPS")
    assert old.outcome == "found_guilty"
    # He reoffends: registrable again, and the history shows every move.
    _charge(
        act_registrar,
        person,
        date_committed=date(2025, 1, 5),
        victim_ref="V9",
        date_found_guilty=date(2025, 9, 1),
        date_sentenced=date(2025, 10, 1),
    )
    person.refresh_from_db()
    assert (person.status, person.record_kind) == ("registrable", "ANCOR")
    assert list(person.status_changes.order_by("id").values_list("to_status", flat=True)) == [
        "managed",
        "reporting_ended",
        "registrable",
    ]
