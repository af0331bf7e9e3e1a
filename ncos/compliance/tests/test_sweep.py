"""The nightly compliance sweep: overdue obligations, breach tasks for the case manager,
reminders before due dates — and running it twice does nothing twice."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings

from ncos.audit.models import AuditEvent
from ncos.cases.models import Task
from ncos.compliance.models import BreachFlag, Reminder
from ncos.compliance.services import sweep_all, sweep_person
from ncos.compliance.services.sweep import reminder_days
from ncos.compliance.tasks import compliance_sweep
from ncos.compliance.tests.helpers import obligation, officer, registrable_person

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Task.objects.count(),
        Reminder.objects.count(),
        BreachFlag.objects.count(),
        AuditEvent.objects.count(),
    )


def test_an_overdue_report_opens_one_breach_task_for_the_case_manager():
    cm = officer("ACT")
    person = registrable_person(case_officer=cm)
    annual = obligation(person, "annual_report")
    after_due = annual.due_date + timedelta(days=1)

    first = sweep_all(as_of=after_due)
    annual.refresh_from_db()
    assert annual.status == "overdue"
    assert first.breaches == 1
    assert first.errors == []
    task = Task.objects.get(person=person)
    assert task.kind == "breach"
    assert task.assignee == cm
    assert task.source_key == f"breach:{annual.key}"
    assert task.details["obligation_key"] == annual.key
    flag = BreachFlag.objects.get(obligation=annual)
    assert flag.task_ref == str(task.pk)
    row = AuditEvent.objects.filter(action="compliance.sweep").order_by("-seq").first()
    assert row.actor_id is None
    assert row.details["breaches"] == [annual.key]
    assert [n["action"] for n in row.details["nested"]] == ["case.task.open"]

    before = _counts()
    second = sweep_all(as_of=after_due)
    assert _counts() == before  # no task, no reminder, no flag, no audit row
    assert (second.breaches, second.reminders, second.recomputed) == (0, 0, 0)


def test_reminders_are_raised_seven_and_one_days_before_once_each():
    assert reminder_days() == (7, 1)
    person = registrable_person(case_officer=officer("ACT"))
    annual = obligation(person, "annual_report")
    week = annual.due_date - timedelta(days=7)
    sweep_person(person_id=person.pk, as_of=week)
    assert list(Reminder.objects.values_list("days_before", flat=True)) == [7]
    sweep_person(person_id=person.pk, as_of=week + timedelta(days=1))  # 6 days out: nothing new
    assert Reminder.objects.count() == 1
    day = annual.due_date - timedelta(days=1)
    result = sweep_person(person_id=person.pk, as_of=day)
    assert result.reminders == [f"{annual.key}@1"]
    reminder = Reminder.objects.get(days_before=1)
    assert reminder.case_officer == person.case_officer
    assert reminder.due_date == annual.due_date
    before = _counts()
    assert not sweep_person(person_id=person.pk, as_of=day).changed
    assert _counts() == before


@override_settings(NCOS_COMPLIANCE_REMINDER_DAYS=[3])
def test_the_reminder_lead_times_are_a_setting():
    person = registrable_person()
    annual = obligation(person, "annual_report")
    sweep_person(person_id=person.pk, as_of=annual.due_date - timedelta(days=7))
    assert not Reminder.objects.exists()
    sweep_person(person_id=person.pk, as_of=annual.due_date - timedelta(days=2))
    assert list(Reminder.objects.values_list("days_before", flat=True)) == [3]


def test_the_management_command_runs_the_sweep_and_prints_its_figures():
    person = registrable_person()
    due = obligation(person, "annual_report").due_date
    out = io.StringIO()
    call_command("compliance_sweep", "--as-of", (due + timedelta(days=2)).isoformat(), stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["persons"] == 1
    assert summary["breaches"] == 1
    out = io.StringIO()
    call_command("compliance_sweep", "--as-of", (due + timedelta(days=2)).isoformat(), stdout=out)
    assert json.loads(out.getvalue())["breaches"] == 0
    assert Task.objects.filter(person=person, kind="breach").count() == 1


def test_the_task_can_be_queued():
    person = registrable_person()
    due = obligation(person, "annual_report").due_date
    result = compliance_sweep.enqueue(as_of=(due + timedelta(days=1)).isoformat())
    assert result.status == "SUCCESSFUL"  # the immediate backend of the test settings
    assert result.return_value["breaches"] == 1
    out = io.StringIO()
    call_command("compliance_sweep", "--enqueue", stdout=out)
    assert "queued compliance sweep" in out.getvalue()


def test_a_met_obligation_opens_no_breach():
    from django.utils import timezone

    from ncos.compliance.services import report_record
    from ncos.registry.tests.factories import registrar_for

    person = registrable_person()
    report_record(
        actor=registrar_for("ACT"),
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=timezone.now() - timedelta(minutes=5),
    )
    due = obligation(person, "annual_report").due_date
    assert sweep_all(as_of=due + timedelta(days=3)).breaches == 0
    assert not Task.objects.filter(person=person).exists()
