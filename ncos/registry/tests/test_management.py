"""Services and hooks other apps asked for (briefs/REGISTRY_REQUESTS.md)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from ncos.access.errors import AccessDenied, RuleViolation
from ncos.audit.models import AuditEvent
from ncos.registry import services
from ncos.registry.models import Detail, PersonRevision
from ncos.registry.selectors import summary as summary_module
from ncos.registry.services import merge as merge_module
from ncos.registry.tests.factories import ADDRESS, make_person
from ncos.registry.views import base as views_base

pytestmark = pytest.mark.django_db


def test_transfer_moves_management_and_recomputes(
    act_registrar, act_case_manager, nsw_registrar, frozen
):
    person = make_person("ACT", actor=act_registrar, case_officer=act_case_manager)
    services.offence_charge(
        actor=act_registrar,
        person_id=person.pk,
        catalogue_key="ACT|1|1.1|9",
        date_committed=date(2023, 2, 11),
        date_found_guilty=date(2024, 5, 2),
        date_sentenced=date(2024, 7, 19),
    )
    with pytest.raises(AccessDenied):  # the sending registry cannot push it
        services.person_transfer_management(
            actor=act_registrar,
            person_id=person.pk,
            to_jurisdiction="NSW",
            effective_on=date(2026, 3, 1),
            reason="moved",
        )
    moved = services.person_transfer_management(
        actor=nsw_registrar,
        person_id=person.pk,
        to_jurisdiction="NSW",
        effective_on=date(2026, 3, 1),
        reason="moved to Queanbeyan",
        reference="T-1",
    )
    assert (moved.managing_jurisdiction_id, moved.case_officer_id) == ("NSW", None)
    assert PersonRevision.objects.get(person=person, version=moved.version).reason == (
        "managing jurisdiction ACT → NSW: T-1"
    )
    latest = person.assessments.order_by("-number").first()
    assert (latest.jurisdiction, latest.trigger) == ("NSW", "transfer to NSW")
    row = AuditEvent.objects.get(action="person.transfer")
    assert row.details["changes"] == {"managing_jurisdiction": {"before": "ACT", "after": "NSW"}}
    with pytest.raises(RuleViolation):
        services.person_transfer_management(
            actor=nsw_registrar,
            person_id=person.pk,
            to_jurisdiction="NSW",
            effective_on=date(2026, 3, 1),
            reason="again",
        )


def test_assign_case_officer(act_registrar, act_case_manager, make_user, frozen):
    person = make_person("ACT", actor=act_registrar)
    updated = services.person_assign_case_officer(
        actor=act_registrar,
        person_id=person.pk,
        officer=act_case_manager,
        reason="caseload",
        audit_details={"task_id": "t-1"},
    )
    assert (updated.case_officer, updated.version) == (act_case_manager, 2)
    row = AuditEvent.objects.get(action="person.case_officer")
    assert row.details["changes"] == {
        "case_officer": {"before": None, "after": act_case_manager.pk}
    }
    assert row.details["task_id"] == "t-1"
    with pytest.raises(AccessDenied):
        services.person_assign_case_officer(
            actor=act_case_manager, person_id=person.pk, officer=None, reason="x"
        )
    investigator = make_user("act.inv.2", jurisdiction="ACT", roles=["investigator"])
    with pytest.raises(RuleViolation):
        services.person_assign_case_officer(
            actor=act_registrar, person_id=person.pk, officer=investigator, reason="x"
        )


def test_correction_can_carry_the_callers_audit_details(act_registrar, frozen):
    person = make_person("ACT", actor=act_registrar)
    first = services.detail_record(
        actor=act_registrar, person_id=person.pk, kind="address", data=ADDRESS
    )
    services.detail_correct(
        actor=act_registrar,
        detail_id=first.pk,
        data=ADDRESS,
        valid_from=date(2020, 1, 1),
        valid_to=None,
        reason="s 122 (3)",
        audit_details={"access_request_id": "r-9", "decision": "accepted"},
    )
    row = AuditEvent.objects.get(action="person.detail.correct")
    assert (row.details["access_request_id"], row.details["decision"]) == ("r-9", "accepted")
    assert row.details["detail_id"] == str(
        Detail.objects.get(fact_id=first.fact_id, is_current=True).pk
    )


def test_merge_hooks_move_other_apps_rows(act_registrar, monkeypatch, frozen):
    keep = make_person("ACT", actor=act_registrar)
    dupe = make_person("ACT", actor=act_registrar)
    calls = []

    def hook(survivor, other):  # type: ignore[no-untyped-def]
        calls.append((survivor.pk, other.pk))
        return {"case_notes": 2}

    monkeypatch.setattr(merge_module, "MERGE_HOOKS", [hook])
    services.person_merge(actor=act_registrar, survivor_id=keep.pk, other_id=dupe.pk, reason="same")
    assert calls == [(keep.pk, dupe.pk)]
    assert (
        AuditEvent.objects.filter(action="person.merge").first().details["moved"]["case_notes"] == 2
    )


def test_alert_providers_and_extra_tabs(act_registrar, client_for, monkeypatch, frozen):
    person = make_person("ACT", actor=act_registrar)
    monkeypatch.setattr(
        summary_module,
        "ALERT_PROVIDERS",
        [lambda p: [("error", "Overseas travel without permission")]],
    )
    monkeypatch.setattr(views_base, "EXTRA_TABS", [("audit", "Audit", "registry:timeline")])
    page = client_for(act_registrar).get(
        reverse("registry:person_detail", kwargs={"person_id": person.pk})
    )
    text = page.content.decode()
    assert "Overseas travel without permission" in text
    assert ">Audit</a>" in text
