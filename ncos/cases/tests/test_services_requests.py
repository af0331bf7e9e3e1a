"""ACT s 122 / NSW s 19B: a request logged with its deadline and task; the copy holds exactly
the reportable information (field by field, checked in the PDF's text); the export is audited
with recipient and purpose; a correction is a new version (old kept), audited."""

from __future__ import annotations

import hashlib
import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from pypdf import PdfReader

from ncos.access.errors import AccessDenied, ConflictError, RuleViolation
from ncos.audit.models import AuditEvent
from ncos.cases.models import AccessCopy, AccessRequest, Task
from ncos.cases.selectors.reportable import reportable_information
from ncos.cases.services import (
    access_copy_generate,
    access_request_log,
    access_request_withdraw,
    case_officer_assign,
    correction_decide,
)
from ncos.cases.tests.factories import case_manager_for, make_detail, make_person, registrar_for
from ncos.registry import services as registry
from ncos.registry.models import Detail

pytestmark = pytest.mark.django_db
SYDNEY = ZoneInfo("Australia/Sydney")


def _seq() -> int:
    last = AuditEvent.objects.order_by("-seq").first()
    return last.seq if last else 0


def _new_rows(before: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(seq__gt=before).order_by("seq"))


def _text(pdf: bytes) -> str:
    raw = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", raw)


def _log(person, kind="copy", actor=None, received_at=None, **kw):
    return access_request_log(
        actor=actor or registrar_for(person.managing_jurisdiction_id),
        person_id=person.pk,
        kind=kind,
        received_at=received_at or timezone.now() - timedelta(hours=1),
        channel="in_person",
        description="Please give me a copy of what you hold about me.",
        **kw,
    )


# --- logging -------------------------------------------------------------------------------


def test_logging_a_copy_request_opens_a_task_due_fourteen_days_later():
    registrar = registrar_for("ACT")
    officer = case_manager_for("ACT")
    person = make_person("ACT")
    case_officer_assign(actor=registrar, person_id=person.pk, officer=officer, reason="x")
    asked = datetime(2026, 10, 31, 16, 0, tzinfo=SYDNEY)  # Saturday 31 October, month end
    before = _seq()
    request = _log(person, received_at=asked)
    assert (request.received_on, request.due_date, request.statutory) == (
        date(2026, 10, 31),
        date(2026, 11, 14),
        True,
    )
    task = request.task
    assert (task.kind, task.due_date, task.assignee_id, task.status) == (
        "access_copy",
        date(2026, 11, 14),
        officer.pk,
        "open",
    )
    assert "ACT s 122" in task.title
    rows = _new_rows(before)
    assert [r.action for r in rows] == ["case.access_request.log"]
    assert rows[0].details["due_date"] == "2026-11-14"
    assert rows[0].details["task_id"] == str(task.pk)


def test_a_request_received_late_evening_utc_counts_from_the_local_day():
    person = make_person("NSW")
    # 13:30 UTC on 31 March 2026 = 00:30 on 1 April in Sydney
    request = _log(person, received_at=datetime(2026, 3, 31, 13, 30, tzinfo=ZoneInfo("UTC")))
    assert (request.received_on, request.due_date, request.statutory) == (
        date(2026, 4, 1),
        date(2026, 4, 15),
        False,
    )


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("kind", {"kind": "everything"}),
        ("channel", {"channel": "pigeon"}),
        ("received_at", {"received_at": datetime(2026, 1, 1, 9)}),  # noqa: DTZ001 - naive
        ("received_at", {"received_at": timezone.now() + timedelta(days=2)}),
        ("description", {"description": "  "}),
        ("detail", {"kind": "correction"}),  # a correction names the detail
    ],
)
def test_invalid_requests_are_refused_and_nothing_is_logged(field, kwargs):
    person = make_person("ACT")
    args = {
        "actor": registrar_for("ACT"),
        "person_id": person.pk,
        "kind": "copy",
        "received_at": timezone.now(),
        "channel": "email",
        "description": "Copy please",
    }
    args.update(kwargs)
    with pytest.raises(RuleViolation) as info:
        access_request_log(**args)
    assert info.value.field == field
    assert not AccessRequest.objects.exists()
    assert not Task.objects.exists()


def test_another_jurisdiction_cannot_log_a_request():
    person = make_person("ACT")
    actor = registrar_for("NSW")
    before = _seq()
    with pytest.raises(AccessDenied):
        _log(person, actor=actor)
    assert not AccessRequest.objects.exists()
    assert [(r.action, r.outcome, r.actor_id) for r in _new_rows(before)] == [
        ("person.update", "denied", actor.pk)
    ]


# --- the copy ------------------------------------------------------------------------------

ADDRESS = {
    "address_type": "residence",
    "line1": "12 Wattlebird Street",
    "locality": "Braddon",
    "state": "ACT",
    "postcode": "2612",
}
OLD_ADDRESS = {"address_type": "residence", "line1": "3 Old Road", "locality": "Turner"}
VEHICLE = {
    "use": "owned",
    "vehicle_type": "car",
    "make": "Toyota",
    "model": "Corolla",
    "colour": "Red",
    "registration": "ABC123",
}
PHONE = {"service_type": "mobile", "number": "0412 345 678", "provider": "Telstra"}
EMAIL = {"identity_type": "email", "identifier": "alex@example.com", "service": "Mail"}
JOB = {
    "employment_type": "employee",
    "nature": "Forklift driver",
    "employer": "Depot Pty Ltd",
    "premises_address": "1 Depot Lane, Fyshwick",
}

# What the copy must hold, written out by hand from the data above (label → value).
EXPECTED_FACTS = {
    "address": [
        {
            "Type": "Premises where the person generally lives",
            "Street address": "3 Old Road",
            "Suburb, town or locality": "Turner",
            "Lives there from": "2019-01-01",
            "Until": "2023-06-30",
        },
        {
            "Type": "Premises where the person generally lives",
            "Street address": "12 Wattlebird Street",
            "Suburb, town or locality": "Braddon",
            "State or territory": "ACT",
            "Postcode": "2612",
            "Lives there from": "2023-07-01",
        },
    ],
    "vehicle": [
        {
            "Owned or generally driven": "Owned",
            "Type": "Car",
            "Make": "Toyota",
            "Model": "Corolla",
            "Colour": "Red",
            "Registration number": "ABC123",
        }
    ],
    "carriage_service": [
        {"Type": "Mobile phone", "Number": "0412 345 678", "Carriage service provider": "Telstra"}
    ],
    "online_identity": [
        {
            "Type": "Email address",
            "Address, user name or handle": "alex@example.com",
            "Service or platform": "Mail",
        }
    ],
    "employment": [
        {
            "Kind": "Employee (contract of employment)",
            "Nature of the work": "Forklift driver",
            "Employer (if any)": "Depot Pty Ltd",
            "Premises where generally employed": "1 Depot Lane, Fyshwick",
        }
    ],
}


def _person_with_facts():
    registrar = registrar_for("ACT")
    person = make_person(
        "ACT",
        family_name="Copyperson",
        given_names="Alex",
        date_of_birth=date(1985, 6, 30),
        aliases=[("Alias", "Lex")],
    )
    make_detail(
        person, "address", OLD_ADDRESS, valid_from=date(2019, 1, 1), valid_to=date(2023, 6, 30)
    )
    make_detail(person, "address", ADDRESS, valid_from=date(2023, 7, 1))
    wrong = make_detail(person, "vehicle", {**VEHICLE, "registration": "WRONG1"})
    registry.detail_correct(
        actor=registrar,
        detail_id=wrong.pk,
        data=VEHICLE,
        valid_from=None,
        valid_to=None,
        reason="typo in the registration",
    )
    make_detail(person, "carriage_service", PHONE)
    make_detail(person, "online_identity", EMAIL)
    make_detail(person, "employment", JOB)
    gone = make_detail(
        person, "carriage_service", {"service_type": "landline", "number": "02 9999 0000"}
    )
    registry.detail_withdraw(actor=registrar, detail_id=gone.pk, reason="recorded in error")
    make_detail(person, "description", {"hair": "Grizzledgrey"})
    return person


def test_reportable_information_is_exactly_the_current_reported_facts():
    person = _person_with_facts()
    info = reportable_information(person, as_of=date(2026, 11, 1)).as_dict()
    assert info["identity"] == {
        "Register reference": person.national_id,
        "Date of birth": "1985-06-30",
    }
    sections = info["sections"]
    for kind, facts in EXPECTED_FACTS.items():
        assert sections[kind] == facts, kind
    names = sections["name"]
    assert {
        "Family name": "Copyperson",
        "Given names": "Alex",
        "Type of name": "Current name",
    } in names
    assert {
        "Family name": "Alias",
        "Given names": "Lex",
        "Type of name": "Alias / other name",
    } in names
    assert len(names) == 2
    assert "description" not in sections  # police information, not reported
    for kind in ("child_household", "child_contact", "club", "mark", "passport"):
        assert sections[kind] == []


def test_the_copy_pdf_holds_every_field_and_nothing_else_and_is_audited():
    person = _person_with_facts()
    request = _log(person)
    registrar = registrar_for("ACT")
    before = _seq()
    copy, pdf = access_copy_generate(
        actor=registrar,
        request_id=request.pk,
        recipient="The registered person (in person)",
        purpose="ACT s 122 (1) request",
    )
    text = _text(pdf)
    info = reportable_information(person, as_of=timezone.localdate(timezone=SYDNEY))
    for field in info.identity:
        assert f"{field.label} {field.value}" in text
    pairs = 0
    for section in info.sections:
        if section.facts:
            assert section.label in text
        for fact in section.facts:
            for field in (*fact.fields, *fact.period):
                assert f"{field.label} {field.value}" in text, (section.kind, field)
                pairs += 1
    assert pairs == sum(len(f) for facts in EXPECTED_FACTS.values() for f in facts) + 6
    for absent in ("WRONG1", "02 9999 0000", "Grizzledgrey"):
        assert absent not in text  # superseded, withdrawn, not reportable
    assert "ACT s 122 (1)" in text
    # the record of the export
    assert copy.sha256 == hashlib.sha256(pdf).hexdigest()
    assert sorted(copy.detail_ids) == sorted(info.detail_ids)
    assert (copy.recipient, copy.purpose, copy.generated_by_id) == (
        "The registered person (in person)",
        "ACT s 122 (1) request",
        registrar.pk,
    )
    rows = _new_rows(before)
    assert [r.action for r in rows] == ["case.access_request.copy"]
    row = rows[0]
    assert row.purpose == "ACT s 122 (1) request"
    assert row.details["recipient"] == "The registered person (in person)"
    assert row.details["copy_id"] == str(copy.pk)
    assert row.object_id == str(person.pk)
    assert "Copyperson" not in str(row.details)  # ids in the trail, never names
    request.refresh_from_db()
    assert request.status == "completed"
    assert request.completed_on == timezone.localdate(timezone=SYDNEY)
    assert request.task.status == "done"


def test_a_case_manager_may_produce_the_copy_but_another_jurisdiction_may_not():
    person = make_person("ACT")
    request = _log(person)
    copy, pdf = access_copy_generate(
        actor=case_manager_for("ACT"), request_id=request.pk, recipient="Lawyer", purpose="s 122"
    )
    assert pdf.startswith(b"%PDF")
    assert copy.pk
    outsider = registrar_for("NSW")
    before = _seq()
    with pytest.raises(AccessDenied):
        access_copy_generate(actor=outsider, request_id=request.pk, recipient="x", purpose="y")
    assert AccessCopy.objects.count() == 1
    assert [(r.action, r.outcome) for r in _new_rows(before)] == [("person.export", "denied")]


@pytest.mark.parametrize(
    ("field", "kwargs"), [("recipient", {"recipient": ""}), ("purpose", {"purpose": " "})]
)
def test_a_copy_needs_recipient_and_purpose(field, kwargs):
    request = _log(make_person("ACT"))
    args = {"recipient": "The person", "purpose": "s 122"}
    args.update(kwargs)
    with pytest.raises(RuleViolation) as info:
        access_copy_generate(actor=registrar_for("ACT"), request_id=request.pk, **args)
    assert info.value.field == field
    assert not AccessCopy.objects.exists()


# --- corrections ---------------------------------------------------------------------------


def _correction(person, detail, **kw):
    return _log(person, kind="correction", detail_id=detail.pk, **kw)


def test_an_accepted_correction_is_a_new_version_and_the_old_one_stays():
    person = make_person("ACT")
    detail = make_detail(person, "address", ADDRESS, valid_from=date(2023, 7, 1))
    request = _correction(
        person, detail, proposed_data={**ADDRESS, "line1": "21 Wattlebird Street"}
    )
    assert request.due_date - request.received_on == timedelta(days=30)
    assert request.task.kind == "correction"
    registrar = registrar_for("ACT")
    before = _seq()
    decided = correction_decide(
        actor=registrar,
        request_id=request.pk,
        expected_version=request.version,
        decision="accepted",
        reasons="The tenancy agreement shows number 21.",
        expected_detail_id=detail.pk,
    )
    versions = list(Detail.objects.filter(fact_id=detail.fact_id).order_by("sequence"))
    assert [(v.sequence, v.is_current, v.data["line1"]) for v in versions] == [
        (1, False, "12 Wattlebird Street"),
        (2, True, "21 Wattlebird Street"),
    ]
    assert versions[1].supersedes_id == detail.pk
    assert versions[1].change == "corrected"
    assert versions[1].valid_from == date(2023, 7, 1)  # the period is kept
    assert decided.applied_detail_id == versions[1].pk
    assert (decided.status, decided.decision, decided.decided_by_id) == (
        "completed",
        "accepted",
        registrar.pk,
    )
    assert decided.task.status == "done"
    rows = _new_rows(before)
    assert [r.action for r in rows] == ["person.detail.correct"]  # the act's one row
    assert str(request.pk) in rows[0].reason
    assert rows[0].details["superseded"] == str(detail.pk)
    assert rows[0].details["access_request_id"] == str(request.pk)
    assert rows[0].details["decision"] == "accepted"


def test_a_refused_correction_changes_no_fact_and_is_audited():
    person = make_person("ACT")
    detail = make_detail(person, "address", ADDRESS)
    request = _correction(person, detail)
    before = _seq()
    decided = correction_decide(
        actor=registrar_for("ACT"),
        request_id=request.pk,
        expected_version=request.version,
        decision="refused",
        reasons="The address was confirmed at a visit.",
    )
    assert Detail.objects.filter(fact_id=detail.fact_id).count() == 1
    assert (decided.status, decided.task.status) == ("refused", "done")
    assert [r.action for r in _new_rows(before)] == ["case.access_request.refuse"]


def test_only_a_registrar_decides_and_a_refusal_changes_nothing():
    person = make_person("ACT")
    detail = make_detail(person, "address", ADDRESS)
    request = _correction(person, detail, proposed_data={**ADDRESS, "line1": "9 Elsewhere"})
    manager = case_manager_for("ACT")
    before = _seq()
    with pytest.raises(AccessDenied):
        correction_decide(
            actor=manager,
            request_id=request.pk,
            expected_version=request.version,
            decision="accepted",
            reasons="x",
        )
    request.refresh_from_db()
    assert (request.status, request.decision, request.version) == ("open", "", 1)
    assert Detail.objects.filter(fact_id=detail.fact_id).count() == 1
    assert [(r.action, r.outcome, r.actor_id) for r in _new_rows(before)] == [
        ("case.correction_decide", "denied", manager.pk)
    ]


def test_a_correction_decided_on_a_stale_view_is_refused():
    person = make_person("ACT")
    detail = make_detail(person, "address", ADDRESS)
    request = _correction(person, detail, proposed_data={**ADDRESS, "line1": "9 Elsewhere"})
    registry.detail_correct(
        actor=registrar_for("ACT"),
        detail_id=detail.pk,
        data={**ADDRESS, "postcode": "2601"},
        valid_from=None,
        valid_to=None,
        reason="someone else",
    )
    with pytest.raises(ConflictError):
        correction_decide(
            actor=registrar_for("ACT"),
            request_id=request.pk,
            expected_version=request.version,
            decision="accepted",
            reasons="x",
            expected_detail_id=detail.pk,
        )
    with pytest.raises(ConflictError):
        correction_decide(
            actor=registrar_for("ACT"),
            request_id=request.pk,
            expected_version=request.version + 5,
            decision="refused",
            reasons="x",
        )
    request.refresh_from_db()
    assert request.status == "open"


def test_a_decided_request_cannot_be_decided_again():
    person = make_person("ACT")
    request = _correction(person, make_detail(person, "address", ADDRESS))
    args = {"actor": registrar_for("ACT"), "request_id": request.pk, "reasons": "r"}
    correction_decide(expected_version=1, decision="refused", **args)
    with pytest.raises(RuleViolation):
        correction_decide(expected_version=2, decision="accepted", **args)


def test_invalid_proposed_data_is_refused_with_its_field():
    person = make_person("ACT")
    detail = make_detail(person, "address", ADDRESS)
    with pytest.raises(RuleViolation) as info:
        _correction(person, detail, proposed_data={**ADDRESS, "postcode": "!!"})
    assert info.value.field == "proposed_data.postcode"


def test_withdrawing_cancels_the_task():
    person = make_person("ACT")
    request = _log(person)
    withdrawn = access_request_withdraw(
        actor=case_manager_for("ACT"),
        request_id=request.pk,
        expected_version=request.version,
        reason="Phoned to say he no longer wants it",
    )
    assert (withdrawn.status, withdrawn.task.status) == ("withdrawn", "cancelled")
    with pytest.raises(RuleViolation):
        access_copy_generate(
            actor=registrar_for("ACT"), request_id=request.pk, recipient="x", purpose="y"
        )
