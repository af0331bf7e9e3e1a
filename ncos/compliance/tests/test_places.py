"""Approved reporting places: registrars keep their own registry's list (ACT s 64; NSW s 12 (1))."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ncos.access.errors import AccessDenied, RuleViolation
from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.compliance.models import ReportingPlace
from ncos.compliance.services import places
from ncos.registry.tests.factories import registrar_for

pytestmark = pytest.mark.django_db

GOOD = {"name": "  Tuggeranong   Police Station ", "address": "", "basis": "Notice 2026/4"}


def test_a_registrar_adds_corrects_withdraws_and_restores_a_place():
    actor = registrar_for("ACT")
    place = places.place_add(actor=actor, data=GOOD)
    assert (place.jurisdiction_id, place.name, place.active) == (
        "ACT",
        "Tuggeranong Police Station",
        True,
    )
    withdrawn = places.place_update(actor=actor, place_id=place.pk, data={**GOOD, "active": False})
    assert withdrawn.active is False
    restored = places.place_update(actor=actor, place_id=place.pk, data={**GOOD, "active": True})
    assert restored.active is True
    rows = AuditEvent.objects.filter(object_type="reporting_place", object_id=str(place.pk))
    assert [r.action for r in rows.order_by("seq")] == [
        "compliance.place.add",
        "compliance.place.update",
        "compliance.place.update",
    ]
    assert rows.order_by("seq").last().details["changes"]["active"] == {
        "before": False,
        "after": True,
    }


def test_an_unchanged_save_writes_nothing():
    actor = registrar_for("ACT")
    place = places.place_add(actor=actor, data=GOOD)
    before = AuditEvent.objects.count()
    places.place_update(actor=actor, place_id=place.pk, data={**GOOD, "active": True})
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({**GOOD, "name": "  "}, "name", "Give the place's name"),
        ({**GOOD, "basis": ""}, "basis", "Say why the place is approved"),
        ({**GOOD, "name": "belconnen police station"}, "name", "already has a place"),
    ],
)
def test_bad_input_is_refused_with_the_field(data, field, message):
    with pytest.raises(RuleViolation) as refused:
        places.place_add(actor=registrar_for("ACT"), data=data)
    assert refused.value.field == field
    assert message in str(refused.value)
    assert ReportingPlace.objects.filter(jurisdiction_id="ACT").count() == 1  # Belconnen only


def test_another_registry_may_not_change_a_place_and_is_audited():
    place = ReportingPlace.objects.get(jurisdiction_id="ACT", name="Belconnen Police Station")
    with pytest.raises(AccessDenied):
        places.place_update(actor=registrar_for("NSW"), place_id=place.pk, data=GOOD)
    place.refresh_from_db()
    assert place.name == "Belconnen Police Station"
    assert AuditEvent.objects.filter(
        object_type="reporting_place", object_id=str(place.pk), outcome="denied"
    ).exists()


def test_the_pages_list_add_and_change(make_user, client_for):
    registrar = client_for(registrar_for("ACT"))
    listed = registrar.get(reverse("compliance:places")).content.decode()
    assert "Belconnen Police Station" in listed
    assert "Add a place" in listed

    refused = registrar.post(reverse("compliance:place_create"), {**GOOD, "basis": ""})
    assert refused.status_code == 200
    assert "Say why the place is approved" in refused.content.decode()
    assert not ReportingPlace.objects.filter(name__startswith="Tuggeranong").exists()

    added = registrar.post(reverse("compliance:place_create"), {**GOOD, "active": "on"})
    assert added.status_code == 302
    place = ReportingPlace.objects.get(name="Tuggeranong Police Station")
    changed = registrar.post(
        reverse("compliance:place_edit", kwargs={"place_id": place.pk}),
        {**GOOD, "address": "Anketell St"},
    )
    assert changed.status_code == 302
    place.refresh_from_db()
    assert (place.address, place.active) == ("Anketell St", False)  # unticked: withdrawn
    assert "Withdrawn" in registrar.get(reverse("compliance:places")).content.decode()

    investigator = client_for(make_user("act.inv.places", roles=[Role.INVESTIGATOR]))
    read = investigator.get(reverse("compliance:places")).content.decode()
    assert "Tuggeranong Police Station" in read
    assert "Add a place" not in read
    assert investigator.get(reverse("compliance:place_create")).status_code == 403
