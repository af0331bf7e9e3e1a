"""The case pages: caseload, jurisdiction overview, tasks, the person's case page and its forms.
Filters, sorting, pagination, empty states, overdue highlighting, audited CSV exports."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.cases.models import CaseNote, Task, Visit
from ncos.cases.services import case_officer_assign, note_add
from ncos.cases.tests.factories import (
    case_manager_for,
    make_detail,
    make_person,
    make_task,
    registrar_for,
    user_for,
)
from ncos.common.testing.fixtures import TEST_PASSWORD
from ncos.registry.tests.factories import make_offence

pytestmark = pytest.mark.django_db


def _assigned(officer, jurisdiction="ACT", **kw):
    person = make_person(jurisdiction, **kw)
    return case_officer_assign(
        actor=registrar_for(jurisdiction), person_id=person.pk, officer=officer, reason="caseload"
    )


def _rows(before):
    return list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))


def _seq():
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


# --- caseload ------------------------------------------------------------------------------


def test_caseload_lists_my_people_with_next_obligation_and_overdue_counts(client_for):
    officer = case_manager_for("ACT")
    late = _assigned(officer, family_name="Latecomer")
    make_offence(late, found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19))
    quiet = _assigned(officer, family_name="Quietone")
    make_task(quiet, due_date=date(2020, 1, 1))  # an overdue task
    _assigned(case_manager_for("ACT"), family_name="Someoneelse")
    client = client_for(officer)
    before = _seq()
    response = client.get(reverse("cases:caseload"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "LATECOMER" in body
    assert "QUIETONE" in body
    assert "SOMEONEELSE" not in body
    assert "Initial report — 26 Jul 2024" in body
    assert body.count('class="ncos-overdue"') == 2
    rows = _rows(before)
    assert [r.action for r in rows] == ["case.caseload"]
    assert set(rows[0].details["result_ids"]) == {str(late.pk), str(quiet.pk)}


def test_caseload_filters_sorts_and_pages(client_for):
    officer = case_manager_for("ACT")
    people = [_assigned(officer, family_name=f"Member{n:02d}") for n in range(27)]
    make_task(people[5], due_date=date(2020, 1, 1))
    client = client_for(officer)
    first = client.get(reverse("cases:caseload"), {"sort": "name"}).content.decode()
    assert "MEMBER00" in first
    assert "MEMBER26" not in first
    assert "Page 1 of 2" in first
    second = client.get(reverse("cases:caseload"), {"sort": "name", "page": 2}).content.decode()
    assert "MEMBER26" in second
    desc = client.get(reverse("cases:caseload"), {"sort": "-name"}).content.decode()
    assert desc.index("MEMBER26") < desc.index("MEMBER25")
    only = client.get(reverse("cases:caseload"), {"overdue": "on"}).content.decode()
    assert "MEMBER05" in only
    assert "MEMBER04" not in only


def test_caseload_empty_state_and_bad_filter(client_for):
    officer = case_manager_for("ACT")
    response = client_for(officer).get(reverse("cases:caseload"))
    assert "No people are assigned to you yet" in response.content.decode()
    bad = client_for(officer).get(reverse("cases:caseload"), {"sort": "nonsense"})
    assert bad.status_code == 400


def test_a_case_manager_cannot_look_at_another_officers_caseload(client_for):
    officer, other = case_manager_for("ACT"), case_manager_for("ACT")
    _assigned(other, family_name="Notmine")
    body = client_for(officer).get(reverse("cases:caseload"), {"officer": other.pk}).content
    assert b"NOTMINE" not in body  # the field does not exist for them: their own list is shown


def test_a_registrar_picks_an_officer_or_the_unassigned(client_for):
    registrar = registrar_for("ACT")
    officer = case_manager_for("ACT")
    _assigned(officer, family_name="Assignedone")
    make_person("ACT", family_name="Loneone")
    client = client_for(registrar)
    assert b"ASSIGNEDONE" in client.get(reverse("cases:caseload"), {"officer": officer.pk}).content
    assert b"LONEONE" in client.get(reverse("cases:caseload"), {"unassigned": "on"}).content


def test_uncleared_officer_never_sees_a_protected_person_in_lists(client_for):
    officer = case_manager_for("ACT", cleared=True)
    _assigned(officer, family_name="Hiddenwitness", protected=True)
    registrar = user_for("ACT", Role.REGISTRAR)  # uncleared
    body = (
        client_for(registrar)
        .get(reverse("cases:caseload"), {"officer": officer.pk})
        .content.decode()
    )
    assert "HIDDENWITNESS" not in body
    overview = client_for(registrar).get(reverse("cases:jurisdiction")).content.decode()
    assert "Protected persons are not counted" in overview
    cleared = client_for(officer).get(reverse("cases:caseload")).content.decode()
    assert "HIDDENWITNESS" in cleared  # positive control


def _step_up(client):
    response = client.post("/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    assert response.status_code == 302


def test_caseload_csv_needs_step_up_then_is_neutralised_and_audited(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer, family_name="=cmd|calc", given_names="+SUM(1)")
    client = client_for(officer)
    first = client.get(reverse("cases:caseload_export"))
    assert first.status_code == 302
    assert "reauthenticate" in first["Location"]
    _step_up(client)
    before = _seq()
    response = client.get(reverse("cases:caseload_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "National id"
    assert rows[1][:3] == [person.national_id, "'=cmd|calc", "'+SUM(1)"]
    audit = _rows(before)
    assert [(r.action, r.purpose) for r in audit] == [
        ("case.caseload.export", "caseload export (CSV)")
    ]
    assert audit[0].details["result_ids"] == [str(person.pk)]


def test_jurisdiction_overview_counts_each_officer(client_for):
    registrar = registrar_for("ACT")
    officer = case_manager_for("ACT")
    p = _assigned(officer)
    make_offence(p, found_guilty=date(2024, 5, 2), date_sentenced=date(2024, 7, 19))
    make_task(p, due_date=date(2020, 1, 1))
    make_person("ACT")  # unassigned
    response = client_for(registrar).get(reverse("cases:jurisdiction"))
    assert response.status_code == 200
    rows = {(r.officer.pk if r.officer else None): r for r in response.context["rows"]}
    assert (rows[officer.pk].people, rows[officer.pk].people_overdue) == (1, 1)
    assert (rows[officer.pk].open_tasks, rows[officer.pk].overdue_tasks) == (1, 1)
    assert rows[None].people >= 1


def test_jurisdiction_overview_is_for_registrars(client_for):
    response = client_for(case_manager_for("ACT")).get(reverse("cases:jurisdiction"))
    assert response.status_code == 403


def test_transfer_moves_a_caseload(client_for):
    registrar = registrar_for("ACT")
    old, new = case_manager_for("ACT"), case_manager_for("ACT")
    a, b = _assigned(old), _assigned(old)
    task = make_task(a)
    assert task.assignee_id == old.pk
    response = client_for(registrar).post(
        reverse("cases:transfer"),
        {"from_officer": old.pk, "to_officer": new.pk, "reason": "officer on leave"},
    )
    assert response.status_code == 302
    a.refresh_from_db(), b.refresh_from_db(), task.refresh_from_db()
    assert (a.case_officer_id, b.case_officer_id, task.assignee_id) == (new.pk,) * 3


def test_transfer_form_errors_are_shown(client_for):
    registrar = registrar_for("ACT")
    officer = case_manager_for("ACT")
    response = client_for(registrar).post(
        reverse("cases:transfer"), {"from_officer": officer.pk, "reason": "x"}
    )
    assert response.status_code == 400
    assert "That officer has nobody to transfer." in response.content.decode()


# --- tasks ---------------------------------------------------------------------------------


def test_my_tasks_highlights_overdue_and_filters(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer)
    make_task(person, title="Old one", due_date=date(2020, 1, 1))
    make_task(person, title="Future one", due_date=date(2099, 1, 1), kind="review")
    client = client_for(officer)
    body = client.get(reverse("cases:tasks")).content.decode()
    assert body.index("Old one") < body.index("Future one")
    assert body.count('class="ncos-overdue"') == 1
    only = client.get(reverse("cases:tasks"), {"overdue": "on"}).content.decode()
    assert "Old one" in only
    assert "Future one" not in only
    kind = client.get(reverse("cases:tasks"), {"kind": "review"}).content.decode()
    assert "Future one" in kind
    assert "Old one" not in kind
    latest = client.get(reverse("cases:tasks"), {"sort": "-due"}).content.decode()
    assert latest.index("Future one") < latest.index("Old one")


def test_the_queue_holds_unassigned_tasks(client_for):
    officer = case_manager_for("ACT")
    make_task(make_person("ACT"), title="Queue task")
    client = client_for(officer)
    assert "You have no open tasks." in client.get(reverse("cases:tasks")).content.decode()
    assert "Queue task" in client.get(reverse("cases:tasks"), {"scope": "queue"}).content.decode()


def test_tasks_csv(client_for):
    officer = case_manager_for("ACT")
    make_task(_assigned(officer), title="@risk", due_date=date(2020, 1, 1))
    client = client_for(officer)
    _step_up(client)
    before = _seq()
    response = client.get(reverse("cases:tasks_export"))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[1][:4] == ["2020-01-01", "yes", "Follow-up", "'@risk"]
    assert [r.action for r in _rows(before)] == ["case.tasks.export"]


def test_completing_a_task_from_its_page(client_for):
    officer = case_manager_for("ACT")
    task = make_task(_assigned(officer), title="Call the person")
    client = client_for(officer)
    page = client.get(reverse("cases:task_detail", kwargs={"task_id": task.pk}))
    assert page.status_code == 200
    assert "Call the person" in page.content.decode()
    before = _seq()  # after the sign-in and the page's own read row
    response = client.post(
        reverse("cases:task_detail", kwargs={"task_id": task.pk}),
        {
            "task-version": task.version,
            "task-status": "done",
            "task-due_date": task.due_date.isoformat(),
            "task-notes": "Spoke to him.",
            "task-resolution": "Called",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.status, task.notes, task.resolution, task.closed_by_id) == (
        "done",
        "Spoke to him.",
        "Called",
        officer.pk,
    )
    assert [r.action for r in _rows(before)] == ["case.task.update"]


def test_a_stale_task_form_gets_the_conflict_page(client_for):
    officer = case_manager_for("ACT")
    task = make_task(_assigned(officer))
    data = {
        "task-version": 1,
        "task-status": "in_progress",
        "task-due_date": task.due_date.isoformat(),
    }
    client = client_for(officer)
    assert client.post(reverse("cases:task_detail", args=[task.pk]), data).status_code == 302
    again = client.post(
        reverse("cases:task_detail", args=[task.pk]), {**data, "task-status": "done"}
    )
    assert again.status_code == 409
    task.refresh_from_db()
    assert task.status == "in_progress"


def test_reassigning_a_task(client_for):
    officer, other = case_manager_for("ACT"), case_manager_for("ACT")
    task = make_task(_assigned(officer))
    response = client_for(officer).post(
        reverse("cases:task_reassign", args=[task.pk]),
        {
            "reassign-version": task.version,
            "reassign-assignee": other.pk,
            "reassign-reason": "leave",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.assignee_id == other.pk


def test_invalid_task_form_shows_messages_and_audits_one_read(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer)
    client = client_for(officer)
    before = _seq()
    response = client.post(
        reverse("cases:task_add", kwargs={"person_id": person.pk}), {"kind": "follow_up"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter the due date." in body
    assert "This field is required." in body
    assert [r.action for r in _rows(before)] == ["case.view"]
    assert not Task.objects.filter(person=person).exists()


# --- the person's case page ----------------------------------------------------------------


def test_person_case_page_shows_everything_and_audits_one_read(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer)
    make_task(person, title="Check the car")
    note_add(actor=officer, person_id=person.pk, text="Met at the station.")
    client = client_for(officer)
    before = _seq()
    response = client.get(reverse("cases:person_case", args=[person.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Check the car" in body
    assert "Met at the station." in body
    assert "Case officer history" in body
    assert officer.username in body
    rows = _rows(before)
    assert [(r.action, r.object_id) for r in rows] == [("case.view", str(person.pk))]


def test_restricted_note_text_is_hidden_from_other_case_managers(client_for):
    author, officer, other = (case_manager_for("ACT") for _ in range(3))
    person = _assigned(officer)
    note_add(actor=author, person_id=person.pk, text="Informant says X", restricted=True)
    for user, sees in (
        (author, True),
        (officer, True),
        (registrar_for("ACT"), True),
        (other, False),
    ):
        body = client_for(user).get(reverse("cases:person_case", args=[person.pk])).content.decode()
        assert ("Informant says X" in body) is sees, user.username
    assert (
        "visible only to its author"
        in client_for(other).get(reverse("cases:person_case", args=[person.pk])).content.decode()
    )


def test_writing_a_note_planning_and_recording_a_visit(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer)
    address = make_detail(person, "address")
    client = client_for(officer)
    r = client.post(
        reverse("cases:note_add", args=[person.pk]),
        {"category": "contact", "text": "Phoned.", "restricted": "on"},
    )
    assert r.status_code == 302
    assert CaseNote.objects.get(person=person).restricted is True
    r = client.post(
        reverse("cases:visit_add", args=[person.pk]),
        {"address": str(address.pk), "planned_for": "2026-12-02"},
    )
    assert r.status_code == 302
    visit = Visit.objects.get(person=person)
    assert (visit.officer_id, visit.task.assignee_id, visit.task.due_date) == (
        officer.pk,
        officer.pk,
        date(2026, 12, 2),
    )
    r = client.post(
        reverse("cases:visit_detail", args=[visit.pk]),
        {
            "version": visit.version,
            "status": "done",
            "outcome": "confirmed",
            "visited_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "visited_time": "10:30",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    visit.refresh_from_db()
    assert (visit.status, visit.outcome, visit.task.status) == ("done", "confirmed", "done")


def test_visit_without_an_address_says_so(client_for):
    officer = case_manager_for("ACT")
    person = _assigned(officer)
    body = client_for(officer).get(reverse("cases:visit_add", args=[person.pk])).content.decode()
    assert "The register holds no current address for this person." in body


def test_officer_assignment_page(client_for):
    registrar = registrar_for("ACT")
    officer = case_manager_for("ACT")
    person = make_person("ACT")
    client = client_for(registrar)
    page = client.get(reverse("cases:officer_assign", args=[person.pk]))
    assert page.status_code == 200
    response = client.post(
        reverse("cases:officer_assign", args=[person.pk]),
        {"version": person.version, "officer": officer.pk, "reason": "new caseload"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.case_officer_id == officer.pk
    history = client.get(reverse("cases:officer_assign", args=[person.pk])).content.decode()
    assert "new caseload" in history


def test_other_jurisdiction_is_refused_with_a_denied_row_and_nothing_written(client_for):
    person = make_person("ACT")
    client = client_for(registrar_for("NSW"))
    before = _seq()
    response = client.post(
        reverse("cases:note_add", args=[person.pk]), {"category": "general", "text": "x"}
    )
    assert response.status_code == 403
    assert not CaseNote.objects.exists()
    rows = _rows(before)
    assert [(r.action, r.outcome, r.object_id) for r in rows] == [
        ("person.update", "denied", str(person.pk))
    ]


def test_a_disabled_officers_remaining_caseload_can_still_be_opened(client_for):
    from ncos.accounts.models import User

    registrar = registrar_for("ACT")
    officer = case_manager_for("ACT")
    _assigned(officer, family_name="Leftbehind")
    User.objects.filter(pk=officer.pk).update(is_active=False, disabled_at=timezone.now())
    client = client_for(registrar)
    overview = client.get(reverse("cases:jurisdiction"))
    assert f"?officer={officer.pk}" in overview.content.decode()
    response = client.get(reverse("cases:caseload"), {"officer": officer.pk})
    assert response.status_code == 200
    assert "LEFTBEHIND" in response.content.decode()
