"""Case officer assignment and transfer through the register's `person_assign_case_officer`
(row lock, version, revision, one audit row that also names the tasks moved), history read from
the register's revisions, registrars only."""

from __future__ import annotations

import pytest

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.audit.models import AuditEvent
from ncos.cases.selectors.records import officer_history
from ncos.cases.services import case_officer_assign, caseload_transfer
from ncos.cases.tests.factories import case_manager_for, make_person, make_task, registrar_for
from ncos.registry.models import PersonRevision
from ncos.registry.services import person_update

pytestmark = pytest.mark.django_db


def _seq() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def test_assigning_bumps_the_version_keeps_a_revision_and_writes_one_row():
    registrar = registrar_for("ACT")
    officer = case_manager_for("ACT")
    person = make_person("ACT")
    version = person.version
    before = _seq()
    person = case_officer_assign(
        actor=registrar, person_id=person.pk, officer=officer, reason="new caseload"
    )
    assert (person.case_officer_id, person.version) == (officer.pk, version + 1)
    revision = PersonRevision.objects.get(person=person, version=person.version)
    assert revision.data["case_officer"] == officer.pk
    assert revision.reason == "new caseload"
    rows = list(AuditEvent.objects.filter(seq__gt=before))
    assert [(r.action, r.object_id) for r in rows] == [("person.case_officer", str(person.pk))]
    assert rows[0].details["changes"]["case_officer"] == {"before": None, "after": officer.pk}


def test_the_outgoing_officers_open_tasks_follow_the_person():
    registrar = registrar_for("ACT")
    old, new = case_manager_for("ACT"), case_manager_for("ACT")
    person = case_officer_assign(
        actor=registrar, person_id=make_person("ACT").pk, officer=old, reason="a"
    )
    open_task = make_task(person)
    done = make_task(person)
    from ncos.cases.services import task_update

    task_update(actor=old, task_id=done.pk, expected_version=1, status="done")
    case_officer_assign(actor=registrar, person_id=person.pk, officer=new, reason="b")
    open_task.refresh_from_db(), done.refresh_from_db()
    assert (open_task.assignee_id, done.assignee_id) == (new.pk, old.pk)
    row = AuditEvent.objects.order_by("-seq").first()
    assert row.details["tasks_moved"] == [str(open_task.pk)]


def test_history_includes_changes_made_on_the_registers_own_form():
    registrar = registrar_for("ACT")
    first, second = case_manager_for("ACT"), case_manager_for("ACT")
    person = case_officer_assign(
        actor=registrar, person_id=make_person("ACT").pk, officer=first, reason="first"
    )
    person = person_update(
        actor=registrar,
        person_id=person.pk,
        expected_version=person.version,
        changes={"case_officer": second},
        reason="edited on the person form",
    )
    person = case_officer_assign(actor=registrar, person_id=person.pk, officer=None, reason="left")
    history = officer_history(person)
    assert [(h.from_officer, h.to_officer, h.reason) for h in history] == [
        (second, None, "left"),
        (first, second, "edited on the person form"),
        (None, first, "first"),
    ]
    assert all(h.by == registrar for h in history)


def test_a_case_manager_cannot_assign_and_nothing_changes():
    manager = case_manager_for("ACT")
    person = make_person("ACT")
    before = _seq()
    with pytest.raises(AccessDenied):
        case_officer_assign(actor=manager, person_id=person.pk, officer=manager, reason="me")
    person.refresh_from_db()
    assert person.case_officer_id is None
    assert person.version == 1
    rows = list(AuditEvent.objects.filter(seq__gt=before))
    assert [(r.action, r.outcome) for r in rows] == [("case.supervise", "denied")]


def test_a_stale_person_version_is_a_conflict():
    registrar = registrar_for("ACT")
    person = make_person("ACT")
    with pytest.raises(ConflictError):
        case_officer_assign(
            actor=registrar,
            person_id=person.pk,
            officer=case_manager_for("ACT"),
            reason="x",
            expected_version=person.version + 1,
        )


def test_officer_must_be_of_the_jurisdiction_and_cleared_for_a_protected_person():
    registrar = registrar_for("ACT")  # cleared
    with pytest.raises(RuleViolation) as info:
        case_officer_assign(
            actor=registrar,
            person_id=make_person("ACT").pk,
            officer=case_manager_for("NSW"),
            reason="x",
        )
    assert info.value.field == "officer"
    protected = make_person("ACT", protected=True)
    with pytest.raises(RuleViolation):
        case_officer_assign(
            actor=registrar, person_id=protected.pk, officer=case_manager_for("ACT"), reason="x"
        )


def test_reason_is_required_and_a_no_op_is_refused():
    registrar = registrar_for("ACT")
    person = make_person("ACT")
    with pytest.raises(RuleViolation):
        case_officer_assign(actor=registrar, person_id=person.pk, officer=None, reason="  ")
    with pytest.raises(RuleViolation):
        case_officer_assign(actor=registrar, person_id=person.pk, officer=None, reason="x")


def test_transfer_moves_everyone_visible_and_leaves_protected_people_for_a_cleared_registrar():
    from ncos.access.roles import Role
    from ncos.cases.tests.factories import user_for

    cleared = registrar_for("ACT")
    old = case_manager_for("ACT", cleared=True)
    new = case_manager_for("ACT", cleared=True)
    ordinary = case_officer_assign(
        actor=cleared, person_id=make_person("ACT").pk, officer=old, reason="a"
    )
    secret = case_officer_assign(
        actor=cleared, person_id=make_person("ACT", protected=True).pk, officer=old, reason="a"
    )
    uncleared = user_for("ACT", Role.REGISTRAR)
    moved = caseload_transfer(actor=uncleared, from_officer=old, to_officer=new, reason="leave")
    assert [p.pk for p in moved] == [ordinary.pk]
    secret.refresh_from_db()
    assert secret.case_officer_id == old.pk
    caseload_transfer(actor=cleared, from_officer=old, to_officer=new, reason="leave")
    secret.refresh_from_db()
    assert secret.case_officer_id == new.pk
