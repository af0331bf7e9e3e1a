"""Reads for one person's case page: tasks, notes (restricted ones filtered), visits, referrals,
requests, the case officer's history, and the facts the forms offer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ncos.access.policy import may_read_restricted_note
from ncos.access.subjects import subject_of
from ncos.accounts.models import User
from ncos.cases.choices import OPEN_TASK_STATUSES
from ncos.cases.models import AccessRequest, BreachReferral, CaseNote, Task, Visit
from ncos.cases.services._common import record_ref
from ncos.registry.choices import DetailKind
from ncos.registry.models import Detail, Obligation, Person, PersonRevision


@dataclass
class NoteView:
    note: CaseNote
    readable: bool


def notes_for(actor: Any, person: Person) -> list[NoteView]:
    """All notes about the person; restricted ones readable only as the policy says."""
    subject = subject_of(actor)
    ref = record_ref(person)
    out: list[NoteView] = []
    for note in (
        CaseNote.objects.filter(person=person).select_related("author").order_by("-written_at")
    ):
        readable = (
            not note.restricted
            or may_read_restricted_note(
                subject, ref, author_id=note.author_id, case_officer_id=person.case_officer_id
            ).allowed
        )
        out.append(NoteView(note, readable))
    return out


def can_read_note(actor: Any, note: CaseNote) -> bool:
    if not note.restricted:
        return True
    person = note.person
    return may_read_restricted_note(
        subject_of(actor),
        record_ref(person),
        author_id=note.author_id,
        case_officer_id=person.case_officer_id,
    ).allowed


@dataclass
class OfficerChange:
    at: datetime
    by: User | None
    from_officer: User | None
    to_officer: User | None
    reason: str
    version: int


def officer_history(person: Person) -> list[OfficerChange]:
    """Every change of the case officer, newest first, read from the register's revisions (so a
    change made on the register's own edit form is listed too)."""
    revisions = list(
        PersonRevision.objects.filter(person=person)
        .select_related("changed_by")
        .order_by("version")
    )
    ids = {r.data.get("case_officer") for r in revisions} - {None}
    users = {u.pk: u for u in User.objects.filter(pk__in=ids)}
    out: list[OfficerChange] = []
    previous: Any = None
    for revision in revisions:
        current = revision.data.get("case_officer")
        if current != previous:
            out.append(
                OfficerChange(
                    at=revision.changed_at,
                    by=revision.changed_by,
                    from_officer=users.get(previous),
                    to_officer=users.get(current),
                    reason=revision.reason,
                    version=revision.version,
                )
            )
        previous = current
    return list(reversed(out))


def current_addresses(person: Person) -> list[Detail]:
    return list(
        Detail.objects.filter(
            person=person, kind=DetailKind.ADDRESS, is_current=True, withdrawn=False
        ).order_by("-valid_from", "-recorded_at")
    )


def referable_obligations(person: Person) -> list[Obligation]:
    """Obligations a breach can be about: overdue ones first, then the rest that were due."""
    rows = Obligation.objects.filter(person=person).exclude(status="withdrawn")
    return sorted(rows, key=lambda o: (o.status != "overdue", o.due_date or date.max))


@dataclass
class PersonCase:
    person: Person
    tasks: list[Task]
    open_tasks: int
    notes: list[NoteView]
    visits: list[Visit]
    referrals: list[BreachReferral]
    requests: list[AccessRequest]
    officers: list[OfficerChange] = field(default_factory=list)


def person_case(actor: Any, person: Person) -> PersonCase:
    tasks = list(
        Task.objects.filter(person=person).select_related("assignee").order_by("status", "due_date")
    )
    tasks.sort(key=lambda t: (t.status not in OPEN_TASK_STATUSES, t.due_date))
    return PersonCase(
        person=person,
        tasks=tasks,
        open_tasks=sum(1 for t in tasks if t.status in OPEN_TASK_STATUSES),
        notes=notes_for(actor, person),
        visits=list(Visit.objects.filter(person=person).select_related("officer")),
        referrals=list(BreachReferral.objects.filter(person=person)),
        requests=list(AccessRequest.objects.filter(person=person).select_related("task")),
        officers=officer_history(person),
    )
