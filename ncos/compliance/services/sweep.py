"""The nightly compliance sweep: recompute every person with reporting obligations, open a breach
task for each newly overdue obligation, raise reminders before due dates.

Idempotent: running it twice on the same day does nothing the second time. The law engine's
answer is only stored when it changed (the register's `recompute`); a breach task is opened once
per obligation (`BreachFlag`, and the cases app's `task_open` is itself idempotent by
`source_key`); a reminder is raised once per obligation, due date and lead time. An audit row is
written for a person only when something was done for them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings

from ncos.access.errors import NotFound
from ncos.audit import record as audit
from ncos.common.services import service
from ncos.compliance.models import BreachFlag, Reminder
from ncos.compliance.services._common import as_uuid, audit_write, local_today
from ncos.compliance.states import describe, kind_label
from ncos.registry.choices import ANCOR_STATUSES
from ncos.registry.models import Assessment, Obligation, Person

DEFAULT_REMINDER_DAYS = (7, 1)


def reminder_days() -> tuple[int, ...]:
    """Days before a due date at which a reminder is raised (setting
    `NCOS_COMPLIANCE_REMINDER_DAYS`, default 7 and 1)."""
    value = getattr(settings, "NCOS_COMPLIANCE_REMINDER_DAYS", DEFAULT_REMINDER_DAYS)
    return tuple(sorted({int(d) for d in value if int(d) >= 0}, reverse=True))


@dataclass
class PersonSweep:
    person_id: Any
    recomputed: bool = False
    breaches: list[str] = field(default_factory=list)
    reminders: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.recomputed or bool(self.breaches) or bool(self.reminders)


@dataclass
class SweepSummary:
    as_of: str
    persons: int = 0
    recomputed: int = 0
    breaches: int = 0
    reminders: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, result: PersonSweep) -> None:
        self.persons += 1
        self.recomputed += int(result.recomputed)
        self.breaches += len(result.breaches)
        self.reminders += len(result.reminders)

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _open_breach_task(person: Person, obligation: Obligation, today: date) -> str:
    """Ask the cases app for a breach task for the person's case manager (idempotent by
    `source_key`). Signature per /work/briefs/later_apps.md."""
    from ncos.cases.services import task_open  # the cases app's public service

    zone = person.managing_jurisdiction.zone
    task = task_open(
        actor=None,
        person=person,
        kind="breach",
        title=f"Overdue: {kind_label(obligation.kind)}",
        due_date=today,
        assignee=person.case_officer,
        source_key=f"breach:{obligation.key}",
        details={
            "obligation_key": obligation.key,
            "obligation": describe(obligation, zone),
            "due_date": obligation.due_date.isoformat() if obligation.due_date else None,
            "sections": list(obligation.sections or []),
        },
    )
    return str(getattr(task, "pk", "") or "")


@service
def sweep_person(*, person_id: object, as_of: date | None = None) -> PersonSweep:
    """Sweep one person (system actor). Locks the person for the transaction."""
    from ncos.registry.services.obligations import recompute

    person = (
        Person.objects.select_for_update(of=("self",))
        .select_related("managing_jurisdiction")
        .filter(pk=as_uuid(person_id, "person"))
        .first()
    )
    if person is None:
        raise NotFound("person not found")
    today = as_of or local_today(person)
    result = PersonSweep(person.pk)
    before = (
        Assessment.objects.filter(person=person)
        .order_by("-computed_at")
        .values_list("pk", flat=True)
        .first()
    )
    with audit.absorbed() as nested:
        assessment = recompute(person, actor=None, trigger="compliance sweep", as_of=today)
        result.recomputed = assessment.pk != before
        for o in Obligation.objects.filter(person=person, status="overdue"):
            if BreachFlag.objects.filter(obligation=o).exists():
                continue
            task_ref = _open_breach_task(person, o, today)
            BreachFlag.objects.create(
                person=person,
                obligation=o,
                obligation_key=o.key,
                due_date=o.due_date,
                raised_on=today,
                task_ref=task_ref[:64],
            )
            result.breaches.append(o.key)
        result.reminders = _raise_reminders(person, today)
    if result.changed:
        audit_write(
            None,
            person,
            "compliance.sweep",
            details={
                "as_of": today,
                "assessment_id": assessment.pk,
                "recomputed": result.recomputed,
                "breaches": result.breaches,
                "reminders": result.reminders,
                "nested": nested,
            },
        )
    return result


def _raise_reminders(person: Person, today: date) -> list[str]:
    days = reminder_days()
    if not days:
        return []
    horizon = today + timedelta(days=max(days))
    raised: list[str] = []
    rows = Obligation.objects.filter(
        person=person, status__in=("due", "upcoming"), due_date__gte=today, due_date__lte=horizon
    )
    for o in rows:
        if o.due_date is None:  # pragma: no cover - filtered above
            continue
        lead = (o.due_date - today).days
        # The smallest lead time already reached: 7 days out -> the 7-day reminder; 1 day out ->
        # the 1-day one. A missed night still raises the reminder that is due.
        reached = [d for d in days if lead <= d]
        if not reached:
            continue
        d = min(reached)
        _, created = Reminder.objects.get_or_create(
            obligation=o,
            due_date=o.due_date,
            days_before=d,
            defaults={
                "person": person,
                "obligation_key": o.key,
                "raised_on": today,
                "case_officer": person.case_officer,
            },
        )
        if created:
            raised.append(f"{o.key}@{d}")
    return raised


def persons_to_sweep(jurisdiction: str | None = None) -> Iterable[Any]:
    qs = Person.objects.filter(status__in=ANCOR_STATUSES, merged_into__isnull=True)
    if jurisdiction:
        qs = qs.filter(managing_jurisdiction_id=jurisdiction)
    return qs.order_by("pk").values_list("pk", flat=True).iterator()


def sweep_all(*, as_of: date | None = None, jurisdiction: str | None = None) -> SweepSummary:
    """Sweep everyone with reporting obligations, one transaction per person (a failure for one
    person is logged and does not stop the rest)."""
    summary = SweepSummary(as_of=(as_of.isoformat() if as_of else "today"))
    for pk in list(persons_to_sweep(jurisdiction)):
        try:
            summary.add(sweep_person(person_id=pk, as_of=as_of))
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop the nightly run
            import logging

            logging.getLogger("ncos.compliance").exception("sweep failed for a person")
            summary.errors.append(f"{pk}: {type(exc).__name__}")
    return summary
