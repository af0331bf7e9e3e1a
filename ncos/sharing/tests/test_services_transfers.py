"""Interstate moves: request, accept (management moves; obligations follow the new law from the
day of entry; history kept), refuse, cancel — and the refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.access.roles import Role
from ncos.audit.models import AuditEvent
from ncos.registry.models import Assessment, Obligation, Person, PersonRevision
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing import services
from ncos.sharing.choices import TransferStatus
from ncos.sharing.events import sharing_events
from ncos.sharing.models import InboxItem, TravelPlan
from ncos.sharing.tests.factories import record_travel, registrable_person, user_for

pytestmark = pytest.mark.django_db


def _request(person, to="NSW", **kw):
    return services.transfer_request(
        actor=registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        to_jurisdiction=to,
        entered_on=kw.pop("entered_on", local_today(person) - timedelta(days=3)),
        handover_note=kw.pop("handover_note", "Lives with his sister in Newcastle."),
        **kw,
    )


def test_a_request_lands_in_the_other_registry_s_inbox():
    person = registrable_person("ACT")
    transfer = _request(person)
    assert transfer.status == TransferStatus.REQUESTED
    item = InboxItem.objects.get(jurisdiction_id="NSW", object_id=transfer.pk)
    assert item.kind == "transfer_request"
    assert person.family_name not in item.title


def test_accepting_moves_management_and_recomputes_under_the_new_law():
    person = registrable_person("ACT")
    plan = record_travel(person)
    entered = local_today(person) - timedelta(days=3)
    transfer = _request(person, entered_on=entered)
    before = AuditEvent.objects.count()
    services.transfer_accept(
        actor=user_for("NSW"), transfer_id=transfer.pk, expected_version=1, note="Taken over."
    )
    person = Person.objects.get(pk=person.pk)
    assert person.managing_jurisdiction_id == "NSW"
    assert person.case_officer_id is None
    revision = PersonRevision.objects.filter(person=person).order_by("-version").first()
    assert revision.data["managing_jurisdiction"] == "NSW"
    latest = Assessment.objects.filter(person=person).order_by("-computed_at").first()
    assert latest.jurisdiction == "NSW"
    assert {"type": "entered_jurisdiction", "date": entered.isoformat(), "from": "ACT"} in (
        latest.case["events"]
    )
    # The ACT travel notice is history now: it dropped out of the NSW answer, and is kept.
    act_notice = Obligation.objects.get(person=person, key__startswith="travel_notice:")
    assert act_notice.status == "withdrawn"
    assert TravelPlan.objects.filter(pk=plan.pk).exists()
    assert {e["type"] for e in sharing_events(person, local_today(person))} == {
        "entered_jurisdiction"
    }
    rows = AuditEvent.objects.filter(seq__gt=before, outcome="allowed").values_list(
        "action", flat=True
    )
    assert list(rows) == ["person.transfer.accept"]
    assert InboxItem.objects.filter(jurisdiction_id="ACT", kind="transfer_response").count() == 1
    # The new managers now write; the old ones no longer may.
    with pytest.raises(AccessDenied):
        record_travel(person, actor=registrar_for("ACT"))
    record_travel(person, actor=registrar_for("NSW"), legs=[("QLD", 0, 20, "Brisbane")])


@pytest.mark.parametrize(
    "who", [("ACT", Role.REGISTRAR), ("NSW", Role.CASE_MANAGER), ("VIC", Role.REGISTRAR)]
)
def test_only_the_receiving_registrar_decides(who):
    person = registrable_person("ACT")
    transfer = _request(person)
    with pytest.raises(AccessDenied):
        services.transfer_accept(actor=user_for(*who), transfer_id=transfer.pk, expected_version=1)
    person.refresh_from_db()
    assert person.managing_jurisdiction_id == "ACT"


def test_refusing_needs_reasons_and_leaves_the_person_where_they_are():
    person = registrable_person("ACT")
    transfer = _request(person)
    with pytest.raises(RuleViolation):
        services.transfer_refuse(
            actor=user_for("NSW"), transfer_id=transfer.pk, expected_version=1, reason="  "
        )
    done = services.transfer_refuse(
        actor=user_for("NSW"),
        transfer_id=transfer.pk,
        expected_version=1,
        reason="Not living here: address checked.",
    )
    assert done.status == TransferStatus.REFUSED
    person.refresh_from_db()
    assert person.managing_jurisdiction_id == "ACT"
    with pytest.raises(RuleViolation, match="already refused"):
        services.transfer_accept(actor=user_for("NSW"), transfer_id=transfer.pk, expected_version=2)


def test_one_open_request_at_a_time_and_cancel_by_the_requester():
    person = registrable_person("ACT")
    transfer = _request(person)
    with pytest.raises(RuleViolation, match="already waiting"):
        _request(person, to="VIC")
    with pytest.raises(AccessDenied):
        services.transfer_cancel(actor=user_for("NSW"), transfer_id=transfer.pk, expected_version=1)
    with pytest.raises(ConflictError):
        services.transfer_cancel(
            actor=registrar_for("ACT"), transfer_id=transfer.pk, expected_version=5
        )
    done = services.transfer_cancel(
        actor=registrar_for("ACT"), transfer_id=transfer.pk, expected_version=1
    )
    assert done.status == TransferStatus.CANCELLED
    assert _request(person, to="VIC").to_jurisdiction_id == "VIC"


def test_request_refusals():
    person = registrable_person("ACT")
    with pytest.raises(RuleViolation, match="already managed"):
        _request(person, to="ACT")
    with pytest.raises(RuleViolation, match="handover note"):
        _request(person, handover_note="")
    with pytest.raises(RuleViolation, match="future"):
        _request(person, entered_on=local_today(person) + timedelta(days=2))
    with pytest.raises(AccessDenied):
        services.transfer_request(
            actor=user_for("ACT", Role.CASE_MANAGER),
            person_id=person.pk,
            to_jurisdiction="NSW",
            entered_on=local_today(person),
            handover_note="x",
        )
