"""`task_open`: the interface the compliance sweep (and others) call. Idempotent by
(person, source_key), concurrency-safe, audited, default assignee = case officer else queue."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from ncos.access.errors import AccessDenied, RuleViolation
from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.audit.models import AuditEvent
from ncos.cases.models import Task, TaskEvent
from ncos.cases.services import task_open
from ncos.cases.tests.factories import case_manager_for, make_person, registrar_for, user_for
from ncos.registry.services import person_update

DUE = date(2026, 12, 14)


def _assign(person, officer):
    return person_update(
        actor=registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        expected_version=person.version,
        changes={"case_officer": officer},
        reason="test",
    )


def _open(person, **kw):
    args = {
        "actor": None,
        "person": person,
        "kind": "breach",
        "title": "Initial report overdue",
        "due_date": DUE,
        "source_key": "breach:initial_report:2026-11-01",
    }
    args.update(kw)
    return task_open(**args)


@pytest.mark.django_db
def test_system_opens_a_task_for_the_case_officer_and_audits_it():
    officer = case_manager_for("ACT")
    person = _assign(make_person("ACT"), officer)
    before = AuditEvent.objects.count()
    task = _open(person, details={"obligation_key": "initial_report:2026-11-01"})
    assert task.assignee_id == officer.pk
    assert task.created_by is None
    assert (task.kind, task.status, task.due_date, task.version) == ("breach", "open", DUE, 1)
    assert task.details == {"obligation_key": "initial_report:2026-11-01"}
    assert AuditEvent.objects.count() == before + 1
    row = AuditEvent.objects.order_by("-seq").first()
    assert (row.action, row.actor_username, row.actor_id) == ("case.task.open", "system", None)
    assert (row.object_type, row.object_id) == ("person", str(person.pk))
    assert row.details["task_id"] == str(task.pk)
    assert row.details["assignee_id"] == officer.pk
    assert row.managing_jurisdiction == "ACT"
    assert TaskEvent.objects.filter(task=task, change="opened").count() == 1


@pytest.mark.django_db
def test_without_a_case_officer_the_task_goes_to_the_jurisdiction_queue():
    person = make_person("NSW")
    task = _open(person)
    assert task.assignee_id is None
    assert task.person.managing_jurisdiction_id == "NSW"


@pytest.mark.django_db
def test_a_case_officer_who_can_no_longer_work_the_case_is_skipped():
    officer = case_manager_for("ACT")
    person = _assign(make_person("ACT"), officer)
    User.objects.filter(pk=officer.pk).update(is_active=False, disabled_at=timezone.now())
    person.refresh_from_db()
    assert _open(person).assignee_id is None


@pytest.mark.django_db
def test_second_call_with_the_same_key_returns_the_same_task_and_changes_nothing():
    person = make_person("ACT")
    first = _open(person)
    audit_before = AuditEvent.objects.count()
    second = _open(person, title="Something else", due_date=date(2027, 1, 1), kind="other")
    assert second.pk == first.pk
    assert Task.objects.filter(person=person).count() == 1
    stored = Task.objects.get(pk=first.pk)
    assert (stored.title, stored.due_date, stored.kind, stored.version) == (
        "Initial report overdue",
        DUE,
        "breach",
        1,
    )
    assert AuditEvent.objects.count() == audit_before


@pytest.mark.django_db
def test_the_key_is_per_person():
    a, b = make_person("ACT"), make_person("ACT")
    assert _open(a).pk != _open(b).pk


@pytest.mark.django_db
def test_a_closed_task_is_returned_not_reopened():
    from ncos.cases.services import task_update

    person = make_person("ACT")
    task = _open(person)
    task_update(actor=registrar_for("ACT"), task_id=task.pk, expected_version=1, status="done")
    again = _open(person)
    assert again.pk == task.pk
    assert again.status == "done"
    assert Task.objects.filter(person=person).count() == 1


@pytest.mark.django_db
def test_an_empty_key_opens_a_new_task_each_time():
    person = make_person("ACT")
    assert _open(person, source_key="").pk != _open(person, source_key="").pk
    assert Task.objects.filter(person=person).count() == 2


@pytest.mark.django_db
def test_the_database_refuses_a_duplicate_key():
    person = make_person("ACT")
    task = _open(person)
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Task.objects.create(
            person=person,
            kind="other",
            title="dup",
            due_date=DUE,
            source_key=task.source_key,
            created_at=now,
            updated_at=now,
        )


@pytest.mark.django_db
def test_a_user_may_open_a_task_and_choose_the_assignee():
    registrar = registrar_for("ACT")
    other = case_manager_for("ACT")
    task = _open(make_person("ACT"), actor=registrar, assignee=other, source_key="")
    assert (task.created_by_id, task.assignee_id) == (registrar.pk, other.pk)
    assert AuditEvent.objects.order_by("-seq").first().actor_id == registrar.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("assignee_spec", "field"),
    [
        (("NSW", Role.CASE_MANAGER, False), "assignee"),  # other jurisdiction
        (("ACT", Role.INVESTIGATOR, False), "assignee"),  # role cannot work cases
    ],
)
def test_an_assignee_who_cannot_work_the_case_is_refused(assignee_spec, field):
    person = make_person("ACT")
    assignee = user_for(*assignee_spec[:2], cleared=assignee_spec[2])
    with pytest.raises(RuleViolation) as info:
        _open(person, actor=registrar_for("ACT"), assignee=assignee)
    assert info.value.field == field
    assert not Task.objects.filter(person=person).exists()


@pytest.mark.django_db
def test_a_protected_persons_task_needs_a_cleared_assignee():
    person = make_person("ACT", protected=True)
    registrar = registrar_for("ACT")  # cleared
    with pytest.raises(RuleViolation):
        _open(person, actor=registrar, assignee=case_manager_for("ACT", cleared=False))
    cleared = case_manager_for("ACT", cleared=True)
    assert _open(person, actor=registrar, assignee=cleared).assignee_id == cleared.pk


@pytest.mark.django_db
def test_for_the_system_an_ineligible_assignee_falls_back_to_the_default():
    """The sweep passes the case officer; if they left, the task must still be opened."""
    officer = case_manager_for("ACT")
    person = _assign(make_person("ACT"), officer)
    User.objects.filter(pk=officer.pk).update(is_active=False, disabled_at=timezone.now())
    officer.refresh_from_db()
    person.refresh_from_db()
    assert _open(person, assignee=officer).assignee_id is None
    other = make_person("ACT")
    assert _open(other, assignee=user_for("NSW", Role.CASE_MANAGER)).assignee_id is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("kind", "nonsense"), ("title", "  "), ("due_date", "2026-12-01"), ("source_key", "k" * 161)],
)
def test_invalid_input_is_refused_with_the_field(field, value):
    person = make_person("ACT")
    with pytest.raises(RuleViolation) as info:
        _open(person, **{field: value})
    assert info.value.field == field
    assert not Task.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("jurisdiction", "role"),
    [("ACT", Role.INVESTIGATOR), ("NSW", Role.REGISTRAR), ("ACT", Role.AUDITOR)],
)
def test_refused_actor_changes_nothing_and_leaves_a_denied_row(jurisdiction, role):
    person = make_person("ACT")
    actor = user_for(jurisdiction, role)
    before = AuditEvent.objects.count()
    with pytest.raises(AccessDenied):
        _open(person, actor=actor)
    assert not Task.objects.exists()
    rows = list(AuditEvent.objects.order_by("-seq")[: AuditEvent.objects.count() - before])
    assert [(r.action, r.outcome, r.actor_id) for r in rows] == [
        ("person.update", "denied", actor.pk)
    ]
    assert rows[0].object_id == str(person.pk)


@pytest.mark.django_db
def test_uncleared_user_cannot_open_a_task_on_a_protected_person():
    person = make_person("ACT", protected=True)
    with pytest.raises(AccessDenied):
        _open(person, actor=case_manager_for("ACT"))
    assert not Task.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_calls_open_exactly_one_task():
    """Eight sweeps race on the same (person, key): one task, one audit row, one answer."""
    person = make_person("ACT")
    n = 8
    barrier = threading.Barrier(n)
    results: list[object] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(_open(person).pk)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    assert len(results) == n
    assert len(set(results)) == 1
    assert Task.objects.filter(person=person).count() == 1
    assert AuditEvent.objects.filter(action="case.task.open").count() == 1
