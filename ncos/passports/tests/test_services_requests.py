"""Passport requests: the three types and their fields, the lifecycle, the refusals (wrong
state, wrong role, wrong jurisdiction, self-approval) and the passport details that follow the
outcome."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.passports import services
from ncos.passports.choices import RequestStatus
from ncos.passports.services import WrongState
from ncos.passports.tests.factories import (
    apply,
    authority,
    draft,
    granted,
    second_registrar,
    sent,
)
from ncos.registry.models import Detail
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import make_detail, registrar_for
from ncos.sharing.models import InboxItem
from ncos.sharing.tests.factories import registrable_person, user_for

pytestmark = pytest.mark.django_db


def test_each_type_keeps_only_the_fields_it_needs():
    person = registrable_person("ACT")
    cancel = draft(person, "cancel_australian", passport_number="pa 123 4567")
    assert (cancel.passport_number, cancel.passport_country) == ("PA1234567", "Australia")
    surrender = draft(
        person, "surrender_foreign", passport_country="Fiji", passport_number="FJ99887"
    )
    assert (surrender.passport_country, surrender.travel_permission) == ("Fiji", None)
    limited = draft(person, "issue_limited")
    assert limited.passport_number == ""
    assert limited.travel_permission.status == "granted"
    assert limited.valid_until is not None


@pytest.mark.parametrize(
    ("request_type", "fields", "field"),
    [
        ("cancel_australian", {"passport_number": ""}, "passport_number"),
        ("surrender_foreign", {"passport_country": "Australia"}, "passport_country"),
        ("surrender_foreign", {"passport_country": ""}, "passport_country"),
        ("issue_limited", {"valid_until": None}, "valid_until"),
        ("cancel_australian", {"grounds": ""}, "grounds"),
    ],
)
def test_missing_or_wrong_fields_are_refused(request_type, fields, field):
    person = registrable_person("ACT")
    with pytest.raises(RuleViolation) as caught:
        draft(person, request_type, **fields)
    assert caught.value.field == field


def test_a_limited_passport_needs_granted_permission():
    person = registrable_person("ACT")
    pending = apply(person)
    with pytest.raises(RuleViolation, match="granted"):
        draft(
            person,
            "issue_limited",
            permission=pending,
            valid_until=local_today(person) + timedelta(days=90),
        )


def test_the_full_lifecycle_and_its_history():
    person = registrable_person("ACT")
    request = draft(person, "issue_limited")
    code = "ACT"
    services.passport_request_approve(
        actor=second_registrar(code), request_id=request.pk, expected_version=1, note="Agreed."
    )
    services.passport_request_send(
        actor=authority(code), request_id=request.pk, expected_version=2, channel="portal"
    )
    services.passport_request_acknowledge(
        actor=registrar_for(code),
        request_id=request.pk,
        expected_version=3,
        authority_reference="APO-2026-0042",
    )
    today = local_today(person)
    done = services.passport_request_outcome(
        actor=second_registrar(code),
        request_id=request.pk,
        expected_version=4,
        outcome_on=today,
        document_number="pb7654321",
        expires_on=today + timedelta(days=120),
    )
    assert done.status == RequestStatus.COMPLETED
    assert [e.to_status for e in done.events.order_by("at", "pk")] == [
        "draft",
        "approved",
        "sent",
        "acknowledged",
        "completed",
    ]
    detail = Detail.objects.get(pk=done.outcome_detail_id)
    assert detail.data["number"] == "PB7654321"
    assert detail.data["status"] == "held"
    assert detail.valid_from == today
    responses = InboxItem.objects.filter(jurisdiction_id="ACT", kind="passport_response")
    assert responses.count() == 2  # acknowledged, then the outcome


def test_a_cancellation_updates_the_recorded_passport():
    person = registrable_person("ACT")
    fact = make_detail(
        person, "passport", {"number": "PA1234567", "country": "Australia", "status": "held"}
    )
    request = sent(person, "cancel_australian", passport_number="PA1234567")
    before = AuditEvent.objects.count()
    today = local_today(person)
    services.passport_request_outcome(
        actor=registrar_for("ACT"), request_id=request.pk, expected_version=3, outcome_on=today
    )
    current = Detail.objects.get(fact_id=fact.fact_id, is_current=True)
    assert current.data["status"] == "cancelled"
    assert current.valid_to == today
    assert current.supersedes_id == fact.pk
    rows = list(AuditEvent.objects.filter(seq__gt=before).values_list("action", flat=True))
    assert rows == ["person.passport_request.outcome"]  # the register's row is absorbed in it
    assert AuditEvent.objects.get(seq=before + 1).details["nested"][0]["action"] == (
        "person.detail.correct"
    )


def test_self_approval_is_refused():
    person = registrable_person("ACT")
    request = draft(person)
    with pytest.raises(RuleViolation, match="other than"):
        services.passport_request_approve(
            actor=registrar_for("ACT"), request_id=request.pk, expected_version=1
        )
    # Editing a draft makes the editor an author too.
    other = second_registrar("ACT")
    services.passport_request_update(
        actor=other,
        request_id=request.pk,
        expected_version=1,
        grounds="Updated grounds.",
        passport_number="PA1234567",
    )
    with pytest.raises(RuleViolation, match="other than"):
        services.passport_request_approve(actor=other, request_id=request.pk, expected_version=2)


@pytest.mark.parametrize(
    "who",
    [
        ("ACT", Role.CASE_MANAGER),
        ("ACT", Role.COMPETENT_AUTHORITY),  # raises requests, does not approve them
        ("ACT", Role.INVESTIGATOR),
        ("NSW", Role.REGISTRAR),  # another jurisdiction
    ],
)
def test_approval_by_the_wrong_role_or_jurisdiction_is_refused(who):
    request = draft(registrable_person("ACT"))
    with pytest.raises(AccessDenied):
        services.passport_request_approve(
            actor=user_for(*who), request_id=request.pk, expected_version=1
        )
    request.refresh_from_db()
    assert request.status == RequestStatus.DRAFT


def test_steps_out_of_order_are_refused():
    person = registrable_person("ACT")
    request = draft(person)
    with pytest.raises(WrongState):
        services.passport_request_send(
            actor=registrar_for("ACT"), request_id=request.pk, expected_version=1
        )
    with pytest.raises(WrongState):
        services.passport_request_outcome(
            actor=registrar_for("ACT"),
            request_id=request.pk,
            expected_version=1,
            outcome_on=local_today(person),
        )
    done = sent(person)
    with pytest.raises(WrongState):
        services.passport_request_update(
            actor=registrar_for("ACT"),
            request_id=done.pk,
            expected_version=3,
            grounds="x",
            passport_number="PA1",
        )
    withdrawn = services.passport_request_withdraw(
        actor=registrar_for("ACT"), request_id=done.pk, expected_version=3, reason="Moved."
    )
    assert withdrawn.status == RequestStatus.WITHDRAWN
    with pytest.raises(WrongState):
        services.passport_request_withdraw(
            actor=registrar_for("ACT"), request_id=done.pk, expected_version=4, reason="again"
        )
    with pytest.raises(ConflictError):
        services.passport_request_approve(
            actor=second_registrar("ACT"), request_id=request.pk, expected_version=9
        )


def test_a_protected_person_s_requests_need_clearance():
    person = registrable_person("ACT", protected=True)
    with pytest.raises(AccessDenied):
        services.passport_request_create(
            actor=user_for("ACT"),
            person_id=person.pk,
            request_type="cancel_australian",
            grounds="x",
            passport_number="PA1",
        )
    assert draft(person).status == RequestStatus.DRAFT  # by a cleared registrar


def test_the_outcome_needs_the_new_passport_s_number_and_expiry():
    person = registrable_person("ACT")
    request = sent(person, "issue_limited", permission=granted(person))
    for fields, field in (
        ({"document_number": ""}, "document_number"),
        ({"document_number": "PB1"}, "expires_on"),
    ):
        with pytest.raises(RuleViolation) as caught:
            services.passport_request_outcome(
                actor=registrar_for("ACT"),
                request_id=request.pk,
                expected_version=3,
                outcome_on=local_today(person),
                **fields,
            )
        assert caught.value.field == field
