"""Kwarg factories for the access-matrix test: a report, receipt, notice, failure or reminder of a
person managed by the cell's jurisdiction (protected or not). The person comes from the
register's own factory; the compliance record is built directly (no PDF rendering), carrying a
canary that must never reach a user who may not see the record."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from ncos.access.testing import Built, RecordSpec, kwarg_factory
from ncos.compliance.models import (
    Acknowledgement,
    FailureToComply,
    ObligationsNotice,
    Reminder,
    Report,
    new_reference,
)
from ncos.registry.models import Assessment, Obligation, Person
from ncos.registry.tests.factories import make_person, registrar_for

FAKE_PDF = b"%PDF-1.4\n% matrix test document\n%%EOF\n"


def _person(spec: RecordSpec) -> tuple[Person, str]:
    tag = secrets.token_hex(4).upper()
    person = make_person(
        spec.managing_jurisdiction,
        protected=spec.protected,
        family_name=f"Compcanary{tag}",
        given_names=f"Compgiven{tag}",
    )
    return person, tag


def _canaries(spec: RecordSpec, person: Person, *extra: str) -> tuple[str, ...]:
    return (person.family_name, person.national_id, *extra) if spec.protected else ()


def _report(spec: RecordSpec) -> tuple[Report, Person, str]:
    person, tag = _person(spec)
    officer = registrar_for(spec.managing_jurisdiction)
    stamp = timezone.now() - timedelta(hours=1)
    report = Report.objects.create(
        reference=new_reference(f"R-{spec.managing_jurisdiction}"),
        person=person,
        jurisdiction=spec.managing_jurisdiction,
        kind="change",
        manner="phone",
        received_at=stamp,
        received_on=timezone.localdate(stamp, timezone=person.managing_jurisdiction.zone),
        officer=officer,
        officer_name=officer.username,
        information=f"Compinfo{tag}",
        ack_due_on=stamp.date() + timedelta(days=14),
        recorded_at=stamp,
        recorded_by=officer,
    )
    return report, person, tag


@kwarg_factory("report_id", person=True)
def report_id(spec: RecordSpec) -> Built:
    report, person, tag = _report(spec)
    return Built(report.pk, canaries=_canaries(spec, person, f"Compinfo{tag}"))


@kwarg_factory("receipt_id", person=True)
def receipt_id(spec: RecordSpec) -> Built:
    report, person, tag = _report(spec)
    ack = Acknowledgement.objects.create(
        report=report,
        person=person,
        sequence=1,
        pdf=FAKE_PDF,
        sha256=hashlib.sha256(FAKE_PDF).hexdigest(),
        size_bytes=len(FAKE_PDF),
        generated_at=timezone.now() - timedelta(minutes=30),
        generated_by=report.officer,
    )
    return Built(ack.pk, canaries=_canaries(spec, person, f"Compinfo{tag}"))


@kwarg_factory("notice_id", person=True)
def notice_id(spec: RecordSpec) -> Built:
    person, tag = _person(spec)
    notice = ObligationsNotice.objects.create(
        reference=new_reference(f"N-{spec.managing_jurisdiction}"),
        person=person,
        jurisdiction=spec.managing_jurisdiction,
        reason="any_time",
        content={"title": "Notice", "act": "Act", "period": {"text": f"Compperiod{tag}"}},
        pdf=FAKE_PDF,
        sha256=hashlib.sha256(FAKE_PDF).hexdigest(),
        size_bytes=len(FAKE_PDF),
        generated_at=timezone.now() - timedelta(minutes=30),
        generated_by=registrar_for(spec.managing_jurisdiction),
    )
    return Built(notice.pk, canaries=_canaries(spec, person, f"Compperiod{tag}"))


@kwarg_factory("failure_id", person=True)
def failure_id(spec: RecordSpec) -> Built:
    person, tag = _person(spec)
    stamp = timezone.now()
    failure = FailureToComply.objects.create(
        person=person,
        obligation_keys=["annual_report:2025"],
        noted_on=stamp.date(),
        circumstances=f"Compfail{tag}",
        recorded_at=stamp,
        recorded_by=registrar_for(spec.managing_jurisdiction),
        updated_at=stamp,
    )
    return Built(failure.pk, canaries=_canaries(spec, person, f"Compfail{tag}"))


def due_reminder(person: Person, key: str, answer_hash: str) -> Reminder:
    """A reminder of an annual report due in five days, built directly (no sweep): for tests
    that need one to exist whatever the person's dates."""
    stamp = timezone.now()
    today = timezone.localdate(timezone=person.managing_jurisdiction.zone)
    assessment = Assessment.objects.create(
        person=person,
        computed_at=stamp,
        as_of=today,
        jurisdiction=person.managing_jurisdiction_id,
        case={},
        answer_hash=answer_hash,
    )
    obligation = Obligation.objects.create(
        person=person,
        key=f"{key}:{today.year}",
        kind="annual_report",
        due_date=today + timedelta(days=5),
        status="due",
        assessment=assessment,
        first_seen_at=stamp,
        updated_at=stamp,
    )
    return Reminder.objects.create(
        person=person,
        obligation=obligation,
        obligation_key=obligation.key,
        due_date=obligation.due_date,
        days_before=7,
        raised_on=today,
    )


@kwarg_factory("reminder_id", person=True)
def reminder_id(spec: RecordSpec) -> Built:
    person, _ = _person(spec)
    reminder = due_reminder(person, "annual_report", "matrix")
    return Built(reminder.pk, canaries=_canaries(spec, person))


@kwarg_factory("place_id")
def place_id(spec: RecordSpec) -> int:
    """An approved reporting place of the record's registry ("protected" does not apply)."""
    from ncos.compliance.models import ReportingPlace

    place = ReportingPlace.objects.create(
        jurisdiction_id=spec.managing_jurisdiction,
        name=f"Matrix station {secrets.token_hex(4)}",
        basis="matrix test",
    )
    return place.pk
