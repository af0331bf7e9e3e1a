"""Task status, edits and reassignment: transitions, optimistic concurrency, refusals."""

from __future__ import annotations

from datetime import date

import pytest

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.cases.models import Task, TaskEvent
from ncos.cases.services import task_reassign, task_update
from ncos.cases.tests.factories import case_manager_for, make_person, make_task, user_for

pytestmark = pytest.mark.django_db


def _seq() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def test_a_task_moves_through_its_statuses_with_history():
    officer = case_manager_for("ACT")
    task = make_task(make_person("ACT"), assignee=officer, actor=officer)
    task = task_update(actor=officer, task_id=task.pk, expected_version=1, status="in_progress")
    task = task_update(
        actor=officer, task_id=task.pk, expected_version=2, status="done", resolution="Seen"
    )
    assert (task.status, task.version, task.closed_by_id, task.resolution) == (
        "done",
        3,
        officer.pk,
        "Seen",
    )
    assert task.closed_at is not None
    task = task_update(actor=officer, task_id=task.pk, expected_version=3, status="open")
    assert task.closed_at is None
    assert task.closed_by_id is None
    changes = list(TaskEvent.objects.filter(task=task).values_list("change", "before", "after"))
    assert changes == [
        ("opened", "", str(officer.pk)),
        ("status", "open", "in_progress"),
        ("status", "in_progress", "done"),
        ("status", "done", "open"),
    ]


def test_cancelling_needs_a_reason():
    officer = case_manager_for("ACT")
    task = make_task(make_person("ACT"))
    with pytest.raises(RuleViolation) as info:
        task_update(actor=officer, task_id=task.pk, expected_version=1, status="cancelled")
    assert info.value.field == "resolution"
    task.refresh_from_db()
    assert task.status == "open"


def test_a_closed_task_cannot_jump_to_another_closed_status():
    officer = case_manager_for("ACT")
    task = make_task(make_person("ACT"))
    task_update(actor=officer, task_id=task.pk, expected_version=1, status="done")
    with pytest.raises(RuleViolation):
        task_update(
            actor=officer, task_id=task.pk, expected_version=2, status="cancelled", resolution="x"
        )


def test_a_stale_version_changes_nothing():
    officer = case_manager_for("ACT")
    task = make_task(make_person("ACT"))
    task_update(actor=officer, task_id=task.pk, expected_version=1, due_date=date(2027, 1, 1))
    before = _seq()
    with pytest.raises(ConflictError) as info:
        task_update(actor=officer, task_id=task.pk, expected_version=1, status="done")
    assert info.value.current_version == 2
    task.refresh_from_db()
    assert (task.status, task.due_date) == ("open", date(2027, 1, 1))
    assert _seq() == before


def test_an_unchanged_update_writes_nothing():
    officer = case_manager_for("ACT")
    task = make_task(make_person("ACT"), title="Same")
    before = _seq()
    same = task_update(actor=officer, task_id=task.pk, expected_version=1, title="Same")
    assert same.version == 1
    assert _seq() == before


def test_notes_are_saved_but_only_their_length_is_audited():
    officer = case_manager_for("ACT")
    task = make_task(make_person("ACT"))
    task_update(actor=officer, task_id=task.pk, expected_version=1, notes="He lives with Mary")
    row = AuditEvent.objects.order_by("-seq").first()
    assert row.action == "case.task.update"
    assert row.details["changes"]["notes"] == {"before": 0, "after": 18}
    assert "Mary" not in str(row.details)


def test_reassign_to_another_officer_or_the_queue():
    officer, other = case_manager_for("ACT"), case_manager_for("ACT")
    task = make_task(make_person("ACT"), assignee=officer, actor=officer)
    task = task_reassign(actor=officer, task_id=task.pk, expected_version=1, assignee=other)
    assert task.assignee_id == other.pk
    task = task_reassign(actor=other, task_id=task.pk, expected_version=2, assignee=None)
    assert task.assignee_id is None
    row = AuditEvent.objects.order_by("-seq").first()
    assert row.action == "case.task.reassign"
    assert row.details["changes"]["assignee_id"] == {"before": other.pk, "after": None}


@pytest.mark.parametrize(
    ("jurisdiction", "role"), [("NSW", Role.CASE_MANAGER), ("ACT", Role.INVESTIGATOR)]
)
def test_reassign_to_someone_who_cannot_work_the_case_is_refused(jurisdiction, role):
    officer = case_manager_for("ACT")
    task = make_task(make_person("ACT"), assignee=officer, actor=officer)
    with pytest.raises(RuleViolation):
        task_reassign(
            actor=officer,
            task_id=task.pk,
            expected_version=1,
            assignee=user_for(jurisdiction, role),
        )
    task.refresh_from_db()
    assert task.assignee_id == officer.pk


@pytest.mark.parametrize(
    ("jurisdiction", "role"),
    [("NSW", Role.REGISTRAR), ("ACT", Role.INVESTIGATOR), ("ACT", Role.COMPETENT_AUTHORITY)],
)
def test_outsiders_cannot_touch_a_task_and_are_audited(jurisdiction, role):
    task = make_task(make_person("ACT"))
    actor = user_for(jurisdiction, role)
    before = _seq()
    with pytest.raises(AccessDenied):
        task_update(actor=actor, task_id=task.pk, expected_version=1, status="done")
    with pytest.raises(AccessDenied):
        task_reassign(actor=actor, task_id=task.pk, expected_version=1, assignee=None)
    assert Task.objects.get(pk=task.pk).version == 1
    rows = list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))
    assert [(r.outcome, r.object_id) for r in rows] == [("denied", str(task.person_id))] * 2


def test_an_uncleared_case_manager_cannot_touch_a_protected_persons_task():
    task = make_task(make_person("ACT", protected=True))
    with pytest.raises(AccessDenied):
        task_update(
            actor=case_manager_for("ACT"), task_id=task.pk, expected_version=1, status="done"
        )
    cleared = case_manager_for("ACT", cleared=True)
    assert (
        task_update(actor=cleared, task_id=task.pk, expected_version=1, status="done").status
        == "done"
    )
