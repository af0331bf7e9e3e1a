"""Merging two records of one person: history kept, the duplicate left as a pointer."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse

from ncos.access.errors import AccessDenied, RuleViolation
from ncos.audit.models import AuditEvent
from ncos.registry import services
from ncos.registry.models import Detail, Offence, Person, PersonMerge
from ncos.registry.tests.corpus import image_bytes
from ncos.registry.tests.factories import ADDRESS, VEHICLE, make_person

pytestmark = pytest.mark.django_db
# Other apps' MERGE_HOOKS add their own counts (case notes, tasks…); these are the register's.
REGISTER_KEYS = {
    "details",
    "custody_periods",
    "paroles",
    "orders",
    "photos",
    "documents",
    "offences",
}


@pytest.fixture
def pair(act_registrar, frozen):  # type: ignore[no-untyped-def]
    keep = make_person("ACT", actor=act_registrar, family_name="Keeper")
    dupe = make_person("ACT", actor=act_registrar, family_name="Keepr", given_names="Al")
    a = act_registrar
    services.offence_charge(
        actor=a, person_id=keep.pk, catalogue_key="ACT|1|1.1|9", date_committed=date(2023, 1, 1)
    )
    services.offence_charge(
        actor=a,
        person_id=dupe.pk,
        catalogue_key="ACT|1|1.1|9",
        date_committed=date(2023, 2, 1),
        victim_ref="V2",
        date_found_guilty=date(2024, 5, 2),
        date_sentenced=date(2024, 7, 19),
    )
    services.detail_record(actor=a, person_id=dupe.pk, kind="address", data=ADDRESS)
    services.detail_record(actor=a, person_id=dupe.pk, kind="vehicle", data=VEHICLE)
    services.photo_upload(
        actor=a, person_id=dupe.pk, image=io.BytesIO(image_bytes("PNG")), taken_on=date(2025, 1, 1)
    )
    return keep, dupe


def test_merge_moves_everything_and_leaves_a_pointer(act_registrar, pair):
    keep, dupe = pair
    moved_details = set(Detail.objects.filter(person=dupe).values_list("pk", "recorded_at"))
    dupe.refresh_from_db()
    version = dupe.version
    before = AuditEvent.objects.count()
    survivor = services.person_merge(
        actor=act_registrar,
        survivor_id=keep.pk,
        other_national_id=dupe.national_id.lower(),
        reason="same fingerprints",
    )
    dupe.refresh_from_db()
    assert (dupe.merged_into_id, dupe.version) == (keep.pk, version + 1)
    assert (
        set(
            Detail.objects.filter(person=keep, pk__in=[p for p, _ in moved_details]).values_list(
                "pk", "recorded_at"
            )
        )
        == moved_details
    )  # stamps kept
    assert not Detail.objects.filter(person=dupe).exists()
    assert sorted(Offence.objects.filter(person=keep).values_list("ref", flat=True)) == [
        "O1",
        "O2",
    ]  # the duplicate's O1 was renumbered
    assert keep.photos.count() == 1
    merge = PersonMerge.objects.get()
    register_rows = {k: v for k, v in merge.moved.items() if k in REGISTER_KEYS}
    assert register_rows == {
        "details": 3,
        "custody_periods": 0,
        "paroles": 0,
        "orders": 0,
        "photos": 1,
        "documents": 0,
        "offences": 1,
    }
    survivor.refresh_from_db()
    assert survivor.status == "registrable"  # the duplicate's finding now counts for him
    rows = list(AuditEvent.objects.order_by("seq")[before:])
    assert [(r.action, r.object_id) for r in rows] == [
        ("person.merge", str(dupe.pk)),
        ("person.merge", str(keep.pk)),
    ]
    names = set(Detail.objects.filter(person=keep, kind="name").values_list("summary", flat=True))
    assert names == {"KEEPER, Alex (Current name)", "KEEPR, Al (Current name)"}


def test_the_duplicate_page_points_to_the_survivor_and_refuses_writes(
    act_registrar, client_for, pair
):
    keep, dupe = pair
    services.person_merge(actor=act_registrar, survivor_id=keep.pk, other_id=dupe.pk, reason="same")
    page = client_for(act_registrar).get(
        reverse("registry:person_detail", kwargs={"person_id": dupe.pk})
    )
    assert "This record was merged into" in page.content.decode()
    assert keep.national_id in page.content.decode()
    with pytest.raises(RuleViolation) as caught:
        services.detail_record(actor=act_registrar, person_id=dupe.pk, kind="address", data=ADDRESS)
    assert str(caught.value) == (
        f"This record was merged into {keep.national_id}. Make the change there."
    )
    timeline = client_for(act_registrar).get(
        reverse("registry:timeline", kwargs={"person_id": keep.pk})
    )
    assert "Records merged" in timeline.content.decode()


@pytest.mark.parametrize("case", ["self", "unknown", "other_jurisdiction", "protected"])
def test_merge_refusals(act_registrar, act_cleared, nsw_registrar, pair, case):
    keep, dupe = pair
    other: Person | str = dupe
    if case == "self":
        other = keep
    elif case == "unknown":
        other = "NCOS-0000-0000"
    elif case == "other_jurisdiction":
        other = make_person("NSW", actor=nsw_registrar)
    elif case == "protected":
        other = make_person("ACT", actor=act_cleared, protected=True)
    national_id = other if isinstance(other, str) else other.national_id
    actor = act_cleared if case == "protected" else act_registrar
    with pytest.raises((RuleViolation, AccessDenied)):
        services.person_merge(
            actor=actor, survivor_id=keep.pk, other_national_id=national_id, reason="r"
        )
    assert not PersonMerge.objects.exists()
    assert Person.objects.filter(merged_into__isnull=False).count() == 0


def test_case_managers_cannot_merge(act_case_manager, pair):
    keep, dupe = pair
    with pytest.raises(AccessDenied):
        services.person_merge(
            actor=act_case_manager, survivor_id=keep.pk, other_id=dupe.pk, reason="r"
        )
    assert not PersonMerge.objects.exists()
