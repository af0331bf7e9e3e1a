"""Case notes, address verification visits and breach referrals."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from ncos.access.actions import Action
from ncos.access.errors import RuleViolation
from ncos.access.guard import authorize
from ncos.accounts.models import User
from ncos.cases.choices import (
    NoteCategory,
    ReferralOutcome,
    ReferralStatus,
    TaskKind,
    VisitOutcome,
    VisitStatus,
)
from ncos.cases.models import BreachReferral, CaseNote, Visit
from ncos.cases.services._common import (
    audit_write,
    check_officer,
    check_version,
    choice,
    local_today,
    lock_person,
    lock_row,
    now,
    optional_text,
    record_ref,
    required_text,
)
from ncos.cases.services.tasks import close_linked_task, open_task
from ncos.common.services import service
from ncos.registry.choices import DetailKind
from ncos.registry.models import Detail, Obligation

# --- notes ---------------------------------------------------------------------------------


@service
def note_add(
    *,
    actor: User,
    person_id: object,
    text: str,
    category: str = NoteCategory.GENERAL,
    restricted: bool = False,
) -> CaseNote:
    """Write a case note (append-only). A restricted note is visible only to its author, the
    person's case officer and registrars of the managing jurisdiction."""
    person = lock_person(actor, person_id, Action.PERSON_UPDATE)
    note = CaseNote.objects.create(
        person=person,
        category=choice(category, NoteCategory, "category", "Choose a category."),
        text=required_text(text, "text", "Write the note.", 8000),
        restricted=bool(restricted),
        author=actor,
        written_at=now(),
    )
    audit_write(
        actor,
        person,
        "case.note.add",
        details={"note_id": note.pk, "category": note.category, "restricted": note.restricted},
    )
    return note


# --- visits --------------------------------------------------------------------------------


def _address(person: Any, address_detail_id: object) -> Detail:
    try:
        pk = uuid.UUID(str(address_detail_id))
    except (TypeError, ValueError):
        raise RuleViolation("Choose the address to visit.", "address") from None
    detail = Detail.objects.filter(
        pk=pk, person=person, kind=DetailKind.ADDRESS, is_current=True, withdrawn=False
    ).first()
    if detail is None:
        raise RuleViolation("Choose one of the person's current addresses.", "address")
    return detail


@service
def visit_plan(
    *,
    actor: User,
    person_id: object,
    address_detail_id: object,
    planned_for: date,
    officer: User | None = None,
    open_task_for_officer: bool = True,
) -> Visit:
    """Plan an address verification visit to one of the person's current addresses (a register
    fact). The visiting officer (default: the actor) gets a task due on the planned day."""
    person = lock_person(actor, person_id, Action.PERSON_UPDATE)
    address = _address(person, address_detail_id)
    officer = officer or actor
    check_officer(officer, person, "officer")
    if not isinstance(planned_for, date):
        raise RuleViolation("Give the planned date.", "planned_for")
    stamp = now()
    visit = Visit(
        person=person,
        address_fact_id=address.fact_id,
        address_detail=address,
        address_summary=address.summary[:400],
        planned_for=planned_for,
        officer=officer,
        created_at=stamp,
        created_by=actor,
        updated_at=stamp,
    )
    visit.save(force_insert=True)
    if open_task_for_officer:
        visit.task, _ = open_task(
            actor=actor,
            person=person,
            kind=TaskKind.VISIT,
            title="Address verification visit",
            due_date=planned_for,
            assignee=officer,
            source_key=f"visit:{visit.pk}",
            details={"visit_id": visit.pk, "address_fact_id": address.fact_id},
        )
        visit.save(update_fields=["task"])
    audit_write(
        actor,
        person,
        "case.visit.plan",
        details={
            "visit_id": visit.pk,
            "address_fact_id": address.fact_id,
            "address_detail_id": address.pk,
            "planned_for": planned_for,
            "officer_id": officer.pk,
            "task_id": visit.task_id,
        },
    )
    return visit


def _lock_visit(actor: Any, visit_id: object) -> Visit:
    visit: Visit = lock_row(Visit, visit_id, "visit")
    authorize(
        actor,
        Action.PERSON_UPDATE,
        record_ref(visit.person),
        object_type="person",
        object_id=visit.person_id,
    )
    return visit


@service
def visit_record(
    *,
    actor: User,
    visit_id: object,
    expected_version: int | None,
    status: str,
    outcome: str = "",
    visited_at: datetime | None = None,
    notes: str = "",
    planned_for: date | None = None,
    officer: User | None = None,
) -> Visit:
    """Record how a visit went (`done` + outcome + when), cancel it, or re-plan it (`planned`
    with a new date or officer). Closing the visit closes its task."""
    visit = _lock_visit(actor, visit_id)
    check_version(visit, expected_version)
    status = choice(status, VisitStatus, "status", "Choose what happened.")
    changes: dict[str, tuple[Any, Any]] = {}
    if visit.status != VisitStatus.PLANNED and status != visit.status:
        raise RuleViolation("This visit is closed; plan a new one.", "status")
    if status == VisitStatus.DONE:
        outcome = choice(outcome, VisitOutcome, "outcome", "Choose the outcome of the visit.")
        when = visited_at or now()
        if timezone.is_naive(when):
            raise RuleViolation("Give the time of the visit.", "visited_at")
        if when > now() + timedelta(minutes=5):
            raise RuleViolation("The visit cannot be in the future.", "visited_at")
        changes.update(outcome=(visit.outcome, outcome), visited_at=(visit.visited_at, when))
        visit.outcome, visit.visited_at = outcome, when
    elif status == VisitStatus.CANCELLED and not (notes or "").strip():
        raise RuleViolation("Say why the visit is cancelled.", "notes")
    if status == VisitStatus.PLANNED:
        if planned_for is not None and planned_for != visit.planned_for:
            changes["planned_for"] = (visit.planned_for, planned_for)
            visit.planned_for = planned_for
        if officer is not None and officer.pk != visit.officer_id:
            check_officer(officer, visit.person, "officer")
            changes["officer_id"] = (visit.officer_id, officer.pk)
            visit.officer = officer
    if status != visit.status:
        changes["status"] = (visit.status, status)
        visit.status = status
    new_notes = optional_text(notes, "notes", 4000)
    if new_notes and new_notes != visit.notes:
        changes["notes"] = (len(visit.notes), len(new_notes))
        visit.notes = new_notes
    if not changes:
        return visit
    visit.updated_at = now()
    visit.version += 1
    visit.save()
    if visit.status != VisitStatus.PLANNED:
        close_linked_task(visit.task, actor, f"visit {visit.get_status_display().lower()}")
    elif visit.task is not None and ("planned_for" in changes or "officer_id" in changes):
        from ncos.cases.services.tasks import _event

        task = visit.task
        task.due_date, task.assignee = visit.planned_for, visit.officer
        task.updated_at, task.version = visit.updated_at, task.version + 1
        task.save(update_fields=["due_date", "assignee", "updated_at", "version"])
        _event(task, actor, "due", "", visit.planned_for, "visit re-planned")
    audit_write(
        actor,
        visit.person,
        "case.visit.record",
        changes=changes,
        details={"visit_id": visit.pk, "version": visit.version},
    )
    return visit


# --- breach referrals ----------------------------------------------------------------------


@service
def referral_record(
    *,
    actor: User,
    person_id: object,
    obligation_id: object,
    found_on: date,
    referred_to: str,
    referred_on: date,
    reference: str = "",
    notes: str = "",
) -> BreachReferral:
    """Record that a possible failure to comply with an obligation was referred (to whom)."""
    person = lock_person(actor, person_id, Action.PERSON_UPDATE)
    try:
        obligation = Obligation.objects.filter(
            pk=uuid.UUID(str(obligation_id)), person=person
        ).first()
    except (TypeError, ValueError):
        obligation = None
    if obligation is None:
        raise RuleViolation("Choose the obligation that was not met.", "obligation")
    today = local_today(person)
    for field, day in (("found_on", found_on), ("referred_on", referred_on)):
        if not isinstance(day, date):
            raise RuleViolation("Give the date.", field)
        if day > today:
            raise RuleViolation("The date cannot be in the future.", field)
    if referred_on < found_on:
        raise RuleViolation("The referral cannot be before the breach was found.", "referred_on")
    stamp = now()
    referral = BreachReferral.objects.create(
        person=person,
        obligation=obligation,
        obligation_key=obligation.key,
        obligation_kind=obligation.kind,
        found_on=found_on,
        referred_to=required_text(referred_to, "referred_to", "Say who it was referred to.", 200),
        referred_on=referred_on,
        reference=optional_text(reference, "reference", 100),
        notes=optional_text(notes, "notes", 4000),
        created_at=stamp,
        created_by=actor,
        updated_at=stamp,
    )
    audit_write(
        actor,
        person,
        "case.referral.record",
        details={
            "referral_id": referral.pk,
            "obligation_id": obligation.pk,
            "obligation_key": obligation.key,
            "found_on": found_on,
            "referred_on": referred_on,
        },
    )
    return referral


@service
def referral_update(
    *,
    actor: User,
    referral_id: object,
    expected_version: int | None,
    outcome: str,
    outcome_on: date | None = None,
    notes: str | None = None,
    reference: str | None = None,
) -> BreachReferral:
    """Record the outcome of a referral; any outcome but `pending` closes it."""
    referral: BreachReferral = lock_row(BreachReferral, referral_id, "referral")
    authorize(
        actor,
        Action.PERSON_UPDATE,
        record_ref(referral.person),
        object_type="person",
        object_id=referral.person_id,
    )
    check_version(referral, expected_version)
    outcome = choice(outcome, ReferralOutcome, "outcome", "Choose the outcome.")
    changes: dict[str, tuple[Any, Any]] = {}
    if outcome != ReferralOutcome.PENDING:
        if outcome_on is None:
            raise RuleViolation("Give the date of the outcome.", "outcome_on")
        if outcome_on < referral.referred_on:
            raise RuleViolation("The outcome cannot be before the referral.", "outcome_on")
        if outcome_on > local_today(referral.person):
            raise RuleViolation("The date cannot be in the future.", "outcome_on")
    status = ReferralStatus.OPEN if outcome == ReferralOutcome.PENDING else ReferralStatus.CLOSED
    new_on = outcome_on if outcome != ReferralOutcome.PENDING else None
    for name, value in (("outcome", outcome), ("status", status), ("outcome_on", new_on)):
        if getattr(referral, name) != value:
            changes[name] = (getattr(referral, name), value)
            setattr(referral, name, value)
    if notes is not None:
        text = optional_text(notes, "notes", 4000)
        if text != referral.notes:
            changes["notes"] = (len(referral.notes), len(text))
            referral.notes = text
    if reference is not None:
        ref = optional_text(reference, "reference", 100)
        if ref != referral.reference:
            changes["reference"] = (referral.reference, ref)
            referral.reference = ref
    if not changes:
        return referral
    referral.updated_at = now()
    referral.version += 1
    referral.save()
    audit_write(
        actor,
        referral.person,
        "case.referral.update",
        changes=changes,
        details={"referral_id": referral.pk, "version": referral.version},
    )
    return referral


__all__ = [
    "note_add",
    "referral_record",
    "referral_update",
    "visit_plan",
    "visit_record",
]
