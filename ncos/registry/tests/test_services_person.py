"""person_register, person_update (optimistic concurrency), person_change_status."""

from __future__ import annotations

from datetime import date

import pytest

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.audit.models import AuditEvent
from ncos.registry import services
from ncos.registry.models import Detail, Person, PersonRevision, StatusChange
from ncos.search.models import SearchKey

pytestmark = pytest.mark.django_db


def _register(actor, **kw):  # type: ignore[no-untyped-def]
    fields = {
        "family_name": "Citizen",
        "given_names": "John Paul",
        "date_of_birth": date(1980, 2, 29),
    }
    fields.update(kw)
    return services.person_register(actor=actor, **fields)


def test_register_creates_person_names_revision_status_and_one_audit_row(act_registrar, frozen):
    before = AuditEvent.objects.count()
    person = _register(act_registrar, aliases=[("Citizen", "Jack"), ("Smith", "")])

    assert person.national_id.startswith("NCOS-")
    assert len(person.national_id) == 14
    assert person.managing_jurisdiction_id == "ACT"
    assert (person.status, person.record_kind, person.version) == ("managed", "MPS", 1)
    names = Detail.objects.filter(person=person, kind="name").order_by("summary")
    assert [n.summary for n in names] == [
        "CITIZEN, Jack (Alias / other name)",
        "CITIZEN, John Paul (Current name)",
        "SMITH (Alias / other name)",
    ]
    assert all(n.recorded_by == act_registrar and n.source_type == "registration" for n in names)
    assert PersonRevision.objects.get(person=person).data["date_of_birth"] == "1980-02-29"
    change = StatusChange.objects.get(person=person)
    assert (change.from_status, change.to_status, change.effective_on) == (
        "",
        "managed",
        date(2026, 3, 2),
    )
    rows = AuditEvent.objects.filter(seq__gt=0).order_by("seq")[before:]
    assert [(r.action, r.object_id, r.outcome) for r in rows] == [
        ("person.create", str(person.pk), "allowed")
    ]
    assert "Citizen" not in str(rows[0].details)  # ids, never names, in the trail
    assert SearchKey.objects.filter(person_id=person.pk).exists()  # search was told


def test_national_ids_are_random_and_unique(act_registrar):
    ids = {_register(act_registrar, family_name=f"P{i}").national_id for i in range(20)}
    assert len(ids) == 20
    assert all(set(i[5:].replace("-", "")) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ") for i in ids)


@pytest.mark.parametrize(
    ("kw", "field", "message"),
    [
        ({"family_name": "  "}, "family_name", "Enter the family name."),
        (
            {"date_of_birth": date(2026, 3, 3)},
            "date_of_birth",
            "The date of birth cannot be in the future.",
        ),
        (
            {"date_of_birth": date(1900, 1, 1)},
            "date_of_birth",
            "The date of birth is more than 120 years ago.",
        ),
        ({"sex": "robot"}, "sex", "Choose a value for sex."),
    ],
)
def test_register_refuses_bad_input_and_writes_nothing(act_registrar, frozen, kw, field, message):
    with pytest.raises(RuleViolation) as caught:
        _register(act_registrar, **kw)
    assert (caught.value.field, str(caught.value)) == (field, message)
    assert Person.objects.count() == 0
    assert not AuditEvent.objects.filter(action="person.create").exists()


def test_register_for_another_jurisdiction_is_denied_and_audited(act_registrar):
    with pytest.raises(AccessDenied):
        _register(act_registrar, managing_jurisdiction="NSW")
    assert Person.objects.count() == 0
    row = AuditEvent.objects.get(action="person.create")
    assert (row.outcome, row.managing_jurisdiction) == ("denied", "NSW")


def test_protected_person_needs_a_cleared_registrar(act_registrar, act_cleared):
    with pytest.raises(AccessDenied):
        _register(act_registrar, protected=True)
    assert Person.objects.count() == 0
    person = _register(act_cleared, protected=True)
    assert person.protected is True


def test_case_officer_must_be_a_writer_of_the_managing_jurisdiction(
    act_registrar, nsw_registrar, act_investigator, act_case_manager
):
    for officer in (nsw_registrar, act_investigator):
        with pytest.raises(RuleViolation) as caught:
            _register(act_registrar, case_officer=officer)
        assert caught.value.field == "case_officer"
    assert _register(act_registrar, case_officer=act_case_manager).case_officer == act_case_manager


def test_update_bumps_version_snapshots_and_audits_the_changes(act_registrar, frozen):
    person = _register(act_registrar)
    updated = services.person_update(
        actor=act_registrar,
        person_id=person.pk,
        expected_version=1,
        changes={"place_of_birth": "Goulburn", "sex": "male"},
        reason="from birth certificate",
    )
    assert (updated.version, updated.place_of_birth, updated.sex) == (2, "Goulburn", "male")
    assert PersonRevision.objects.get(person=person, version=2).data["place_of_birth"] == (
        "Goulburn"
    )
    row = AuditEvent.objects.filter(action="person.update").get()
    assert row.details["changes"] == {
        "place_of_birth": {"before": "", "after": "Goulburn"},
        "sex": {"before": "unknown", "after": "male"},
    }
    assert row.reason == "from birth certificate"


def test_update_from_a_stale_version_is_refused_and_changes_nothing(act_registrar):
    person = _register(act_registrar)
    services.person_update(
        actor=act_registrar,
        person_id=person.pk,
        expected_version=1,
        changes={"caution": "violent"},
        reason="r",
    )
    with pytest.raises(ConflictError) as caught:
        services.person_update(
            actor=act_registrar,
            person_id=person.pk,
            expected_version=1,
            changes={"caution": "none"},
            reason="r",
        )
    assert caught.value.current_version == 2
    person.refresh_from_db()
    assert (person.caution, person.version) == ("violent", 2)
    assert AuditEvent.objects.filter(action="person.update").count() == 1


def test_update_by_another_jurisdiction_is_denied_nothing_changes(act_registrar, nsw_registrar):
    person = _register(act_registrar)
    with pytest.raises(AccessDenied):
        services.person_update(
            actor=nsw_registrar,
            person_id=person.pk,
            expected_version=1,
            changes={"caution": "x"},
            reason="r",
        )
    person.refresh_from_db()
    assert (person.caution, person.version) == ("", 1)
    denied = AuditEvent.objects.get(action="person.update")
    assert (denied.outcome, denied.actor_username, denied.object_id) == (
        "denied",
        "nsw.registrar",
        str(person.pk),
    )


def test_only_a_cleared_user_changes_the_protected_flag(act_registrar, act_cleared):
    person = _register(act_registrar)
    with pytest.raises(RuleViolation):
        services.person_update(
            actor=act_registrar,
            person_id=person.pk,
            expected_version=1,
            changes={"protected": True},
            reason="r",
        )
    services.person_update(
        actor=act_cleared,
        person_id=person.pk,
        expected_version=1,
        changes={"protected": True},
        reason="witness protection",
    )
    person.refresh_from_db()
    assert person.protected is True
    # Now the uncleared registrar may not even change it back.
    with pytest.raises(AccessDenied):
        services.person_update(
            actor=act_registrar,
            person_id=person.pk,
            expected_version=2,
            changes={"caution": "x"},
            reason="r",
        )


def test_unknown_fields_cannot_be_changed(act_registrar):
    person = _register(act_registrar)
    with pytest.raises(RuleViolation) as caught:
        services.person_update(
            actor=act_registrar,
            person_id=person.pk,
            expected_version=1,
            changes={"status": "deceased"},
            reason="r",
        )
    assert caught.value.field == "status"


def test_status_change_records_the_move_and_record_kind_follows(act_registrar, frozen):
    person = _register(act_registrar)
    change = services.person_change_status(
        actor=act_registrar,
        person_id=person.pk,
        to_status="registrable",
        effective_on=date(2026, 3, 1),
        reason="registration order",
    )
    person.refresh_from_db()
    assert (person.status, person.record_kind, person.version) == ("registrable", "ANCOR", 2)
    assert (change.from_status, change.to_status, change.changed_by) == (
        "managed",
        "registrable",
        act_registrar,
    )
    services.person_change_status(
        actor=act_registrar,
        person_id=person.pk,
        to_status="reporting_ended",
        effective_on=date(2026, 3, 2),
        reason="period over",
    )
    person.refresh_from_db()
    assert (person.status, person.record_kind) == ("reporting_ended", "MPS")
    history = list(person.status_changes.order_by("changed_at").values_list("to_status", flat=True))
    assert history == ["managed", "registrable", "reporting_ended"]
    audit = AuditEvent.objects.filter(action="person.status").order_by("seq")
    assert [r.details["changes"]["status"] for r in audit] == [
        {"before": "managed", "after": "registrable"},
        {"before": "registrable", "after": "reporting_ended"},
    ]


@pytest.mark.parametrize(
    ("to_status", "kw", "field"),
    [
        ("suspended", {}, "to_status"),  # managed → suspended is not a move the Act allows
        ("registrable", {"reason": " "}, "reason"),
        ("registrable", {"effective_on": date(2026, 3, 3)}, "effective_on"),
        ("flying", {}, "to_status"),
    ],
)
def test_status_change_refusals(act_registrar, frozen, to_status, kw, field):
    person = _register(act_registrar)
    args = {"reason": "because", "effective_on": date(2026, 3, 1)}
    args.update(kw)
    with pytest.raises(RuleViolation) as caught:
        services.person_change_status(
            actor=act_registrar, person_id=person.pk, to_status=to_status, **args
        )
    assert caught.value.field == field
    person.refresh_from_db()
    assert (person.status, person.version) == ("managed", 1)


def test_deceased_is_final(act_registrar, frozen):
    person = _register(act_registrar)
    services.person_change_status(
        actor=act_registrar,
        person_id=person.pk,
        to_status="deceased",
        effective_on=date(2026, 3, 1),
        reason="death certificate",
    )
    with pytest.raises(RuleViolation):
        services.person_change_status(
            actor=act_registrar,
            person_id=person.pk,
            to_status="managed",
            effective_on=date(2026, 3, 1),
            reason="x",
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("names", "field"),
    [
        ({"family_name": "\x00Smith"}, "family_name"),
        ({"family_name": "Smith", "given_names": "Jo\x00hn"}, "given_names"),
        ({"family_name": "Smith", "aliases": [("Sm\x00yth", "")]}, "aliases.family_name"),
        ({"family_name": "Smith", "place_of_birth": "Can\x00berra"}, "place_of_birth"),
    ],
)
def test_register_refuses_nul_characters_with_a_field_and_stores_nothing(make_user, names, field):
    registrar = make_user(roles=["registrar"])
    with pytest.raises(RuleViolation) as refused:
        services.person_register(actor=registrar, date_of_birth=date(1980, 1, 1), **names)
    assert refused.value.field == field
    assert Person.objects.count() == 0
