"""Receipts (ACT s 81; NSW s 12C) and notices of reporting obligations (ACT ss 103–107; NSW
ss 5–7B) as PDFs: what they say (read back with pypdf), the copy kept, giving and serving."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from ncos.access.errors import ConflictError, RuleViolation
from ncos.audit.models import AuditEvent
from ncos.compliance.models import Acknowledgement, ObligationsNotice
from ncos.compliance.services import (
    notice_generate,
    notice_record_service,
    receipt_generate,
    receipt_mark_given,
    report_record,
)
from ncos.compliance.services._common import sha256
from ncos.compliance.tests.helpers import (
    ADDRESS,
    NEW_ADDRESS,
    VEHICLE,
    pdf_text,
    registrable_person,
    today_in,
    years_ago,
)
from ncos.registry.tests.factories import make_detail, make_person

pytestmark = pytest.mark.django_db


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def act_report(act_registrar):
    person = registrable_person()
    old = make_detail(person, "address", ADDRESS, valid_from=years_ago(today_in(), 2))
    today = today_in()
    return report_record(
        actor=act_registrar,
        person=person.pk,
        kind="annual",
        manner="in_person",
        received_at=timezone.now() - timedelta(minutes=20),
        photo_id_sighted=True,
        interpreter_present=True,
        interpreter_name="Ivan Interpreter",
        interpreter_language="Russian",
        interpreter_undertaking=True,
        information="Intends to visit family in Goulburn at Christmas.",
        details=[
            {
                "op": "record",
                "kind": "address",
                "data": NEW_ADDRESS,
                "replaces": str(old.pk),
                "valid_from": (today - timedelta(days=3)).isoformat(),
            },
            {
                "op": "record",
                "kind": "vehicle",
                "data": VEHICLE,
                "valid_from": (today - timedelta(days=2)).isoformat(),
            },
        ],
    )


def test_the_receipt_states_what_s_81_requires(act_registrar, act_report):
    ack = receipt_generate(actor=act_registrar, report_id=act_report.pk)
    text = _flat(pdf_text(bytes(ack.pdf)))
    zone = act_report.person.managing_jurisdiction.zone
    received = act_report.received_at.astimezone(zone)
    assert "Acknowledgement of report" in text
    assert "Crimes (Child Sex Offenders) Act 2005 (ACT) (s 81)" in text
    assert "Received by: Robin Receiver" in text  # (c) the receiving officer's name ...
    assert "Signature of the police officer who received the report" in text  # ... and signature
    assert "In person at an approved reporting place" in text  # (d) how made
    assert received.strftime("%-d %B %Y, %H:%M") in text  # (e) date and time received
    assert "Belconnen Police Station" in text  # (f) the place, made in person
    # (g) a copy of the information reported
    assert "22 Northbourne Avenue" in text
    assert "YQZ42A" in text
    assert "Mazda" in text
    assert "replaces: 1 Example Street" in text
    assert "Intends to visit family in Goulburn at Christmas." in text
    assert "Annual report" in text
    assert "met on time" in text
    assert "Ivan Interpreter (Russian)" in text
    assert f"{act_report.reference}/A1" in text
    # The copy kept is the document produced, byte for byte.
    assert bytes(ack.pdf).startswith(b"%PDF")
    assert ack.sha256 == sha256(bytes(ack.pdf))
    row = AuditEvent.objects.order_by("-seq").first()
    assert row.action == "compliance.receipt.generate"
    assert row.details["sha256"] == ack.sha256


def test_a_nsw_phone_report_receipt_carries_its_reference_number(nsw_registrar):
    person = registrable_person("NSW")
    report = report_record(
        actor=nsw_registrar,
        person=person.pk,
        kind="change",
        manner="phone",
        received_at=timezone.now() - timedelta(minutes=5),
        meets=[],
        details=[{"op": "record", "kind": "vehicle", "data": VEHICLE}],
    )
    text = _flat(pdf_text(bytes(receipt_generate(actor=nsw_registrar, report_id=report.pk).pdf)))
    assert f"Report reference number {report.reference}" in text
    assert "(s 12C)" in text
    assert "By telephone" in text
    assert "Place where the report was made" not in text


def test_marking_given_freezes_the_receipt(act_registrar, act_report):
    first = receipt_generate(actor=act_registrar, report_id=act_report.pk)
    second = receipt_generate(actor=act_registrar, report_id=act_report.pk)
    assert (first.sequence, second.sequence) == (1, 2)
    with pytest.raises(RuleViolation, match="newer copy"):
        receipt_mark_given(
            actor=act_registrar,
            receipt_id=first.pk,
            how="handed",
            given_at=timezone.now(),
            expected_version=1,
        )
    with pytest.raises(ConflictError):
        receipt_mark_given(
            actor=act_registrar,
            receipt_id=second.pk,
            how="handed",
            given_at=timezone.now(),
            expected_version=7,
        )
    with pytest.raises(RuleViolation) as err:
        receipt_mark_given(
            actor=act_registrar, receipt_id=second.pk, how="agreed", given_at=timezone.now()
        )
    assert "NSW s 12C (4)" in str(err.value)
    given = receipt_mark_given(
        actor=act_registrar,
        receipt_id=second.pk,
        how="handed",
        given_at=timezone.now(),
        expected_version=1,
    )
    assert given.given_at is not None
    assert given.version == 2
    assert given.given_how == "handed"
    with pytest.raises(RuleViolation, match="it is final"):
        receipt_generate(actor=act_registrar, report_id=act_report.pk)
    with pytest.raises(RuleViolation, match="already"):
        receipt_mark_given(
            actor=act_registrar, receipt_id=second.pk, how="post", given_at=timezone.now()
        )
    assert Acknowledgement.objects.filter(report=act_report).count() == 2  # both copies kept


def test_a_receipt_cannot_be_given_before_it_was_produced(act_registrar, act_report):
    ack = receipt_generate(actor=act_registrar, report_id=act_report.pk)
    with pytest.raises(RuleViolation) as err:
        receipt_mark_given(
            actor=act_registrar,
            receipt_id=ack.pk,
            how="handed",
            given_at=ack.generated_at - timedelta(hours=1),
        )
    assert err.value.field == "given_at"


# --- notices ----------------------------------------------------------------------------------


def test_the_act_notice_is_specific_to_the_person(act_registrar):
    person = registrable_person()
    notice = notice_generate(
        actor=act_registrar,
        person_id=person.pk,
        reason="sentenced",
        occasion_date=today_in() - timedelta(days=3),
    )
    text = _flat(pdf_text(bytes(notice.pdf)))
    content = notice.content
    assert content["form"] == "act"
    assert "Notice of Reporting Obligations" in text
    assert person.display_name in text
    assert "Your reporting period is 15 years" in text
    end = content["period"]["end"]
    assert end
    assert "(the last day)" in text
    assert "Your next annual report is due between" in text
    assert "Failure to comply with these obligations is a criminal offence" in text
    assert "500 penalty units, imprisonment for 5 years" in text  # s 58A
    assert "Within 24 hours after the change" in text  # children (s 54 (1) (a))
    assert "At least 7 days before leaving" in text  # travel (s 42)
    # The interstate travel table from the law engine, every jurisdiction.
    for words in (
        "Tasmania",
        "any period",
        "Within 3 days of arrival",
        "1800 235 733",
        "Western Australia",
        "1800 300 400",
    ):
        assert words in text
    assert "csort@afp.gov.au" in text
    assert "1800 031 722" in text
    assert "(s 104 (1) (a))" in text
    assert notice.due_on == today_in() - timedelta(days=3) + timedelta(days=14)
    assert notice.sha256 == sha256(bytes(notice.pdf))


def test_the_nsw_notice_follows_the_nsw_act(nsw_registrar):
    person = registrable_person("NSW")
    notice = notice_generate(actor=nsw_registrar, person_id=person.pk, reason="changed")
    text = _flat(pdf_text(bytes(notice.pdf)))
    assert "Child Protection (Offenders Registration) Act 2000 (NSW)" in text
    assert "(s 17)" in text
    assert "500 penalty units or imprisonment for 5 years" in text
    assert "During your reporting month each year" in text
    assert "Within 5 days after the change" in text
    assert "(s 7B)" in text
    assert notice.due_on is None  # s 7B: before the next report, no fixed days


def test_other_jurisdictions_get_the_national_model_wording_saying_so(make_user):
    from ncos.access.roles import Role
    from ncos.compliance.tests.helpers import registrable_person as make

    vic = make_user("c.vic.reg", jurisdiction="VIC", roles=[Role.REGISTRAR], cleared=True)
    person = make("VIC", actor=vic)
    notice = notice_generate(actor=vic, person_id=person.pk, reason="any_time")
    text = _flat(pdf_text(bytes(notice.pdf)))
    assert notice.content["form"] == "national"
    assert "Victoria's own Act is not yet encoded in ncos" in text
    assert "national model" in text
    assert "1800 235 733" in text


def test_no_notice_for_a_person_who_is_not_registrable(act_registrar):
    person = make_person("ACT")
    with pytest.raises(RuleViolation, match="not find this person registrable"):
        notice_generate(actor=act_registrar, person_id=person.pk, reason="any_time")
    assert not ObligationsNotice.objects.filter(person=person).exists()


def test_recording_service_of_a_notice(act_registrar):
    person = registrable_person()
    notice = notice_generate(actor=act_registrar, person_id=person.pk, reason="any_time")
    with pytest.raises(RuleViolation) as err:
        notice_record_service(
            actor=act_registrar, notice_id=notice.pk, how="in_person", served_at=timezone.now()
        )
    assert err.value.field == "explained"
    with pytest.raises(RuleViolation) as err:
        notice_record_service(
            actor=act_registrar,
            notice_id=notice.pk,
            how="in_person",
            served_at=timezone.now(),
            explained=True,
            interpreter_name="Ana",
        )
    assert err.value.field == "interpreter_name"
    with pytest.raises(ConflictError):
        notice_record_service(
            actor=act_registrar,
            notice_id=notice.pk,
            how="in_person",
            served_at=timezone.now(),
            explained=True,
            expected_version=3,
        )
    served = notice_record_service(
        actor=act_registrar,
        notice_id=notice.pk,
        how="in_person",
        served_at=timezone.now(),
        explained=True,
        explanation_note="Read through with him",
        interpreter_name="Ana",
        interpreter_language="Spanish",
        person_signed=True,
        expected_version=1,
    )
    assert served.served_by == act_registrar
    assert served.served_by_name == "Robin Receiver"
    assert served.version == 2
    assert served.interpreter_language == "Spanish"
    with pytest.raises(RuleViolation, match="already recorded"):
        notice_record_service(
            actor=act_registrar,
            notice_id=notice.pk,
            how="post",
            served_at=timezone.now(),
            explained=False,
        )
