"""The request as another agency consumes it: the JSON document validated against the committed
JSON Schema, and the PDF letter."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from jsonschema import Draft202012Validator
from pypdf import PdfReader

from ncos.passports import export, services
from ncos.passports.tests.factories import draft, granted, second_registrar, sent
from ncos.registry.services._common import local_today
from ncos.registry.tests.factories import registrar_for
from ncos.sharing.tests.factories import registrable_person

pytestmark = pytest.mark.django_db


def test_the_committed_schema_is_a_valid_json_schema():
    schema = json.loads(export.SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"] == {"const": export.SCHEMA_VERSION}


@pytest.mark.parametrize(
    "request_type", ["cancel_australian", "surrender_foreign", "issue_limited"]
)
def test_every_type_and_state_validates(request_type):
    person = registrable_person("ACT", aliases=[("Otherly", "Sam")])
    request = draft(person, request_type)
    doc = export.request_document(request)
    assert export.validate_document(doc) == []
    assert doc["approval"]["approved"] is False
    assert {"family_name": "Otherly", "given_names": "Sam", "name_type": "alias"} in (
        doc["person"]["other_names"]
    )
    services.passport_request_approve(
        actor=second_registrar("ACT"), request_id=request.pk, expected_version=1
    )
    request.refresh_from_db()
    doc = json.loads(export.request_json(request))
    assert export.validate_document(doc) == []
    assert doc["approval"]["approved"] is True
    assert doc["approval"]["approved_by"]["username"] == second_registrar("ACT").username
    assert ("passport" in doc) is (request_type != "issue_limited")
    assert ("limited_validity" in doc) is (request_type == "issue_limited")


def test_a_completed_request_carries_its_outcome():
    person = registrable_person("ACT")
    request = sent(person, "issue_limited", permission=granted(person))
    today = local_today(person)
    services.passport_request_outcome(
        actor=registrar_for("ACT"),
        request_id=request.pk,
        expected_version=3,
        outcome_on=today,
        document_number="PB7654321",
        expires_on=today + timedelta(days=100),
    )
    request.refresh_from_db()
    doc = export.request_document(request)
    assert export.validate_document(doc) == []
    assert doc["outcome"] == {
        "result": "issued",
        "date": today.isoformat(),
        "document_number": "PB7654321",
        "expires_on": (today + timedelta(days=100)).isoformat(),
        "notes": "",
    }
    assert [e["status"] for e in doc["lifecycle"]] == ["draft", "approved", "sent", "completed"]


def test_the_schema_catches_a_document_that_breaks_the_interface():
    request = draft(registrable_person("ACT"), "cancel_australian")
    doc = export.request_document(request)
    broken = dict(doc)
    broken.pop("passport")
    assert any("passport" in p for p in export.validate_document(broken))
    wrong_country = json.loads(json.dumps(doc))
    wrong_country["passport"]["country"] = "Fiji"
    assert export.validate_document(wrong_country)
    extra = json.loads(json.dumps(doc))
    extra["person"]["criminal_history"] = "must not be sent"
    assert export.validate_document(extra)
    bad_date = json.loads(json.dumps(doc))
    bad_date["person"]["date_of_birth"] = "30/06/1985"
    assert export.validate_document(bad_date)


def test_the_letter_is_a_pdf_with_the_request():
    person = registrable_person("ACT", family_name="Letterperson")
    request = draft(person, "issue_limited")
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(export.request_letter(request))).pages
    )
    assert "DRAFT — NOT APPROVED" in text
    assert "Issue a limited-validity Australian passport" in text
    assert "Letterperson" in text
    assert request.reference in text
    assert "Thailand" in text
    services.passport_request_approve(
        actor=second_registrar("ACT"), request_id=request.pk, expected_version=1
    )
    request.refresh_from_db()
    text = "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(export.request_letter(request))).pages
    )
    assert "DRAFT" not in text
    assert "Approved by" in text
