"""Personal details: record, correct, end, withdraw — never overwrite; as-at and known-at reads."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.db import IntegrityError, transaction

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.audit.models import AuditEvent
from ncos.registry import services
from ncos.registry.models import Detail
from ncos.registry.selectors import details_by_kind, details_query, fact_history
from ncos.registry.tests.factories import ADDRESS, make_person

pytestmark = pytest.mark.django_db

HOME = {**ADDRESS, "line1": "1 Example Street", "locality": "Braddon"}
FLAT = {**ADDRESS, "line1": "9/40 Other Road", "locality": "Belconnen", "postcode": "2617"}


@pytest.fixture
def person(act_registrar):  # type: ignore[no-untyped-def]
    return make_person("ACT", actor=act_registrar)


def _address(actor, person, data=HOME, **kw):  # type: ignore[no-untyped-def]
    return services.detail_record(actor=actor, person_id=person.pk, kind="address", data=data, **kw)


def test_record_stores_a_validated_fact_with_its_stamp(act_registrar, person):
    detail = _address(
        act_registrar,
        person,
        valid_from=date(2020, 1, 6),
        source_type="report",
        source_reference="R-17",
    )
    assert detail.data == {
        "address_type": "residence",
        "line1": "1 Example Street",
        "locality": "Braddon",
        "state": "ACT",
        "postcode": "2612",
    }
    assert detail.summary == "1 Example Street, Braddon, ACT, 2612"
    assert (detail.sequence, detail.is_current, detail.change) == (1, True, "recorded")
    assert (detail.recorded_by, detail.source_type, detail.source_reference) == (
        act_registrar,
        "report",
        "R-17",
    )
    row = AuditEvent.objects.get(action="person.detail.record")
    assert row.details == {
        "kind": "address",
        "fact_id": str(detail.fact_id),
        "detail_id": str(detail.pk),
    }


@pytest.mark.parametrize(
    ("kind", "data", "field", "message"),
    [
        (
            "address",
            {"address_type": "residence", "locality": "Braddon"},
            "line1",
            "Give the street address of the premises.",
        ),
        (
            "address",
            {"address_type": "palace", "locality": "X"},
            "address_type",
            "Select a valid choice. palace is not one of the available choices.",
        ),
        (
            "child_contact",
            {"child_name": "A"},
            "date_of_birth",
            "Give the child's date of birth or age.",
        ),
        (
            "child_household",
            {"child_name": "A", "age": 19},
            "age",
            "Ensure this value is less than or equal to 17.",
        ),
        (
            "online_identity",
            {"identity_type": "email", "identifier": "not-an-email"},
            "identifier",
            "Enter a valid email address.",
        ),
        (
            "carriage_service",
            {"service_type": "mobile", "number": "call me"},
            "number",
            "Enter a phone number: digits, spaces, + ( ) -.",
        ),
        (
            "passport",
            {"number": "PA 123", "country": "Australia", "status": "held"},
            "number",
            "A passport number has 5 to 20 letters and digits, no spaces.",
        ),
        (
            "vehicle",
            {"use": "owned", "vehicle_type": "car", "make": "Ford", "wheels": 4},
            "wheels",
            "“wheels” is not a field of this detail.",
        ),
        (
            "employment",
            {"employment_type": "volunteer", "nature": "coach"},
            "premises_address",
            "Give the premises where the person generally works, the localities, or how to "
            "contact them while working.",
        ),
        ("spaceship", {}, "kind", "Choose a kind of personal detail."),
    ],
)
def test_invalid_details_are_refused_with_a_readable_message(
    act_registrar, person, kind, data, field, message
):
    with pytest.raises(RuleViolation) as caught:
        services.detail_record(actor=act_registrar, person_id=person.pk, kind=kind, data=data)
    assert (caught.value.field, str(caught.value)) == (field, message)
    assert not Detail.objects.filter(person=person).exclude(kind="name").exists()


def test_period_end_before_start_is_refused(act_registrar, person):
    with pytest.raises(RuleViolation) as caught:
        _address(act_registrar, person, valid_from=date(2021, 1, 1), valid_to=date(2020, 1, 1))
    assert str(caught.value) == "The end date is before the start date."


def test_numbers_are_stored_upper_case(act_registrar, person):
    vehicle = services.detail_record(
        actor=act_registrar,
        person_id=person.pk,
        kind="vehicle",
        data={"use": "driven", "vehicle_type": "car", "make": "Mazda", "registration": "yhx12a"},
    )
    passport = services.detail_record(
        actor=act_registrar,
        person_id=person.pk,
        kind="passport",
        data={"number": "pa1234567", "country": "Australia", "status": "held"},
    )
    assert vehicle.data["registration"] == "YHX12A"
    assert passport.data["number"] == "PA1234567"


def test_correction_supersedes_and_keeps_both_versions(act_registrar, person):
    wrong = _address(act_registrar, person, valid_from=date(2020, 1, 6))
    right = services.detail_correct(
        actor=act_registrar,
        detail_id=wrong.pk,
        data={**HOME, "line1": "11 Example Street"},
        valid_from=date(2020, 1, 6),
        valid_to=None,
        reason="house number misheard",
    )
    wrong.refresh_from_db()
    assert (wrong.is_current, wrong.superseded_at) == (False, right.recorded_at)
    assert wrong.data["line1"] == "1 Example Street"  # the wrong value is still there
    assert (right.fact_id, right.sequence, right.supersedes_id, right.change, right.reason) == (
        wrong.fact_id,
        2,
        wrong.pk,
        "corrected",
        "house number misheard",
    )
    assert [d.data["line1"] for d in fact_history(person, wrong.fact_id)] == [
        "11 Example Street",
        "1 Example Street",
    ]
    assert list(details_query(person, kind="address")) == [right]


def test_correcting_a_superseded_version_is_a_conflict_and_changes_nothing(act_registrar, person):
    first = _address(act_registrar, person)
    services.detail_correct(
        actor=act_registrar,
        detail_id=first.pk,
        data=FLAT,
        valid_from=None,
        valid_to=None,
        reason="a",
    )
    with pytest.raises(ConflictError):
        services.detail_correct(
            actor=act_registrar,
            detail_id=first.pk,
            data=HOME,
            valid_from=None,
            valid_to=None,
            reason="b",
        )
    assert Detail.objects.filter(fact_id=first.fact_id).count() == 2
    assert Detail.objects.get(fact_id=first.fact_id, is_current=True).data == FLAT


def test_a_correction_needs_a_reason(act_registrar, person):
    first = _address(act_registrar, person)
    with pytest.raises(RuleViolation) as caught:
        services.detail_correct(
            actor=act_registrar,
            detail_id=first.pk,
            data=FLAT,
            valid_from=None,
            valid_to=None,
            reason=" ",
        )
    assert caught.value.field == "reason"
    assert Detail.objects.filter(fact_id=first.fact_id).count() == 1


def test_end_and_withdraw_are_new_versions(act_registrar, person):
    home = _address(act_registrar, person, valid_from=date(2019, 5, 1))
    ended = services.detail_end(
        actor=act_registrar, detail_id=home.pk, valid_to=date(2021, 6, 30), reason="moved out"
    )
    assert (ended.sequence, ended.change, ended.valid_from, ended.valid_to, ended.data) == (
        2,
        "updated",
        date(2019, 5, 1),
        date(2021, 6, 30),
        HOME,
    )
    gone = services.detail_withdraw(
        actor=act_registrar, detail_id=ended.pk, reason="another person's address"
    )
    assert (gone.sequence, gone.withdrawn, gone.change) == (3, True, "withdrawn")
    assert not details_query(person, kind="address").exists()
    assert Detail.objects.filter(fact_id=home.fact_id).count() == 3
    with pytest.raises(RuleViolation):
        services.detail_withdraw(actor=act_registrar, detail_id=gone.pk, reason="again")


def test_where_did_he_live_on_a_date(act_registrar, person):
    _address(
        act_registrar, person, data=HOME, valid_from=date(2019, 5, 1), valid_to=date(2021, 6, 30)
    )
    _address(act_registrar, person, data=FLAT, valid_from=date(2021, 7, 1))

    def lived(on: date) -> list[str]:
        return [d.data["line1"] for d in details_query(person, kind="address", as_at=on)]

    assert lived(date(2021, 3, 3)) == ["1 Example Street"]
    assert lived(date(2021, 6, 30)) == ["1 Example Street"]  # both ends inclusive
    assert lived(date(2021, 7, 1)) == ["9/40 Other Road"]
    assert lived(date(2019, 4, 30)) == []
    groups = {g.kind: g for g in details_by_kind(person, today=date(2026, 3, 1))}
    assert [d.data["line1"] for d in groups["address"].current] == ["9/40 Other Road"]
    assert [d.data["line1"] for d in groups["address"].ended] == ["1 Example Street"]


def test_what_did_the_register_know_at_a_time(act_registrar, person):
    with time_machine.travel(datetime(2025, 1, 10, 9, 0).astimezone(), tick=False):
        first = _address(act_registrar, person, data=HOME)
    with time_machine.travel(datetime(2025, 2, 10, 9, 0).astimezone(), tick=False):
        services.detail_correct(
            actor=act_registrar,
            detail_id=first.pk,
            data=FLAT,
            valid_from=None,
            valid_to=None,
            reason="typo",
        )

    def knew(at):
        return [
            d.data["line1"]
            for d in details_query(  # noqa: E731
                person, kind="address", known_at=at
            )
        ]

    assert knew(datetime(2025, 1, 20).astimezone()) == ["1 Example Street"]
    assert knew(datetime(2025, 2, 20).astimezone()) == ["9/40 Other Road"]
    assert knew(datetime(2025, 1, 1).astimezone()) == []


def test_the_database_allows_one_current_version_per_fact(act_registrar, person):
    detail = _address(act_registrar, person)
    clone = Detail(
        fact_id=detail.fact_id,
        sequence=2,
        person=person,
        kind="address",
        data=HOME,
        summary="x",
        recorded_at=detail.recorded_at,
        is_current=True,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()
    # and a version has at most one successor
    detail.is_current = False
    detail.save()
    a = Detail(
        fact_id=detail.fact_id,
        sequence=2,
        person=person,
        kind="address",
        data=HOME,
        summary="a",
        recorded_at=detail.recorded_at,
        supersedes=detail,
        is_current=False,
    )
    a.save()
    b = Detail(
        fact_id=detail.fact_id,
        sequence=3,
        person=person,
        kind="address",
        data=HOME,
        summary="b",
        recorded_at=detail.recorded_at,
        supersedes=detail,
        is_current=True,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        b.save()


def test_other_jurisdiction_cannot_record_and_nothing_changes(nsw_registrar, person):
    with pytest.raises(AccessDenied):
        _address(nsw_registrar, person)
    assert not Detail.objects.filter(person=person, kind="address").exists()
    row = AuditEvent.objects.get(action="person.update", outcome="denied")
    assert row.object_id == str(person.pk)


def test_name_facts_keep_the_name_cache_current(act_registrar, person):
    current = Detail.objects.get(person=person, kind="name")
    services.detail_correct(
        actor=act_registrar,
        detail_id=current.pk,
        data={"family_name": "Nguyen", "given_names": "Van", "name_type": "current"},
        valid_from=None,
        valid_to=None,
        reason="deed poll",
    )
    person.refresh_from_db()
    assert (person.family_name, person.given_names) == ("Nguyen", "Van")


def test_changed_at_is_kept_for_hour_limited_changes(act_registrar, person):
    moment = datetime(2026, 2, 20, 15, 30).astimezone()
    child = services.detail_record(
        actor=act_registrar,
        person_id=person.pk,
        kind="child_contact",
        data={"child_name": "Child A", "age": 9},
        valid_from=date(2026, 2, 20),
        changed_at=moment,
    )
    assert child.changed_at == moment
    assert child.changed_at - moment == timedelta(0)
