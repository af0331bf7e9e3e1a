"""Notes (restricted ones per the policy), address visits, breach referrals."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from ncos.access.errors import AccessDenied, RuleViolation
from ncos.access.policy import RecordRef, Subject, may_read_restricted_note
from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.cases.models import BreachReferral, CaseNote, Visit
from ncos.cases.selectors.records import notes_for
from ncos.cases.services import (
    case_officer_assign,
    note_add,
    referral_record,
    referral_update,
    visit_plan,
    visit_record,
)
from ncos.cases.tests.factories import (
    case_manager_for,
    make_detail,
    make_person,
    registrar_for,
    user_for,
)
from ncos.registry.models import Obligation
from ncos.registry.tests.factories import make_offence

# --- the restricted-note rule (pure) -------------------------------------------------------

ACT = RecordRef("ACT")
ACT_PROTECTED = RecordRef("ACT", protected=True)


def _subject(uid, role, jurisdiction="ACT", cleared=False):
    return Subject(uid, jurisdiction, frozenset({role}), protected_clearance=cleared)


@pytest.mark.parametrize(
    ("subject", "record", "allowed"),
    [
        (_subject(1, Role.CASE_MANAGER), ACT, True),  # the author
        (_subject(2, Role.CASE_MANAGER), ACT, True),  # the case officer
        (_subject(3, Role.CASE_MANAGER), ACT, False),  # another case manager
        (_subject(4, Role.REGISTRAR), ACT, True),  # a registrar of the managing jurisdiction
        (_subject(4, Role.REGISTRAR, "NSW"), ACT, False),  # … of another jurisdiction
        (_subject(5, Role.INVESTIGATOR), ACT, False),
        (_subject(1, Role.CASE_MANAGER, "NSW"), ACT, False),  # the author, moved away
        (_subject(1, Role.CASE_MANAGER), ACT_PROTECTED, False),  # author without clearance
        (_subject(1, Role.CASE_MANAGER, cleared=True), ACT_PROTECTED, True),
        (_subject(4, Role.REGISTRAR), ACT_PROTECTED, False),
        (_subject(4, Role.REGISTRAR, cleared=True), ACT_PROTECTED, True),
    ],
)
def test_restricted_note_policy(subject, record, allowed):
    decision = may_read_restricted_note(subject, record, author_id=1, case_officer_id=2)
    assert decision.allowed is allowed


# --- notes ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_note_is_written_and_audited_without_its_text():
    manager = case_manager_for("ACT")
    person = make_person("ACT")
    note = note_add(actor=manager, person_id=person.pk, text="Says he moved", restricted=True)
    assert (note.author_id, note.restricted, note.category) == (manager.pk, True, "general")
    row = AuditEvent.objects.order_by("-seq").first()
    assert (row.action, row.details["restricted"]) == ("case.note.add", True)
    assert "moved" not in str(row.details)


@pytest.mark.django_db
def test_notes_for_filters_restricted_notes():
    author, officer, other = (case_manager_for("ACT") for _ in range(3))
    person = case_officer_assign(
        actor=registrar_for("ACT"), person_id=make_person("ACT").pk, officer=officer, reason="x"
    )
    note_add(actor=author, person_id=person.pk, text="secret", restricted=True)
    note_add(actor=other, person_id=person.pk, text="open")
    readable = {
        u.pk: {n.note.text for n in notes_for(u, person) if n.readable}
        for u in (author, officer, other)
    }
    assert readable[author.pk] == {"secret", "open"}
    assert readable[officer.pk] == {"secret", "open"}
    assert readable[other.pk] == {"open"}


@pytest.mark.django_db
def test_an_empty_note_or_an_outsider_is_refused():
    person = make_person("ACT")
    with pytest.raises(RuleViolation):
        note_add(actor=case_manager_for("ACT"), person_id=person.pk, text="  ")
    with pytest.raises(AccessDenied):
        note_add(actor=user_for("ACT", Role.INVESTIGATOR), person_id=person.pk, text="x")
    assert not CaseNote.objects.exists()


# --- visits --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_plan_and_record_a_visit_to_an_address_fact():
    manager = case_manager_for("ACT")
    person = make_person("ACT")
    address = make_detail(person, "address")
    visit = visit_plan(
        actor=manager,
        person_id=person.pk,
        address_detail_id=address.pk,
        planned_for=date(2026, 12, 3),
    )
    assert (visit.address_fact_id, visit.address_detail_id, visit.officer_id) == (
        address.fact_id,
        address.pk,
        manager.pk,
    )
    assert (visit.task.kind, visit.task.due_date, visit.task.assignee_id) == (
        "visit",
        date(2026, 12, 3),
        manager.pk,
    )
    when = timezone.now() - timedelta(hours=2)
    visit = visit_record(
        actor=manager,
        visit_id=visit.pk,
        expected_version=1,
        status="done",
        outcome="not_resident",
        visited_at=when,
        notes="Neighbour says he left in October.",
    )
    assert (visit.status, visit.outcome, visit.visited_at, visit.version) == (
        "done",
        "not_resident",
        when,
        2,
    )
    visit.task.refresh_from_db()
    assert visit.task.status == "done"
    with pytest.raises(RuleViolation):
        visit_record(actor=manager, visit_id=visit.pk, expected_version=2, status="planned")


@pytest.mark.django_db
def test_a_visit_needs_a_current_address_of_the_person_and_an_outcome():
    manager = case_manager_for("ACT")
    person, stranger = make_person("ACT"), make_person("ACT")
    theirs = make_detail(stranger, "address")
    with pytest.raises(RuleViolation) as info:
        visit_plan(
            actor=manager,
            person_id=person.pk,
            address_detail_id=theirs.pk,
            planned_for=date(2026, 12, 3),
        )
    assert info.value.field == "address"
    mine = make_detail(person, "address")
    visit = visit_plan(
        actor=manager, person_id=person.pk, address_detail_id=mine.pk, planned_for=date(2026, 12, 3)
    )
    with pytest.raises(RuleViolation) as info:
        visit_record(actor=manager, visit_id=visit.pk, expected_version=1, status="done")
    assert info.value.field == "outcome"
    with pytest.raises(RuleViolation) as info:
        visit_record(
            actor=manager,
            visit_id=visit.pk,
            expected_version=1,
            status="done",
            outcome="confirmed",
            visited_at=datetime(2026, 1, 1, 9),  # noqa: DTZ001
        )
    assert info.value.field == "visited_at"
    with pytest.raises(RuleViolation) as info:
        visit_record(actor=manager, visit_id=visit.pk, expected_version=1, status="cancelled")
    assert info.value.field == "notes"
    assert Visit.objects.get(pk=visit.pk).status == "planned"


@pytest.mark.django_db
def test_replanning_moves_the_task():
    manager, other = case_manager_for("ACT"), case_manager_for("ACT")
    person = make_person("ACT")
    address = make_detail(person, "address")
    visit = visit_plan(
        actor=manager,
        person_id=person.pk,
        address_detail_id=address.pk,
        planned_for=date(2026, 12, 3),
    )
    visit = visit_record(
        actor=manager,
        visit_id=visit.pk,
        expected_version=1,
        status="planned",
        planned_for=date(2026, 12, 10),
        officer=other,
    )
    visit.task.refresh_from_db()
    assert (visit.task.due_date, visit.task.assignee_id) == (date(2026, 12, 10), other.pk)


# --- breach referrals ----------------------------------------------------------------------


@pytest.mark.django_db
def test_refer_a_breach_of_an_obligation_and_record_the_outcome():
    manager = case_manager_for("ACT")
    person = make_person("ACT")
    make_offence(person, found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19))
    obligation = Obligation.objects.get(person=person, kind="initial_report")
    referral = referral_record(
        actor=manager,
        person_id=person.pk,
        obligation_id=obligation.pk,
        found_on=date(2024, 7, 27),
        referred_to="Sexual Crimes Team",
        referred_on=date(2024, 7, 29),
    )
    assert (referral.obligation_key, referral.obligation_kind, referral.status) == (
        obligation.key,
        "initial_report",
        "open",
    )
    row = AuditEvent.objects.order_by("-seq").first()
    assert (row.action, row.details["obligation_key"]) == ("case.referral.record", obligation.key)
    with pytest.raises(RuleViolation) as info:
        referral_update(
            actor=manager, referral_id=referral.pk, expected_version=1, outcome="charged"
        )
    assert info.value.field == "outcome_on"
    referral = referral_update(
        actor=manager,
        referral_id=referral.pk,
        expected_version=1,
        outcome="charged",
        outcome_on=date(2024, 9, 1),
    )
    assert (referral.status, referral.outcome, referral.version) == ("closed", "charged", 2)


@pytest.mark.django_db
def test_referral_dates_must_make_sense():
    manager = case_manager_for("ACT")
    person = make_person("ACT")
    make_offence(person, found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19))
    obligation = Obligation.objects.get(person=person, kind="initial_report")
    args = {
        "actor": manager,
        "person_id": person.pk,
        "obligation_id": obligation.pk,
        "referred_to": "Team",
    }
    with pytest.raises(RuleViolation) as info:
        referral_record(found_on=date(2024, 8, 1), referred_on=date(2024, 7, 1), **args)
    assert info.value.field == "referred_on"
    with pytest.raises(RuleViolation) as info:
        referral_record(found_on=date(2099, 1, 1), referred_on=date(2099, 1, 2), **args)
    assert info.value.field == "found_on"
    other = make_person("ACT")
    with pytest.raises(RuleViolation) as info:
        referral_record(
            actor=manager,
            person_id=other.pk,
            obligation_id=obligation.pk,
            referred_to="Team",
            found_on=date(2024, 8, 1),
            referred_on=date(2024, 8, 1),
        )
    assert info.value.field == "obligation"
    assert not BreachReferral.objects.exists()
