"""How case management plugs into the rest: the person-page tab, the merge hook, the home
dashboard panel and the menu badge."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from ncos.access.roles import Role
from ncos.accounts.models import User
from ncos.cases.models import AccessRequest, CaseNote, Task
from ncos.cases.services import case_officer_assign, note_add
from ncos.cases.tests.factories import (
    case_manager_for,
    make_person,
    make_task,
    registrar_for,
    user_for,
)
from ncos.registry.models import Person, PersonMerge
from ncos.registry.services import person_merge

pytestmark = pytest.mark.django_db


def test_the_person_page_has_a_case_management_tab(client_for):
    registrar = registrar_for("ACT")
    person = make_person("ACT")
    body = (
        client_for(registrar)
        .get(reverse("registry:person_detail", args=[person.pk]))
        .content.decode()
    )
    assert reverse("cases:person_case", args=[person.pk]) in body
    assert "Case management" in body


def test_case_records_follow_a_merge_and_keys_stay_unique():
    registrar = registrar_for("ACT")
    survivor, other = make_person("ACT"), make_person("ACT")
    make_task(survivor, source_key="breach:initial_report:2024-07-19")
    clash = make_task(other, source_key="breach:initial_report:2024-07-19")
    plain = make_task(other)
    note_add(actor=registrar, person_id=other.pk, text="before the merge")
    person_merge(actor=registrar, survivor_id=survivor.pk, other_id=other.pk, reason="same man")
    assert set(Task.objects.filter(person=survivor).values_list("pk", flat=True)) >= {
        clash.pk,
        plain.pk,
    }
    clash.refresh_from_db()
    assert clash.source_key == f"breach:initial_report:2024-07-19~merged:{other.national_id}"
    assert CaseNote.objects.get().person_id == survivor.pk
    moved = PersonMerge.objects.get(merged=other).moved
    assert (moved["case_tasks"], moved["case_notes"]) == (2, 1)
    assert not AccessRequest.objects.exists()


def test_dashboard_panel_and_menu_badge(client_for):
    officer = case_manager_for("ACT")
    person = case_officer_assign(
        actor=registrar_for("ACT"), person_id=make_person("ACT").pk, officer=officer, reason="x"
    )
    make_task(person, due_date=date(2020, 1, 1))
    make_task(person, due_date=date(2099, 1, 1))
    make_task(make_person("ACT"))  # the queue
    response = client_for(officer).get(reverse("web:home"))
    panel = next(p for p in response.context["panels"] if p["title"] == "My tasks")
    assert panel["figure"] == 2
    assert panel["text"] == "1 overdue."
    assert {link["label"]: link["count"] for link in panel["links"]}["The queue"] == 1
    caseload = next(
        i for i in response.context["nav_items"] if i["url"] == reverse("cases:caseload")
    )
    assert caseload["badge"] == 1


def test_no_panel_for_those_who_may_not_see_case_records(client_for):
    response = client_for(user_for("ACT", Role.INVESTIGATOR)).get(reverse("web:home"))
    assert all(p["title"] != "My tasks" for p in response.context["panels"])


def test_the_demo_loader_builds_a_caseload_and_is_idempotent():
    from ncos.cases import demo
    from ncos.registry import demo as registry_demo
    from ncos.web.demo_users import ensure_demo_users

    ensure_demo_users()
    registry_demo.load(per_jurisdiction=4, jurisdictions=("ACT",))
    lines = demo.load()
    assert lines[0].startswith("Demo case work: 4 people newly assigned")
    manager = User.objects.get(username="act.casemanager")
    assert Person.objects.filter(case_officer=manager).count() == 4
    counts = (Task.objects.count(), CaseNote.objects.count(), AccessRequest.objects.count())
    assert counts[2] == 1
    again = demo.load()
    assert again[0].startswith("Demo case work: 0 people newly assigned")
    assert (Task.objects.count(), CaseNote.objects.count(), AccessRequest.objects.count()) == counts
