"""Charges → findings of guilt → registrable; quashed; closed; custody, parole, orders."""

from __future__ import annotations

from datetime import date

import pytest

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.audit.models import AuditEvent
from ncos.registry import services
from ncos.registry.models import CourtOrder, CustodyPeriod, Offence, StatusChange
from ncos.registry.tests.factories import make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(act_registrar, frozen):  # type: ignore[no-untyped-def]
    return make_person("ACT", actor=act_registrar)


def _charge(actor, person, **kw):  # type: ignore[no-untyped-def]
    fields = {
        "catalogue_key": "ACT|1|1.1|9",
        "date_committed": date(2023, 2, 11),
        "victim_ref": "V1",
        "victim_age": 15,
        "charge_date": date(2023, 3, 1),
        "court": "ACT Magistrates Court",
    }
    fields.update(kw)
    return services.offence_charge(actor=actor, person_id=person.pk, **fields)


def test_charge_from_the_catalogue(act_registrar, person, frozen):
    offence = _charge(act_registrar, person)
    assert (offence.ref, offence.outcome, offence.in_catalogue, offence.catalogue_item) == (
        "O1",
        "charged",
        True,
        "sch 1 pt 1.1 item 9",
    )
    assert (offence.act, offence.provision, offence.offence_jurisdiction) == (
        "Crimes Act 1900 (ACT)",
        "s 55 (1)",
        "ACT",
    )
    assert offence.description == "sexual intercourse with young person"
    person.refresh_from_db()
    assert person.status == "managed"  # a charge alone changes nothing
    assert AuditEvent.objects.get(action="person.offence.charge").details["ref"] == "O1"


def test_free_text_offences_are_allowed_and_marked_not_in_catalogue(act_registrar, person):
    offence = services.offence_charge(
        actor=act_registrar,
        person_id=person.pk,
        offence_jurisdiction="New Zealand",
        act="Crimes Act 1961 (NZ)",
        provision="s 132",
        description="sexual conduct with child",
    )
    assert (offence.in_catalogue, offence.catalogue_item) == (False, "")
    typed = services.offence_charge(
        actor=act_registrar,
        person_id=person.pk,
        offence_jurisdiction="ACT",
        act="Crimes Act 1900",
        provision="s 55(1)",
    )
    assert (typed.ref, typed.in_catalogue) == ("O2", True)  # typed, but it is in the catalogue


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"catalogue_key": "ACT|9|9|9"}, "catalogue_key"),
        ({"catalogue_key": "", "act": "Crimes Act 1900"}, "provision"),
        ({"date_committed": date(2026, 3, 3)}, "date_committed"),
        ({"date_committed": date(1980, 1, 1)}, "date_committed"),  # before he was born
        ({"date_committed_to": date(2023, 1, 1)}, "date_committed_to"),
        ({"circumstances": {"sexual_intercourse": "yes"}}, "circumstances"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_charge_refusals(act_registrar, person, frozen, kw, field):
    with pytest.raises(RuleViolation) as caught:
        _charge(act_registrar, person, **kw)
    assert caught.value.field == field
    assert not Offence.objects.exists()


def test_finding_of_guilt_makes_the_person_registrable(act_registrar, person, frozen):
    offence = _charge(act_registrar, person)
    services.offence_record_finding(
        actor=act_registrar,
        offence_id=offence.pk,
        expected_version=1,
        date_found_guilty=date(2024, 5, 2),
        date_sentenced=date(2024, 7, 19),
        sentence="2 years ICO",
    )
    person.refresh_from_db()
    offence.refresh_from_db()
    assert (offence.outcome, offence.version, offence.jurisdiction_of_conviction) == (
        "found_guilty",
        2,
        "ACT",
    )
    assert (person.status, person.record_kind) == ("registrable", "ANCOR")
    move = StatusChange.objects.get(person=person, to_status="registrable")
    assert (move.automatic, move.from_status, move.effective_on) == (
        True,
        "managed",
        date(2024, 7, 19),
    )
    assessment = person.assessments.order_by("-number").first()
    # ACT s 84: a single class 1 offence → 15 years, from the sentence (s 83 (1) (a)).
    assert (
        assessment.registrable,
        assessment.reporting_period,
        assessment.reporting_period_start,
    ) == (True, "15y", date(2024, 7, 19))
    initial = person.obligations.get(kind="initial_report")
    assert (initial.key, initial.due_date, initial.status) == (
        "initial_report:2024-07-19",
        date(2024, 7, 26),
        "overdue",
    )
    assert initial.sections
    assert initial.explanation


def test_finding_refusals(act_registrar, person, frozen):
    offence = _charge(act_registrar, person)
    with pytest.raises(RuleViolation) as caught:
        services.offence_record_finding(
            actor=act_registrar,
            offence_id=offence.pk,
            expected_version=1,
            date_found_guilty=date(2024, 5, 2),
            date_sentenced=date(2024, 5, 1),
        )
    assert caught.value.field == "date_sentenced"
    with pytest.raises(RuleViolation) as caught:
        services.offence_record_finding(
            actor=act_registrar,
            offence_id=offence.pk,
            expected_version=1,
            date_found_guilty=date(2024, 5, 2),
            date_sentenced=date(2024, 6, 1),
            custody_release_date=date(2025, 1, 1),
        )
    assert caught.value.field == "custody_release_date"  # release without a custodial sentence
    with pytest.raises(ConflictError):
        services.offence_record_finding(
            actor=act_registrar,
            offence_id=offence.pk,
            expected_version=7,
            date_found_guilty=date(2024, 5, 2),
        )
    offence.refresh_from_db()
    assert (offence.outcome, offence.version) == ("charged", 1)


def test_quashing_the_only_finding_ends_registrability(act_registrar, person, frozen):
    offence = _charge(
        act_registrar, person, date_found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19)
    )
    person.refresh_from_db()
    assert person.status == "registrable"
    services.offence_quash(
        actor=act_registrar,
        offence_id=offence.pk,
        expected_version=1,
        quashed_on=date(2025, 9, 1),
        reason="appeal allowed",
    )
    person.refresh_from_db()
    assert (person.status, person.record_kind) == ("finding_quashed", "MPS")
    assert (
        list(person.status_changes.order_by("id").values_list("to_status", flat=True))[-1]
        == "finding_quashed"
    )
    assert person.assessments.order_by("-number").first().registrable is False
    # the obligations that no longer apply are kept, marked withdrawn
    assert set(person.obligations.values_list("status", flat=True)) == {"withdrawn"}


def test_closing_a_charge(act_registrar, person, frozen):
    offence = _charge(act_registrar, person)
    services.offence_close(
        actor=act_registrar,
        offence_id=offence.pk,
        expected_version=1,
        outcome="not_guilty",
        on=date(2024, 1, 10),
    )
    offence.refresh_from_db()
    assert (offence.outcome, offence.outcome_date) == ("not_guilty", date(2024, 1, 10))
    with pytest.raises(RuleViolation):
        services.offence_record_finding(
            actor=act_registrar,
            offence_id=offence.pk,
            expected_version=2,
            date_found_guilty=date(2024, 5, 2),
        )


def test_offence_update_recomputes_and_audits(act_registrar, person, frozen):
    offence = _charge(
        act_registrar, person, date_found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19)
    )
    services.offence_update(
        actor=act_registrar,
        offence_id=offence.pk,
        expected_version=1,
        changes={"date_sentenced": date(2024, 8, 2)},
        reason="court record",
    )
    person.refresh_from_db()
    assert person.assessments.order_by("-number").first().reporting_period_start == date(2024, 8, 2)
    row = AuditEvent.objects.get(action="person.offence.update")
    assert row.details["changes"] == {
        "date_sentenced": {"before": "2024-07-19", "after": "2024-08-02"}
    }


def test_another_jurisdiction_cannot_charge(nsw_registrar, person):
    with pytest.raises(AccessDenied):
        _charge(nsw_registrar, person)
    assert not Offence.objects.exists()


def test_custody_parole_orders(act_registrar, person, frozen):
    spell = services.custody_record(
        actor=act_registrar,
        person_id=person.pk,
        entered_on=date(2025, 1, 1),
        left_on=date(2025, 2, 1),
        reason="remand",
        facility="AMC",
    )
    with pytest.raises(RuleViolation) as caught:
        services.custody_record(
            actor=act_registrar, person_id=person.pk, entered_on=date(2025, 1, 20), reason="remand"
        )
    assert str(caught.value) == "This period overlaps another custody period of the person."
    with pytest.raises(RuleViolation) as caught:
        services.custody_record(
            actor=act_registrar,
            person_id=person.pk,
            entered_on=date(2025, 5, 2),
            left_on=date(2025, 5, 1),
            reason="remand",
        )
    assert caught.value.field == "left_on"
    services.custody_update(
        actor=act_registrar,
        custody_id=spell.pk,
        expected_version=1,
        changes={"left_on": date(2025, 2, 3)},
    )
    with pytest.raises(ConflictError):
        services.custody_update(
            actor=act_registrar,
            custody_id=spell.pk,
            expected_version=1,
            changes={"left_on": date(2025, 2, 4)},
        )
    assert CustodyPeriod.objects.get(pk=spell.pk).left_on == date(2025, 2, 3)
    services.parole_record(
        actor=act_registrar,
        person_id=person.pk,
        starts_on=date(2025, 2, 3),
        term_ends_on=date(2026, 1, 1),
    )
    order = services.order_record(
        actor=act_registrar,
        person_id=person.pk,
        kind="registration",
        jurisdiction="ACT",
        made_on=date(2025, 3, 1),
    )
    with pytest.raises(RuleViolation) as caught:
        services.order_record(
            actor=act_registrar,
            person_id=person.pk,
            kind="suspension",
            jurisdiction="ACT",
            made_on=date(2025, 3, 1),
            period="fifteen",
        )
    assert caught.value.field == "period"
    assert CourtOrder.objects.get().pk == order.pk
    person.refresh_from_db()
    assert person.status == "registrable"  # a registration order makes the person registrable
