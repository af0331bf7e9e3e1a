"""Case officer assignment and transfer.

The case officer is the register's field `Person.case_officer`; the write is the register's
`person_assign_case_officer` (row lock, `case.supervise`, version bump, `PersonRevision`, one
audit row `person.case_officer`). This app adds what case management needs around it: the
protected-clearance check on the officer, and handing the outgoing officer's open tasks about
the person to the new one (named in that same audit row).
"""

from __future__ import annotations

from typing import Any

from ncos.access.actions import Action
from ncos.access.errors import RuleViolation
from ncos.accounts.models import User
from ncos.cases.choices import OPEN_TASK_STATUSES, TaskChange
from ncos.cases.models import Task
from ncos.cases.services._common import (
    check_officer,
    check_version,
    lock_person,
    now,
    required_text,
)
from ncos.cases.services.tasks import _event
from ncos.common.services import service
from ncos.registry.models import Person


def _open_tasks_of(person: Person, officer_id: int | None) -> list[Task]:
    if officer_id is None:
        return []
    return list(
        Task.objects.select_for_update(of=("self",))
        .filter(person=person, assignee_id=officer_id, status__in=OPEN_TASK_STATUSES)
        .order_by("due_date", "pk")
    )


def _move_tasks(tasks: list[Task], officer: User | None, actor: Any) -> None:
    stamp = now()
    for task in tasks:
        before = task.assignee_id
        task.assignee = officer
        task.updated_at = stamp
        task.version += 1
        task.save(update_fields=["assignee", "updated_at", "version"])
        _event(
            task,
            actor,
            TaskChange.REASSIGNED,
            before,
            officer.pk if officer else "queue",
            "case officer changed",
        )


@service
def case_officer_assign(
    *,
    actor: User,
    person_id: object,
    officer: User | None,
    reason: str,
    expected_version: int | None = None,
    move_tasks: bool = True,
) -> Person:
    """Make `officer` the person's case officer (None: unassigned). A registrar of the managing
    jurisdiction decides (`Action.CASE_SUPERVISE`). With `move_tasks`, the outgoing officer's
    open tasks about the person go to the new officer (or the queue)."""
    from ncos.registry.services import person_assign_case_officer

    person = lock_person(actor, person_id, Action.CASE_SUPERVISE)
    check_version(person, expected_version)
    reason = required_text(reason, "reason", "Give the reason for the change.", 300)
    check_officer(officer, person, "officer")
    before = person.case_officer_id
    if before == (officer.pk if officer is not None else None):
        raise RuleViolation("That officer is already the case officer.", "officer")
    tasks = _open_tasks_of(person, before) if move_tasks else []
    person = person_assign_case_officer(
        actor=actor,
        person_id=person.pk,
        officer=officer,
        reason=reason,
        expected_version=person.version,
        audit_details={"tasks_moved": [str(t.pk) for t in tasks]},
    )
    _move_tasks(tasks, officer, actor)
    return person


@service
def caseload_transfer(
    *,
    actor: User,
    from_officer: User,
    to_officer: User | None,
    reason: str,
    person_ids: list[object] | None = None,
) -> list[Person]:
    """Hand an officer's caseload (or the listed people of it) to another officer: one
    `case_officer_assign` per person (each locked, checked and audited on its own), all or
    nothing."""
    reason = required_text(reason, "reason", "Give the reason for the transfer.", 300)
    if to_officer is not None and to_officer.pk == from_officer.pk:
        raise RuleViolation("Choose a different officer.", "to_officer")
    people = Person.objects.filter(case_officer=from_officer, merged_into__isnull=True)
    if not actor.protected_clearance:
        people = people.filter(protected=False)  # those stay for a cleared registrar to move
    ids = list(people.order_by("pk").values_list("pk", flat=True))
    if person_ids is not None:
        wanted = {str(p) for p in person_ids}
        ids = [pk for pk in ids if str(pk) in wanted]
    if not ids:
        raise RuleViolation("That officer has nobody to transfer.", "from_officer")
    return [
        case_officer_assign(actor=actor, person_id=pk, officer=to_officer, reason=reason)
        for pk in ids
    ]
