"""Tasks: open (idempotent by person + source key), change status, edit, reassign."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction

from ncos.access.actions import Action
from ncos.access.errors import RuleViolation
from ncos.accounts.models import User
from ncos.cases.choices import (
    CLOSED_TASK_STATUSES,
    TASK_TRANSITIONS,
    TaskChange,
    TaskKind,
    TaskStatus,
)
from ncos.cases.models import Task, TaskEvent
from ncos.cases.services._common import (
    audit_write,
    check_officer,
    check_version,
    choice,
    jsonable,
    lock_person,
    lock_row,
    now,
    officer_eligible,
    optional_text,
    record_ref,
    required_text,
)
from ncos.common.services import service
from ncos.registry.models import Person


def _event(
    task: Task, actor: Any, change: str, before: Any = "", after: Any = "", note: str = ""
) -> None:
    TaskEvent.objects.create(
        task=task,
        at=task.updated_at,
        actor=actor,
        change=change,
        before=str(jsonable(before) or "")[:200],
        after=str(jsonable(after) or "")[:200],
        note=note[:500],
    )


def default_assignee(person: Person) -> User | None:
    """The person's case officer if they can still work on the person, else the queue (None)."""
    officer = person.case_officer
    return officer if officer_eligible(officer, person) else None


def open_task(
    *,
    actor: User | None,
    person: Person,
    kind: str,
    title: str,
    due_date: date,
    assignee: User | None = None,
    source_key: str = "",
    details: Mapping[str, Any] | None = None,
    notes: str = "",
) -> tuple[Task, bool]:
    """The core of `task_open` for services of this app that open a task as part of their own
    act (the person is already locked and authorised; their audit row names the task).
    Returns (task, created)."""
    key = optional_text(source_key, "source_key", 160)
    if key:
        existing = Task.objects.filter(person=person, source_key=key).first()
        if existing is not None:
            return existing, False
    kind = choice(kind, TaskKind, "kind", "Choose a kind of task.")
    title = required_text(title, "title", "Give the task a title.", 200)
    if not isinstance(due_date, date) or isinstance(due_date, datetime):
        raise RuleViolation("Give the due date.", "due_date")
    if assignee is not None and (actor is not None or officer_eligible(assignee, person)):
        check_officer(assignee, person)  # a user's choice must be valid
    else:
        # The system (a sweep) must not fail because an officer left: an ineligible assignee
        # falls back to the default like no assignee at all.
        assignee = default_assignee(person)
    stamp = now()
    task = Task(
        person=person,
        kind=kind,
        title=title,
        details=jsonable(dict(details or {})),
        notes=optional_text(notes, "notes", 4000),
        due_date=due_date,
        assignee=assignee,
        source_key=key,
        created_at=stamp,
        created_by=actor,
        updated_at=stamp,
    )
    try:
        with transaction.atomic():  # a savepoint: a lost race leaves the outer transaction usable
            task.save(force_insert=True)
    except IntegrityError:
        if not key:
            raise
        return Task.objects.get(person=person, source_key=key), False
    _event(task, actor, TaskChange.OPENED, after=task.assignee_id or "queue")
    return task, True


@service
def task_open(
    *,
    actor: User | None,
    person: Person | object,
    kind: str,
    title: str,
    due_date: date,
    assignee: User | None = None,
    source_key: str,
    details: Mapping[str, Any] | None = None,
    notes: str = "",
) -> Task:
    """Open a task about `person`, or return the task already opened for `source_key`.

    Idempotent by (person, source_key): a second call with the same key returns the existing
    task (whatever its status) and changes nothing. Concurrent calls are serialised on the
    person's row lock, and the unique constraint `cases_task_one_per_source_key` is the final
    guarantee. `source_key=""` opens a new task every time. `actor=None` is the system (sweeps,
    background jobs): no policy decision, audited as "system". The default assignee is the
    person's case officer, else the managing jurisdiction's queue (assignee None); for the
    system an `assignee` who cannot work on the person also falls back to that default.
    """
    locked = lock_person(actor, person, Action.PERSON_UPDATE)
    task, created = open_task(
        actor=actor,
        person=locked,
        kind=kind,
        title=title,
        due_date=due_date,
        assignee=assignee,
        source_key=source_key,
        details=details,
        notes=notes,
    )
    if created:
        audit_write(
            actor,
            locked,
            "case.task.open",
            details={
                "task_id": task.pk,
                "kind": task.kind,
                "source_key": task.source_key,
                "assignee_id": task.assignee_id,
                "due_date": task.due_date,
            },
        )
    return task


def _lock_task(actor: Any, task_id: object) -> Task:
    from ncos.access.guard import authorize

    task: Task = lock_row(Task, task_id, "task")
    authorize(
        actor,
        Action.PERSON_UPDATE,
        record_ref(task.person),
        object_type="person",
        object_id=task.person_id,
    )
    return task


@service
def task_update(
    *,
    actor: User,
    task_id: object,
    expected_version: int | None,
    status: str | None = None,
    title: str | None = None,
    notes: str | None = None,
    due_date: date | None = None,
    resolution: str | None = None,
) -> Task:
    """Change a task's status, title, notes, due date or resolution (None = leave as is).

    Refused with `ConflictError` if the task changed since the actor read `expected_version`."""
    task = _lock_task(actor, task_id)
    check_version(task, expected_version)
    changes: dict[str, tuple[Any, Any]] = {}
    stamp = now()
    task.updated_at = stamp
    if title is not None:
        new_title = required_text(title, "title", "Give the task a title.", 200)
        if new_title != task.title:
            changes["title"] = (task.title, new_title)
            task.title = new_title
    if notes is not None:
        new_notes = optional_text(notes, "notes", 4000)
        if new_notes != task.notes:
            changes["notes"] = (len(task.notes), len(new_notes))  # lengths only in the trail
            task.notes = new_notes
    if due_date is not None and due_date != task.due_date:
        changes["due_date"] = (task.due_date, due_date)
        task.due_date = due_date
    if resolution is not None:
        new_resolution = optional_text(resolution, "resolution", 500)
        if new_resolution != task.resolution:
            changes["resolution"] = (len(task.resolution), len(new_resolution))
            task.resolution = new_resolution
    if status is not None and status != task.status:
        status = choice(status, TaskStatus, "status", "Choose a status.")
        if status not in TASK_TRANSITIONS[task.status]:
            raise RuleViolation(
                f"A task that is {TaskStatus(task.status).label.lower()} cannot be moved to "
                f"“{TaskStatus(status).label}”.",
                "status",
            )
        if status == TaskStatus.CANCELLED and not task.resolution:
            raise RuleViolation("Say why the task is cancelled.", "resolution")
        changes["status"] = (task.status, status)
        task.status = status
        if status in CLOSED_TASK_STATUSES:
            task.closed_at, task.closed_by = stamp, actor
        else:
            task.closed_at, task.closed_by = None, None
    if not changes:
        return task
    task.version += 1
    task.save()
    kinds = {
        "status": TaskChange.STATUS,
        "title": TaskChange.TITLE,
        "notes": TaskChange.NOTES,
        "due_date": TaskChange.DUE,
    }
    for name, (before, after) in changes.items():
        if name in kinds:
            text = name in ("status", "due_date", "title")
            _event(
                task,
                actor,
                kinds[name],
                before if text else "",
                after if text else "",
                task.resolution if name == "status" else "",
            )
    audit_write(
        actor,
        task.person,
        "case.task.update",
        changes=changes,
        details={"task_id": task.pk, "version": task.version},
    )
    return task


@service
def task_reassign(
    *,
    actor: User,
    task_id: object,
    expected_version: int | None,
    assignee: User | None,
    reason: str = "",
) -> Task:
    """Give the task to another officer of the managing jurisdiction (None: back to the queue)."""
    task = _lock_task(actor, task_id)
    check_version(task, expected_version)
    check_officer(assignee, task.person)
    new_id = assignee.pk if assignee is not None else None
    if new_id == task.assignee_id:
        return task
    before = task.assignee_id
    task.assignee = assignee
    task.updated_at = now()
    task.version += 1
    task.save()
    note = optional_text(reason, "reason", 500)
    _event(task, actor, TaskChange.REASSIGNED, before or "queue", new_id or "queue", note)
    audit_write(
        actor,
        task.person,
        "case.task.reassign",
        changes={"assignee_id": (before, new_id)},
        details={"task_id": task.pk, "version": task.version},
        reason=note,
    )
    return task


def close_linked_task(task: Task | None, actor: Any, resolution: str) -> None:
    """Mark a task done as part of another service's write (no audit row of its own: the
    calling service's row records the act)."""
    if task is None or task.status in CLOSED_TASK_STATUSES:
        return
    before = task.status
    task.status = TaskStatus.DONE
    task.resolution = resolution[:500]
    task.updated_at = task.closed_at = now()
    task.closed_by = actor
    task.version += 1
    task.save()
    _event(task, actor, TaskChange.STATUS, before, TaskStatus.DONE, task.resolution)
